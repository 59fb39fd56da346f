"""`handboek gemeente herzien`: record the upstream text a local note belongs to.

After a municipality has read what changed upstream (the check shows it as
"te herzien" with a diff), this writes the current upstream text into the
note's `upstream` group: its fingerprint and a snapshot. The YAML file is
edited line by line, not re-serialised, so comments, order and every other
line stay exactly as they were, and it keeps its line endings (`atomic`).

It never loses a byte: a file the check rejects is refused (exit 1, nothing
written), the new text goes to a temporary file that replaces the original
in one step, a file that changed while it ran is left alone, and a write
error (a full disk) leaves the original as it was, with a Dutch message.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from handboek.local import atomic, drift, environments, files
from handboek.model import CONTENT_FOLDER, LOCAL_FOLDER
from handboek.problems import Problem, errors


@dataclass(frozen=True)
class Outcome:
    lines: tuple[str, ...]  # what to tell the editor, one line each
    ok: bool


def mark_reviewed(root: Path, targets: list[str]) -> Outcome:
    """Record the notes named by `bestand` (all of its notes) or `bestand:regel` (one)."""
    upstream = environments.upstream_from_content(root, CONTENT_FOLDER)
    lines: list[str] = []
    ok = True
    for target in targets:
        path, line = _split_target(target)
        file = root / path
        folder = f"{LOCAL_FOLDER}/{files.ENVIRONMENTS_DIR}/"
        outside = ".." in Path(path).parts or Path(path).is_absolute()
        if outside or not path.startswith(folder) or file.suffix != ".yml" or not file.is_file():
            lines.append(f"{path}: geen bestand met notities")
            lines.append(
                f"    tip: noem een bestand in {folder}, bijvoorbeeld {folder}<omgeving>.yml"
            )
            ok = False
            continue
        done, file_ok = _review_file(file, path, line, upstream)
        lines.extend(done)
        ok = ok and file_ok
    return Outcome(tuple(lines), ok)


def _split_target(target: str) -> tuple[str, int | None]:
    path, _, line = target.rpartition(":")
    if path and line.isdigit():
        return Path(path).as_posix(), int(line)
    return Path(target).as_posix(), None


def _review_file(
    file: Path, path: str, line: int | None, upstream: dict[str, environments.UpstreamEnvironment]
) -> tuple[list[str], bool]:
    """Record the notes of one file (or the note at `line`): what to tell the editor, and
    whether every note could be recorded."""
    try:
        original = atomic.Original.read(file)
    except OSError as error:
        return [
            f"{path}: het bestand kan niet gelezen worden ({error.strerror or error})",
            "    tip: controleer of het bestand bestaat en of u het mag lezen",
        ], False
    read = environments.read_environment_file(file, path, upstream)
    refused = _refused(path, read.problems)
    if refused:
        return refused, False
    sources = read.sources
    if line is not None:
        sources = [s for s in sources if s.line <= line <= s.end_line]
    if not sources:
        return _no_notes(path, line)
    file_lines = original.text.split("\n")
    messages, ok, edits = _record(path, sources, read.problems, file_lines)
    if edits:
        for start, end, new in sorted(edits, reverse=True):
            file_lines[start:end] = new
        not_saved = _save(original, path, "\n".join(file_lines))
        if not_saved:
            return not_saved, False
    return messages, ok


def _refused(path: str, problems: list[Problem]) -> list[str]:
    """Every error to fix first; not an edited snapshot, which is what `herzien` repairs."""
    blocking = [p for p in errors(problems) if p.message != environments.EDITED_SNAPSHOT]
    if not blocking:
        return []
    return [
        *(problem.format() for problem in sorted(blocking)),
        f"{path}: er is niets veranderd; los eerst de fouten hierboven op "
        "('handboek check' toont ze ook)",
    ]


def _no_notes(path: str, line: int | None) -> tuple[list[str], bool]:
    """No note at the line named (a mistake), or none in the file (nothing to do)."""
    if line is not None:
        return [
            f"{path}:{line}: op deze regel staat geen notitie",
            "    tip: gebruik het bestand en de regel die .venv/bin/handboek check noemt",
        ], False
    return [f"{path}: dit bestand heeft geen notities; niets veranderd"], True


def _record(
    path: str,
    sources: list[environments.NoteSource],
    problems: list[Problem],
    file_lines: list[str],
) -> tuple[list[str], bool, list[tuple[int, int, list[str]]]]:
    """What to tell the editor about each note, whether each points at upstream's text, and
    the edits that record the ones whose recorded text is not the current one."""
    messages: list[str] = []
    ok = True
    edits: list[tuple[int, int, list[str]]] = []
    for source in sources:
        if source.current is None:
            ok = False
            messages.extend(
                problem.format()
                for problem in _problems_of(problems, source)
                or [Problem(path, source.line, "deze notitie wijst niet naar tekst van upstream")]
            )
            continue
        if not _needs_recording(source):
            messages.append(
                f"{path}:{source.line}: al vastgelegd bij de huidige tekst van upstream"
            )
            continue
        edits.append(_edit(source, file_lines))
        messages.append(
            f"{path}:{source.line}: vastgelegd bij de huidige tekst van upstream ({source.where})"
        )
    return messages, ok, edits


def _save(original: atomic.Original, path: str, text: str) -> list[str]:
    """Write the file in one step; what to tell the editor when that failed (nothing saved)."""
    try:
        original.replace_text(text)
    except atomic.FileChanged:
        return [
            f"{path}: het bestand is veranderd terwijl 'herzien' liep; er is niets opgeslagen",
            "    tip: sla uw wijziging op en draai de opdracht daarna opnieuw",
        ]
    except OSError as error:
        return [
            f"{path}: het bestand kan niet worden opgeslagen ({error.strerror or error}); "
            "het is niet veranderd",
            "    tip: is de schijf vol, of mag u hier niet schrijven? Maak ruimte vrij en "
            "draai de opdracht opnieuw",
        ]
    return []


def _problems_of(problems: list[Problem], source: environments.NoteSource) -> list[Problem]:
    return [p for p in problems if source.line <= p.line <= source.end_line]


def _needs_recording(source: environments.NoteSource) -> bool:
    assert source.current is not None
    recorded = source.recorded
    return (
        recorded is None
        or recorded.fingerprint != drift.fingerprint(source.current)
        or recorded.fingerprint != drift.fingerprint(recorded.text)
        or recorded.text != drift.snapshot(source.current)
    )


def _edit(source: environments.NoteSource, lines: list[str]) -> tuple[int, int, list[str]]:
    """(first line, end line, new lines), 0-based and end exclusive, for the `upstream` group."""
    assert source.current is not None
    found = files.child(source.node, "upstream")
    if found is None:
        position = files.last_content_line(source.node, lines) + 1
        comment = (
            " " * source.column
            + "# Vastgelegd met 'handboek gemeente herzien'; niet zelf aanpassen."
        )
        return position, position, [comment, *_block(source.column, source.current)]
    key, value = found
    return (
        key.start_mark.line,
        files.last_content_line(value, lines) + 1,
        _block(key.start_mark.column, source.current),
    )


def _block(column: int, text: str) -> list[str]:
    pad = " " * column
    return [
        f"{pad}upstream:",
        f'{pad}  vingerafdruk: "{drift.fingerprint(text)}"',
        f"{pad}  tekst: |",
        *(f"{pad}    {line}" if line else "" for line in drift.snapshot(text).split("\n")),
    ]
