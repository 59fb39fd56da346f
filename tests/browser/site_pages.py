"""Every page of a built site, as the paths a reader's browser asks for.

The quality tests (accessibility, privacy, budget, valid HTML) check every page,
so a new page is checked without a test change: the list comes from the HTML
files the build wrote, 404.html included.
"""

from __future__ import annotations

from pathlib import Path


def page_paths(site: Path) -> list[str]:
    """URL paths relative to the site root: '' for the start page, 'over/', '404.html'."""
    paths = []
    for file in sorted(site.rglob("*.html")):
        relative = file.relative_to(site).as_posix()
        if relative == "index.html":
            paths.append("")
        elif relative.endswith("/index.html"):
            paths.append(relative.removesuffix("index.html"))
        else:
            paths.append(relative)
    return paths


def page_file(site: Path, path: str) -> Path:
    """The HTML file of a path from `page_paths`."""
    return site / path / "index.html" if path == "" or path.endswith("/") else site / path
