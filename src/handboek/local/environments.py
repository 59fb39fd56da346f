"""lokaal/omgevingen/<slug>.yml: one environment's bridge builders, initiatives and notes.

`upstream_environments` collects what a note can point at: the parts of each
upstream environment page. `read_environment_file` parses one file with the
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
from handboek.problems import Problem, Severity, errors
from handboek.read import body, frontmatter
from handboek.read.document import Document

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

    def problems(self, findings: Iterable[tuple[int, str, str]]) -> Iterator[Problem]:
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


def read_environment_file(
    file: Path, path: str, upstream: dict[str, UpstreamEnvironment]
) -> EnvironmentFile:
    """One environment's local additions, its notes and texts as written, and every problem."""
    node, text, problems = read_yaml(file, path)
    slug = file.stem
    renamed = renamed_environments(upstream)
    if slug not in upstream and slug in renamed:
        problems.append(renames.file_notice(path, slug, renamed[slug]))
        slug = renamed[slug]
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
        return EnvironmentFile(slug, None, [], [], problems)
    reader = frontmatter.FieldReader(path, 1)
    values = reader.read_group(node, LOCAL_ENVIRONMENT_FIELDS)
    problems.extend(reader.problems)
    problems.extend(Problem(path, *finding) for finding in placeholder_findings(text, True))
    page_path = f"{ENVIRONMENTS_FOLDER}/{slug}.md"
    texts = [
        _text(reader, item, "tekst", page_path, renamed, problems)
        for item, _ in _items(node, "notities", values)
    ]
    for item, initiative in _items(node, "initiatieven", values):
        texts.append(_text(reader, item, "beschrijving", page_path, renamed, problems))
        initiative["beschrijving"] = renames.rewrite_links(initiative["beschrijving"], renamed)[0]
        url = initiative.get("webadres")
        if url:
            where = f" van '{initiative['naam']}'"
            problems.extend(url_problems(path, value_line(reader, item, "webadres"), where, url))
    notes: list[LocalNote] = []
    sources: list[NoteSource] = []
    if environment is not None:
        for item, value in _items(node, "notities", values):
            value["tekst"] = renames.rewrite_links(value["tekst"], renamed)[0]
            note, source, found = _note(reader, item, value, environment, path, text)
            problems.extend(found)
            sources.append(source)
            if note is not None:
                notes.append(note)
    if errors(problems):
        return EnvironmentFile(slug, None, sources, texts, problems)
    return EnvironmentFile(
        slug,
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
        texts,
        problems,
    )


def renamed_environments(upstream: dict[str, UpstreamEnvironment]) -> dict[str, str]:
    """Earlier name -> current name of every renamed environment (see `renames`)."""
    return renames.renamed({slug: env.earlier_names for slug, env in upstream.items()})


def _text(
    reader: frontmatter.FieldReader,
    item: yaml.MappingNode,
    key: str,
    page_path: str,
    renamed: dict[str, str],
    problems: list[Problem],
) -> LocalText:
    """The Markdown of `key` in one list item (the list is valid, so the field is there).

    Links to an earlier name of an environment point at its current name, with a notice.
    """
    found = child(item, key)
    assert found is not None and isinstance(found[1], yaml.ScalarNode)
    node = found[1]
    literal = node.style == "|"
    first_line = reader.line_of(node) + literal  # a literal block starts below its '|'
    markdown, rewrites = renames.rewrite_links(str(node.value), renamed)
    problems.extend(
        renames.link_notice(reader.path, first_line + r.offset if literal else first_line, r)
        for r in rewrites
    )
    document = Document(
        path=reader.path,
        content_path=page_path,
        fields={},
        field_lines={},
        front_matter_line=first_line,
        headings=body.headings(markdown, first_line),
        body=markdown,
        body_line=first_line,
    )
    return LocalText(document, literal)


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
    recorded = RecordedUpstream.of(value.get("upstream"))
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
    recorded: RecordedUpstream | None,
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
            f"    .venv/bin/handboek gemeente herzien {path}:{reader.line_of(item)}\n"
            "wijziging in upstream (- oude tekst, + nieuwe tekst):\n"
            + drift.diff(recorded.text, target)
        )
        return Problem(
            path,
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
    return Problem(path, line, f"onbekend punt '{point}' in '{spec.title}'", hint)


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
