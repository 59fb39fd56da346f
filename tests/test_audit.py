"""The audit of the built output: pages, stylesheets and SVG files, with exact Dutch messages.

The audit reads what the build writes, so these cases feed it HTML, CSS and SVG
directly (as a page would look if something slipped past the content checks),
and build real sites where content slips something through: the build must
stop cleanly (non-zero, no traceback), name the source file and line, and not
write the page.
"""

from __future__ import annotations

import base64
import hashlib
import re
import shutil
from pathlib import Path

import pytest

from handboek import audit, audit_build, audit_svg, csp
from handboek.audit_build import BuildAudit
from handboek.audit_html import Rules
from handboek.audit_url import Site, load_problem, navigation_problem, srcset_addresses
from handboek.local import colours
from tests.conftest import ROOT, run_build
from tests.test_local import GEMEENTE, check, make_fork

RULES = Rules(script_files=frozenset({"assets/javascripts/bundle.js"}))
CONFIG = '<script id="__config" type="application/json">{"base": ".."}</script>'
CODE_HINT = "de site voert geen code uit de inhoud uit; verwijder het"
FIXTURE = ROOT / "tests" / "fixtures" / "gemeente-voorbeeld"


def page(body: str) -> str:
    return (
        '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>t</title></head>'
        f"<body>{body}{CONFIG}</body></html>"
    )


def audited(body: str, source: str, expected: frozenset[str] = frozenset()) -> audit.PageAudit:
    return audit.audit_page(
        page(body),
        Site("over/index.html"),
        lambda: [audit.Source("content/over.md", source)],
        RULES,
        expected,
    )


PAGE_CASES = [
    pytest.param(
        '<p onclick="alert(1)">Klik hier.</p>',
        'Klik hier.\n{: onclick="alert(1)" }\n',
        ["2: in de gebouwde pagina over/index.html: het attribuut 'onclick' in <p> voert code uit"],
        id="event-handler-from-attr-list",
    ),
    pytest.param(
        '<a href="jav&#x09;ascript:alert(1)">x</a>',
        'Tekst\n<a href="jav&#x09;ascript:alert(1)">x</a>\n',
        [
            (
                '2: in de gebouwde pagina over/index.html: <a href="jav\\x09ascript:alert(1)">: '
                "een link met 'javascript:' is niet toegestaan"
            )
        ],
        id="javascript-link-with-entity-tab",
    ),
    pytest.param(
        '<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>',
        "[x](data:text/html;base64,PHNjcmlwdD4=)\n",
        [
            (
                "1: in de gebouwde pagina over/index.html: <a "
                "href=\"data:text/html;base64,PHNjcmlwdD4=\">: een link met 'data:' is niet "
                "toegestaan"
            )
        ],
        id="data-html-link",
    ),
    pytest.param(
        '<a href="VBScript:msgbox(1)">x</a>',
        '<a href="VBScript:msgbox(1)">x</a>\n',
        [
            (
                '1: in de gebouwde pagina over/index.html: <a href="VBScript:msgbox(1)">: een '
                "link met 'vbscript:' is niet toegestaan"
            )
        ],
        id="vbscript-link",
    ),
    pytest.param(
        '<img src="https://cdn.voorbeeld.example/volg.png" alt="x">',
        "\n![x](https://cdn.voorbeeld.example/volg.png)\n",
        [
            (
                "2: in de gebouwde pagina over/index.html: <img "
                'src="https://cdn.voorbeeld.example/volg.png"> laadt iets van een andere website'
            )
        ],
        id="image-from-other-host",
    ),
    pytest.param(
        '<img src="foto.png" srcset="foto.png 1x, https://cdn.voorbeeld.example/a.png 2x" alt="x">',
        '![x](foto.png){: srcset="foto.png 1x, https://cdn.voorbeeld.example/a.png 2x" }\n',
        [
            (
                '1: in de gebouwde pagina over/index.html: <img srcset="foto.png 1x, '
                'https://cdn.voorbeeld.example/a.png 2x"> laadt iets van een andere website'
            )
        ],
        id="srcset-from-other-host",
    ),
    pytest.param(
        '<img src="\\\\cdn.voorbeeld.example\\a.png" alt="x">',
        '<img src="\\\\cdn.voorbeeld.example\\a.png" alt="x">\n',
        [
            (
                "1: in de gebouwde pagina over/index.html: <img "
                'src="\\\\cdn.voorbeeld.example\\a.png"> laadt iets van een andere website'
            )
        ],
        id="backslash-host",
    ),
    pytest.param(
        '<video src="film.mp4" poster="//cdn.voorbeeld.example/p.jpg" controls></video>',
        '<video src="film.mp4" poster="//cdn.voorbeeld.example/p.jpg" controls></video>\n',
        [
            (
                "1: in de gebouwde pagina over/index.html: <video "
                'poster="//cdn.voorbeeld.example/p.jpg"> laadt iets van een andere website'
            )
        ],
        id="poster-from-other-host",
    ),
    pytest.param(
        '<img src="../../../geheim.png" alt="x">',
        "![x](../../../geheim.png)\n",
        [
            (
                '1: in de gebouwde pagina over/index.html: <img src="../../../geheim.png"> '
                "verwijst naar iets buiten de site ('../../../geheim.png')"
            )
        ],
        id="outside-the-site",
    ),
    pytest.param(
        '<a href="https://voorbeeld.example/" ping="https://volg.voorbeeld.example/">x</a>',
        '[x](https://voorbeeld.example/){: ping="https://volg.voorbeeld.example/" }\n',
        [
            (
                "1: in de gebouwde pagina over/index.html: het attribuut 'ping' in <a> is niet "
                "toegestaan"
            )
        ],
        id="ping",
    ),
    pytest.param(
        '<form action="https://voorbeeld.example/verzamel"><input name="q"></form>',
        'regel\n<form action="https://voorbeeld.example/verzamel">\n',
        [
            (
                "2: in de gebouwde pagina over/index.html: het attribuut 'action' in <form> is "
                "niet toegestaan"
            )
        ],
        id="form-action",
    ),
    pytest.param(
        '<meta http-equiv="refresh" content="0;url=https://voorbeeld.example/">',
        '<meta http-equiv="refresh" content="0;url=https://voorbeeld.example/">\n',
        [
            (
                '1: in de gebouwde pagina over/index.html: <meta http-equiv="refresh"> is niet '
                "toegestaan"
            )
        ],
        id="meta-refresh",
    ),
    pytest.param(
        '<base href="https://voorbeeld.example/">',
        '<base href="https://voorbeeld.example/">\n',
        ["1: in de gebouwde pagina over/index.html: het HTML-element <base> is niet toegestaan"],
        id="base",
    ),
    pytest.param(
        '<iframe src="https://voorbeeld.example/"></iframe>',
        '<iframe src="https://voorbeeld.example/"></iframe>\n',
        ["1: in de gebouwde pagina over/index.html: het HTML-element <iframe> is niet toegestaan"],
        id="iframe",
    ),
    pytest.param(
        '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
        'a\nb\n<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>\n',
        [
            (
                "3: in de gebouwde pagina over/index.html: het HTML-element <noscript> is niet "
                "toegestaan"
            )
        ],
        id="noscript-breakout",
    ),
    pytest.param(
        '<p>a<!-- --!><img src="x.png" onerror="alert(1)" alt=""> --></p>',
        '<!-- --!><img src="x.png" onerror="alert(1)" alt=""> -->\n',
        [
            (
                "1: in de gebouwde pagina over/index.html: het attribuut 'onerror' in <img> voert "
                "code uit"
            )
        ],
        id="comment-closed-by-bang",
    ),
    pytest.param(
        '<svg viewBox="0 0 1 1"><use href="https://cdn.voorbeeld.example/s.svg#a"/></svg>',
        '<svg viewBox="0 0 1 1"><use href="https://cdn.voorbeeld.example/s.svg#a"/></svg>\n',
        [
            (
                "1: in de gebouwde pagina over/index.html: <use "
                'href="https://cdn.voorbeeld.example/s.svg#a"> laadt iets van een andere website'
            )
        ],
        id="svg-image-other-host",
    ),
    pytest.param(
        '<svg viewBox="0 0 1 1"><a href="javascript:alert(1)"><path d="M0 0h1v1z"/></a></svg>',
        '<svg viewBox="0 0 1 1"><a href="javascript:alert(1)"><path d="M0 0h1v1z"/></a></svg>\n',
        [
            (
                '1: in de gebouwde pagina over/index.html: <a href="javascript:alert(1)">: een '
                "link met 'javascript:' is niet toegestaan"
            )
        ],
        id="svg-javascript-link",
    ),
    pytest.param(
        (
            '<svg viewBox="0 0 1 1"><a><animate attributeName="href" '
            'values="javascript:alert(1)"/></a></svg>'
        ),
        '<svg><a><animate attributeName="href" values="javascript:alert(1)"/></a></svg>\n',
        ["1: in de gebouwde pagina over/index.html: het HTML-element <animate> is niet toegestaan"],
        id="svg-animate",
    ),
    pytest.param(
        '<svg><style><img src="x.png" onerror="alert(1)" alt=""></style></svg>',
        '<svg><style><img src="x.png" onerror="alert(1)" alt=""></style></svg>\n',
        [
            (
                "1: in de gebouwde pagina over/index.html: het HTML-element <style> is niet "
                "toegestaan: de browser voert alleen stijlen uit de CSS-bestanden van de site uit"
            ),
            (
                "1: in de gebouwde pagina over/index.html: het attribuut 'onerror' in <img> voert "
                "code uit"
            ),
        ],
        id="svg-style-breakout",
    ),
    pytest.param(
        '<p style="background:url(//volg.voorbeeld.example/p.png)">x</p>',
        'x\n{: style="background:url(//volg.voorbeeld.example/p.png)" }\n',
        [
            (
                "2: in de gebouwde pagina over/index.html: het attribuut 'style' in <p> is niet "
                "toegestaan: de browser voert alleen stijlen uit de CSS-bestanden van de site uit"
            )
        ],
        id="style-attribute",
    ),
    pytest.param(
        "<style>body{display:none}</style>",
        "<style>body{display:none}</style>\n",
        [
            (
                "1: in de gebouwde pagina over/index.html: het HTML-element <style> is niet "
                "toegestaan: de browser voert alleen stijlen uit de CSS-bestanden van de site uit"
            )
        ],
        id="style-element",
    ),
    pytest.param(
        '<link rel="stylesheet" href="https://cdn.voorbeeld.example/a.css">',
        '<link rel="stylesheet" href="https://cdn.voorbeeld.example/a.css">\n',
        [
            (
                "1: in de gebouwde pagina over/index.html: <link "
                'href="https://cdn.voorbeeld.example/a.css"> laadt iets van een andere website'
            )
        ],
        id="stylesheet-from-other-host",
    ),
    pytest.param(
        '<link rel="preconnect" href="https://cdn.voorbeeld.example">',
        '<link rel="preconnect" href="https://cdn.voorbeeld.example">\n',
        ['1: in de gebouwde pagina over/index.html: <link rel="preconnect"> is niet toegestaan'],
        id="preconnect",
    ),
    pytest.param(
        "<script>alert(1)</script>",
        "tekst\n<script>alert(1)</script>\n",
        [
            (
                "2: in de gebouwde pagina over/index.html: een script in de pagina dat niet uit "
                "de sjablonen van het thema komt: 'alert(1)'"
            )
        ],
        id="inline-script",
    ),
    pytest.param(
        '<script src="../eigen.js"></script>',
        '<script src="../eigen.js"></script>\n',
        [
            (
                "1: in de gebouwde pagina over/index.html: het script '../eigen.js' is niet "
                "toegestaan: scripts komen alleen uit het thema (Material en overrides/)"
            )
        ],
        id="script-file-from-content",
    ),
    pytest.param(
        '<script src="https://cdn.voorbeeld.example/a.js"></script>',
        '<script src="https://cdn.voorbeeld.example/a.js"></script>\n',
        [
            (
                "1: in de gebouwde pagina over/index.html: het script "
                "'https://cdn.voorbeeld.example/a.js' is niet toegestaan: scripts komen alleen "
                "uit het thema (Material en overrides/)"
            )
        ],
        id="script-from-other-host",
    ),
    pytest.param(
        (
            '<script id="__config" type="application/json">{"search": '
            '"https://voorbeeld.example/w.js"}</script>'
        ),
        '<script id="__config" type="application/json">\n',
        [
            (
                "1: in de gebouwde pagina over/index.html: de pagina heeft meer dan één <script "
                'type="application/json">'
            )
        ],
        id="second-config",
    ),
    pytest.param(
        '<template><img src="x.png" onerror="alert(1)" alt=""></template>',
        "<template>\n",
        [
            (
                "1: in de gebouwde pagina over/index.html: het HTML-element <template> is niet "
                "toegestaan"
            )
        ],
        id="template-element",
    ),
    pytest.param(
        '<input type="image" src="knop.png">',
        '<input type="image" src="knop.png">\n',
        [
            (
                "1: in de gebouwde pagina over/index.html: het attribuut 'src' in <input> is niet "
                "toegestaan"
            ),
            '1: in de gebouwde pagina over/index.html: <input type="image"> is niet toegestaan',
        ],
        id="input-image",
    ),
    pytest.param(
        '<p onmouseover="x()">x</p>',
        "niets hiervan\n",
        [
            (
                "1: in de gebouwde pagina over/index.html: het attribuut 'onmouseover' in <p> "
                "voert code uit (de regel in de bron is niet gevonden)"
            )
        ],
        id="untraceable",
    ),
]


@pytest.mark.parametrize(("body", "source", "expected"), PAGE_CASES)
def test_what_a_page_may_not_contain(body: str, source: str, expected: list[str]) -> None:
    result = audited(body, source)
    assert [f"{p.line}: {p.message}" for p in result.problems] == expected
    assert all(p.path == "content/over.md" for p in result.problems)
    assert result.html == page(body)  # reported, never stripped or given a policy


def test_a_menu_link_seen_on_every_page_does_not_let_another_link_through() -> None:
    """What is remembered between pages (attributes allowed whatever their value) never
    covers a link's address or another attribute on the same link."""
    menu = '<a class="md-nav__link" href="../a/" title="A" tabindex="0">A</a>'
    assert audited(menu * 3, "").problems == ()
    body = (
        menu + '<a class="md-nav__link" href="javascript:alert(1)" title="B">B</a>'
        '<a class="md-nav__link" href="../c/" onmouseover="alert(1)">C</a>'
        '<a class="md-nav__link" href="../d/" style="color:red">D</a>'
    )
    assert [problem.message for problem in audited(body, "").problems] == [
        'in de gebouwde pagina over/index.html: <a href="javascript:alert(1)">: een link met '
        "'javascript:' is niet toegestaan (de regel in de bron is niet gevonden)",
        "in de gebouwde pagina over/index.html: het attribuut 'onmouseover' in <a> voert code "
        "uit (de regel in de bron is niet gevonden)",
        "in de gebouwde pagina over/index.html: het attribuut 'style' in <a> is niet "
        "toegestaan: de browser voert alleen stijlen uit de CSS-bestanden van de site uit "
        "(de regel in de bron is niet gevonden)",
    ]


def test_a_problem_comes_with_a_tip_the_editor_can_act_on() -> None:
    [problem] = audited('<p onclick="alert(1)">x</p>', 'x\n{: onclick="alert(1)" }\n').problems
    assert problem.format() == (
        "content/over.md:2: in de gebouwde pagina over/index.html: het attribuut 'onclick' in "
        f"<p> voert code uit\n    tip: {CODE_HINT}"
    )


def test_the_line_is_searched_in_other_sources_when_not_in_the_page_itself() -> None:
    result = audit.audit_page(
        page('<img src="https://cdn.voorbeeld.example/a.png" alt="x">'),
        Site("over/index.html"),
        lambda: [
            audit.Source("content/over.md", "geen afbeelding\n"),
            audit.Source(
                "lokaal/gemeente.yml", "naam: x\nlogo: https://cdn.voorbeeld.example/a.png\n"
            ),
        ],
        RULES,
        frozenset(),
    )
    assert [(p.path, p.line) for p in result.problems] == [("lokaal/gemeente.yml", 2)]


def test_what_the_theme_writes_passes_and_gets_its_policy_first_in_head() -> None:
    body = (
        '<a href="../omgevingen/verenigingen/">x</a> <a href="https://voorbeeld.example/">y</a>'
        '<a href="mailto:redactie@voorbeeld.example">z</a> <img src="../foto.png" alt="f" '
        'srcset="../foto.png 1x, ../foto-2x.png 2x"> <svg xmlns="http://www.w3.org/2000/svg" '
        'viewBox="0 0 24 24"><path d="M3 6h18v2H3z"/></svg>'
        "<script>ok()</script>"
        '<script src="../assets/javascripts/bundle.js"></script>'
    )
    result = audited(body, "", frozenset({"ok()"}))
    assert result.problems == ()
    digest = base64.b64encode(hashlib.sha256(b"ok()").digest()).decode()
    assert result.html == page(body).replace(
        "<head>",
        '<head>\n    <meta http-equiv="Content-Security-Policy" content="default-src \'self\'; '
        f"script-src 'self' 'sha256-{digest}'; style-src 'self'; img-src 'self' data:; "
        "object-src 'none'; base-uri 'none'; form-action 'none'\">",
    )


def test_an_inline_script_passes_only_as_exactly_what_a_template_writes_on_this_page() -> None:
    expected = frozenset({'go("../zoeken/")'})
    assert audited('<script>go("../zoeken/")</script>', "", expected).problems == ()
    [problem] = audited('<script>go("https://voorbeeld.example/")</script>', "", expected).problems
    assert problem.message == (
        "in de gebouwde pagina over/index.html: een script in de pagina dat niet uit de "
        "sjablonen van het thema komt: 'go(\"https://voorbeeld.example/\")' "
        "(de regel in de bron is niet gevonden)"
    )


def test_template_scripts_are_rendered_with_the_page_context(tmp_path: Path) -> None:
    from jinja2 import DictLoader, Environment

    env = Environment(
        loader=DictLoader(
            {
                "main.html": '{% extends "base.html" %}{% block b %}<script>b()</script>'
                "{% endblock %}",
                "base.html": '<script>a("{{ base_url }}")</script><script src="x.js"></script>'
                '{% include "partials/data.html" %}{% include "icons/" ~ icon %}'
                "{% block b %}{% endblock %}",
                "partials/data.html": '<script type="application/json">{{ x }}</script>',
                "redirect.html": "<script>location.replace('{{ page.meta.location }}')</script>",
            }
        )
    )
    scripts = csp.template_scripts(env, "main.html")
    assert [script.template for script in scripts] == ["main.html", "base.html"]
    assert csp.expected_scripts(scripts, {"base_url": "../.."}) == {"b()", 'a("../..")'}


def test_each_template_file_is_read_once_per_build_for_all_page_templates() -> None:
    from jinja2 import DictLoader, Environment

    templates = {
        "main.html": '{% extends "base.html" %}',
        "start.html": '{% extends "base.html" %}{% block b %}<script>s()</script>{% endblock %}',
        "base.html": '<script>a("{{ base_url }}")</script>{% block b %}{% endblock %}',
    }
    loads: list[str] = []

    class CountingLoader(DictLoader):
        def get_source(self, environment, template):  # type: ignore[no-untyped-def]
            loads.append(template)
            return super().get_source(environment, template)

    env = Environment(loader=CountingLoader(templates))
    read: dict[str, csp.TemplateParts] = {}
    main = csp.template_scripts(env, "main.html", read)
    start = csp.template_scripts(env, "start.html", read)
    assert [script.template for script in main] == ["base.html"]
    assert [script.template for script in start] == ["start.html", "base.html"]
    assert sorted(loads) == ["base.html", "main.html", "start.html"]
    assert csp.expected_scripts(start, {"base_url": ".."}) == {"s()", 'a("..")'}


GOOD_CSS = b".a { background: url(../images/a.png) }\n"
BAD_CSS = b".a { background: url(//volg.voorbeeld.example/a.png) }\n"


def _build_audit(tmp_path: Path, cache: Path | None, site_url: str = "") -> BuildAudit:
    from jinja2 import DictLoader, Environment, FileSystemBytecodeCache

    build = BuildAudit(tmp_path, tmp_path / "content", site_url)
    env = Environment(loader=DictLoader({}))
    env.bytecode_cache = FileSystemBytecodeCache(str(cache)) if cache else None
    build.theme(env, [], [], [])
    return build


def test_a_file_that_passed_is_not_parsed_again_in_a_later_build_only_byte_for_byte(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    first = _build_audit(tmp_path, cache)
    first.file(GOOD_CSS, "assets/stylesheets/a.css", None)
    assert (first.audited, first.remembered, first.problems) == (1, 0, [])
    assert len(list(cache.iterdir())) == 1

    parsed: list[str] = []
    audit_file = audit.audit_file
    monkeypatch.setattr(
        audit,
        "audit_file",
        lambda data, site, source: parsed.append(site.path) or audit_file(data, site, source),
    )
    again = _build_audit(tmp_path, cache)
    again.file(GOOD_CSS, "assets/stylesheets/a.css", None)
    assert (again.audited, again.remembered, again.problems, parsed) == (0, 1, [], [])
    assert again.summary().endswith(
        "; 1 ongewijzigde bestanden waren in een eerdere bouw al goedgekeurd"
    )
    # One byte changed, another place in the site, another site address: audited in full.
    changed = GOOD_CSS.replace(b"../images/a.png", b"../../../images/a.png")
    again.file(changed, "assets/stylesheets/a.css", None)
    again.file(GOOD_CSS, "a.css", None)
    with_address = _build_audit(tmp_path, cache, "https://voorbeeld.example/handboek/")
    with_address.file(GOOD_CSS, "assets/stylesheets/a.css", None)
    assert parsed == ["assets/stylesheets/a.css", "a.css", "assets/stylesheets/a.css"]
    assert [problem.format().splitlines()[0] for problem in again.problems] == [
        "assets/stylesheets/a.css:1: in het gebouwde bestand assets/stylesheets/a.css: "
        "url(../../../images/a.png) verwijst naar iets buiten de site "
        "('../../../images/a.png') (de regel in de bron is niet gevonden)",
        # The same bytes at the site's root: there the address leads out of the site.
        "a.css:1: in het gebouwde bestand a.css: url(../images/a.png) verwijst naar iets "
        "buiten de site ('../images/a.png') (de regel in de bron is niet gevonden)",
    ]
    # A file with problems is never remembered: every build reports it again.
    for _ in range(2):
        build = _build_audit(tmp_path, cache)
        build.file(BAD_CSS, "assets/stylesheets/a.css", None)
        assert (build.audited, build.remembered, len(build.problems)) == (1, 0, 1)
        build.file(changed, "assets/stylesheets/a.css", None)
        assert (build.audited, build.remembered, len(build.problems)) == (2, 0, 2)


def test_a_place_in_the_site_keeps_one_marker_whatever_its_versions(tmp_path: Path) -> None:
    """Editing a stylesheet while `mkdocs serve` runs: each version that passes replaces the
    marker of the one before (one marker per place), and other places keep theirs."""
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "__jinja2_abc.cache").write_bytes(b"")  # a compiled template: never touched
    versions = [GOOD_CSS.replace(b".a", f".v{number}".encode()) for number in range(5)]
    for version in [*versions, versions[0]]:
        build = _build_audit(tmp_path, cache)
        build.file(version, "assets/stylesheets/a.css", None)
        build.file(GOOD_CSS, "assets/b.css", None)
        assert build.problems == []
    assert (build.audited, build.remembered) == (1, 1)  # versions[0] again: audited again
    markers = sorted(path.name for path in cache.iterdir() if path.name.startswith("handboek-"))
    assert len(markers) == 2
    assert (cache / "__jinja2_abc.cache").is_file()


def test_without_a_folder_for_compiled_templates_every_file_is_audited(tmp_path: Path) -> None:
    for _ in range(2):
        build = _build_audit(tmp_path, None)
        build.file(GOOD_CSS, "assets/stylesheets/a.css", None)
        assert (build.audited, build.remembered) == (1, 0)
        assert build.summary().startswith("Gebouwde site gecontroleerd: 1 bestanden in ")


def test_a_change_in_the_audit_itself_audits_every_file_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    _build_audit(tmp_path, cache).file(GOOD_CSS, "assets/stylesheets/a.css", None)
    monkeypatch.setattr(audit_build, "_audit_code", lambda: b"another version of the audit")
    build = _build_audit(tmp_path, cache)
    build.file(GOOD_CSS, "assets/stylesheets/a.css", None)
    assert (build.audited, build.remembered) == (1, 0)


# --- addresses -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("../x.png", None),
        ("#boven", None),
        ("/assets/x.css", None),
        ("https://handboek.voorbeeld.example/assets/x.css", None),  # the site's own address
        ("../../x.png", "verwijst naar iets buiten de site ('../../x.png')"),
        ("/ander-project/x.png", "verwijst naar iets buiten de site ('/ander-project/x.png')"),
        ("https://cdn.voorbeeld.example/x.png", "laadt iets van een andere website"),
        (" \t//cdn.voorbeeld.example/x.png", "laadt iets van een andere website"),
        ("\\\\cdn.voorbeeld.example\\x.png", "laadt iets van een andere website"),
        ("javascript:alert(1)", "laadt iets met 'javascript:', wat niet is toegestaan"),
        ("data:image/png;base64,AA", "laadt iets met 'data:', wat niet is toegestaan"),
    ],
)
def test_what_the_browser_may_load(address: str, expected: str | None) -> None:
    site = Site("over/index.html", "/", "https://handboek.voorbeeld.example/")
    if address.startswith("/ander"):  # a site in a folder: /handboek/ on a shared host
        site = Site("over/index.html", "/handboek/", "")
    assert load_problem(address, site) == expected


def test_links_may_go_anywhere_except_code_and_made_up_documents() -> None:
    assert [
        navigation_problem(a) for a in ("https://x.example/", "mailto:a@b.example", "x.md")
    ] == [None] * 3
    assert (
        navigation_problem(" JaVa\nScRiPt:alert(1)")
        == "een link met 'javascript:' is niet toegestaan"
    )
    assert navigation_problem("file:///etc/passwd") == "een link met 'file:' is niet toegestaan"


def test_srcset_candidates() -> None:
    assert srcset_addresses("a.png 1x,b.png 2x, c,d.png 3x") == ["a.png", "b.png", "c,d.png"]
    assert srcset_addresses("a.png,b.png") == ["a.png,b.png"]


# --- stylesheets ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("css", "expected"),
    [
        ("a{color:red}\n.b{background:url(../afb/x.png)}", []),
        ('.i{mask-image:url("data:image/svg+xml;charset=utf-8,<svg/>")}', []),
        (
            "\n@import url(//cdn.voorbeeld.example/a.css);",
            [
                (2, "@import is niet toegestaan"),
                (2, "url(//cdn.voorbeeld.example/a.css) laadt iets van een andere website"),
            ],
        ),
        (
            "a{background:url(\\2f\\2f cdn.voorbeeld.example/x)}",
            [(1, "url(//cdn.voorbeeld.example/x) laadt iets van een andere website")],
        ),
        (
            'a{background:image-set("https://cdn.voorbeeld.example/a.png" 1x)}',
            [(1, "url(https://cdn.voorbeeld.example/a.png) laadt iets van een andere website")],
        ),
        (
            "@media print{\n@font-face{src:url(https://cdn.voorbeeld.example/f.woff2)}}",
            [(2, "url(https://cdn.voorbeeld.example/f.woff2) laadt iets van een andere website")],
        ),
        (
            'a{b:url("data:text/html,<script>")}',
            [(1, "url(data:text/html,<script>) laadt iets met 'data:' wat geen afbeelding is")],
        ),
        ("a{b:c;]}", [(1, "de CSS is hier niet goed te lezen (niet afgesloten of ongeldig)")]),
    ],
)
def test_stylesheets(css: str, expected: list[tuple[int, str]]) -> None:
    problems = audit.audit_file(
        css.encode(), Site("assets/x.css"), audit.Source("overrides/assets/x.css", css, True)
    )
    assert [(p.path, p.line, p.message) for p in problems] == [
        ("overrides/assets/x.css", line, message) for line, message in expected
    ]


def test_a_name_that_ends_the_comment_of_the_colours_stylesheet_goes_nowhere() -> None:
    name = "Gemeente **//\n@import url(//cdn.voorbeeld.example/x.css); body{display:none} /*"
    good = dict.fromkeys(colours.CUSTOM_PROPERTIES, "#0b4f3c")
    css = colours.css(good)
    assert name not in css and "@import" not in css
    # Had it gone into the comment, the audit would have stopped the build at gemeente.yml.
    broken = f"/* Kleuren van {name.replace('*/', '')} */\n" + css
    gemeente = f"naam: {name}\n"
    problems = audit.audit_file(
        broken.encode(),
        Site("assets/gemeente/kleuren.css"),
        audit.Source("lokaal/gemeente.yml", gemeente),
    )
    built = "in het gebouwde bestand assets/gemeente/kleuren.css"
    assert [(p.path, p.line, p.message) for p in problems] == [
        ("lokaal/gemeente.yml", 2, f"{built}: @import is niet toegestaan"),
        (
            "lokaal/gemeente.yml",
            2,
            f"{built}: url(//cdn.voorbeeld.example/x.css) laadt iets van een andere website",
        ),
    ]


# --- SVG -------------------------------------------------------------------------------

SVG = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'


@pytest.mark.parametrize(
    ("svg", "expected"),
    [
        (f'{SVG}\n<path d="M0 0h1v1z" fill="url(#a)"/></svg>', []),
        (
            f"{SVG}\n<script>alert(1)</script>\n</svg>",
            [(2, "het element <script> is niet toegestaan in een SVG-bestand")],
        ),
        (
            '<svg xmlns="http://www.w3.org/2000/svg"\n onload="alert(1)"/>',
            [(1, "het attribuut 'onload' in <svg> voert code uit")],  # the element's line
        ),
        (
            f'{SVG}\n<a xlink:href="javascript:alert(1)"><path d="M0 0"/></a></svg>',
            [(2, "het element <a> is niet toegestaan in een SVG-bestand")],
        ),
        (
            f'{SVG}\n<image\n   href="https://cdn.voorbeeld.example/a.png"/></svg>',
            [(2, "<image> laadt iets van een andere website")],
        ),
        (f'{SVG}<image href="data:image/png;base64,iVBORw0KGgo="/></svg>', []),
        (
            f'{SVG}<use xlink:href="andere.svg#a"/></svg>',
            [(1, "<use> verwijst naar iets buiten dit bestand ('andere.svg#a')")],
        ),
        (
            '<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY e "https://cdn.voorbeeld.example">]>\n'
            f'{SVG}<image href="&e;/a.png"/></svg>',
            [(2, "het SVG-bestand heeft een DTD (<!DOCTYPE ...>), wat niet mag")],
        ),
        (
            (
                f"{SVG}<foreignObject><div "
                f'xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject></svg>'
            ),
            [
                (1, "het element <foreignObject> is niet toegestaan in een SVG-bestand"),
                (1, "het element <div> is niet toegestaan in een SVG-bestand"),
            ],
        ),
        (
            f'{SVG}<set attributeName="href" to="javascript:alert(1)"/></svg>',
            [(1, "het element <set> is niet toegestaan in een SVG-bestand")],
        ),
        (
            (
                f"{SVG}\n<style>\n.a{{fill:url(#g)}}\n.b{{fill:url(https://cdn.voorbeeld.example/f)}}\n</style></svg>"
            ),
            [
                (
                    4,
                    (
                        "in <style>: url(https://cdn.voorbeeld.example/f) laadt iets van een "
                        "andere website"
                    ),
                )
            ],
        ),
        (
            f'{SVG}<rect style="fill:url(//cdn.voorbeeld.example/q)"/></svg>',
            [
                (
                    1,
                    (
                        "in 'style' van <rect>: url(//cdn.voorbeeld.example/q) laadt iets van een "
                        "andere website"
                    ),
                )
            ],
        ),
        (f"{SVG}<path>", [(1, "het SVG-bestand is geen geldige XML")]),
        (
            '<svg xmlns="http://www.w3.org/2000/svg" '
            'xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" inkscape:version="1.3">'
            '<inkscape:grid/><path d="M0 0" xml:space="preserve"/></svg>',
            [],
        ),
    ],
)
def test_svg_files(svg: str, expected: list[tuple[int, str]]) -> None:
    assert list(audit_svg.findings(svg.encode(), Site("assets/gemeente/logo.svg"))) == expected


def test_the_logo_check_reads_the_svg_as_xml_with_the_allow_list(tmp_path: Path) -> None:
    logo = f"{SVG}\n<path d='M0 0'\n onclick='alert(1)'/>\n<a href='javascript:alert(1)'/></svg>"
    root = make_fork(
        tmp_path, {"lokaal/gemeente.yml": GEMEENTE + "logo: logo.svg\n", "lokaal/logo.svg": logo}
    )
    drawing = (
        "    tip: een logo is alleen een tekening: bewaar het als gewone SVG (in Inkscape: "
        "'Gewone SVG'), zonder scripts, links, animatie of verwijzingen naar andere bestanden"
    )
    assert check(root) == [
        f"lokaal/logo.svg:2: het attribuut 'onclick' in <path> voert code uit\n{drawing}",
        f"lokaal/logo.svg:4: het element <a> is niet toegestaan in een SVG-bestand\n{drawing}",
    ]
    (root / "lokaal/logo.svg").write_text(
        '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
        '"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n' + SVG + "</svg>",
        encoding="utf-8",
    )
    assert check(root) == [
        "lokaal/logo.svg:1: het SVG-bestand heeft een DTD (<!DOCTYPE ...>), wat niet mag\n"
        "    tip: verwijder de regel met <!DOCTYPE ...> (en <!ENTITY ...>) bovenaan het bestand"
    ]


# --- real builds -----------------------------------------------------------------------

SLIPPED_THROUGH = """
Klik hier.
{: onclick="alert(1)" }

Een [link](https://voorbeeld.example/){: ping="https://volg.voorbeeld.example/p" }.

Opvallend.
{: style="background:url(//volg.voorbeeld.example/p.png)" }
"""


def _slip_in_after_the_check(project: Path, page: Path, text: str) -> None:
    """A gap in the source check, simulated: a second hook writes `text` into `page` right
    after the check has passed (on_pre_build), before MkDocs reads the page. Only the audit
    of the built output stands between it and the site."""
    hook = project / "hooks" / "na_de_controle.py"
    hook.write_text(
        "from pathlib import Path\n\n\n"
        "def on_pre_build(*, config):\n"
        f"    Path({str(page)!r}).write_text({text!r}, encoding='utf-8')\n",
        encoding="utf-8",
    )
    config = project / "mkdocs.yml"
    settings = config.read_text(encoding="utf-8")
    ours = "  - hooks/handboek_hook.py\n"
    assert ours in settings
    config.write_text(
        settings.replace(ours, ours + "  - hooks/na_de_controle.py\n"), encoding="utf-8"
    )


def test_a_build_where_content_slips_through_stops_cleanly_and_writes_no_bad_page(
    project_copy: Path,
) -> None:
    page_file = project_copy / "content" / "over.md"
    text = page_file.read_text(encoding="utf-8")
    first_heading = text.index("\n## ")
    _slip_in_after_the_check(
        project_copy,
        page_file,
        text[:first_heading] + "\n" + SLIPPED_THROUGH + text[first_heading:],
    )
    line = text[:first_heading].count("\n") + 3  # the line of "Klik hier."
    result = run_build(project_copy)
    assert result.returncode == 1
    assert "De inhoud bevat fouten" not in result.output  # the source check saw nothing
    assert "Traceback" not in result.output
    errors = [row for row in result.output.splitlines() if row.startswith("content/")]
    built = "in de gebouwde pagina over/index.html"
    assert errors == [
        f"content/over.md:{line + 1}: {built}: het attribuut 'onclick' in <p> voert code uit",
        f"content/over.md:{line + 3}: {built}: het attribuut 'ping' in <a> is niet toegestaan",
        f"content/over.md:{line + 6}: {built}: het attribuut 'style' in <p> is niet toegestaan: "
        "de browser voert alleen stijlen uit de CSS-bestanden van de site uit",
    ]
    assert "De gebouwde site bevat iets wat niet mag" in result.output
    assert not (result.site / "over" / "index.html").exists()
    assert (result.site / "privacy" / "index.html").is_file()  # the good pages are written


def test_a_fork_with_a_script_in_its_logo_stops_at_the_check(project_copy: Path) -> None:
    shutil.copytree(FIXTURE, project_copy / "lokaal")
    logo = project_copy / "lokaal" / "logo.svg"
    logo.write_text(logo.read_text().replace("<path", '<path onclick="alert(1)"'))
    result = run_build(project_copy)
    assert result.returncode == 1
    assert "Traceback" not in result.output
    assert "lokaal/logo.svg:3: het attribuut 'onclick' in <path> voert code uit" in result.output


def test_a_changed_inline_script_ships_with_its_own_hash(project_copy: Path) -> None:
    deferral = project_copy / "overrides" / "partials" / "zoeken-uitgesteld.html"
    text = deferral.read_text(encoding="utf-8")
    assert "if (!toggle || !field) return;" in text
    deferral.write_text(
        text.replace("if (!toggle || !field) return;", "if (!(toggle && field)) return;")
    )
    result = run_build(project_copy)
    assert result.returncode == 0, result.output
    html = (result.site / "overzicht" / "index.html").read_text(encoding="utf-8")
    script = re.search(r"<script>(\s*\(\(\) => \{\s*const toggle.*?)</script>", html, re.S)
    assert script is not None and "if (!(toggle && field)) return;" in script.group(1)
    policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)
    assert policy is not None and csp.script_hash(script.group(1)) in policy.group(1)
    assert html.index("Content-Security-Policy") < html.index("<meta charset")


def test_handboek_bouw_stops_on_the_audit_and_keeps_the_previous_site(project_copy: Path) -> None:
    from tests.test_build_command import PREVIOUS_SITE, _files, _put_previous_site, _run_bouw

    _put_previous_site(project_copy / "site")
    page_file = project_copy / "content" / "privacy.md"
    slipped = page_file.read_text(encoding=("utf-8")) + (
        '\n[Meer](https://voorbeeld.example/){: ping="https://volg.voorbeeld.example/" }\n'
    )
    _slip_in_after_the_check(project_copy, page_file, slipped)
    line = slipped.count("\n")
    run = _run_bouw(project_copy)
    assert run.returncode == 1
    assert "De inhoud bevat fouten" not in run.stderr  # the source check saw nothing
    assert (
        f"content/privacy.md:{line}: in de gebouwde pagina privacy/index.html: het attribuut "
        "'ping' in <a> is niet toegestaan\n"
    ) in run.stderr
    assert "Traceback" not in run.stderr
    assert run.stderr.endswith("De bouw is mislukt (zie hierboven); site/ is niet veranderd.\n")
    assert _files(project_copy / "site") == PREVIOUS_SITE


def test_on_github_the_audit_puts_its_errors_next_to_the_source_line(
    project_copy: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    page_file = project_copy / "content" / "privacy.md"
    slipped = page_file.read_text(encoding="utf-8") + '\nKlik.\n{: onclick="alert(1)" }\n'
    _slip_in_after_the_check(project_copy, page_file, slipped)
    summary = tmp_path / "samenvatting.md"
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = run_build(project_copy)
    assert result.returncode == 1
    line = slipped.count("\n")
    annotations = [row for row in result.output.splitlines() if row.startswith("::error ")]
    assert annotations == [
        f"::error file=content/privacy.md,line={line},title=Fout in de inhoud::in de gebouwde "
        "pagina privacy/index.html: het attribuut 'onclick' in <p> voert code uit%0Atip: de "
        "site voert geen code uit de inhoud uit; verwijder het"
    ]
    assert "het attribuut 'onclick' in <p> voert code uit" in summary.read_text(encoding="utf-8")
