"""Escaped wherever it reaches HTML (issue #10, item 2), even past the check.

The check rejects markup in plain-text fields; this test switches that rule
off (`plaintext.markup_in` returns None) and builds a fork whose municipality
name, site name, page title, description and owner hold `<`, `"`, `&` and
Markdown. In every built page, in every place the theme or our templates put
those values (the tab's title, meta description, header, menu, footer, h1,
review line, local blocks, print page), they must come out as text: no
element or attribute from them, and no double escaping (`&amp;lt;`).
"""

from __future__ import annotations

import os
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from handboek import plaintext
from tests.conftest import SOURCE_DATE_EPOCH, copy_project

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "gemeente-voorbeeld"
NAME = 'Gemeente <i id="naam">"Voorbeeld"</i> & \'t **Dorp** [x](javascript:1)'
SITE_NAME = 'Site </title><i id="site">&amp;</i> "x"'
TITLE = 'Verenigingen <i id="titel">&</i> "x" {: #y } *z*'
DESCRIPTION = 'Tekst"><i id="beschrijving">x</i>'
OWNER = 'Redactie <i id="eigenaar">x</i>'


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.texts: list[str] = []
        self.attribute_values: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.ids += [value or "" for name, value in attrs if name == "id"]
        self.attribute_values += [value or "" for _, value in attrs]

    def handle_data(self, data: str) -> None:
        self.texts.append(data)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.setattr(plaintext, "markup_in", lambda text: None)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH)
    root = copy_project(tmp_path_factory.mktemp("fork") / "project")
    shutil.copytree(FIXTURE, root / "lokaal", dirs_exist_ok=True)
    gemeente = root / "lokaal" / "gemeente.yml"
    text = gemeente.read_text(encoding="utf-8").replace(
        "naam: Gemeente Voorbeeld", f"naam: {_yaml(NAME)}\nsitenaam: {_yaml(SITE_NAME)}"
    )
    gemeente.write_text(text, encoding="utf-8")
    page = root / "content" / "omgevingen" / "verenigingen.md"
    text = page.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^titel: .*$", f"titel: {_yaml(TITLE)}", text, count=1)
    text = re.sub(r"(?m)^beschrijving: .*$", f"beschrijving: {_yaml(DESCRIPTION)}", text, count=1)
    text = re.sub(r"(?m)^eigenaar: .*$", f"eigenaar: {_yaml(OWNER)}", text, count=1)
    page.write_text(text, encoding="utf-8")
    cwd = os.getcwd()
    try:
        os.chdir(root)
        build(load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site")))
    finally:
        os.chdir(cwd)
        monkeypatch.undo()
    return root / "site"


def _yaml(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_no_element_comes_from_a_text_field(site: Path) -> None:
    for page in pages(site):
        parser = _Elements()
        parser.feed(page.read_text(encoding="utf-8"))
        injected = {"naam", "site", "titel", "beschrijving", "eigenaar", "y"} & set(parser.ids)
        assert not injected, (page, injected)
        bad = [value for value in parser.attribute_values if value.startswith("javascript:")]
        assert not bad, (page, bad)


def test_the_values_are_shown_as_written_and_escaped_once(site: Path) -> None:
    html = (site / "omgevingen" / "verenigingen" / "index.html").read_text(encoding="utf-8")
    assert "&amp;lt;" not in html and "&amp;#34;" not in html  # escaped once, not twice
    parser = _Elements()
    parser.feed(html)
    text = " ".join(" ".join(parser.texts).split())
    title = " ".join(TITLE.split())
    assert text.count(title) >= 2  # h1 and the header (menu and footer link elsewhere)
    assert " ".join(OWNER.split()) in text
    assert NAME in text
    head = html[: html.index("</head>")]
    assert f"<title>{_escape(TITLE)} - {_escape(SITE_NAME)}</title>" in head
    assert f'<meta name="description" content="{_escape(DESCRIPTION)}">' in head


def test_other_pages_show_the_title_and_names_as_text(site: Path) -> None:
    for page in (site / "index.html", site / "afdrukken" / "index.html"):
        parser = _Elements()
        parser.feed(page.read_text(encoding="utf-8"))
        text = " ".join(" ".join(parser.texts).split())
        assert SITE_NAME in text or NAME in text, page


def _escape(text: str) -> str:
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&#34;")
        .replace("'", "&#39;")
    )
