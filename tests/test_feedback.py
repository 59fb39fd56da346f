"""From reader to editor: "Klopt er iets niet?" and "Pas deze pagina aan" on every page.

The repository address is set once (HANDBOEK_REPOSITORY, which the workflow
fills in from `github.server_url` and `github.repository`); the links on every
built page must use it, with the page's own title, address and source file,
also in a fork. Without the address a page says that reporting is not set up,
instead of showing a dead link.
"""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from handboek import feedback
from tests.browser.site_pages import page_file, page_paths
from tests.conftest import ROOT, copy_project, run_build

FIXTURE = ROOT / "tests" / "fixtures" / "gemeente-voorbeeld"
UPSTREAM = "https://github.example/redactie/handreiking"
FORK = "https://github.example/gemeente-voorbeeld/handreiking"
GENERATED = {"overzicht/", "afdrukken/", "zelfscan/", "open-data/"}
NOT_SET = "het adres van de repository is niet ingesteld"


def build_with(project: Path, monkeypatch: pytest.MonkeyPatch, repository: str | None) -> Path:
    if repository is None:
        monkeypatch.delenv("HANDBOEK_REPOSITORY", raising=False)
    else:
        monkeypatch.setenv("HANDBOEK_REPOSITORY", repository)
    monkeypatch.setenv("HANDBOEK_BRANCH", "main")
    build = run_build(project)
    assert build.returncode == 0, build.output
    return build.site


def links_of(site: Path, path: str) -> tuple[str, str, str]:
    """The issue link, the edit link and its text on one built page."""
    page = page_file(site, path).read_text(encoding="utf-8")
    block = page[page.index('<div class="handboek-melden">') :]
    block = block[: block.index("</div>")]
    found = re.findall(r'<a href="([^"]+)">([^<]+)</a>', block)
    assert len(found) == 2, (path, block)
    (issue, _), (edit, text) = found
    return html.unescape(issue), html.unescape(edit), text


def title_of(site: Path, path: str) -> str:
    page = page_file(site, path).read_text(encoding="utf-8")
    h1 = re.search(r"<h1[^>]*>(.*?)(?:<a class=\"headerlink\"|</h1>)", page, re.S)
    assert h1, path
    return html.unescape(re.sub(r"<[^>]+>", "", h1.group(1))).strip()


def content_pages(site: Path) -> list[str]:
    return [path for path in page_paths(site) if path != "404.html"]


def source_of(path: str, fork: bool = False) -> str:
    if fork and path.startswith("gemeente/"):
        return f"lokaal/paginas/{path.removeprefix('gemeente/').rstrip('/')}.md"
    if fork and path in ("toegankelijkheid/", "privacy/"):
        return f"lokaal/paginas/{path.rstrip('/')}.md"
    return "content/index.md" if path == "" else f"content/{path.rstrip('/')}.md"


def check_every_page(site: Path, repository: str, fork: bool = False, base: str = "") -> int:
    pages = content_pages(site)
    for path in pages:
        issue, edit, text = links_of(site, path)
        parts = urlsplit(issue)
        assert f"{parts.scheme}://{parts.netloc}{parts.path}" == f"{repository}/issues/new"
        query = parse_qs(parts.query)
        title = title_of(site, path)
        assert query["template"] == [feedback.ISSUE_FORM], path
        assert query["title"] == [f"Klopt er iets niet? {title}"], path
        assert query[feedback.ISSUE_PAGE_FIELD] == [
            f"{title} ({base + path if base else path or './'})"
        ], path
        if path in GENERATED:
            assert (edit, text) == (
                f"{repository}/tree/main/content/omgevingen",
                "Bekijk de teksten waaruit deze pagina gemaakt is",
            ), path
        else:
            assert (edit, text) == (
                f"{repository}/edit/main/{source_of(path, fork)}",
                "Pas deze pagina aan",
            )
            assert (site.parent / source_of(path, fork)).is_file(), path  # the project
    return len(pages)


def test_every_page_links_to_an_issue_and_its_source_with_the_address_set_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = copy_project(tmp_path / "project")
    site = build_with(project, monkeypatch, UPSTREAM)
    assert check_every_page(site, UPSTREAM) >= 10


def test_a_fork_links_to_its_own_repository_and_local_source_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = copy_project(tmp_path / "project")
    shutil.copytree(FIXTURE, project / "lokaal")
    site = build_with(project, monkeypatch, FORK)
    # The fixture's gemeente.yml has a web address: the issue gets the page's full address.
    base = "https://handreiking.voorbeeld.example/"
    assert check_every_page(site, FORK, fork=True, base=base) >= 10
    _, edit, _ = links_of(site, "gemeente/onze-aanpak/")
    assert edit == f"{FORK}/edit/main/lokaal/paginas/onze-aanpak.md"
    assert (project / "lokaal" / "paginas" / "onze-aanpak.md").is_file()
    assert UPSTREAM not in (site / "index.html").read_text(encoding="utf-8")


def test_without_a_repository_address_pages_say_so_and_link_nowhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = build_with(copy_project(tmp_path / "project"), monkeypatch, None)
    for path in content_pages(site):
        page = page_file(site, path).read_text(encoding="utf-8")
        block = page[page.index('<div class="handboek-melden">') :]
        block = block[: block.index("</div>")]
        assert NOT_SET in block, path
        assert "<a " not in block, path
        assert not re.search(r"/issues/new|/edit/", page), path


def test_a_wrong_repository_address_stops_the_build_with_a_dutch_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HANDBOEK_REPOSITORY", "github.com/redactie")
    build = run_build(copy_project(tmp_path / "project"))
    assert build.returncode == 1
    assert (
        "mkdocs.yml (extra.handboek_repository): HANDBOEK_REPOSITORY 'github.com/redactie' is "
        "geen adres van een repository; verwacht wordt bijvoorbeeld "
        "https://github.com/gemeente-voorbeeld/handreiking"
    ) in build.output
    assert "Traceback" not in build.output


def test_the_theme_gets_no_repo_url_so_it_never_asks_api_github_com() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert not re.search(r"^\s*(repo_url|repo_name|edit_uri)\s*:", config, re.M)


def test_the_issue_form_has_the_field_the_link_fills_in() -> None:
    form = yaml.safe_load(
        (ROOT / ".github" / "ISSUE_TEMPLATE" / feedback.ISSUE_FORM).read_text(encoding="utf-8")
    )
    assert form["name"] == "Klopt er iets niet?"
    assert form["title"].startswith("Klopt er iets niet?")
    fields = {item["id"]: item for item in form["body"] if "id" in item}
    assert list(fields) == [feedback.ISSUE_PAGE_FIELD, "wat", "voorstel"]
    assert fields[feedback.ISSUE_PAGE_FIELD]["type"] == "input"
    assert fields["wat"]["validations"]["required"] is True
    # Every body item is a kind GitHub's issue forms know, with a label where one is needed.
    for item in form["body"]:
        assert item["type"] in {"markdown", "input", "textarea", "dropdown", "checkboxes"}
        assert item["type"] == "markdown" or item["attributes"]["label"]


def test_the_workflow_sets_the_repository_address_from_github() -> None:
    workflow = yaml.safe_load(
        (ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8")
    )
    env = workflow["jobs"]["controleren"]["env"]
    assert env["HANDBOEK_REPOSITORY"] == "${{ github.server_url }}/${{ github.repository }}"
    assert env["HANDBOEK_BRANCH"] == "${{ github.event.repository.default_branch }}"
