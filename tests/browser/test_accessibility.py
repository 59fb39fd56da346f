"""WCAG 2.1 AA in a real browser: axe-core finds nothing on any page, at two widths.

axe-core runs offline from the copy bundled in the PyPI package
axe-playwright-python (axe-core 4.12). It checks every page of the built
handbook with the rules tagged WCAG 2.0/2.1 A and AA, at a desktop window
(1280 x 800) and a phone (360 x 740), and also the states a reader opens:
search with results, and the menu on a phone. All violations of all pages are
reported at once, as `page [width]: rule (impact): elements: help`.

Stock Material fails here on the footer text (4.47:1) and on links that only
colour tells apart from text; the fixes are in the "Toegankelijkheid" section
of overrides/assets/handboek.css.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from tests.browser.site_pages import page_paths

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
VIEWPORTS = {
    "desktop": {"width": 1280, "height": 800},
    "telefoon": {"width": 360, "height": 740},
}


def axe_violations(page: Page) -> list[str]:
    """Every WCAG A/AA violation axe-core finds on the page as it is now, one line each."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options=AXE_OPTIONS).response
    return [
        f"{violation['id']} ({violation['impact']}): "
        + "; ".join(f"{' '.join(node['target'])}: {_why(node)}" for node in violation["nodes"])
        for violation in results["violations"]
    ]


def _why(node: dict[str, Any]) -> str:
    """axe-core's own explanation for one element, such as the contrast it measured."""
    checks = node["any"] + node["all"] + node["none"]
    return " ".join(check["message"] for check in checks if check.get("message"))


@pytest.fixture(params=list(VIEWPORTS), ids=list(VIEWPORTS))
def viewport_page(request: pytest.FixtureRequest, browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=VIEWPORTS[request.param])
    page = context.new_page()
    page.handboek_viewport = request.param  # type: ignore[attr-defined]
    yield page
    context.close()


def test_axe_finds_no_violations_on_any_page(
    viewport_page: Page, site_url: str, built_site: Path
) -> None:
    found = []
    for path in page_paths(built_site):
        viewport_page.goto(site_url + path)
        found += [
            f"/{path} [{viewport_page.handboek_viewport}]: {line}"  # type: ignore[attr-defined]
            for line in axe_violations(viewport_page)
        ]
    assert found == []


def test_axe_finds_no_violations_in_search_results(viewport_page: Page, site_url: str) -> None:
    viewport_page.goto(site_url)
    # On a phone the search field is behind the search button in the header (a real <button>).
    if viewport_page.handboek_viewport == "telefoon":  # type: ignore[attr-defined]
        viewport_page.click("button.handboek-zoekknop")
    else:
        viewport_page.click("input.md-search__input")
    viewport_page.keyboard.type("vereniging")
    viewport_page.wait_for_selector(".md-search-result__item")
    assert axe_violations(viewport_page) == []


def test_axe_finds_no_violations_in_the_menu_on_a_phone(browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport=VIEWPORTS["telefoon"])
    page = context.new_page()
    page.goto(site_url + "omgevingen/verenigingen/")
    page.click("button.handboek-menuknop")
    page.wait_for_selector("nav.md-nav--primary", state="visible")
    assert axe_violations(page) == []
    context.close()


def test_axe_reports_low_contrast_and_unmarked_links(page: Page) -> None:
    """The check can fail: stock Material's footer colour and link style are found."""
    page.set_content(
        '<!doctype html><html lang="nl"><head><title>Proef</title></head><body><main>'
        '<p style="color:#212121">Tekst met een <a href="#x" style="color:#4051b5;'
        'text-decoration:none">link</a> erin.</p>'
        '<p id="x" style="color:#7f7f7f;background:#171717">Voettekst</p></main></body></html>'
    )
    rules = [line.split(" ")[0] for line in axe_violations(page)]
    assert rules == ["color-contrast", "link-in-text-block"]


def test_skip_link_is_the_first_stop_and_dutch(page: Page, site_url: str) -> None:
    page.goto(site_url + "omgevingen/verenigingen/")
    page.keyboard.press("Tab")
    skip: Any = page.evaluate(
        "() => { const a = document.activeElement;"
        " return {cls: a.className, text: a.textContent.trim(), href: a.getAttribute('href')}; }"
    )
    assert "md-skip" in skip["cls"]
    assert skip["text"] == "Ga naar inhoud"
    page.keyboard.press("Enter")
    target = skip["href"]
    assert page.evaluate("() => location.hash") == target
    assert page.locator(f"main {target}").count() == 1


@pytest.mark.parametrize("width", [1280, 360])
def test_skip_link_on_the_start_page_lands_at_the_start_of_the_cover(
    browser: Browser, site_url: str, width: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 740})
    try:
        page = context.new_page()
        page.goto(site_url)
        page.keyboard.press("Tab")
        assert page.evaluate("() => document.activeElement.className").startswith("md-skip")
        page.keyboard.press("Enter")
        # The cover's h1, the first thing of the content, in view below the header ...
        landed: Any = page.evaluate(
            "() => { const target = document.querySelector(decodeURIComponent(location.hash));"
            " const content = document.querySelector('article.md-content__inner');"
            " return {first: content.querySelector('h1') === target"
            " && target.closest('.handboek-omslag') === content.firstElementChild,"
            " top: target.getBoundingClientRect().top,"
            " header: document.querySelector('.md-header').getBoundingClientRect().bottom}; }"
        )
        assert landed["first"], landed
        assert landed["header"] <= landed["top"] < 740 / 2, landed
        # ... so the next Tab goes to the cover's first link, not past the cover.
        page.keyboard.press("Tab")
        first_link = page.eval_on_selector(
            ".handboek-omslag a:not([tabindex='-1'])", "a => a.getAttribute('href')"
        )
        assert page.evaluate("() => document.activeElement.getAttribute('href')") == first_link
    finally:
        context.close()
