"""Lean pages: what a first visit costs, measured in a real browser.

Every page of the handbook is opened in a fresh browser context (empty cache),
and the test counts everything the browser fetches until the network is idle:
HTML, CSS, JavaScript, images, workers, data. Size is the gzip size (level 6,
what web servers commonly send) of each response body, in kB of 1,000 bytes.
Budgets per page: at most 9 requests and 80 kB on the handbook, and 150 kB on
a synthetic site of 1,000 pages (scripts/benchmark.py writes it, built once).

Stock Material downloads the search worker and the whole search index on
every first page view; at 1,000 pages that index alone is about 1 MB
compressed. Here both load when the reader starts searching
(overrides/partials/zoeken-uitgesteld.html), which the last tests check.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.browser.conftest import ServeSite
from tests.browser.site_pages import page_paths
from tests.conftest import load_benchmark, run_build

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Response

KB = 1000
MAX_REQUESTS = 9
MAX_KB_HANDBOOK = 80
MAX_KB_LARGE_SITE = 150
LARGE_SITE_PAGES = 1000
SEARCH_FILES = ("search/search_index.json", "/workers/search.")


@dataclass(frozen=True)
class FirstLoad:
    path: str
    files: tuple[tuple[str, int], ...]  # (URL path, gzip bytes), in request order

    @property
    def requests(self) -> int:
        return len(self.files)

    @property
    def kb(self) -> float:
        return sum(size for _, size in self.files) / KB

    def summary(self) -> str:
        return f"/{self.path}: {self.requests} verzoeken, {self.kb:.1f} kB"


def first_load(browser: Browser, base: str, path: str) -> FirstLoad:
    """Open `path` as a first visit and measure everything fetched until the network is idle."""
    context = browser.new_context()
    try:
        page = context.new_page()
        responses: list[Response] = []
        requests: list[str] = []
        context.on("request", lambda request: requests.append(request.url))
        context.on("response", lambda response: responses.append(response))
        page.goto(base + path, wait_until="networkidle")
        sizes = {response.url: len(gzip.compress(response.body(), 6)) for response in responses}
        # A request without a response (failed) still counts, with 0 bytes.
        files = tuple((url.removeprefix(base), sizes.get(url, 0)) for url in requests)
        return FirstLoad(path, files)
    finally:
        context.close()


def over_budget(load: FirstLoad, max_kb: int) -> list[str]:
    problems = []
    if load.requests > MAX_REQUESTS:
        problems.append(f"{load.summary()}: meer dan {MAX_REQUESTS} verzoeken")
    if load.kb > max_kb:
        problems.append(f"{load.summary()}: meer dan {max_kb} kB")
    problems += [
        f"/{load.path}: laadt {url} zonder dat de lezer zoekt"
        for url, _ in load.files
        if any(part in url for part in SEARCH_FILES)
    ]
    return problems


def test_every_handbook_page_is_within_budget(
    browser: Browser, site_url: str, built_site: Path
) -> None:
    loads = [first_load(browser, site_url, path) for path in page_paths(built_site)]
    print("\n" + "\n".join(load.summary() for load in loads))
    assert [problem for load in loads for problem in over_budget(load, MAX_KB_HANDBOOK)] == []


@pytest.fixture(scope="session")
def large_site(tmp_path_factory: pytest.TempPathFactory, serve_site: ServeSite) -> str:
    """A 1,000-page site built once per session with `mkdocs build --strict`; its base URL."""
    benchmark = load_benchmark()
    folder = tmp_path_factory.mktemp("groot")
    project = benchmark.write_project(
        folder / "project", benchmark.Layout.of(LARGE_SITE_PAGES, max_environments=10)
    )
    result = run_build(project, folder / "site")
    assert result.returncode == 0, result.output
    return serve_site(result.site)


@pytest.mark.parametrize(
    "path", ["", "omgevingen/omgeving-05/", "thema-25/pagina-10/", "overzicht/"]
)
def test_pages_of_a_1000_page_site_are_within_budget(
    browser: Browser, large_site: str, path: str
) -> None:
    load = first_load(browser, large_site, path)
    print(f"\n{LARGE_SITE_PAGES} pagina's: {load.summary()}")
    assert load.files[0] == (path, load.files[0][1])  # the page itself exists (no 404)
    assert over_budget(load, MAX_KB_LARGE_SITE) == []


@pytest.fixture
def reader(browser: Browser) -> Iterator[tuple[Page, list[str]]]:
    """A first visit that records every request."""
    context = browser.new_context()
    page = context.new_page()
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    yield page, requests
    context.close()


@pytest.mark.parametrize("start", ["click", "keyboard"])
def test_search_loads_when_the_reader_starts_searching(
    reader: tuple[Page, list[str]], site_url: str, start: str
) -> None:
    page, requests = reader
    page.goto(site_url + "over/", wait_until="networkidle")
    assert [url for url in requests if any(part in url for part in SEARCH_FILES)] == []
    if start == "click":
        page.click("input.md-search__input")
    else:
        page.keyboard.press("/")  # Material's shortcut to the search field
    page.keyboard.type("steunouder")
    _wait_for_result(page, site_url, "omgevingen/een-op-een-ondersteuning/")
    loaded = [url.removeprefix(site_url) for url in requests]
    assert "search/search_index.json" in loaded
    assert any(url.startswith("assets/javascripts/workers/search.") for url in loaded)


def test_search_opened_by_a_link_with_a_query(
    reader: tuple[Page, list[str]], site_url: str
) -> None:
    """Material opens search for ?q=...; the index then loads at once."""
    page, _ = reader
    page.goto(site_url + "over/?q=steunouder")
    _wait_for_result(page, site_url, "omgevingen/een-op-een-ondersteuning/")


def _wait_for_result(page: Page, site_url: str, path: str) -> None:
    """Wait until the search results list the page at `path` (from the site root).

    The results change as the reader types, so reading them once could catch those of
    half a word; a page that never shows up fails the test after 10 s.
    """
    page.wait_for_function(
        """prefix => [...document.querySelectorAll(".md-search-result__item > a")]
            .some(a => a.href.split("#")[0] === prefix)""",
        arg=site_url + path,
        timeout=10_000,
    )


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("gemeente", "omgevingen/buurtgemeenschappen/"),  # a whole word stemming would cut short
        ("vereniging", "omgevingen/verenigingen/"),  # a prefix finds the plural
    ],
)
def test_dutch_search_finds_whole_words_and_prefixes(
    reader: tuple[Page, list[str]], site_url: str, query: str, expected: str
) -> None:
    page, _ = reader
    page.goto(site_url + f"over/?q={query}")
    _wait_for_result(page, site_url, expected)
