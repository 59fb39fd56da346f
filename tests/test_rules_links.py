"""Internal links and anchors (`handboek.rules.links`), with exact messages.

The site is the fictional base (tests/corpus/basis/: index.md with headings
'Over deze testinhoud' and 'Tweede kop', omgevingen/voorbeeld.md) plus one
page, content/pagina.md, whose body line 9 holds the link under test.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from handboek import rules
from handboek.check import check_content
from handboek.read import scan
from handboek.rules import anchors, links, structure
from tests.conftest import ROOT, TEST_DATE, copy_project, run_build
from tests.sample_content import (
    ENVIRONMENT,
    START_PAGE,
    environment,
    page,
    read,
    write_content,
)

PAGES_HINT = (
    "pagina's: afdrukken.md, index.md, omgevingen/voorbeeld.md, open-data.md, overzicht.md, "
    "pagina.md, zelfscan.md"
)


BRACKETS_HINT = (
    "haal de blokhaken [ ] uit het adres, of kopieer het adres opnieuw uit de adresbalk van de "
    "browser"
)


def located(
    rule: rules.CollectionRule, collection: rules.Collection
) -> list[tuple[str, int, str, str]]:
    """A collection rule's problems as (path, line, message, hint), as the assertions write them."""
    return [(p.path, p.line, p.message, p.hint) for p in rule(collection)]


def site_with(tmp_path: Path, body: str, extra_files: tuple[str, ...] = ()) -> list[tuple]:
    """What `links_resolve` says about content/pagina.md with this body."""
    start, _ = read(tmp_path, "index.md", START_PAGE)
    voorbeeld = environment(tmp_path)
    document = page(tmp_path, body)
    documents = (start, voorbeeld, document)
    files = frozenset({d.content_path for d in documents} | set(extra_files))
    return list(links.links_resolve(document, anchors.Site(documents, files)))


@pytest.mark.parametrize(
    "body",
    [
        "[start](index.md)",
        "[start](./index.md)",
        "[omgeving](omgevingen/voorbeeld.md)",
        "[deel](omgevingen/voorbeeld.md#meerwaarde)",
        "[deel](omgevingen/voorbeeld.md#uit-de-praktijk)",
        "[subkop](omgevingen/voorbeeld.md#een-subkop)",
        "[kop](index.md#tweede-kop)",
        "[hier](#eigen-kop)\n\n## Eigen kop",
        "[hier](#vast){: .x }\n\n## Kop met vast anker {#vast}",
        "[overzicht](overzicht.md)",
        "[alles](afdrukken.md#overzicht)",
        "[alles](afdrukken.md#voorbeeld)",
        "[alles](afdrukken.md#voorbeeld-wat-werkt)",
        "[alles](afdrukken.md#over-deze-testinhoud)",
        '[met titel](index.md "De start")',
        "[met spaties](<index.md>)",
        "[extern](https://www.scp.nl/)",
        "[mail](mailto:redactie@example.org)",
        "[tel](tel:+31000000000)",
        "![foto](afbeeldingen/foto.png)",
        "[foto][f]\n\n[f]: afbeeldingen/foto.png",
        "`[code](bestaat-niet.md)`",
        "```\n[code](bestaat-niet.md)\n```",
        "<!-- [weg](bestaat-niet.md) -->",
        "[query](index.md?a=b#tweede-kop)",
        "[gecodeerd](index.md#tweede%2Dkop)",
        # Ids as the one reader (scan) reads them: unquoted HTML values, the last id of a list.
        "[hier](#los)\n\n<span id=los></span>",
        "[hier](#tweede)\n\nTekst.\n{: #eerste #tweede }",
    ],
)
def test_links_that_resolve(tmp_path: Path, body: str) -> None:
    assert site_with(tmp_path, body + "\n", ("afbeeldingen/foto.png",)) == []


@pytest.mark.parametrize(
    ("body", "message", "hint"),
    [
        (
            "[weg](bestaat-niet.md)",
            "de link 'bestaat-niet.md' wijst naar een pagina die niet bestaat",
            PAGES_HINT,
        ),
        (
            "[bijna](omgevingen/voorbeeld.mb.md)",
            "de link 'omgevingen/voorbeeld.mb.md' wijst naar een pagina die niet bestaat",
            "bedoelde je 'omgevingen/voorbeeld.md'?",
        ),
        (
            "[hoofdletter](Index.md)",
            "de link 'Index.md' wijst naar een pagina die niet bestaat",
            "bedoelde je 'index.md'?",
        ),
        (
            "[adres](omgevingen/voorbeeld/)",
            "de link 'omgevingen/voorbeeld/' wijst naar een webadres, niet naar een bestand",
            "link naar het Markdown-bestand: 'omgevingen/voorbeeld.md'",
        ),
        (
            "[adres](omgevingen/voorbeeld)",
            "de link 'omgevingen/voorbeeld' wijst naar een webadres, niet naar een bestand",
            "link naar het Markdown-bestand: 'omgevingen/voorbeeld.md'",
        ),
        (
            "[foto](foto.png)",
            "de link 'foto.png' wijst naar een bestand dat niet bestaat",
            "controleer de naam (hoofdletters tellen mee) en zet het bestand in de inhoudsmap",
        ),
        (
            "[absoluut](/omgevingen/voorbeeld.md)",
            "de link '/omgevingen/voorbeeld.md' begint met '/'",
            "schrijf de link vanaf deze pagina, zonder '/' vooraan: 'omgevingen/voorbeeld.md'",
        ),
        (
            "[buiten](../README.md)",
            "de link '../README.md' wijst naar een plek buiten de inhoudsmap",
            "link alleen naar pagina's en bestanden in de inhoudsmap",
        ),
        ("[leeg]()", "de link is leeg", "zet tussen de haakjes waar de link naartoe gaat"),
        (
            "[website](https://www.[voorbeeld].nl)",
            "de link 'https://www.[voorbeeld].nl' is geen geldig webadres",
            BRACKETS_HINT,
        ),
        (
            "[website](//[www.voorbeeld.nl)",
            "de link '//[www.voorbeeld.nl' is geen geldig webadres",
            BRACKETS_HINT,
        ),
        (
            "[anker](omgevingen/voorbeeld.md#wat-is-de-meerwaarde)",
            "het anker '#wat-is-de-meerwaarde' bestaat niet op de pagina 'omgevingen/voorbeeld.md'",
            "bedoelde je '#meerwaarde'?",
        ),
        (
            "[anker](index.md#slotwoord)",
            "het anker '#slotwoord' bestaat niet op de pagina 'index.md'",
            "ankers op de pagina 'index.md': #handreiking-gemeente-voorbeeld, "
            "#over-deze-testinhoud, #tweede-kop",
        ),
        (
            "[hier](#nergens)",
            "het anker '#nergens' bestaat niet op deze pagina",
            "ankers op deze pagina: #een-pagina",
        ),
        (
            "[overzicht](overzicht.md#verenigingen)",
            "het anker '#verenigingen' bestaat niet op de pagina 'overzicht.md'",
            "ankers op de pagina 'overzicht.md': #overzicht",
        ),
        (
            "[ref][f]\n\n[f]: bestaat-niet.md",
            "de link 'bestaat-niet.md' wijst naar een pagina die niet bestaat",
            PAGES_HINT,
        ),
    ],
)
def test_links_that_do_not_resolve(tmp_path: Path, body: str, message: str, hint: str) -> None:
    line = 9 + body.count("\n") if body.startswith("[ref]") else 9
    assert site_with(tmp_path, body + "\n") == [(line, message, hint)]


def test_every_broken_link_is_reported_with_its_line(tmp_path: Path) -> None:
    body = "Tekst [een](a.md) en [twee](b.md).\n\nVerderop [drie](c.md).\n"
    assert [(line, message) for line, message, _ in site_with(tmp_path, body)] == [
        (9, "de link 'a.md' wijst naar een pagina die niet bestaat"),
        (9, "de link 'b.md' wijst naar een pagina die niet bestaat"),
        (11, "de link 'c.md' wijst naar een pagina die niet bestaat"),
    ]


def test_a_link_spread_over_two_lines_is_reported_at_its_start(tmp_path: Path) -> None:
    body = "Lees [de pagina\nover iets](weg.md).\n"
    assert [line for line, _, _ in site_with(tmp_path, body)] == [9]


def test_links_from_a_subfolder_resolve_from_that_folder(tmp_path: Path) -> None:
    text = ENVIRONMENT.replace("(../index.md)", "(index.md)")
    start, _ = read(tmp_path, "index.md", START_PAGE)
    document = environment(tmp_path, text)
    site = anchors.Site((start, document), frozenset({"index.md", document.content_path}))
    assert list(links.links_resolve(document, site)) == [
        (
            33,
            "de link 'index.md' wijst naar een pagina die niet bestaat",
            "bedoelde je '../index.md'?",
        )
    ]


def test_anchors_of_a_page_that_could_not_be_read_are_not_checked(tmp_path: Path) -> None:
    # kapot.md has its own errors; a second error about its anchors would only confuse.
    body = "[kapot](kapot.md#iets)\n"
    assert site_with(tmp_path, body, ("kapot.md",)) == []


def test_environment_parts_have_the_fixed_anchors_of_the_model(tmp_path: Path) -> None:
    site = anchors.Site((environment(tmp_path),), frozenset({"omgevingen/voorbeeld.md"}))
    assert site.anchors("omgevingen/voorbeeld.md") == {
        "voorbeeldomgeving",  # the title, which the hook puts on top as `# titel`
        "meerwaarde",
        "een-subkop",
        "wat-werkt",
        "wat-kan-de-gemeente-doen",
        "bruggenbouwers",
        "uit-de-praktijk",
    }


def test_headings_with_the_same_text_get_numbered_anchors(tmp_path: Path) -> None:
    document = page(tmp_path, "## Kop\n\n## Kop\n\n## Één kop\n")
    site = anchors.Site((document,), frozenset({"pagina.md"}))
    assert site.anchors("pagina.md") == {"een-pagina", "kop", "kop_1", "een-kop"}


def test_an_undefined_reference_is_reported(tmp_path: Path) -> None:
    document = page(tmp_path, "Zie [de pagina][nergens] en [hier][].\n\n[hier]: index.md\n")
    assert list(links.references_are_defined(document)) == [
        (
            9,
            "de verwijzing '[nergens]' heeft geen doel",
            "zet ergens op de pagina een regel '[nergens]: doel-van-de-link', "
            "of schrijf de link als [tekst](doel)",
        )
    ]


def test_the_collection_rule_reports_links_per_page(tmp_path: Path) -> None:
    start, _ = read(tmp_path, "index.md", START_PAGE)
    document = page(tmp_path, "[weg](weg.md)\n")
    collection = rules.Collection(
        (start, document), frozenset({"index.md", "pagina.md"}), "content/"
    )
    assert [finding[:3] for finding in located(structure.internal_links_resolve, collection)] == [
        (
            "content/index.md",
            11,
            "de link 'omgevingen/voorbeeld.md#meerwaarde' wijst naar een pagina die niet bestaat",
        ),
        ("content/pagina.md", 9, "de link 'weg.md' wijst naar een pagina die niet bestaat"),
    ]


def test_the_markdown_extensions_match_mkdocs_yml() -> None:
    """Anchors are only right when the checker renders headings like the site does."""

    class Loader(yaml.SafeLoader):
        pass

    # mkdocs.yml may use MkDocs' own tags (!ENV, !relative); they do not matter here.
    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    names = {
        next(iter(entry)) if isinstance(entry, dict) else entry
        for entry in config["markdown_extensions"]
    }
    id_makers = {"attr_list", "md_in_html", "toc", "pymdownx.snippets", "pymdownx.tabbed"}
    assert names & id_makers == set(anchors.MARKDOWN_EXTENSIONS)


# --- the strict MkDocs build -------------------------------------------------------------


def test_the_strict_build_stops_on_a_broken_link_and_anchor(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    over = project / "content" / "over.md"
    over.write_text(
        over.read_text(encoding="utf-8")
        + "\nZie [weg](weg.md) en [een deel](omgevingen/verenigingen.md#bestaat-niet).\n",
        encoding="utf-8",
    )
    line = over.read_text(encoding="utf-8").count("\n")
    result = run_build(project)
    assert result.returncode == 1
    assert "Traceback" not in result.output
    assert f"content/over.md:{line}: de link 'weg.md' wijst naar een pagina die niet bestaat" in (
        result.output
    )
    assert (
        f"content/over.md:{line}: het anker '#bestaat-niet' bestaat niet op de pagina "
        "'omgevingen/verenigingen.md'" in result.output
    )
    assert not (project / "site").exists()


def test_a_website_address_with_brackets_stops_the_build_with_its_line_not_a_traceback(
    tmp_path: Path,
) -> None:
    """MkDocs itself stops with a traceback on such a link (urllib refuses the address);
    the check reports it first."""
    project = copy_project(tmp_path / "project")
    over = project / "content" / "over.md"
    over.write_text(
        over.read_text(encoding="utf-8") + "\nZie [de website](https://www.[voorbeeld].nl).\n",
        encoding="utf-8",
    )
    line = over.read_text(encoding="utf-8").count("\n")
    result = run_build(project)
    assert result.returncode == 1
    assert "Traceback" not in result.output
    assert (
        f"content/over.md:{line}: de link 'https://www.[voorbeeld].nl' is geen geldig webadres"
        in result.output
    )
    bare = mkdocs_only_project(tmp_path, "# Kop\n\n[de website](https://www.[voorbeeld].nl)\n")
    assert "Traceback" in run_build(bare).output


def mkdocs_only_project(tmp_path: Path, page: str) -> Path:
    """A bare MkDocs project with the `validation` settings of our mkdocs.yml, no hook."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    project = tmp_path / "kaal"
    (project / "docs").mkdir(parents=True)
    (project / "docs" / "index.md").write_text(page, encoding="utf-8")
    (project / "docs" / "b.md").write_text("# B\n\n## Een kop\n", encoding="utf-8")
    settings = {
        "site_name": "Kaal",
        "docs_dir": "docs",
        "theme": {"name": "mkdocs"},
        "markdown_extensions": config["markdown_extensions"],
        "validation": config["validation"],
    }
    (project / "mkdocs.yml").write_text(yaml.safe_dump(settings), encoding="utf-8")
    return project


@pytest.mark.parametrize(
    ("page", "warning"),
    [
        ("[b](b.md#een-kop)", None),
        (
            "[weg](weg.md)",
            "Doc file 'index.md' contains a link 'weg.md', but the target is not found among "
            "documentation files.",
        ),
        (
            "[anker](b.md#geen-kop)",
            "Doc file 'index.md' contains a link 'b.md#geen-kop', but the doc 'b.md' does not "
            "contain an anchor '#geen-kop'.",
        ),
        ("[map](b/)", "Doc file 'index.md' contains an unrecognized relative link 'b/'"),
        ("[absoluut](/b.md)", "Doc file 'index.md' contains an absolute link '/b.md'"),
    ],
)
def test_mkdocs_validation_settings_make_strict_builds_fail(
    tmp_path: Path, page: str, warning: str | None
) -> None:
    """Behind `handboek check`, MkDocs itself also refuses broken links (mkdocs.yml)."""
    result = run_build(mkdocs_only_project(tmp_path, f"# A\n\n{page}\n"))
    if warning is None:
        assert result.returncode == 0, result.output
    else:
        assert result.returncode == 1
        assert warning in result.output


def test_replacing_destinations_leaves_code_titles_and_brackets_alone() -> None:
    markdown = (
        'Zie [a](a.md "titel") en [b](<b c.md#d>), niet `[x](x.md)`.\n'
        "```\n[y](y.md)\n```\n"
        "![f](f.png) en [r][r]\n\n"
        "[r]: r.md#s\n"
    )
    assert scan.replace_destinations(markdown, lambda destination: f"n/{destination}") == (
        'Zie [a](n/a.md "titel") en [b](<n/b c.md#d>), niet `[x](x.md)`.\n'
        "```\n[y](y.md)\n```\n"
        "![f](n/f.png) en [r][r]\n\n"
        "[r]: n/r.md#s\n"
    )


def test_ids_written_twice_are_reported_on_the_page_and_on_the_print_page(tmp_path: Path) -> None:
    """Two equal ids make invalid HTML and an anchor that goes to the first of them."""
    first = ENVIRONMENT.replace(
        "Meer verzonnen tekst.\n", "Meer verzonnen tekst.\n{: #dubbel }\n"
    ).replace(
        "Verzonnen tekst over wat werkt.\n",
        'Verzonnen tekst over wat werkt.\n{: #dubbel }\n\n<p id="meerwaarde">Tekst.</p>\n',
    )
    second = ENVIRONMENT.replace("volgorde: 1", "volgorde: 2").replace(
        "Verzonnen tekst over de meerwaarde.\n",
        "Verzonnen tekst over de meerwaarde.\n{: #gedeeld }\n\n"
        "Nog meer.\n{: #voorbeeld-wat-werkt }\n",
    )
    start = START_PAGE + "\nSlot.\n{: #gedeeld }\n"
    files = {"omgevingen/voorbeeld.md": first, "omgevingen/tweede.md": second, "index.md": start}
    content = write_content(tmp_path, files)
    result = check_content(content, tmp_path, on=TEST_DATE)
    page_hint = "    tip: een anker mag maar één keer op een pagina staan: kies een ander"
    print_hint = (
        "    tip: de afdrukpagina zet de startpagina en alle omgevingen op één pagina, en daar "
        "mag een anker maar één keer voorkomen: kies een ander"
    )
    assert [problem.format() for problem in sorted(result.problems)] == [
        "content/omgevingen/tweede.md:22: het anker '#gedeeld' staat ook in content/index.md "
        f"(regel 18)\n{print_hint}",
        "content/omgevingen/tweede.md:25: het anker '#voorbeeld-wat-werkt' is op de "
        "afdrukpagina al dat van het onderdeel 'Wat werkt (en wat niet)?' van "
        f"content/omgevingen/voorbeeld.md\n{print_hint}",
        "content/omgevingen/voorbeeld.md:31: het anker '#dubbel' staat al op regel 26 van deze "
        f"pagina\n{page_hint}",
        "content/omgevingen/voorbeeld.md:33: het anker '#meerwaarde' is al het anker van het "
        f"onderdeel 'Wat is de meerwaarde?'\n{page_hint}",
    ]
