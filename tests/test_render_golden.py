"""Golden-file tests: fixed content in tests/golden/inhoud -> expected output files.

The renderers' output for a small, plainly fictional handbook is compared with
files in tests/golden/verwacht/. After an intended change of the output, run

    UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_render_golden.py

and review the changed files with `git diff` before committing them.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from handboek import render
from handboek.check import check_content
from handboek.model import Environment, Handbook
from tests.conftest import TEST_DATE

GOLDEN = Path(__file__).parent / "golden"


def _handbook() -> Handbook:
    result = check_content(GOLDEN / "inhoud", GOLDEN)
    assert result.handbook is not None, [problem.format() for problem in result.problems]
    return result.handbook


def _link(environment: Environment, anchor: str) -> str:
    return f"../{environment.url}#{anchor}" if anchor else f"../{environment.url}"


@pytest.fixture(scope="module")
def outputs() -> dict[str, str]:
    """Every rendered output of the golden content, by the name of its golden file."""
    handbook = _handbook()
    start = next(page for page in handbook.pages if page.path == "index.md")
    outputs = {f"{env.slug}.md": render.environment_markdown(env) for env in handbook.environments}
    outputs["overzicht.html"] = render.overview_html(handbook, TEST_DATE, _link)
    outputs["afdrukken.md"] = render.print_all_markdown(handbook, TEST_DATE, start)
    return outputs


# The names of the outputs without rendering at collection time: one per environment file,
# and the two generated pages (test_every_output_has_a_golden_test keeps them equal).
NAMES = sorted(
    [path.name for path in (GOLDEN / "inhoud" / "omgevingen").glob("*.md")]
    + ["overzicht.html", "afdrukken.md"]
)


def test_every_output_has_a_golden_test(outputs: dict[str, str]) -> None:
    assert sorted(outputs) == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_output_matches_golden_file(name: str, outputs: dict[str, str]) -> None:
    actual = outputs[name]
    expected_file = GOLDEN / "verwacht" / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        expected_file.parent.mkdir(exist_ok=True)
        expected_file.write_text(actual, encoding="utf-8")
    assert actual == expected_file.read_text(encoding="utf-8")


def test_environments_are_ordered_by_volgorde_not_by_file_name() -> None:
    assert [env.slug for env in _handbook().environments] == ["beta", "alfa"]
