"""`handboek check` and the build on GitHub Actions: each problem next to its line.

With `GITHUB_ACTIONS=true` the check prints GitHub's workflow commands
(`::error file=…,line=…,title=…::melding`) after the Dutch report, within
GitHub's limits, and adds the whole report to `$GITHUB_STEP_SUMMARY`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from handboek.problems import Problem, Severity, github_annotations, summary_markdown
from tests.conftest import copy_project, run_build, run_check
from tests.sample_content import ENVIRONMENT, write_content

THREE_MISTAKES = (
    ENVIRONMENT.replace("titel:", "titl:")
    .replace("volgorde: 1", "volgorde: een")
    .replace("## Wie zijn de bruggenbouwers?", "## Bruggenbouwers")
)
FILE = "content/omgevingen/voorbeeld.md"
ERRORS = [
    f"::error file={FILE},line=2,title=Fout in de inhoud::onbekend veld 'titl'"
    "%0Atip: bedoelde je 'titel'?",
    f"::error file={FILE},line=4,title=Fout in de inhoud::het veld 'volgorde' moet geheel getal "
    "zijn, maar is tekst%0Atip: schrijf een heel getal, bijvoorbeeld: volgorde: 2",
    f"::error file={FILE},line=35,title=Fout in de inhoud::onbekend onderdeel "
    "'## Bruggenbouwers'%0Atip: bedoelde je '## Wie zijn de bruggenbouwers?'?",
]
REPORT = (
    f"{FILE}:2: onbekend veld 'titl'\n"
    "    tip: bedoelde je 'titel'?\n"
    f"{FILE}:4: het veld 'volgorde' moet geheel getal zijn, maar is tekst\n"
    "    tip: schrijf een heel getal, bijvoorbeeld: volgorde: 2\n"
    f"{FILE}:35: onbekend onderdeel '## Bruggenbouwers'\n"
    "    tip: bedoelde je '## Wie zijn de bruggenbouwers?'?\n"
    "3 fouten, 0 meldingen\n"
)


def test_three_mistakes_give_three_errors_at_their_lines_and_a_summary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_content(tmp_path, {"omgevingen/voorbeeld.md": THREE_MISTAKES})
    summary = tmp_path / "samenvatting.md"
    summary.write_text("## Een eerdere stap\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert run_check(tmp_path, monkeypatch, capsys) == (1, REPORT + "\n".join(ERRORS) + "\n")
    assert summary.read_text(encoding="utf-8") == (
        "## Een eerdere stap\n"  # appended, as GitHub asks
        "## Inhoud controleren (handboek check)\n\n"
        "De inhoud bevat fouten: de site wordt niet gebouwd. Pas de genoemde regels aan; de "
        "controle draait daarna opnieuw.\n\n"
        f"```text\n{REPORT}```\n"
    )


def test_outside_github_actions_there_are_no_workflow_commands(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_content(tmp_path, {"omgevingen/voorbeeld.md": THREE_MISTAKES})
    summary = tmp_path / "samenvatting.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))  # GITHUB_ACTIONS not "true"
    assert run_check(tmp_path, monkeypatch, capsys) == (1, REPORT)
    assert not summary.exists()


def test_values_are_escaped_as_github_asks() -> None:
    problem = Problem("content/a,b:c.md", 3, "100% fout\r\nop: twee regels", "tip, met: 50%")
    assert github_annotations([problem]) == [
        "::error file=content/a%2Cb%3Ac.md,line=3,title=Fout in de inhoud::100%25 fout%0D%0Aop: "
        "twee regels%0Atip: tip, met: 50%25"
    ]


def test_te_herzien_is_a_warning_and_a_review_date_a_notice() -> None:
    assert github_annotations(
        [
            Problem("lokaal/omgevingen/a.yml", 4, "te herzien: x", "", Severity.REVISE),
            Problem(
                "content/over.md", 6, "de pagina had beoordeeld moeten worden", "", Severity.NOTICE
            ),
        ]
    ) == [
        "::warning file=lokaal/omgevingen/a.yml,line=4,title=Te herzien::te herzien: x",
        "::notice file=content/over.md,line=6,title=Te beoordelen::de pagina had beoordeeld moeten "
        "worden",
    ]


def test_at_most_ten_of_each_kind_and_one_notice_about_the_rest() -> None:
    problems = [Problem("content/a.md", line, f"fout {line}") for line in range(1, 13)] + [
        Problem("content/b.md", line, f"melding {line}", "", Severity.NOTICE)
        for line in range(1, 12)
    ]
    lines = github_annotations(problems)
    assert [line.split(" ", 1)[0] for line in lines] == ["::error"] * 10 + ["::notice"] * 10
    assert lines[9].startswith("::error file=content/a.md,line=10,")
    assert lines[18].startswith("::notice file=content/b.md,line=9,")
    # 2 errors and 2 notices left out (the tenth notice makes room for this one).
    assert lines[-1] == (
        "::notice title=Niet alles bij de regels::GitHub toont hier niet alles: 4 meldingen staan "
        "niet bij hun regel. Alle meldingen staan in de samenvatting van deze controle en in "
        "het log."
    )
    assert len(github_annotations(problems[:10])) == 10  # exactly ten: nothing to say


def test_the_summary_cannot_be_broken_out_of_by_backticks() -> None:
    problem = Problem("content/a.md", 1, "tekst met ```` erin")
    text = summary_markdown("Controle", [problem])
    assert "\n`````text\n" in text
    assert text.endswith("\n`````\n")


def test_a_build_with_errors_shows_them_at_their_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = copy_project(tmp_path / "project")
    page = project / "content" / "over.md"
    page.write_text(page.read_text(encoding="utf-8").replace("titel:", "titl:", 1), "utf-8")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "samenvatting.md"))
    result = run_build(project)
    assert result.returncode == 1
    assert (
        "::error file=content/over.md,line=2,title=Fout in de inhoud::onbekend veld 'titl'%0Atip: "
        "bedoelde je 'titel'?\n" in result.output
    )
    summary = (tmp_path / "samenvatting.md").read_text(encoding="utf-8")
    assert summary.startswith("## Site bouwen: controle van de inhoud\n")
    assert "content/over.md:2: onbekend veld 'titl'\n" in summary


def test_a_notice_in_a_build_is_a_warning_that_does_not_fail_strict(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    page = project / "content" / "over.md"
    text = page.read_text(encoding="utf-8")
    for field, date in (
        ("laatst_beoordeeld", "2026-01-15"),
        ("volgende_beoordeling", "2026-11-30"),
    ):
        old = next(line for line in text.splitlines() if line.startswith(f"{field}:"))
        text = text.replace(old, f"{field}: {date}")
    page.write_text(text, "utf-8")
    result = run_build(project)
    assert result.returncode == 0, result.output
    assert "WARNING -  content/over.md:" in result.output
    assert ": let op: de pagina had op 2026-11-30 opnieuw beoordeeld moeten worden" in result.output
