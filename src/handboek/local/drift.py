"""Drift: has the upstream text under a local note changed since it was written?

A local note records the upstream text it was written against: a short
fingerprint of the normalised text, and the text itself as a snapshot (one
sentence per line, so a change shows as a readable diff). The check compares
the fingerprint with the text upstream has now; `herzien` records the
current text again after the municipality has reviewed its note.

The target of a note is a whole part of an environment page, or one point
of it: a top-level list item that opens with bold words
(`- **Ondersteunen, niet overnemen.** ...`).
"""

from __future__ import annotations

import difflib
import hashlib
import re

from handboek.read import scan

_POINT = re.compile(r"^[-*+][ \t]+\*\*(.+?)\*\*")
_SENTENCE_END = re.compile(r"(?<=[.?!])[ ]+(?=\S)")


def points(part_markdown: str) -> dict[str, str]:
    """Each point of a part by its bold opening words (trailing '.' or ':' dropped).

    A point runs from its list item to the next line that is not indented.
    """
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    # A list item in fenced code or a comment is no point (the one reader, `scan`).
    prose = scan.prose(part_markdown, 1).text.split("\n")
    for line, shown in zip(part_markdown.split("\n"), prose, strict=True):
        if (match := _POINT.match(line)) and shown[:1] == line[:1]:
            current = found.setdefault(point_name(match.group(1)), [])
            current.append(line)
        elif current is not None and (not line.strip() or line[0] in " \t"):
            current.append(line)
        else:
            current = None
    return {name: "\n".join(lines).strip("\n") for name, lines in found.items()}


def point_name(bold: str) -> str:
    return " ".join(bold.split()).rstrip(".:;,")


def fingerprint(text: str) -> str:
    """12 hex digits over the words of the text: re-wrapping never changes it."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:12]


def snapshot(text: str) -> str:
    """The text one sentence per line, tabs as spaces, at most one blank line in a row."""
    lines: list[str] = []
    for line in text.expandtabs(4).split("\n"):
        stripped = line.rstrip()
        if not stripped:
            if lines and lines[-1]:
                lines.append("")
            continue
        indent = stripped[: len(stripped) - len(stripped.lstrip())]
        sentences = _SENTENCE_END.split(stripped.lstrip())
        lines.append(indent + sentences[0])
        lines.extend(indent + "  " + sentence for sentence in sentences[1:])
    # A YAML literal block takes its indentation from its first line: never indent that one.
    return "\n".join(lines).strip("\n").lstrip(" ")


def diff(recorded: str, current: str) -> str:
    """A unified diff from the recorded snapshot to the current upstream text."""
    return "\n".join(
        difflib.unified_diff(
            recorded.split("\n"),
            snapshot(current).split("\n"),
            fromfile="tekst waarbij de notitie is geschreven",
            tofile="tekst van upstream nu",
            lineterm="",
        )
    )
