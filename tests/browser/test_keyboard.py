"""Keyboard use in real Chromium, at 360 px (a phone), 1024 px (a 1280 px screen zoomed to
125 %) and 1280 px: WCAG 2.1.1, 2.4.3, 2.4.7.

- Every Tab stop on the start page, an environment and the overview is on screen, not
  inside something hidden or inert, and shows a focus ring of at least 3 px. (Stock
  Material: 12 of 27 stops landed in the closed, off-screen menu, and six on "¶" links.)
- Where the menu is a drawer (360 and 1024 px), a real button with aria-expanded opens it
  with Enter or Space, Tab then walks through the menu, and Escape closes it and puts
  focus back on the button. At 1280 px the menu is always shown and has no button.
- In forced-colours mode (Windows high contrast) the ring holds, the search field has an
  edge, and the current page in the menu is marked by more than colour.
- The search dialog has a name.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest

from handboek.model import OVERVIEW_PATH, Handbook
from tests.browser.conftest import page_url

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

VIEWPORTS = {
    "360": {"width": 360, "height": 740},
    "1024": {"width": 1024, "height": 768},
    "1280": {"width": 1280, "height": 800},
}
DRAWER_WIDTHS = ("360", "1024")
# The pages whose Tab stops are walked; the first environment comes from the model when the
# tests run (`first_environment`), not at collection time.
PAGES = ("start", "eerste omgeving", "overzicht")
MIN_RING_PX = 3
MAX_STOPS = 150
MENU_BUTTON = "button.handboek-menuknop"

# What the test needs to know about the element that has focus now.
_FOCUSED = """() => {
  const e = document.activeElement;
  if (!e || e === document.body || e === document.documentElement) return null;
  const r = e.getBoundingClientRect();
  const s = getComputedStyle(e);
  return {
    what: e.outerHTML.slice(0, 120),
    text: (e.innerText || e.value || '').trim().slice(0, 40),
    onScreen: r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0
      && r.left < innerWidth && r.top < innerHeight,
    shown: e.checkVisibility({ visibilityProperty: true, opacityProperty: true }),
    inert: e.closest('[inert], [hidden], [aria-hidden="true"]') !== null,
    ring: s.outlineStyle === 'none' ? 0 : parseFloat(s.outlineWidth),
    menu: e.closest('.md-sidebar--primary') !== null,
  };
}"""


@pytest.fixture(params=list(VIEWPORTS), ids=list(VIEWPORTS))
def width(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def at_width(browser: Browser, width: str) -> Iterator[Page]:
    context = browser.new_context(viewport=VIEWPORTS[width])
    yield context.new_page()
    context.close()


def focused(page: Page) -> dict[str, Any] | None:
    return page.evaluate(_FOCUSED)


def tab_stops(page: Page) -> list[dict[str, Any]]:
    """Press Tab from the top of the page until focus leaves the page or comes round again."""
    stops: list[dict[str, Any]] = []
    for _ in range(MAX_STOPS):
        page.keyboard.press("Tab")
        stop = focused(page)
        if stop is None or (stops and stop["what"] == stops[0]["what"]):
            return stops
        stops.append(stop)
    raise AssertionError(f"more than {MAX_STOPS} Tab stops: focus is caught somewhere")


def tab_to(page: Page, selector: str) -> None:
    for _ in range(MAX_STOPS):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches({selector!r})"):
            return
    raise AssertionError(f"{selector} not reached with Tab")


@pytest.fixture(scope="module")
def first_environment(real_handbook: Handbook) -> str:
    """The content file of the first environment: omgevingen/<slug>.md."""
    return real_handbook.environments[0].page.path


@pytest.mark.parametrize("name", PAGES)
def test_every_tab_stop_is_on_screen_and_shows_its_ring(
    at_width: Page, site_url: str, first_environment: str, name: str
):
    paths = {"start": "index.md", "eerste omgeving": first_environment, "overzicht": OVERVIEW_PATH}
    content_path = paths[name]
    at_width.goto(page_url(site_url, content_path))
    stops = tab_stops(at_width)
    assert len(stops) >= 5
    hidden = [s["what"] for s in stops if not (s["onScreen"] and s["shown"]) or s["inert"]]
    assert hidden == []
    faint = [(s["what"], s["ring"]) for s in stops if s["ring"] < MIN_RING_PX]
    assert faint == []
    assert [s["what"] for s in stops if s["text"] == "¶"] == []


@pytest.mark.parametrize("key", ["Enter", " "], ids=["Enter", "Space"])
@pytest.mark.parametrize("drawer_width", DRAWER_WIDTHS)
def test_menu_opens_and_closes_by_keyboard(
    browser: Browser, site_url: str, first_environment: str, drawer_width: str, key: str
):
    context = browser.new_context(viewport=VIEWPORTS[drawer_width])
    at_width = context.new_page()
    at_width.goto(page_url(site_url, first_environment))
    button = at_width.locator(MENU_BUTTON)
    assert button.evaluate("b => b.tagName") == "BUTTON"
    assert button.get_attribute("aria-expanded") == "false"
    tab_to(at_width, MENU_BUTTON)

    at_width.keyboard.press(key)
    assert button.get_attribute("aria-expanded") == "true"
    # The drawer slides in (Material: 0.25 s); then the focused link is on screen.
    at_width.wait_for_function(
        "() => document.activeElement.getBoundingClientRect().left >= 0", timeout=2000
    )
    in_menu = []
    for _ in range(4):
        stop = focused(at_width)
        assert stop is not None and stop["onScreen"] and stop["shown"] and not stop["inert"]
        in_menu.append(at_width.evaluate("!!document.activeElement.closest('.md-sidebar')"))
        at_width.keyboard.press("Tab")
    assert in_menu == [True] * 4

    at_width.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false"
    assert at_width.evaluate(f"document.activeElement.matches({MENU_BUTTON!r})")
    assert at_width.locator(".md-sidebar--primary").evaluate("m => m.inert")
    context.close()


def test_menu_is_shown_without_a_button_on_a_wide_screen(
    browser: Browser, site_url: str, first_environment: str, real_handbook: Handbook
):
    context = browser.new_context(viewport=VIEWPORTS["1280"])
    page = context.new_page()
    page.goto(page_url(site_url, first_environment))
    assert page.locator(MENU_BUTTON).is_hidden()
    stops = tab_stops(page)
    shown_links = page.locator(".md-sidebar--primary a.md-nav__link:visible").count()
    assert shown_links >= len(real_handbook.environments)
    assert len([s for s in stops if s["menu"]]) >= shown_links  # and the section labels
    context.close()


def test_focus_ring_search_field_and_current_page_in_forced_colours(
    browser: Browser, site_url: str, first_environment: str
):
    context = browser.new_context(viewport=VIEWPORTS["1280"], forced_colors="active")
    page = context.new_page()
    page.goto(page_url(site_url, first_environment))
    assert page.evaluate("matchMedia('(forced-colors: active)').matches")
    field = page.locator(".md-search__input")
    edge = field.evaluate("f => parseFloat(getComputedStyle(f).borderTopWidth)")
    assert edge >= 1
    tab_to(page, ".md-search__input")
    assert focused(page)["ring"] >= MIN_RING_PX
    page.keyboard.press("Escape")
    tab_to(page, "article a")
    assert focused(page)["ring"] >= MIN_RING_PX
    current = page.locator(".md-sidebar--primary .md-nav__link--active").first
    assert "underline" in current.evaluate("a => getComputedStyle(a).textDecorationLine")
    context.close()


def test_search_dialog_has_a_name(page: Page, site_url: str):
    page.goto(site_url)
    assert page.locator("[role=dialog].md-search").get_attribute("aria-label") == "Zoeken"
