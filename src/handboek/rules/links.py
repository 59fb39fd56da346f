"""Internal links: every link to a page, file or anchor of the handbook resolves.

The anchors of each page are worked out in `anchors`.
"""

from __future__ import annotations

import difflib
import posixpath
from collections.abc import Iterator
from urllib.parse import unquote, urlsplit

from handboek.problems import Finding
from handboek.read.document import Document
from handboek.rules.anchors import Site


def links_resolve(document: Document, site: Site) -> Iterator[Finding]:
    """Every internal link and image points to an existing file, and to an existing anchor."""
    destinations = [(link.line, link.destination) for link in document.links]
    destinations += [(item.line, item.destination) for item in document.definitions]
    for line, destination in sorted(destinations):
        for message, hint in _check_destination(destination, document, site):
            yield Finding(line, message, hint)


def references_are_defined(document: Document) -> Iterator[Finding]:
    """A reference link `[text][label]` has a definition `[label]: destination`."""
    defined = {definition.label for definition in document.definitions}
    for reference in document.references:
        if reference.label not in defined and not reference.image:
            yield Finding(
                reference.line,
                f"de verwijzing '[{reference.label}]' heeft geen doel",
                f"zet ergens op de pagina een regel '[{reference.label}]: doel-van-de-link', "
                "of schrijf de link als [tekst](doel)",
            )


def _check_destination(
    destination: str, document: Document, site: Site
) -> Iterator[tuple[str, str]]:
    if not destination.strip():
        yield "de link is leeg", "zet tussen de haakjes waar de link naartoe gaat"
        return
    try:
        parts = urlsplit(destination)
    except ValueError:  # '[' or ']' around the name of a website: the build would stop on it
        yield (
            f"de link '{destination}' is geen geldig webadres",
            "haal de blokhaken [ ] uit het adres, of kopieer het adres opnieuw uit de "
            "adresbalk van de browser",
        )
        return
    if parts.scheme or destination.startswith("//"):
        return  # another website, or another kind of address (mailto:)
    path, fragment = unquote(parts.path), unquote(parts.fragment)
    folder = posixpath.dirname(document.content_path)
    if path.startswith("/"):
        suggestion = posixpath.relpath(path.lstrip("/") or ".", folder or ".")
        yield (
            f"de link '{destination}' begint met '/'",
            f"schrijf de link vanaf deze pagina, zonder '/' vooraan: '{suggestion}'",
        )
        return
    if not path:
        target = document.content_path
    else:
        target = posixpath.normpath(posixpath.join(folder, path))
        if target == ".." or target.startswith("../"):
            yield (
                f"de link '{destination}' wijst naar een plek buiten de inhoudsmap",
                "link alleen naar pagina's en bestanden in de inhoudsmap",
            )
            return
        if target not in site.files:
            yield _missing_target(destination, path, target, folder, site)
            return
    if fragment and target.endswith(".md"):
        yield from _check_anchor(destination, fragment, target, document, site)


def _missing_target(
    destination: str, path: str, target: str, folder: str, site: Site
) -> tuple[str, str]:
    def relative(page: str) -> str:
        return posixpath.relpath(page, folder or ".")

    base = target.rstrip("/")
    for candidate in (f"{base}.md", f"{base}/index.md"):
        if candidate in site.files and not path.endswith(".md"):
            return (
                f"de link '{destination}' wijst naar een webadres, niet naar een bestand",
                f"link naar het Markdown-bestand: '{relative(candidate)}'",
            )
    if target.endswith(".md"):
        pages = [relative(page) for page in site.pages]
        close = difflib.get_close_matches(relative(target), pages, n=1, cutoff=0.6)
        hint = f"bedoelde je '{close[0]}'?" if close else "pagina's: " + ", ".join(pages)
        return f"de link '{destination}' wijst naar een pagina die niet bestaat", hint
    return (
        f"de link '{destination}' wijst naar een bestand dat niet bestaat",
        "controleer de naam (hoofdletters tellen mee) en zet het bestand in de inhoudsmap",
    )


def _check_anchor(
    destination: str, fragment: str, target: str, document: Document, site: Site
) -> Iterator[tuple[str, str]]:
    anchors = site.anchors(target)
    if anchors is None or fragment in anchors:
        return
    where = "deze pagina" if target == document.content_path else f"de pagina '{target}'"
    close = difflib.get_close_matches(fragment, sorted(anchors), n=1, cutoff=0.6)
    if close:
        hint = f"bedoelde je '#{close[0]}'?"
    elif anchors:
        hint = "ankers op " + where + ": " + ", ".join("#" + a for a in sorted(anchors))
    else:
        hint = f"{where} heeft geen ankers; link naar de pagina zelf"
    yield f"het anker '#{fragment}' bestaat niet op {where}", hint
