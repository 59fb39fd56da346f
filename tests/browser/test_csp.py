"""The Content-Security-Policy in a real browser: active on every page, never in the way.

Every page of the real handbook and of the fictional fork (Gemeente Voorbeeld,
tests/fixtures/gemeente-voorbeeld/) is opened with a listener for
`securitypolicyviolation` installed before any page script runs. On each page
the policy must be the first element of <head>, and the browser must report
no violation at all: not on load, not while searching (Material's web worker
and index), opening the menu, or using the print button (shown by one of
the hashed inline scripts, so the hashes are right). The policy is also shown
to work: a copy of a built page with an inline event handler, an inline
script and an image from another host injected (as if the audit had missed
them) runs none of them, and the browser reports each.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.browser.conftest import ServeSite
from tests.browser.site_pages import page_paths

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""
READ_POLICY = """() => {
  const first = document.head.firstElementChild;
  return first && first.httpEquiv === "Content-Security-Policy" ? first.content : null;
}"""


@pytest.fixture
def watched(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    context.add_init_script(RECORD_VIOLATIONS)
    yield context.new_page()
    context.close()


def violations(page: Page) -> list[str]:
    return page.evaluate("() => window.__violations")


def visit_every_page(page: Page, site: Path, url: str) -> list[str]:
    found = []
    for path in page_paths(site):
        page.goto(url + path, wait_until="networkidle")
        policy = page.evaluate(READ_POLICY)
        if policy is None or "default-src 'self'" not in policy:
            found.append(f"/{path}: geen Content-Security-Policy als eerste element van <head>")
        found += [f"/{path}: {violation}" for violation in violations(page)]
    return found


def test_every_page_of_the_handbook_has_the_policy_and_no_violation(
    watched: Page, built_site: Path, site_url: str
) -> None:
    assert len(page_paths(built_site)) >= 10
    assert visit_every_page(watched, built_site, site_url) == []


def test_every_page_of_the_fork_has_the_policy_and_no_violation(
    watched: Page, fork_site: Path, serve_site: ServeSite
) -> None:
    paths = page_paths(fork_site)
    assert "gemeente/contact/" in paths  # the local pages
    assert visit_every_page(watched, fork_site, serve_site(fork_site)) == []


def test_search_menu_and_print_button_work_under_the_policy(watched: Page, site_url: str) -> None:
    watched.set_viewport_size({"width": 390, "height": 800})  # a phone: the menu is a drawer
    watched.goto(site_url + "overzicht/", wait_until="networkidle")
    # Shown by assets/handboek.js: a script from the site itself (script-src 'self').
    assert watched.locator("button.handboek-afdrukken").first.is_visible()
    watched.click("button.handboek-menuknop")
    watched.wait_for_function("() => document.getElementById('__drawer').checked")
    watched.keyboard.press("Escape")
    watched.goto(site_url + "over/", wait_until="networkidle")
    watched.click("button.handboek-zoekknop")
    watched.keyboard.type("vereniging")
    watched.wait_for_selector(".md-search-result__item")
    assert violations(watched) == []
    with watched.expect_navigation():  # Material follows the first result; no form is sent
        watched.keyboard.press("Enter")
    watched.wait_for_load_state("networkidle")
    assert "/over/" not in watched.url
    assert violations(watched) == []


def test_the_policy_stops_what_the_audit_would_have_missed(
    watched: Page, built_site: Path, serve_site: ServeSite, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    page = site / "over" / "index.html"
    injected = (
        '<button id="aanval" onclick="window.__ran = \'onclick\'">Klik</button>'
        '<img src="niet-er.png" onerror="window.__ran = \'onerror\'" alt="">'
        "<script>window.__ran = 'script';</script>"
        '<img src="https://voorbeeld.example/volg.png" alt="">'
    )
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace("<h1", injected + "<h1", 1), encoding="utf-8")
    watched.route("https://voorbeeld.example/**", lambda route: route.abort())
    watched.goto(serve_site(site) + "over/", wait_until="networkidle")
    watched.click("#aanval")
    watched.wait_for_function("() => window.__violations.length >= 4")
    assert watched.evaluate("() => window.__ran") is None
    found = violations(watched)
    assert sorted({violation.split()[0] for violation in found}) == [
        "img-src",
        "script-src-attr",
        "script-src-elem",
    ]
    assert "img-src https://voorbeeld.example/volg.png" in found
