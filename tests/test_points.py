"""The points of "Wat kan de gemeente doen?" (`handboek.read.points`): parsed, checked, linkable.

A point is a list item that opens with bold words; it gets the id
`punt-<titel>` on its page (and `<omgeving>-punt-<titel>` on the print page),
which `handboek check` knows, so a link to a point is checked like any other.
"""

from __future__ import annotations

import re
from pathlib import Path

from handboek.check import check_content
from handboek.read import points
from handboek.rules import anchors, links, structure
from tests.conftest import TEST_DATE
from tests.differential import site_markdown
from tests.sample_content import ENVIRONMENT, START_PAGE, environment, page, read, write_content

POINTS = (
    "- **Vrijwilligers ‘opleiden’.** Bied trainingen aan.\n"
    "  Dat kan ook samen.\n"
    "- **Verbinden:** met het wijkteam. Tijd om:\n"
    "    - te begeleiden;\n"
    "    - door te verwijzen.\n"
    "\n"
    "Een alinea die geen punt is.\n"
)
GEMEENTE_TEXT = (
    "Verzonnen tekst over wat de gemeente kan doen. Terug naar de [start](../index.md).\n"
)


def with_points(text: str) -> str:
    assert GEMEENTE_TEXT in ENVIRONMENT
    return ENVIRONMENT.replace(GEMEENTE_TEXT, text)


def test_points_are_read_with_title_explanation_anchor_and_line() -> None:
    found = [written.point for written in points.written_points(POINTS, 40)]
    assert [(p.title, p.anchor, p.line) for p in found] == [
        ("Vrijwilligers ‘opleiden’", "punt-vrijwilligers-opleiden", 40),
        ("Verbinden", "punt-verbinden", 42),
    ]
    assert found[0].text == "Bied trainingen aan. Dat kan ook samen."
    assert found[1].text == "met het wijkteam. Tijd om:\n\n- te begeleiden;\n- door te verwijzen."


def test_each_point_gets_its_id_after_its_first_paragraph() -> None:
    assert points.with_point_ids(POINTS, "x-").split("\n")[:7] == [
        "- **Vrijwilligers ‘opleiden’.** Bied trainingen aan.",
        "  Dat kan ook samen.",
        "  {: #x-punt-vrijwilligers-opleiden }",
        "- **Verbinden:** met het wijkteam. Tijd om:",
        "  {: #x-punt-verbinden }",
        "    - te begeleiden;",
        "    - door te verwijzen.",
    ]


def test_a_point_whose_first_paragraph_goes_on_without_indent_keeps_its_text_and_id() -> None:
    """Markdown reads an unindented line right under a list item as more of its paragraph
    (a "lazy" line); so does the reader, and the id goes after it, where attr_list reads it."""
    text = (
        "- **Ondersteunen.** Organiseren bewoners zelf iets? Dan\n"
        "is het belangrijk dat de gemeente dat ziet.\n"
        "- **Tweede punt.** Tekst.\n"
        "\n"
        "Een alinea die geen punt is.\n"
    )
    found = [written.point for written in points.written_points(text, 1)]
    assert [(p.title, p.text) for p in found] == [
        (
            "Ondersteunen",
            "Organiseren bewoners zelf iets? Dan is het belangrijk dat de gemeente dat ziet.",
        ),
        ("Tweede punt", "Tekst."),
    ]
    rendered = site_markdown().convert(points.with_point_ids(text))
    assert re.findall(r'<li id="([^"]+)">', rendered) == ["punt-ondersteunen", "punt-tweede-punt"]
    assert "{:" not in rendered


def test_two_points_with_the_same_title_and_a_point_without_letters_are_errors(
    tmp_path: Path,
) -> None:
    text = "- **Samen leren.** Een.\n- **…**: leeg.\n- **Samen leren:** Twee.\n"
    document = environment(tmp_path, with_points(text))
    assert list(structure.points_have_distinct_titles(document)) == [
        (
            34,
            "het punt '**…**' heeft geen titel met letters of cijfers",
            "begin het punt met een korte titel in vette letters, bijvoorbeeld "
            "'- **Vrijwilligers opleiden.** ...'",
        ),
        (
            35,
            "het punt 'Samen leren' heeft dezelfde titel als het punt op regel 33 ('Samen leren')",
            "geef elk punt een eigen titel in vette letters",
        ),
    ]


def test_links_to_a_point_are_checked(tmp_path: Path) -> None:
    start, _ = read(tmp_path, "index.md", START_PAGE)
    voorbeeld = environment(tmp_path, with_points(POINTS))
    good = page(tmp_path, "[punt](omgevingen/voorbeeld.md#punt-verbinden)\n")
    printed = page(tmp_path, "[punt](afdrukken.md#voorbeeld-punt-verbinden)\n")
    bad = page(tmp_path, "[punt](omgevingen/voorbeeld.md#punt-verbindenn)\n")
    for document, expected in (
        (good, []),
        (printed, []),
        (
            bad,
            [
                (
                    9,
                    "het anker '#punt-verbindenn' bestaat niet op de pagina "
                    "'omgevingen/voorbeeld.md'",
                    "bedoelde je '#punt-verbinden'?",
                )
            ],
        ),
    ):
        documents = (start, voorbeeld, document)
        site = anchors.Site(documents, frozenset(d.content_path for d in documents))
        assert list(links.links_resolve(document, site)) == expected


def test_an_id_written_on_the_page_may_not_be_a_points_id(tmp_path: Path) -> None:
    text = with_points(POINTS).replace(
        "Meer verzonnen tekst.\n", "Meer verzonnen tekst.\n{: #punt-verbinden }\n"
    )
    content = write_content(tmp_path, {"omgevingen/voorbeeld.md": text})
    result = check_content(content, tmp_path, on=TEST_DATE)
    assert [problem.format() for problem in result.problems] == [
        "content/omgevingen/voorbeeld.md:26: het anker '#punt-verbinden' is al het anker van "
        "het punt 'Verbinden' (regel 36)\n"
        "    tip: een anker mag maar één keer op een pagina staan: kies een ander"
    ]


def test_a_point_right_under_a_later_paragraph_of_the_point_above_is_reported(
    tmp_path: Path,
) -> None:
    """The Markdown engine reads it as text of that paragraph: the point would disappear."""
    text = (
        "- **Eerste.** Tekst:\n"
        "    - een;\n"
        "\n"
        "    Nog een alinea.\n"
        "- **Tweede.** Tekst.\n"
        "- **Derde.** Tekst.\n"
    )
    document = environment(tmp_path, with_points(text))
    assert list(structure.points_stand_on_their_own(document)) == [
        (
            37,
            "het punt 'Tweede' staat direct onder een alinea van het punt erboven; de site "
            "toont het daardoor niet als apart punt",
            "zet een lege regel boven dit punt",
        )
    ]
    fixed = text.replace("alinea.\n- **Tweede", "alinea.\n\n- **Tweede")
    assert (
        list(structure.points_stand_on_their_own(environment(tmp_path, with_points(fixed)))) == []
    )


def test_a_point_under_a_later_paragraph_that_goes_on_without_indent_is_reported(
    tmp_path: Path,
) -> None:
    """An unindented line right under that paragraph is more of it (a lazy line): a point
    under it is swallowed as well."""
    text = (
        "- **Eerste.** Tekst.\n\n    Nog een alinea,\ndie hier verder gaat.\n- **Tweede.** Tekst.\n"
    )
    document = environment(tmp_path, with_points(text))
    assert [line for line, _, _ in structure.points_stand_on_their_own(document)] == [37]
    rendered = site_markdown().convert(text)
    assert "<strong>Tweede.</strong>" in rendered and rendered.count("<li>") == 1


def test_a_line_that_starts_with_a_hash_ends_a_point_as_a_heading() -> None:
    """Python-Markdown reads '#woord' at the start of a line as a heading, also without a
    space: it ends the point, and the point's id goes before it."""
    text = "- **Eerste.** Tekst met een [link](pagina.md\n#anker) erin.\n"
    [written] = points.written_points(text, 1)
    assert (written.point.text, written.paragraph_end) == ("Tekst met een [link](pagina.md", 0)
    rendered = site_markdown().convert(points.with_point_ids(text))
    assert '<li id="punt-eerste">' in rendered and "<h1" in rendered
