"""The handbook as typed, frozen objects: what the renderers and the site use.

Objects are only built from content that passed every check (see `check` and `assemble`),
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
PRINT_ALL_TITLE = "Hele handreiking afdrukken"
# The zelfscan: every point of "Wat kan de gemeente doen?" as a form to fill in.
SELF_SCAN_PATH = "zelfscan.md"
# The open data: the handbook as JSON (with its JSON Schema), CSV and a DCAT catalogue.
OPEN_DATA_PATH = "open-data.md"
OPEN_DATA_FOLDER = "open-data"
GENERATED_PATHS = (OVERVIEW_PATH, PRINT_ALL_PATH, SELF_SCAN_PATH, OPEN_DATA_PATH)
# The part whose points the zelfscan asks about.
POINTS_PART_KEY = "gemeente"


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
class Point:
    """One point of "Wat kan de gemeente doen?": a list item that opens with bold words."""

    title: str
    """The bold opening words, without a trailing '.' or ':'."""
    text: str
    """The explanation after them (Markdown, as the editor wrote it)."""
    anchor: str
    """Its stable id on the environment page: `punt-<titel als slug>` (see `points`)."""
    line: int
    """The line of its list item in the content file."""


@dataclass(frozen=True)
class Environment:
    page: Page
    slug: str
    order: int
    intro: str
    parts: tuple[Part, ...]  # in the order of PARTS
    quotes: tuple[Quote, ...]
    overview: dict[str, tuple[str, ...]]  # matrix field -> short statements
    points: tuple[Point, ...] = ()  # of "Wat kan de gemeente doen?", in order

    @property
    def url(self) -> str:
        return f"{ENVIRONMENTS_FOLDER}/{self.slug}/"


# A municipality's own layer (see `handboek.local`): a folder upstream never writes to.
LOCAL_FOLDER = "lokaal"
# Where the municipality's own pages appear in the site: /gemeente/<naam>/.
LOCAL_PAGES_PATH = "gemeente"
# Statements about whoever publishes the site: a local page by this name replaces
# upstream's at the same address (the footer links to them).
PUBLISHER_PAGES = ("toegankelijkheid.md", "privacy.md")


@dataclass(frozen=True)
class BridgeBuilder:
    organisation: str
    role: str
    contact: str


@dataclass(frozen=True)
class Initiative:
    name: str
    description: str  # Markdown
    url: str | None


@dataclass(frozen=True)
class LocalNote:
    """A municipality's note "Zo doen wij dit in ..." under a part (or one point of it)."""

    part: PartSpec
    point: str | None  # the bold opening words of one point in that part, if any
    markdown: str


@dataclass(frozen=True)
class LocalEnvironment:
    bridge_builders: tuple[BridgeBuilder, ...] = ()
    initiatives: tuple[Initiative, ...] = ()
    notes: tuple[LocalNote, ...] = ()

    def notes_on(self, part: PartSpec) -> tuple[LocalNote, ...]:
        return tuple(note for note in self.notes if note.part is part)

    def blocks_under(self, part: PartSpec) -> list[LocalBlock]:
        """The municipality's blocks under one part: notes, then bridge builders or initiatives."""
        wanted: list[LocalBlock] = [
            (
                "notities",
                f"zo-doen-wij-dit-{part.anchor}",
                "Zo doen wij dit in",
                self.notes_on(part),
            ),
        ]
        if part.key == "bruggenbouwers":
            wanted.append(
                (
                    "bruggenbouwers",
                    "lokaal-bruggenbouwers",
                    "Bruggenbouwers in",
                    self.bridge_builders,
                )
            )
        if part is QUOTES_PART:
            wanted.append(
                (
                    "initiatieven",
                    "lokaal-initiatieven",
                    "Initiatieven en voorbeelden in",
                    self.initiatives,
                )
            )
        return [block for block in wanted if block[3]]

    def texts_under(self, part: PartSpec) -> list[tuple[str, tuple[str, ...]]]:
        """Each block's id under one part, with the Markdown written in it (`links` reads both)."""
        return [
            (
                anchor,
                tuple(
                    item.markdown if isinstance(item, LocalNote) else item.description
                    for item in items
                    if isinstance(item, LocalNote | Initiative)
                ),
            )
            for _, anchor, _, items in self.blocks_under(part)
        ]


# A block as the renderer shows it: kind, id, title (before the municipality's name), items.
LocalBlock = tuple[str, str, str, tuple[object, ...]]


@dataclass(frozen=True)
class LocalLayer:
    """What one municipality adds: name, branding, own pages, additions per environment."""

    name: str  # "Gemeente ..."
    logo: tuple[str, str] | None  # (path in the site, source file relative to the root)
    css: str  # the municipality's colours as CSS custom properties ('' when none)
    pages: tuple[tuple[str, str], ...]  # (path in the site, source file relative to the root)
    contact_path: str  # path in the site of the contact page
    environments: dict[str, LocalEnvironment]  # by environment slug
    # (earlier name, current name) of renamed environments: links in own pages follow them
    renames: tuple[tuple[str, str], ...] = ()

    def environment(self, slug: str) -> LocalEnvironment:
        return self.environments.get(slug, LocalEnvironment())


@dataclass(frozen=True)
class Handbook:
    pages: tuple[Page, ...]  # every content page, environments and local pages included
    environments: tuple[Environment, ...]  # sorted by `order`
    local: LocalLayer | None = None  # only in a municipality's fork

    def environment_at(self, path: str) -> Environment | None:
        return next((env for env in self.environments if env.page.path == path), None)
