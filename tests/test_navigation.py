"""The faster menu (overrides/partials/nav.html) gives the same menu as Material's own.

A synthetic fork (scripts/benchmark.py: environments, topic folders, a local
layer) plus a folder that starts with a subfolder is built twice: with our
nav.html, and with it removed so that Material's partial renders the menu.
On every page the main menu must be the same HTML, apart from white space
between tags.

A big site (126 top-level folders) is where the design deliberately differs:
Material puts every top-level entry in every page, ours groups them (nav.html
says why). There every entry our menu shows is still Material's HTML for it,
the groups hold all entries in order, and on both sites every page in the menu
can be reached from the start page by following menu links only.
"""

from __future__ import annotations

import posixpath
import re
from collections import deque
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
_LI_TAG = re.compile(r"<li\b|</li>")
_HREF = re.compile(r'href="([^"#]*)(?:#[^"]*)?"')
_GROUP = "handboek-menugroep"
# The handbook's own top-level entries, which nav.html never groups.
_FIXED = ["Start", "Omgevingen", "Overzicht", "Zelfscan voor gemeenten", "Open data"]


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


def _build_both(project: Path, folder: Path) -> tuple[Path, Path]:
    """The site with our nav.html, and with Material's partial instead."""
    ours = run_build(project, folder / "ours")
    assert ours.returncode == 0, ours.output
    (project / "overrides" / "partials" / "nav.html").unlink()
    materials = run_build(project, folder / "material")
    assert materials.returncode == 0, materials.output
    return ours.site, materials.site


@pytest.fixture(scope="module")
def small_sites(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("menu")
    project = benchmark.write_project(folder / "project", benchmark.Layout.of(60, 4, local=True))
    # Sections in sections, which Material's macro renders: a top-level folder whose first
    # entry is a folder, and a folder inside the open section of the page compared below.
    for nested in ("archief/2025", "thema-02/verdieping"):
        (project / "content" / nested).mkdir(parents=True)
        (project / "content" / nested / "pagina-01.md").write_text(_ARCHIVED_PAGE, encoding="utf-8")
    return _build_both(project, folder)


@pytest.fixture(scope="module")
def big_sites(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """131 top-level entries: the handbook's five and 126 folders of one page each."""
    folder = tmp_path_factory.mktemp("groot")
    layout = benchmark.Layout(pages=130, environments=3, short=True, topic_pages=1)
    return _build_both(benchmark.write_project(folder / "project", layout), folder)


@pytest.fixture(scope="module")
def both_menus(small_sites: tuple[Path, Path]) -> tuple[dict[str, str], dict[str, str]]:
    return _menus(small_sites[0]), _menus(small_sites[1])


@pytest.fixture(scope="module")
def big_menus(big_sites: tuple[Path, Path]) -> tuple[dict[str, str], dict[str, str]]:
    return _menus(big_sites[0]), _menus(big_sites[1])


def _items(menu_list: str) -> list[str]:
    """The <li> elements directly in a folded `<ul ...>...</ul>`, each with its contents."""
    items, depth, start = [], 0, 0
    for tag in _LI_TAG.finditer(menu_list):
        if tag.group(0) == "<li":
            depth += 1
            if depth == 1:
                start = tag.start()
        else:
            depth -= 1
            if depth == 0:
                items.append(menu_list[start : tag.end()])
    return items


def _inner_list(item: str) -> str:
    return item[item.index('<ul class="md-nav__list"') : item.rindex("</ul>")]


def _title(item: str) -> str:
    title = re.search(r'<span class="md-ellipsis">([^<]*)</span>', item)
    assert title is not None, item
    return title.group(1).strip()


def _start_tag(item: str) -> str:
    return item.split(">", 1)[0]


def _shown_entries(items: list[str]) -> tuple[list[str], list[str]]:
    """The entries our menu shows, open groups unpacked, and the closed groups' titles."""
    entries, closed = [], []
    for item in items:
        if _GROUP not in _start_tag(item):
            entries.append(item)
        elif "md-nav__item--active" in _start_tag(item):
            inner_entries, inner_closed = _shown_entries(_items(_inner_list(item)))
            entries += inner_entries
            closed += inner_closed
        else:
            closed.append(_title(item))
    return entries, closed


def _menu_links(page: str, site: Path) -> set[str]:
    """The pages the main menu of a built page links to, as paths in the site."""
    folder = posixpath.dirname(page)
    links = set()
    for href in _HREF.findall(_menu((site / page).read_text(encoding="utf-8"))):
        if href:  # not a link to a heading on the page itself
            # 404.html links from the root: it is served at any address.
            target = posixpath.normpath(
                href[1:] or "." if href[0] == "/" else posixpath.join(folder, href)
            )
            links.add(target if target.endswith(".html") else posixpath.join(target, "index.html"))
    return {link.removeprefix("./") for link in links}


def _reachable(site: Path) -> set[str]:
    """Breadth-first from the start page, following only links in the main menu."""
    seen, queue = {"index.html"}, deque(["index.html"])
    while queue:
        for link in _menu_links(queue.popleft(), site) - seen:
            assert (site / link).is_file(), f"het menu linkt naar {link}, dat niet bestaat"
            seen.add(link)
            queue.append(link)
    return seen


def _pages_in_materials_menu(site: Path) -> set[str]:
    """Every page that Material's menu links to, on any page: the pages in the menu."""
    return set().union(*(_menu_links(page, site) for page in _menus(site))) | {"index.html"}


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
    assert _GROUP not in "".join(both_menus[0].values())  # a site like the handbook: no groups


def test_every_page_is_reachable_from_the_start_page_through_the_menu(
    small_sites: tuple[Path, Path], big_sites: tuple[Path, Path]
) -> None:
    for ours, materials in (small_sites, big_sites):
        expected = _pages_in_materials_menu(materials)
        assert len(expected) > 60
        assert _reachable(ours) == expected
        # Left out: only the pages that are not in the menu, the print page and the error page.
        assert sorted(set(_menus(ours)) - expected) == ["404.html", "afdrukken/index.html"]


def test_a_big_site_groups_the_top_level_and_shows_materials_entries(
    big_menus: tuple[dict[str, str], dict[str, str]],
) -> None:
    """Deliberately unlike Material: not every top-level entry on every page (nav.html).

    Material's menu here has 131 top-level entries on every page, so at 10,000 pages
    a page is mostly menu. Ours keeps the handbook's five, then at most ten groups of
    at most ten. Every entry it does show is exactly Material's HTML for that entry:
    the five, and the entries of the reader's own group, a consecutive run of
    Material's list that holds the reader's page.
    """
    ours, materials = big_menus
    assert sorted(ours) == sorted(materials)
    outside_groups = ("404.html", "afdrukken/", "index.html", "omgevingen/", "overzicht/")
    for page, menu in ours.items():
        expected = _items(_inner_list(materials[page]))
        assert len(expected) == 131
        top = _items(_inner_list(menu))
        assert len(top) == 7, page  # the five and two groups
        entries, closed = _shown_entries(top)
        assert entries[:5] == expected[:5], page
        assert [_title(entry) for entry in entries[:5]] == _FIXED
        rest = entries[5:]
        if page.startswith(outside_groups) or page.startswith(("zelfscan/", "open-data/")):
            assert (rest, len(closed)) == ([], 2), page  # every group closed
        else:
            start = expected.index(rest[0])
            assert rest == expected[start : start + len(rest)], page
            assert len(rest) == 9, page
            assert "md-nav__item--active" in "".join(rest), page
            assert len(closed) == 1 + 6, page  # the other group, the six others in this one


def test_the_groups_of_a_big_site_are_in_order_and_cover_every_entry(
    big_menus: tuple[dict[str, str], dict[str, str]],
) -> None:
    top = _items(_inner_list(big_menus[0]["thema-070/pagina-01/index.html"]))
    # 126 folders after the five: two groups of 63, each of seven groups of nine.
    assert [_title(item) for item in top[5:]] == ["Thema 001 – Thema 063", "Thema 064 – Thema 126"]
    second = top[6]
    assert 'aria-expanded="true"' in second
    assert 'for="__nav_groep_1_69" id="__nav_groep_1_69_label" tabindex="0"' in second
    inner = _items(_inner_list(second))
    assert [_title(item) for item in inner] == [
        f"Thema {first:03d} – Thema {first + 8:03d}" for first in range(64, 127, 9)
    ]
    # A closed group is one link to its first page; the open one holds thema-064 ... thema-072.
    assert '<a href="../../thema-001/pagina-01/" class="md-nav__link">' in top[5]
    assert '<a href="../../thema-073/pagina-01/" class="md-nav__link">' in inner[1]
    entries, closed = _shown_entries(top)
    assert [_title(entry) for entry in entries[5:]] == [f"Thema {n:03d}" for n in range(64, 73)]
    assert closed == ["Thema 001 – Thema 063"] + [_title(item) for item in inner[1:]]


@pytest.mark.parametrize(
    ("folders", "groups"),
    [(10, []), (11, ["Thema 01 – Thema 05", "Thema 06 – Thema 11"])],
    ids=["15 entries", "16 entries"],
)
def test_groups_start_above_fifteen_top_level_entries_and_are_balanced(
    tmp_path: Path, folders: int, groups: list[str]
) -> None:
    layout = benchmark.Layout(pages=4 + folders, environments=3, short=True, topic_pages=1)
    built = run_build(benchmark.write_project(tmp_path / "project", layout), tmp_path / "site")
    assert built.returncode == 0, built.output
    top = _items(_inner_list(_menus(built.site)["index.html"]))
    assert [_title(item) for item in top[:5]] == _FIXED
    assert [_title(item) for item in top[5:]] == (
        groups or [f"Thema {n:02d}" for n in range(1, 11)]
    )
