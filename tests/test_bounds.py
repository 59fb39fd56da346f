"""Bounded under abuse (issue #10, item 9): a clean Dutch error, never a traceback or a hang.

The bounds (text.MAX_FILE_BYTES, MAX_LINE_CHARACTERS, MAX_DEPTH,
document.MAX_HEADINGS, scan.MAX_DESTINATION, markup.MAX_ATTRIBUTE_LIST) are
documented in CONTRIBUTING.md. The inputs are made here (they are too big for
files in tests/corpus/); each case has its exact output. How long the check
takes on them is measured by hand, not in a test (see the report in the PR).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from handboek.check import check_content
from handboek.problems import errors, report
from tests.conftest import TEST_DATE
from tests.sample_content import PAGE, write_content

FRONT = PAGE.removeprefix("---\n").split("---\n")[0]


def check(tmp_path: Path, text: str) -> str:
    content = write_content(tmp_path, {"groot.md": text})
    return report(check_content(content, tmp_path, on=TEST_DATE).problems)


CASES = {
    "front matter 10.000 niveaus diep (haken)": (
        "---\n" + FRONT + "extra: " + "[\n" * 10_000 + "]\n" * 10_000 + "---\nTekst.\n",
        "content/groot.md:57: de front matter is te diep genest (lijsten of groepen in elkaar)\n"
        "    tip: een veld heeft hoogstens een groep of lijst eronder; haal de extra '[', '{' of "
        "inspringing weg\n1 fout, 0 meldingen",
    ),
    "front matter 60 niveaus diep (inspringing)": (
        "---\n" + FRONT + "".join(" " * (2 * i) + f"v{i}:\n" for i in range(60)) + "---\n",
        "content/groot.md:58: de front matter is te diep genest (lijsten of groepen in elkaar)\n"
        "    tip: een veld heeft hoogstens een groep of lijst eronder; haal de extra '[', '{' of "
        "inspringing weg\n1 fout, 0 meldingen",
    ),
    "100.000 koppen": (
        PAGE + "## Kop\n\n" * 100_000,
        "content/groot.md:1: het bestand is te groot (781 KB; hoogstens 256 KB)\n"
        "    tip: verdeel de tekst over meer pagina's; afbeeldingen horen in een eigen bestand\n"
        "1 fout, 0 meldingen",
    ),
    "1.001 koppen": (
        PAGE + "".join(f"## Kop {i}\n\n" for i in range(1001)),
        "content/groot.md:2009: de pagina heeft meer dan 1000 koppen\n"
        "    tip: verdeel de tekst over meer pagina's\n1 fout, 0 meldingen",
    ),
    "een regel van 50.000 tekens": (
        PAGE + "a" * 50_000 + "\n",
        "content/groot.md:9: de regel is te lang (50000 tekens; hoogstens 10000)\n"
        "    tip: begin een nieuwe alinea met een lege regel, of zet een regeleinde (Enter) "
        "tussen twee zinnen\n1 fout, 0 meldingen",
    ),
    "een bestand van 300 KB": (
        PAGE + ("Een zin van een verzonnen pagina. " * 30 + "\n\n") * 300,
        "content/groot.md:1: het bestand is te groot (299 KB; hoogstens 256 KB)\n"
        "    tip: verdeel de tekst over meer pagina's; afbeeldingen horen in een eigen bestand\n"
        "1 fout, 0 meldingen",
    ),
    "een link die niet sluit, 600 tekens lang": (
        PAGE + "[a](" + "b" * 600 + ")" + "\n",
        "content/groot.md:9: de link wordt niet gesloten: na '](' ontbreekt ')'\n"
        "    tip: sluit de link af met ')' in dezelfde alinea, zo: [tekst](doel) (een doel is "
        "hoogstens 500 tekens lang)\n"
        "1 fout, 0 meldingen",
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_abuse_gets_a_clean_error(tmp_path: Path, name: str) -> None:
    text, expected = CASES[name]
    assert check(tmp_path, text) == expected


def test_many_unclosed_links_in_one_paragraph_are_each_reported(tmp_path: Path) -> None:
    # 200 KB in one paragraph, 5,000 `[a](` without `)`: read in one pass per link.
    content = write_content(tmp_path, {"groot.md": PAGE + "[a](b c\n" * 5_000})
    found = errors(check_content(content, tmp_path, on=TEST_DATE).problems)
    assert len(found) == 5_000
    assert {problem.message for problem in found} == {
        "de link wordt niet gesloten: na '](' ontbreekt ')'"
    }
