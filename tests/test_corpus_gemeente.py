"""Golden tests for a municipality's fork: attack and mistake cases in lokaal/ (issue #10).

tests/corpus/gemeente-basis/ is a small valid local layer for the fictional
"Gemeente Voorbeeld" (next to the content of tests/corpus/basis/). Each folder
tests/corpus/gemeente/<naam>/ is one case: its files are put over a fresh copy
of both (paths from the project root, such as lokaal/gemeente.yml), and its
snelkoppelingen.txt, if any, lists symbolic links to make (`pad -> doel`, the
target as the link holds it). verwacht.txt holds the complete output of the
check. Regenerate after a deliberate change of messages with

    UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_corpus_gemeente.py

Every case must make the check fail and name a file of the case with a line
number; a sample runs as a real `handboek check` process (no traceback).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from handboek.check import CheckResult, check_content
from handboek.problems import errors, report
from tests.conftest import TEST_DATE, run_check_command
from tests.sample_content import write_content

CORPUS = Path(__file__).resolve().parent / "corpus"
BASE = CORPUS / "gemeente-basis"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
CASES = sorted(path for path in (CORPUS / "gemeente").iterdir() if path.is_dir())
EXPECTED = "verwacht.txt"
LINKS = "snelkoppelingen.txt"
SUBPROCESS_SAMPLE = ("naam-css-commentaar", "logo-snelkoppeling", "diep-genest")


def make_project(case: Path | None, root: Path) -> Path:
    write_content(root)
    shutil.copytree(BASE, root, dirs_exist_ok=True)
    if case is None:
        return root
    for file in sorted(case.rglob("*")):
        relative = file.relative_to(case).as_posix()
        if file.is_file() and relative not in (EXPECTED, LINKS):
            target = root / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(file, target)
    if (case / LINKS).is_file():
        for line in (case / LINKS).read_text(encoding="utf-8").splitlines():
            path, target = (part.strip() for part in line.split("->"))
            link = root / path
            link.parent.mkdir(parents=True, exist_ok=True)
            link.unlink(missing_ok=True)
            link.symlink_to(target, target_is_directory=(link.parent / target).is_dir())
    return root


def case_paths(case: Path) -> set[str]:
    """The files a case writes or links, as the check names them."""
    paths = {
        file.relative_to(case).as_posix()
        for file in case.rglob("*")
        if file.is_file() and file.name not in (EXPECTED, LINKS)
    }
    if (case / LINKS).is_file():
        lines = (case / LINKS).read_text(encoding="utf-8").splitlines()
        paths |= {line.split("->")[0].strip() for line in lines}
    return paths | {"lokaal/gemeente.yml"} if "logo" in case.name else paths


def check(case: Path, root: Path) -> tuple[CheckResult, str]:
    project = make_project(case, root)
    result = check_content(project / "content", project, on=TEST_DATE)
    return result, report(result.problems) + "\n"


def test_the_corpus_is_big_enough() -> None:
    assert len(CASES) >= 30


def test_the_base_is_valid(tmp_path: Path) -> None:
    project = make_project(None, tmp_path)
    result = check_content(project / "content", project, on=TEST_DATE)
    assert errors(result.problems) == []


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_case_output_equals_the_golden_file(case: Path, tmp_path: Path) -> None:
    _, output = check(case, tmp_path)
    golden = case / EXPECTED
    if UPDATE:
        golden.write_text(output, encoding="utf-8", newline="\n")
    assert output == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_case_fails_and_names_its_file_and_line(case: Path, tmp_path: Path) -> None:
    result, _ = check(case, tmp_path)
    assert not result.ok
    named = {problem.path for problem in errors(result.problems) if problem.line >= 1}
    assert named & case_paths(case), (named, case_paths(case))


@pytest.mark.parametrize("name", SUBPROCESS_SAMPLE)
def test_case_as_a_real_command(name: str, tmp_path: Path) -> None:
    case = CORPUS / "gemeente" / name
    make_project(case, tmp_path)
    completed = run_check_command(tmp_path)
    assert completed.returncode == 1
    assert completed.stderr == ""
    assert "Traceback" not in completed.stdout
    assert completed.stdout == (case / EXPECTED).read_text(encoding="utf-8")
