"""The one entry point of the check: content folder -> documents -> rules -> model.

`check_content` is what both the command line (`handboek check`) and the
MkDocs hook call, so build and check never disagree. It reads every page
(`read.document`), runs every rule (`rules`), checks a fork's local layer
(`local.layer`) against the same documents, and returns every problem it
finds, with a `Handbook` (`assemble`) only when there are no errors.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from handboek import assemble, rules
from handboek.dates import today
from handboek.local.files import layer_folder
from handboek.model import Handbook
from handboek.problems import Problem, errors
from handboek.read import synonyms, tree
from handboek.read.document import ContentListing, Document, list_content, read_all


@dataclass(frozen=True)
class CheckResult:
    """What one check found, and what the build renders when nothing is wrong."""

    problems: tuple[Problem, ...]
    """Every error and notice, in the order they were found."""
    handbook: Handbook | None
    """The model of the site; `None` when there are errors."""
    synonyms: tuple[synonyms.Synonyms, ...] = ()
    """The search words of zoekwoorden.yml, for the search index."""

    @property
    def ok(self) -> bool:
        return self.handbook is not None


def check_content(content_dir: Path, root: Path, on: dt.date | None = None) -> CheckResult:
    """Check every Markdown file below `content_dir`; paths are shown relative to `root`."""
    on = on or today()
    folder = _display_folder(content_dir, root)
    listing = list_content(content_dir)
    documents, problems = _read_documents(listing, content_dir, folder, on)
    problems.extend(_unreadable_entries(listing, root))
    # A municipality's fork: its local layer is checked against these documents, and
    # links in the content may point to its blocks on the environment pages.
    local = None
    if layer_folder(root).is_dir():
        from handboek.local import layer  # only a fork has one: upstream's check skips loading it

        local = layer.check_layer(root, documents, on, listing.files)
    collection = rules.Collection(
        tuple(documents), listing.files, folder, local.site.local if local else None
    )
    problems.extend(rules.collection_problems(collection))
    if local is not None:
        problems.extend(local.problems)
    words, found = synonyms.read_synonyms(
        root / synonyms.SYNONYMS_FILE,
        _display_path(root / synonyms.SYNONYMS_FILE, root),
        (word for document in documents for word in synonyms.words(document.body)),
    )
    problems.extend(found)
    if errors(problems):
        return CheckResult(tuple(problems), None)
    return CheckResult(tuple(problems), assemble.handbook(documents, local), words)


def _read_documents(
    listing: ContentListing, content_dir: Path, folder: str, on: dt.date
) -> tuple[list[Document], list[Problem]]:
    """Every page of the listing read, with the problems of reading it and of its rules."""
    documents, problems = read_all(listing, content_dir, folder)
    for document in documents:
        problems.extend(rules.document_problems(document, on))
    return documents, problems


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
