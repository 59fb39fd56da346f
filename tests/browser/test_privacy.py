"""Privacy in a real browser: no other host, no cookies, nothing stored, on every page.

Each page is opened in a fresh browser context, as a first visit. The test
records every request the browser makes (pages, workers, everything through
the context), wraps `Storage.setItem` before any page script runs to record
writes to localStorage and sessionStorage, and afterwards reads the cookies and
the storage keys. Requests to any other host than the test server are aborted
before they leave the machine, and fail the test.

What Material itself writes: on a plain page load, nothing. Its bundle can
write `__palette` (colour toggle), `__tabs` (linked content tabs),
`__announce` (dismissed banner), `__outdated` and `__source` (version banner
and repository facts); this site uses none of those features, and searching
writes nothing either. The test asserts exactly that: no writes at all.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import pytest

from tests.browser.site_pages import page_paths

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page, Route

# Runs before any script of the page: remember every storage write.
RECORD_STORAGE_WRITES = """
window.__storageWrites = [];
const setItem = Storage.prototype.setItem;
Storage.prototype.setItem = function (key, value) {
  const area = this === window.localStorage ? "localStorage" : "sessionStorage";
  window.__storageWrites.push(area + ":" + key);
  return setItem.call(this, key, value);
};
"""
READ_STORAGE = """() => ({
  writes: window.__storageWrites,
  keys: [...Object.keys(localStorage).map((key) => "localStorage:" + key),
         ...Object.keys(sessionStorage).map((key) => "sessionStorage:" + key)],
})"""


@dataclass(frozen=True)
class Visit:
    """What one first visit left behind."""

    context: BrowserContext
    page: Page
    local_origin: str
    requests: list[str] = field(default_factory=list)

    def elsewhere(self) -> list[str]:
        return [url for url in self.requests if _origin(url) != self.local_origin]

    def storage(self) -> dict[str, list[str]]:
        found: Any = self.page.evaluate(READ_STORAGE)
        return {"writes": found["writes"], "keys": found["keys"]}


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def first_visit(browser: Browser, site_url: str) -> Visit:
    """A fresh browser context (no cookies, storage or cache) that records what happens."""
    context = browser.new_context()
    context.add_init_script(RECORD_STORAGE_WRITES)
    result = Visit(context, context.new_page(), _origin(site_url))
    context.on("request", lambda request: result.requests.append(request.url))

    def stay_on_this_machine(route: Route) -> None:
        if _origin(route.request.url) == result.local_origin:
            route.continue_()
        else:
            route.abort()

    context.route("**/*", stay_on_this_machine)
    return result


@pytest.fixture
def visit(browser: Browser, site_url: str) -> Iterator[Visit]:
    result = first_visit(browser, site_url)
    yield result
    result.context.close()


def test_no_page_contacts_another_host_stores_or_sets_cookies(
    browser: Browser, site_url: str, built_site: Path
) -> None:
    found = []
    for path in page_paths(built_site):
        page_visit = first_visit(browser, site_url)
        try:
            page_visit.page.goto(site_url + path, wait_until="networkidle")
            storage = page_visit.storage()
            found += [f"/{path}: verzoek naar {url}" for url in page_visit.elsewhere()]
            found += [f"/{path}: cookie {c['name']}" for c in page_visit.context.cookies()]
            found += [f"/{path}: schrijft {key}" for key in storage["writes"]]
            found += [f"/{path}: bewaart {key}" for key in storage["keys"]]
        finally:
            page_visit.context.close()
    assert found == []


def test_searching_stays_on_this_site_and_stores_nothing(visit: Visit, site_url: str) -> None:
    visit.page.goto(site_url + "over/", wait_until="networkidle")
    visit.page.click("input.md-search__input")
    visit.page.keyboard.type("gemeente")
    visit.page.wait_for_selector(".md-search-result__item")
    visit.page.keyboard.press("Escape")
    assert any(url.endswith("/search/search_index.json") for url in visit.requests)
    assert [url for url in visit.requests if "gemeente" in url] == []  # the words stay here
    assert visit.elsewhere() == []
    assert visit.context.cookies() == []
    assert visit.storage() == {"writes": [], "keys": []}


def test_recorder_sees_requests_elsewhere_cookies_and_storage(visit: Visit, site_url: str) -> None:
    """The checks can fail: a page that does all three is caught (and nothing leaves)."""
    visit.page.goto(site_url + "404.html", wait_until="networkidle")
    # The font request is aborted by the fixture's route, before it leaves this machine.
    with visit.page.expect_event("requestfailed"):
        visit.page.evaluate(
            """() => {
            document.cookie = "bezoeker=1; path=/";
            localStorage.setItem("__palette", "{}");
            const font = document.createElement("link");
            font.rel = "stylesheet";
            font.href = "https://fonts.googleapis.com/css?family=Roboto";
            document.head.append(font);
          }"""
        )
    assert visit.elsewhere() == ["https://fonts.googleapis.com/css?family=Roboto"]
    assert [cookie["name"] for cookie in visit.context.cookies()] == ["bezoeker"]
    assert visit.storage() == {
        "writes": ["localStorage:__palette"],
        "keys": ["localStorage:__palette"],
    }
