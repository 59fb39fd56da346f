"""Accessibility rules: every image has a description, every link has text.

Dutch public sites must meet WCAG 2.1 AA. The theme is tested with axe, but
two mistakes only an editor can make pass axe unnoticed or reach it only in
CI: an image written as `![](foto.png)` gets `alt=""` and is then skipped by
screen readers as decoration (WCAG 1.1.1), and a link without text is read
out as its address or not at all (WCAG 2.4.4). These rules catch both at the
line where they are written. A purely decorative image can still be written
in HTML with an explicit `alt=""`.

Each rule takes a `Document` and yields `(line, message, hint)`, like `safety`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from handboek.problems import Finding
from handboek.read.document import Document

_IMAGE_IN_TEXT = re.compile(r"!\[([^\]]*)\]\([^)]*\)")


def images_have_a_description(document: Document) -> Iterator[Finding]:
    """A Markdown image has text between its brackets; an HTML <img> has an alt attribute."""
    for link in document.links:
        if link.image and not link.text.strip():
            yield Finding(
                link.line,
                f"de afbeelding '{link.destination}' heeft geen omschrijving",
                "zet tussen de vierkante haken wat er te zien is, bijvoorbeeld "
                "![Vrijwilliger helpt een kind met huiswerk](...); een schermlezer leest dat "
                "voor (WCAG 1.1.1)",
            )
    for tag in document.tags:
        attributes = dict(tag.attributes)
        if tag.name == "img" and "alt" not in attributes:
            source = attributes.get("src", "")
            yield Finding(
                tag.line,
                f'de afbeelding <img src="{source}"> heeft geen alt-tekst',
                'geef haar alt="wat er te zien is"; alleen een versiering krijgt alt="" '
                "(WCAG 1.1.1)",
            )


def links_have_text(document: Document) -> Iterator[Finding]:
    """A link has text to read out: not empty, and not only an image without description."""
    for link in document.links:
        if link.image:
            continue
        described = any(alt.strip() for alt in _IMAGE_IN_TEXT.findall(link.text))
        if not _IMAGE_IN_TEXT.sub("", link.text).strip() and not described:
            yield Finding(
                link.line,
                f"de link '{link.destination}' heeft geen tekst",
                "zet tussen de vierkante haken waar de link naartoe gaat, bijvoorbeeld "
                "[de privacyverklaring](privacy.md); een schermlezer leest die tekst voor "
                "(WCAG 2.4.4)",
            )


ACCESSIBILITY_RULES = (images_have_a_description, links_have_text)
