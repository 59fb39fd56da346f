"""MkDocs adapter for the `handboek` package: check, then render from one model.

All logic lives in the plain Python package `handboek` (usable without
MkDocs, see `handboek check`). This hook only connects it to MkDocs:

- on_config: check the repository address (`extra.handboek_repository`);
  in a municipality's fork, take its site name, web address,
  logo and colours from lokaal/gemeente.yml (mkdocs.yml stays upstream's).
- on_pre_build: check all content before the site folder is touched; any
  error stops the build with a `PluginError` listing every problem. Notices
  are shown as warnings that do not stop a strict build. On GitHub Actions the
  problems also appear next to their lines and in the step's summary.
- on_files: add the generated pages (overview matrix, print-all page,
  zelfscan, open-data page) and the open-data files, and
  in a fork the local pages, logo and colours.
  It also sets the menu from the model: environments in their `volgorde`,
  and a fork's local pages under the municipality's name.
- on_env: keep the theme's compiled templates between builds (Jinja's
  bytecode cache in the user's temp folder, checked against each template's
  source), so a build or a `mkdocs serve` rebuild does not compile the
  theme's templates again (about 36, 0.3 s each time).
- on_page_markdown: give each page its title and description from the
  model, and render environment and generated pages from the model.
- on_page_content: make the page's entries of the search index
  (`handboek.search_index`: the same entries as Material's, in less than half
  the time) and set `search.exclude` on the page, so Material's own parser skips
  it. A page that excludes itself (the print-all page) gets no entries.
- on_post_build: put the entries, in build order, into the search index Material
  wrote (its config as it is), with the words that forgive Dutch typing (accents,
  synonyms from zoekwoorden.yml). The entries are made anew in each build; only
  `mkdocs serve --dirty` (see on_startup) keeps those of the pages it does not rebuild.
- on_page_context: the links "Klopt er iets niet?" and "Pas deze pagina aan".
- on_env, on_page_context/on_template_context, on_post_page/on_post_template,
  on_post_build: the audit of the built output (`handboek.audit_build`).
  Every stylesheet and SVG is audited before MkDocs copies it, every page
  before MkDocs writes it (a page with problems is not written); a page that
  passes gets its Content-Security-Policy, with the hashes of the theme's
  inline scripts (`handboek.csp`). At the end, any problem stops the build
  with all of them.

MkDocs' templates do not escape what they print, and Material prints the
site name, titles and descriptions raw in some places and with `|e` in
others. So every text from the content or the local layer reaches the theme
HTML-escaped as `markupsafe.Markup` (`_html`): printed raw it is escaped, and
`|e` leaves Markup as it is (no `&amp;amp;`). In the page's Markdown, the
title is written with `plaintext.markdown_literal`, so it renders as text.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import Any

from jinja2 import Environment as TemplateEnvironment
from jinja2 import FileSystemBytecodeCache
from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel, set_exclusions
from mkdocs.structure.pages import Page
from mkdocs.utils import nest_paths

from handboek import (
    COLOURS_CSS,
    BuildAudit,
    Synonyms,
    check_content,
    errors,
    feedback,
    layer_folder,
    notices,
    opendata,
    plaintext,
    read_municipality,
    render,
    report,
    rewrite_links,
    search,
    search_index,
    selfscan,
    to_github,
    today,
)
from handboek.model import (
    ENVIRONMENTS_FOLDER,
    GENERATED_PATHS,
    LOCAL_PAGES_PATH,
    OPEN_DATA_PATH,
    OVERVIEW_PATH,
    PRINT_ALL_PATH,
    PRINT_ALL_TITLE,
    SELF_SCAN_PATH,
    START_PAGE_PATH,
    Environment,
    Handbook,
)
from handboek.model import Page as ContentPage

log = logging.getLogger("mkdocs.hooks.handboek")


def _notice_log() -> logging.Logger:
    """Notices as warnings that do not fail `--strict` (MkDocs counts `mkdocs.*` loggers only)."""
    notice_log = logging.getLogger("handboek.bouw")
    if not notice_log.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("WARNING -  %(message)s"))
        notice_log.addHandler(handler)
        notice_log.propagate = False
    return notice_log


PRINT_NAME_CSS = "assets/afdruk-naam.css"

_handbook: Handbook | None = None
_synonyms: tuple[Synonyms, ...] = ()
# The model's pages by path, so each page is found in one step (1,000 pages: no 500,000 steps).
_pages_by_path: dict[str, ContentPage] = {}


_audit = BuildAudit(Path(), Path())
# The search index's entries of each page (by source path), in build order (on_page_content).
_search_entries: dict[str, list[dict[str, Any]]] = {}
# Whether MkDocs rebuilds only the pages that changed (`mkdocs serve --dirty`).
_dirty = False


def on_startup(*, command: str, dirty: bool) -> None:
    global _dirty
    _dirty = dirty


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).parent
    repository, branch = _repository(config)
    if problem := feedback.repository_problem(repository, branch):
        raise PluginError(f"mkdocs.yml (extra.handboek_repository): {problem}")
    if not layer_folder(root).is_dir():
        return config
    config.watch.append(str(layer_folder(root)))
    # Problems in gemeente.yml are reported with all others by on_pre_build.
    municipality, _ = read_municipality(root)
    if municipality is not None:
        config.site_name = _html(municipality.title(config.site_name))
        if municipality.site_url:
            config.site_url = municipality.site_url
        if municipality.logo_site_path:
            config.theme["logo"] = municipality.logo_site_path
        if municipality.css:
            config.extra_css.append(COLOURS_CSS)
    return config


def _html(text: str) -> Markup:
    """Plain text for the theme's templates: escaped once, never twice (see the docstring)."""
    return escape(text)


def on_pre_build(*, config: MkDocsConfig) -> None:
    global _handbook, _pages_by_path, _audit, _synonyms
    if not _dirty:  # a dirty rebuild keeps the entries of the pages it does not rebuild
        _search_entries.clear()
    config.site_name = _html(config.site_name)
    if config.site_description:
        config.site_description = _html(config.site_description)
    root = Path(config.config_file_path).parent
    site_url = config.site_url or ""
    _audit = BuildAudit(root, Path(config.docs_dir), site_url)
    result = check_content(Path(config.docs_dir), root)
    if errors(result.problems):
        # GitHub Actions: each problem next to its line (the check job already showed notices).
        for line in to_github("Site bouwen: controle van de inhoud", result.problems, os.environ):
            print(line, flush=True)
        raise PluginError(
            "De inhoud bevat fouten; de site is niet gebouwd.\n" + report(result.problems)
        )
    for notice in notices(result.problems):
        _notice_log().warning(notice.format())
    _handbook = result.handbook
    _synonyms = result.synonyms
    _pages_by_path = {page.path: page for page in _model().pages}


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    handbook = _model()
    start = next(page for page in handbook.pages if page.path == START_PAGE_PATH)
    date = today()
    overview = File.generated(config, OVERVIEW_PATH, content="")

    def href(environment: Environment, anchor: str) -> str:
        url = files.get_file_from_path(environment.page.path).url_relative_to(overview)
        return f"{url}#{anchor}" if anchor else url

    overview.content_string = render.overview_html(handbook, date, href)
    files.append(overview)
    files.append(
        File.generated(
            config,
            PRINT_ALL_PATH,
            content=render.print_all_markdown(handbook, date, start),
            inclusion=InclusionLevel.NOT_IN_NAV,  # linked from the overview, not in the menu
        )
    )
    files.append(
        File.generated(config, SELF_SCAN_PATH, content=selfscan.self_scan_markdown(handbook))
    )
    files.append(File.generated(config, OPEN_DATA_PATH, content=opendata.open_data_markdown(date)))
    publisher = handbook.local.name if handbook.local is not None else start.review.owner
    for path, text in opendata.open_data_files(
        handbook, config.site_name, config.site_url, date, publisher
    ).items():
        files.append(File.generated(config, path, content=text))
    if handbook.local is not None:
        root = Path(config.config_file_path).parent
        for site_path, source in (*handbook.local.pages, *filter(None, [handbook.local.logo])):
            if replaced := files.get_file_from_path(site_path):
                files.remove(replaced)  # the municipality's own statement replaces upstream's
            files.append(File.generated(config, site_path, abs_src_path=str(root / source)))
        if handbook.local.css:
            files.append(File.generated(config, COLOURS_CSS, content=handbook.local.css))
    # The guide's name in the margin of printed pages (a fork's own name): CSS made here,
    # linked only from the pages that print as a publication.
    files.append(
        File.generated(
            config, PRINT_NAME_CSS, content=render.print_name_css(_plain(config.site_name))
        )
    )
    set_exclusions(files, config)  # apply not_in_nav to the files added here too
    config.extra["handboek"] = _site_links(handbook, files)
    config.nav = _navigation(handbook, files)
    return files


def _site_links(handbook: Handbook, files: Files) -> dict:
    """What every page's templates link to: the environments (with their one-line
    description, for the start page) and the overview, as paths from the site's root."""

    def url(path: str) -> str:
        file = files.get_file_from_path(path)
        assert file is not None  # every environment is a page; the overview was added above
        return file.url

    return {
        "omgevingen": [
            {
                "titel": env.page.title,
                "regel": env.page.description,
                "pad": url(env.page.path),
                "anker": env.slug,  # its section on the print-all page
            }
            for env in handbook.environments
        ],
        "aantal_omgevingen": render.number_word(len(handbook.environments)),
        "overzicht": url(OVERVIEW_PATH),
        "afdrukken": url(PRINT_ALL_PATH),
    }


def _navigation(handbook: Handbook, files: Files) -> list:
    """The menu, from the model: start, environments by `volgorde`, overview, other pages.

    Made here rather than typed in mkdocs.yml, so that a new environment or a
    municipality's local page appears without editing (and merging) mkdocs.yml.
    """

    def in_nav(path: str) -> bool:
        file = files.get_file_from_path(path)
        return file is not None and file.inclusion.is_in_nav()

    environments = [env.page.path for env in handbook.environments]
    local = [page.path for page in handbook.pages if page.path.startswith(f"{LOCAL_PAGES_PATH}/")]
    others = [
        page.path
        for page in handbook.pages
        if page.path not in (START_PAGE_PATH, *environments, *local) and in_nav(page.path)
    ]
    navigation: list = [
        {"Start": START_PAGE_PATH},
        {"Omgevingen": environments},
        OVERVIEW_PATH,
        SELF_SCAN_PATH,
        OPEN_DATA_PATH,
        # Pages in folders keep their folder as a section, as in MkDocs' own menu, so that
        # navigation.prune can fold them away (a flat menu of 1,000 pages is in every page).
        *nest_paths(sorted(others)),
    ]
    if handbook.local is not None and local:
        navigation.append({_html(handbook.local.name): [path for path in local if in_nav(path)]})
    return navigation


def on_env(env: TemplateEnvironment, *, config: MkDocsConfig, files: Files) -> TemplateEnvironment:
    try:
        env.bytecode_cache = FileSystemBytecodeCache()
    except (OSError, RuntimeError) as error:  # no private folder of this user in the temp folder
        log.info(
            "Templates niet bewaard voor een volgende bouw (Jinja: %s). De bouw gaat door.", error
        )
    local = _handbook is not None and _handbook.local is not None
    _audit.theme(
        env,
        config.theme.dirs,
        [(file.dest_uri, file.abs_src_path) for file in files],
        [
            *(Path(file.abs_src_path) for file in files.documentation_pages() if file.abs_src_path),
            *(sorted((_audit.root / "lokaal").rglob("*.yml")) if local else []),
        ],
    )
    for file in files:
        if file.dest_uri.endswith(BuildAudit.SUFFIXES) and not file.is_documentation_page():
            made_from = (
                _audit.root / "lokaal" / "gemeente.yml" if file.dest_uri == COLOURS_CSS else None
            )
            source = Path(file.abs_src_path) if file.abs_src_path else None
            _audit.file(file.content_bytes, file.dest_uri, source, made_from)
    return env


def on_page_context(context: Any, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
    """The feedback links, and the inline scripts the theme's templates write on this page
    (for the audit and its Content-Security-Policy)."""
    _add_feedback_links(page, config)
    _audit.expect(page.file.dest_uri, page.meta.get("template", "main.html"), context)
    return context


def on_template_context(context: Any, *, template_name: str, config: MkDocsConfig) -> Any:
    if template_name.endswith(".html"):  # 404.html
        _audit.expect(template_name, template_name, context)
    return context


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    """Audit the page before MkDocs writes it; a page with problems is not written."""
    own = page.file.abs_src_path
    return _audit.page(output, page.file.dest_uri, Path(own) if own else None)


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    if not template_name.endswith(".html"):
        return output_content  # sitemap.xml: addresses of the site's own pages
    return _audit.page(output_content, template_name, None)


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """The page's search entries, made here instead of by Material (see the docstring)."""
    try:
        _search_entries[page.file.src_uri] = search_index.page_entries(
            html, page.toc, page.url, page.title, page.meta
        )
    except search_index.UnsupportedHtml as error:
        root = Path(config.config_file_path).parent.resolve()
        shown = (Path(config.docs_dir).resolve() / page.file.src_uri).relative_to(root)
        raise PluginError(
            f"{shown.as_posix()}: de zoekindex kan deze pagina niet lezen: {error}\n"
            "  tip: kijk in deze pagina of een HTML-code zoals <...> niet wordt afgesloten;"
            " 'handboek check' hoort dat eerder te melden, meld het dus ook als probleem"
        ) from error
    page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
    return html


def on_post_build(*, config: MkDocsConfig) -> None:
    """The search index (handboek.search_index, handboek.search), then the audit's verdict."""
    index_file = Path(config.site_dir) / "search" / "search_index.json"
    if index_file.is_file():
        entries = [entry for page in _search_entries.values() for entry in page]
        try:
            index = search_index.with_entries(json.loads(index_file.read_text("utf-8")), entries)
        except ValueError as error:  # Material indexed pages itself: a new Material version
            raise PluginError(f"search/search_index.json: {error}") from error
        index = search.add_search_words(index, _synonyms)
        # As Material writes it: compact, in the same order (reproducible).
        index_file.write_text(json.dumps(index, separators=(",", ":")), encoding="utf-8")
    log.info(_audit.summary())
    if _audit.problems:
        # GitHub Actions: each problem of the built site next to its source line, too.
        for line in to_github(
            "Site bouwen: controle van de gebouwde site", _audit.problems, os.environ
        ):
            print(line, flush=True)
        raise PluginError(
            "De gebouwde site bevat iets wat niet mag; de bouw is mislukt en de pagina's met "
            "fouten zijn niet geschreven.\n" + report(_audit.problems)
        )


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Every page gets its title as `# h1` (the skip link and outline start there)."""
    handbook = _model()
    path = page.file.src_uri
    if path in GENERATED_PATHS:
        title, description, anchor = _generated_page(path, page, handbook)
    else:
        model_page = _pages_by_path[path]
        title, description, anchor = model_page.title, model_page.description, ""
        markdown = _content_page(markdown, page, files, handbook, model_page)
    page.meta.update(title=_html(title), description=_html(description))
    return f"# {plaintext.markdown_literal(title)}{anchor}\n\n{markdown}"


def _generated_page(path: str, page: Page, handbook: Handbook) -> tuple[str, str, str]:
    """Title, description and a fixed id for the h1 (where the title can change) of a
    generated page; its settings for the templates go into `page.meta`."""
    if path == OVERVIEW_PATH:
        page.meta["handboek_afdruk"] = "liggend"
        page.meta["hide"] = ["toc"]  # the matrix needs the width; the page has no headings
        return "Overzicht", render.overview_caption(handbook), ""
    if path == PRINT_ALL_PATH:
        page.meta["handboek_afdruk"] = "alles"
        page.meta["handboek_omslag"] = {"datum": render.dutch_date(today())}
        page.meta["search"] = {"exclude": True}  # its text is already found on the other pages
        return PRINT_ALL_TITLE, "De hele handreiking op één pagina, om af te drukken.", ""
    if path == SELF_SCAN_PATH:
        page.meta["handboek_zelfscan"] = True
        # A fixed id: the title has the municipality's name in a fork (SELF_SCAN_ANCHOR).
        return (
            selfscan.self_scan_title(handbook),
            "Per punt van 'Wat kan de gemeente doen?' nagaan wat al geregeld is.",
            " {#zelfscan}",
        )
    assert path == OPEN_DATA_PATH
    return (
        "Open data",
        "De handreiking als open data: JSON, JSON Schema, CSV en DCAT.",
        (" {#open-data}"),
    )


def _content_page(
    markdown: str, page: Page, files: Files, handbook: Handbook, model_page: ContentPage
) -> str:
    """The Markdown of a page editors write; its review and template go into `page.meta`."""
    path = page.file.src_uri
    page.meta["handboek_beoordeling"] = {
        "eigenaar": _html(model_page.review.owner),
        "datum": render.dutch_date(model_page.review.last_reviewed),
        "iso": model_page.review.last_reviewed.isoformat(),
    }
    if path == START_PAGE_PATH:
        # The cover (overrides/start.html), with the build's date as the version.
        build_date = today()
        page.meta["template"] = "start.html"
        page.meta["handboek_omslag"] = {
            "datum": render.dutch_date(build_date),
            "iso": build_date.isoformat(),
        }
    # A link in a fork's own page to an earlier name of an environment (the check gave a
    # notice) is built as a link to its current name.
    local = handbook.local
    if local is not None and local.renames and path in {site for site, _ in local.pages}:
        markdown = rewrite_links(markdown, dict(local.renames))[0]
    environment = handbook.environment_at(path)
    if environment is None:
        return markdown
    page.meta["template"] = "omgeving.html"
    if local is not None:
        contact = files.get_file_from_path(local.contact_path)
        assert contact is not None  # the check requires the contact page
        page.meta["handboek_lokaal"] = {"naam": _html(local.name), "contact": contact.url}
    return render.environment_markdown(environment, local=local)


def _add_feedback_links(page: Page, config: MkDocsConfig) -> None:
    """Every page: "Klopt er iets niet?" and "Pas deze pagina aan" (see handboek.feedback)."""
    repository, branch = _repository(config)
    if not repository:
        return  # partials/melden.html says that no repository is set
    root = Path(config.config_file_path).parent
    source = page.file.abs_src_path
    is_generated = page.file.src_uri in GENERATED_PATHS or source is None
    address = (config.site_url or "") + page.url if config.site_url else page.url or "./"
    page.meta["handboek_melden"] = feedback.feedback_links(
        feedback.Repository(repository, branch),
        _plain(page.meta.get("title") or page.title or ""),
        address,
        None if is_generated else Path(source).resolve().relative_to(root.resolve()).as_posix(),
        Path(config.docs_dir).resolve().relative_to(root.resolve()).as_posix()
        + "/"
        + ENVIRONMENTS_FOLDER,
    )


def _plain(text: str) -> str:
    """The text of a title the hook escaped (`_html`), for a web address."""
    return text.unescape() if isinstance(text, Markup) else str(text)


def _repository(config: MkDocsConfig) -> tuple[str, str]:
    extra = config.extra
    return str(extra.get("handboek_repository") or ""), str(extra.get("handboek_branch") or "")


def _model() -> Handbook:
    if _handbook is None:
        raise PluginError("de inhoud is nog niet gecontroleerd (on_pre_build is niet gelopen)")
    return _handbook
