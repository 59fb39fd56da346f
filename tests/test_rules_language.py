"""Language rules (`handboek.rules.language`): short sentences, curly quote marks.

Each case is the body of content/pagina.md; its first line is line 9. The
findings are notices: `handboek check` shows them as `let op:` and the site
still builds.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from handboek.check import check_content, list_content
from handboek.problems import Severity
from handboek.read.document import read_document
from handboek.rules import language
from tests.conftest import ROOT
from tests.sample_content import PAGE, page, write_content
from tests.test_local import CONTACT, make_fork

LONG_HINT = "taalniveau B1: schrijf zinnen van hooguit 20 woorden; maak er twee of drie zinnen van"
COPY = "met gekrulde tekens zoals de rest van de site (kopieer ze hier: ‘ ’)"


def words(count: int, first: str = "Woord") -> str:
    return " ".join([first, *["woord"] * (count - 1)]) + "."


def everything(tmp_path: Path, body: str) -> list[tuple[int, str, str]]:
    document = page(tmp_path, body)
    return [finding for rule in language.LANGUAGE_RULES for finding in rule(document)]


@pytest.mark.parametrize(
    "body",
    [
        words(25) + "\n",  # 25 words is the most before a notice
        words(20) + " " + words(20) + "\n",  # two sentences on one line
        "- " + words(15) + "\n- " + words(15) + "\n",  # list items are separate
        "## " + " ".join(["Kop"] * 15) + "\n" + words(15) + "\n",  # so is a heading
        "| " + " ".join(["cel"] * 15) + " | " + " ".join(["cel"] * 15) + " |\n|---|---|\n",
        "> " + words(40) + "\n>\n> — Rol\n",  # a quote is taken word for word
        "```\n" + words(40) + "\n```\n",  # code is not running text
        'Zie [de tekst](pagina.md "een \'titel\'") en `zo\'n` en <img src="x.png" alt="">.\n',
        "Het woord ‘ontzorgen’ en pagina’s en zo’n en ’s avonds.\n",
        '<!-- een opmerking met "rechte" tekens -->\n',
        '<script>alert("hallo")</script> <style>p::before { content: "x" }</style>\n',
        '<script>\nalert("hallo");\n</script>\n',
    ],
)
def test_short_sentences_and_curly_quote_marks_pass(tmp_path: Path, body: str) -> None:
    assert everything(tmp_path, body) == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            words(26) + "\n",
            [(9, "deze zin heeft 26 woorden: 'Woord woord woord woord woord woord ...'")],
        ),
        (
            # A sentence over two lines is reported where it starts; the next one is short.
            "Kort.\n\n"
            + " ".join(["Lang"] + ["woord"] * 13)
            + "\n"
            + words(14, "nog")
            + " Kort.\n",
            [(11, "deze zin heeft 28 woorden: 'Lang woord woord woord woord woord ...'")],
        ),
        (
            # Links count with their text, without their address; markup is not a word.
            "- **Vet.** " + " ".join(["[een link](pagina.md)"] * 13) + ".\n",
            [(9, "deze zin heeft 26 woorden: 'een link een link een link ...'")],
        ),
    ],
)
def test_a_sentence_of_more_than_25_words_is_reported_with_its_start(
    tmp_path: Path, body: str, expected: list[tuple[int, str]]
) -> None:
    assert everything(tmp_path, body) == [(line, message, LONG_HINT) for line, message in expected]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Op alle pagina's.\n",
            [(9, "rechte apostrof in pagina's.", f"schrijf pagina’s., {COPY}")],
        ),
        (
            "Tekst.\n\nDat is zo'n \"mooi woord\" en 'ontzorgen'.\n",
            [
                (11, "rechte apostrof in zo'n", f"schrijf zo’n, {COPY}"),
                (11, 'rechte aanhalingstekens in "mooi woord"', f"schrijf ‘mooi woord’, {COPY}"),
                (11, "rechte aanhalingstekens in 'ontzorgen'", f"schrijf ‘ontzorgen’, {COPY}"),
            ],
        ),
        ("## Wat 's avonds kan\n", [(9, "rechte apostrof in 's", f"schrijf ’s, {COPY}")]),
        (
            'Een los " teken en 12".\n',
            [(9, 'rechte aanhalingsteken in 12".', f"schrijf 12’., {COPY}")],
        ),
    ],
)
def test_straight_quote_marks_are_reported_with_the_curly_spelling(
    tmp_path: Path, body: str, expected: list[tuple[int, str, str]]
) -> None:
    assert everything(tmp_path, body) == expected


def test_language_findings_are_notices_that_never_stop_the_build(tmp_path: Path) -> None:
    write_content(tmp_path, {"pagina.md": PAGE + "Zo'n pagina.\n\n" + words(30) + "\n"})
    result = check_content(tmp_path / "content", tmp_path)
    assert result.ok
    assert {problem.severity for problem in result.problems} == {Severity.NOTICE}
    assert [problem.format() for problem in sorted(result.problems)] == [
        f"content/pagina.md:9: let op: rechte apostrof in Zo'n\n    tip: schrijf Zo’n, {COPY}",
        "content/pagina.md:11: let op: deze zin heeft 30 woorden: "
        "'Woord woord woord woord woord woord ...'\n"
        f"    tip: {LONG_HINT}",
    ]


def test_upstream_writes_sentences_of_at_most_20_words_outside_quotes() -> None:
    """B1 for the real content: what the notice allows (25) is a margin, not the aim (20)."""
    long = []
    for file in list_content(ROOT / "content").pages:
        content_path = file.relative_to(ROOT / "content").as_posix()
        document, _ = read_document(file, f"content/{content_path}", content_path)
        assert document is not None
        long += [
            f"{document.path}:{sentence.line}: {sentence.words}: {sentence.text}"
            for sentence in language.sentences(document, longer_than=language.B1_WORDS)
            if sentence.words > language.B1_WORDS
        ]
    assert long == []


def test_a_forks_own_pages_get_the_language_notices_too(tmp_path: Path) -> None:
    root = make_fork(tmp_path, {"lokaal/paginas/contact.md": CONTACT + "\nZo'n vraag.\n"})
    result = check_content(root / "content", root)
    assert result.ok
    assert [problem.format() for problem in result.problems] == [
        "lokaal/paginas/contact.md:11: let op: rechte apostrof in Zo'n\n"
        f"    tip: schrijf Zo’n, {COPY}"
    ]
