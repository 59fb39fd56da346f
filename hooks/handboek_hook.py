"""MkDocs adapter for the `handboek` package: check, then render from one model.

All logic lives in the plain Python package `handboek` (usable without
MkDocs, see `handboek check`). This hook only connects it to MkDocs:

- on_pre_build: check all content before the site folder is touched; any
  error stops the build with a `PluginError` listing every problem.
- on_files: add the generated pages (overview matrix, print-all page).
- on_nav: order the environments by their `volgorde`.
- on_page_markdown: give each page its title and description from the
  model, and render environment and generated pages from the model.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from handboek import load, render
from handboek.model import OVERVIEW_PATH, PRINT_ALL_PATH, START_PAGE_PATH, Environment, Handbook
from handboek.problems import errors, notices, report

log = logging.getLogger("mkdocs.hooks.handboek")

_handbook: Handbook | None = None


def on_pre_build(*, config: MkDocsConfig) -> None:
    global _handbook
    root = Path(config.config_file_path).parent
    result = load.check_content(Path(config.docs_dir), root)
    if errors(result.problems):
        raise PluginError(
            "De inhoud bevat fouten; de site is niet gebouwd.\n" + report(result.problems)
        )
    for notice in notices(result.problems):
        log.info(notice.format())
    _handbook = result.handbook


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    handbook = _model()
    start = next(page for page in handbook.pages if page.path == START_PAGE_PATH)
    date = load.today()
    overview = File.generated(config, OVERVIEW_PATH, content="")

    def href(environment: Environment, anchor: str) -> str:
        url = files.get_file_from_path(environment.page.path).url_relative_to(overview)
        return f"{url}#{anchor}" if anchor else url

    overview.content_string = render.overview_html(handbook, date, href)
    files.append(overview)
    files.append(
        File.generated(
            config, PRINT_ALL_PATH, content=render.print_all_markdown(handbook, date, start)
        )
    )
    return files


def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    order = {env.page.path: env.order for env in _model().environments}
    for item in nav.items:
        if isinstance(item, Section) and all(
            isinstance(child, Page) and child.file.src_uri in order for child in item.children
        ):
            item.children.sort(key=lambda child: order[child.file.src_uri])
    return nav


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    handbook = _model()
    path = page.file.src_uri
    if path == OVERVIEW_PATH:
        page.meta.update(title="Overzicht", description=render.overview_caption(handbook))
        page.meta["handboek_afdruk"] = "liggend"
        return markdown
    if path == PRINT_ALL_PATH:
        page.meta.update(
            title="Hele handreiking afdrukken",
            description="De hele handreiking op één pagina, om af te drukken.",
        )
        page.meta["handboek_afdruk"] = "alles"
        return markdown
    model_page = next(p for p in handbook.pages if p.path == path)
    page.meta.update(title=model_page.title, description=model_page.description)
    page.meta["handboek_beoordeling"] = {
        "eigenaar": model_page.review.owner,
        "datum": render.dutch_date(model_page.review.last_reviewed),
        "iso": model_page.review.last_reviewed.isoformat(),
    }
    environment = handbook.environment_at(path)
    if environment is None:
        return markdown
    page.meta["template"] = "omgeving.html"
    return render.environment_markdown(environment)


def _model() -> Handbook:
    if _handbook is None:
        raise PluginError("de inhoud is nog niet gecontroleerd (on_pre_build is niet gelopen)")
    return _handbook
