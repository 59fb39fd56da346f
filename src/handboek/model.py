"""The handbook as typed, frozen objects: what the renderers and the site use.

Objects are only built from content that passed every check (see `check` and `assemble`),
so renderers never meet a missing part or an empty quote.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum


@dataclass(frozen=True)
class PartSpec:
    """A required part of every environment page."""

    key: str
    """A name for the part in code and in the open data."""
    title: str
    """The `##` heading editors write, as in the SCP source."""
    anchor: str
    """Stable id for deep links: /omgevingen/<slug>/#<anchor>."""
    matrix_field: str | None = None
    """The `overzicht` field shown in the part's row of the overview, if it has a row."""


PARTS: tuple[PartSpec, ...] = (
    PartSpec("meerwaarde", "Wat is de meerwaarde?", "meerwaarde", "meerwaarde"),
    PartSpec("wat_werkt", "Wat werkt (en wat niet)?", "wat-werkt"),
    PartSpec("gemeente", "Wat kan de gemeente doen?", "wat-kan-de-gemeente-doen", "gemeente"),
    PartSpec("bruggenbouwers", "Wie zijn de bruggenbouwers?", "bruggenbouwers", "bruggenbouwers"),
    PartSpec("praktijk", "Uit de praktijk", "uit-de-praktijk"),
)
QUOTES_PART = PARTS[-1]
BRIDGE_BUILDERS_PART = PARTS[3]

# The rows of the overview matrix, in the order of the SCP summary table.
MATRIX_ROWS: tuple[PartSpec, ...] = (PARTS[0], PARTS[3], PARTS[2])

# The content folder, relative to the repository root (mkdocs.yml: `docs_dir`; a test keeps
# the two equal).
CONTENT_FOLDER = "content"
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
    """Who keeps a page right, and when it is looked at again."""

    owner: str
    """`eigenaar`: a role or team."""
    last_reviewed: dt.date
    """`laatst_beoordeeld`."""
    next_review: dt.date
    """`volgende_beoordeling`: after this date the check lists the page for review."""


@dataclass(frozen=True)
class Page:
    """Any content page: `path` is relative to the content folder, with '/'."""

    path: str
    """Relative to the content folder, with '/' (e.g. `omgevingen/verenigingen.md`)."""
    title: str
    """`titel`, plain text."""
    description: str
    """`beschrijving`, plain text: the meta description."""
    review: Review
    """Owner and review dates."""
    markdown: str
    """The body as the editor wrote it, without front matter."""


@dataclass(frozen=True)
class Part:
    """The text of one required part on one environment page."""

    spec: PartSpec
    """Which part."""
    markdown: str
    """The text under its heading, as written."""
    line: int
    """The line of its first text in the content file."""


@dataclass(frozen=True)
class Quote:
    """A quote from practice, verbatim, with the role of who said it."""

    paragraphs: tuple[str, ...]
    """Its paragraphs, each on one line."""
    role: str
    """The attribution after '—', e.g. 'vrijwilliger in een buurthuis'."""
    line: int
    """The line where the quote starts in the content file."""


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
    """One of the environments where informal supporters work, with all its parts."""

    page: Page
    """Its page: title, description, review, the body as written."""
    slug: str
    """Its file name without .md: the last part of its web address."""
    order: int
    """`volgorde`: its place in the menu, the overview and the print page."""
    intro: str
    """The text before the first part."""
    parts: tuple[Part, ...]
    """Every part, in the order of `PARTS`."""
    quotes: tuple[Quote, ...]
    """The quotes of "Uit de praktijk"."""
    overview: dict[str, tuple[str, ...]]
    """`overzicht`: matrix field -> short statements."""
    points: tuple[Point, ...] = ()
    """The points of "Wat kan de gemeente doen?", in order."""

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
    """A local bridge builder a municipality names (lokaal/omgevingen/<slug>.yml)."""

    organisation: str
    """`organisatie`, plain text."""
    role: str
    """`rol`, plain text."""
    contact: str
    """`contact`: an e-mail address (linked), a phone number or a web address."""


@dataclass(frozen=True)
class Initiative:
    """A local initiative or example a municipality names."""

    name: str
    """`naam`, plain text."""
    description: str
    """`beschrijving`, Markdown."""
    url: str | None
    """`webadres`: https only, checked with `urllib.parse`."""


@dataclass(frozen=True)
class LocalNote:
    """A municipality's note "Zo doen wij dit in ..." under a part (or one point of it)."""

    part: PartSpec
    """The part it is under."""
    point: str | None
    """The bold opening words of one point in that part, if it is about one point."""
    markdown: str
    """`tekst`: the note, Markdown."""


# The ids of a fork's blocks on an environment page.
BRIDGE_BUILDERS_ANCHOR = "lokaal-bruggenbouwers"
INITIATIVES_ANCHOR = "lokaal-initiatieven"


def notes_anchor(part: PartSpec) -> str:
    """The id of the block of a fork's notes under one part."""
    return f"zo-doen-wij-dit-{part.anchor}"


class BlockKind(Enum):
    """The kinds of a municipality's blocks on an environment page (the value is the list's
    name in lokaal/omgevingen/<slug>.yml)."""

    NOTES = "notities"
    BRIDGE_BUILDERS = "bruggenbouwers"
    INITIATIVES = "initiatieven"


@dataclass(frozen=True)
class LocalBlock:
    """One block of a municipality's own content under a part, as the renderer shows it."""

    kind: BlockKind
    """What the block holds."""
    anchor: str
    """Its id on the page."""
    title: str
    """Its heading before the municipality's name ("Zo doen wij dit in")."""
    items: tuple[LocalNote, ...] | tuple[BridgeBuilder, ...] | tuple[Initiative, ...]
    """What it shows, never empty."""


@dataclass(frozen=True)
class LocalEnvironment:
    """What a municipality adds to one environment page."""

    bridge_builders: tuple[BridgeBuilder, ...] = ()
    """Its bridge builders, shown under "Wie zijn de bruggenbouwers?"."""
    initiatives: tuple[Initiative, ...] = ()
    """Its initiatives, shown under "Uit de praktijk"."""
    notes: tuple[LocalNote, ...] = ()
    """Its notes "Zo doen wij dit in ...", each under its part."""

    def notes_on(self, part: PartSpec) -> tuple[LocalNote, ...]:
        return tuple(note for note in self.notes if note.part is part)

    def blocks_under(self, part: PartSpec) -> list[LocalBlock]:
        """The municipality's blocks under one part: notes, then bridge builders or initiatives."""
        wanted = [
            LocalBlock(
                BlockKind.NOTES,
                notes_anchor(part),
                "Zo doen wij dit in",
                self.notes_on(part),
            )
        ]
        if part is BRIDGE_BUILDERS_PART:
            wanted.append(
                LocalBlock(
                    BlockKind.BRIDGE_BUILDERS,
                    BRIDGE_BUILDERS_ANCHOR,
                    "Bruggenbouwers in",
                    self.bridge_builders,
                )
            )
        if part is QUOTES_PART:
            wanted.append(
                LocalBlock(
                    BlockKind.INITIATIVES,
                    INITIATIVES_ANCHOR,
                    "Initiatieven en voorbeelden in",
                    self.initiatives,
                )
            )
        return [block for block in wanted if block.items]

    def texts_under(self, part: PartSpec) -> list[tuple[str, tuple[str, ...]]]:
        """Each block's id under one part, with the Markdown written in it (`links` reads both)."""
        return [
            (
                block.anchor,
                tuple(
                    item.markdown if isinstance(item, LocalNote) else item.description
                    for item in block.items
                    if isinstance(item, LocalNote | Initiative)
                ),
            )
            for block in self.blocks_under(part)
        ]


@dataclass(frozen=True)
class LocalLayer:
    """What one municipality adds: name, branding, own pages, additions per environment."""

    name: str
    """`naam`: "Gemeente ...", plain text."""
    logo: tuple[str, str] | None
    """(path in the site, source file relative to the root), if it has a logo."""
    css: str
    """The municipality's colours as CSS custom properties ('' when none)."""
    pages: tuple[tuple[str, str], ...]
    """Its own pages: (path in the site, source file relative to the root)."""
    contact_path: str
    """Path in the site of its contact page."""
    environments: dict[str, LocalEnvironment]
    """Its additions, by environment slug."""
    renames: tuple[tuple[str, str], ...] = ()
    """(earlier name, current name) of renamed environments: links in own pages follow them."""

    def environment(self, slug: str) -> LocalEnvironment:
        return self.environments.get(slug, LocalEnvironment())


@dataclass(frozen=True)
class Handbook:
    """The whole site's content: what every renderer reads."""

    pages: tuple[Page, ...]
    """Every content page, environments and local pages included."""
    environments: tuple[Environment, ...]
    """Sorted by `order`."""
    local: LocalLayer | None = None
    """Only in a municipality's fork."""

    def environment_at(self, path: str) -> Environment | None:
        return next((env for env in self.environments if env.page.path == path), None)
