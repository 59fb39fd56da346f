"""The points of "Wat kan de gemeente doen?": one list item that opens with bold words each.

A point is a top-level list item of the part, `- **Korte titel.** Uitleg ...`,
running to the next line that is not indented (as `local.drift` reads it for
a municipality's notes). Each point gets a stable id on its environment page,
`punt-<titel als slug>`, so the zelfscan, the open data and other pages can
link straight to it. The ids of the zelfscan's form fields are made here too,
so the link check (`links`) knows every id the build writes.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass

from handboek.model import Point
from handboek.read.slugs import slugify

_POINT = re.compile(r"^[-*+][ \t]+\*\*(.+?)\*\*[ \t]*(.*)$")
POINT_PREFIX = "punt-"
# The four answers of the zelfscan, as (value in the saved file, label on screen).
STATUSES: tuple[tuple[str, str], ...] = (
    ("al-geregeld", "Al geregeld"),
    ("deels", "Deels"),
    ("nog-niet", "Nog niet"),
    ("niet-van-toepassing", "Niet van toepassing"),
)


@dataclass(frozen=True)
class WrittenPoint:
    """A point as found in the text, with where its first paragraph ends."""

    point: Point
    paragraph_end: int
    """Index (0-based, in the part's lines) of the last line of its first paragraph."""


def point_title(bold: str) -> str:
    """The bold opening words, one space between words, without a trailing '.', ':', ';' or ','."""
    return " ".join(bold.split()).rstrip(".:;,")


def point_anchor(title: str) -> str:
    return POINT_PREFIX + slugify(title, "-")


def written_points(part_markdown: str, first_line: int) -> list[WrittenPoint]:
    """Every point of a part, in order. `first_line` is the line of the part's first line."""
    lines = part_markdown.split("\n")
    found: list[WrittenPoint] = []
    index = 0
    while index < len(lines):
        match = _POINT.match(lines[index])
        if match is None:
            index += 1
            continue
        start = index
        index += 1
        first_paragraph = True  # until the first blank line
        while index < len(lines):
            line = lines[index]
            if not line.strip():
                first_paragraph = False
            elif line[0] not in " \t" and not (first_paragraph and _goes_on(line)):
                break
            index += 1
        paragraph_end = start
        while paragraph_end + 1 < index and not _starts_block(lines[paragraph_end + 1]):
            paragraph_end += 1
        first = " ".join(
            [match.group(2), *(line.strip() for line in lines[start + 1 : paragraph_end + 1])]
        )
        rest = textwrap.dedent("\n".join(lines[paragraph_end + 1 : index])).strip("\n")
        title = point_title(match.group(1))
        point = Point(
            title=title,
            text="\n\n".join(filter(None, [first.strip(), rest])),
            anchor=point_anchor(title),
            line=first_line + start,
        )
        found.append(WrittenPoint(point, paragraph_end))
    return found


def swallowed_points(part_markdown: str, first_line: int) -> list[tuple[int, str]]:
    """Points the site would not show as points: (line, title) of each.

    After a blank line inside a point, an indented paragraph follows; a next
    `- **...**` directly under that paragraph (without a blank line) is read by
    the Markdown engine as more text of that paragraph, not as a new point.
    """
    lines = part_markdown.split("\n")
    found = []
    after_blank = False  # a blank line since the current point started
    for index, line in enumerate(lines):
        match = _POINT.match(line)
        if match:
            if after_blank and _under_a_later_paragraph(lines, index):
                found.append((first_line + index, point_title(match.group(1))))
            after_blank = False
        elif not line.strip():
            after_blank = True
    return found


def _under_a_later_paragraph(lines: list[str], index: int) -> bool:
    """Whether the line at `index` comes right under an indented paragraph (its later lines
    may be unindented, "lazy" lines of it) that is not a list item."""
    above = lines[index - 1] if index else ""
    if not above.strip() or _starts_block(above):
        return False
    start = index - 1
    while start > 0 and lines[start - 1].strip():
        start -= 1
    return lines[start][:1] in (" ", "\t") and not _starts_block(lines[start])


def with_point_ids(part_markdown: str, prefix: str = "") -> str:
    """The part's text with an `attr_list` id after the first paragraph of each point.

    `{: #id }` on its own line at the end of a list item's text gives the list
    item (or, in a loose list, its first paragraph) that id.
    """
    lines = part_markdown.split("\n")
    for written in reversed(written_points(part_markdown, 1)):
        lines.insert(written.paragraph_end + 1, f"  {{: #{prefix}{written.point.anchor} }}")
    return "\n".join(lines)


def field_id(slug: str, point: Point, field: str) -> str:
    """The id of one form field of the zelfscan: `<omgeving>--<punt>--<veld>`."""
    return f"{slug}--{point.anchor}--{field}"


def form_ids(slug: str, point: Point) -> list[str]:
    """Every id the zelfscan writes for one point (its fieldset, status options, fields)."""
    return [
        field_id(slug, point, "punt"),
        field_id(slug, point, "status"),
        *(field_id(slug, point, f"status-{value}") for value, _ in STATUSES),
        field_id(slug, point, "verantwoordelijk"),
        field_id(slug, point, "notitie"),
    ]


_NESTED_LIST = re.compile(r"^[ \t]*(?:[-*+]|\d+[.)])[ \t]")


# What ends a point's first paragraph when it stands at the start of the next line; any
# other line there, indented or not, is more of the same paragraph (Markdown's "lazy" lines).
_NOT_LAZY = re.compile(
    r"(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)"  # a list item
    r"|#|>|```|~~~|<"  # a heading (also '#woord'), quote, fence or HTML block
    r"|(?:[-*_][ ]{0,2}){3,}$"  # a rule (---)
)


def _goes_on(line: str) -> bool:
    """Whether an unindented line right under a point's first paragraph is more of it."""
    return _NOT_LAZY.match(line) is None


def _starts_block(line: str) -> bool:
    """A blank line or a nested list ends the first paragraph of a point."""
    return not line.strip() or bool(_NESTED_LIST.match(line))
