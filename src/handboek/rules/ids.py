"""An id written in a text (`{#id}`, `id="..."`) occurs once on its page, and once on the
print page, which holds the start page and every environment.

The ids the build gives a page are in `anchors`; this module holds only the rule.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from handboek.model import PARTS, START_PAGE_PATH
from handboek.problems import Problem
from handboek.read.document import Document
from handboek.rules import anchors
from handboek.rules.structure import Collection


def ids_are_unique(collection: Collection) -> Iterator[Problem]:
    """An id written in a text occurs once on its page and once on the print page."""
    yield from _unique_on_each_page(collection.documents)
    yield from _unique_on_the_print_page(collection.documents)


def _unique_on_each_page(documents: Sequence[Document]) -> Iterator[Problem]:
    """Not the id of a part or a point of the page, nor written twice on it."""
    parts = {spec.anchor: spec.title for spec in PARTS}
    for document in documents:
        seen: dict[str, int] = {}
        points = (
            {w.point.anchor: w.point for w in anchors.written_points(document)}
            if document.is_environment
            else {}
        )
        for anchor, line in _written_ids(document):
            if document.is_environment and anchor in parts:
                message = (
                    f"het anker '#{anchor}' is al het anker van het onderdeel '{parts[anchor]}'"
                )
                yield Problem(document.path, line, message, _UNIQUE_HINT)
            elif anchor in points:
                message = (
                    f"het anker '#{anchor}' is al het anker van het punt "
                    f"'{points[anchor].title}' (regel {points[anchor].line})"
                )
                yield Problem(document.path, line, message, _UNIQUE_HINT)
            elif anchor in seen:
                message = f"het anker '#{anchor}' staat al op regel {seen[anchor]} van deze pagina"
                yield Problem(document.path, line, message, _UNIQUE_HINT)
            seen.setdefault(anchor, line)


def _unique_on_the_print_page(documents: Sequence[Document]) -> Iterator[Problem]:
    """Not an id the print page gives its own parts, nor one of another page on it."""
    environments = anchors.environments_in_order(documents)
    generated = _print_page_ids(environments)
    on_print_page: dict[str, tuple[Document, int]] = {}
    start = [doc for doc in documents if doc.content_path == START_PAGE_PATH]
    for document in [*start, *environments]:
        for anchor, line in _written_ids(document):
            other = on_print_page.get(anchor)
            if anchor in generated:
                message = f"het anker '#{anchor}' is op de afdrukpagina al dat van "
                yield Problem(document.path, line, message + generated[anchor], _PRINT_HINT)
            elif other is not None and other[0] is not document:
                message = f"het anker '#{anchor}' staat ook in {other[0].path} (regel {other[1]})"
                yield Problem(document.path, line, message, _PRINT_HINT)
            on_print_page.setdefault(anchor, (document, line))


def _print_page_ids(environments: Sequence[Document]) -> dict[str, str]:
    """The print page's own ids (the overview, each environment's title, parts and points),
    each with what it belongs to."""
    generated = {"overzicht": "het overzicht"}
    for document in environments:
        generated[document.slug] = f"de titel van {document.path}"
        generated |= {
            f"{document.slug}-{spec.anchor}": f"het onderdeel '{spec.title}' van {document.path}"
            for spec in PARTS
        }
        generated |= {
            f"{document.slug}-{w.point.anchor}": f"het punt '{w.point.title}' van {document.path}"
            for w in anchors.written_points(document)
        }
    return generated


_UNIQUE_HINT = "een anker mag maar één keer op een pagina staan: kies een ander"
_PRINT_HINT = (
    "de afdrukpagina zet de startpagina en alle omgevingen op één pagina, en daar mag een "
    "anker maar één keer voorkomen: kies een ander"
)


def _written_ids(document: Document) -> list[tuple[str, int]]:
    """The ids written in a page's text, with their lines, in page order."""
    return sorted(anchors.written_ids(document.prose, document.tags), key=lambda item: item[1])
