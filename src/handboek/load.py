"""Reading the whole content folder: files -> documents -> rules -> model.

`check_content` is the one entry point that both the command line
(`handboek check`) and the MkDocs hook use, so build and check never
disagree. It returns every problem it finds, and a `Handbook` only when there
are no errors.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from handboek import body, points, rules, search, tree
from handboek.document import Document, read_document
from handboek.local import layer
from handboek.local.files import layer_folder
from handboek.model import (
    PARTS,
    POINTS_PART_KEY,
    QUOTES_PART,
    Environment,
    Handbook,
    Page,
    Part,
    Quote,
    Review,
)
from handboek.problems import Problem, Severity, errors


@dataclass(frozen=True)
class CheckResult:
    problems: tuple[Problem, ...]
    handbook: Handbook | None  # None when there are errors
    synonyms: tuple[search.Synonyms, ...] = ()  # from zoekwoorden.yml, for the search index

    @property
    def ok(self) -> bool:
        return self.handbook is not None


def today() -> dt.date:
    """The build date: from SOURCE_DATE_EPOCH when set, so builds are reproducible."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.date.today()


@dataclass(frozen=True)
class ContentListing:
    """What is in the content folder, from one walk through it (links not followed)."""

    pages: tuple[Path, ...]  # the Markdown files, sorted
    files: frozenset[str]  # every entry but folders (pages, images, ...), relative, with '/'
    unreadable: tuple[Path, ...]  # neither file nor folder: a broken link, a pipe, a device
    links: tuple[Path, ...] = ()  # symbolic links (to a file or folder, inside or out)


def list_content(content_dir: Path) -> ContentListing:
    found = tree.walk(content_dir)
    pages = tuple(path for path in found.files if path.name.endswith(".md"))
    entries = (*found.files, *found.links, *found.special)
    return ContentListing(
        pages,
        frozenset(path.relative_to(content_dir).as_posix() for path in entries),
        found.special,
        found.links,
    )


def check_content(content_dir: Path, root: Path, on: dt.date | None = None) -> CheckResult:
    """Check every Markdown file below `content_dir`; paths are shown relative to `root`."""
    documents: list[Document] = []
    problems: list[Problem] = []
    folder = _display_folder(content_dir, root)
    listing = list_content(content_dir)
    for file in listing.pages:
        content_path = file.relative_to(content_dir).as_posix()
        path = folder + content_path
        document, found = read_document(file, path, content_path)
        problems.extend(found)
        if document is None:
            continue
        documents.append(document)
        for rule in rules.DOCUMENT_RULES:
            problems.extend(
                Problem(path, line, message, hint) for line, message, hint in rule(document)
            )
        for notice_rule in rules.NOTICE_RULES:
            problems.extend(
                Problem(path, line, message, hint, Severity.NOTICE)
                for line, message, hint in notice_rule(document)
            )
        problems.extend(
            Problem(path, line, message, hint, Severity.NOTICE)
            for line, message, hint in rules.review_is_due(document, on or today())
        )
    problems.extend(_unreadable_entries(listing, root))
    # A municipality's fork: its local layer is checked against these documents, and
    # links in the content may point to its blocks on the environment pages.
    local = None
    if layer_folder(root).is_dir():
        local = layer.check_layer(root, documents, on or today(), listing.files)
    collection = rules.Collection(
        tuple(documents), listing.files, folder, local.site.local if local else None
    )
    for collection_rule in rules.COLLECTION_RULES:
        problems.extend(Problem(*finding) for finding in collection_rule(collection))
    if local is not None:
        problems.extend(local.problems)
    synonyms, found = search.read_synonyms(
        root / search.SYNONYMS_FILE,
        _display_path(root / search.SYNONYMS_FILE, root),
        (word for document in documents for word in search.words(document.body)),
    )
    problems.extend(found)
    if errors(problems):
        return CheckResult(tuple(problems), None)
    return CheckResult(tuple(problems), _handbook(documents, local), synonyms)


def _unreadable_entries(listing: ContentListing, root: Path) -> list[Problem]:
    """What is not a plain file or folder: a symbolic link, a pipe, a device (see `tree`)."""
    return [
        Problem(_display_path(path, root), 1, tree.NOT_A_FILE, tree.NOT_A_FILE_HINT)
        for path in listing.unreadable
    ] + [
        Problem(_display_path(path, root), 1, tree.A_LINK, tree.A_LINK_HINT)
        for path in listing.links
    ]


def _display_folder(content_dir: Path, root: Path) -> str:
    folder = _display_path(content_dir, root)
    return "" if folder == "." else folder.rstrip("/") + "/"


def _display_path(file: Path, root: Path) -> str:
    """The path as the editor knows it: relative to `root`, symbolic links not followed."""
    for path, base in (
        (Path(os.path.abspath(file)), Path(os.path.abspath(root))),
        (file.resolve(), root.resolve()),
    ):
        if path.is_relative_to(base):
            return path.relative_to(base).as_posix()
    return file.as_posix()


def _page(document: Document) -> Page:
    fields = document.fields
    return Page(
        path=document.content_path,
        title=fields["titel"],
        description=fields["beschrijving"],
        review=Review(
            fields["eigenaar"], fields["laatst_beoordeeld"], fields["volgende_beoordeling"]
        ),
        markdown=document.body,
    )


def _environment(document: Document) -> Environment:
    by_title = {section.heading.text: section for section in document.sections if section.heading}
    parts = tuple(
        Part(spec, by_title[spec.title].markdown, by_title[spec.title].line) for spec in PARTS
    )
    quotes, _ = body.blockquotes(by_title[QUOTES_PART.title])
    [points_part] = [part for part in parts if part.spec.key == POINTS_PART_KEY]
    return Environment(
        page=_page(document),
        slug=document.slug,
        order=document.fields["volgorde"],
        intro=document.intro.markdown,
        parts=parts,
        quotes=tuple(Quote(q.paragraphs, q.attribution or "", q.line) for q in quotes),
        overview=dict(document.fields["overzicht"]),
        points=tuple(
            written.point
            for written in points.written_points(points_part.markdown, points_part.line)
        ),
    )


def _handbook(documents: list[Document], local: layer.LayerResult | None = None) -> Handbook:
    environments = sorted(
        (_environment(document) for document in documents if document.is_environment),
        key=lambda environment: environment.order,
    )
    pages = tuple(_page(document) for document in documents)
    if local is None:
        return Handbook(pages=pages, environments=tuple(environments))
    # A local page with the path of an upstream page (an accessibility or privacy
    # statement of the municipality) takes its place.
    local_pages = tuple(_page(document) for document in local.pages)
    replaced = {page.path for page in local_pages}
    return Handbook(
        pages=tuple(page for page in pages if page.path not in replaced) + local_pages,
        environments=tuple(environments),
        local=local.layer,
    )
