"""The faster menu (overrides/partials/nav.html) gives the same menu as Material's own.

A synthetic fork (scripts/benchmark.py: environments, topic folders, a local
layer) plus a folder that starts with a subfolder is built twice: with our
nav.html, and with it removed so that Material's partial renders the menu.
On every page the main menu must be the same HTML, apart from white space
between tags.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import load_benchmark, run_build

benchmark = load_benchmark()

_ARCHIVED_PAGE = """---
titel: Archief 2025
beschrijving: Een pagina in een submap, om het menu te testen.
eigenaar: Redactie test
laatst_beoordeeld: 2026-11-01
volgende_beoordeling: 2027-11-01
---

Een pagina in een map in een map.
"""
_MENU_START = '<nav class="md-nav md-nav--primary"'
_NAV_TAG = re.compile(r"<nav\b|</nav>")


def _menu(page: str) -> str:
    """The main menu of a built page (nested <nav> elements included), white space folded."""
    start = page.index(_MENU_START)
    depth = 0
    for tag in _NAV_TAG.finditer(page, start):
        depth += 1 if tag.group(0) == "<nav" else -1
        if depth == 0:
            menu = page[start : tag.end()]
            return re.sub(r">\s+<", "><", " ".join(menu.split()))
    raise AssertionError("het menu wordt niet afgesloten")


def _menus(site: Path) -> dict[str, str]:
    return {
        path.relative_to(site).as_posix(): _menu(path.read_text(encoding="utf-8"))
        for path in sorted(site.rglob("*.html"))
        if _MENU_START in path.read_text(encoding="utf-8")
    }


@pytest.fixture(scope="module")
def both_menus(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, str], dict[str, str]]:
    folder = tmp_path_factory.mktemp("menu")
    project = benchmark.write_project(folder / "project", benchmark.Layout.of(60, 4, local=True))
    # Sections in sections, which Material's macro renders: a top-level folder whose first
    # entry is a folder, and a folder inside the open section of the page compared below.
    for nested in ("archief/2025", "thema-02/verdieping"):
        (project / "content" / nested).mkdir(parents=True)
        (project / "content" / nested / "pagina-01.md").write_text(_ARCHIVED_PAGE, encoding="utf-8")
    ours = run_build(project, folder / "ours")
    assert ours.returncode == 0, ours.output
    (project / "overrides" / "partials" / "nav.html").unlink()
    materials = run_build(project, folder / "material")
    assert materials.returncode == 0, materials.output
    return _menus(ours.site), _menus(materials.site)


def test_every_page_has_the_same_menu_as_with_materials_partial(
    both_menus: tuple[dict[str, str], dict[str, str]],
) -> None:
    ours, materials = both_menus
    assert sorted(ours) == sorted(materials)
    assert len(ours) > 60  # every page, the generated pages and 404.html
    assert [page for page in ours if ours[page] != materials[page]] == []


def test_the_menus_compared_have_closed_sections_and_an_open_one(
    both_menus: tuple[dict[str, str], dict[str, str]],
) -> None:
    """The comparison covers what is written out and what Material's macro renders."""
    menu = both_menus[0]["thema-02/pagina-03/index.html"]
    assert menu.count("md-nav__item--pruned") >= 3  # environments, thema-01, archief, ...
    assert 'href="../../archief/2025/pagina-01/"' in menu  # the section that starts with one
    # thema-02 is open: its pages, the reader's page with its contents, a folder in it.
    assert menu.count('aria-expanded="true"') == 1
    assert 'href="../pagina-04/"' in menu
    assert 'class="md-nav__link md-nav__link--active"' in menu
    assert 'href="../verdieping/pagina-01/"' in menu
