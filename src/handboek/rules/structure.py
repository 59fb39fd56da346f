"""The rules of what editors write: about structure (this module), links, safety,
markup, accessibility and language (their own modules).

A document rule takes one `Document` and yields `Finding(line, message, hint)`;
a collection rule takes the whole `Collection` (all documents, and every file
in the content folder) and yields a `Problem`. The registries in
`handboek.rules` list every rule `check.check_content` runs.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from handboek.model import (
    ENVIRONMENTS_FOLDER,
    GENERATED_PATHS,
    OPEN_DATA_PATH,
    PARTS,
    POINTS_PART_KEY,
    QUOTES_PART,
    SELF_SCAN_PATH,
    START_PAGE_PATH,
    LocalEnvironment,
)
from handboek.problems import Finding, Problem
from handboek.read import body, points
from handboek.read.document import SLUG, Document, is_environment_path
from handboek.rules import anchors, links

_POINTS_TITLE = next(spec.title for spec in PARTS if spec.key == POINTS_PART_KEY)
_PART_LIST = "\n".join(f"## {spec.title}" for spec in PARTS)


def title_comes_from_front_matter(document: Document) -> Iterator[Finding]:
    """The page title is the `titel` field; the body has no `#` heading."""
    for heading in document.headings:
        if heading.level == 1:
            yield Finding(
                heading.line,
                f"de tekst bevat een hoofdtitel '# {heading.text}'",
                "de titel komt uit het veld 'titel'; gebruik in de tekst koppen vanaf '##'",
            )


def environment_has_introduction(document: Document) -> Iterator[Finding]:
    """An environment page opens with an introduction before its first part."""
    if document.is_environment and document.intro.is_empty:
        yield Finding(
            document.body_line,
            "de inleiding ontbreekt",
            f"schrijf een korte inleiding direct onder de front matter, vóór '## {PARTS[0].title}'",
        )


def environment_parts_are_known(document: Document) -> Iterator[Finding]:
    """Every `##` heading of an environment page is one of the required parts."""
    if not document.is_environment:
        return
    for section in document.sections:
        assert section.heading is not None
        if section.heading.text not in _TITLES:
            close = _close_part(section.heading.text)
            hint = (
                f"bedoelde je '## {close[0]}'?"
                if close
                else "een omgeving heeft precies deze onderdelen:\n"
                + _PART_LIST
                + "\nsubkoppen binnen een onderdeel beginnen met '###'"
            )
            yield Finding(
                section.heading.line, f"onbekend onderdeel '## {section.heading.text}'", hint
            )


def _close_part(heading: str) -> list[str]:
    """The part a heading that is not a part most likely means (empty when none)."""
    return difflib.get_close_matches(heading, _TITLES, n=1, cutoff=0.5)


def _misspelt_parts(document: Document) -> set[str]:
    """Parts whose heading is there, but misspelt (`environment_parts_are_known` says so).

    One mistake, one error: such a part is not reported missing as well.
    """
    present = {s.heading.text for s in document.sections if s.heading}
    return {
        title
        for heading in present - set(_TITLES)
        for title in _close_part(heading)
        if title not in present
    }


def environment_parts_are_complete(document: Document) -> Iterator[Finding]:
    """Every required part occurs exactly once, in the order of the SCP guide."""
    if not document.is_environment:
        return
    misspelt = _misspelt_parts(document)
    found = [s for s in document.sections if s.heading and s.heading.text in _TITLES]
    seen: dict[str, int] = {}
    for section in found:
        assert section.heading is not None
        title = section.heading.text
        if title in seen:
            yield Finding(
                section.heading.line,
                f"het onderdeel '## {title}' staat er twee keer in (eerder op regel {seen[title]})",
                "voeg de twee samen tot één onderdeel",
            )
        seen.setdefault(title, section.heading.line)
    end_line = document.body_line + document.body.count("\n")
    for index, spec in enumerate(PARTS):
        if spec.title not in seen and spec.title not in misspelt:
            following = [seen[s.title] for s in PARTS[index + 1 :] if s.title in seen]
            yield Finding(
                min(following, default=end_line),
                f"het verplichte onderdeel '## {spec.title}' ontbreekt",
                "een omgeving heeft precies deze onderdelen, in deze volgorde:\n" + _PART_LIST,
            )
    order = [_TITLES.index(title) for title in seen]
    for position, (title, line) in enumerate(seen.items()):
        if position and order[position] < order[position - 1]:
            yield Finding(
                line,
                f"het onderdeel '## {title}' staat op de verkeerde plek",
                "zet de onderdelen in deze volgorde:\n" + _PART_LIST,
            )


def environment_parts_are_filled(document: Document) -> Iterator[Finding]:
    """No part of an environment page is empty."""
    if not document.is_environment:
        return
    for section in document.sections:
        if section.heading and section.heading.text in _TITLES and section.is_empty:
            yield Finding(
                section.heading.line,
                f"het onderdeel '## {section.heading.text}' is leeg",
                "schrijf de tekst van dit onderdeel onder de kop",
            )


def quotes_have_text_and_role(document: Document) -> Iterator[Finding]:
    """'Uit de praktijk' holds only quotes, each with text and a role after '— '."""
    if not document.is_environment:
        return
    for section in document.sections:
        if section.heading is None or section.heading.text != QUOTES_PART.title:
            continue
        quotes, stray_lines = body.blockquotes(section)
        for line in stray_lines:
            yield Finding(
                line,
                f"tekst buiten een citaat in '## {QUOTES_PART.title}'",
                "begin elke regel van een citaat met '> '; dit onderdeel bevat alleen citaten",
            )
        for quote in quotes:
            if not quote.paragraphs:
                yield Finding(quote.line, "het citaat heeft geen tekst", _QUOTE_HINT)
            if not quote.attribution:
                yield Finding(quote.line, "bij het citaat staat niet wie het zei", _QUOTE_HINT)


_QUOTE_HINT = "schrijf een citaat zo:\n> De tekst van het citaat.\n>\n> — Rol van de spreker"
_TITLES = [spec.title for spec in PARTS]


def review_dates_are_in_order(document: Document) -> Iterator[Finding]:
    """The next review date lies after the last review date."""
    last = document.front_matter.last_reviewed
    next_review = document.front_matter.next_review
    if last and next_review and next_review <= last:
        yield Finding(
            document.line_of("volgende_beoordeling"),
            "'volgende_beoordeling' ligt niet na 'laatst_beoordeeld'",
            "kies een datum na de laatste beoordeling, bijvoorbeeld een jaar later",
        )


def points_have_distinct_titles(document: Document) -> Iterator[Finding]:
    """Each point of "Wat kan de gemeente doen?" has its own bold title: the zelfscan, the open
    data and links to the point (`#punt-...`) tell points apart by it."""
    if not document.is_environment:
        return
    seen: dict[str, points.WrittenPoint] = {}
    for written in anchors.written_points(document):
        point = written.point
        if point.anchor == points.POINT_PREFIX:
            yield Finding(
                written.point.line,
                f"het punt '**{point.title}**' heeft geen titel met letters of cijfers",
                "begin het punt met een korte titel in vette letters, bijvoorbeeld "
                "'- **Vrijwilligers opleiden.** ...'",
            )
        elif point.anchor in seen:
            other = seen[point.anchor]
            yield Finding(
                written.point.line,
                f"het punt '{point.title}' heeft dezelfde titel als het punt op regel "
                f"{other.point.line} ('{other.point.title}')",
                "geef elk punt een eigen titel in vette letters",
            )
        seen.setdefault(point.anchor, written)


def points_stand_on_their_own(document: Document) -> Iterator[Finding]:
    """A point directly under a later paragraph of the point above it would be shown as text
    of that paragraph (the Markdown engine's lazy continuation), not as a point."""
    if not document.is_environment:
        return
    for section in document.sections:
        if section.heading is not None and section.heading.text == _POINTS_TITLE:
            for line, title in points.swallowed_points(section.markdown, section.line):
                yield Finding(
                    line,
                    f"het punt '{title}' staat direct onder een alinea van het punt erboven; "
                    "de site toont het daardoor niet als apart punt",
                    "zet een lege regel boven dit punt",
                )


@dataclass(frozen=True)
class Collection:
    """Everything in the content folder, for rules that look across pages."""

    documents: tuple[Document, ...]  # the files that could be read and parsed
    files: frozenset[str]  # every file, relative to the content folder, with '/'
    folder: str  # the content folder as editors see it, e.g. 'content/'
    # In a fork: the municipality's additions per environment page (see `anchors.Site`).
    local: Mapping[str, LocalEnvironment | None] | None = None


def environment_file_names_are_slugs(collection: Collection) -> Iterator[Problem]:
    """An environment's file name becomes its web address: lowercase, digits and '-'."""
    for document in collection.documents:
        if document.is_environment and not SLUG.match(document.slug):
            yield Problem(
                document.path,
                1,
                f"de bestandsnaam '{document.slug}.md' is geen geldig webadres",
                "gebruik alleen kleine letters, cijfers en '-', bijvoorbeeld 'een-op-een.md'",
            )


def environment_orders_are_unique(collection: Collection) -> Iterator[Problem]:
    """No two environments share the same `volgorde`; each of them is reported."""
    by_order: dict[int, list[Document]] = {}
    for document in sorted(collection.documents, key=lambda d: d.path):
        order = document.front_matter.order
        if document.is_environment and order is not None:
            by_order.setdefault(order, []).append(document)
    for order, sharing in sorted(by_order.items()):
        for document in sharing if len(sharing) > 1 else ():
            others = ", ".join(other.path for other in sharing if other is not document)
            yield Problem(
                document.path,
                document.line_of("volgorde"),
                f"'volgorde: {order}' wordt ook gebruikt door {others}",
                "geef elke omgeving een eigen nummer",
            )


_GENERATED_HINTS = {
    SELF_SCAN_PATH: "verwijder dit bestand; de zelfscan komt uit de punten van "
    "'Wat kan de gemeente doen?' van elke omgeving",
    OPEN_DATA_PATH: "verwijder dit bestand; de open data komt uit alle omgevingen",
}


def generated_pages_are_not_written(collection: Collection) -> Iterator[Problem]:
    """The overview, print-all, zelfscan and open-data pages are generated; a file by that
    name would clash."""
    for path in sorted(collection.files & set(GENERATED_PATHS)):
        yield Problem(
            collection.folder + path,
            1,
            f"'{path}' wordt door de bouw gemaakt en kan niet met de hand geschreven worden",
            _GENERATED_HINTS.get(
                path,
                "verwijder dit bestand; het overzicht komt uit het veld 'overzicht' van elke "
                "omgeving",
            ),
        )


def required_pages_exist(collection: Collection) -> Iterator[Problem]:
    """There is a start page and at least one environment page."""
    folder = collection.folder
    if START_PAGE_PATH not in collection.files:
        yield Problem(
            f"{folder}{START_PAGE_PATH}",
            1,
            "de startpagina ontbreekt",
            f"maak {folder}{START_PAGE_PATH} met front matter en een tekst",
        )
    if not any(p.endswith(".md") and is_environment_path(p) for p in collection.files):
        yield Problem(
            f"{folder}{ENVIRONMENTS_FOLDER}/",
            1,
            "er is geen enkele omgeving",
            f"zet per omgeving één bestand in {folder}{ENVIRONMENTS_FOLDER}/",
        )


def internal_links_resolve(collection: Collection) -> Iterator[Problem]:
    """Every link to a page, file or anchor of the handbook resolves (see `links`)."""
    site = anchors.Site(collection.documents, collection.files, collection.local)
    for document in collection.documents:
        for line, message, hint in links.links_resolve(document, site):
            yield Problem(document.path, line, message, hint)


def earlier_names_are_free(collection: Collection) -> Iterator[Problem]:
    """`eerdere_namen`: file names (slugs), of no current environment, each of one environment.

    A fork's files and links under such a name count for the renamed environment
    (see `local.renames`), so a name must point at exactly one environment.
    """
    environments = sorted(
        (d for d in collection.documents if d.is_environment), key=lambda d: d.path
    )
    current = {document.slug for document in environments}
    claimed: dict[str, str] = {}
    for document in environments:
        line = document.line_of("eerdere_namen")
        for name in document.front_matter.earlier_names:
            if not SLUG.match(name):
                yield Problem(
                    document.path,
                    line,
                    f"'{name}' in 'eerdere_namen' is geen bestandsnaam van een omgeving",
                    "schrijf de oude bestandsnaam zonder .md, in kleine letters, cijfers en '-', "
                    "bijvoorbeeld: eerdere_namen: [een-op-een-ondersteuning]",
                )
            elif name in current:
                yield Problem(
                    document.path,
                    line,
                    f"'{name}' in 'eerdere_namen' is de naam van een bestaande omgeving",
                    f"haal '{name}' weg: er is een content/omgevingen/{name}.md",
                )
            elif name in claimed:
                yield Problem(
                    document.path,
                    line,
                    f"'{name}' staat ook in 'eerdere_namen' van {claimed[name]}",
                    "een oude naam hoort bij één omgeving; haal hem bij één van de twee weg",
                )
            else:
                claimed[name] = document.path


def review_is_due(document: Document, today: dt.date) -> Iterator[Finding]:
    """A page past its `volgende_beoordeling` is listed for editors (a notice)."""
    next_review = document.front_matter.next_review
    if next_review and next_review < today:
        yield Finding(
            document.line_of("volgende_beoordeling"),
            f"de pagina had op {next_review.isoformat()} opnieuw beoordeeld moeten worden",
            f"laat {document.front_matter.owner or 'de eigenaar'} de inhoud nakijken en zet "
            "daarna 'laatst_beoordeeld' en 'volgende_beoordeling' op nieuwe datums",
        )
