"""What the one Markdown reader (`scan`) decides for the other modules (issue #10, item 5):
headings, the print page's heading shift and a note's points all skip fenced code and
comments as Python-Markdown does, and count what Python-Markdown renders."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from handboek import render
from handboek.local import drift
from handboek.read import body, scan
from handboek.rules import anchors, markup
from tests.differential import site_markdown

TEXT = (
    "## Buiten\n\n"
    "```\n## In code\n- **In code.** Geen punt.\n```\n\n"
    "<!--\n## In commentaar\n-->\n\n"
    "- **Echt punt.** Wel een punt.\n\n"
    "```\n## Na een open fence\n"
)


def test_headings_skip_code_and_comments_but_not_an_unclosed_fence() -> None:
    assert [(h.text, h.line) for h in body.headings(TEXT, 1)] == [
        ("Buiten", 1),
        ("Na een open fence", 15),
    ]


def test_the_print_page_shifts_only_rendered_headings() -> None:
    shifted = render._shift_headings(TEXT, 1)  # before issue #10: "### In code"
    assert "### Buiten" in shifted
    assert "\n## In code\n" in shifted and "\n## In commentaar\n" in shifted
    assert "### Na een open fence" in shifted  # no code block: Python-Markdown renders it


def test_points_in_code_are_no_points() -> None:
    assert list(drift.points(TEXT)) == ["Echt punt"]


def test_the_fence_expression_is_python_markdowns() -> None:
    """scan.FENCED_BLOCK is written out (the check does not load Python-Markdown); it must stay
    the renderer's own expression."""
    from markdown.extensions.fenced_code import FencedBlockPreprocessor

    assert scan.FENCED_BLOCK.pattern == FencedBlockPreprocessor.FENCED_BLOCK_RE.pattern
    assert scan.FENCED_BLOCK.flags == FencedBlockPreprocessor.FENCED_BLOCK_RE.flags


# What an editor may write between braces, and what trips the scanner up.
_ATTRIBUTE_TEXT = st.text(alphabet=" #.=\"'}{ab1é-_:", max_size=30)


@settings(max_examples=500, deadline=None)
@given(_ATTRIBUTE_TEXT)
def test_the_attribute_list_scanner_is_python_markdowns(written: str) -> None:
    """scan.attribute_list is attr_list's scanner written out (the check does not load
    Python-Markdown); on any text it reads the same attributes and leaves the same rest, and a
    fence's `{...}` is unbalanced exactly where attr_list's get_attrs_and_remainder says so."""
    from markdown.extensions.attr_list import _scanner, get_attrs_and_remainder

    attributes, rest = _scanner.scan(written)
    assert scan.attribute_list(written) == ([tuple(pair) for pair in attributes], rest)
    assert scan._unbalanced(written) == bool(get_attrs_and_remainder(written)[1])


def test_renamed_environments_are_followed_in_links_only_never_in_code_or_text() -> None:
    """`local.renames.rewrite_links` reads destinations with the one reader (scan)."""
    from handboek.local import renames

    markdown = (
        "Zie [de oude](../omgevingen/oud.md#wat-werkt) en [ook](oud.md).\n"
        "\n"
        "```\n"
        "[in code](oud.md)\n"
        "```\n"
        "\n"
        "Het bestand oud.md heet nu anders; `[code](oud.md)` blijft staan.\n"
        "\n"
        "[def]: omgevingen/oud.md\n"
    )
    text, found = renames.rewrite_links(markdown, {"oud": "nieuw"})
    assert text == markdown.replace("omgevingen/oud.md#", "omgevingen/nieuw.md#").replace(
        "(oud.md).", "(nieuw.md)."
    ).replace("[def]: omgevingen/oud.md", "[def]: omgevingen/nieuw.md")
    assert [(r.offset, r.old, r.new) for r in found] == [
        (0, "oud", "nieuw"),
        (0, "oud", "nieuw"),
        (8, "oud", "nieuw"),
    ]


def test_the_hash_heading_expression_is_python_markdowns() -> None:
    from markdown.blockprocessors import HashHeaderProcessor

    line_pattern = HashHeaderProcessor.RE.pattern.removeprefix("(?:^|\\n)").removesuffix(
        "(?:\\n|$)"
    )
    assert body.HASH_HEADING.pattern == f"^{line_pattern}$"


@pytest.mark.parametrize(
    "markdown",
    [
        "#Kop zonder spatie\n\nTekst.",
        "## Kop ##\n\nTekst.",
        "Kop onderstreept\n===\n\nTekst.\n\nNog een\n---",
        "- punt\n---",
        "Tekst\n\n---\n\nMeer tekst.",
        "```\nIn code\n---\n```\n\n## Echte kop",
        "    ingesprongen code\n---",
        "<!--\n# verborgen\n-->\n\nZichtbaar\n===",
    ],
)
def test_headings_are_the_headings_python_markdown_renders(markdown: str) -> None:
    import re

    import markdown as python_markdown

    html = python_markdown.markdown(markdown, extensions=["fenced_code"])
    rendered = [(int(level), text) for level, text in re.findall(r"<h([1-6])>(.*?)</h\1>", html)]
    assert [(h.level, h.text) for h in body.headings(markdown, 1)] == rendered


def test_a_quote_mark_in_code_is_no_quote() -> None:
    section = body.Section(None, "```\n> geen citaat\n```\n\n> Echt citaat.\n>\n> — Rol", 1)
    quotes, stray = body.blockquotes(section)
    assert [(q.paragraphs, q.attribution, q.line) for q in quotes] == [
        (("Echt citaat.",), "Rol", 5)
    ]
    assert stray == [1, 2, 3]


def test_the_print_page_shifts_every_rendered_heading_and_nothing_in_code() -> None:
    markdown = "## Kop\n\n###Zonder spatie\n\nOnderstreept\n---\n\n```\n## in code\n```"
    assert render._shift_headings(markdown, 1) == (
        "### Kop\n\n####Zonder spatie\n\n### Onderstreept\n\n\n```\n## in code\n```"
    )


# Where a `{#anker}` can stand: each piece of a generated body, with `{#a<n>}` put in.
_ID_PLACES = st.sampled_from(
    [
        "Tekst {id}",
        "Tekst{id}",
        "Tekst {id} en meer",
        "{id}",
        "Tekst\n{id}",
        "Tekst\n{id}\nmeer tekst",
        "Tekst\n  {id}",
        "## Kop {id}",
        "## Kop{id}",
        "## Kop {id} ##",
        "Kop {id}\n===",
        "Tekst\n{id}\n---",
        "- punt {id}",
        "- punt\n  {id}",
        "- punt\n{id}",
        "1. punt\n   {id}",
        "> citaat\n> {id}",
        "> citaat {id}",
        "Een *nadruk*{id} hier",
        "Een **vet**{id}",
        "Een [link](index.md){id} hier",
        "Een `code`{id} hier",
        "Een <span>woord</span>{id}",
        "Een <https://www.voorbeeld.nl>{id}",
        "Mail <info@voorbeeld.nl>{id}",
        "Tekst\n{id}\n## Kop",
        "Tekst\n{id}\n- punt",
        "Tekst\n{id}\n1. punt",
        "Tekst\n{id}\n> citaat",
        "Tekst\n{id}\n```\ncode\n```",
        "Tekst\n{id}\n<div>blok</div>",
        "Tekst\n{id}\n***",
        "## Kop {id}\nTekst\n{id}",
        "## Kop\n{id}",
        "#Kop {id}",
        "Tekst\n{id}\n#woord",
        "## Kop {id}\n| a | b |\n|---|---|\n| c {id} | d |",
        "| a | b |\n|---|---|\n| c | d |\nTekst {id}",
        "- punt\n  {id}\n- punt {id}",
        "- punt\n  {id}\n- punt\n  {id}",
        "Tekst\n{id}\n| a | b |\n|---|---|\n| c | d |",
        "| a | b |\n|---|---|\n| c {id} | d |",
        "| a | b |\n|---|---|\n| c | d{id} |",
    ]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_ID_PLACES, min_size=1, max_size=6))
def test_an_id_counts_where_python_markdown_gives_it(pieces: list[str]) -> None:
    """The ids the check counts (and the `{#...}` it reports as shown as text) are the
    ones attr_list gives an element in the site's own Markdown configuration. Blocks are
    separated by a blank line, as the content writes them; the pieces hold the cases of a
    block that runs into the next one (a heading, list, quote, fence, HTML block or rule)."""
    numbers = itertools.count()
    body = re.sub(r"\{id\}", lambda _: f"{{#a{next(numbers)}}}", "\n\n".join(pieces))
    rendered = site_markdown().convert(body)
    given_by_markdown = set(re.findall(r'id="(a\d+)"', rendered))
    counted = {value for value, _ in anchors.written_ids(scan.prose(body, 1))}
    assert counted == given_by_markdown, (body, rendered)
    shown_as_text = set(re.findall(r"\{#(a\d+)\}", rendered))
    reported = {written[2:-1] for _, written in markup.misplaced_ids(scan.prose(body, 1))}
    assert reported == shown_as_text, (body, rendered)
