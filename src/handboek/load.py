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

from handboek import body, rules
from handboek.document import Document, read_document
from handboek.model import (
    PARTS,
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

    @property
    def ok(self) -> bool:
        return self.handbook is not None


def today() -> dt.date:
    """The build date: from SOURCE_DATE_EPOCH when set, so builds are reproducible."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.date.today()


def content_files(content_dir: Path) -> list[Path]:
    return sorted(path for path in content_dir.rglob("*.md") if path.is_file())


def check_content(content_dir: Path, root: Path, on: dt.date | None = None) -> CheckResult:
    """Check every Markdown file below `content_dir`; paths are shown relative to `root`."""
    documents: list[Document] = []
    problems: list[Problem] = []
    for file in content_files(content_dir):
        path = _display_path(file, root)
        document, found = read_document(file, path, file.relative_to(content_dir).as_posix())
        problems.extend(found)
        if document is None:
            continue
        documents.append(document)
        for rule in rules.DOCUMENT_RULES:
            problems.extend(
                Problem(path, line, message, hint) for line, message, hint in rule(document)
            )
        problems.extend(
            Problem(path, line, message, hint, Severity.NOTICE)
            for line, message, hint in rules.review_is_due(document, on or today())
        )
    for collection_rule in rules.COLLECTION_RULES:
        problems.extend(Problem(*finding) for finding in collection_rule(documents))
    if errors(problems):
        return CheckResult(tuple(problems), None)
    return CheckResult(tuple(problems), _handbook(documents))


def _display_path(file: Path, root: Path) -> str:
    try:
        return file.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
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
    return Environment(
        page=_page(document),
        slug=document.slug,
        order=document.fields["volgorde"],
        intro=document.intro.markdown,
        parts=parts,
        quotes=tuple(Quote(q.paragraphs, q.attribution or "", q.line) for q in quotes),
        overview=dict(document.fields["overzicht"]),
    )


def _handbook(documents: list[Document]) -> Handbook:
    environments = sorted(
        (_environment(document) for document in documents if document.is_environment),
        key=lambda environment: environment.order,
    )
    return Handbook(
        pages=tuple(_page(document) for document in documents),
        environments=tuple(environments),
    )
