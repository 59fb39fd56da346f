"""A content file as text: bytes -> UTF-8 text within bounds -> front matter and body.

Every step reports `Problem`s instead of raising: a byte-order mark or another
encoding, a file or line over the bounds, Git conflict markers left in, and
front matter that does not start or is never closed. `frontmatter` reads the
front matter's YAML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from handboek.problems import Problem

DELIMITER = "---"


@dataclass(frozen=True)
class SourceText:
    """A file's text split into front matter and body, with line offsets."""

    path: str
    front_matter: str
    front_matter_line: int  # line number of the first front matter line
    body: str
    body_line: int  # line number of the first body line


# Bounds under abuse (see CONTRIBUTING.md, "Grenzen"): a file above these is reported, not read
# on, so the check of any file finishes in well under a second. The longest page of the
# handbook is about 6 KB with lines of at most 400 characters.
MAX_FILE_BYTES = 256 * 1024
MAX_LINE_CHARACTERS = 10_000
_LONG_LINE = re.compile(f"[^\n]{{{MAX_LINE_CHARACTERS + 1}}}")
_CONFLICT_MARKER = re.compile(r"^(?:<{7}|>{7})(?: |$)", re.M)
_CONFLICT_MIDDLE = re.compile(r"^(?:={7}|\|{7}(?: .*)?)$", re.M)


def read_text(file: Path, display_path: str) -> tuple[str | None, list[Problem]]:
    """Decode a content file as UTF-8 without byte-order mark, within the bounds above,
    without git conflict markers."""
    try:
        if file.stat().st_size > MAX_FILE_BYTES:
            return None, [_too_large(display_path, file.stat().st_size)]
        data = file.read_bytes()
    except OSError as error:
        return None, [
            Problem(
                display_path,
                1,
                f"het bestand kan niet gelezen worden ({error.strerror or error})",
                "controleer of het bestand bestaat en of je het mag lezen",
            )
        ]
    if data.startswith(b"\xef\xbb\xbf"):
        return None, [
            Problem(
                display_path,
                1,
                "het bestand begint met een onzichtbaar BOM-teken (byte-order mark)",
                "sla het bestand op als 'UTF-8' zonder BOM",
            )
        ]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return None, [
            Problem(
                display_path,
                line,
                "het bestand is geen geldige UTF-8-tekst",
                "sla het bestand op met de tekenset 'UTF-8'",
            )
        ]
    problems = [*_long_lines(text, display_path), *_conflict_markers(text, display_path)]
    return (None, problems) if problems else (text, [])


def _too_large(path: str, size: int) -> Problem:
    return Problem(
        path,
        1,
        f"het bestand is te groot ({size // 1024} KB; hoogstens {MAX_FILE_BYTES // 1024} KB)",
        "verdeel de tekst over meer pagina's; afbeeldingen horen in een eigen bestand",
    )


def _long_lines(text: str, path: str) -> list[Problem]:
    if len(text) <= MAX_LINE_CHARACTERS or not _LONG_LINE.search(text):
        return []
    found = []
    for number, line in enumerate(text.split("\n"), 1):
        if len(line) > MAX_LINE_CHARACTERS:
            found.append(
                Problem(
                    path,
                    number,
                    f"de regel is te lang ({len(line)} tekens; hoogstens {MAX_LINE_CHARACTERS})",
                    "begin een nieuwe alinea met een lege regel, of zet een regeleinde "
                    "(Enter) tussen twee zinnen",
                )
            )
    return found


def _conflict_markers(text: str, path: str) -> list[Problem]:
    """The lines of a merge conflict git left in the file: `<<<<<<<`, `=======`, `>>>>>>>`.

    `=======` alone is also Markdown (a line under a heading), so it counts only
    after a `<<<<<<<`.
    """
    if "<<<<<<<" not in text and ">>>>>>>" not in text:
        return []
    found = []
    opened = False
    lines = text.split("\n")
    for number, line in enumerate(lines, 1):
        line = line.removesuffix("\r")
        if _CONFLICT_MARKER.match(line):
            opened = line.startswith("<")
        elif not (opened and _CONFLICT_MIDDLE.match(line)):
            continue
        found.append(
            Problem(
                path,
                number,
                f"hier staat een markering van een git-conflict: '{line[:7]}'",
                "git kon twee versies niet samenvoegen: kies tussen de tekst boven en onder "
                "'=======' en haal de regels met '<<<<<<<', '=======' en '>>>>>>>' weg",
            )
        )
    return found


def split_front_matter(text: str, path: str) -> tuple[SourceText | None, list[Problem]]:
    """Front matter and body; lines end at '\n' (an '\r' before it is dropped), as in editors.

    Other characters that Python's `splitlines` would also split at (such as
    U+2028) stay inside their line, so line numbers match what editors show.
    """
    lines = [line.removesuffix("\r") for line in text.removesuffix("\n").split("\n")]
    if lines[0].rstrip() != DELIMITER:
        return None, [
            Problem(
                path,
                1,
                "de pagina begint niet met front matter (een blok tussen twee regels '---')",
                "zet op de eerste regel '---', daaronder de velden (zoals 'titel: ...') "
                "en sluit af met '---'",
            )
        ]
    for index in range(1, len(lines)):
        if lines[index].rstrip() == DELIMITER:
            return SourceText(
                path=path,
                front_matter="\n".join(lines[1:index]),
                front_matter_line=2,
                body="\n".join(lines[index + 1 :]),
                body_line=index + 2,
            ), []
    last = _last_field_line(lines)
    return None, [
        Problem(
            path,
            last + 1,
            "de front matter wordt niet afgesloten",
            f"zet hier, direct na de laatste regel met velden (regel {last}), een regel met "
            "alleen '---'",
        )
    ]


_FIELD_LIKE = re.compile(r"^(\s+\S|[\w-]+\s*:|-\s|#(?!#))")  # "## ..." is a heading


def _last_field_line(lines: list[str]) -> int:
    """The number of the last line of the unclosed front matter: where '---' belongs.

    The fields run on while lines look like YAML (a field, an indented line, a
    list item, a comment); a blank line counts only when fields follow it.
    """
    last = 1
    for number, line in enumerate(lines[1:], 2):
        if _FIELD_LIKE.match(line):
            last = number
        elif line.strip():
            break
    return last
