"""How many examples the differential test needs to find issue #10's bypasses in the old reader.

Loads src/handboek/scan.py as it was before issue #10 (commit 779adcc, read with
`git show`) and runs the differential check of tests/differential.py on it,
once with only comment openers and once with only fence openers among the
generated lines (the old reader had no attr_list part), for a few seeds:

    .venv/bin/python scripts/differential_old_reader.py

It prints, per bypass and seed, the number of examples Hypothesis generated up
to the first failing one, and the minimal failing document it shrank to.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import tempfile
from pathlib import Path

from hypothesis import given, seed, settings

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.differential import documents, rendered_markers, seen_markers, site_markdown  # noqa: E402

OLD_COMMIT = "779adcc"


def old_reader():
    source = subprocess.run(
        ["git", "show", f"{OLD_COMMIT}:src/handboek/scan.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    folder = Path(tempfile.mkdtemp())
    (folder / "old_scan.py").write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("old_scan", folder / "old_scan.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["old_scan"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def run(openers: list[str], seed_value: int) -> tuple[int, str]:
    engine, scan = site_markdown(), OLD
    count = {"examples": 0, "first_failure": 0}
    shrunk: list[str] = []

    @seed(seed_value)
    @settings(max_examples=5000, deadline=None, database=None)
    @given(text=documents(with_attribute_lists=False, openers=openers))
    def check(text: str) -> None:
        count["examples"] += 1
        if rendered_markers(engine, text) - seen_markers(scan, text, None):
            count["first_failure"] = count["first_failure"] or count["examples"]
            shrunk.append(text)
            raise AssertionError(text)

    try:
        check()
    except AssertionError:
        return count["first_failure"], shrunk[-1]
    return 0, ""


if __name__ == "__main__":
    OLD = old_reader()
    for name, openers in (
        ("unclosed <!--", ["<!--", "tekst", ""]),
        ("unclosed code fence", ["```", "tekst", ""]),
    ):
        for seed_value in range(5):
            examples, text = run(openers, seed_value)
            print(f"{name}: seed {seed_value}: {examples} examples; minimal: {text!r}")
