"""The grouped menu of a big site (overrides/partials/nav.html) by keyboard, in real Chromium.

A site with 126 top-level folders: its menu has the handbook's five entries and
two groups, the reader's group open with its subgroups and the reader's folder.
At 360 px (a drawer) and 1280 px every Tab stop up to the last one in the menu is
on screen, visible, not inert and shows its ring. In the open drawer Tab walks
through the menu (the groups, the reader's group and subgroups, the reader's
folder) and axe-core finds nothing. The same checks as tests/browser/test_keyboard.py
and test_accessibility.py make for the handbook's own, ungrouped menu.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from tests.browser.test_accessibility import axe_violations
from tests.browser.test_keyboard import MENU_BUTTON, MIN_RING_PX, VIEWPORTS, focused, tab_stops
from tests.conftest import load_benchmark, run_build

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

    from tests.browser.conftest import ServeSite

pytestmark = pytest.mark.browser

benchmark = load_benchmark()
GROUPED_PAGE = "thema-070/pagina-01/"


@pytest.fixture(scope="module")
def big_site_url(tmp_path_factory: pytest.TempPathFactory, serve_site: ServeSite) -> str:
    folder = tmp_path_factory.mktemp("groot-menu")
    layout = benchmark.Layout(pages=130, environments=3, short=True, topic_pages=1)
    result = run_build(benchmark.write_project(folder / "project", layout), folder / "site")
    assert result.returncode == 0, result.output
    return serve_site(result.site)


@pytest.fixture(params=["360", "1280"])
def at_width(request: pytest.FixtureRequest, browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=VIEWPORTS[request.param])
    yield context.new_page()
    context.close()


def test_every_tab_stop_on_a_grouped_page_is_on_screen(at_width: Page, big_site_url: str):
    at_width.goto(big_site_url + GROUPED_PAGE)
    stops = tab_stops(at_width)
    assert len(stops) >= 5
    hidden = [s["what"] for s in stops if not (s["onScreen"] and s["shown"]) or s["inert"]]
    assert hidden == []
    assert [(s["what"], s["ring"]) for s in stops if s["ring"] < MIN_RING_PX] == []
    if at_width.viewport_size["width"] == 1280:  # the menu is shown: its groups are Tab stops
        texts = [s["text"] for s in stops if s["menu"]]
        assert "Thema 001 – Thema 063" in texts
        assert "Thema 064 – Thema 126" in texts
        assert "Thema 073 – Thema 081" in texts


def test_the_open_drawer_walks_through_the_reader_s_group(browser: Browser, big_site_url: str):
    context = browser.new_context(viewport=VIEWPORTS["360"])
    page = context.new_page()
    page.goto(big_site_url + GROUPED_PAGE)
    page.click(MENU_BUTTON)
    page.wait_for_function(
        "() => document.activeElement.getBoundingClientRect().left >= 0", timeout=2000
    )
    texts = []
    for _ in range(40):
        stop = focused(page)
        if stop is None or not stop["menu"]:
            break
        assert stop["onScreen"] and stop["shown"] and not stop["inert"], stop
        texts.append(stop["text"])
        page.keyboard.press("Tab")
    # The groups, the reader's group's own subgroup and folder, and the subgroups after it.
    # (As in the handbook's own drawer, the reader's page itself is no Tab stop there: its
    # entry is the label that opens its table of contents.)
    assert texts[6:10] == [
        "Thema 001 – Thema 063",
        "Thema 064 – Thema 126",
        "Thema 064 – Thema 072",
        "Thema 064",
    ], texts
    assert "Thema 070" in texts
    assert texts[-1] == "Thema 118 – Thema 126", texts
    assert axe_violations(page) == []
    page.keyboard.press("Escape")
    assert page.evaluate(f"document.activeElement.matches({MENU_BUTTON!r})")
    context.close()


def test_the_big_site_is_really_grouped(big_site_url: str, at_width: Page):
    """The checks above ran on a grouped menu: two groups at the top, one open."""
    at_width.goto(big_site_url + GROUPED_PAGE)
    groups = at_width.locator("nav.md-nav--primary > ul > li.handboek-menugroep")
    assert groups.count() == 2
    assert at_width.locator("li.handboek-menugroep.md-nav__item--active").count() == 2
