"""One content file, read and split: the input of every rule.

`read_document` does the parsing (text, front matter, YAML, fields, the
body's headings) and keeps what it found with line numbers. What only some
rules need (the `##` sections of environment pages, the links and HTML in the
prose) is worked out from that once, when a rule first asks, and kept. Rules
in `rules` only look; they never parse again.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from handboek.fields import ENVIRONMENT_FIELDS, PAGE_FIELDS, Field
from handboek.model import ENVIRONMENTS_FOLDER
from handboek.problems import Problem
from handboek.read import body, frontmatter, scan, text, tree

# What an environment's file name (its web address) may be: lowercase, digits and '-'.
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# A bound under abuse, with text.MAX_FILE_BYTES: numbering the ids of many equal
# headings takes time in the square of their number (here and in Python-Markdown's toc).
MAX_HEADINGS = 1000


@dataclass(frozen=True)
class FrontMatter:
    """The valid values of a page's fields, typed; `None` (or empty) where a field is
    missing or wrong (its problem is reported by the field reader)."""

    title: str | None = None
    """`titel`: the page's title, as readers see it."""
    description: str | None = None
    """`beschrijving`: one sentence for search engines (meta description)."""
    owner: str | None = None
    """`eigenaar`: who looks after the content."""
    last_reviewed: dt.date | None = None
    """`laatst_beoordeeld`."""
    next_review: dt.date | None = None
    """`volgende_beoordeling`."""
    order: int | None = None
    """`volgorde`: an environment's place in the menu and the overview."""
    earlier_names: tuple[str, ...] = ()
    """`eerdere_namen`: an environment's earlier file names, after a rename."""
    overview: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """`overzicht`: an environment's short statements per row of the overview."""

    @classmethod
    def of(cls, fields: Mapping[str, Any]) -> FrontMatter:
        """The typed values of the fields the reader found valid (keys as editors write them)."""
        return cls(**{name: fields[key] for key, name in _FIELD_NAMES.items() if key in fields})


# Field name as editors write it -> attribute of `FrontMatter`.
_FIELD_NAMES = {
    "titel": "title",
    "beschrijving": "description",
    "eigenaar": "owner",
    "laatst_beoordeeld": "last_reviewed",
    "volgende_beoordeling": "next_review",
    "volgorde": "order",
    "eerdere_namen": "earlier_names",
    "overzicht": "overview",
}


@dataclass(frozen=True)
class Document:
    path: str  # as shown to editors, relative to the repository root
    content_path: str  # relative to the content folder, with '/'
    fields: dict[str, Any]  # valid values of the fields that were present
    field_lines: dict[str, int]  # line of each top-level field that was present
    front_matter_line: int
    headings: tuple[body.Heading, ...]  # every heading of the body, for rules and anchors
    body: str
    body_line: int

    @functools.cached_property
    def _split(self) -> tuple[body.Section, tuple[body.Section, ...]]:
        return body.split_sections(self.body, self.body_line, self.headings)

    @property
    def intro(self) -> body.Section:
        """The text before the first `##` heading."""
        return self._split[0]

    @property
    def sections(self) -> tuple[body.Section, ...]:
        """The text under each `##` heading."""
        return self._split[1]

    @functools.cached_property
    def prose(self) -> scan.Prose:
        """The body with code blanked out, made once for all rules that read links and HTML."""
        return scan.prose(self.body, self.body_line)

    # What `scan` finds in the prose, found once: the link, reference and safety rules all read it.
    @functools.cached_property
    def links(self) -> tuple[scan.Link, ...]:
        return scan.links(self.prose)

    @functools.cached_property
    def unclosed_links(self) -> tuple[int, ...]:
        return scan.unclosed_links(self.prose)

    @functools.cached_property
    def definitions(self) -> tuple[scan.Definition, ...]:
        return scan.definitions(self.prose)

    @functools.cached_property
    def references(self) -> tuple[scan.Reference, ...]:
        return scan.references(self.prose)

    @functools.cached_property
    def tags(self) -> tuple[scan.Tag, ...]:
        return scan.tags(self.prose)

    @functools.cached_property
    def front_matter(self) -> FrontMatter:
        """The fields' values, typed."""
        return FrontMatter.of(self.fields)

    @property
    def is_environment(self) -> bool:
        return is_environment_path(self.content_path)

    @property
    def slug(self) -> str:
        return Path(self.content_path).stem

    def line_of(self, field: str) -> int:
        return self.field_lines.get(field, self.front_matter_line - 1)


def is_environment_path(content_path: str) -> bool:
    parts = content_path.split("/")
    return len(parts) == 2 and parts[0] == ENVIRONMENTS_FOLDER


def fields_for(content_path: str) -> tuple[Field, ...]:
    return ENVIRONMENT_FIELDS if is_environment_path(content_path) else PAGE_FIELDS


def read_document(
    file: Path, path: str, content_path: str
) -> tuple[Document | None, list[Problem]]:
    """Parse one file; `None` when it cannot be read far enough to check its body."""
    content, problems = text.read_text(file, path)
    if content is None:
        return None, problems
    source, problems = text.split_front_matter(content, path)
    if source is None:
        return None, problems
    node, problems = frontmatter.parse_yaml(source)
    if node is None:
        return None, problems
    prose = scan.prose(source.body, source.body_line)
    found_headings = body.headings(source.body, source.body_line, prose)
    if len(found_headings) > MAX_HEADINGS:
        return None, [
            Problem(
                path,
                found_headings[MAX_HEADINGS].line,
                f"de pagina heeft meer dan {MAX_HEADINGS} koppen",
                "verdeel de tekst over meer pagina's",
            )
        ]
    reader = frontmatter.FieldReader(path, source.front_matter_line)
    fields = reader.read_group(node, fields_for(content_path))
    field_lines = {
        str(key.value): reader.line_of(key) for key, _ in node.value if isinstance(key.value, str)
    }
    document = Document(
        path=path,
        content_path=content_path,
        fields=fields,
        field_lines=field_lines,
        front_matter_line=source.front_matter_line,
        headings=found_headings,
        body=source.body,
        body_line=source.body_line,
    )
    document.__dict__["prose"] = prose  # read once: the cached `prose` of the document
    return document, reader.problems


@dataclass(frozen=True)
class ContentListing:
    """What is in the content folder, from one walk through it (links not followed)."""

    pages: tuple[Path, ...]
    """The Markdown files, sorted."""
    files: frozenset[str]
    """Every entry but folders (pages, images, ...), relative, with '/'."""
    unreadable: tuple[Path, ...]
    """Neither file nor folder: a broken link, a pipe, a device."""
    links: tuple[Path, ...] = ()
    """Symbolic links (to a file or folder, inside or out)."""


def list_content(content_dir: Path) -> ContentListing:
    """One walk through the content folder (see `tree`): its pages and every other entry."""
    found = tree.walk(content_dir)
    pages = tuple(path for path in found.files if path.name.endswith(".md"))
    entries = (*found.files, *found.links, *found.special)
    return ContentListing(
        pages,
        frozenset(path.relative_to(content_dir).as_posix() for path in entries),
        found.special,
        found.links,
    )


def read_all(
    listing: ContentListing, content_dir: Path, folder: str
) -> tuple[list[Document], list[Problem]]:
    """Every page of a listing read (`folder`: the content folder as editors see it, such as
    'content/'), with the problems of reading them; a page that cannot be read is left out."""
    documents: list[Document] = []
    problems: list[Problem] = []
    for file in listing.pages:
        content_path = file.relative_to(content_dir).as_posix()
        document, found = read_document(file, folder + content_path, content_path)
        problems.extend(found)
        if document is not None:
            documents.append(document)
    return documents, problems
