"""The ids each page of the site has, worked out from its text as the build renders it.

Flow: for each document, `scan` finds the link destinations in its prose
(inline links and images, reference definitions) with their lines. External
destinations (with a scheme such as `https:` or `mailto:`, or starting with
`//`) are left alone here; `safety` decides which of those are allowed. Every
other destination is resolved relative to the page, as MkDocs does, and must
point to a file in the content folder, or to one of the generated pages
(`model.GENERATED_PATHS`); a `#anchor` must exist on the target page.

A page's anchors are the `id`s that the site's Markdown extensions (the same
as in mkdocs.yml) give it, worked out from the page's headings in the order
the build renders them (see `page_ids`). Environment pages are rendered from
the model, so their parts have the fixed anchors of `model.PARTS` instead of
ids made from the heading text. In a municipality's fork, the local layer adds
its blocks under the parts (`#lokaal-bruggenbouwers`, ...; see
`model.LocalEnvironment.blocks_under`), with the headings and ids written in
their own texts. The generated pages have the anchors `render` and the hook
give them: the overview only its title's (`#overzicht`); the print-all page
its own title's, the start page's, `#overzicht`, and per environment `#<slug>`
and the environment page's anchors, the fixed ones with `<slug>-` in front.
Each point of "Wat kan de gemeente doen?" has its id `#punt-<titel>` (see
`points`). The zelfscan has `#zelfscan`, per environment `#<slug>` and the ids
of its form fields; the open-data page `#open-data` and the fixed ids of its text.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import NamedTuple

from handboek.model import (
    GENERATED_PATHS,
    OPEN_DATA_PATH,
    OVERVIEW_PATH,
    PARTS,
    POINTS_PART_KEY,
    PRINT_ALL_PATH,
    PRINT_ALL_TITLE,
    SELF_SCAN_PATH,
    START_PAGE_PATH,
    LocalEnvironment,
    PartSpec,
)
from handboek.read import body, points, scan
from handboek.read.document import Document
from handboek.read.slugs import slugify, unique
from handboek.rules import markup

# The Markdown extensions of mkdocs.yml whose ids `page_ids` reproduces (a test keeps them equal).
MARKDOWN_EXTENSIONS = ("attr_list", "md_in_html", "toc")

_PART_SPECS = {spec.title: spec for spec in PARTS}


class Site:
    """The pages and files of the content folder, and the anchors of each page.

    `local` holds, in a fork, the municipality's additions to each environment
    page (None: its local file has errors, so the page's anchors are unknown).
    """

    def __init__(
        self,
        documents: tuple[Document, ...],
        files: frozenset[str],
        local: Mapping[str, LocalEnvironment | None] | None = None,
    ) -> None:
        self.documents = {document.content_path: document for document in documents}
        self.files = files | set(GENERATED_PATHS)
        self.local = dict(local or {})
        self.pages = sorted(path for path in self.files if path.endswith(".md"))
        self._anchors: dict[str, frozenset[str] | None] = {}

    def anchors(self, path: str) -> frozenset[str] | None:
        """The anchors of a page; None when the page could not be read (it has its own errors)."""
        if path not in self._anchors:
            self._anchors[path] = self._find_anchors(path)
        return self._anchors[path]

    def _find_anchors(self, path: str) -> frozenset[str] | None:
        if path == OVERVIEW_PATH:
            return frozenset({"overzicht"})
        if path == PRINT_ALL_PATH:
            return self._print_all_anchors()
        if path == SELF_SCAN_PATH:
            return self._self_scan_anchors()
        if path == OPEN_DATA_PATH:
            return frozenset({OPEN_DATA_ANCHOR, *_open_data_ids()})
        document = self.documents.get(path)
        if document is None:
            return None
        local = self.local.get(path, LocalEnvironment())
        if local is None:
            return None
        title = Anchor(document.front_matter.title or "", None)  # the hook puts it on top
        return page_ids([title, *_entries(document, local)])

    def _print_all_anchors(self) -> frozenset[str] | None:
        """As render.print_all_markdown builds it: title, start page, overview, environments."""
        start = self.documents.get(START_PAGE_PATH)
        if start is None or None in self.local.values():
            return None  # the start page, or an environment's local blocks, are unknown
        entries = [Anchor(PRINT_ALL_TITLE, None), *_entries(start)]
        entries.append(Anchor("Overzicht", "overzicht"))
        for document in environments_in_order(self.documents.values()):
            prefix = f"{document.slug}-"
            entries.append(Anchor(document.front_matter.title or "", document.slug))
            entries += _entries(document, self.local.get(document.content_path), prefix)
        return page_ids(entries)

    def _self_scan_anchors(self) -> frozenset[str] | None:
        """As render.self_scan_markdown builds it: its title, per environment a heading and the
        form fields of each point, with the ids written in the points' texts."""
        entries = [Anchor("", SELF_SCAN_ANCHOR)]
        for document in environments_in_order(self.documents.values()):
            entries.append(Anchor(document.front_matter.title or "", document.slug))
            for written in written_points(document):
                entries += [
                    Anchor("", anchor) for anchor in points.form_ids(document.slug, written.point)
                ]
                entries += _explicit_ids(scan.prose(written.point.text, 1))
        return page_ids(entries)


# The zelfscan's title has a fixed id (its text has the municipality's name in a fork).
SELF_SCAN_ANCHOR = "zelfscan"
OPEN_DATA_ANCHOR = "open-data"
# The text of the open-data page: its headings have fixed ids (`{: #id }`).
_OPEN_DATA_PAGE = Path(__file__).parent.parent / "templates" / "open-data.md.jinja"


@functools.cache
def _open_data_ids() -> frozenset[str]:
    """The fixed ids of the open-data page's text; read only when a link goes there."""
    text = _OPEN_DATA_PAGE.read_text(encoding="utf-8")
    return frozenset(anchor.id for anchor in _explicit_ids(scan.prose(text, 1)) if anchor.id)


def written_points(document: Document) -> list[points.WrittenPoint]:
    """The points of an environment page's "Wat kan de gemeente doen?"."""
    spec = next(spec for spec in PARTS if spec.key == POINTS_PART_KEY)
    for section in document.sections:
        if section.heading is not None and section.heading.text == spec.title:
            return points.written_points(section.markdown, section.line)
    return []


class Anchor(NamedTuple):
    """Where a page's anchor comes from: a heading's text and its explicit id (None: `toc`
    makes one from the text), or any other element with an explicit id (text '')."""

    text: str
    id: str | None


def page_ids(entries: list[Anchor]) -> frozenset[str]:
    """The ids the site gives a page's headings, worked out as MkDocs' `toc` does.

    Explicit ids are all taken first (`{#id}` of attr_list, `id=` in HTML, the
    fixed anchors of the model); then every heading without one gets the slug
    of its text, in page order, numbered `_1`, `_2` when taken. Reading lines
    instead of rendering Markdown keeps `handboek check` fast (tests compare the
    result with the ids in the built sites).
    """
    taken = {entry.id for entry in entries if entry.id}
    for text, anchor in entries:
        if anchor is None and text and not _has_id(text):
            unique(_slug(text), taken)
    return frozenset(taken)


def _entries(
    document: Document, local: LocalEnvironment | None = None, prefix: str = ""
) -> list[Anchor]:
    """The headings and explicit ids of a page's body, in order, as the hook renders it.

    On an environment page the parts get their fixed anchors (with `prefix` on
    the print page), and a fork's blocks follow the text of their part.
    """
    entries = _explicit_ids(document.prose, document.tags)
    spec: PartSpec | None = None
    for heading in document.headings:
        part = _PART_SPECS.get(heading.text) if document.is_environment else None
        if part is None or heading.level != 2:
            entries.append(Anchor(heading.text, None))
            continue
        entries += _local_entries(local, spec, prefix)
        spec = part
        entries.append(Anchor(heading.text, prefix + part.anchor))
        if part.key == POINTS_PART_KEY:
            entries += [Anchor("", prefix + w.point.anchor) for w in written_points(document)]
    return entries + _local_entries(local, spec, prefix)


def _local_entries(
    local: LocalEnvironment | None, part: PartSpec | None, prefix: str
) -> list[Anchor]:
    """A fork's blocks under one part: each block's id, then the headings in its texts."""
    if local is None or part is None:
        return []
    entries = []
    for anchor, texts in local.texts_under(part):
        entries.append(Anchor("", prefix + anchor))
        for text in texts:
            entries += _explicit_ids(scan.prose(text, 1))
            entries += [Anchor(heading.text, None) for heading in body.headings(text, 1)]
    return entries


def _explicit_ids(prose: scan.Prose, tags: tuple[scan.Tag, ...] | None = None) -> list[Anchor]:
    """The ids written in a text: `{#id}` as attr_list reads it, `id=` and `name=` in HTML."""
    return [Anchor("", value) for value, _ in written_ids(prose, tags, ("id", "name"))]


def written_ids(
    prose: scan.Prose,
    tags: tuple[scan.Tag, ...] | None = None,
    html_attributes: tuple[str, ...] = ("id",),
) -> list[tuple[str, int]]:
    """Each id written in a text with its line, read by the one reader: attr_list's
    ids (`markup.attribute_lists`), then the HTML attributes of `scan.tags` (`tags`: a
    document's, already read once for all rules)."""
    found = []
    for offset, attributes, _ in markup.attribute_lists(prose.text):
        # attr_list sets the attributes in order: of several ids, the element keeps the last.
        ids = [value for name, value in attributes if name == "id" and value]
        if ids and markup.attribute_list_applies(prose.source, offset):
            found.append((ids[-1], prose.line_at(offset)))
    found += [
        (value, tag.line)
        for tag in (scan.tags(prose) if tags is None else tags)
        for name, value in tag.attributes
        if name in html_attributes and value
    ]
    return found


def _has_id(heading: str) -> bool:
    """Whether a heading's text gives it an id of its own (`## Kop {#anker}`: at the end,
    after a space, as attr_list reads a heading)."""
    return any(
        name == "id"
        and heading[:offset].endswith(" ")
        and markup.CLOSING_HASHES.fullmatch(heading, heading.find("}", offset) + 1) is not None
        for offset, attributes, _ in markup.attribute_lists(heading)
        for name, _ in attributes
    )


@functools.lru_cache(maxsize=4096)  # headings such as "Wat werkt?" recur on many pages
def _slug(heading: str) -> str:
    """The id MkDocs' `toc` makes of a heading's text, before numbering."""
    return slugify(_plain(heading), "-")


_INLINE_MARKUP = (
    (re.compile(r"!?\[([^\]]*)\]\([^)]*\)"), r"\1"),  # links and images: their text
    (re.compile(r"<[^>]+>"), ""),  # inline HTML tags
    (re.compile(r"[*`]+|(?<!\w)_+|_+(?!\w)"), ""),  # emphasis and code marks
)


def _plain(heading: str) -> str:
    for pattern, replacement in _INLINE_MARKUP:
        heading = pattern.sub(replacement, heading)
    return html.unescape(heading)


def environments_in_order(documents: Iterable[Document]) -> list[Document]:
    """The environment pages in their `volgorde`, as the model and the print page have them."""
    environments = (doc for doc in documents if doc.is_environment)
    return sorted(environments, key=lambda doc: doc.front_matter.order or 0)
