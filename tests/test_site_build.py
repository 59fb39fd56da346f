"""The real handbook builds strictly, and every page shows what the content says.

Expected values come from the content model (`check_content`), never typed
again here, so these tests follow the content as editors change it.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from handboek.check import check_content
from handboek.model import ENVIRONMENTS_FOLDER, GENERATED_PATHS, PARTS, Environment, Handbook
from handboek.read.document import read_document
from handboek.rules import anchors
from tests.conftest import ROOT, build_environment, copy_project, run_build

# The environments by file name, cheap at collection time; each test gets its environment
# from the model (`real_handbook`, read once). The files and the model's environments are
# the same: test_the_environments_are_the_files_in_content_in_their_volgorde.
ENVIRONMENT_SLUGS = sorted(
    path.stem for path in (ROOT / "content" / ENVIRONMENTS_FOLDER).glob("*.md")
)


@pytest.fixture
def environment(request: pytest.FixtureRequest, real_handbook: Handbook) -> Environment:
    """The environment of the model whose file name is the test's parameter."""
    found = [env for env in real_handbook.environments if env.slug == request.param]
    assert found, f"content/{ENVIRONMENTS_FOLDER}/{request.param}.md is geen omgeving in het model"
    return found[0]


def _text(markup: str) -> str:
    """Visible text of HTML, with entities resolved and white space folded."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def _article(site: Path, url: str) -> str:
    page = (site / url / "index.html").read_text(encoding="utf-8")
    match = re.search(r'<article class="md-content__inner md-typeset">(.*?)</article>', page, re.S)
    assert match, f"geen artikel in {url}"
    return match.group(1)


def test_real_content_has_no_problems() -> None:
    result = check_content(ROOT / "content", ROOT)
    assert [problem.format() for problem in result.problems] == []


def test_the_environments_are_the_files_in_content_in_their_volgorde(
    real_handbook: Handbook,
) -> None:
    # Derived from content/: a new or renamed environment file needs no change here.
    files = sorted((ROOT / "content" / "omgevingen").glob("*.md"))
    order = {
        file.stem: int(re.search(r"^volgorde: (\d+)$", file.read_text("utf-8"), re.M).group(1))
        for file in files
    }
    assert [env.slug for env in real_handbook.environments] == sorted(order, key=order.__getitem__)
    assert len(order) >= 3  # the guide's three environments, at least


@pytest.mark.parametrize("environment", ENVIRONMENT_SLUGS, indirect=True)
def test_environment_page_shows_every_part(built_site: Path, environment: Environment) -> None:
    article = _article(built_site, environment.url)
    assert re.search(rf'<h1 id="[a-z0-9-]+">{re.escape(environment.page.title)}<a ', article)
    assert article.count("<h1") == 1
    ids = re.findall(r'<h2 id="([^"]+)"', article)
    assert ids == [spec.anchor for spec in PARTS]
    for spec in PARTS:
        heading = re.search(rf'<h2 id="{spec.anchor}">(.*?)<a class="headerlink"', article)
        assert heading and heading.group(1) == spec.title


@pytest.mark.parametrize("environment", ENVIRONMENT_SLUGS, indirect=True)
def test_quotes_are_figures_with_their_role(built_site: Path, environment: Environment) -> None:
    article = _article(built_site, environment.url)
    figures = re.findall(
        r'<figure class="handboek-citaat">\s*<blockquote>(.*?)</blockquote>\s*'
        r"<figcaption>(.*?)</figcaption>\s*</figure>",
        article,
        re.S,
    )
    assert [(_text(text), role) for text, role in figures] == [
        (" ".join(quote.paragraphs), quote.role) for quote in environment.quotes
    ]
    assert len(figures) >= 2


@pytest.mark.parametrize("environment", ENVIRONMENT_SLUGS, indirect=True)
def test_reader_sees_no_front_matter_or_raw_markup(
    built_site: Path, environment: Environment
) -> None:
    text = _text(_article(built_site, environment.url))
    for leftover in ("---", "overzicht:", "volgorde:", "eigenaar:", "{#", "](", "> —", "## "):
        assert leftover not in text


@pytest.mark.parametrize("environment", ENVIRONMENT_SLUGS, indirect=True)
def test_page_head_has_title_and_description(built_site: Path, environment: Environment) -> None:
    page = (built_site / environment.url / "index.html").read_text(encoding="utf-8")
    assert f"<title>{environment.page.title} - " in page
    assert f'<meta name="description" content="{environment.page.description}">' in page
    assert '<html lang="nl"' in page


def test_skip_link_lands_on_the_title(built_site: Path, real_handbook: Handbook) -> None:
    for url in [env.url for env in real_handbook.environments] + ["", "over", "overzicht"]:
        page = (built_site / url / "index.html").read_text(encoding="utf-8")
        skip = re.search(r'<a href="#([^"]+)" class="md-skip">', page)
        assert skip, url
        assert f'<h1 id="{skip.group(1)}">' in page, url


def test_start_page_introduces_the_environments_and_the_source(
    built_site: Path, real_handbook: Handbook
) -> None:
    article = _article(built_site, "")
    for environment in real_handbook.environments:
        assert f'href="{environment.url}"' in article
    assert 'href="https://www.scp.nl"' in article
    assert "bruggenbouwers" in _text(article).lower()


def test_colophon_exists_with_citation_and_licence(built_site: Path) -> None:
    text = _text(_article(built_site, "over"))
    assert "Sociaal en Cultureel Planbureau" in text
    assert "EUPL-1.2" in text
    assert "CC BY 4.0" in text


def test_every_page_shows_its_review_date(built_site: Path, real_handbook: Handbook) -> None:
    pages = [env.url for env in real_handbook.environments] + ["", "over"]
    for url in pages:
        assert re.search(
            r'Laatst beoordeeld op <time datetime="\d{4}-\d{2}-\d{2}">\d{1,2} \w+ \d{4}</time>',
            _article(built_site, url),
        ), url


def test_search_is_dutch(built_site: Path) -> None:
    """Dutch stop words and trimmer, prefix search instead of the stemmer (tests/browser checks
    results)."""
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["nl"]
    assert index["config"]["pipeline"] == ["trimmer", "stopWordFilter"]
    assert (built_site / "assets/javascripts/lunr/min/lunr.nl.min.js").is_file()
    assert not any(doc["location"].startswith("afdrukken/") for doc in index["docs"])


def test_the_check_knows_exactly_the_anchors_of_the_built_pages(built_site: Path) -> None:
    """`handboek check` works anchors out from lines; the built site is the judge."""
    content = ROOT / "content"
    files = frozenset(path.relative_to(content).as_posix() for path in content.rglob("*.md"))
    documents = tuple(
        read_document(content / path, f"content/{path}", path)[0] for path in sorted(files)
    )
    site = anchors.Site(tuple(doc for doc in documents if doc), files)
    # The generated pages too (tests/test_local.py adds headings inside the texts).
    for path in sorted(files | set(GENERATED_PATHS)):
        url = "" if path == "index.md" else path.removesuffix(".md") + "/"
        built = set(re.findall(r'\sid="([^"]+)"', _article(built_site, url)))
        assert site.anchors(path) == built, path


def test_the_published_site_knows_its_web_address(tmp_path: Path) -> None:
    """CI passes GitHub Pages' address; then a site in a folder has a working 404 page."""
    address = "https://gemeente-voorbeeld.example/handboek/"
    result = run_build(copy_project(tmp_path / "project"), webadres=address)
    assert result.returncode == 0, result.output
    not_found = (result.site / "404.html").read_text(encoding="utf-8")
    assert '<link rel="stylesheet" href="/handboek/assets/stylesheets/main.' in not_found
    assert '<a href="/handboek/omgevingen/buurtgemeenschappen/"' in not_found
    assert re.findall(r'(?:href|src)="/(?!handboek/)[^"]*"', not_found) == []
    sitemap = (result.site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{address}over/</loc>" in sitemap
    over = (result.site / "over" / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{address}over/">' in over


def test_an_empty_web_address_is_none(tmp_path: Path) -> None:
    # In pull requests the workflow passes an empty HANDBOEK_WEBADRES: links stay relative.
    result = run_build(copy_project(tmp_path / "project"), webadres="")
    assert result.returncode == 0, result.output
    assert "<loc>" not in (result.site / "sitemap.xml").read_text(encoding="utf-8")
    over = (result.site / "over" / "index.html").read_text(encoding="utf-8")
    assert 'rel="canonical"' not in over
    assert '<link rel="stylesheet" href="../assets/stylesheets/main.' in over


# Links in an environment's text, written for its own page (omgevingen/<slug>.md).
LINKS_IN_AN_ENVIRONMENT = """
Zie [de colofon](../over.md#licentie), [buurten](buurtgemeenschappen.md),
[hun meerwaarde](buurtgemeenschappen.md#meerwaarde), [wat werkt](#wat-werkt),
[de kop hieronder](#een-eigen-kop), [het SCP](https://www.scp.nl/) en [de start][start].
![Schets](../afbeeldingen/schets.png)

### Een eigen kop

[start]: ../index.md
"""


def test_links_in_an_environment_work_on_its_page_and_on_the_print_page(tmp_path: Path) -> None:
    """The print page sits elsewhere: it sends each link where it went on the environment page."""
    project = copy_project(tmp_path / "project")
    page = project / "content" / "omgevingen" / "verenigingen.md"
    heading = "## Wat kan de gemeente doen?\n"
    page.write_text(
        page.read_text(encoding="utf-8").replace(heading, heading + LINKS_IN_AN_ENVIRONMENT),
        encoding="utf-8",
    )
    (project / "content" / "afbeeldingen").mkdir()
    (project / "content" / "afbeeldingen" / "schets.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    result = run_build(project)
    assert result.returncode == 0, result.output  # was: two warnings about 'afdrukken.md'

    def destinations(url: str) -> list[str]:
        article = _article(result.site, url)
        start = article.index("Zie ")
        return re.findall(r'(?:href|src)="([^"]*)"', article[start : article.index("<h", start)])

    assert destinations("omgevingen/verenigingen/") == [
        "../../over/#licentie",
        "../buurtgemeenschappen/",
        "../buurtgemeenschappen/#meerwaarde",
        "#wat-werkt",
        "#een-eigen-kop",
        "https://www.scp.nl/",
        "../../",
        "../../afbeeldingen/schets.png",
    ]
    assert destinations("afdrukken/") == [
        "../over/#licentie",
        "#buurtgemeenschappen",
        "#buurtgemeenschappen-meerwaarde",
        "#verenigingen-wat-werkt",
        "../omgevingen/verenigingen/#een-eigen-kop",  # a heading's id is only sure there
        "https://www.scp.nl/",
        "../",
        "../afbeeldingen/schets.png",
    ]


def _dirty_build(project: Path) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --dirty`, as `make serve SERVE_FLAGS=--dirty` rebuilds after an edit (not
    strict: MkDocs warns that a dirty build is for development only)."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--dirty", "-d", str(project / "site")],
        cwd=project,
        capture_output=True,
        text=True,
        env=build_environment(),
        check=False,
    )


def test_a_dirty_rebuild_writes_the_changed_and_generated_pages_and_still_checks(
    tmp_path: Path,
) -> None:
    """What README promises for `make serve SERVE_FLAGS=--dirty` on a big site: after an edit
    only the changed page and the generated pages are written again (the overview shows the
    edit), and the content is checked as in every build."""
    project = copy_project(tmp_path / "project")
    assert run_build(project).returncode == 0
    site = project / "site"
    untouched = site / "begrippen" / "index.html"
    written_before = untouched.stat().st_mtime_ns
    source = project / "content" / ENVIRONMENTS_FOLDER / "verenigingen.md"
    text = source.read_text(encoding="utf-8")
    assert "    - Speelse leeromgeving\n" in text
    source.write_text(
        text.replace("    - Speelse leeromgeving\n", "    - Speelse plek om te leren\n"), "utf-8"
    )
    rebuilt = _dirty_build(project)
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert "Speelse plek om te leren" in (site / "overzicht" / "index.html").read_text("utf-8")
    assert untouched.stat().st_mtime_ns == written_before

    page = project / "content" / "begrippen.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nZie [dit](bestaat-niet.md).\n", "utf-8")
    broken = _dirty_build(project)
    assert broken.returncode == 1
    assert "Traceback" not in broken.stderr
    assert "\ncontent/begrippen.md:" in broken.stderr
