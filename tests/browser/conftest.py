"""Browser fixtures: Debian's Chromium through Playwright, and built sites over http.

- `browser`: one headless Chromium for the whole session, started from
  /usr/bin/chromium (`executable_path`); nothing downloads a browser.
- `serve_site(folder)`: serves a built site folder on 127.0.0.1 (free port,
  threaded `http.server`) and returns its base URL, ending in '/'.
- `site_url`: the base URL of the real handbook (`built_site` from tests/conftest.py).
- `page`: a fresh page in its own browser context (no shared cookies or cache).
- `page_url(base, content_path)`: where a content file is served.
- `site_with_environments(total)`: the handbook built with fictional test
  environments added (tests/fixtures/omgevingen/) until it has `total`
  environments; built once per session for each `total`.

Every test in this folder gets the `browser` marker here, in one place (no marker per
file): `pytest -m 'not browser'` leaves them all out and never starts Chromium.

Without Chromium or Playwright the browser tests are skipped with the reason,
except with CI=true: then they fail, so CI never passes without running them.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import pytest

from handboek.model import ENVIRONMENTS_FOLDER
from handboek.render import NUMBER_WORDS
from tests.conftest import ROOT, copy_project, http_server, run_build

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)

# A plainly fictional environment ("Testomgeving vier", volgorde 4) that passes `handboek check`.
TEST_ENVIRONMENT = ROOT / "tests" / "fixtures" / "omgevingen" / "testomgeving-vier.md"

ServeSite = Callable[[Path], str]
SiteWithEnvironments = Callable[[int], Path]
BROWSER_TESTS = Path(__file__).resolve().parent


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The `browser` marker on every test in tests/browser/, before `-m` selects.

    (A conftest's collection hook sees the items of the whole session: hence the folder test.)
    """
    for item in items:
        if BROWSER_TESTS in item.path.parents:
            item.add_marker(pytest.mark.browser)


def _unavailable(reason: str) -> NoReturn:
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI=true: browser tests must run)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("Playwright is not installed: pip install -e '.[test]'")
    if not CHROMIUM.is_file():
        _unavailable(f"{CHROMIUM} not found: run scripts/install-system-tools.sh")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=list(CHROMIUM_ARGS)
        )
        yield chromium
        chromium.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="session")
def serve_site() -> Iterator[ServeSite]:
    with contextlib.ExitStack() as servers:

        def serve(folder: Path) -> str:
            handler = functools.partial(_QuietHandler, directory=str(folder))
            return servers.enter_context(http_server(handler)) + "/"

        yield serve


@pytest.fixture(scope="session")
def site_url(built_site: Path, serve_site: ServeSite) -> str:
    return serve_site(built_site)


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    new_page = context.new_page()
    yield new_page
    context.close()


def page_url(base: str, content_path: str) -> str:
    """The address of a content file: index.md -> base, omgevingen/x.md -> base + omgevingen/x/."""
    stem = content_path.removesuffix(".md")
    return base if stem == "index" else f"{base}{stem}/"


def add_test_environments(project: Path, total: int) -> None:
    """Add copies of the test environment to a project copy until it has `total` environments.

    The real environments are numbered 1, 2, 3 (`volgorde`); copy n gets volgorde n
    and the title "Testomgeving <n in words>".
    """
    folder = project / "content" / ENVIRONMENTS_FOLDER
    existing = len(list(folder.glob("*.md")))
    text = TEST_ENVIRONMENT.read_text(encoding="utf-8")
    for number in range(existing + 1, total + 1):
        word = NUMBER_WORDS[number]
        copy = text.replace("Testomgeving vier", f"Testomgeving {word}")
        copy = copy.replace("\nvolgorde: 4\n", f"\nvolgorde: {number}\n")
        (folder / f"testomgeving-{word}.md").write_text(copy, encoding="utf-8")


@pytest.fixture(scope="session")
def site_with_environments(tmp_path_factory: pytest.TempPathFactory) -> SiteWithEnvironments:
    sites: dict[int, Path] = {}

    def build(total: int) -> Path:
        if total not in sites:
            project = copy_project(tmp_path_factory.mktemp(f"omgevingen-{total}") / "project")
            add_test_environments(project, total)
            result = run_build(project)
            assert result.returncode == 0, result.output
            sites[total] = result.site
        return sites[total]

    return build
