"""The content rules: each a small function that yields what is wrong, and where.

A document rule takes one `read.document.Document` and yields
`problems.Finding(line, message, hint)`; a collection rule takes the whole
`structure.Collection` and yields `problems.Problem`s. The message says what
is wrong in Dutch, the hint how to fix it. Rules only look at what
`read.document.read_document` parsed; they never raise.

    structure   the parts of an environment page, quotes, points, dates, file names
    anchors     the ids each page of the site has (headings, parts, points, blocks)
    links       every internal link and anchor resolves; references are defined
    ids         an id written in a text occurs once on its page and the print page
    safety      no script and nothing from another website
    markup      closed code, comments and links; attr_list only for ids
    access      image descriptions and link texts
    language    long sentences and quote marks (notices)

The registries below list every rule `check.check_content` runs; the local
layer (`local.layer`) runs `PROSE_RULES` on a fork's notes and descriptions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping

from handboek.problems import Finding, Problem, Severity
from handboek.read.document import Document
from handboek.rules import access, ids, language, links, markup, safety, structure

DocumentRule = Callable[[Document], Iterator[Finding]]
CollectionRule = Callable[[structure.Collection], Iterator[Problem]]
Collection = structure.Collection

# The rules for any Markdown prose, also a fork's notes and descriptions (see `local.layer`).
PROSE_RULES: tuple[DocumentRule, ...] = (
    *markup.MARKUP_RULES,
    links.references_are_defined,
    *safety.SAFETY_RULES,
    *access.ACCESSIBILITY_RULES,
)


DOCUMENT_RULES: tuple[DocumentRule, ...] = (
    structure.title_comes_from_front_matter,
    structure.environment_has_introduction,
    structure.environment_parts_are_known,
    structure.environment_parts_are_complete,
    structure.environment_parts_are_filled,
    structure.quotes_have_text_and_role,
    structure.points_have_distinct_titles,
    structure.points_stand_on_their_own,
    structure.review_dates_are_in_order,
    *PROSE_RULES,
)

# Rules whose findings are notices: worth an editor's look, never a reason to stop a build.
NOTICE_RULES: tuple[DocumentRule, ...] = (*language.LANGUAGE_RULES,)


# Rules whose findings are notices: worth an editor's look, never a reason to stop a build.
NOTICE_RULES: tuple[DocumentRule, ...] = (*language.LANGUAGE_RULES,)


COLLECTION_RULES: tuple[CollectionRule, ...] = (
    structure.environment_file_names_are_slugs,
    structure.earlier_names_are_free,
    structure.environment_orders_are_unique,
    structure.generated_pages_are_not_written,
    structure.required_pages_exist,
    structure.internal_links_resolve,
    ids.ids_are_unique,
)


def findings(
    rules: Iterable[DocumentRule],
    document: Document,
    hints: Mapping[DocumentRule, str] | None = None,
) -> Iterator[Finding]:
    """What these rules find on one document; `hints` replaces the hint of a rule's findings
    where the reader is elsewhere (a fork's local pages have no image folder, see
    `local.layer`)."""
    for rule in rules:
        for line, message, hint in rule(document):
            yield Finding(line, message, (hints or {}).get(rule, hint))


def document_problems(
    document: Document, today: dt.date, hints: Mapping[DocumentRule, str] | None = None
) -> list[Problem]:
    """Every document rule on one page: errors, then notices, then a review that is due."""
    path = document.path
    problems = [Problem(path, *found) for found in findings(DOCUMENT_RULES, document, hints)]
    problems += [
        Problem(path, *found, Severity.NOTICE) for found in findings(NOTICE_RULES, document)
    ]
    problems += [
        Problem(path, *found, Severity.NOTICE) for found in structure.review_is_due(document, today)
    ]
    return problems


def collection_problems(collection: Collection) -> list[Problem]:
    """Every collection rule on all documents at once."""
    return [problem for rule in COLLECTION_RULES for problem in rule(collection)]
