"""The overview matrix on screen, in real Chromium: phone, tablet and desktop.

- At 360 px (a small phone) the page never scrolls sideways; the table is
  stacked per aspect, each cell labelled with its environment, and screen
  readers get exactly the same table (rows, headers, cells) as on a desktop.
- On a desktop the matrix is a table: the environments side by side.
- The items are text; each cell has one "Lees meer" link to its part of the environment
  page. Loading the page shifts nothing (CLS 0), also when the print button appears.
- The "Afdrukken" button appears only when JavaScript can print, and prints;
  the overview links to the print-all page. Quotes name who said them after a dash.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from handboek.model import MATRIX_ROWS, OVERVIEW_PATH, PRINT_ALL_PATH
from tests.browser.conftest import ServeSite, SiteWithEnvironments, page_url
from tests.conftest import ROOT, model_of

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

PHONE = {"width": 360, "height": 740}
TABLET = {"width": 768, "height": 1024}
DESKTOP = {"width": 1280, "height": 800}
MATRIX = "table.handboek-matrix"


@pytest.fixture(scope="module", params=[3, 4], ids=lambda n: f"{n}-omgevingen")
def overview_url(
    request: pytest.FixtureRequest,
    built_site: Path,
    site_with_environments: SiteWithEnvironments,
    serve_site: ServeSite,
) -> str:
    site = built_site if request.param == 3 else site_with_environments(request.param)
    return page_url(serve_site(site), OVERVIEW_PATH)


@contextlib.contextmanager
def opened(browser: Browser, url: str, viewport: dict[str, int], **options) -> Iterator[Page]:
    context = browser.new_context(viewport=viewport, **options)
    try:
        page = context.new_page()
        page.goto(url)
        yield page
    finally:
        context.close()


@pytest.fixture
def phone(browser: Browser, overview_url: str) -> Iterator[Page]:
    with opened(browser, overview_url, PHONE) as page:
        yield page


@pytest.fixture
def desktop(browser: Browser, overview_url: str) -> Iterator[Page]:
    with opened(browser, overview_url, DESKTOP) as page:
        yield page


@pytest.mark.parametrize("viewport", [PHONE, TABLET, DESKTOP], ids=["360", "768", "1280"])
def test_overview_never_scrolls_sideways(
    browser: Browser, overview_url: str, viewport: dict[str, int]
):
    with opened(browser, overview_url, viewport) as page:
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        assert page.locator(MATRIX).evaluate("t => t.scrollWidth <= t.clientWidth")


def test_phone_stacks_the_cells_with_their_environment(phone: Page):
    cells = phone.locator(f"{MATRIX} tbody td")
    widths = cells.evaluate_all("cs => cs.map(c => c.getBoundingClientRect().width)")
    table_width = phone.locator(MATRIX).evaluate("t => t.getBoundingClientRect().width")
    assert min(widths) > 0.8 * table_width  # one cell per line, not side by side
    labels = cells.evaluate_all("cs => cs.map(c => getComputedStyle(c, '::before').content)")
    environments = cells.evaluate_all("cs => cs.map(c => c.dataset.omgeving)")
    # The label is the environment's name, with alt text "": screen readers skip it.
    assert labels == [f'"{name}" / ""' for name in environments]


def test_phone_keeps_the_table_for_screen_readers(phone: Page, desktop: Page):
    snapshot = desktop.locator(MATRIX).aria_snapshot()
    assert phone.locator(MATRIX).aria_snapshot() == snapshot
    assert "- columnheader" in snapshot
    assert "- rowheader" in snapshot


def test_desktop_shows_the_environments_side_by_side(desktop: Page):
    headers = desktop.locator(f"{MATRIX} thead th")
    boxes = headers.evaluate_all(
        "hs => hs.map(h => [Math.round(h.getBoundingClientRect().top), h.offsetLeft])"
    )
    assert len({top for top, _ in boxes}) == 1
    lefts = [left for _, left in boxes]
    assert lefts == sorted(lefts)
    assert len(set(lefts)) == len(lefts)


def test_print_button_prints_by_mouse_and_keyboard(browser: Browser, site_url: str):
    with opened(browser, "about:blank", DESKTOP) as page:
        page.add_init_script(
            "window.handboekPrinted = 0; window.print = () => { window.handboekPrinted += 1; };"
        )
        page.goto(page_url(site_url, OVERVIEW_PATH))
        button = page.get_by_role("button", name="Afdrukken")
        button.click()
        button.focus()
        page.keyboard.press("Enter")
        assert page.evaluate("window.handboekPrinted") == 2


def test_print_button_stays_hidden_without_javascript(browser: Browser, site_url: str):
    url = page_url(site_url, OVERVIEW_PATH)
    with opened(browser, url, DESKTOP, java_script_enabled=False) as page:
        button = page.locator("button.handboek-afdrukken")
        assert button.count() == 1
        assert button.is_hidden()


def test_overview_links_to_the_print_all_page(page: Page, site_url: str):
    page.goto(page_url(site_url, OVERVIEW_PATH))
    page.locator("article").get_by_role("link", name="Hele handreiking afdrukken").click()
    # The click only starts the navigation: wait for it, then for the script
    # that shows the button (a bare is_visible() raced the page load in CI).
    from playwright.sync_api import expect

    page.wait_for_url(page_url(site_url, PRINT_ALL_PATH))
    expect(page.get_by_role("button", name="Afdrukken")).to_be_visible()


def test_quote_role_follows_a_dash(page: Page, site_url: str):
    environment = model_of(ROOT).environments[0]
    page.goto(page_url(site_url, environment.page.path))
    captions = page.locator("figure.handboek-citaat figcaption")
    assert captions.count() == len(environment.quotes)
    before = captions.evaluate_all("fs => fs.map(f => getComputedStyle(f, '::before').content)")
    assert before == ['"— "'] * len(environment.quotes)


def test_items_are_text_with_one_read_more_link_per_cell(desktop: Page, overview_url: str):
    cells = desktop.locator(f"{MATRIX} tbody td")
    assert cells.count() > 0
    assert desktop.locator(f"{MATRIX} tbody li a").count() == 0
    links = cells.evaluate_all(
        "cs => cs.map(c => [...c.querySelectorAll('a')].map(a => [a.textContent,"
        " new URL(a.href).hash, a.querySelector('span').getBoundingClientRect().width]))"
    )
    rows = desktop.locator(f"{MATRIX} tbody th").all_inner_texts()
    environments = cells.evaluate_all("cs => cs.map(c => c.dataset.omgeving)")
    anchors = {row.title: row.anchor for row in MATRIX_ROWS}
    for index, cell in enumerate(links):
        row = rows[index // len(set(environments))]
        # Seen: "Lees meer"; heard: also environment and aspect (the span is 1 px, clipped).
        assert cell == [[f"Lees meer: {environments[index]}, {row}", f"#{anchors[row]}", 1]]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360", "1280"])
def test_overview_does_not_shift_while_loading(
    browser: Browser, overview_url: str, viewport: dict[str, int]
):
    with opened(browser, "about:blank", viewport) as page:
        page.add_init_script(
            "window.handboekShift = 0; new PerformanceObserver(list => { for (const e of"
            " list.getEntries()) if (!e.hadRecentInput) window.handboekShift += e.value; })"
            ".observe({ type: 'layout-shift', buffered: true });"
        )
        page.goto(overview_url, wait_until="networkidle")
        page.wait_for_timeout(500)  # layout shifts are reported after the frame that made them
        assert page.get_by_role("button", name="Afdrukken").is_visible()
        assert page.evaluate("window.handboekShift") == 0
