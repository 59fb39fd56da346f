"""Finding links and HTML in the prose of a page, with line numbers.

The link and safety rules look at what a page will render: not at code, which
is shown as text. `prose` returns the Markdown body with fenced code blocks,
code spans and HTML comments blanked out (replaced by spaces, newlines kept),
so an offset in it is an offset in the body and `Prose.line_at` gives the line
an editor sees. `links`, `definitions`, `references` and `tags` then read that
text. This is a small scanner for the Markdown editors write, not a full
CommonMark parser: indented code blocks, for instance, count as prose.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

_FENCE_OPEN = re.compile(r"^ {0,3}(`{3,}|~{3,})(.*)$")
_BACKTICKS = re.compile(r"`+")
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_LINK_END = re.compile(r"\]\(")
# Matched in "\n" + text: a leading literal newline lets the regex engine skip ahead.
_DEFINITION = re.compile(r"\n {0,3}\[([^\]\n]+)\]:[ \t]*\n?[ \t]*(<[^>\n]*>|\S+)")
# Starts with a literal '[' so the regex engine can skip ahead (an image's '!' is read before it).
_REFERENCE = re.compile(r"\[([^\[\]\n]*)\]\[([^\[\]\n]*)\]")
# After `](`: the destination (`<...>` or without spaces, balanced parentheses),
# an optional title, and the closing parenthesis.
_DESTINATION = re.compile(
    r"[ \t]*\n?[ \t]*(<[^<>\n]*>|(?:[^\s()]|\([^\s()]*\))*)"
    r"(?:[ \t]*\n?[ \t]+(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?[ \t]*\n?[ \t]*\)"
)
_SHORTCUT_IMAGE = re.compile(r"!\[([^\[\]\n]+)\](?![\[(])")
_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)((?:[^<>\"']|\"[^\"]*\"|'[^']*')*)>")
_ATTRIBUTE = re.compile(
    r"(?:^|\s)([^\s\"'>/=]+)(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'=<>`]+)))?"
)


@dataclass(frozen=True)
class Prose:
    """A body with its code blanked out; `first_line` is the body's first line."""

    text: str
    first_line: int
    source: str  # the body as written (same offsets): code in a link's text is still text

    def line_at(self, offset: int) -> int:
        return self.first_line + self.text.count("\n", 0, offset)


@dataclass(frozen=True)
class Link:
    """An inline link `[text](destination)` or image `![alt](destination)`."""

    destination: str
    image: bool
    line: int
    text: str  # between the brackets: the link's text, or the image's description


@dataclass(frozen=True)
class Definition:
    """A reference definition `[label]: destination`."""

    label: str  # normalised: lowercase, single spaces
    destination: str
    line: int


@dataclass(frozen=True)
class Reference:
    """A use of a definition: `[text][label]`, `[label][]` or, for images, `![label]`."""

    label: str  # normalised
    image: bool
    line: int


@dataclass(frozen=True)
class Tag:
    """An opening HTML tag with its attributes (names lowercase, values as written)."""

    name: str  # lowercase
    attributes: tuple[tuple[str, str], ...]
    line: int


def prose(markdown: str, first_line: int) -> Prose:
    """The body with fenced code, code spans and HTML comments replaced by spaces."""
    # Most pages have no code and no comments: each step is skipped when it has nothing to do.
    text = _blank_fences(markdown) if "```" in markdown or "~~~" in markdown else markdown
    if "<!--" in text:
        text = _COMMENT.sub(lambda match: _blank(match.group(0)), text)
    if "`" in text:
        text = _blank_code_spans(text)
    return Prose(text, first_line, markdown)


def label(text: str) -> str:
    """A reference label as Markdown matches it: case and spacing do not count."""
    return " ".join(text.split()).lower()


def links(page: Prose) -> tuple[Link, ...]:
    """Inline links and images; a link around an image gives both."""
    text = page.text
    found = []
    for match in _LINK_END.finditer(text):
        start = _opening_bracket(text, match.start())
        destination = _destination(text, match.end())
        if start is None or destination is None:
            continue
        image = start > 0 and text[start - 1] == "!"
        label_text = page.source[start + 1 : match.start()]
        found.append(Link(destination, image, page.line_at(start), label_text))
    return tuple(found)


def definitions(page: Prose) -> tuple[Definition, ...]:
    found = []
    for match in _DEFINITION.finditer("\n" + page.text):
        destination = match.group(2)
        if destination.startswith("<"):
            destination = destination[1:-1]
        # match.start() is the newline before the definition: its offset in page.text.
        found.append(Definition(label(match.group(1)), destination, page.line_at(match.start())))
    return tuple(found)


def references(page: Prose) -> tuple[Reference, ...]:
    """Full and collapsed references, and shortcut image references `![label]`."""
    found = []
    for match in _REFERENCE.finditer(page.text):
        name = match.group(2) or match.group(1)
        image = match.start() > 0 and page.text[match.start() - 1] == "!"
        start = match.start() - image
        found.append(Reference(label(name), image, page.line_at(start)))
    for match in _SHORTCUT_IMAGE.finditer(page.text):
        found.append(Reference(label(match.group(1)), True, page.line_at(match.start())))
    return tuple(found)


def tags(page: Prose) -> tuple[Tag, ...]:
    found = []
    for match in _TAG.finditer(page.text):
        attributes = tuple(
            (item.group(1).lower(), next((v for v in item.groups()[1:] if v is not None), ""))
            for item in _ATTRIBUTE.finditer(match.group(2))
        )
        found.append(Tag(match.group(1).lower(), attributes, page.line_at(match.start())))
    return tuple(found)


def _blank(text: str) -> str:
    return re.sub(r"[^\n]", " ", text)


def _blank_fences(markdown: str) -> str:
    """Blank every line of a fenced code block, fences included (unclosed: to the end)."""
    lines = markdown.split("\n")
    fence: str | None = None
    for index, line in enumerate(lines):
        if fence is None:
            match = _FENCE_OPEN.match(line)
            if match and not (match.group(1)[0] == "`" and "`" in match.group(2)):
                fence = match.group(1)
                lines[index] = _blank(line)
        else:
            closing = re.match(rf"^ {{0,3}}{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$", line)
            if closing:
                fence = None
            lines[index] = _blank(line)
    return "\n".join(lines)


def _blank_code_spans(text: str) -> str:
    """Blank `code spans`: a run of backticks up to the next run of the same length.

    A code span never crosses a blank line (the end of a paragraph).
    """
    parts = []
    position = 0
    search_from = 0
    while match := _BACKTICKS.search(text, search_from):
        run = match.group(0)
        closing = re.compile(rf"(?<!`){run}(?!`)")
        end = closing.search(text, match.end())
        if end is None or re.search(r"\n[ \t]*\n", text[match.end() : end.start()]):
            search_from = match.end()
            continue
        parts.append(text[position : match.start()])
        parts.append(_blank(text[match.start() : end.end()]))
        position = search_from = end.end()
    parts.append(text[position:])
    return "".join(parts)


def _opening_bracket(text: str, closing: int) -> int | None:
    """The `[` that matches the `]` at `closing`, within the same paragraph."""
    depth = 0
    for index in range(closing - 1, -1, -1):
        character = text[index]
        if character == "]":
            depth += 1
        elif character == "[":
            if depth == 0:
                return index
            depth -= 1
        elif character == "\n" and text[index + 1 : closing].startswith("\n"):
            return None
    return None


def _destination(text: str, start: int) -> str | None:
    """The destination of an inline link whose `](` ends at `start`; None if malformed."""
    span = _destination_span(text, start)
    return None if span is None else text[span[0] : span[1]]


def _destination_span(text: str, start: int) -> tuple[int, int] | None:
    """Where the destination after `](` at `start` is, without `<>`; None if malformed."""
    match = _DESTINATION.match(text, start)
    if match is None:
        return None
    begin, end = match.span(1)
    return (begin + 1, end - 1) if text.startswith("<", begin) else (begin, end)


def replace_destinations(markdown: str, replace: Callable[[str], str]) -> str:
    """`markdown` with the destination of every inline link, image and reference
    definition replaced by `replace(destination)`; code and comments stay as they are."""
    text = prose(markdown, 1).text
    spans = [
        span
        for match in _LINK_END.finditer(text)
        if _opening_bracket(text, match.start()) is not None
        and (span := _destination_span(text, match.end())) is not None
    ]
    for match in _DEFINITION.finditer("\n" + text):
        begin, end = match.start(2) - 1, match.end(2) - 1  # offsets in "\n" + text
        spans.append((begin + 1, end - 1) if text.startswith("<", begin) else (begin, end))
    parts, position = [], 0
    for begin, end in sorted(spans):
        parts += [markdown[position:begin], replace(markdown[begin:end])]
        position = end
    return "".join([*parts, markdown[position:]])
