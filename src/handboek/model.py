"""The handbook as typed, frozen objects: what the renderers and the site use.

Objects are only built from content that passed every check (see `load`),
so renderers never meet a missing part or an empty quote.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class PartSpec:
    """A required part of every environment page."""

    key: str
    title: str  # the `##` heading editors write, as in the SCP source
    anchor: str  # stable id for deep links: /omgevingen/<slug>/#<anchor>
    matrix_field: str | None = None  # the `overzicht` field shown in the matrix row


PARTS: tuple[PartSpec, ...] = (
    PartSpec("meerwaarde", "Wat is de meerwaarde?", "meerwaarde", "meerwaarde"),
    PartSpec("wat_werkt", "Wat werkt (en wat niet)?", "wat-werkt"),
    PartSpec("gemeente", "Wat kan de gemeente doen?", "wat-kan-de-gemeente-doen", "gemeente"),
    PartSpec("bruggenbouwers", "Wie zijn de bruggenbouwers?", "bruggenbouwers", "bruggenbouwers"),
    PartSpec("praktijk", "Uit de praktijk", "uit-de-praktijk"),
)
QUOTES_PART = PARTS[-1]

# The rows of the overview matrix, in the order of the SCP summary table.
MATRIX_ROWS: tuple[PartSpec, ...] = (PARTS[0], PARTS[3], PARTS[2])

ENVIRONMENTS_FOLDER = "omgevingen"
START_PAGE_PATH = "index.md"
# Pages the build generates from the model; editors never write these files.
OVERVIEW_PATH = "overzicht.md"
PRINT_ALL_PATH = "afdrukken.md"
GENERATED_PATHS = (OVERVIEW_PATH, PRINT_ALL_PATH)


@dataclass(frozen=True)
class Review:
    owner: str
    last_reviewed: dt.date
    next_review: dt.date


@dataclass(frozen=True)
class Page:
    """Any content page: `path` is relative to the content folder, with '/'."""

    path: str
    title: str
    description: str
    review: Review
    markdown: str  # the body as the editor wrote it, without front matter


@dataclass(frozen=True)
class Part:
    spec: PartSpec
    markdown: str
    line: int


@dataclass(frozen=True)
class Quote:
    paragraphs: tuple[str, ...]
    role: str
    line: int


@dataclass(frozen=True)
class Environment:
    page: Page
    slug: str
    order: int
    intro: str
    parts: tuple[Part, ...]  # in the order of PARTS
    quotes: tuple[Quote, ...]
    overview: dict[str, tuple[str, ...]]  # matrix field -> short statements

    @property
    def url(self) -> str:
        return f"{ENVIRONMENTS_FOLDER}/{self.slug}/"

    def part(self, key: str) -> Part:
        return next(part for part in self.parts if part.spec.key == key)


@dataclass(frozen=True)
class Handbook:
    pages: tuple[Page, ...]  # every content page, environments included
    environments: tuple[Environment, ...]  # sorted by `order`

    def environment_at(self, path: str) -> Environment | None:
        return next((env for env in self.environments if env.page.path == path), None)
