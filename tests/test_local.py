"""The local layer of a municipality's fork: what the check says about lokaal/.

Every test writes a small fictional layer ("Gemeente Voorbeeld") next to the
fictional content of tests/corpus/basis (one environment, slug 'voorbeeld')
and asserts the exact `path:line: message` lines of `check_content`, the
same check that `handboek check` and the build run.
"""

from __future__ import annotations

import difflib
import errno
import hashlib
import json
import os
import posixpath
import re
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from handboek import cli, schema
from handboek.check import check_content
from handboek.local import (
    atomic,
    colours,
    drift,
    environments,
    fields,
    layer,
    renames,
    scaffold,
)
from handboek.model import GENERATED_PATHS, PRINT_ALL_PATH
from handboek.problems import Severity
from handboek.read.document import list_content, read_document
from tests.conftest import ROOT, TEST_DATE, copy_project, run_build
from tests.sample_content import ENVIRONMENT, write_content

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "gemeente-voorbeeld"

GEMEENTE = "naam: Gemeente Voorbeeld\n"
CONTACT = """---
titel: Contact
beschrijving: "Contact met de verzonnen Gemeente Voorbeeld."
eigenaar: Team Voorbeeld
laatst_beoordeeld: 2026-11-28
volgende_beoordeling: 2027-11-28
---

Mail naar team@voorbeeld.example (verzonnen).
"""
# The basis environment with two points in 'Wat kan de gemeente doen?' (lines 33-37).
WITH_POINTS = ENVIRONMENT.replace(
    "Verzonnen tekst over wat de gemeente kan doen. Terug naar de [start](../index.md).",
    "- **Eerste actie.** Verzonnen tekst over de eerste actie.\n"
    "- **Tweede actie.** Verzonnen tekst. Nog een zin.\n"
    "    - een subpunt\n"
    "\n"
    "Terug naar de [start](../index.md).",
)
NOTE = """\
notities:
  # Een opmerking die moet blijven staan.
  - onderdeel: wat-kan-de-gemeente-doen
    punt: Tweede actie
    tekst: |
      Zo doen wij dit in Gemeente Voorbeeld.
"""
# The fingerprint: the first 12 hex digits of SHA-256 over the words, one space apart.
OLD_FINGERPRINT = hashlib.sha256(
    b"- **Tweede actie.** Verzonnen tekst. Nog een zin. - een subpunt"
).hexdigest()[:12]
NEW_FINGERPRINT = hashlib.sha256(
    b"- **Tweede actie.** Verzonnen tekst. Nog een andere zin. - een subpunt"
).hexdigest()[:12]


def make_fork(
    root: Path, files: dict[str, str | None] | None = None, content: dict[str, str] | None = None
) -> Path:
    """Basis content plus a minimal valid layer; `files` adds, replaces or (None) removes."""
    write_content(root, {"omgevingen/voorbeeld.md": WITH_POINTS, **(content or {})})
    layer = {"lokaal/gemeente.yml": GEMEENTE, "lokaal/paginas/contact.md": CONTACT, **(files or {})}
    for path, text in layer.items():
        if text is not None:
            (root / path).parent.mkdir(parents=True, exist_ok=True)
            (root / path).write_text(text, encoding="utf-8")
    return root


def check(root: Path) -> list[str]:
    result = check_content(root / "content", root, on=TEST_DATE)
    return [problem.format() for problem in sorted(result.problems)]


def herzien(root: Path, monkeypatch: pytest.MonkeyPatch, *targets: str) -> int:
    monkeypatch.chdir(root)
    return cli.main(["gemeente", "herzien", *targets])


# --- the layer as a whole -------------------------------------------------------------------


def test_minimal_layer_is_valid_and_becomes_part_of_the_model(tmp_path: Path) -> None:
    root = make_fork(tmp_path)
    result = check_content(root / "content", root, on=TEST_DATE)
    assert result.problems == ()
    assert result.handbook is not None and result.handbook.local is not None
    assert result.handbook.local.name == "Gemeente Voorbeeld"
    assert result.handbook.local.pages == (("gemeente/contact.md", "lokaal/paginas/contact.md"),)
    assert "gemeente/contact.md" in [page.path for page in result.handbook.pages]


def test_upstream_without_a_layer_has_no_local_model(tmp_path: Path) -> None:
    write_content(tmp_path)
    result = check_content(tmp_path / "content", tmp_path, on=TEST_DATE)
    assert result.handbook is not None and result.handbook.local is None


def test_a_statement_page_replaces_upstreams_at_the_same_address(tmp_path: Path) -> None:
    statement = CONTACT.replace("titel: Contact", "titel: Toegankelijkheid van Voorbeeld")
    root = make_fork(
        tmp_path,
        {"lokaal/paginas/toegankelijkheid.md": statement},
        {"toegankelijkheid.md": CONTACT.replace("titel: Contact", "titel: Toegankelijkheid")},
    )
    result = check_content(root / "content", root, on=TEST_DATE)
    assert result.handbook is not None
    titles = [page.title for page in result.handbook.pages if page.path == "toegankelijkheid.md"]
    assert titles == ["Toegankelijkheid van Voorbeeld"]


def test_missing_municipality_file_and_contact_page(tmp_path: Path) -> None:
    root = make_fork(tmp_path, {"lokaal/gemeente.yml": None, "lokaal/paginas/contact.md": None})
    (root / "lokaal").mkdir(exist_ok=True)
    assert check(root) == [
        "lokaal/gemeente.yml:1: het bestand met de gegevens van de gemeente ontbreekt\n"
        '    tip: maak de lokale laag met: .venv/bin/handboek gemeente nieuw "Gemeente ..." '
        "(of zet lokaal/gemeente.yml terug)",
        "lokaal/paginas/contact.md:1: de contactpagina van de gemeente ontbreekt\n"
        "    tip: maak deze pagina met front matter (titel, beschrijving, eigenaar, "
        "laatst_beoordeeld, volgende_beoordeling) en zeg bij wie lezers terechtkunnen",
    ]


def test_municipality_fields_are_checked_with_lines(tmp_path: Path) -> None:
    gemeente = 'naam: Gemeente Voorbeeld\nkleur: "#000000"\nwebadres: "http://voorbeeld.example"\n'
    root = make_fork(tmp_path, {"lokaal/gemeente.yml": gemeente})
    assert check(root) == [
        "lokaal/gemeente.yml:2: onbekend veld 'kleur'\n    tip: bedoelde je 'kleuren'?",
        "lokaal/gemeente.yml:3: 'webadres' is geen https-adres: 'http://voorbeeld.example'\n"
        '    tip: schrijf het volledige adres, bijvoorbeeld: webadres: "https://www.example.nl/"',
    ]


def test_yaml_errors_name_the_file_not_front_matter(tmp_path: Path) -> None:
    root = make_fork(tmp_path, {"lokaal/gemeente.yml": "naam: Gemeente Voorbeeld\n\tlogo: x\n"})
    assert check(root) == [
        "lokaal/gemeente.yml:2: het bestand bevat een tab-teken\n"
        "    tip: YAML staat geen tabs toe: gebruik spaties om in te springen"
    ]


def test_placeholders_left_from_the_scaffold_are_errors(tmp_path: Path) -> None:
    contact = CONTACT.replace(
        "Mail naar team@voorbeeld.example (verzonnen).",
        "[in te vullen: bij wie lezers terechtkunnen]",
    )
    gemeente = GEMEENTE + "# sitenaam: [in te vullen: mag in commentaar staan]\n"
    root = make_fork(
        tmp_path, {"lokaal/paginas/contact.md": contact, "lokaal/gemeente.yml": gemeente}
    )
    assert check(root) == [
        "lokaal/paginas/contact.md:9: hier staat nog een invulplek: "
        "[in te vullen: bij wie lezers terechtkunnen]\n"
        "    tip: vervang de invulplek door de echte gegevens van de gemeente, of haal de regel "
        "weg; verzin geen namen of contactgegevens"
    ]


def test_local_pages_follow_the_page_rules(tmp_path: Path) -> None:
    page = CONTACT.replace("eigenaar: Team Voorbeeld\n", "") + "\n# Een hoofdtitel\n"
    root = make_fork(tmp_path, {"lokaal/paginas/Onze_aanpak.md": page})
    assert check(root) == [
        "lokaal/paginas/Onze_aanpak.md:1: de bestandsnaam 'Onze_aanpak.md' is geen geldig "
        "webadres\n"
        "    tip: gebruik alleen kleine letters, cijfers en '-', bijvoorbeeld 'contact.md'",
        "lokaal/paginas/Onze_aanpak.md:2: het verplichte veld 'eigenaar' ontbreekt\n"
        "    tip: voeg toe: eigenaar: <tekst>. Wie de pagina inhoudelijk beheert (een rol of "
        "team).",
        "lokaal/paginas/Onze_aanpak.md:10: de tekst bevat een hoofdtitel '# Een hoofdtitel'\n"
        "    tip: de titel komt uit het veld 'titel'; gebruik in de tekst koppen vanaf '##'",
    ]


def test_a_local_page_may_not_take_the_address_of_an_upstream_page(tmp_path: Path) -> None:
    root = make_fork(tmp_path, content={"gemeente/contact.md": CONTACT})
    assert check(root) == [
        "lokaal/paginas/contact.md:1: upstream heeft al een pagina content/gemeente/contact.md\n"
        "    tip: kies een andere bestandsnaam voor deze lokale pagina"
    ]


def test_links_on_local_pages_resolve_against_the_whole_site(tmp_path: Path) -> None:
    contact = CONTACT + (
        "\nZie [de omgeving](../omgevingen/voorbeeldd.md), [start](../index.md) "
        "en [aanpak](aanpak.md).\n"
    )
    root = make_fork(
        tmp_path, {"lokaal/paginas/contact.md": contact, "lokaal/paginas/aanpak.md": CONTACT}
    )
    assert check(root) == [
        "lokaal/paginas/contact.md:11: de link '../omgevingen/voorbeeldd.md' wijst naar een "
        "pagina die niet bestaat\n"
        "    tip: bedoelde je '../omgevingen/voorbeeld.md'?"
    ]


BRIDGE_BUILDER = """bruggenbouwers:
  - organisatie: Buurtteam Voorbeeld
    rol: opbouwwerker
    contact: buurtteam@voorbeeld.example
"""
LOCAL_ANCHOR_LINKS = CONTACT + (
    "\nZie [bruggenbouwers](../omgevingen/voorbeeld.md#lokaal-bruggenbouwers) en "
    "[afdrukken](../afdrukken.md#voorbeeld-lokaal-bruggenbouwers).\n"
)


def test_links_to_a_local_block_pass_where_the_block_is_built(tmp_path: Path) -> None:
    root = make_fork(
        tmp_path,
        {
            "lokaal/omgevingen/voorbeeld.yml": BRIDGE_BUILDER,
            "lokaal/paginas/contact.md": LOCAL_ANCHOR_LINKS,
        },
    )
    assert check(root) == []


def test_links_to_a_local_block_fail_where_there_is_none(tmp_path: Path) -> None:
    root = make_fork(tmp_path, {"lokaal/paginas/contact.md": LOCAL_ANCHOR_LINKS})
    assert check(root) == [
        "lokaal/paginas/contact.md:11: het anker '#lokaal-bruggenbouwers' bestaat niet op de "
        "pagina 'omgevingen/voorbeeld.md'\n"
        "    tip: bedoelde je '#bruggenbouwers'?",
        "lokaal/paginas/contact.md:11: het anker '#voorbeeld-lokaal-bruggenbouwers' bestaat "
        "niet op de pagina 'afdrukken.md'\n"
        "    tip: bedoelde je '#voorbeeld-bruggenbouwers'?",
    ]


def test_links_in_the_content_of_a_fork_resolve_in_the_forks_site(tmp_path: Path) -> None:
    links = "\nZie [hier](omgevingen/voorbeeld.md#lokaal-bruggenbouwers).\n"
    root = make_fork(
        tmp_path,
        {"lokaal/omgevingen/voorbeeld.yml": BRIDGE_BUILDER},
        {"pagina.md": CONTACT + links},
    )
    assert check(root) == []
    (root / "lokaal/omgevingen/voorbeeld.yml").unlink()
    assert check(root) == [
        "content/pagina.md:11: het anker '#lokaal-bruggenbouwers' bestaat niet op de pagina "
        "'omgevingen/voorbeeld.md'\n"
        "    tip: bedoelde je '#bruggenbouwers'?"
    ]


def test_a_local_block_id_is_taken_before_upstream_headings_are_numbered(
    tmp_path: Path,
) -> None:
    heading = WITH_POINTS.replace("### Een subkop", "### Lokaal bruggenbouwers")
    links = CONTACT + "\nZie [de kop](../omgevingen/voorbeeld.md#lokaal-bruggenbouwers_1).\n"
    root = make_fork(
        tmp_path, {"lokaal/paginas/contact.md": links}, {"omgevingen/voorbeeld.md": heading}
    )
    assert check(root) == [
        "lokaal/paginas/contact.md:11: het anker '#lokaal-bruggenbouwers_1' bestaat niet op de "
        "pagina 'omgevingen/voorbeeld.md'\n"
        "    tip: bedoelde je '#lokaal-bruggenbouwers'?"
    ]
    (root / "lokaal/omgevingen").mkdir()
    (root / "lokaal/omgevingen/voorbeeld.yml").write_text(BRIDGE_BUILDER, encoding="utf-8")
    assert check(root) == []


def test_links_to_a_page_whose_local_file_has_errors_are_not_judged(tmp_path: Path) -> None:
    """Its blocks are unknown; the file's own error is the one to fix first."""
    root = make_fork(
        tmp_path,
        {
            "lokaal/omgevingen/voorbeeld.yml": BRIDGE_BUILDER.replace("    rol:", "    roll:"),
            "lokaal/paginas/contact.md": LOCAL_ANCHOR_LINKS,
        },
    )
    assert check(root) == [
        "lokaal/omgevingen/voorbeeld.yml:3: onbekend veld 'bruggenbouwers (punt 1).roll'\n"
        "    tip: bedoelde je 'bruggenbouwers (punt 1).rol'?",
    ]


def test_the_check_knows_exactly_the_anchors_of_a_forks_built_pages(tmp_path: Path) -> None:
    """Like the upstream test in test_site_build.py, for the fictional fork's site."""
    fork = copy_project(tmp_path / "fork")
    shutil.copytree(FIXTURE, fork / "lokaal")
    # Headings and ids inside the texts, with titles that are taken already: by a part's
    # fixed anchor (#bruggenbouwers) and, on the print page, by the start page's headings.
    _insert_after(
        fork / "content/omgevingen/verenigingen.md",
        "## Wat kan de gemeente doen?\n",
        "\n### Bruggenbouwers\n\nTekst.\n\n### Eigen kop {#eigen-anker}\n",
    )
    _insert_after(
        fork / "lokaal/omgevingen/verenigingen.yml",
        "      accounthouder voor de sportverenigingen in de wijk.\n",
        "\n      ### Bruggenbouwers\n\n      Nog een alinea.\n      {: #lokaal-eigen-id }\n"
        # Links written for the environment page; the print page sends them to the same places.
        "\n      [Contact](../gemeente/contact.md), [initiatieven](#lokaal-initiatieven).\n",
    )
    _insert_after(
        fork / "lokaal/omgevingen/verenigingen.yml",
        "      pesten en buitensluiten. *Verzonnen voor de tests.*\n",
        "\n      #### Overzicht\n\n      Nog een alinea.\n",
    )
    build = run_build(fork)
    assert build.returncode == 0, build.output
    content = fork / "content"
    listing = list_content(content)
    documents = [
        read_document(file, f"content/{path}", path)[0]
        for file in listing.pages
        for path in [file.relative_to(content).as_posix()]
    ]
    site = layer.check_layer(fork, [d for d in documents if d], TEST_DATE, listing.files).site

    def built_ids(path: str) -> set[str]:
        url = "" if path == "index.md" else path.removesuffix(".md") + "/"
        page = (build.site / url / "index.html").read_text(encoding="utf-8")
        article = re.search(
            r'<article class="md-content__inner md-typeset">(.*?)</article>', page, re.S
        )
        assert article, path
        return set(re.findall(r'\sid="([^"]+)"', article.group(1)))

    pages = [path for path in site.pages if path not in GENERATED_PATHS]
    assert "gemeente/onze-aanpak.md" in pages
    for path in pages:
        assert site.anchors(path) == built_ids(path), path
    assert site.anchors("omgevingen/verenigingen.md") >= {
        "lokaal-bruggenbouwers",
        "lokaal-initiatieven",
        "zo-doen-wij-dit-wat-kan-de-gemeente-doen",
    }
    assert site.anchors("omgevingen/verenigingen.md") >= {
        "bruggenbouwers_1",  # the environment's own text
        "bruggenbouwers_2",  # the local note
        "eigen-anker",
        "lokaal-eigen-id",
        "overzicht",  # the initiative's description
    }
    # The print-all page: every environment, its local blocks with its slug in front.
    assert site.anchors(PRINT_ALL_PATH) == built_ids(PRINT_ALL_PATH)
    assert site.anchors(PRINT_ALL_PATH) >= {"bruggenbouwers_2", "overzicht_2", "lokaal-eigen-id"}
    print_page = (build.site / "afdrukken" / "index.html").read_text(encoding="utf-8")
    # The note's ### and the description's #### sit under the block's heading (h3; h4 there).
    environment_page = (build.site / "omgevingen/verenigingen/index.html").read_text("utf-8")
    assert '<h4 id="bruggenbouwers_2">' in environment_page
    assert '<h5 id="overzicht">' in environment_page
    assert '<h5 id="bruggenbouwers_2">' in print_page
    assert '<h6 id="overzicht_2">' in print_page
    assert '<a href="../gemeente/contact/">Contact</a>' in print_page
    assert '<a href="#verenigingen-lokaal-initiatieven">initiatieven</a>' in print_page


def _insert_after(file: Path, line: str, text: str) -> None:
    source = file.read_text(encoding="utf-8")
    assert source.count(line) == 1, (file, line)
    file.write_text(source.replace(line, line + text), encoding="utf-8")


def test_files_outside_the_documented_layout_are_errors(tmp_path: Path) -> None:
    root = make_fork(
        tmp_path,
        {
            "lokaal/omgevingen/voorbeeld.yaml": "",
            "lokaal/logo.png": "",
            "lokaal/notities.txt": "",
            "lokaal/.gitkeep": "",
        },
    )
    assert check(root) == [
        "lokaal/logo.png:1: onbekend bestand in de lokale laag\n"
        "    tip: is dit het logo? zet in lokaal/gemeente.yml: logo: logo.png",
        "lokaal/notities.txt:1: onbekend bestand in de lokale laag\n"
        "    tip: de lokale laag bevat alleen: lokaal/gemeente.yml, het logo dat 'logo' daarin "
        "noemt, lokaal/omgevingen/<omgeving>.yml en lokaal/paginas/<naam>.md (zie FORKING.md)",
        "lokaal/omgevingen/voorbeeld.yaml:1: onbekend bestand in de lokale laag\n"
        "    tip: gebruik de extensie .yml: lokaal/omgevingen/voorbeeld.yml",
    ]


# --- logo and colours -----------------------------------------------------------------------------

COLOURS = """naam: Gemeente Voorbeeld
kleuren:
  kop: "#0b4f3c"
  kop_tekst: "#ffffff"
  link: "#0b5d46"
  accent: "#7a2e00"
  lokaal_achtergrond: "#eef6f2"
  lokaal_tekst: "#1a1a1a"
"""


def test_wcag_contrast_formula() -> None:
    assert colours.contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert colours.contrast("#ffffff", "#ffffff") == pytest.approx(1.0)
    # The classic threshold grey: just above 4.5:1 on white.
    assert colours.dutch_ratio(colours.contrast("#767676", "#ffffff")) == "4,54"
    assert colours.dutch_ratio(colours.contrast("#777777", "#ffffff")) == "4,47"


def test_valid_colours_become_custom_properties(tmp_path: Path) -> None:
    root = make_fork(tmp_path, {"lokaal/gemeente.yml": COLOURS})
    result = check_content(root / "content", root, on=TEST_DATE)
    assert result.handbook is not None and result.handbook.local is not None
    css = result.handbook.local.css
    assert "  --md-primary-fg-color: #0b4f3c;\n" in css
    assert "  --md-typeset-a-color: #0b5d46;\n" in css
    assert "  --handboek-lokaal-achtergrond: #eef6f2;\n" in css


def test_colours_below_wcag_aa_are_reported_at_their_line(tmp_path: Path) -> None:
    gemeente = (
        COLOURS.replace('link: "#0b5d46"', 'link: "#7fb3e0"')
        .replace('kop_tekst: "#ffffff"', 'kop_tekst: "#3a6b5d"')
        .replace('accent: "#7a2e00"', "accent: rood")
    )
    root = make_fork(tmp_path, {"lokaal/gemeente.yml": gemeente})
    assert check(root) == [
        "lokaal/gemeente.yml:4: te weinig contrast voor de tekst in de kopbalk: "
        "'kleuren.kop_tekst' (#3a6b5d) op 'kleuren.kop' (#0b4f3c) is 1,56:1, "
        "WCAG AA vraagt minstens 4,5:1\n"
        "    tip: kies een donkerdere tekstkleur of een lichtere achtergrond (of andersom) "
        "tot de verhouding minstens 4,5:1 is",
        "lokaal/gemeente.yml:5: te weinig contrast voor links in de lokale blokken: "
        "'kleuren.link' (#7fb3e0) op 'kleuren.lokaal_achtergrond' (#eef6f2) is 2,02:1, "
        "WCAG AA vraagt minstens 4,5:1\n"
        "    tip: kies een donkerdere tekstkleur of een lichtere achtergrond (of andersom) "
        "tot de verhouding minstens 4,5:1 is",
        "lokaal/gemeente.yml:5: te weinig contrast voor links in de tekst: "
        "'kleuren.link' (#7fb3e0) op wit (#ffffff) is 2,22:1, WCAG AA vraagt minstens 4,5:1\n"
        "    tip: kies een donkerdere tekstkleur of een lichtere achtergrond (of andersom) "
        "tot de verhouding minstens 4,5:1 is",
        "lokaal/gemeente.yml:6: 'kleuren.accent' is geen kleur als #rrggbb: 'rood'\n"
        "    tip: schrijf een kleur als '#' met zes tekens uit 0-9 en a-f, tussen "
        'aanhalingstekens, bijvoorbeeld: "#1f4e79"',
    ]


def test_colours_come_all_six_together(tmp_path: Path) -> None:
    gemeente = COLOURS.replace('  accent: "#7a2e00"\n', "")
    root = make_fork(tmp_path, {"lokaal/gemeente.yml": gemeente})
    assert check(root) == [
        "lokaal/gemeente.yml:3: het verplichte veld 'kleuren.accent' ontbreekt\n"
        "    tip: voeg toe: kleuren.accent: <tekst>. Links waar de muis boven staat, als #rrggbb."
    ]


def test_logo_must_be_a_local_svg_or_png_without_external_requests(tmp_path: Path) -> None:
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg">\n'
        '  <image href="https://cdn.example/logo.png"/>\n'
        "</svg>\n"
    )
    root = make_fork(
        tmp_path, {"lokaal/gemeente.yml": GEMEENTE + "logo: logo.svg\n", "lokaal/logo.svg": svg}
    )
    assert check(root) == [
        "lokaal/logo.svg:2: het logo laadt iets van een andere website\n"
        "    tip: neem lettertypen en afbeeldingen op in het SVG-bestand zelf; de site doet geen "
        "verzoeken naar andere partijen (privacy)"
    ]
    (root / "lokaal/logo.svg").unlink()
    assert check(root) == [
        "lokaal/gemeente.yml:2: het logo 'logo.svg' staat niet in de map lokaal/\n"
        "    tip: zet het bestand in lokaal/ en schrijf alleen de naam, bijvoorbeeld: "
        "logo: logo.svg"
    ]


# --- per environment ------------------------------------------------------------------


def test_an_environment_file_must_name_an_upstream_environment(tmp_path: Path) -> None:
    root = make_fork(tmp_path, {"lokaal/omgevingen/voorbeelden.yml": ""})
    assert check(root) == [
        "lokaal/omgevingen/voorbeelden.yml:1: onbekende omgeving 'voorbeelden': er is geen "
        "content/omgevingen/voorbeelden.md\n"
        "    tip: bedoelde je 'voorbeeld'? hernoem het bestand naar voorbeeld.yml"
    ]


def test_an_empty_environment_file_is_allowed(tmp_path: Path) -> None:
    root = make_fork(tmp_path, {"lokaal/omgevingen/voorbeeld.yml": "# alleen commentaar\n"})
    assert check(root) == []


def test_bridge_builders_and_initiatives_need_every_field(tmp_path: Path) -> None:
    local = """bruggenbouwers:
  - organisatie: Buurtteam Voorbeeld
    rol: opbouwwerker
  - Buurtteam Zuid
initiatieven:
  - naam: Voorbeeldinitiatief
    beschrijving: Verzonnen.
    webadres: "www.voorbeeld.example"
"""
    root = make_fork(tmp_path, {"lokaal/omgevingen/voorbeeld.yml": local})
    assert check(root) == [
        "lokaal/omgevingen/voorbeeld.yml:2: het verplichte veld 'bruggenbouwers (punt 1).contact' "
        "ontbreekt\n"
        "    tip: voeg toe: bruggenbouwers (punt 1).contact: <tekst>. Hoe lezers contact opnemen: "
        "e-mailadres, telefoon of webadres.",
        "lokaal/omgevingen/voorbeeld.yml:4: punt 2 van 'bruggenbouwers' moet een groep velden "
        "zijn, maar is tekst\n"
        "    tip: begin elke groep met '  - ' en zet de velden van de groep eronder, even ver "
        "ingesprongen als het eerste veld",
        "lokaal/omgevingen/voorbeeld.yml:8: 'webadres' van 'Voorbeeldinitiatief' is geen "
        "https-adres: 'www.voorbeeld.example'\n"
        '    tip: schrijf het volledige adres, bijvoorbeeld: webadres: "https://www.example.nl/"',
    ]


def test_a_note_on_an_unknown_part_or_point_is_an_error_with_a_hint(tmp_path: Path) -> None:
    local = """notities:
  - onderdeel: wat-kan-gemeente-doen
    tekst: Verzonnen.
  - onderdeel: Wie zijn de bruggenbouwers?
    tekst: Verzonnen.
  - onderdeel: wat-kan-de-gemeente-doen
    punt: Tweede acties
    tekst: Verzonnen.
  - onderdeel: meerwaarde
    punt: Iets heel anders
    tekst: Verzonnen.
"""
    root = make_fork(tmp_path, {"lokaal/omgevingen/voorbeeld.yml": local})
    assert check(root) == [
        "lokaal/omgevingen/voorbeeld.yml:2: onbekend onderdeel 'wat-kan-gemeente-doen'\n"
        "    tip: bedoelde je 'wat-kan-de-gemeente-doen'?",
        "lokaal/omgevingen/voorbeeld.yml:4: onbekend onderdeel 'Wie zijn de bruggenbouwers?'\n"
        "    tip: schrijf het anker van dat onderdeel: onderdeel: bruggenbouwers",
        "lokaal/omgevingen/voorbeeld.yml:7: onbekend punt 'Tweede acties' in "
        "'Wat kan de gemeente doen?'\n"
        "    tip: bedoelde je 'Tweede actie'?",
        "lokaal/omgevingen/voorbeeld.yml:10: onbekend punt 'Iets heel anders' in "
        "'Wat is de meerwaarde?'\n"
        "    tip: dit onderdeel heeft geen punten met een vetgedrukt begin; laat 'punt' weg",
    ]


# --- drift: notes against upstream text ------------------------------------------------------


def test_points_run_until_the_next_unindented_line() -> None:
    found = drift.points(WITH_POINTS.split("## Wat kan de gemeente doen?\n\n")[1].split("\n##")[0])
    assert found == {
        "Eerste actie": "- **Eerste actie.** Verzonnen tekst over de eerste actie.",
        "Tweede actie": "- **Tweede actie.** Verzonnen tekst. Nog een zin.\n    - een subpunt",
    }


def test_fingerprint_ignores_wrapping_and_snapshot_has_one_sentence_per_line() -> None:
    text = "- **Tweede actie.** Verzonnen tekst. Nog een zin?\n    - een subpunt"
    assert drift.fingerprint(text) == drift.fingerprint(text.replace(" Nog", "\n  Nog"))
    assert drift.fingerprint(text) != drift.fingerprint(text.replace("zin", "zinnen"))
    assert drift.snapshot(text) == (
        "- **Tweede actie.** Verzonnen tekst.\n  Nog een zin?\n    - een subpunt"
    )
    assert drift.fingerprint(drift.snapshot(text)) == drift.fingerprint(text)


def test_an_unrecorded_note_is_a_notice_until_herzien_records_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_fork(tmp_path, {"lokaal/omgevingen/voorbeeld.yml": NOTE})
    assert check(root) == [
        "lokaal/omgevingen/voorbeeld.yml:3: let op: nog niet vastgelegd bij welke tekst van "
        "upstream deze notitie hoort\n"
        "    tip: draai: .venv/bin/handboek gemeente herzien lokaal/omgevingen/voorbeeld.yml:3\n"
        "    dan meldt de controle het als upstream die tekst later verandert"
    ]
    assert herzien(root, monkeypatch, "lokaal/omgevingen/voorbeeld.yml:3") == 0
    assert capsys.readouterr().out == (
        "lokaal/omgevingen/voorbeeld.yml:3: vastgelegd bij de huidige tekst van upstream "
        "(Voorbeeldomgeving › Wat kan de gemeente doen? › Tweede actie)\n"
    )
    assert (root / "lokaal/omgevingen/voorbeeld.yml").read_text(encoding="utf-8") == NOTE + (
        "    # Vastgelegd met 'handboek gemeente herzien'; niet zelf aanpassen.\n"
        "    upstream:\n"
        f'      vingerafdruk: "{OLD_FINGERPRINT}"\n'
        "      tekst: |\n"
        "        - **Tweede actie.** Verzonnen tekst.\n"
        "          Nog een zin.\n"
        "            - een subpunt\n"
    )
    assert check(root) == []


def test_an_upstream_change_under_a_note_is_te_herzien_with_a_diff(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_fork(tmp_path, {"lokaal/omgevingen/voorbeeld.yml": NOTE})
    assert herzien(root, monkeypatch, "lokaal/omgevingen/voorbeeld.yml") == 0
    recorded = (root / "lokaal/omgevingen/voorbeeld.yml").read_text(encoding="utf-8")
    environment = root / "content/omgevingen/voorbeeld.md"
    environment.write_text(
        WITH_POINTS.replace("Nog een zin.", "Nog een andere zin."), encoding="utf-8"
    )
    result = check_content(root / "content", root, on=TEST_DATE)
    assert [problem.severity for problem in result.problems] == [Severity.REVISE]
    assert result.handbook is not None  # a notice: the build goes on
    assert check(root) == [
        "lokaal/omgevingen/voorbeeld.yml:3: let op: te herzien: de tekst van upstream bij deze "
        "notitie is veranderd (Voorbeeldomgeving › Wat kan de gemeente doen? › Tweede actie)\n"
        "    tip: lees wat er veranderde, pas de notitie zo nodig aan en draai daarna:\n"
        "        .venv/bin/handboek gemeente herzien lokaal/omgevingen/voorbeeld.yml:3\n"
        "    wijziging in upstream (- oude tekst, + nieuwe tekst):\n"
        "    --- tekst waarbij de notitie is geschreven\n"
        "    +++ tekst van upstream nu\n"
        "    @@ -1,3 +1,3 @@\n"
        "     - **Tweede actie.** Verzonnen tekst.\n"
        "    -  Nog een zin.\n"
        "    +  Nog een andere zin.\n"
        "         - een subpunt"
    ]
    monkeypatch.chdir(root)
    assert cli.main(["check"]) == 0  # notices never fail the check
    capsys.readouterr()
    assert herzien(root, monkeypatch, "lokaal/omgevingen/voorbeeld.yml:3") == 0
    assert check(root) == []
    # Minimal diff: only the snapshot and fingerprint lines changed; comments stay.
    after = (root / "lokaal/omgevingen/voorbeeld.yml").read_text(encoding="utf-8")
    changed = [
        line
        for line in difflib.unified_diff(recorded.split("\n"), after.split("\n"), lineterm="", n=0)
        if line[:1] in "+-" and line[:3] not in ("+++", "---")
    ]
    assert changed == [
        f'-      vingerafdruk: "{OLD_FINGERPRINT}"',
        f'+      vingerafdruk: "{NEW_FINGERPRINT}"',
        "-          Nog een zin.",
        "+          Nog een andere zin.",
    ]
    assert "  # Een opmerking die moet blijven staan.\n" in after


def test_a_point_removed_upstream_is_a_notice_not_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_fork(tmp_path, {"lokaal/omgevingen/voorbeeld.yml": NOTE})
    assert herzien(root, monkeypatch, "lokaal/omgevingen/voorbeeld.yml") == 0
    (root / "content/omgevingen/voorbeeld.md").write_text(
        WITH_POINTS.replace("**Tweede actie.**", "**Tweede stap.**"), encoding="utf-8"
    )
    result = check_content(root / "content", root, on=TEST_DATE)
    assert result.handbook is not None and result.handbook.local is not None
    note = result.handbook.local.environment("voorbeeld").notes[0]
    assert (note.part.anchor, note.point) == ("wat-kan-de-gemeente-doen", None)
    assert check(root) == [
        "lokaal/omgevingen/voorbeeld.yml:4: let op: te herzien: het punt 'Tweede actie' staat "
        "niet meer in 'Wat kan de gemeente doen?'\n"
        "    tip: bedoelde je 'Tweede stap'? zet de nieuwe woorden bij 'punt' (of haal 'punt' weg) "
        "en draai daarna:\n"
        "        .venv/bin/handboek gemeente herzien lokaal/omgevingen/voorbeeld.yml:3\n"
        "    wijziging in upstream (- oude tekst, + nieuwe tekst):\n"
        "    --- tekst waarbij de notitie is geschreven\n"
        "    +++ tekst van upstream nu\n"
        "    @@ -1,3 +1,3 @@\n"
        "    -- **Tweede actie.** Verzonnen tekst.\n"
        "    +- **Tweede stap.** Verzonnen tekst.\n"
        "       Nog een zin.\n"
        "         - een subpunt"
    ]


def test_a_hand_edited_snapshot_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_fork(tmp_path, {"lokaal/omgevingen/voorbeeld.yml": NOTE})
    assert herzien(root, monkeypatch, "lokaal/omgevingen/voorbeeld.yml") == 0
    file = root / "lokaal/omgevingen/voorbeeld.yml"
    file.write_text(
        file.read_text(encoding="utf-8").replace("Nog een zin.", "Nog een zin!"), encoding="utf-8"
    )
    assert check(root) == [
        "lokaal/omgevingen/voorbeeld.yml:3: de opgeslagen tekst in 'upstream' past niet bij de "
        "vingerafdruk\n"
        "    tip: pas 'upstream' niet met de hand aan; draai: .venv/bin/handboek gemeente herzien "
        "lokaal/omgevingen/voorbeeld.yml:3"
    ]


def test_herzien_refuses_lines_and_files_without_notes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_fork(tmp_path, {"lokaal/omgevingen/voorbeeld.yml": NOTE})
    before = (root / "lokaal/omgevingen/voorbeeld.yml").read_text(encoding="utf-8")
    outside = "lokaal/omgevingen/../../content/omgevingen/voorbeeld.yml"
    (root / "content/omgevingen/voorbeeld.yml").write_text(NOTE, encoding="utf-8")
    assert (
        herzien(root, monkeypatch, "lokaal/omgevingen/voorbeeld.yml:1", "lokaal/x.yml", outside)
        == 1
    )
    assert capsys.readouterr().out == (
        "lokaal/omgevingen/voorbeeld.yml:1: op deze regel staat geen notitie\n"
        "    tip: gebruik het bestand en de regel die .venv/bin/handboek check noemt\n"
        "lokaal/x.yml: geen bestand met notities\n"
        "    tip: noem een bestand in lokaal/omgevingen/, bijvoorbeeld "
        "lokaal/omgevingen/<omgeving>.yml\n"
        f"{outside}: geen bestand met notities\n"
        "    tip: noem een bestand in lokaal/omgevingen/, bijvoorbeeld "
        "lokaal/omgevingen/<omgeving>.yml\n"
    )
    assert (root / "content/omgevingen/voorbeeld.yml").read_text(encoding="utf-8") == NOTE
    assert (root / "lokaal/omgevingen/voorbeeld.yml").read_text(encoding="utf-8") == before


# --- the scaffold points editors at the JSON Schemas ---------------------------------------------


def test_the_scaffolds_yaml_files_name_their_schema_and_are_valid_against_it(
    tmp_path: Path,
) -> None:
    write_content(tmp_path)
    assert scaffold.create(tmp_path, "Gemeente Voorbeeld").refused is None
    for path, name, first_line in [
        (
            "lokaal/gemeente.yml",
            fields.MUNICIPALITY_SCHEMA,
            "# yaml-language-server: $schema=../schemas/lokaal-gemeente.schema.json",
        ),
        (
            "lokaal/omgevingen/voorbeeld.yml",
            fields.ENVIRONMENT_SCHEMA,
            "# yaml-language-server: $schema=../../schemas/lokaal-omgeving.schema.json",
        ),
    ]:
        text = (tmp_path / path).read_text(encoding="utf-8")
        assert text.split("\n")[0] == first_line
        relative = first_line.split("$schema=")[1]
        target = posixpath.normpath(posixpath.join(posixpath.dirname(path), relative))
        assert (ROOT / target).read_text(encoding="utf-8") == schema.schema_text(name)
        data = yaml.safe_load(text) or {}  # an environment file is all comments at first
        jsonschema.validate(data, json.loads(schema.schema_text(name)))
    assert yaml.safe_load((tmp_path / "lokaal/gemeente.yml").read_text(encoding="utf-8")) == {
        "naam": "Gemeente Voorbeeld"
    }


# --- Markdown in the local files: the prose and link rules of upstream's pages ------------

UNSAFE_TEXTS = """\
initiatieven:
  - naam: Spreekuur
    beschrijving: "Elke week. <a href='#' onclick='aanmelden()'>Aanmelden</a>"
notities:
  - onderdeel: bruggenbouwers
    tekst: |
      Ons team helpt.
      ![kaart](https://kaarten.example/wijk.png)
      <script>volg()</script>
      Zie [contact](../gemeente/contact.md), [de initiatieven](#lokaal-initiatieven),
      [weg](../gemeente/contakt.md) en [dit][nergens].
"""


def test_notes_and_descriptions_get_the_prose_and_link_rules(tmp_path: Path) -> None:
    """They are shown on the environment page: no scripts, nothing from other websites."""
    root = make_fork(tmp_path, {"lokaal/omgevingen/voorbeeld.yml": UNSAFE_TEXTS})
    file = "lokaal/omgevingen/voorbeeld.yml"
    assert check(root) == [
        # A text on one line: its findings are on the field's line.
        f"{file}:3: het HTML-attribuut 'onclick' in <a> is niet toegestaan\n"
        "    tip: de inhoud mag geen code uitvoeren; verwijder het attribuut",
        f"{file}:5: let op: nog niet vastgelegd bij welke tekst van upstream deze notitie hoort\n"
        f"    tip: draai: .venv/bin/handboek gemeente herzien {file}:5\n"
        "    dan meldt de controle het als upstream die tekst later verandert",
        # A literal block (tekst: |): each finding on its own line of the file.
        f"{file}:8: de afbeelding 'https://kaarten.example/wijk.png' laadt iets van een andere "
        "website\n"
        "    tip: de site laadt niets van andere websites (privacy van lezers); zet een gewone "
        "link naar de afbeelding, bijvoorbeeld [Bekijk de kaart](https://...)",
        f"{file}:9: het HTML-element <script> is niet toegestaan\n"
        "    tip: de inhoud mag geen code uitvoeren; verwijder het element",
        # Links resolve from the environment page: the contact page and the block exist.
        f"{file}:11: de link '../gemeente/contakt.md' wijst naar een pagina die niet bestaat\n"
        "    tip: bedoelde je '../gemeente/contact.md'?",
        f"{file}:11: de verwijzing '[nergens]' heeft geen doel\n"
        "    tip: zet ergens op de pagina een regel '[nergens]: doel-van-de-link', of schrijf de "
        "link als [tekst](doel)",
    ]


def test_headings_in_local_texts_fit_under_the_blocks_heading(tmp_path: Path) -> None:
    texts = (
        "notities:\n"
        "  - onderdeel: bruggenbouwers\n"
        "    tekst: |\n"
        "      # Te groot\n"
        "      ## Ook te groot\n"
        "      ### Goed\n"
        "      #### Ook goed\n"
        "      ##### Te klein\n"
    )
    root = make_fork(tmp_path, {"lokaal/omgevingen/voorbeeld.yml": texts})
    hint = (
        "    tip: de tekst staat in een blok met een eigen kopje: gebruik ### voor een kopje en "
        "#### voor een kopje daaronder"
    )
    assert [line for line in check(root) if "kopje" in line] == [
        f"lokaal/omgevingen/voorbeeld.yml:4: het kopje 'Te groot' begint met #\n{hint}",
        f"lokaal/omgevingen/voorbeeld.yml:5: het kopje 'Ook te groot' begint met ##\n{hint}",
        f"lokaal/omgevingen/voorbeeld.yml:8: het kopje 'Te klein' begint met #####\n{hint}",
    ]


# --- `herzien` never loses a byte --------------------------------------------------------------


def test_herzien_with_a_full_disk_keeps_the_original_and_says_so_in_dutch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_fork(tmp_path, {"lokaal/omgevingen/voorbeeld.yml": NOTE})
    file = root / "lokaal/omgevingen/voorbeeld.yml"
    before = file.read_bytes()

    def half_then_full(handle: int, data: memoryview) -> int:
        os.write(handle, bytes(data[: len(data) // 2]))
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic, "_write", half_then_full)
    assert herzien(root, monkeypatch, "lokaal/omgevingen/voorbeeld.yml") == 1
    assert capsys.readouterr().out == (
        "lokaal/omgevingen/voorbeeld.yml: het bestand kan niet worden opgeslagen "
        f"({os.strerror(errno.ENOSPC)}); het is niet veranderd\n"
        "    tip: is de schijf vol, of mag u hier niet schrijven? Maak ruimte vrij en draai de "
        "opdracht opnieuw\n"
    )
    assert file.read_bytes() == before
    assert sorted(path.name for path in file.parent.iterdir()) == ["voorbeeld.yml"]


def test_herzien_keeps_crlf_line_endings_and_the_permissions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_fork(tmp_path, {"lokaal/omgevingen/voorbeeld.yml": ""})
    file = root / "lokaal/omgevingen/voorbeeld.yml"
    file.write_bytes(NOTE.replace("\n", "\r\n").encode("utf-8"))
    file.chmod(0o640)
    assert herzien(root, monkeypatch, "lokaal/omgevingen/voorbeeld.yml") == 0
    recorded = NOTE + (
        "    # Vastgelegd met 'handboek gemeente herzien'; niet zelf aanpassen.\n"
        "    upstream:\n"
        f'      vingerafdruk: "{OLD_FINGERPRINT}"\n'
        "      tekst: |\n"
        "        - **Tweede actie.** Verzonnen tekst.\n"
        "          Nog een zin.\n"
        "            - een subpunt\n"
    )
    assert file.read_bytes() == recorded.replace("\n", "\r\n").encode("utf-8")
    assert file.stat().st_mode & 0o777 == 0o640
    assert check(root) == []


def test_herzien_refuses_a_file_the_check_rejects(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = NOTE.replace("    punt: Tweede actie\n", "    punt: Tweede actie\n    kleur: rood\n")
    root = make_fork(tmp_path, {"lokaal/omgevingen/voorbeeld.yml": broken})
    assert herzien(root, monkeypatch, "lokaal/omgevingen/voorbeeld.yml") == 1
    assert capsys.readouterr().out == (
        "lokaal/omgevingen/voorbeeld.yml:5: onbekend veld 'notities (punt 1).kleur'\n"
        "    tip: toegestane velden: notities (punt 1).onderdeel, notities (punt 1).punt, "
        "notities (punt 1).tekst, notities (punt 1).upstream\n"
        "lokaal/omgevingen/voorbeeld.yml: er is niets veranderd; los eerst de fouten hierboven "
        "op ('handboek check' toont ze ook)\n"
    )
    assert (root / "lokaal/omgevingen/voorbeeld.yml").read_text(encoding="utf-8") == broken


def test_herzien_refuses_a_file_that_is_no_yaml(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = NOTE.replace("  - onderdeel:", "  - onderdeel: 'open")
    root = make_fork(tmp_path, {"lokaal/omgevingen/voorbeeld.yml": broken})
    assert herzien(root, monkeypatch, "lokaal/omgevingen/voorbeeld.yml") == 1
    output = capsys.readouterr().out
    assert output.startswith("lokaal/omgevingen/voorbeeld.yml:3: het bestand is geen geldige YAML")
    assert output.endswith(
        "lokaal/omgevingen/voorbeeld.yml: er is niets veranderd; los eerst de fouten hierboven "
        "op ('handboek check' toont ze ook)\n"
    )
    assert "geen notities" not in output
    assert (root / "lokaal/omgevingen/voorbeeld.yml").read_text(encoding="utf-8") == broken


def test_herzien_stops_when_the_file_changed_after_it_was_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_fork(tmp_path, {"lokaal/omgevingen/voorbeeld.yml": NOTE})
    file = root / "lokaal/omgevingen/voorbeeld.yml"
    meanwhile = NOTE + "# Net door iemand anders toegevoegd.\n"
    read_file = environments.read_environment_file

    def read_and_then_someone_saves(*arguments: Any) -> environments.EnvironmentFile:
        read = read_file(*arguments)
        file.write_text(meanwhile, encoding="utf-8")
        return read

    monkeypatch.setattr(environments, "read_environment_file", read_and_then_someone_saves)
    assert herzien(root, monkeypatch, "lokaal/omgevingen/voorbeeld.yml") == 1
    assert capsys.readouterr().out == (
        "lokaal/omgevingen/voorbeeld.yml: het bestand is veranderd terwijl 'herzien' liep; er is "
        "niets opgeslagen\n"
        "    tip: sla uw wijziging op en draai de opdracht daarna opnieuw\n"
    )
    assert file.read_text(encoding="utf-8") == meanwhile


# --- an environment renamed upstream ('eerdere_namen') -----------------------------------------

RENAMED = WITH_POINTS.replace("volgorde: 1\n", "volgorde: 1\neerdere_namen: [voorbeeld]\n")
OLD_NAME_NOTE = NOTE + "      Zie ook [de omgeving](voorbeeld.md#wat-werkt).\n"
OLD_NAME_PAGE = CONTACT + "\nOver de [omgeving](../omgevingen/voorbeeld.md).\n"


def renamed_fork(root: Path) -> Path:
    """A fork with a file and links under the earlier name 'voorbeeld' of 'nieuw'."""
    root = make_fork(
        root,
        {
            "lokaal/omgevingen/voorbeeld.yml": OLD_NAME_NOTE,
            "lokaal/paginas/contact.md": OLD_NAME_PAGE,
        },
    )
    (root / "content/omgevingen/voorbeeld.md").rename(root / "content/omgevingen/nieuw.md")
    (root / "content/omgevingen/nieuw.md").write_text(RENAMED, encoding="utf-8")
    start = root / "content/index.md"  # upstream renames its own links
    start.write_text(start.read_text(encoding="utf-8").replace("voorbeeld.md", "nieuw.md"))
    return root


def test_a_file_and_links_under_an_earlier_name_work_with_a_notice(tmp_path: Path) -> None:
    root = renamed_fork(tmp_path)
    rename_tip = "de pull request 'Update van de landelijke handreiking' doet dat vanzelf. Tot dan "
    assert check(root) == [
        "lokaal/omgevingen/voorbeeld.yml:1: let op: upstream heeft de omgeving 'voorbeeld' "
        "hernoemd naar 'nieuw'\n"
        "    tip: hernoem dit bestand naar lokaal/omgevingen/nieuw.yml; "
        + rename_tip
        + "telt dit bestand voor 'nieuw'",
        "lokaal/omgevingen/voorbeeld.yml:3: let op: nog niet vastgelegd bij welke tekst van "
        "upstream deze notitie hoort\n"
        "    tip: draai: .venv/bin/handboek gemeente herzien lokaal/omgevingen/voorbeeld.yml:3\n"
        "    dan meldt de controle het als upstream die tekst later verandert",
        "lokaal/omgevingen/voorbeeld.yml:7: let op: deze link gaat naar de oude naam van een "
        "omgeving: voorbeeld.md heet nu nieuw.md\n"
        "    tip: schrijf nieuw.md in plaats van voorbeeld.md; " + rename_tip + "werkt de link "
        "ook zo",
        "lokaal/paginas/contact.md:11: let op: deze link gaat naar de oude naam van een "
        "omgeving: voorbeeld.md heet nu nieuw.md\n"
        "    tip: schrijf nieuw.md in plaats van voorbeeld.md; " + rename_tip + "werkt de link "
        "ook zo",
    ]
    result = check_content(root / "content", root, on=TEST_DATE)
    assert result.handbook is not None and result.handbook.local is not None
    local = result.handbook.local
    assert list(local.environments) == ["nieuw"]
    assert local.environments["nieuw"].notes[0].markdown == (
        "Zo doen wij dit in Gemeente Voorbeeld.\nZie ook [de omgeving](nieuw.md#wat-werkt)."
    )
    assert local.renames == (("voorbeeld", "nieuw"),)


def test_renames_apply_renames_the_file_and_links_but_not_upstreams_recorded_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_fork(tmp_path, {"lokaal/omgevingen/voorbeeld.yml": OLD_NAME_NOTE})
    environment = WITH_POINTS.replace(
        "- **Tweede actie.** Verzonnen tekst.", "- **Tweede actie.** Zie [hier](voorbeeld.md)."
    )
    (root / "content/omgevingen/voorbeeld.md").write_text(environment, encoding="utf-8")
    assert herzien(root, monkeypatch, "lokaal/omgevingen/voorbeeld.yml") == 0
    recorded = (root / "lokaal/omgevingen/voorbeeld.yml").read_text(encoding="utf-8")
    assert "        - **Tweede actie.** Zie [hier](voorbeeld.md).\n" in recorded
    (root / "lokaal/paginas/contact.md").write_text(OLD_NAME_PAGE, encoding="utf-8")
    (root / "content/omgevingen/voorbeeld.md").rename(root / "content/omgevingen/nieuw.md")
    start = root / "content/index.md"
    start.write_text(start.read_text(encoding="utf-8").replace("voorbeeld.md", "nieuw.md"))
    (root / "content/omgevingen/nieuw.md").write_text(
        RENAMED.replace(
            "- **Tweede actie.** Verzonnen tekst.", "- **Tweede actie.** Zie [hier](nieuw.md)."
        ),
        encoding="utf-8",
    )
    assert renames.apply(root, {"voorbeeld": "nieuw"}) == [
        "lokaal/omgevingen/voorbeeld.yml hernoemd naar lokaal/omgevingen/nieuw.yml",
        "lokaal/omgevingen/nieuw.yml: link naar voorbeeld.md veranderd in nieuw.md",
        "lokaal/paginas/contact.md: link naar voorbeeld.md veranderd in nieuw.md",
    ]
    assert not (root / "lokaal/omgevingen/voorbeeld.yml").exists()
    assert (root / "lokaal/omgevingen/nieuw.yml").read_text(encoding="utf-8") == recorded.replace(
        "[de omgeving](voorbeeld.md#wat-werkt)", "[de omgeving](nieuw.md#wat-werkt)"
    )
    assert (root / "lokaal/paginas/contact.md").read_text(encoding="utf-8") == (
        CONTACT + "\nOver de [omgeving](../omgevingen/nieuw.md).\n"
    )
    # Upstream's own text under the note changed (its link): te herzien, as always.
    assert [line.split("\n")[0] for line in check(root)] == [
        "lokaal/omgevingen/nieuw.yml:3: let op: te herzien: de tekst van upstream bij deze "
        "notitie is veranderd (Voorbeeldomgeving › Wat kan de gemeente doen? › Tweede actie)"
    ]


def test_earlier_names_must_be_free_file_names(tmp_path: Path) -> None:
    other = ENVIRONMENT.replace("volgorde: 1", "volgorde: 2").replace(
        "titel: Voorbeeldomgeving", "titel: Andere omgeving"
    )
    write_content(
        tmp_path,
        {
            "omgevingen/voorbeeld.md": ENVIRONMENT.replace(
                "volgorde: 1\n", "volgorde: 1\neerdere_namen: [Oud Ding, andere, weg]\n"
            ),
            "omgevingen/andere.md": other.replace(
                "volgorde: 2\n", "volgorde: 2\neerdere_namen: [weg]\n"
            ),
        },
    )
    assert check(tmp_path) == [
        "content/omgevingen/voorbeeld.md:5: 'Oud Ding' in 'eerdere_namen' is geen bestandsnaam "
        "van een omgeving\n"
        "    tip: schrijf de oude bestandsnaam zonder .md, in kleine letters, cijfers en '-', "
        "bijvoorbeeld: eerdere_namen: [een-op-een-ondersteuning]",
        "content/omgevingen/voorbeeld.md:5: 'andere' in 'eerdere_namen' is de naam van een "
        "bestaande omgeving\n"
        "    tip: haal 'andere' weg: er is een content/omgevingen/andere.md",
        "content/omgevingen/voorbeeld.md:5: 'weg' staat ook in 'eerdere_namen' van "
        "content/omgevingen/andere.md\n"
        "    tip: een oude naam hoort bij één omgeving; haal hem bij één van de twee weg",
    ]


def test_a_file_under_the_earlier_and_one_under_the_current_name_is_an_error(
    tmp_path: Path,
) -> None:
    root = renamed_fork(tmp_path)
    (root / "lokaal/omgevingen/nieuw.yml").write_text("", encoding="utf-8")
    assert [p for p in check(root) if "let op" not in p] == [
        "lokaal/omgevingen/voorbeeld.yml:1: lokaal/omgevingen/nieuw.yml en "
        "lokaal/omgevingen/voorbeeld.yml zijn allebei voor de omgeving 'nieuw'\n"
        "    tip: zet alles in lokaal/omgevingen/nieuw.yml en verwijder het andere bestand"
    ]


def test_the_scaffold_with_a_full_disk_leaves_no_half_layer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_content(tmp_path)
    written: list[Path] = []

    def full_after_two(file: Path, text: str) -> None:
        if len(written) == 2:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        written.append(file)
        file.write_text(text, encoding="utf-8")

    monkeypatch.setattr(scaffold, "_write", full_after_two)
    monkeypatch.chdir(tmp_path)
    assert cli.main(["gemeente", "nieuw", "Gemeente Voorbeeld"]) == 2
    assert capsys.readouterr().err == (
        f"lokaal/ kan niet worden geschreven ({os.strerror(errno.ENOSPC)}); er is niets "
        "veranderd\n"
        "    tip: is de schijf vol, of mag u hier niet schrijven? Maak ruimte vrij en probeer "
        "het opnieuw\n"
    )
    assert sorted(path.name for path in tmp_path.iterdir()) == ["content"]
    monkeypatch.undo()
    assert scaffold.create(tmp_path, "Gemeente Voorbeeld").refused is None
