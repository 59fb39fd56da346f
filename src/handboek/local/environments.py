"""lokaal/omgevingen/<slug>.yml: one environment's bridge builders, initiatives and notes.

`upstream_environments` collects what a note can point at: the parts of each
upstream environment page (`upstream_from_content` reads them from the content
folder, for `scaffold`, `review` and `workflows`). `read_environment_file` parses one file with the
fields of `fields.LOCAL_ENVIRONMENT_FIELDS`, checks the initiatives' web
addresses, and resolves each note to its part (`onderdeel`) and, if given,
the point in it (`punt`, see `drift.points`). The upstream text a note
recorded (`upstream`) is compared with the text upstream has now (`drift`):
a change, or a note that recorded nothing yet, is a notice ("te herzien",
with a diff), so an upstream fix always deploys. `review` uses the
`NoteSource` of each note to record that text again (`handboek gemeente
herzien`).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from handboek.local import drift, renames
from handboek.local.fields import LOCAL_ENVIRONMENT_FIELDS
from handboek.local.files import (
    child,
    last_content_line,
    placeholder_findings,
    read_yaml,
    url_problems,
    value_line,
)
from handboek.model import (
    ENVIRONMENTS_FOLDER,
    PARTS,
    BridgeBuilder,
    Initiative,
    LocalEnvironment,
    LocalNote,
    PartSpec,
)
from handboek.problems import Finding, Problem, Severity, errors
from handboek.read import body, frontmatter
from handboek.read.document import Document, list_content, read_all

_PARTS_BY_ANCHOR = {spec.anchor: spec for spec in PARTS}
# The error `herzien` repairs (a hand-edited `upstream` group), so it does not refuse it.
EDITED_SNAPSHOT = "de opgeslagen tekst in 'upstream' past niet bij de vingerafdruk"


@dataclass(frozen=True)
class UpstreamEnvironment:
    """What a note can point at: the parts of one upstream environment page."""

    title: str
    parts: dict[str, str]  # anchor -> Markdown of the part as upstream wrote it
    earlier_names: tuple[str, ...] = ()  # its `eerdere_namen`: slugs it had before a rename


@dataclass(frozen=True)
class NoteSource:
    """One note as written in a file, with what `herzien` needs to record it."""

    line: int  # first line of the note
    end_line: int  # last line with content
    column: int  # indentation of its fields
    node: yaml.MappingNode
    where: str  # "Verenigingen › Wat kan de gemeente doen? › Punt", for messages
    current: str | None  # upstream text it belongs to now; None when it points nowhere
    recorded: RecordedUpstream | None  # its valid 'upstream' group, if any


@dataclass(frozen=True)
class RecordedUpstream:
    """The 'upstream' group of a note: the upstream text it was written for, as `herzien`
    recorded it."""

    fingerprint: str
    """`vingerafdruk`: the fingerprint of upstream's text then (see `drift.fingerprint`)."""
    text: str
    """`tekst`: that text, one sentence per line (see `drift.snapshot`)."""

    @classmethod
    def of(cls, group: dict[str, str] | None) -> RecordedUpstream | None:
        """The group as read by the field reader (valid, so both fields are there)."""
        return None if group is None else cls(group["vingerafdruk"], group["tekst"])


def upstream_from_content(root: Path, content_dir: str) -> dict[str, UpstreamEnvironment]:
    """The environments in upstream's content folder (`content_dir`, relative to `root`)."""
    folder = root / content_dir
    documents, _ = read_all(list_content(folder), folder, f"{content_dir}/")
    return upstream_environments(documents)


def upstream_environments(documents: Sequence[Document]) -> dict[str, UpstreamEnvironment]:
    titles = {spec.title: spec.anchor for spec in PARTS}
    return {
        document.slug: UpstreamEnvironment(
            document.front_matter.title or document.slug,
            {
                titles[section.heading.text]: section.markdown
                for section in document.sections
                if section.heading and section.heading.text in titles
            },
            document.front_matter.earlier_names,
        )
        for document in documents
        if document.is_environment
    }


@dataclass(frozen=True)
class LocalText:
    """Markdown written in a local file: a note's `tekst`, an initiative's `beschrijving`.

    `document` holds it as part of the environment page it is shown on, so the
    prose and link rules of upstream's pages apply unchanged. Its lines are the
    file's lines when the text is a literal block (`tekst: |`); a text on one
    line, quoted or folded has its findings on the field's line.
    """

    document: Document
    exact_lines: bool

    def problems(self, findings: Iterable[Finding]) -> Iterator[Problem]:
        for line, message, hint in findings:
            shown = line if self.exact_lines else self.document.body_line
            yield Problem(self.document.path, shown, message, hint)


@dataclass(frozen=True)
class EnvironmentFile:
    """What one lokaal/omgevingen/<slug>.yml holds, as far as it could be read."""

    slug: str  # the environment it belongs to (the current name, also for an earlier one)
    environment: LocalEnvironment | None  # None when the file has errors
    sources: list[NoteSource]  # the notes as written, for `review`
    texts: list[LocalText]  # its Markdown, for the prose and link rules
    problems: list[Problem]


@dataclass(frozen=True)
class _FileBeingRead:
    """One lokaal/omgevingen/<slug>.yml while it is read, with what each of its items needs."""

    reader: frontmatter.FieldReader
    lines: list[str]  # the file's lines, to find where a note ends
    page_path: str  # the environment page its texts are shown on
    renamed: dict[str, str]  # earlier name -> current name of each renamed environment


@dataclass(frozen=True)
class _Item:
    """One group of a list in the file (a note, an initiative): its node and valid value."""

    file: _FileBeingRead
    node: yaml.MappingNode
    value: dict[str, Any]

    @property
    def path(self) -> str:
        return self.file.reader.path

    @property
    def line(self) -> int:
        return self.file.reader.line_of(self.node)

    def line_of(self, key: str) -> int:
        """The line of the field `key`, or of the item when it has none."""
        return value_line(self.file.reader, self.node, key)


@dataclass(frozen=True)
class _Place:
    """Where in upstream's page a note points."""

    where: str  # "Verenigingen › Wat kan de gemeente doen? › Punt", for messages
    text: str | None  # upstream's text there now; None when it points nowhere
    point: str | None = None  # the point as shown, when it points at one that exists


def read_environment_file(
    file: Path, path: str, upstream: dict[str, UpstreamEnvironment]
) -> EnvironmentFile:
    """One environment's local additions, its notes and texts as written, and every problem."""
    node, text, problems = read_yaml(file, path)
    renamed = renamed_environments(upstream)
    slug, found = _environment_of(file, path, upstream, renamed)
    problems.extend(found)
    if node is None:
        return EnvironmentFile(slug, None, [], [], problems)
    reader = frontmatter.FieldReader(path, 1)
    values = reader.read_group(node, LOCAL_ENVIRONMENT_FIELDS)
    problems.extend(reader.problems)
    problems.extend(Problem(path, *finding) for finding in placeholder_findings(text, True))
    being_read = _FileBeingRead(
        reader, text.split("\n"), f"{ENVIRONMENTS_FOLDER}/{slug}.md", renamed
    )
    notes = list(_items(being_read, node, "notities", values))
    texts = [_text(note, "tekst", problems) for note in notes]
    for initiative in _items(being_read, node, "initiatieven", values):
        texts.append(_text(initiative, "beschrijving", problems))
        problems.extend(_initiative_problems(initiative))
    local_notes, sources, found = _notes(notes, upstream.get(slug))
    problems.extend(found)
    local = None if errors(problems) else _local_environment(values, local_notes)
    return EnvironmentFile(slug, local, sources, texts, problems)


def _environment_of(
    file: Path, path: str, upstream: dict[str, UpstreamEnvironment], renamed: dict[str, str]
) -> tuple[str, list[Problem]]:
    """The environment a file belongs to (its current name), with a notice when the file
    has an earlier name and an error when no environment has its name."""
    slug = file.stem
    problems: list[Problem] = []
    if slug not in upstream and slug in renamed:
        problems.append(renames.file_notice(path, slug, renamed[slug]))
        slug = renamed[slug]
    if slug not in upstream:
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
    return slug, problems


def _initiative_problems(initiative: _Item) -> list[Problem]:
    """Its description's links to an earlier name rewritten; its web address checked."""
    value = initiative.value
    value["beschrijving"] = renames.rewrite_links(value["beschrijving"], initiative.file.renamed)[0]
    url = value.get("webadres")
    if not url:
        return []
    where = f" van '{value['naam']}'"
    return url_problems(initiative.path, initiative.line_of("webadres"), where, url)


def _local_environment(values: dict[str, Any], notes: list[LocalNote]) -> LocalEnvironment:
    """The file's additions for the model (the file has no errors)."""
    return LocalEnvironment(
        bridge_builders=tuple(
            BridgeBuilder(b["organisatie"], b["rol"], b["contact"])
            for b in values.get("bruggenbouwers", ())
        ),
        initiatives=tuple(
            Initiative(i["naam"], i["beschrijving"], i.get("webadres"))
            for i in values.get("initiatieven", ())
        ),
        notes=tuple(notes),
    )


def renamed_environments(upstream: dict[str, UpstreamEnvironment]) -> dict[str, str]:
    """Earlier name -> current name of every renamed environment (see `renames`)."""
    return renames.renamed({slug: env.earlier_names for slug, env in upstream.items()})


def _text(item: _Item, key: str, problems: list[Problem]) -> LocalText:
    """The Markdown of `key` in one list item (the list is valid, so the field is there).

    Links to an earlier name of an environment point at its current name, with a notice.
    """
    found = child(item.node, key)
    assert found is not None and isinstance(found[1], yaml.ScalarNode)
    node = found[1]
    literal = node.style == "|"
    first_line = item.file.reader.line_of(node) + literal  # a literal block starts below its '|'
    markdown, rewrites = renames.rewrite_links(str(node.value), item.file.renamed)
    problems.extend(
        renames.link_notice(item.path, first_line + r.offset if literal else first_line, r)
        for r in rewrites
    )
    document = Document(
        path=item.path,
        content_path=item.file.page_path,
        fields={},
        field_lines={},
        front_matter_line=first_line,
        headings=body.headings(markdown, first_line),
        body=markdown,
        body_line=first_line,
    )
    return LocalText(document, literal)


def _items(
    file: _FileBeingRead, node: yaml.MappingNode, key: str, values: dict[str, Any]
) -> Iterator[_Item]:
    """The items of a list of groups with their values (only when the whole list is valid)."""
    found = child(node, key)
    if found is None or key not in values:
        return
    for item, value in zip(found[1].value, values[key], strict=True):
        yield _Item(file, item, value)


def _notes(
    notes: list[_Item], environment: UpstreamEnvironment | None
) -> tuple[list[LocalNote], list[NoteSource], list[Problem]]:
    """Each note for the model, as written, and its problems (none for an unknown environment,
    which is reported once for the file)."""
    local_notes: list[LocalNote] = []
    sources: list[NoteSource] = []
    problems: list[Problem] = []
    if environment is None:
        return local_notes, sources, problems
    for note in notes:
        note.value["tekst"] = renames.rewrite_links(note.value["tekst"], note.file.renamed)[0]
        local_note, source, found = _note(note, environment)
        problems.extend(found)
        sources.append(source)
        if local_note is not None:
            local_notes.append(local_note)
    return local_notes, sources, problems


def _note(
    note: _Item, environment: UpstreamEnvironment
) -> tuple[LocalNote | None, NoteSource, list[Problem]]:
    """Where a note points, and whether the upstream text there changed."""
    spec, problems = _part_of(note)
    place, found = _place_of(note, spec, environment)
    problems.extend(found)
    source = NoteSource(
        line=note.line,
        end_line=note.file.reader.first_line + last_content_line(note.node, note.file.lines),
        column=note.node.start_mark.column,
        node=note.node,
        where=place.where,
        current=place.text,
        recorded=RecordedUpstream.of(note.value.get("upstream")),
    )
    if place.text is not None:
        problems.extend(_drift_problems(note.path, note.line, source))
    if spec is None or "tekst" not in note.value:
        return None, source, problems
    return LocalNote(spec, place.point, note.value["tekst"]), source, problems


def _part_of(note: _Item) -> tuple[PartSpec | None, list[Problem]]:
    """The part (`onderdeel`) a note is written for, or an error for a name no part has."""
    anchor = note.value.get("onderdeel")
    spec = _PARTS_BY_ANCHOR.get(anchor) if anchor else None
    if not anchor or spec is not None:
        return spec, []
    return None, [
        Problem(
            note.path,
            note.line_of("onderdeel"),
            f"onbekend onderdeel '{anchor}'",
            _anchor_hint(anchor),
        )
    ]


def _place_of(
    note: _Item, spec: PartSpec | None, environment: UpstreamEnvironment
) -> tuple[_Place, list[Problem]]:
    """The part, or the point in it (`punt`), a note points at, and upstream's text there."""
    if spec is None or spec.anchor not in environment.parts:
        return _Place(environment.title, None), []
    where = f"{environment.title} › {spec.title}"
    part = environment.parts[spec.anchor]
    point = note.value.get("punt")
    if not point:
        return _Place(where, part), []
    points = drift.points(part)
    where += f" › {point}"
    if point in points:
        return _Place(where, points[point], point), []
    # Reported here (an error, or a notice when upstream removed the point);
    # there is no current text to compare with.
    return _Place(where, None), [_missing_point(note, spec, points)]


def _anchor_hint(anchor: str) -> str:
    by_title = {spec.title.lower(): spec.anchor for spec in PARTS}
    if anchor.strip().lower() in by_title:
        return f"schrijf het anker van dat onderdeel: onderdeel: {by_title[anchor.strip().lower()]}"
    close = difflib.get_close_matches(anchor, list(_PARTS_BY_ANCHOR), n=1, cutoff=0.5)
    if close:
        return f"bedoelde je '{close[0]}'?"
    return "kies een van: " + ", ".join(_PARTS_BY_ANCHOR)


def _missing_point(note: _Item, spec: PartSpec, points: dict[str, str]) -> Problem:
    """The point a note names is not in its part: a notice when upstream removed it."""
    point = note.value["punt"]
    recorded = RecordedUpstream.of(note.value.get("upstream"))
    line = note.line_of("punt")
    close = difflib.get_close_matches(point, list(points), n=1, cutoff=0.5)
    if recorded is not None:
        # It existed when the note was recorded: upstream changed it. A notice, so upstream
        # fixes still deploy; the note is shown under the whole part meanwhile.
        target = points[close[0]] if close else "\n\n".join(points.values())
        hint = (f"bedoelde je '{close[0]}'? " if close else "") + (
            f"zet de nieuwe woorden bij 'punt' (of haal 'punt' weg) en draai daarna:\n"
            f"    .venv/bin/handboek gemeente herzien {note.path}:{note.line}\n"
            "wijziging in upstream (- oude tekst, + nieuwe tekst):\n"
            + drift.diff(recorded.text, target)
        )
        return Problem(
            note.path,
            line,
            f"te herzien: het punt '{point}' staat niet meer in '{spec.title}'",
            hint,
            Severity.REVISE,
        )
    if close:
        hint = f"bedoelde je '{close[0]}'?"
    elif points:
        hint = "de punten van dit onderdeel: " + "; ".join(points)
    else:
        hint = "dit onderdeel heeft geen punten met een vetgedrukt begin; laat 'punt' weg"
    return Problem(note.path, line, f"onbekend punt '{point}' in '{spec.title}'", hint)


def _drift_problems(path: str, line: int, source: NoteSource) -> Iterator[Problem]:
    command = f".venv/bin/handboek gemeente herzien {path}:{line}"
    if source.recorded is None:
        yield Problem(
            path,
            line,
            "nog niet vastgelegd bij welke tekst van upstream deze notitie hoort",
            f"draai: {command}\ndan meldt de controle het als upstream die tekst later verandert",
            Severity.REVISE,
        )
        return
    assert source.current is not None
    if drift.fingerprint(source.recorded.text) != source.recorded.fingerprint:
        yield Problem(
            path,
            line,
            EDITED_SNAPSHOT,
            f"pas 'upstream' niet met de hand aan; draai: {command}",
        )
    elif drift.fingerprint(source.current) != source.recorded.fingerprint:
        yield Problem(
            path,
            line,
            f"te herzien: de tekst van upstream bij deze notitie is veranderd ({source.where})",
            "lees wat er veranderde, pas de notitie zo nodig aan en draai daarna:\n"
            f"    {command}\n"
            "wijziging in upstream (- oude tekst, + nieuwe tekst):\n"
            + drift.diff(source.recorded.text, source.current),
            Severity.REVISE,
        )
