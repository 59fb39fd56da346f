"""Checking the local layer as a whole: lokaal/ -> rules -> `LocalLayer`.

`check_layer` is called by `check.check_content` with the upstream documents,
so every local problem is reported next to the content's own, as
`path:line: message` with a hint. Mistakes a municipality makes are errors;
drift caused by an upstream change (a note whose upstream text changed) is a
notice, so an upstream fix always deploys.

The flow: lokaal/gemeente.yml (`municipality`), then each
lokaal/omgevingen/<slug>.yml (`environments`, whose notes and descriptions
get the prose rules of upstream's pages), then the pages in lokaal/paginas/
(checked here with the rules of upstream's pages), then the links on those
pages and in those texts in the site as built, then any file the layout does
not know (`files` names the layout), and last every file of upstream outside
lokaal/ that the fork changed (`manifest`). Only a layer without errors becomes a
`LocalLayer` for the model.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from handboek import rules
from handboek.local import manifest, renames
from handboek.local.environments import (
    LocalText,
    UpstreamEnvironment,
    read_environment_file,
    renamed_environments,
    upstream_environments,
)
from handboek.local.files import (
    CONTACT_PAGE,
    ENVIRONMENTS_DIR,
    LOGO_SUFFIXES,
    MUNICIPALITY_FILE,
    PAGES_DIR,
    layer_folder,
    placeholder_findings,
)
from handboek.local.municipality import Municipality, municipality_values
from handboek.model import (
    LOCAL_FOLDER,
    LOCAL_PAGES_PATH,
    PUBLISHER_PAGES,
    LocalEnvironment,
    LocalLayer,
)
from handboek.problems import Finding, Problem, errors
from handboek.read import tree
from handboek.read.document import Document, read_document
from handboek.rules import anchors, links, safety

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_LAYOUT_HINT = (
    "de lokale laag bevat alleen: lokaal/gemeente.yml, het logo dat 'logo' daarin noemt, "
    "lokaal/omgevingen/<omgeving>.yml en lokaal/paginas/<naam>.md (zie FORKING.md)"
)


@dataclass(frozen=True)
class LayerResult:
    problems: tuple[Problem, ...]
    layer: LocalLayer | None  # None when the layer has errors
    pages: tuple[Document, ...]  # the municipality's own pages, for the model
    site: anchors.Site  # the site as built (local pages and blocks included), for link checks


def site_path_of(page_name: str) -> str:
    """Own pages go to /gemeente/; statements replace upstream's at the same address."""
    return page_name if page_name in PUBLISHER_PAGES else f"{LOCAL_PAGES_PATH}/{page_name}"


def _plain_files(folder: Path, pattern: str) -> list[Path]:
    """The files in a folder of the layer, sorted; a link or a special file (and a folder
    that is a link) is left out here and reported by `_not_plain`."""
    if not folder.is_dir() or folder.is_symlink():
        return []
    return [file for file in sorted(folder.glob(pattern)) if tree.is_plain_file(file)]


# --- lokaal/paginas/*.md ---------------------------------------------------------------------


def _page_problems(
    folder: Path, documents: Sequence[Document], on: dt.date, renamed: dict[str, str]
) -> tuple[list[Document], list[Problem]]:
    """The municipality's own pages, checked with the rules of upstream's pages."""
    pages: list[Document] = []
    problems = list(_missing_contact_page(folder / PAGES_DIR))
    upstream_paths = {document.content_path for document in documents}
    for file in _plain_files(folder / PAGES_DIR, "*.md"):
        path = f"{LOCAL_FOLDER}/{PAGES_DIR}/{file.name}"
        site_path = site_path_of(file.name)
        problems.extend(_page_name_problems(file, path, site_path, upstream_paths))
        document, found = _read_page(file, path, site_path, renamed)
        problems.extend(found)
        if document is None:
            continue
        pages.append(document)
        problems.extend(rules.document_problems(document, on, _LOCAL_HINTS))
    return pages, problems


def _missing_contact_page(pages_folder: Path) -> Iterator[Problem]:
    if not (pages_folder / CONTACT_PAGE).is_file():
        yield Problem(
            f"{LOCAL_FOLDER}/{PAGES_DIR}/{CONTACT_PAGE}",
            1,
            "de contactpagina van de gemeente ontbreekt",
            "maak deze pagina met front matter (titel, beschrijving, eigenaar, "
            "laatst_beoordeeld, volgende_beoordeling) en zeg bij wie lezers terechtkunnen",
        )


def _page_name_problems(
    file: Path, path: str, site_path: str, upstream_paths: set[str]
) -> Iterator[Problem]:
    """A file name that is no web address, or the address of a page of upstream."""
    if not _SLUG.match(file.stem):
        yield Problem(
            path,
            1,
            f"de bestandsnaam '{file.name}' is geen geldig webadres",
            "gebruik alleen kleine letters, cijfers en '-', bijvoorbeeld 'contact.md'",
        )
    if site_path in upstream_paths and file.name not in PUBLISHER_PAGES:
        yield Problem(
            path,
            1,
            f"upstream heeft al een pagina content/{site_path}",
            "kies een andere bestandsnaam voor deze lokale pagina",
        )


def _read_page(
    file: Path, path: str, site_path: str, renamed: dict[str, str]
) -> tuple[Document | None, list[Problem]]:
    """One local page, its invulplekken, and its links to an earlier name of an environment."""
    document, found = read_document(file, path, site_path)
    text = file.read_text(encoding="utf-8", errors="replace")
    problems = [*found, *(Problem(path, *f) for f in placeholder_findings(text, False))]
    if document is None:
        return None, problems
    # Links to an earlier name of an environment work, with a notice (the hook rewrites
    # them the same way in the built page).
    markdown, rewrites = renames.rewrite_links(document.body, renamed)
    if rewrites:
        problems.extend(
            renames.link_notice(path, document.body_line + r.offset, r) for r in rewrites
        )
        document = dataclasses.replace(document, body=markdown)
    return document, problems


# Upstream's hint names content/afbeeldingen/; the local layer has no place for images.
_LOCAL_IMAGE_HINT = (
    "de site laadt niets van andere websites (privacy van lezers); zet een gewone link "
    "naar de afbeelding, bijvoorbeeld [Bekijk de kaart](https://...)"
)
_LOCAL_HINTS = {safety.no_external_images: _LOCAL_IMAGE_HINT}


def _headings_fit_in_a_block(document: Document) -> Iterator[Finding]:
    """A heading in a note or description is ### or ####: it sits under the block's heading."""
    for heading in document.headings:
        if heading.level not in (3, 4):
            yield Finding(
                heading.line,
                f"het kopje '{heading.text}' begint met {'#' * heading.level}",
                "de tekst staat in een blok met een eigen kopje: gebruik ### voor een kopje en "
                "#### voor een kopje daaronder",
            )


# --- the whole layer -----------------------------------------------------------------------


@dataclass(frozen=True)
class _EnvironmentFiles:
    """What lokaal/omgevingen/ holds, as far as it could be read."""

    environments: dict[str, LocalEnvironment]  # the additions of each file without errors
    failed: set[str]  # environments whose local file has errors
    texts: list[LocalText]  # Markdown written in those files
    problems: list[Problem]


def check_layer(
    root: Path, documents: Sequence[Document], on: dt.date, content_files: frozenset[str]
) -> LayerResult:
    """Check everything in lokaal/ against the upstream documents and content files."""
    folder = layer_folder(root)
    values, problems = municipality_values(root)
    municipality = None if values is None or errors(problems) else Municipality.from_values(values)
    upstream = upstream_environments(documents)
    read = _read_environments(folder / ENVIRONMENTS_DIR, upstream)
    problems.extend(read.problems)
    problems.extend(_prose_problems(read.texts))
    renamed = renamed_environments(upstream)
    pages, found = _page_problems(folder, documents, on, renamed)
    problems.extend(found)
    site = _site_as_built(documents, pages, content_files, read)
    for page in pages:
        problems.extend(Problem(page.path, *finding) for finding in links.links_resolve(page, site))
    for text in read.texts:  # their links resolve from the environment page they are shown on
        problems.extend(text.problems(links.links_resolve(text.document, site)))
    walked = tree.walk(folder)
    problems.extend(_not_plain(folder, walked))
    problems.extend(_unknown_files(folder, walked, (values or {}).get("logo")))
    problems.extend(manifest.notices(root))  # upstream's files that the fork changed
    if errors(problems) or municipality is None:
        return LayerResult(tuple(problems), None, tuple(pages), site)
    layer = _local_layer(municipality, pages, read.environments, renamed)
    return LayerResult(tuple(problems), layer, tuple(pages), site)


def _read_environments(
    environments_folder: Path, upstream: dict[str, UpstreamEnvironment]
) -> _EnvironmentFiles:
    """Every lokaal/omgevingen/<slug>.yml; only one file per environment."""
    read = _EnvironmentFiles({}, set(), [], [])
    files_of: dict[str, str] = {}  # environment -> the file that holds its additions
    for file in _plain_files(environments_folder, "*.yml"):
        path = f"{LOCAL_FOLDER}/{ENVIRONMENTS_DIR}/{file.name}"
        one = read_environment_file(file, path, upstream)
        read.problems.extend(one.problems)
        read.texts.extend(one.texts)
        if one.slug in files_of:  # a file under the earlier and one under the current name
            read.problems.append(
                Problem(
                    path,
                    1,
                    f"{files_of[one.slug]} en {path} zijn allebei voor de omgeving '{one.slug}'",
                    f"zet alles in {LOCAL_FOLDER}/{ENVIRONMENTS_DIR}/{one.slug}.yml en "
                    "verwijder het andere bestand",
                )
            )
            read.failed.add(one.slug)
            continue
        files_of[one.slug] = path
        if one.environment is not None:
            read.environments[one.slug] = one.environment
        else:
            read.failed.add(one.slug)
    return read


def _prose_problems(texts: list[LocalText]) -> Iterator[Problem]:
    """Notes and descriptions are shown on the environment pages: the same prose rules
    (no scripts, nothing from other websites) as upstream's pages."""
    prose_rules = (*rules.PROSE_RULES, _headings_fit_in_a_block)
    for text in texts:
        yield from text.problems(rules.findings(prose_rules, text.document, _LOCAL_HINTS))


def _site_as_built(
    documents: Sequence[Document],
    pages: list[Document],
    content_files: frozenset[str],
    read: _EnvironmentFiles,
) -> anchors.Site:
    """Links on local pages resolve in the site as built: upstream's files plus local pages,
    and on environment pages the local blocks' ids (unknown when their file is wrong)."""
    return anchors.Site(
        (*documents, *pages),
        content_files | {page.content_path for page in pages},
        {
            document.content_path: None
            if document.slug in read.failed
            else read.environments.get(document.slug, LocalEnvironment())
            for document in documents
            if document.is_environment
        },
    )


def _local_layer(
    municipality: Municipality,
    pages: list[Document],
    environments: dict[str, LocalEnvironment],
    renamed: dict[str, str],
) -> LocalLayer:
    """The layer for the model (it has no errors)."""
    return LocalLayer(
        name=municipality.name,
        logo=(municipality.logo_site_path, municipality.logo)
        if municipality.logo_site_path and municipality.logo
        else None,
        css=municipality.css,
        pages=tuple((page.content_path, page.path) for page in pages),
        contact_path=site_path_of(CONTACT_PAGE),
        environments=environments,
        renames=tuple(sorted(renamed.items())),
    )


def _not_plain(folder: Path, walked: tree.Walk) -> Iterator[Problem]:
    """Symbolic links and special files anywhere in lokaal/ (see `tree`)."""
    for path, message, hint in sorted(
        [(path, tree.A_LINK, tree.A_LINK_HINT) for path in walked.links]
        + [(path, tree.NOT_A_FILE, tree.NOT_A_FILE_HINT) for path in walked.special]
    ):
        yield Problem(f"{LOCAL_FOLDER}/{path.relative_to(folder).as_posix()}", 1, message, hint)


def _unknown_files(folder: Path, walked: tree.Walk, logo: str | None) -> Iterator[Problem]:
    for file in walked.files:
        relative = file.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts):
            continue
        shown = f"{LOCAL_FOLDER}/{relative.as_posix()}"
        parts = relative.parts
        known = (
            relative.as_posix() == MUNICIPALITY_FILE
            or relative.as_posix() == logo
            or (len(parts) == 2 and parts[0] == ENVIRONMENTS_DIR and file.suffix == ".yml")
            or (len(parts) == 2 and parts[0] == PAGES_DIR and file.suffix == ".md")
        )
        if known:
            continue
        if file.suffix.lower() in LOGO_SUFFIXES and len(parts) == 1:
            hint = f"is dit het logo? zet in {LOCAL_FOLDER}/{MUNICIPALITY_FILE}: logo: {file.name}"
        elif file.suffix == ".yaml":
            hint = f"gebruik de extensie .yml: {shown[: -len('.yaml')]}.yml"
        else:
            hint = _LAYOUT_HINT
        yield Problem(shown, 1, "onbekend bestand in de lokale laag", hint)
