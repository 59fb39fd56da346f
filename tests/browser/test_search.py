"""Search that forgives Dutch typing, in real Chromium with Material's own search.

- Words in quotes or brackets are found (`trimmer` and the separator in mkdocs.yml).
- Accents do not matter (`coordinator` finds `coördinator`), nor hyphens in
  `een-op-een`, nor capitals or punctuation around the word.
- The synonyms of zoekwoorden.yml work (`sportclub` finds the page on `sportvereniging`).
- Each of the queries below finds its page first: the list of what readers type.
- Without results, search offers the environments and the overview.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from handboek.model import OVERVIEW_PATH
from tests.browser.conftest import page_url
from tests.conftest import ROOT, model_of

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

BUURT = "omgevingen/buurtgemeenschappen/"
VERENIGINGEN = "omgevingen/verenigingen/"
EEN_OP_EEN = "omgevingen/een-op-een-ondersteuning/"
OVERZICHT = "overzicht/"
BEGRIPPEN = "begrippen/"  # the glossary explains a word first, then the pages use it

# What a reader types, and the page that must come first.
FIRST_RESULT = {
    "buurtgemeenschap": BUURT,
    "buurtgemeenschappen": BUURT,
    "jongerenwerker": BUURT,
    "vereniging": VERENIGINGEN,
    "verenigingen": VERENIGINGEN,
    "Verenigingen,": VERENIGINGEN,
    "sportclub": VERENIGINGEN,  # zoekwoorden.yml: sportvereniging
    "sportclubs": VERENIGINGEN,
    "club": BEGRIPPEN,  # zoekwoorden.yml: vereniging
    "pesten": VERENIGINGEN,
    "sportverenigingen": VERENIGINGEN,
    "inclusie": BEGRIPPEN,  # in the text as (inclusie)
    "(inclusie)": BEGRIPPEN,
    "complexe": EEN_OP_EEN,
    "coordinator": EEN_OP_EEN,  # without the diaeresis
    "coördinator": EEN_OP_EEN,
    "COORDINATOR": EEN_OP_EEN,
    "een-op-een": EEN_OP_EEN,
    "één-op-één": EEN_OP_EEN,
    "eenopeen": EEN_OP_EEN,
    "steunouder": BEGRIPPEN,
    "maatje": BEGRIPPEN,
    "buddy": EEN_OP_EEN,  # zoekwoorden.yml: maatje
    "ontzorgen": BEGRIPPEN,  # in the text in quotes
    "‘ontzorgen’": BEGRIPPEN,
    "opleiden": BEGRIPPEN,
    "outreachend": BEGRIPPEN,
    "overzicht": OVERZICHT,
    "bruggenbouwers": "",
    "kennisnotitie": "",
    "privacy": "privacy/",
    "cookies": "privacy/",
    "toegankelijkheid": "toegankelijkheid/",
    "licentie": "over/",
}


@pytest.fixture(scope="module")
def search_page(browser: Browser, site_url: str) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(site_url)
    page.click("input.md-search__input")
    page.keyboard.type("gemeente")
    page.wait_for_selector(".md-search-result__item")  # the index is loaded
    yield page
    context.close()


def first_result(page: Page, query: str) -> str | None:
    """Type `query` as a reader does and return the path of the first page found."""
    field = page.locator("input.md-search__input")
    field.fill("")
    field.press_sequentially(query)
    page.wait_for_function(
        "q => document.querySelector('.md-search__input').value === q"
        " && !document.querySelector('.md-search-result__meta').innerText.includes('gestart')",
        arg=query,
    )
    page.wait_for_timeout(300)  # Material searches after each key; let the last one land
    first = page.locator(".md-search-result__item > a").first
    if not first.count():
        return None
    return first.evaluate("a => new URL(a.href).pathname.slice(1)")


def test_at_least_thirty_queries():
    assert len(FIRST_RESULT) >= 30


def test_each_query_finds_its_page_first(search_page: Page):
    wrong = {}
    for query, expected in FIRST_RESULT.items():
        found = first_result(search_page, query)
        if found != expected:
            wrong[query] = (found, expected)
    assert wrong == {}, "\n".join(f"{q!r}: {f!r}, expected {e!r}" for q, (f, e) in wrong.items())


def test_no_results_offers_the_environments_and_the_overview(search_page: Page, site_url: str):
    assert first_result(search_page, "qwertyuiop") is None
    way_on = search_page.locator(".handboek-zoeken-niets")
    assert way_on.is_visible()
    environments = [env.page for env in model_of(ROOT).environments]
    links = way_on.locator("a").evaluate_all("as => as.map(a => [a.textContent, a.href])")
    assert links == [
        *([page.title, page_url(site_url, page.path)] for page in environments),
        ["het overzicht van alle omgevingen", page_url(site_url, OVERVIEW_PATH)],
    ]
    assert first_result(search_page, "pesten") == VERENIGINGEN
    assert way_on.is_hidden()
