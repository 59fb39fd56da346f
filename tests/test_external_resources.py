"""No page loads anything from another host: checked on the built HTML and CSS.

A link a reader chooses to follow (`<a href="https://www.scp.nl">`) is fine;
anything the browser fetches by itself (scripts, styles, fonts, images,
frames, preloads) must come from the site itself. The browser test in
tests/browser/ checks the same on real page loads.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

# Attributes through which a browser fetches something without a click.
FETCHING_ATTRIBUTES = {
    "script": ("src",),
    "link": ("href",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "frame": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "input": ("src",),
}
EXTERNAL = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", re.I)
CSS_EXTERNAL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])\s*(?:https?:)?//""", re.I)


class _FetchCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.fetched: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = FETCHING_ATTRIBUTES.get(tag, ())
        for name, value in attrs:
            if name in names and value:
                self.fetched.extend(part.split()[0] for part in value.split(",") if part.strip())
            if name == "style" and value and CSS_EXTERNAL.search(value):
                self.fetched.append(value)


def _external_fetches(page: Path) -> list[str]:
    collector = _FetchCollector()
    collector.feed(page.read_text(encoding="utf-8"))
    return [url for url in collector.fetched if EXTERNAL.match(url) or CSS_EXTERNAL.search(url)]


def test_collector_finds_external_resources(tmp_path: Path) -> None:
    page = tmp_path / "index.html"
    page.write_text(
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css">'
        '<script src="//cdn.example.org/x.js"></script><img src="beeld.png">'
        '<a href="https://www.scp.nl">SCP</a><div style="background:url(https://x.org/a.png)">',
        encoding="utf-8",
    )
    assert _external_fetches(page) == [
        "https://fonts.googleapis.com/css",
        "//cdn.example.org/x.js",
        "background:url(https://x.org/a.png)",
    ]


def test_no_page_fetches_from_another_host(built_site: Path) -> None:
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) >= 7
    found = {str(page.relative_to(built_site)): _external_fetches(page) for page in pages}
    assert {page: urls for page, urls in found.items() if urls} == {}


def test_no_stylesheet_imports_from_another_host(built_site: Path) -> None:
    sheets = sorted(built_site.rglob("*.css"))
    assert sheets
    offending = [str(sheet) for sheet in sheets if CSS_EXTERNAL.search(sheet.read_text("utf-8"))]
    assert offending == []
