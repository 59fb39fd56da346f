"""The body, review and collection rules of `handboek.rules`, with exact messages.

Each test breaks the valid fictional base (tests/corpus/basis/, see
sample_content) in one way and asserts exactly what one rule yields:
`(line, message, hint)` for document rules, `(path, line, message, hint)` for
collection rules.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from handboek import rules
from handboek.read.document import Document
from handboek.rules import structure
from tests.sample_content import ENVIRONMENT, environment, page, read

PART_LIST = (
    "## Wat is de meerwaarde?\n## Wat werkt (en wat niet)?\n## Wat kan de gemeente doen?\n"
    "## Wie zijn de bruggenbouwers?\n## Uit de praktijk"
)
QUOTE_HINT = "schrijf een citaat zo:\n> De tekst van het citaat.\n>\n> — Rol van de spreker"


def located(
    rule: rules.CollectionRule, collection: rules.Collection
) -> list[tuple[str, int, str, str]]:
    """A collection rule's problems as (path, line, message, hint), as the assertions write them."""
    return [(p.path, p.line, p.message, p.hint) for p in rule(collection)]


def findings(rule: rules.DocumentRule, document: Document) -> list[tuple[int, str, str]]:
    return list(rule(document))


def test_the_valid_base_breaks_no_document_rule(tmp_path: Path) -> None:
    document = environment(tmp_path)
    assert [finding for rule in rules.DOCUMENT_RULES for finding in rule(document)] == []


# --- title ---------------------------------------------------------------------------


def test_a_level_one_heading_in_the_body_is_reported(tmp_path: Path) -> None:
    document = page(tmp_path, "# Mijn titel\n\nTekst.\n")
    assert findings(structure.title_comes_from_front_matter, document) == [
        (
            9,
            "de tekst bevat een hoofdtitel '# Mijn titel'",
            "de titel komt uit het veld 'titel'; gebruik in de tekst koppen vanaf '##'",
        )
    ]


def test_a_level_one_heading_in_fenced_code_is_not_a_heading(tmp_path: Path) -> None:
    document = page(tmp_path, "```\n# geen kop\n```\n")
    assert findings(structure.title_comes_from_front_matter, document) == []


# --- environment parts ------------------------------------------------------------------


def test_an_environment_without_introduction_is_reported(tmp_path: Path) -> None:
    document = environment(tmp_path, ENVIRONMENT.replace("Een korte, verzonnen inleiding.\n", ""))
    assert findings(structure.environment_has_introduction, document) == [
        (
            16,
            "de inleiding ontbreekt",
            "schrijf een korte inleiding direct onder de front matter, vóór "
            "'## Wat is de meerwaarde?'",
        )
    ]


def test_other_pages_need_no_introduction(tmp_path: Path) -> None:
    assert (
        findings(structure.environment_has_introduction, page(tmp_path, "## Kop\n\nTekst.\n")) == []
    )


def test_an_unknown_part_close_to_a_known_one_gets_a_suggestion(tmp_path: Path) -> None:
    text = ENVIRONMENT.replace("## Wat werkt (en wat niet)?", "## Wat werkt en wat niet?")
    assert findings(structure.environment_parts_are_known, environment(tmp_path, text)) == [
        (
            27,
            "onbekend onderdeel '## Wat werkt en wat niet?'",
            "bedoelde je '## Wat werkt (en wat niet)?'?",
        )
    ]


def test_an_unknown_part_lists_the_parts(tmp_path: Path) -> None:
    text = ENVIRONMENT + "\n## Bronnen\n\nTekst.\n"
    assert findings(structure.environment_parts_are_known, environment(tmp_path, text)) == [
        (
            45,
            "onbekend onderdeel '## Bronnen'",
            "een omgeving heeft precies deze onderdelen:\n"
            + PART_LIST
            + "\nsubkoppen binnen een onderdeel beginnen met '###'",
        )
    ]


def test_a_missing_part_is_reported_where_it_belongs(tmp_path: Path) -> None:
    text = ENVIRONMENT.replace(
        "## Wat werkt (en wat niet)?\n\nVerzonnen tekst over wat werkt.\n\n", ""
    )
    assert findings(structure.environment_parts_are_complete, environment(tmp_path, text)) == [
        (
            27,  # where '## Wat kan de gemeente doen?' now starts
            "het verplichte onderdeel '## Wat werkt (en wat niet)?' ontbreekt",
            "een omgeving heeft precies deze onderdelen, in deze volgorde:\n" + PART_LIST,
        )
    ]


def test_a_missing_last_part_is_reported_at_the_end(tmp_path: Path) -> None:
    text = ENVIRONMENT[: ENVIRONMENT.index("## Uit de praktijk")]
    document = environment(tmp_path, text)
    assert findings(structure.environment_parts_are_complete, document) == [
        (
            38,  # the last line of the file
            "het verplichte onderdeel '## Uit de praktijk' ontbreekt",
            "een omgeving heeft precies deze onderdelen, in deze volgorde:\n" + PART_LIST,
        )
    ]


def test_a_part_twice_is_reported(tmp_path: Path) -> None:
    text = ENVIRONMENT + "\n## Wat werkt (en wat niet)?\n\nNog meer.\n"
    assert findings(structure.environment_parts_are_complete, environment(tmp_path, text)) == [
        (
            45,
            "het onderdeel '## Wat werkt (en wat niet)?' staat er twee keer in "
            "(eerder op regel 27)",
            "voeg de twee samen tot één onderdeel",
        )
    ]


def test_parts_out_of_order_are_reported(tmp_path: Path) -> None:
    meerwaarde = "## Wat is de meerwaarde?\n\nVerzonnen tekst over de meerwaarde.\n\n"
    text = ENVIRONMENT.replace(meerwaarde, "").replace(
        "## Uit de praktijk", meerwaarde + "## Uit de praktijk"
    )
    assert findings(structure.environment_parts_are_complete, environment(tmp_path, text)) == [
        (
            35,  # the '### Een subkop' before it is now part of the introduction
            "het onderdeel '## Wat is de meerwaarde?' staat op de verkeerde plek",
            "zet de onderdelen in deze volgorde:\n" + PART_LIST,
        )
    ]


def test_an_empty_part_is_reported(tmp_path: Path) -> None:
    text = ENVIRONMENT.replace("Verzonnen tekst over bruggenbouwers.\n", "")
    assert findings(structure.environment_parts_are_filled, environment(tmp_path, text)) == [
        (
            35,
            "het onderdeel '## Wie zijn de bruggenbouwers?' is leeg",
            "schrijf de tekst van dit onderdeel onder de kop",
        )
    ]


def test_part_rules_do_not_apply_to_other_pages(tmp_path: Path) -> None:
    document = page(tmp_path, "## Iets anders\n\n## Leeg\n")
    for rule in (
        structure.environment_parts_are_known,
        structure.environment_parts_are_complete,
        structure.environment_parts_are_filled,
        structure.quotes_have_text_and_role,
    ):
        assert findings(rule, document) == []


# --- quotes -----------------------------------------------------------------------------


def test_a_quote_without_role_is_reported(tmp_path: Path) -> None:
    text = ENVIRONMENT.replace(">\n> — Verzonnen rol\n", "")
    assert findings(structure.quotes_have_text_and_role, environment(tmp_path, text)) == [
        (41, "bij het citaat staat niet wie het zei", QUOTE_HINT)
    ]


def test_a_quote_with_an_empty_role_is_reported(tmp_path: Path) -> None:
    text = ENVIRONMENT.replace("> — Verzonnen rol", "> —")
    assert findings(structure.quotes_have_text_and_role, environment(tmp_path, text)) == [
        (41, "bij het citaat staat niet wie het zei", QUOTE_HINT)
    ]


def test_a_quote_without_text_is_reported(tmp_path: Path) -> None:
    text = ENVIRONMENT.replace("> Een verzonnen uitspraak.\n>\n", "")
    assert findings(structure.quotes_have_text_and_role, environment(tmp_path, text)) == [
        (41, "het citaat heeft geen tekst", QUOTE_HINT)
    ]


def test_a_role_with_two_hyphens_is_accepted(tmp_path: Path) -> None:
    text = ENVIRONMENT.replace("> — Verzonnen rol", "> -- Verzonnen rol")
    assert findings(structure.quotes_have_text_and_role, environment(tmp_path, text)) == []


def test_text_outside_a_quote_is_reported_per_line(tmp_path: Path) -> None:
    text = ENVIRONMENT + "\nLos commentaar.\nNog een regel.\n"
    assert findings(structure.quotes_have_text_and_role, environment(tmp_path, text)) == [
        (
            line,
            "tekst buiten een citaat in '## Uit de praktijk'",
            "begin elke regel van een citaat met '> '; dit onderdeel bevat alleen citaten",
        )
        for line in (45, 46)
    ]


def test_two_quotes_are_checked_separately(tmp_path: Path) -> None:
    text = ENVIRONMENT + "\n> Tweede uitspraak zonder rol.\n"
    assert findings(structure.quotes_have_text_and_role, environment(tmp_path, text)) == [
        (45, "bij het citaat staat niet wie het zei", QUOTE_HINT)
    ]


# --- review -----------------------------------------------------------------------------


def test_next_review_before_last_review_is_reported(tmp_path: Path) -> None:
    text = ENVIRONMENT.replace(
        "volgende_beoordeling: 2027-01-15", "volgende_beoordeling: 2025-01-15"
    )
    assert findings(structure.review_dates_are_in_order, environment(tmp_path, text)) == [
        (
            7,
            "'volgende_beoordeling' ligt niet na 'laatst_beoordeeld'",
            "kies een datum na de laatste beoordeling, bijvoorbeeld een jaar later",
        )
    ]


def test_a_review_on_the_same_day_is_not_in_order(tmp_path: Path) -> None:
    text = ENVIRONMENT.replace(
        "volgende_beoordeling: 2027-01-15", "volgende_beoordeling: 2026-01-15"
    )
    assert len(findings(structure.review_dates_are_in_order, environment(tmp_path, text))) == 1


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (dt.date(2027, 1, 15), []),  # due today: not yet late
        (
            dt.date(2027, 1, 16),
            [
                (
                    7,
                    "de pagina had op 2027-01-15 opnieuw beoordeeld moeten worden",
                    "laat Redactie Gemeente Voorbeeld de inhoud nakijken en zet daarna "
                    "'laatst_beoordeeld' en 'volgende_beoordeling' op nieuwe datums",
                )
            ],
        ),
    ],
)
def test_a_page_past_its_review_date_is_due(
    tmp_path: Path, today: dt.date, expected: list[tuple[int, str, str]]
) -> None:
    assert list(structure.review_is_due(environment(tmp_path), today)) == expected


# --- collection rules -------------------------------------------------------------------


def collection(
    tmp_path: Path, *documents: Document, files: tuple[str, ...] = ()
) -> rules.Collection:
    paths = {document.content_path for document in documents} | set(files)
    return rules.Collection(tuple(documents), frozenset(paths), "content/")


def test_an_environment_file_name_must_be_a_slug(tmp_path: Path) -> None:
    document, _ = read(tmp_path, "omgevingen/Mijn Omgeving.md", ENVIRONMENT)
    assert list(
        located(structure.environment_file_names_are_slugs, collection(tmp_path, document))
    ) == [
        (
            "content/omgevingen/Mijn Omgeving.md",
            1,
            "de bestandsnaam 'Mijn Omgeving.md' is geen geldig webadres",
            "gebruik alleen kleine letters, cijfers en '-', bijvoorbeeld 'een-op-een.md'",
        )
    ]


def test_every_environment_sharing_an_order_is_reported(tmp_path: Path) -> None:
    first = environment(tmp_path)
    second, _ = read(tmp_path, "omgevingen/tweede.md", ENVIRONMENT)
    assert list(
        located(structure.environment_orders_are_unique, collection(tmp_path, first, second))
    ) == [
        (
            "content/omgevingen/tweede.md",
            4,
            "'volgorde: 1' wordt ook gebruikt door content/omgevingen/voorbeeld.md",
            "geef elke omgeving een eigen nummer",
        ),
        (
            "content/omgevingen/voorbeeld.md",
            4,
            "'volgorde: 1' wordt ook gebruikt door content/omgevingen/tweede.md",
            "geef elke omgeving een eigen nummer",
        ),
    ]


def test_a_file_named_like_a_generated_page_is_reported(tmp_path: Path) -> None:
    result = located(
        structure.generated_pages_are_not_written,
        collection(tmp_path, files=("overzicht.md", "afdrukken.md")),
    )
    hint = "verwijder dit bestand; het overzicht komt uit het veld 'overzicht' van elke omgeving"
    assert list(result) == [
        (
            "content/afdrukken.md",
            1,
            "'afdrukken.md' wordt door de bouw gemaakt en kan niet met de hand geschreven worden",
            hint,
        ),
        (
            "content/overzicht.md",
            1,
            "'overzicht.md' wordt door de bouw gemaakt en kan niet met de hand geschreven worden",
            hint,
        ),
    ]


def test_a_file_named_like_the_zelfscan_or_open_data_page_is_reported(tmp_path: Path) -> None:
    result = located(
        structure.generated_pages_are_not_written,
        collection(tmp_path, files=("zelfscan.md", "open-data.md")),
    )
    assert [(path, hint) for path, _, _, hint in result] == [
        ("content/open-data.md", "verwijder dit bestand; de open data komt uit alle omgevingen"),
        (
            "content/zelfscan.md",
            "verwijder dit bestand; de zelfscan komt uit de punten van "
            "'Wat kan de gemeente doen?' van elke omgeving",
        ),
    ]


def test_the_start_page_and_an_environment_are_required(tmp_path: Path) -> None:
    assert list(
        located(structure.required_pages_exist, collection(tmp_path, files=("over.md",)))
    ) == [
        (
            "content/index.md",
            1,
            "de startpagina ontbreekt",
            "maak content/index.md met front matter en een tekst",
        ),
        (
            "content/omgevingen/",
            1,
            "er is geen enkele omgeving",
            "zet per omgeving één bestand in content/omgevingen/",
        ),
    ]


def test_an_unreadable_environment_still_counts_as_present(tmp_path: Path) -> None:
    # Its own errors are reported; "no environment at all" would only mislead.
    files = ("index.md", "omgevingen/kapot.md")
    assert list(located(structure.required_pages_exist, collection(tmp_path, files=files))) == []


def test_an_image_in_the_environments_folder_is_no_environment(tmp_path: Path) -> None:
    files = ("index.md", "omgevingen/foto.png")
    assert [
        f[2] for f in located(structure.required_pages_exist, collection(tmp_path, files=files))
    ] == ["er is geen enkele omgeving"]
