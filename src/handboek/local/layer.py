"""Reading and checking the local layer: files -> YAML nodes -> rules -> `LocalLayer`.

`check_layer` is called by `load.check_content` with the upstream documents,
so every local problem is reported next to the content's own, as
`path:line: message` with a hint. Mistakes a municipality makes are errors;
drift caused by an upstream change (a note whose upstream text changed) is a
notice, so an upstream fix always deploys.

`read_municipality` reads only lokaal/gemeente.yml; the MkDocs hook needs its
name, logo and colours in `on_config`, before the full check runs.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from handboek import frontmatter, links, rules
from handboek.document import Document, read_document
from handboek.local import colours, drift
from handboek.local.fields import LOCAL_ENVIRONMENT_FIELDS, MUNICIPALITY_FIELDS
from handboek.model import (
    LOCAL_FOLDER,
    LOCAL_PAGES_PATH,
    PARTS,
    PUBLISHER_PAGES,
    BridgeBuilder,
    Initiative,
    LocalEnvironment,
    LocalLayer,
    LocalNote,
    PartSpec,
)
from handboek.problems import Problem, Severity, errors

MUNICIPALITY_FILE = "gemeente.yml"
ENVIRONMENTS_DIR = "omgevingen"
PAGES_DIR = "paginas"
CONTACT_PAGE = "contact.md"
LOGO_SUFFIXES = (".svg", ".png")
# Where the build puts the logo and the colours in the site.
SITE_ASSETS = "assets/gemeente"
COLOURS_CSS = f"{SITE_ASSETS}/kleuren.css"

# What a municipality still has to fill in, as upstream's statements mark it too.
PLACEHOLDER = re.compile(r"\[in te vullen:[^\]]*\]", re.IGNORECASE)
_HTTPS = re.compile(r"^https://[^\s/]+\.[^\s]+$")


def _not_https(path: str, line: int, where: str, url: str) -> Problem:
    return Problem(
        path,
        line,
        f"'webadres'{where} is geen https-adres: '{url}'",
        'schrijf het volledige adres, bijvoorbeeld: webadres: "https://www.example.nl/"',
    )


_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_EXTERNAL_REFERENCE = re.compile(
    r"""(?:\b(?:href|src)\s*=\s*["']\s*(?:https?:)?//|url\(\s*["']?\s*(?:https?:)?//|@import)""",
    re.IGNORECASE,
)
_PARTS_BY_ANCHOR = {spec.anchor: spec for spec in PARTS}
_LAYOUT_HINT = (
    "de lokale laag bevat alleen: lokaal/gemeente.yml, het logo dat 'logo' daarin noemt, "
    "lokaal/omgevingen/<omgeving>.yml en lokaal/paginas/<naam>.md (zie FORKING.md)"
)


@dataclass(frozen=True)
class Municipality:
    """The settings of lokaal/gemeente.yml that change the site as a whole."""

    name: str
    site_name: str | None
    site_url: str | None
    logo: str | None  # path relative to the repository root
    colours: dict[str, str]  # token -> #rrggbb; empty when the upstream colours stay

    def title(self, upstream_site_name: str) -> str:
        return self.site_name or f"{upstream_site_name} – {self.name}"

    @property
    def logo_site_path(self) -> str | None:
        return f"{SITE_ASSETS}/logo{Path(self.logo).suffix}" if self.logo else None

    @property
    def css(self) -> str:
        return colours.css(self.colours, self.name) if self.colours else ""


@dataclass(frozen=True)
class UpstreamEnvironment:
    """What a note can point at: the parts of one upstream environment page."""

    title: str
    parts: dict[str, str]  # anchor -> Markdown of the part as upstream wrote it


@dataclass(frozen=True)
class NoteSource:
    """One note as written in a file, with what `herzien` needs to record it."""

    line: int  # first line of the note
    end_line: int  # last line with content
    column: int  # indentation of its fields
    node: yaml.MappingNode
    where: str  # "Verenigingen › Wat kan de gemeente doen? › Punt", for messages
    current: str | None  # upstream text it belongs to now; None when it points nowhere
    recorded: dict[str, str] | None  # its valid 'upstream' group, if any


@dataclass(frozen=True)
class LayerResult:
    problems: tuple[Problem, ...]
    layer: LocalLayer | None  # None when the layer has errors
    pages: tuple[Document, ...]  # the municipality's own pages, for the model
    site: links.Site  # the site as built (local pages and blocks included), for link checks


def layer_folder(root: Path) -> Path:
    return root / LOCAL_FOLDER


def site_path_of(page_name: str) -> str:
    """Own pages go to /gemeente/; statements replace upstream's at the same address."""
    return page_name if page_name in PUBLISHER_PAGES else f"{LOCAL_PAGES_PATH}/{page_name}"


def upstream_environments(documents: Sequence[Document]) -> dict[str, UpstreamEnvironment]:
    titles = {spec.title: spec.anchor for spec in PARTS}
    return {
        document.slug: UpstreamEnvironment(
            document.fields.get("titel", document.slug),
            {
                titles[section.heading.text]: section.markdown
                for section in document.sections
                if section.heading and section.heading.text in titles
            },
        )
        for document in documents
        if document.is_environment
    }


# --- reading YAML files ------------------------------------------------------------------


def read_yaml(file: Path, path: str) -> tuple[yaml.MappingNode | None, str, list[Problem]]:
    """A whole YAML file as a node tree with line numbers, and its text."""
    text, problems = frontmatter.read_text(file, path)
    if text is None:
        return None, "", problems
    source = frontmatter.SourceText(path, text, 1, "", text.count("\n") + 2)
    node, problems = frontmatter.parse_yaml(source, subject="het bestand")
    return node, text, problems


def child(node: yaml.MappingNode, key: str) -> tuple[yaml.Node, yaml.Node] | None:
    return next(((k, v) for k, v in node.value if k.value == key), None)


def value_line(reader: frontmatter.FieldReader, node: yaml.MappingNode, key: str) -> int:
    found = child(node, key)
    return reader.line_of(found[1]) if found else reader.line_of(node)


def placeholder_findings(text: str, yaml_file: bool) -> Iterator[tuple[int, str, str]]:
    """Every '[in te vullen: ...]' left to fill in; comments in YAML files do not count."""
    for number, line in enumerate(text.split("\n"), 1):
        if yaml_file and line.lstrip().startswith("#"):
            continue
        for match in PLACEHOLDER.finditer(line):
            yield (
                number,
                f"hier staat nog een invulplek: {match.group(0)}",
                "vervang de invulplek door de echte gegevens van de gemeente, of haal de regel "
                "weg; verzin geen namen of contactgegevens",
            )


# --- lokaal/gemeente.yml ---------------------------------------------------------------------


def read_municipality(root: Path) -> tuple[Municipality | None, list[Problem]]:
    """The municipality's settings, or None (with problems) when absent or wrong."""
    values, problems = _municipality_values(root)
    if values is None or errors(problems):
        return None, problems
    return _municipality(values), problems


def _municipality(values: dict[str, Any]) -> Municipality:
    site_url, logo = values.get("webadres"), values.get("logo")
    return Municipality(
        name=values["naam"],
        site_name=values.get("sitenaam"),
        site_url=site_url.rstrip("/") + "/" if site_url else None,
        logo=f"{LOCAL_FOLDER}/{logo}" if logo else None,
        colours=values.get("kleuren", {}),
    )


def _municipality_values(root: Path) -> tuple[dict[str, Any] | None, list[Problem]]:
    """The valid values of lokaal/gemeente.yml, and every problem in it."""
    folder = layer_folder(root)
    path = f"{LOCAL_FOLDER}/{MUNICIPALITY_FILE}"
    file = folder / MUNICIPALITY_FILE
    if not folder.is_dir():
        return None, []
    if not file.is_file():
        return None, [
            Problem(
                path,
                1,
                "het bestand met de gegevens van de gemeente ontbreekt",
                'maak de lokale laag met: handboek gemeente nieuw "Gemeente ..." '
                "(of zet lokaal/gemeente.yml terug)",
            )
        ]
    node, text, problems = read_yaml(file, path)
    if node is None:
        return None, problems
    reader = frontmatter.FieldReader(path, 1)
    values = reader.read_group(node, MUNICIPALITY_FIELDS)
    problems.extend(reader.problems)
    problems.extend(Problem(path, *finding) for finding in placeholder_findings(text, True))
    site_url = values.get("webadres")
    if site_url and not _HTTPS.match(site_url):
        problems.append(_not_https(path, value_line(reader, node, "webadres"), "", site_url))
    logo = values.get("logo")
    if logo:
        problems.extend(_logo_problems(folder, logo, path, value_line(reader, node, "logo")))
    colour_values: dict[str, str] = values.get("kleuren", {})
    found = child(node, "kleuren")
    if found and isinstance(found[1], yaml.MappingNode):
        for token, message, hint in [
            *colours.format_findings(colour_values),
            *colours.contrast_findings(colour_values),
        ]:
            problems.append(Problem(path, value_line(reader, found[1], token), message, hint))
    return values, problems


def _logo_problems(folder: Path, logo: str, path: str, line: int) -> Iterator[Problem]:
    file = folder / logo
    if Path(logo).is_absolute() or ".." in Path(logo).parts or not file.is_file():
        yield Problem(
            path,
            line,
            f"het logo '{logo}' staat niet in de map {LOCAL_FOLDER}/",
            f"zet het bestand in {LOCAL_FOLDER}/ en schrijf alleen de naam, bijvoorbeeld: "
            "logo: logo.svg",
        )
        return
    if file.suffix.lower() not in LOGO_SUFFIXES:
        yield Problem(
            path,
            line,
            f"het logo '{logo}' is geen .svg of .png",
            "sla het logo op als SVG (het scherpst) of als PNG",
        )
        return
    if file.suffix.lower() == ".svg":
        svg_path = f"{LOCAL_FOLDER}/{logo}"
        text = file.read_text(encoding="utf-8", errors="replace")
        for number, svg_line in enumerate(text.split("\n"), 1):
            if _EXTERNAL_REFERENCE.search(svg_line):
                yield Problem(
                    svg_path,
                    number,
                    "het logo laadt iets van een andere website",
                    "neem lettertypen en afbeeldingen op in het SVG-bestand zelf; de site "
                    "doet geen verzoeken naar andere partijen (privacy)",
                )


# --- lokaal/omgevingen/<slug>.yml ----------------------------------------------------------------


def read_environment_file(
    file: Path, path: str, upstream: dict[str, UpstreamEnvironment]
) -> tuple[LocalEnvironment | None, list[NoteSource], list[Problem]]:
    """One environment's local additions, its notes as written, and every problem."""
    node, text, problems = read_yaml(file, path)
    slug = file.stem
    environment = upstream.get(slug)
    if environment is None:
        close = difflib.get_close_matches(slug, list(upstream), n=1, cutoff=0.6)
        problems.append(
            Problem(
                path,
                1,
                f"onbekende omgeving '{slug}': er is geen content/omgevingen/{slug}.md",
                f"bedoelde je '{close[0]}'? hernoem het bestand naar {close[0]}.yml"
                if close
                else "noem het bestand naar een omgeving: "
                + ", ".join(f"{name}.yml" for name in sorted(upstream)),
            )
        )
    if node is None:
        return None, [], problems
    reader = frontmatter.FieldReader(path, 1)
    values = reader.read_group(node, LOCAL_ENVIRONMENT_FIELDS)
    problems.extend(reader.problems)
    problems.extend(Problem(path, *finding) for finding in placeholder_findings(text, True))
    for item, initiative in _items(node, "initiatieven", values):
        url = initiative.get("webadres")
        if url and not _HTTPS.match(url):
            where = f" van '{initiative['naam']}'"
            problems.append(_not_https(path, value_line(reader, item, "webadres"), where, url))
    notes: list[LocalNote] = []
    sources: list[NoteSource] = []
    if environment is not None:
        for item, value in _items(node, "notities", values):
            note, source, found = _note(reader, item, value, environment, path, text)
            problems.extend(found)
            sources.append(source)
            if note is not None:
                notes.append(note)
    if errors(problems):
        return None, sources, problems
    return (
        LocalEnvironment(
            bridge_builders=tuple(
                BridgeBuilder(b["organisatie"], b["rol"], b["contact"])
                for b in values.get("bruggenbouwers", ())
            ),
            initiatives=tuple(
                Initiative(i["naam"], i["beschrijving"], i.get("webadres"))
                for i in values.get("initiatieven", ())
            ),
            notes=tuple(notes),
        ),
        sources,
        problems,
    )


def _items(
    node: yaml.MappingNode, key: str, values: dict[str, Any]
) -> Iterator[tuple[yaml.MappingNode, dict[str, Any]]]:
    """The nodes and valid values of a list of groups (only when the whole list is valid)."""
    found = child(node, key)
    if found is None or key not in values:
        return
    yield from zip(found[1].value, values[key], strict=True)


def _note(
    reader: frontmatter.FieldReader,
    item: yaml.MappingNode,
    value: dict[str, Any],
    environment: UpstreamEnvironment,
    path: str,
    text: str,
) -> tuple[LocalNote | None, NoteSource, list[Problem]]:
    """Where a note points, and whether the upstream text there changed."""
    line = reader.line_of(item)
    problems: list[Problem] = []
    anchor = value.get("onderdeel")
    point = value.get("punt")
    recorded = value.get("upstream")
    spec = _PARTS_BY_ANCHOR.get(anchor) if anchor else None
    where = environment.title
    current: str | None = None
    shown_point: str | None = None
    if anchor and spec is None:
        problems.append(
            Problem(
                path,
                value_line(reader, item, "onderdeel"),
                f"onbekend onderdeel '{anchor}'",
                _anchor_hint(anchor),
            )
        )
    if spec is not None and spec.anchor in environment.parts:
        where = f"{environment.title} › {spec.title}"
        current = environment.parts[spec.anchor]
        if point:
            points = drift.points(current)
            where += f" › {point}"
            if point in points:
                current, shown_point = points[point], point
            else:
                # Reported here (an error, or a notice when upstream removed the point);
                # there is no current text to compare with.
                problems.append(_missing_point(reader, item, point, spec, points, recorded, path))
                current = None
    source = NoteSource(
        line=line,
        end_line=reader.first_line + last_content_line(item, text.split("\n")),
        column=item.start_mark.column,
        node=item,
        where=where,
        current=current,
        recorded=recorded,
    )
    if current is not None:
        problems.extend(_drift_problems(path, line, source))
    if spec is None or "tekst" not in value:
        return None, source, problems
    return LocalNote(spec, shown_point, value["tekst"]), source, problems


def _anchor_hint(anchor: str) -> str:
    by_title = {spec.title.lower(): spec.anchor for spec in PARTS}
    if anchor.strip().lower() in by_title:
        return f"schrijf het anker van dat onderdeel: onderdeel: {by_title[anchor.strip().lower()]}"
    close = difflib.get_close_matches(anchor, list(_PARTS_BY_ANCHOR), n=1, cutoff=0.5)
    if close:
        return f"bedoelde je '{close[0]}'?"
    return "kies een van: " + ", ".join(_PARTS_BY_ANCHOR)


def _missing_point(
    reader: frontmatter.FieldReader,
    item: yaml.MappingNode,
    point: str,
    spec: PartSpec,
    points: dict[str, str],
    recorded: dict[str, str] | None,
    path: str,
) -> Problem:
    line = value_line(reader, item, "punt")
    close = difflib.get_close_matches(point, list(points), n=1, cutoff=0.5)
    if recorded is not None:
        # It existed when the note was recorded: upstream changed it. A notice, so upstream
        # fixes still deploy; the note is shown under the whole part meanwhile.
        target = points[close[0]] if close else "\n\n".join(points.values())
        hint = (f"bedoelde je '{close[0]}'? " if close else "") + (
            f"zet de nieuwe woorden bij 'punt' (of haal 'punt' weg) en draai daarna:\n"
            f"    handboek gemeente herzien {path}:{reader.line_of(item)}\n"
            "wijziging in upstream (- oude tekst, + nieuwe tekst):\n"
            + drift.diff(recorded["tekst"], target)
        )
        return Problem(
            path,
            line,
            f"te herzien: het punt '{point}' staat niet meer in '{spec.title}'",
            hint,
            Severity.NOTICE,
        )
    if close:
        hint = f"bedoelde je '{close[0]}'?"
    elif points:
        hint = "de punten van dit onderdeel: " + "; ".join(points)
    else:
        hint = "dit onderdeel heeft geen punten met een vetgedrukt begin; laat 'punt' weg"
    return Problem(path, line, f"onbekend punt '{point}' in '{spec.title}'", hint)


def _drift_problems(path: str, line: int, source: NoteSource) -> Iterator[Problem]:
    command = f"handboek gemeente herzien {path}:{line}"
    if source.recorded is None:
        yield Problem(
            path,
            line,
            "nog niet vastgelegd bij welke tekst van upstream deze notitie hoort",
            f"draai: {command}\ndan meldt de controle het als upstream die tekst later verandert",
            Severity.NOTICE,
        )
        return
    assert source.current is not None
    if drift.fingerprint(source.recorded["tekst"]) != source.recorded["vingerafdruk"]:
        yield Problem(
            path,
            line,
            "de opgeslagen tekst in 'upstream' past niet bij de vingerafdruk",
            f"pas 'upstream' niet met de hand aan; draai: {command}",
        )
    elif drift.fingerprint(source.current) != source.recorded["vingerafdruk"]:
        yield Problem(
            path,
            line,
            f"te herzien: de tekst van upstream bij deze notitie is veranderd ({source.where})",
            "lees wat er veranderde, pas de notitie zo nodig aan en draai daarna:\n"
            f"    {command}\n"
            "wijziging in upstream (- oude tekst, + nieuwe tekst):\n"
            + drift.diff(source.recorded["tekst"], source.current),
            Severity.NOTICE,
        )


def last_content_line(node: yaml.Node, lines: list[str]) -> int:
    """The 0-based last line of a node, without trailing blank or comment lines.

    PyYAML ends a block collection where the next token starts, which can be after
    blank lines and comments that belong to what follows.
    """
    mark = node.end_mark
    before_end = lines[mark.line][: mark.column] if mark.line < len(lines) else ""
    end = mark.line if before_end.strip() else mark.line - 1
    column = node.start_mark.column
    while end > node.start_mark.line:
        text = lines[end] if end < len(lines) else ""
        stripped = text.lstrip()
        if stripped and not (stripped.startswith("#") and len(text) - len(stripped) <= column):
            break
        end -= 1
    return end


# --- lokaal/paginas/*.md ---------------------------------------------------------------------


def _page_problems(
    folder: Path, documents: Sequence[Document], on: dt.date
) -> tuple[list[Document], list[Problem]]:
    pages: list[Document] = []
    problems: list[Problem] = []
    upstream_paths = {document.content_path for document in documents}
    pages_folder = folder / PAGES_DIR
    if not (pages_folder / CONTACT_PAGE).is_file():
        problems.append(
            Problem(
                f"{LOCAL_FOLDER}/{PAGES_DIR}/{CONTACT_PAGE}",
                1,
                "de contactpagina van de gemeente ontbreekt",
                "maak deze pagina met front matter (titel, beschrijving, eigenaar, "
                "laatst_beoordeeld, volgende_beoordeling) en zeg bij wie lezers terechtkunnen",
            )
        )
    for file in sorted(pages_folder.glob("*.md")) if pages_folder.is_dir() else []:
        path = f"{LOCAL_FOLDER}/{PAGES_DIR}/{file.name}"
        site_path = site_path_of(file.name)
        if not _SLUG.match(file.stem):
            problems.append(
                Problem(
                    path,
                    1,
                    f"de bestandsnaam '{file.name}' is geen geldig webadres",
                    "gebruik alleen kleine letters, cijfers en '-', bijvoorbeeld 'contact.md'",
                )
            )
        if site_path in upstream_paths and file.name not in PUBLISHER_PAGES:
            problems.append(
                Problem(
                    path,
                    1,
                    f"upstream heeft al een pagina content/{site_path}",
                    "kies een andere bestandsnaam voor deze lokale pagina",
                )
            )
        document, found = read_document(file, path, site_path)
        problems.extend(found)
        text = file.read_text(encoding="utf-8", errors="replace")
        problems.extend(Problem(path, *finding) for finding in placeholder_findings(text, False))
        if document is None:
            continue
        pages.append(document)
        for rule in rules.DOCUMENT_RULES:
            problems.extend(Problem(path, *finding) for finding in rule(document))
        problems.extend(
            Problem(path, *finding, Severity.NOTICE)
            for finding in rules.review_is_due(document, on)
        )
    return pages, problems


# --- the whole layer -----------------------------------------------------------------------


def check_layer(
    root: Path, documents: Sequence[Document], on: dt.date, content_files: frozenset[str]
) -> LayerResult:
    """Check everything in lokaal/ against the upstream documents and content files."""
    folder = layer_folder(root)
    values, problems = _municipality_values(root)
    municipality = None if values is None or errors(problems) else _municipality(values)
    upstream = upstream_environments(documents)
    environments: dict[str, LocalEnvironment] = {}
    failed: set[str] = set()  # environments whose local file has errors
    environments_folder = folder / ENVIRONMENTS_DIR
    for file in sorted(environments_folder.glob("*.yml")) if environments_folder.is_dir() else []:
        path = f"{LOCAL_FOLDER}/{ENVIRONMENTS_DIR}/{file.name}"
        environment, _, found = read_environment_file(file, path, upstream)
        problems.extend(found)
        if environment is not None:
            environments[file.stem] = environment
        else:
            failed.add(file.stem)
    pages, found = _page_problems(folder, documents, on)
    problems.extend(found)
    # Links on local pages resolve in the site as built: upstream's files plus local pages,
    # and on environment pages the ids of the local blocks (unknown when their file is wrong).
    site = links.Site(
        (*documents, *pages),
        content_files | {page.content_path for page in pages},
        {
            document.content_path: None
            if document.slug in failed
            else environments.get(document.slug, LocalEnvironment()).block_ids
            for document in documents
            if document.is_environment
        },
    )
    for page in pages:
        problems.extend(Problem(page.path, *finding) for finding in links.links_resolve(page, site))
    problems.extend(_unknown_files(folder, (values or {}).get("logo")))
    if errors(problems) or municipality is None:
        return LayerResult(tuple(problems), None, tuple(pages), site)
    layer = LocalLayer(
        name=municipality.name,
        logo=(municipality.logo_site_path, municipality.logo)
        if municipality.logo_site_path and municipality.logo
        else None,
        css=municipality.css,
        pages=tuple((page.content_path, page.path) for page in pages),
        contact_path=site_path_of(CONTACT_PAGE),
        environments=environments,
    )
    return LayerResult(tuple(problems), layer, tuple(pages), site)


def _unknown_files(folder: Path, logo: str | None) -> Iterator[Problem]:
    for file in sorted(folder.rglob("*")):
        relative = file.relative_to(folder)
        if file.is_dir() or any(part.startswith(".") for part in relative.parts):
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
