"""Splitting a Markdown body into its `##` sections and quotes, with line numbers.

It reads what `scan` (the one Markdown reader) leaves as prose: it only
needs to know where headings start (not in fenced code or a comment, as
Python-Markdown renders them) and what the blockquotes of a section say, so
that checks can point at exact lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from handboek.read import scan

# Python-Markdown's `HashHeaderProcessor.RE` for one line, written out so the check does not
# load Python-Markdown (tests/test_one_reader.py keeps the two equal): `#Kop` is a heading too.
HASH_HEADING = re.compile(r"^(?P<level>#{1,6})(?P<header>(?:\\.|[^\\#]|#+(?=[^#\n]))*?)#*$")
# A setext heading: the first line of a block, underlined with '=' (level 1) or '-' (level 2),
# as Python-Markdown's `SetextHeaderProcessor` reads it (before a rule '---').
_UNDERLINE = re.compile(r"\n(=+|-+)[ ]*(?=\n|$)")
# Matched in "\n" + body: the leading literal newline lets the regex engine skip ahead.
_CANDIDATE = re.compile(r"\n([ ]*#[^\n]*)")
# What can hide a heading line from Python-Markdown: a fence or a comment.
_MAY_HIDE = re.compile(r"```|~~~|<!--")
_ATTRIBUTION = re.compile(r"^(?:—|--)\s*(.*)$")


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    line: int


@dataclass(frozen=True)
class Section:
    """The text under one `##` heading (or before the first one: `heading is None`)."""

    heading: Heading | None
    markdown: str
    line: int  # first line of the section's text

    @property
    def is_empty(self) -> bool:
        return not self.markdown.strip()


@dataclass(frozen=True)
class Blockquote:
    """A quote as written: its paragraphs and the attribution line, if any."""

    paragraphs: tuple[str, ...]
    attribution: str | None
    line: int


def headings(body: str, first_line: int, prose: scan.Prose | None = None) -> tuple[Heading, ...]:
    """All headings that Python-Markdown renders (`# Kop`, `#Kop`, and a line underlined with
    `===` or `---`): not in fenced code or a comment (`scan.prose` knows where those are;
    `prose`: the body's, when already read)."""
    if prose is None and _MAY_HIDE.search(body):
        prose = scan.prose(body, first_line)
    text = body if prose is None else prose.text
    found = _hash_headings(body, text, first_line)
    if "\n=" in text or "\n-" in text:
        found += _setext_headings(body, text, first_line)
        found.sort(key=lambda heading: heading.line)
    return tuple(found)


def _hash_headings(body: str, text: str, first_line: int) -> list[Heading]:
    found = []
    text = "\n" + text
    line_number, counted_to = first_line - 1, 0
    # Only lines that start with '#' can be a heading.
    for candidate in _CANDIDATE.finditer(text):
        line_number += text.count("\n", counted_to, candidate.start(1))
        counted_to = candidate.start(1)
        start = candidate.start(1) - 1  # in the body
        line = body[start : start + len(candidate.group(1))]
        if match := HASH_HEADING.match(line):
            found.append(Heading(len(match["level"]), match["header"].strip(), line_number))
    return found


def _setext_headings(body: str, text: str, first_line: int) -> list[Heading]:
    found = []
    for underline in _UNDERLINE.finditer(text):
        end = underline.start()
        start = text.rfind("\n", 0, end) + 1  # the title line, just above
        title = text[start:end]
        if not title.strip() or title.startswith(("    ", "\t", "<", "#")):
            continue  # no text, indented code, raw HTML or a '#' heading
        if start and text[text.rfind("\n", 0, start - 1) + 1 : start - 1].strip():
            continue  # not the first line of its block
        found.append(
            Heading(
                1 if underline[1].startswith("=") else 2,
                body[start:end].strip(),
                first_line + text.count("\n", 0, start),
            )
        )
    return found


def split_sections(
    body: str, first_line: int, found: tuple[Heading, ...]
) -> tuple[Section, tuple[Section, ...]]:
    """The introduction before the first `##` heading, and each `##` section.

    `found` are the body's `headings`, read once by the caller.
    """
    lines = body.split("\n")
    starts = [heading for heading in found if heading.level == 2]
    bounds = [heading.line - first_line for heading in starts] + [len(lines)]
    intro = _section(None, lines[: bounds[0]], first_line)
    sections = tuple(
        _section(heading, lines[bounds[index] + 1 : bounds[index + 1]], heading.line + 1)
        for index, heading in enumerate(starts)
    )
    return intro, sections


def _section(heading: Heading | None, lines: list[str], first_line: int) -> Section:
    """A section without its leading and trailing blank lines; `line` is its first text line."""
    leading = next((index for index, line in enumerate(lines) if line.strip()), len(lines))
    text = "\n".join(lines[leading:]).rstrip()
    return Section(heading, text, first_line + leading)


def blockquotes(section: Section) -> tuple[list[Blockquote], list[int]]:
    """The blockquotes of a section, and the lines of text that stand outside any quote."""
    quotes: list[Blockquote] = []
    stray_lines: list[int] = []
    current: list[tuple[int, str]] = []

    def close() -> None:
        if current:
            quotes.append(_blockquote(current))
            current.clear()

    # A '>' in fenced code or a comment is no quote (the one reader blanks those out).
    read = scan.prose(section.markdown, section.line).text.split("\n")
    for offset, line in enumerate(section.markdown.split("\n")):
        number = section.line + offset
        if read[offset].lstrip().startswith(">"):
            current.append((number, line.lstrip()[1:].strip()))
        else:
            close()
            if line.strip():
                stray_lines.append(number)
    close()
    return quotes, stray_lines


def _blockquote(lines: list[tuple[int, str]]) -> Blockquote:
    texts = [text for _, text in lines]
    attribution = None
    last = next((text for text in reversed(texts) if text), "")
    if match := _ATTRIBUTION.match(last):
        attribution = match.group(1).strip()
        texts = texts[: len(texts) - 1 - texts[::-1].index(last)]
    paragraphs = tuple(
        " ".join(paragraph.split())
        for paragraph in "\n".join(texts).split("\n\n")
        if paragraph.strip()
    )
    return Blockquote(paragraphs, attribution, lines[0][0])
