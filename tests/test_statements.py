"""The accessibility and privacy statements: finished upstream, to be filled in by a fork.

Upstream publishes its own statements (who publishes, what was tested and when, how to
report a problem), so no page it publishes has an `[in te vullen: ...]` left. A
municipality's site needs its own: `handboek gemeente nieuw` writes them from the
templates in src/handboek/local/verklaringen/, with invulplekken for everything only the
municipality knows, and the check fails until they are filled in.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from handboek import cli
from handboek.check import check_content, list_content
from handboek.local.files import PLACEHOLDER
from handboek.model import PUBLISHER_PAGES
from tests.conftest import ROOT, copy_project

NAME = "Gemeente Voorbeeld"


def test_no_page_upstream_publishes_has_an_invulplek() -> None:
    left = [
        f"{file.relative_to(ROOT).as_posix()}: {match.group(0)}"
        for file in list_content(ROOT / "content").pages
        for match in PLACEHOLDER.finditer(file.read_text(encoding="utf-8"))
    ]
    assert left == []


def test_upstreams_accessibility_statement_has_status_date_and_a_way_to_report() -> None:
    text = (ROOT / "content" / "toegankelijkheid.md").read_text(encoding="utf-8")
    for needed in (
        "- **Status:**",
        "- **Getest op:** 1 december 2026",
        "de link ‘Klopt er iets niet?’ onderaan elke pagina",
    ):
        assert needed in text
    assert "is gemaakt volgens de eisen" not in text  # what was tested, not a claim


@pytest.mark.parametrize("statement", PUBLISHER_PAGES)
def test_a_forks_statement_names_the_municipality_and_must_be_filled_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, statement: str
) -> None:
    fork = copy_project(tmp_path / "fork")
    monkeypatch.chdir(fork)
    assert cli.main(["gemeente", "nieuw", NAME]) == 0
    path = f"lokaal/paginas/{statement}"
    text = (fork / path).read_text(encoding="utf-8")
    assert NAME in text
    assert "{naam}" not in text
    assert "Klopt er iets niet?" not in text  # upstream's way to report is not the fork's
    body_placeholders = [
        problem.line
        for problem in check_content(fork / "content", fork).problems
        if problem.path == path and problem.message.startswith("hier staat nog een invulplek")
    ]
    # More than the owner in the front matter (line 4): the body has its own to fill in.
    assert [line for line in body_placeholders if line > 7]
