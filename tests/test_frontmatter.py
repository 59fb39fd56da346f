"""Front matter: reading, YAML and fields (`handboek.read.frontmatter`), with exact messages.

Each test writes one file and asserts every problem `document.read_document`
reports for it as `(line, message, hint)`. Pages start from sample_content.PAGE
(lines 2-6: titel, beschrijving, eigenaar, laatst_beoordeeld,
volgende_beoordeling), environments from the fictional base environment.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from handboek.read import document as document_module
from tests.sample_content import ENVIRONMENT, PAGE, read, read_or_fail

DATE_HINT = "schrijf de datum als JJJJ-MM-DD zonder aanhalingstekens, bijvoorbeeld 2026-11-28"
TEXT_HINT = 'schrijf tekst achter de dubbele punt, bijvoorbeeld: titel: "Verenigingen"'
YAML_HINT = (
    "controleer dubbele punten, inspringing en aanhalingstekens op deze regel of de regel "
    "erboven; zet tekst met ':' of '#' tussen aanhalingstekens"
)


def problems(tmp_path: Path, text: str | bytes, path: str = "pagina.md") -> list[tuple]:
    _, found = read_or_fail(tmp_path, path, text)
    return [(problem.line, problem.message, problem.hint) for problem in found]


def page_with(old: str, new: str) -> str:
    assert old in PAGE
    return PAGE.replace(old, new)


def environment_with(old: str, new: str) -> str:
    assert old in ENVIRONMENT
    return ENVIRONMENT.replace(old, new)


def test_valid_front_matter_gives_typed_values(tmp_path: Path) -> None:
    document, found = read(tmp_path, "omgevingen/voorbeeld.md", ENVIRONMENT)
    assert found == []
    assert document.fields == {
        "titel": "Voorbeeldomgeving",
        "beschrijving": "Een verzonnen omgeving van de fictieve Gemeente Voorbeeld, alleen "
        "voor de tests.",
        "volgorde": 1,
        "eigenaar": "Redactie Gemeente Voorbeeld",
        "laatst_beoordeeld": dt.date(2026, 1, 15),
        "volgende_beoordeling": dt.date(2027, 1, 15),
        "overzicht": {
            "meerwaarde": ("Een verzonnen meerwaarde",),
            "bruggenbouwers": ("Een verzonnen bruggenbouwer",),
            "gemeente": ("Een verzonnen actie",),
        },
    }
    assert document.field_lines["volgorde"] == 4
    assert document.body_line == 16


# --- the file and the front matter block ----------------------------------------------


def test_a_byte_order_mark_is_reported(tmp_path: Path) -> None:
    assert problems(tmp_path, b"\xef\xbb\xbf" + PAGE.encode()) == [
        (
            1,
            "het bestand begint met een onzichtbaar BOM-teken (byte-order mark)",
            "sla het bestand op als 'UTF-8' zonder BOM",
        )
    ]


def test_text_that_is_not_utf8_is_reported_at_its_line(tmp_path: Path) -> None:
    text = page_with("eigenaar: Redactie", "eigenaar: R\xe9dactie").encode("latin-1")
    assert problems(tmp_path, text) == [
        (
            4,
            "het bestand is geen geldige UTF-8-tekst",
            "sla het bestand op met de tekenset 'UTF-8'",
        )
    ]


def test_a_file_that_cannot_be_read_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    assert problems(tmp_path, PAGE) == [
        (
            1,
            "het bestand kan niet gelezen worden (Permission denied)",
            "controleer of het bestand bestaat en of je het mag lezen",
        )
    ]


def test_a_page_without_front_matter_is_reported(tmp_path: Path) -> None:
    assert problems(tmp_path, "## Kop\n\nTekst.\n") == [
        (
            1,
            "de pagina begint niet met front matter (een blok tussen twee regels '---')",
            "zet op de eerste regel '---', daaronder de velden (zoals 'titel: ...') en sluit af "
            "met '---'",
        )
    ]


def test_front_matter_that_is_not_closed_is_reported(tmp_path: Path) -> None:
    # Reported where the '---' belongs, after the last field, not at line 1.
    assert problems(tmp_path, "---\ntitel: X\n\nTekst.\n") == [
        (
            3,
            "de front matter wordt niet afgesloten",
            "zet hier, direct na de laatste regel met velden (regel 2), een regel met alleen '---'",
        )
    ]
    text = "---\ntitel: X\n# een opmerking\nlijst:\n  - a\n\nnog: b\n\n## Kop\n"
    assert problems(tmp_path, text)[0][0] == 8


def test_empty_front_matter_reports_every_required_field(tmp_path: Path) -> None:
    assert [message for _, message, _ in problems(tmp_path, "---\n---\nTekst.\n")] == [
        "het verplichte veld 'titel' ontbreekt",
        "het verplichte veld 'beschrijving' ontbreekt",
        "het verplichte veld 'eigenaar' ontbreekt",
        "het verplichte veld 'laatst_beoordeeld' ontbreekt",
        "het verplichte veld 'volgende_beoordeling' ontbreekt",
    ]


def test_front_matter_that_is_a_list_is_reported(tmp_path: Path) -> None:
    assert problems(tmp_path, "---\n- titel\n---\n") == [
        (
            2,
            "de front matter moet bestaan uit velden als 'naam: waarde'",
            "begin elke regel met een veldnaam, een dubbele punt en een spatie",
        )
    ]


def test_windows_line_endings_keep_line_numbers(tmp_path: Path) -> None:
    text = page_with("volgende_beoordeling: 2027-01-15", "volgende_beoordeling: morgen")
    assert problems(tmp_path, text.replace("\n", "\r\n")) == [
        (6, "'volgende_beoordeling' moet een datum zijn, maar is 'morgen'", DATE_HINT)
    ]


# --- YAML -----------------------------------------------------------------------------


def test_a_tab_is_reported_on_every_line(tmp_path: Path) -> None:
    text = page_with("titel: Een pagina", "titel:\tEen pagina").replace("eigenaar:", "\teigenaar:")
    hint = "YAML staat geen tabs toe: gebruik spaties om in te springen"
    assert problems(tmp_path, text) == [
        (2, "de front matter bevat een tab-teken", hint),
        (4, "de front matter bevat een tab-teken", hint),
    ]


@pytest.mark.parametrize("character", ["\u2028", "\u2029", "\x85"])
def test_an_unusual_line_break_is_reported(tmp_path: Path, character: str) -> None:
    text = page_with("titel: Een pagina", f"titel: Een{character}pagina")
    assert problems(tmp_path, text) == [
        (
            2,
            f"de front matter bevat een ongewoon regeleinde (U+{ord(character):04X})",
            "verwijder het onzichtbare teken (het komt vaak mee bij kopiëren en plakken) en "
            "begin zo nodig een nieuwe regel met Enter",
        )
    ]


def test_a_control_character_is_reported_at_its_line(tmp_path: Path) -> None:
    text = page_with("eigenaar: Redactie", "eigenaar: Re\x07dactie")
    assert problems(tmp_path, text) == [
        (
            4,
            "de front matter bevat een onzichtbaar stuurteken (U+0007)",
            "verwijder het teken; het komt vaak mee bij kopiëren en plakken uit een ander "
            "programma",
        )
    ]


@pytest.mark.parametrize(
    ("old", "new", "line", "message"),
    [
        (
            "titel: Een pagina",
            "titel: Let op: een pagina",
            2,
            "de front matter is geen geldige YAML: een dubbele punt op een plek waar YAML die "
            "niet verwacht",
        ),
        (
            "eigenaar: Redactie Gemeente Voorbeeld",
            "eigenaar Redactie\nx: y",
            5,
            "de front matter is geen geldige YAML: er ontbreekt een dubbele punt na een veldnaam",
        ),
        (
            "titel: Een pagina",
            'titel: "Een pagina',
            2,
            "de front matter is geen geldige YAML: een aanhalingsteken wordt niet gesloten",
        ),
        (
            "titel: Een pagina",
            'titel: "Een" pagina',
            2,
            "de front matter is geen geldige YAML: de inspringing klopt niet, of er staat tekst "
            "na een sluitend aanhalingsteken",
        ),
        (
            "titel: Een pagina",
            "titel: *pagina",
            2,
            "de front matter is geen geldige YAML: een waarde begint met '*'",
        ),
        (
            "titel: Een pagina",
            "titel: @pagina",
            2,
            "de front matter is geen geldige YAML: een waarde begint met een teken dat niet mag",
        ),
        (
            "titel: Een pagina",
            "titel: [Een, pagina",
            2,
            "de front matter is geen geldige YAML: een lijst tussen '[' en ']' wordt niet gesloten",
        ),
        (
            "titel: Een pagina",
            "titel: |x",
            2,
            "de front matter is geen geldige YAML (expected chomping or indentation "
            "indicators, but found 'x')",
        ),
    ],
)
def test_yaml_syntax_errors_are_explained(
    tmp_path: Path, old: str, new: str, line: int, message: str
) -> None:
    assert problems(tmp_path, page_with(old, new)) == [(line, message, YAML_HINT)]


# --- fields -----------------------------------------------------------------------------


def test_an_unknown_field_close_to_a_known_one_gets_a_suggestion(tmp_path: Path) -> None:
    # The suggestion stands in for "het verplichte veld 'titel' ontbreekt": one problem, one fix.
    assert problems(tmp_path, page_with("titel:", "titl:")) == [
        (2, "onbekend veld 'titl'", "bedoelde je 'titel'?"),
    ]


def test_an_unknown_field_lists_the_allowed_fields(tmp_path: Path) -> None:
    assert problems(tmp_path, page_with("---\n\n", "auteur: Iemand\n---\n\n")) == [
        (
            7,
            "onbekend veld 'auteur'",
            "toegestane velden: titel, beschrijving, eigenaar, laatst_beoordeeld, "
            "volgende_beoordeling",
        )
    ]


def test_environment_fields_are_not_allowed_on_other_pages(tmp_path: Path) -> None:
    assert [
        message
        for _, message, _ in problems(tmp_path, page_with("---\n\n", "volgorde: 1\n---\n\n"))
    ] == ["onbekend veld 'volgorde'"]


def test_an_unknown_nested_field_gets_a_suggestion(tmp_path: Path) -> None:
    text = environment_with("  meerwaarde:", "  meerwaard:")
    assert problems(tmp_path, text, "omgevingen/voorbeeld.md") == [
        (9, "onbekend veld 'overzicht.meerwaard'", "bedoelde je 'overzicht.meerwaarde'?"),
    ]


def test_a_missing_field_without_a_near_miss_is_reported_as_missing(tmp_path: Path) -> None:
    assert problems(tmp_path, page_with("titel: Een pagina\n", "")) == [
        (
            2,
            "het verplichte veld 'titel' ontbreekt",
            "voeg toe: titel: <tekst>. Titel van de pagina, zoals lezers die zien.",
        ),
    ]


def test_a_field_twice_is_reported_with_the_first_line(tmp_path: Path) -> None:
    text = page_with("---\n\n", "titel: Nog een titel\n---\n\n")
    assert problems(tmp_path, text) == [
        (
            7,
            "het veld 'titel' staat er twee keer in (eerder op regel 2)",
            "houd één van de twee over",
        )
    ]


def test_a_field_name_that_is_a_list_is_reported(tmp_path: Path) -> None:
    text = page_with("---\n\n", "[a, b]: c\n---\n\n")
    assert problems(tmp_path, text) == [
        (
            7,
            "een veldnaam moet een woord zijn, maar dit is een lijst",
            "begin de regel met de naam van het veld, bijvoorbeeld: titel: ...",
        )
    ]


@pytest.mark.parametrize(
    ("value", "message", "hint"),
    [
        ("", "'eigenaar' is leeg", "vul een tekst in"),
        ('""', "'eigenaar' is leeg", "vul een tekst in"),
        ("'   '", "'eigenaar' is leeg", "vul een tekst in"),
        ("~", "'eigenaar' is leeg", "vul een tekst in"),
        (
            "no",
            "YAML leest 'no' in 'eigenaar' als een ja/nee-waarde, niet als tekst",
            'zet de waarde tussen aanhalingstekens: "no"',
        ),
        (
            "Off",
            "YAML leest 'Off' in 'eigenaar' als een ja/nee-waarde, niet als tekst",
            'zet de waarde tussen aanhalingstekens: "Off"',
        ),
        (
            "12:30",
            "YAML leest '12:30' in 'eigenaar' als een getal, niet als tekst",
            'zet de waarde tussen aanhalingstekens: "12:30"',
        ),
        (
            "2026",
            "YAML leest '2026' in 'eigenaar' als een getal, niet als tekst",
            'zet de waarde tussen aanhalingstekens: "2026"',
        ),
        (
            "1.5",
            "YAML leest '1.5' in 'eigenaar' als een kommagetal, niet als tekst",
            'zet de waarde tussen aanhalingstekens: "1.5"',
        ),
        (
            "2026-01-15",
            "YAML leest '2026-01-15' in 'eigenaar' als een datum, niet als tekst",
            'zet de waarde tussen aanhalingstekens: "2026-01-15"',
        ),
        ("[a, b]", "het veld 'eigenaar' moet tekst zijn, maar is een lijst", TEXT_HINT),
        (
            "\n  team: Redactie",
            "het veld 'eigenaar' moet tekst zijn, maar is een groep velden",
            "staat er een dubbele punt in de tekst? Zet de tekst dan tussen aanhalingstekens, "
            'bijvoorbeeld: "Let op: dit"',
        ),
    ],
)
def test_text_fields_reject_what_yaml_makes_of_them(
    tmp_path: Path, value: str, message: str, hint: str
) -> None:
    text = page_with("eigenaar: Redactie Gemeente Voorbeeld", f"eigenaar: {value}".rstrip())
    line = 5 if value.startswith("\n") else 4
    assert problems(tmp_path, text) == [(line, message, hint)]


@pytest.mark.parametrize("value", ["nee", "ja", "Nee, niet doen", '"no"', "'12:30'"])
def test_dutch_words_and_quoted_values_stay_text(tmp_path: Path, value: str) -> None:
    # PyYAML (YAML 1.1) reads yes/no/on/off as booleans, but not the Dutch 'ja'/'nee'.
    document, found = read(tmp_path, "pagina.md", page_with("Redactie Gemeente Voorbeeld", value))
    assert found == []
    assert document.fields["eigenaar"] == value.strip("\"'")


def test_a_long_text_over_several_lines_becomes_one_line(tmp_path: Path) -> None:
    text = page_with("beschrijving: Een verzonnen pagina.", "beschrijving: >\n  Een lange\n  zin.")
    document, found = read(tmp_path, "pagina.md", text)
    assert found == []
    assert document.fields["beschrijving"] == "Een lange zin."


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2026-02-30", "'2026-02-30' in 'laatst_beoordeeld' is geen bestaande datum"),
        ("2026-13-01", "'2026-13-01' in 'laatst_beoordeeld' is geen bestaande datum"),
        ('"2026-01-15"', "de datum in 'laatst_beoordeeld' staat tussen aanhalingstekens"),
        ("15-01-2026", "'laatst_beoordeeld' moet een datum zijn, maar is '15-01-2026'"),
        ("2026-1-5", "'laatst_beoordeeld' moet een datum zijn, maar is '2026-1-5'"),
        ("2026-01-15 12:00", "'laatst_beoordeeld' moet een datum zonder tijd zijn"),
        ("2026-01-15T12:00:00Z", "'laatst_beoordeeld' moet een datum zonder tijd zijn"),
        ("!!timestamp gisteren", "'laatst_beoordeeld' moet een datum zijn, maar is 'gisteren'"),
        ("", "'laatst_beoordeeld' moet een datum zijn, maar is ''"),
    ],
)
def test_dates_must_exist_and_be_plain(tmp_path: Path, value: str, message: str) -> None:
    text = page_with("laatst_beoordeeld: 2026-01-15", f"laatst_beoordeeld: {value}".rstrip())
    assert problems(tmp_path, text) == [(5, message, DATE_HINT)]


NUMBER_HINT = "schrijf een heel getal, bijvoorbeeld: volgorde: 2"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("0", "'volgorde' moet een heel getal vanaf 1 zijn"),
        ("-1", "'volgorde' moet een heel getal vanaf 1 zijn"),
        ("0x10", "'volgorde' moet een heel getal vanaf 1 zijn"),
        ("1_000", "'volgorde' moet een heel getal vanaf 1 zijn"),
        ("1:30", "'volgorde' moet een heel getal vanaf 1 zijn"),
        ("!!int twee", "'volgorde' moet een heel getal vanaf 1 zijn"),
        ("twee", "het veld 'volgorde' moet geheel getal zijn, maar is tekst"),
        ('"2"', "het veld 'volgorde' moet geheel getal zijn, maar is tekst"),
        ("1.5", "het veld 'volgorde' moet geheel getal zijn, maar is een kommagetal"),
        ("", "het veld 'volgorde' moet geheel getal zijn, maar is een lege waarde"),
        ("[1]", "het veld 'volgorde' moet geheel getal zijn, maar is een lijst"),
    ],
)
def test_the_order_is_a_plain_positive_number(tmp_path: Path, value: str, message: str) -> None:
    text = environment_with("volgorde: 1", f"volgorde: {value}".rstrip())
    assert problems(tmp_path, text, "omgevingen/voorbeeld.md") == [(4, message, NUMBER_HINT)]


def test_a_leading_zero_is_not_octal(tmp_path: Path) -> None:
    # YAML 1.1 reads 010 as 8; an editor means 10.
    document, found = read(
        tmp_path, "omgevingen/voorbeeld.md", environment_with("volgorde: 1", "volgorde: 010")
    )
    assert found == []
    assert document.fields["volgorde"] == 10


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "overzicht:\n  meerwaarde:",
            "overzicht: kort\nx:\n  meerwaarde:",
            [
                (
                    8,
                    "het veld 'overzicht' moet groep velden zijn, maar is tekst",
                    "zet de onderliggende velden ingesprongen (twee spaties) onder dit veld",
                ),
                (
                    9,
                    "onbekend veld 'x'",
                    "toegestane velden: titel, beschrijving, eigenaar, laatst_beoordeeld, "
                    "volgende_beoordeling, volgorde, eerdere_namen, overzicht",
                ),
            ],
        ),
        (
            "  meerwaarde:\n    - Een verzonnen meerwaarde",
            "  meerwaarde: Een verzonnen meerwaarde",
            [
                (
                    9,
                    "het veld 'overzicht.meerwaarde' moet lijst met teksten zijn, maar is tekst",
                    "zet elk punt op een eigen regel die begint met '  - '",
                )
            ],
        ),
        (
            "  meerwaarde:\n    - Een verzonnen meerwaarde",
            "  meerwaarde: []",
            [(9, "de lijst 'overzicht.meerwaarde' is leeg", "zet er minstens één punt in")],
        ),
        (
            "    - Een verzonnen meerwaarde",
            "    - Een verzonnen meerwaarde\n    -",
            [(11, "'overzicht.meerwaarde (punt 2)' is leeg", "vul een tekst in")],
        ),
        (
            "    - Een verzonnen meerwaarde",
            "    - Let op: een meerwaarde",
            [
                (
                    10,
                    "'overzicht.meerwaarde (punt 1)' moet tekst zijn, maar is een groep velden",
                    "staat er een dubbele punt in de tekst? Zet de tekst dan tussen "
                    'aanhalingstekens, bijvoorbeeld: "Let op: dit"',
                )
            ],
        ),
    ],
)
def test_the_overview_group_and_its_lists(
    tmp_path: Path, old: str, new: str, expected: list[tuple]
) -> None:
    text = environment_with(old, new)
    assert problems(tmp_path, text, "omgevingen/voorbeeld.md") == expected


def test_every_problem_is_reported_not_only_the_first(tmp_path: Path) -> None:
    text = (
        "---\ntitl: X\nbeschrijving: no\neigenaar:\nlaatst_beoordeeld: 2026-02-30\n"
        "volgende_beoordeling: 2027-01-15\nvolgende_beoordeling: 2028-01-15\n---\n"
    )
    assert [(line, message) for line, message, _ in problems(tmp_path, text)] == [
        (2, "onbekend veld 'titl'"),
        (3, "YAML leest 'no' in 'beschrijving' als een ja/nee-waarde, niet als tekst"),
        (4, "'eigenaar' is leeg"),
        (5, "'2026-02-30' in 'laatst_beoordeeld' is geen bestaande datum"),
        (7, "het veld 'volgende_beoordeling' staat er twee keer in (eerder op regel 6)"),
    ]


def test_pages_and_environments_get_their_own_fields() -> None:
    assert document_module.fields_for("omgevingen/x.md")[-1].name == "overzicht"
    assert [f.name for f in document_module.fields_for("over.md")] == [
        "titel",
        "beschrijving",
        "eigenaar",
        "laatst_beoordeeld",
        "volgende_beoordeling",
    ]
    # A page in a deeper folder below omgevingen/ is no environment.
    assert not document_module.is_environment_path("omgevingen/extra/x.md")
