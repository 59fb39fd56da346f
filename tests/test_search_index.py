"""The search index made by handboek.search_index is the one Material's search plugin makes.

Material's own `SearchIndex` and `Parser` (material/plugins/search/plugin.py) are the
expectation throughout:

- crafted HTML: every case Material reads in a way worth pinning (character references,
  nested headings, headings without id, empty kept tags, whitespace in `pre`,
  permalinks, tables, comments, left-out elements), each compared with Material, and
  some with the exact entries, so the comparison itself is checked too;
- real builds in this process (`mkdocs.commands.build.build`, the hook and
  Material as in `mkdocs build --strict`) of the real content and of a synthetic
  project of scripts/benchmark.py: every page's entries equal those Material makes of
  the same page, and `search/search_index.json` is byte for byte what the previous
  way wrote. That expectation is computed during the build with Material itself: at
  Material's own `on_page_context`, each page (its HTML at that moment, its table
  of contents and address, its settings as they were before the hook excluded it) is
  also given to a second, Material-made `SearchIndex`; after the build that index
  writes its JSON (`generate_search_index`, with the configuration of the site's
  search plugin), and the previous hook's step follows: read it, add the search words
  (`handboek.search.add_search_words`), write it compact. The file the build wrote
  must equal that string.
"""

from __future__ import annotations

import copy
import json
import os
import random
import shutil
import types
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from material.plugins.search import plugin as material_search
from mkdocs.commands.build import build
from mkdocs.config import load_config

from handboek import search, search_index
from handboek.check import check_content
from handboek.model import GENERATED_PATHS
from tests.conftest import BUILD_ENVIRONMENT, copy_project, load_benchmark

PERMALINK = '<a class="headerlink" href="#{0}" title="Link naar dit onderdeel">&para;</a>'


def material_entries(
    content: str, toc: Any = (), url: str = "p/", title: str = "Pagina", meta: Any = None
) -> list[dict[str, Any]]:
    index = material_search.SearchIndex()
    page = types.SimpleNamespace(content=content, toc=toc, url=url, title=title, meta=meta or {})
    index.add_entry_from_context(page)
    return index.entries


def our_entries(
    content: str, toc: Any = (), url: str = "p/", title: str = "Pagina", meta: Any = None
) -> list[dict[str, Any]]:
    return search_index.page_entries(content, toc, url, title, meta or {})


def test_material_segments_no_chinese_text_here() -> None:
    # With the package jieba installed Material would segment Chinese text; page_entries
    # does not (see its docstring), so the comparison is only valid without it.
    assert material_search.jieba is None


# Crafted HTML: each is compared with Material's parser.
CASES = {
    "koppen en permalinks": (
        f'<h1 id="titel">Titel{PERMALINK.format("titel")}</h1>\n<p>Inleiding.</p>\n'
        f'<h2 id="a">Een <code>kop</code> &amp; meer{PERMALINK.format("a")}</h2>\n<p>Tekst.</p>'
    ),
    "tekens": "<p>&amp; &lt;b&gt; &eacute;&#233;&#xE9; &amp &copy &notanentity; &#0; &nbsp;</p>",
    "tekens in attributen": '<h2 id="a&amp;b">A</h2><p title="&quot;x&quot;">t</p>',
    "geneste koppen": (
        '<h1 id="t">T</h1><div><div><h2 id="binnen">Binnen</h2><p>in</p></div>'
        '<p>nog in div</p></div><p>erna</p><h3 id="c">C</h3><p>c</p>'
    ),
    "koppen zonder id": '<h1 id="t">T</h1><p>a</p><h2>Zonder id</h2><p>b</p><h1>Nog een</h1>',
    "eerste kop geen h1": '<p>voor</p><h2 id="x">X</h2><p>x</p>',
    "eerste kop h2 zonder tekst ervoor": '<h2 id="x">X</h2><p>x</p>',
    "eerste kop h1 zonder id": "<h1>T</h1><p>x</p>",
    "alleen tekst": "gewoon tekst & meer",
    "lege tags": "<p></p><p>  \n </p><ul>\n<li></li>\n</ul><p>a</p><p></p><sup> </sup><sub>2</sub>",
    "lege tag na inhoud": "<p>a</p>\n<p>\n</p>\n<code> </code>",
    "pre": "<pre><code>regel 1\n\n    regel 2 &lt;x&gt;\n\t</code></pre>\n\n<p>a\nb</p>",
    "witruimte": "<p>a  b\n\nc</p>\n\n\n<p> </p>\n \n<div>\n</div>\n<p>d</p>",
    "tabel": (
        "<table>\n<thead>\n<tr>\n<th>Kop</th>\n<th>Twee</th>\n</tr>\n</thead>\n"
        "<tbody>\n<tr>\n<td><strong>1</strong></td>\n<td><em>2</em></td>\n</tr>\n</tbody>\n</table>"
    ),
    "opmerkingen": "<p>a<!-- weg -->b <!-- - -- > c --\n> d</p><!----><!---->\n<p>e</p>",
    "void en zelfsluitend": '<p>a<br>b<br/>c<img src="x.png" alt="y"><hr /><span/>d<p/>e</p>',
    "hoofdletters": '<H2 ID="Up">Kop</H2><P CLASS="x">Tekst</P></p>',
    "losse kleiner-dan": "<p>a < b <= c</p> <",
    "attributen": (
        "<p data-x='1' class=a id = b checked title=\"x > y\" lang=nl/>tekst</p>"
        '<a href="a.md" class="headerlink x">niet de permalink</a>'
    ),
    "uitgesloten element": (
        "<p>a</p><div data-search-exclude><p>weg</p><div>binnen</div>terug</div><p>b</p>"
    ),
    "uitgesloten kop": (
        '<h1 id="t">T</h1><h2 id="x" data-search-exclude>X</h2><p>x</p><h2 id="y">Y</h2>'
    ),
    "linenodiv": '<div class="linenodiv"><pre>1\n2</pre></div><pre>code</pre>',
    "object": "<p>a<object data=x.svg><p>weg</p></object>b</p>",
    "eindtag die niet sluit": "<p>a<em>b</p>c</em>d</p></div>e",
    "kop in lijst": '<ul><li><h2 id="l">L</h2>in</li><li>twee</li></ul><p>na</p>',
    "citaat": "<blockquote>\n<p>Citaat.</p>\n<p>— Rol</p>\n</blockquote>",
    "details": "<details><summary>Meer</summary><p>verborgen</p></details>",
    "declaraties": (
        "<!DOCTYPE html>\n<p>a<![CDATA[ x < y ]]>b <![if mso]>c<![endif]> <?php echo 1 ?>"
        " <!x> d</p>"
    ),
    "vreemde eindtags": "<p>a</p x>b<em>c</ em>d</ 1>e</>f</em\x00>g</p>",
    "lege pagina": "",
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_crafted_html_gives_materials_entries(name: str) -> None:
    assert our_entries(CASES[name]) == material_entries(CASES[name])


def test_the_crafted_cases_give_entries_with_text() -> None:
    # Equal because both are empty would prove nothing: all but the empty page have text.
    empty = [name for name, content in CASES.items() if not our_entries(content)]
    assert empty == ["lege pagina"]


def test_sections_titles_and_permalinks() -> None:
    assert our_entries(CASES["koppen en permalinks"]) == [
        {"location": "p/", "title": "Titel", "text": "<p>Inleiding.</p>"},
        {"location": "p/#a", "title": "Een <code>kop</code> &amp; meer", "text": "<p>Tekst.</p>"},
    ]


def test_a_heading_in_a_div_ends_where_the_div_ends() -> None:
    assert our_entries(CASES["geneste koppen"]) == [
        # The inner div closes the section: what follows is in the section before it.
        {"location": "p/", "title": "T", "text": "<p>nog in div</p><p>erna</p>"},
        {"location": "p/#binnen", "title": "Binnen", "text": "<p>in</p>"},
        {"location": "p/#c", "title": "C", "text": "<p>c</p>"},
    ]


def test_only_the_first_kept_tag_of_a_kind_is_looked_back_to() -> None:
    # The empty <p> after <p>a</p> stays (Material looks back to the first <p>).
    assert our_entries("<p></p><p> </p><p>a</p><p></p><li> </li>") == [
        {"location": "p/", "title": "Pagina", "text": "<p>a</p><p></p>"}
    ]


def test_an_excluded_element_ends_at_the_first_element_of_its_name() -> None:
    assert our_entries(CASES["uitgesloten element"]) == [
        {"location": "p/", "title": "Pagina", "text": "<p>a</p>terug<p>b</p>"}
    ]


def test_characters_are_unescaped_and_escaped_again() -> None:
    assert our_entries(CASES["tekens"])[0]["text"] == (
        "<p>&amp; &lt;b&gt; ééé &amp; © ¬anentity; \ufffd \xa0</p>"
    )
    # A page that starts with an h2 has a preface section first (here an empty one).
    assert [entry["location"] for entry in our_entries(CASES["tekens in attributen"])] == [
        "p/",
        "p/#a&b",
    ]


def test_whitespace_is_kept_in_pre_only() -> None:
    assert our_entries(CASES["pre"])[0]["text"] == (
        "<pre><code>regel 1\n\n    regel 2 &lt;x&gt;\n\t</code></pre> <p>a b</p>"
    )


def test_toc_title_tags_boost_and_exclude_come_from_the_page() -> None:
    toc = [
        types.SimpleNamespace(
            id="t",
            url="#t",
            children=[types.SimpleNamespace(id="b", url="#anders", children=[])],
        )
    ]
    content = '<h1 id="t">T</h1><p>a</p><h2 id="b">B</h2><h2 id="c">C</h2><p>c</p>'
    meta = {"title": "Eigen titel", "tags": ["x", 3, None, "", ["lijst"]], "search": {"boost": 2}}
    expected = [
        {"location": "p/", "title": "T", "text": "<p>a</p>", "tags": ["x", "3"], "boost": 2},
        {"location": "p/#anders", "title": "B", "text": "", "tags": ["x", "3"], "boost": 2},
        {"location": "p/#c", "title": "C", "text": "<p>c</p>", "tags": ["x", "3"], "boost": 2},
    ]
    assert our_entries(content, toc, meta=meta) == expected
    assert material_entries(content, toc, meta=meta) == expected
    untitled = "<p>voor de kop</p>"
    assert our_entries(untitled, meta={"title": "Uit meta"})[0]["title"] == "Uit meta"
    assert our_entries(untitled, title="Uit pagina")[0]["title"] == "Uit pagina"
    for meta in ({"title": "Uit meta"}, {}):
        assert our_entries(untitled, meta=meta) == material_entries(untitled, meta=meta)
    excluded = {"search": {"exclude": True, "boost": 3}}
    assert our_entries(content, meta=excluded) == material_entries(content, meta=excluded) == []


# Random documents of the pieces that matter, in any order and nesting (also wrong nesting).
_TAGS = ("p", "div", "span", "a", "em", "code", "pre", "li", "ul", "sub", "h1", "h2", "h3", "td")
_ATTRIBUTES = (
    "",
    "",
    ' id="x"',
    " id=y",
    ' class="headerlink"',
    " data-search-exclude",
    ' class="linenodiv"',
    ' id="z" data-search-exclude',
    ' title="a &amp; b"',
)
_TEXTS = ("tekst", " ", "\n", "\n\n", " \n ", "&amp;", "&eacute;n", "a < b", "\t x\ny ", "&nbsp;")
_OTHERS = (
    "<!-- c -->",
    "<br>",
    "<img src=a.png>",
    "<hr/>",
    "<span/>",
    "<p/>",
    "<object>",
    "<![CDATA[ a ]]>",
    "<?x?>",
    "</p x>",
    "</ 1>",
)


def _random_html(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(1, 40)):
        kind = rng.random()
        if kind < 0.35:
            parts.append(f"<{rng.choice(_TAGS)}{rng.choice(_ATTRIBUTES)}>")
        elif kind < 0.6:
            parts.append(f"</{rng.choice((*_TAGS, 'object'))}>")
        elif kind < 0.9:
            parts.append(rng.choice(_TEXTS))
        else:
            parts.append(rng.choice(_OTHERS))
    return "".join(parts)


def _outcome(entries: Any, content: str) -> Any:
    """The entries, or the kind of error: Material fails on some wrongly nested HTML
    (`list.index` finds no opening tag), and page_entries fails alike."""
    try:
        return entries(content)
    except ValueError as error:
        return type(error)


def test_random_html_gives_materials_entries() -> None:
    rng = random.Random(17)
    documents = [_random_html(rng) for _ in range(3000)]
    different = [
        content
        for content in documents
        if _outcome(our_entries, content) != _outcome(material_entries, content)
    ]
    assert different == []
    # Most documents give entries (the comparison is not of errors only).
    assert sum(isinstance(_outcome(our_entries, content), list) for content in documents) > 2500


_NO_END = "een opmerking, declaratie of instructie zonder einde"
UNSUPPORTED = {
    "<p>a</p><script>var a = '<p>';</script>": "regel 1 van de HTML van de pagina: het element"
    " <script> (\"<script>var a = '<p>';</script>\")",
    "<p>a</p>\n<STYLE media=print>p {}</STYLE>": "regel 2 van de HTML van de pagina: het element"
    " <style> ('<STYLE media=print>p {}</STYLE>')",
    "<p>a <!-- nooit dicht</p>": f"regel 1 van de HTML van de pagina: {_NO_END}"
    " ('<!-- nooit dicht</p>')",
    "<p>a</p>\n\n<!DOCTYPE html": f"regel 3 van de HTML van de pagina: {_NO_END}"
    " ('<!DOCTYPE html')",
    "<p><![CDATA[x]></p>": f"regel 1 van de HTML van de pagina: {_NO_END} ('<![CDATA[x]></p>')",
    "<p><![onbekend[x]]></p>": f"regel 1 van de HTML van de pagina: {_NO_END}"
    " ('<![onbekend[x]]></p>')",
    "<p>a <?php echo 1": f"regel 1 van de HTML van de pagina: {_NO_END} ('<?php echo 1')",
    '<p>a</p><a href="x': "regel 1 van de HTML van de pagina: een begintag zonder einde"
    " ('<a href=\"x')",
    "<p>a</p></p": "regel 1 van de HTML van de pagina: een eindtag zonder einde ('</p')",
    "<p\x00>x</p>": "regel 1 van de HTML van de pagina: een begintag zonder einde"
    " ('<p\\x00>x</p>')",
}


@pytest.mark.parametrize("content", sorted(UNSUPPORTED))
def test_html_that_is_not_supported_stops_with_where_it_is(content: str) -> None:
    with pytest.raises(search_index.UnsupportedHtml) as error:
        our_entries(content)
    assert str(error.value) == (
        f"{UNSUPPORTED[content]}; de zoekindex leest dat niet zoals Material"
        " (zie src/handboek/search_index.py)"
    )


def test_the_index_gets_the_entries_only_when_material_wrote_none() -> None:
    config = {"lang": ["nl"], "fields": {}}
    entries = [{"location": "p/", "title": "T", "text": ""}]
    assert search_index.with_entries({"config": config, "docs": []}, entries) == {
        "config": config,
        "docs": entries,
    }
    with pytest.raises(ValueError, match="Material schreef zelf 1 onderdelen in de zoekindex"):
        search_index.with_entries({"config": config, "docs": entries}, entries)


# Real builds in this process: the hook and Material as in `mkdocs build --strict`.


@dataclass(frozen=True)
class Indexed:
    """One build: every page's entries made by the hook and by Material, and the files."""

    ours: dict[str, list[dict[str, Any]]]
    """The entries page_entries made, by the page's address, in build order."""
    materials: dict[str, list[dict[str, Any]]]
    """The entries Material's SearchIndex made of the same page at its on_page_context."""
    expected_index: str
    """search/search_index.json as the previous way wrote it (see the module docstring)."""
    written_index: str
    """search/search_index.json as this build wrote it."""


@pytest.fixture
def build_with_material(monkeypatch: pytest.MonkeyPatch) -> Any:
    """A function that builds a project in this process and returns its `Indexed`."""
    for name, value in BUILD_ENVIRONMENT.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("HANDBOEK_WEBADRES", raising=False)
    real_page_entries = search_index.page_entries
    real_add_entry = material_search.SearchIndex.add_entry_from_context

    def run(project: Path, dirty: bool = False) -> Indexed:
        ours: dict[str, list[dict[str, Any]]] = {}
        own_meta: dict[str, dict[str, Any]] = {}
        materials: dict[str, list[dict[str, Any]]] = {}

        def page_entries(content: str, toc: Any, url: str, title: Any, meta: Any) -> Any:
            own_meta[url] = dict(meta)  # as the page had it, before the hook excludes it
            entries = real_page_entries(content, toc, url, title, meta)
            ours[url] = copy.deepcopy(entries)  # on_post_build adds the search words to them
            return entries

        def add_entry_from_context(index: Any, page: Any) -> None:
            real_add_entry(index, page)  # Material's own index: the hook excluded the page
            shown = types.SimpleNamespace(
                content=page.content,
                toc=page.toc,
                url=page.url,
                title=page.title,
                meta=own_meta[page.url],
            )
            shadow = material_search.SearchIndex()
            real_add_entry(shadow, shown)
            materials[page.url] = shadow.entries

        site = project / "site"
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(search_index, "page_entries", page_entries)
            patch.setattr(
                material_search.SearchIndex, "add_entry_from_context", add_entry_from_context
            )
            patch.chdir(project)
            # Not strict when dirty: MkDocs warns that a dirty build is for development only.
            config = load_config(str(project / "mkdocs.yml"), site_dir=str(site), strict=not dirty)
            config.plugins.on_startup(command="serve" if dirty else "build", dirty=dirty)
            build(config, dirty=dirty)
            config.plugins.on_shutdown()
        return Indexed(ours, materials, _expected(config, materials, project), _written(site))

    return run


def _expected(config: Any, materials: dict[str, list[dict[str, Any]]], project: Path) -> str:
    settings = config.plugins["material/search"].search_index.config
    index = material_search.SearchIndex(**settings)
    index.entries = [entry for entries in materials.values() for entry in entries]
    written_by_material = index.generate_search_index(None)
    synonyms = check_content(project / "content", project).synonyms
    with_words = search.add_search_words(json.loads(written_by_material), synonyms)
    return json.dumps(with_words, separators=(",", ":"))


def _written(site: Path) -> str:
    return (site / "search" / "search_index.json").read_text(encoding="utf-8")


def _pages(project: Path) -> int:
    """How many pages a build of the project has: its content's and the generated ones."""
    return len(list((project / "content").rglob("*.md"))) + len(GENERATED_PATHS)


def _assert_material_made_the_same(indexed: Indexed, pages: int) -> None:
    assert len(indexed.ours) == pages
    assert list(indexed.ours) == list(indexed.materials)
    for url, entries in indexed.ours.items():
        assert entries == indexed.materials[url], url
    assert indexed.written_index == indexed.expected_index


def test_the_real_content_gives_materials_index(build_with_material: Any, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    indexed = build_with_material(project)
    _assert_material_made_the_same(indexed, _pages(project))
    # The print-all page excludes itself: no entries.
    assert indexed.ours["afdrukken/"] == indexed.materials["afdrukken/"] == []
    index = json.loads(indexed.written_index)
    assert len(index["docs"]) > 50
    assert index["config"]["lang"] == ["nl"]
    assert index["docs"][0]["location"] == ""


def test_the_benchmark_pages_give_materials_index(build_with_material: Any, tmp_path: Path) -> None:
    benchmark = load_benchmark()
    project = benchmark.write_project(tmp_path / "project", benchmark.Layout.of(40, 4, local=True))
    indexed = build_with_material(project)
    _assert_material_made_the_same(indexed, 40 + len(GENERATED_PATHS))


def test_entries_do_not_pile_up_between_builds(build_with_material: Any, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    extra = (project / "content" / "privacy.md").read_text(encoding="utf-8")
    (project / "content" / "extra.md").write_text(
        extra.replace("titel: Privacy", "titel: Extra"), encoding="utf-8"
    )
    first = build_with_material(project)
    assert any(
        doc["location"].startswith("extra/") for doc in json.loads(first.written_index)["docs"]
    )
    (project / "content" / "extra.md").unlink()
    shutil.rmtree(project / "site")
    second = build_with_material(project)  # the same hook module: its entries were reset
    _assert_material_made_the_same(second, _pages(project))
    assert not any(
        doc["location"].startswith("extra/") for doc in json.loads(second.written_index)["docs"]
    )


def test_a_dirty_rebuild_keeps_the_entries_of_the_pages_it_does_not_rebuild(
    build_with_material: Any, tmp_path: Path
) -> None:
    project = copy_project(tmp_path / "project")
    first = build_with_material(project, dirty=True)
    _assert_material_made_the_same(first, _pages(project))
    os.utime(project / "content" / "over.md")  # changed since the site was written
    second = build_with_material(project, dirty=True)
    # Only the changed page and the generated pages (always rebuilt) were indexed again...
    generated = [path.removesuffix(".md") + "/" for path in GENERATED_PATHS]
    assert sorted(second.ours) == sorted(["over/", *generated])
    # ... and the index still has every page, as after the full build.
    assert second.written_index == first.written_index


def _hook() -> types.ModuleType:
    """hooks/handboek_hook.py, loaded as MkDocs loads it (a module of its own)."""
    import importlib.util

    location = Path(__file__).resolve().parents[1] / "hooks" / "handboek_hook.py"
    spec = importlib.util.spec_from_file_location("handboek_hook_under_test", location)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_build_names_the_editors_page_when_the_index_cannot_read_it(tmp_path: Path) -> None:
    from mkdocs.exceptions import PluginError

    hook = _hook()
    config = types.SimpleNamespace(
        config_file_path=str(tmp_path / "mkdocs.yml"), docs_dir=str(tmp_path / "content")
    )
    page = types.SimpleNamespace(
        file=types.SimpleNamespace(src_uri="omgevingen/buurt.md"),
        toc=[],
        url="omgevingen/buurt/",
        title="Buurt",
        meta={},
    )
    with pytest.raises(PluginError) as error:
        hook.on_page_content('<p>a</p><a href="x', page=page, config=config, files=None)
    assert str(error.value) == (
        "content/omgevingen/buurt.md: de zoekindex kan deze pagina niet lezen: regel 1 van de "
        "HTML van de pagina: een begintag zonder einde ('<a href=\"x'); de zoekindex leest dat "
        "niet zoals Material (zie src/handboek/search_index.py)\n"
        "  tip: kijk in deze pagina of een HTML-code zoals <...> niet wordt afgesloten; "
        "'handboek check' hoort dat eerder te melden, meld het dus ook als probleem"
    )


def test_the_build_stops_cleanly_when_material_indexed_pages_itself(tmp_path: Path) -> None:
    from mkdocs.exceptions import PluginError

    hook = _hook()
    index = tmp_path / "search" / "search_index.json"
    index.parent.mkdir()
    index.write_text('{"config": {}, "docs": [{"location": "", "title": "", "text": ""}]}')
    with pytest.raises(PluginError) as error:
        hook.on_post_build(config=types.SimpleNamespace(site_dir=str(tmp_path)))
    assert str(error.value).startswith("search/search_index.json: Material schreef zelf 1 ")
