"""Accessibility rules (`handboek.rules.access`): images have a description, links have text.

Each case is the body of content/pagina.md; its first line is line 9.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from handboek.rules import access
from tests.sample_content import page

IMAGE_HINT = (
    "zet tussen de vierkante haken wat er te zien is, bijvoorbeeld "
    "![Vrijwilliger helpt een kind met huiswerk](...); een schermlezer leest dat voor "
    "(WCAG 1.1.1)"
)
IMG_HINT = 'geef haar alt="wat er te zien is"; alleen een versiering krijgt alt="" (WCAG 1.1.1)'
LINK_HINT = (
    "zet tussen de vierkante haken waar de link naartoe gaat, bijvoorbeeld "
    "[de privacyverklaring](privacy.md); een schermlezer leest die tekst voor (WCAG 2.4.4)"
)


def everything(tmp_path: Path, body: str) -> list[tuple[int, str, str]]:
    document = page(tmp_path, body)
    return [finding for rule in access.ACCESSIBILITY_RULES for finding in rule(document)]


@pytest.mark.parametrize(
    "body",
    [
        "![Kinderen bij de sportclub](foto.png)\n",
        '<img src="foto.png" alt="Kinderen bij de sportclub">\n',
        '<img src="rand.png" alt="">\n',  # a decoration, said so on purpose
        "Zie [de privacyverklaring](privacy.md).\n",
        "Zie [`handboek check`](index.md).\n",  # code in a link's text is text
        "[![Logo van de SCP](logo.png)](https://www.scp.nl/)\n",
        "Geen link: `[](leeg.md)` en `![](foto.png)` in code.\n",
    ],
)
def test_described_images_and_links_with_text_pass(tmp_path: Path, body: str) -> None:
    assert everything(tmp_path, body) == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Tekst.\n\n![](foto.png)\n",
            [(11, "de afbeelding 'foto.png' heeft geen omschrijving", IMAGE_HINT)],
        ),
        (
            "![  ](foto.png)\n",
            [(9, "de afbeelding 'foto.png' heeft geen omschrijving", IMAGE_HINT)],
        ),
        (
            '<img src="foto.png">\n',
            [(9, 'de afbeelding <img src="foto.png"> heeft geen alt-tekst', IMG_HINT)],
        ),
        (
            "Zie [](privacy.md).\n",
            [(9, "de link 'privacy.md' heeft geen tekst", LINK_HINT)],
        ),
        (
            "[![](logo.png)](https://www.scp.nl/)\n",
            [
                (9, "de afbeelding 'logo.png' heeft geen omschrijving", IMAGE_HINT),
                (9, "de link 'https://www.scp.nl/' heeft geen tekst", LINK_HINT),
            ],
        ),
    ],
)
def test_images_without_description_and_links_without_text_are_errors(
    tmp_path: Path, body: str, expected: list[tuple[int, str, str]]
) -> None:
    assert everything(tmp_path, body) == expected
