"""`pytest -m 'not browser'` leaves out every browser test, so it never starts Chromium.

The marker is set in one place, tests/browser/conftest.py, for every test in that folder.
"""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def test_not_browser_selects_no_test_in_tests_browser() -> None:
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "tests/browser",
            "-m",
            "not browser",
            "-q",
            "-p",
            "no:cacheprovider",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    # Exit code 5: no test ran (all deselected), so no fixture started Chromium.
    assert completed.returncode == 5, completed.stdout + completed.stderr
    assert " deselected" in completed.stdout
    assert " passed" not in completed.stdout and " skipped" not in completed.stdout
