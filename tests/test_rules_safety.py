"""Safety rules (`handboek.rules.safety`): no code from content, nothing from other hosts.

Each case is the body of content/pagina.md; its first line is line 9.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from handboek import audit_url
from handboek.rules import safety
from tests.sample_content import page

IMAGE_HINT = (
    "zet de afbeelding in de inhoudsmap (bijvoorbeeld content/afbeeldingen/) en gebruik "
    "een pad vanaf deze pagina: ![omschrijving](afbeeldingen/foto.png); "
    "de site laadt niets van andere websites (privacy van lezers)"
)
EMBED_HINT = (
    "de site laadt niets van andere websites (privacy van lezers); "
    "zet een gewone link naar die pagina, bijvoorbeeld [Bekijk de video](https://...)"
)
CODE_HINT = "de inhoud mag geen code uitvoeren; verwijder het element"
THEME_HINT = "opmaak en instellingen komen uit het thema (map overrides/); verwijder het element"
LINK_HINT = (
    "de inhoud mag geen code uitvoeren; link naar een pagina (https://... of een .md-bestand)"
)
HANDLER_HINT = "de inhoud mag geen code uitvoeren; verwijder het attribuut"


def everything(tmp_path: Path, body: str) -> list[tuple[int, str, str]]:
    document = page(tmp_path, body)
    return [finding for rule in safety.SAFETY_RULES for finding in rule(document)]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "<script>alert(1)</script>",
            [(9, "het HTML-element <script> is niet toegestaan", CODE_HINT)],
        ),
        (
            'Tekst\n\n<SCRIPT src="/x.js"></SCRIPT>',
            [(11, "het HTML-element <script> is niet toegestaan", CODE_HINT)],
        ),
        (
            '<iframe src="https://video.example.org/embed/1"></iframe>',
            [(9, "het HTML-element <iframe> is niet toegestaan", EMBED_HINT)],
        ),
        (
            '<object data="film.swf"></object>',
            [(9, "het HTML-element <object> is niet toegestaan", EMBED_HINT)],
        ),
        (
            '<embed src="film.swf">',
            [(9, "het HTML-element <embed> is niet toegestaan", EMBED_HINT)],
        ),
        (
            "<style>body { color: red }</style>",
            [(9, "het HTML-element <style> is niet toegestaan", THEME_HINT)],
        ),
        (
            '<link rel="stylesheet" href="x.css">',
            [(9, "het HTML-element <link> is niet toegestaan", THEME_HINT)],
        ),
        (
            "[klik](javascript:alert(1))",
            [(9, "een link met 'javascript:' is niet toegestaan", LINK_HINT)],
        ),
        (
            "[klik]( JaVaScRiPt:alert(1) )",
            [(9, "een link met 'javascript:' is niet toegestaan", LINK_HINT)],
        ),
        (
            "[klik][x]\n\n[x]: javascript:alert(1)",
            [(11, "een link met 'javascript:' is niet toegestaan", LINK_HINT)],
        ),
        (
            '<a href="jav&#x61;script:alert(1)">klik</a>',
            [(9, "een link met 'javascript:' is niet toegestaan", LINK_HINT)],
        ),
        (
            '<a href="java\tscript:alert(1)">klik</a>',
            [(9, "een link met 'javascript:' is niet toegestaan", LINK_HINT)],
        ),
        (
            "<a href='vbscript:msgbox'>klik</a>",
            [(9, "een link met 'vbscript:' is niet toegestaan", LINK_HINT)],
        ),
        (
            '<p onclick="alert(1)">tekst</p>',
            [(9, "het HTML-attribuut 'onclick' in <p> is niet toegestaan", HANDLER_HINT)],
        ),
        (
            '<img src="foto.png"\n     ONERROR=alert(1)>',
            [(9, "het HTML-attribuut 'onerror' in <img> is niet toegestaan", HANDLER_HINT)],
        ),
        (
            "![grafiek](https://cdn.example.org/grafiek.png)",
            [
                (
                    9,
                    "de afbeelding 'https://cdn.example.org/grafiek.png' laadt iets van een "
                    "andere website",
                    IMAGE_HINT,
                )
            ],
        ),
        (
            "![grafiek](//cdn.example.org/grafiek.png)",
            [
                (
                    9,
                    "de afbeelding '//cdn.example.org/grafiek.png' laadt iets van een "
                    "andere website",
                    IMAGE_HINT,
                )
            ],
        ),
        (
            "![grafiek][g]\n\n[g]: http://cdn.example.org/grafiek.png",
            [(9, "de afbeelding '[g]' laadt iets van een andere website", IMAGE_HINT)],
        ),
        (
            "![g]\n\n[g]: http://cdn.example.org/grafiek.png",
            [(9, "de afbeelding '[g]' laadt iets van een andere website", IMAGE_HINT)],
        ),
        (
            '<img src="https://cdn.example.org/foto.png" alt="">',
            [
                (
                    9,
                    '<img src="https://cdn.example.org/foto.png"> laadt iets van een '
                    "andere website",
                    IMAGE_HINT,
                )
            ],
        ),
        (
            '<img src="\\\\cdn.example.org\\foto.png">',
            [
                (
                    9,
                    '<img src="\\\\cdn.example.org\\foto.png"> laadt iets van een andere website',
                    IMAGE_HINT,
                )
            ],
        ),
        (
            '<img srcset="klein.png 1x, https://cdn.example.org/groot.png 2x">',
            [
                (
                    9,
                    '<img srcset="klein.png 1x, https://cdn.example.org/groot.png 2x"> laadt '
                    "iets van een andere website",
                    IMAGE_HINT,
                )
            ],
        ),
        (
            '<video poster="https://cdn.example.org/p.png"></video>',
            [
                (
                    9,
                    '<video poster="https://cdn.example.org/p.png"> laadt iets van een '
                    "andere website",
                    IMAGE_HINT,
                )
            ],
        ),
        (
            "<div style=\"background: url('https://cdn.example.org/a.png')\">x</div>",
            [(9, "de stijl (style) van <div> laadt iets van een andere website", IMAGE_HINT)],
        ),
    ],
)
def test_unsafe_content_is_reported(
    tmp_path: Path, body: str, expected: list[tuple[int, str, str]]
) -> None:
    assert everything(tmp_path, body + "\n") == expected


@pytest.mark.parametrize(
    "body",
    [
        "[SCP](https://www.scp.nl/)",  # a link to another site loads nothing by itself
        '<a href="https://www.scp.nl/">SCP</a>',
        "![foto](afbeeldingen/foto.png)",
        '<img src="afbeeldingen/foto.png" alt="Foto">',
        "![pixel](data:image/png;base64,iVBORw0KGgo=)",
        "`<script>` in een codefragment is tekst",
        '```html\n<script>alert(1)</script>\n<iframe src="https://x"></iframe>\n```',
        "~~~\n<script>\n~~~",
        "<!-- <script>alert(1)</script> -->",
        "Een zin met on=in de tekst en 1 < 2 > 0.",
        '<span class="online">tekst</span>',
        "Schrijf javascript: zonder link is gewone tekst.",
    ],
)
def test_safe_content_passes(tmp_path: Path, body: str) -> None:
    assert everything(tmp_path, body + "\n") == []


def test_an_iframe_is_reported_once(tmp_path: Path) -> None:
    body = '<iframe src="https://video.example.org/1"></iframe>\n'
    assert [message for _, message, _ in everything(tmp_path, body)] == [
        "het HTML-element <iframe> is niet toegestaan"
    ]


def test_every_problem_on_a_page_is_reported(tmp_path: Path) -> None:
    body = (
        "<script>x()</script>\n\n"
        '<a href="javascript:x()" onmouseover="x()">a</a>\n\n'
        "![b](https://cdn.example.org/b.png)\n"
    )
    assert [(line, message) for line, message, _ in everything(tmp_path, body)] == [
        (9, "het HTML-element <script> is niet toegestaan"),
        (11, "een link met 'javascript:' is niet toegestaan"),
        (11, "het HTML-attribuut 'onmouseover' in <a> is niet toegestaan"),
        (13, "de afbeelding 'https://cdn.example.org/b.png' laadt iets van een andere website"),
    ]


def test_the_attr_list_expression_and_the_id_shortcut_are_python_markdowns() -> None:
    """markup.ATTR_LIST is attr_list's own expression, and a list with only an id (the
    shortcut) or more is read as attr_list's scanner reads it."""
    from markdown.extensions.attr_list import AttrListTreeprocessor, _scanner

    from handboek.rules import markup

    assert markup.ATTR_LIST.pattern == AttrListTreeprocessor.BASE_RE
    for written in ("#anker", "#a.b", "#a:b-c_1  ", "#één", "#a #b", "#a=b", ".klasse", "#a}b"):
        attributes, rest = _scanner.scan(written)
        expected = ([tuple(pair) for pair in attributes], rest)
        assert markup.scan_attributes(written) == expected, written


SCHEME_HINT = (
    "een link naar een andere website begint met https:// (of mailto: voor e-mail, tel: voor "
    "een telefoonnummer); een link naar een pagina is een .md-bestand"
)


@pytest.mark.parametrize(
    ("address", "allowed"),
    [
        ("https://www.voorbeeld.nl/", True),
        ("http://www.voorbeeld.nl/", True),
        ("mailto:info@voorbeeld.nl", True),
        ("tel:+31101234567", True),
        ("pagina.md#kop", True),
        ("htt:ps://www.voorbeeld.nl/", False),
        ("ftp://bestanden.voorbeeld.nl/", False),
        ("file:///C:/Gebruikers/lijst.docx", False),
        ("sms:0612345678", False),
    ],
)
def test_a_link_uses_a_scheme_the_built_site_allows(
    tmp_path: Path, address: str, allowed: bool
) -> None:
    """The same allow-list as the audit of the built site (`audit_url`): what the check
    passes, the audit passes, and the other way round."""
    found = list(safety.links_go_to_pages_or_websites(page(tmp_path, f"[link]({address})\n")))
    assert (found == []) is allowed
    assert (audit_url.navigation_problem(address) is None) is allowed
    if not allowed:
        name = address.split(":")[0]
        assert found == [(9, f"een link met '{name}:' is niet toegestaan", SCHEME_HINT)]
