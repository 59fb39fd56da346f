"""Golden tests: a corpus of broken content files and exactly what the check says.

tests/corpus/basis/ is a small valid handbook (fictional "Gemeente Voorbeeld").
Every other file in tests/corpus/ is one broken content file:

- tests/corpus/omgeving/<naam>.md is checked as content/omgevingen/<naam>.md,
- tests/corpus/pagina/<naam>.md is checked as content/<naam>.md,

each time in a fresh copy of the base. Next to it, <naam>.expected holds the
complete output an editor would see (`path:line: message`, the hints, the
closing count), made on 2026-12-01 (the tests' SOURCE_DATE_EPOCH).

After a deliberate change of messages, regenerate the expected files with

    UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_corpus.py

and review the diff before committing. Every corpus file must make
`handboek check` fail and name that file with a line number; a sample also
runs as a real subprocess to show there is no traceback.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from handboek.check import CheckResult, check_content
from handboek.problems import errors, report
from tests.conftest import TEST_DATE, run_check_command
from tests.sample_content import write_content

CORPUS = Path(__file__).resolve().parent / "corpus"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
PLACES = {"omgeving": "omgevingen/", "pagina": ""}
CASES = sorted(path for folder in PLACES for path in (CORPUS / folder).glob("*.md"))
# Cases that also run as a real `handboek check` process.
SUBPROCESS_SAMPLE = (
    "omgeving/bom.md",
    "omgeving/geen-utf8.md",
    "omgeving/crlf-met-fout.md",
    "omgeving/stuurteken.md",
    "omgeving/yaml-aanhalingsteken.md",
    "omgeving/script.md",
    "pagina/verkeerde-links.md",
)


def content_path(case: Path) -> str:
    return PLACES[case.parent.name] + case.name


def check(case: Path, project: Path) -> tuple[CheckResult, str]:
    content = write_content(project, {content_path(case): case.read_bytes()})
    result = check_content(content, project, on=TEST_DATE)
    return result, report(result.problems) + "\n"


def case_id(case: Path) -> str:
    return f"{case.parent.name}/{case.name}"


def test_the_corpus_is_big_enough() -> None:
    assert len(CASES) >= 25


def test_the_base_is_valid(tmp_path: Path) -> None:
    content = write_content(tmp_path)
    assert check_content(content, tmp_path, on=TEST_DATE).problems == ()


def test_every_case_has_its_expected_output_and_nothing_else_is_there() -> None:
    expected = sorted(path for folder in PLACES for path in (CORPUS / folder).glob("*.expected"))
    assert [path.with_suffix(".md") for path in expected] == CASES


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_case_output_equals_the_golden_file(case: Path, tmp_path: Path) -> None:
    _, output = check(case, tmp_path)
    golden = case.with_suffix(".expected")
    if UPDATE:
        golden.write_text(output, encoding="utf-8", newline="\n")
    assert output == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_case_fails_and_names_its_file_and_line(case: Path, tmp_path: Path) -> None:
    result, _ = check(case, tmp_path)
    assert not result.ok
    assert result.handbook is None
    path = f"content/{content_path(case)}"
    assert any(problem.path == path and problem.line >= 1 for problem in errors(result.problems))


@pytest.mark.parametrize("name", SUBPROCESS_SAMPLE)
def test_case_as_a_real_command(name: str, tmp_path: Path) -> None:
    case = CORPUS / name
    write_content(tmp_path, {content_path(case): case.read_bytes()})
    completed = run_check_command(tmp_path)
    assert completed.returncode == 1
    assert completed.stderr == ""
    assert "Traceback" not in completed.stdout
    assert re.search(rf"^content/{re.escape(content_path(case))}:\d+: ", completed.stdout, re.M)
    assert completed.stdout == case.with_suffix(".expected").read_text(encoding="utf-8")
