"""Golden-file tests: fixed content in tests/golden/inhoud -> expected output files.

The renderers' output for a small, plainly fictional handbook is compared with
files in tests/golden/verwacht/. After an intended change of the output, run

    UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_render_golden.py

and review the changed files with `git diff` before committing them.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from handboek import render
from handboek.check import check_content
from handboek.model import Environment, Handbook

GOLDEN = Path(__file__).parent / "golden"
DATE = dt.date(2026, 12, 1)


def _handbook() -> Handbook:
    result = check_content(GOLDEN / "inhoud", GOLDEN)
    assert result.handbook is not None, [problem.format() for problem in result.problems]
    return result.handbook


def _link(environment: Environment, anchor: str) -> str:
    return f"../{environment.url}#{anchor}" if anchor else f"../{environment.url}"


def _outputs() -> dict[str, str]:
    handbook = _handbook()
    start = next(page for page in handbook.pages if page.path == "index.md")
    outputs = {f"{env.slug}.md": render.environment_markdown(env) for env in handbook.environments}
    outputs["overzicht.html"] = render.overview_html(handbook, DATE, _link)
    outputs["afdrukken.md"] = render.print_all_markdown(handbook, DATE, start)
    return outputs


@pytest.mark.parametrize("name", sorted(_outputs()))
def test_output_matches_golden_file(name: str) -> None:
    actual = _outputs()[name]
    expected_file = GOLDEN / "verwacht" / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        expected_file.parent.mkdir(exist_ok=True)
        expected_file.write_text(actual, encoding="utf-8")
    assert actual == expected_file.read_text(encoding="utf-8")


def test_environments_are_ordered_by_volgorde_not_by_file_name() -> None:
    assert [env.slug for env in _handbook().environments] == ["beta", "alfa"]
