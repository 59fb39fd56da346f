"""The one Markdown reader: what a page renders, with line numbers.

Every rule that reads a body (headings and sections in `body`, links and
anchors in `links`, HTML in `safety` and `access`, the print page's heading
shift in `render`) reads it through `prose`: the body with what
Python-Markdown shows as text blanked out (replaced by spaces, newlines kept),
so an offset in it is an offset in the body and `Prose.line_at` gives the line
an editor sees. It follows Python-Markdown (with MkDocs' fenced_code) where a
difference would hide something the renderer publishes:

- a fenced code block is found with Python-Markdown's own expression
  (`FencedBlockPreprocessor.FENCED_BLOCK_RE`): the fence at the start of the
  line, closed by exactly the same fence; a fence that is never closed is no
  code block (Python-Markdown renders what follows) and is reported;
- HTML comments are read from left to right as Python's HTMLParser reads them
  (to the next `--\\s*>`); one is blanked only when it ends with `-->`, holds no
  fenced code, and starts a line or ends in its paragraph without another `<!--`;
  a browser's earlier end (`--!>`) ends the blanking; an unclosed one hides nothing
  and is reported; `<!-->` is no comment (a browser ends it at once);
- code spans are paired as Python-Markdown pairs them (in a paragraph, left to
  right), but a span is blanked only on one line, and only before the first line that
  starts with HTML (inside a raw HTML block Python-Markdown does not read code
  spans: the browser gets their contents as HTML);
- a link's destination is read with Python-Markdown's own
  `LinkInlineProcessor.getLink`, so spaces, nested parentheses and titles
  are read as the renderer reads them; `[tekst](` that is never closed is
  reported.

Where this reader and the renderer could still differ, the reader shows more
(indented code counts as prose), never less: tests/test_scanner_differential.py
renders random documents with the site's Markdown and asserts that every tag,
attribute and address in the HTML was seen here.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

# Python-Markdown's `FencedBlockPreprocessor.FENCED_BLOCK_RE`, written out so that the
# check does not load Python-Markdown; tests/test_one_reader.py keeps the two equal.
FENCED_BLOCK = re.compile(
    r"""
(?P<fence>^(?:~{3,}|`{3,}))[ ]*                          # opening fence
((\{(?P<attrs>[^\n]*)\})|                                # (optional {attrs} or
(\.?(?P<lang>[\w#.+-]*)[ ]*)?                            # optional (.)lang
(hl_lines=(?P<quot>"|')(?P<hl_lines>.*?)(?P=quot)[ ]*)?) # optional hl_lines)
\n                                                       # newline (end of opening fence)
(?P<code>.*?)(?<=\n)                                     # the code block
(?P=fence)[ ]*$                                          # closing fence
""",
    re.MULTILINE | re.DOTALL | re.VERBOSE,
)
_FENCE_LINE = re.compile(r"^(?:~{3,}|`{3,})", re.M)
_BACKTICKS = re.compile(r"`+")
_COMMENT_START = re.compile(r"<!--")
_COMMENT_END = re.compile(r"--!?>")  # where a browser ends a comment
_PARSER_COMMENT_END = re.compile(r"--\s*>")  # where Python's HTMLParser ends it
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_HTML_LINE = re.compile(r"^ {0,3}<[A-Za-z/!?]", re.M)
_LINK_END = re.compile(r"\]\(")


@functools.cache
def _link_reader() -> Any:
    """Python-Markdown's reader of `(destination "title")`, outside a Markdown instance
    (there are no stashed inline placeholders to put back); loaded only for a destination
    that is not simple."""
    from markdown.inlinepatterns import LINK_RE, LinkInlineProcessor

    class LinkReader(LinkInlineProcessor):
        def unescape(self, text: str) -> str:
            return text

    return LinkReader(LINK_RE)


# A destination longer than this is not read on (and reported as not closed): reading
# every `](` of a paragraph to its end would take time in the square of its length.
MAX_DESTINATION = 500
# Matched in "\n" + text: a leading literal newline lets the regex engine skip ahead.
_DEFINITION = re.compile(r"\n {0,3}\[([^\]\n]+)\]:[ \t]*\n?[ \t]*(<[^>\n]*>|\S+)")
# Starts with a literal '[' so the regex engine can skip ahead (an image's '!' is read before it).
_REFERENCE = re.compile(r"\[([^\[\]\n]*)\]\[([^\[\]\n]*)\]")
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
    # Offsets of what opens but never closes: ("fence" | "comment", offset).
    unclosed: tuple[tuple[str, int], ...] = ()

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
    """The body with fenced code, HTML comments and code spans replaced by spaces."""
    unclosed: list[tuple[str, int]] = []
    # Most pages have no code and no comments: each step is skipped when it has nothing to do.
    text = markdown
    fences: list[tuple[int, int]] = []
    if "```" in text or "~~~" in text:
        text, fences = _blank_fences(text, unclosed)
    if "<!--" in text:
        text = _blank_comments(text, unclosed, fences)
    if "`" in text:
        text = _blank_code_spans(text)
    return Prose(text, first_line, markdown, tuple(sorted(unclosed, key=lambda item: item[1])))


def label(text: str) -> str:
    """A reference label as Markdown matches it: case and spacing do not count."""
    return " ".join(text.split()).lower()


def links(page: Prose) -> tuple[Link, ...]:
    """Inline links and images; a link around an image gives both."""
    return tuple(
        Link(destination, image, page.line_at(start), page.source[start + 1 : end])
        for start, end, destination, image in inline_links(page.text)
        if destination is not None
    )


def unclosed_links(page: Prose) -> tuple[int, ...]:
    """The lines of `[tekst](` whose `)` never comes: Python-Markdown shows them as text."""
    return tuple(
        page.line_at(start)
        for start, _, destination, _ in inline_links(page.text)
        if destination is None
    )


@functools.lru_cache(maxsize=64)  # `links` and `unclosed_links` read the same page
def inline_links(text: str) -> list[tuple[int, int, str | None, bool]]:
    """(offset of '[', offset of ']', destination or None when not closed, image?)."""
    found: list[tuple[int, int, str | None, bool]] = []
    if "](" not in text:
        return found
    ends = [match.start() for match in _BLANK_LINE.finditer(text)] + [len(text)]
    nested: dict[int, int] | None = None  # made only when a page nests brackets
    paragraph = 0
    for match in _LINK_END.finditer(text):
        while ends[paragraph] < match.end():
            paragraph += 1
        begin = ends[paragraph - 1] if paragraph else 0
        start = text.rfind("[", begin, match.start())
        if start == -1:
            continue
        if text.find("]", start, match.start()) != -1:  # `[a [b] c](d)`: match by depth
            nested = _opening_brackets(text) if nested is None else nested
            if (start := nested.get(match.start(), -1)) == -1:
                continue
        image = start > 0 and text[start - 1] == "!"
        span = _destination_span(text, match.end(), ends[paragraph])
        destination = None if span is None else text[span[0] : span[1]].strip()
        found.append((start, match.start(), destination, image))
    return found


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


def _blank_fences(
    markdown: str, unclosed: list[tuple[str, int]]
) -> tuple[str, list[tuple[int, int]]]:
    """Blank every fenced code block as Python-Markdown's fenced_code finds them (fences
    included); a fence line outside them is a fence that is never closed."""
    parts, position, index = [], 0, 0
    spans: list[tuple[int, int]] = []
    while match := FENCED_BLOCK.search(markdown, index):
        if match.group("attrs") is not None and _unbalanced(match.group("attrs")):
            index = match.end("attrs")  # as Python-Markdown: `{...}` that is no attr_list
            continue
        parts += [markdown[position : match.start()], _blank(match.group(0))]
        spans.append(match.span())
        position = index = match.end()
    parts.append(markdown[position:])
    text = "".join(parts)
    unclosed += [("fence", fence.start()) for fence in _FENCE_LINE.finditer(text)]
    return text, spans


# attr_list's scanner (`markdown.extensions.attr_list._scanner`, Python-Markdown 3.x, BSD
# licence), written out so that the check never loads Python-Markdown: its four kinds of
# attribute and the space between them. tests/test_one_reader.py keeps it equal to the
# installed Python-Markdown's on many random lists.
_ATTRIBUTE_SCANNER = re.Scanner(
    [
        (r'[^ =}]+=".*?"', lambda _, token: _key_value(token, '"')),
        (r"[^ =}]+='.*?'", lambda _, token: _key_value(token, "'")),
        (r"[^ =}]+=[^ =}]+", lambda _, token: _key_value(token, "")),
        (r"[^ =}]+", lambda _, token: _word(token)),
        (r" ", None),
    ]
)


def _key_value(token: str, quote: str) -> tuple[str, str]:
    key, value = token.split("=", 1)
    return key, value.strip(quote) if quote else value


def _word(token: str) -> tuple[str, str | None]:
    """`.klasse`, `#anker` or an attribute without a value (`None`), as attr_list reads it."""
    if token.startswith("."):
        return ".", token[1:]
    if token.startswith("#"):
        return "id", token[1:]
    return token, None


def attribute_list(written: str) -> tuple[list[tuple[str, str | None]], str]:
    """What attr_list's scanner makes of the text between `{` and `}`: the attributes, and
    what it could not read (from the first character it could not read on)."""
    return _ATTRIBUTE_SCANNER.scan(written)


def _unbalanced(attributes: str) -> bool:
    """attr_list's `get_attrs_and_remainder`: text it cannot read up to a `}` is left out,
    so only a `}` after it leaves a remainder (and the braces are no attribute list)."""
    rest = attribute_list(attributes)[1]
    return "}" in rest


def _blank_comments(
    text: str, unclosed: list[tuple[str, int]], fences: list[tuple[int, int]]
) -> str:
    """Blank the HTML comments a browser gets from Python-Markdown (see the docstring).

    Comments are read from left to right as Python's HTMLParser (in Python-Markdown)
    reads them: from `<!--` to the next `--\\s*>`, and the next comment starts after
    that. Only a comment that surely is one for the renderer and the browser is blanked.
    """
    parts, position, after = [], 0, 0
    for start in _COMMENT_START.finditer(text):
        begin = start.start()
        if begin < after:
            continue  # inside what HTMLParser read as one comment
        end = _PARSER_COMMENT_END.search(text, start.end())
        if end is None:
            unclosed.append(("comment", begin))
            continue
        after = end.end()
        browser_end = _COMMENT_END.search(text, start.end(), end.end())  # `--!>` ends earlier
        line_start = text.rfind("\n", 0, begin) + 1
        at_line_start = begin - line_start <= 3 and not text[line_start:begin].strip()
        certain = (
            end.group(0) == "-->"
            and not text.startswith(("<!-->", "<!--->"), begin)  # a browser ends it at once
            and not any(
                begin < fence_end and fence_start < end.end() for fence_start, fence_end in fences
            )
            and (
                at_line_start
                or (
                    _BLANK_LINE.search(text, begin, end.start()) is None  # ends in its paragraph
                    and text.find("<!--", start.end(), end.end()) == -1  # holds no other `<!--`
                )
            )
        )
        if not at_line_start and _BLANK_LINE.search(text, begin, end.start()):
            unclosed.append(("comment", begin))  # in a paragraph: the renderer shows '<!--'
        if certain:
            stop = browser_end.end() if browser_end else end.end()
            parts += [text[position:begin], _blank(text[begin:stop])]
            position = stop
    parts.append(text[position:])
    return "".join(parts)


def _blank_code_spans(text: str) -> str:
    """Blank `code spans` as Python-Markdown pairs them: in a paragraph, from left to right,
    a run of backticks up to the next run of the same length. Only a span on one line is
    blanked, and only before the first line that starts with HTML (see the docstring)."""
    html = _HTML_LINE.search(text)
    limit = html.start() if html else len(text)
    parts = []
    position = 0
    begin = 0
    for paragraph_end in [m.start() for m in _BLANK_LINE.finditer(text, 0, limit)] + [limit]:
        runs = [m.span() for m in _BACKTICKS.finditer(text, begin, paragraph_end)]
        index = 0
        while index < len(runs):
            start, end = runs[index]
            closing = next(
                (
                    other
                    for other in range(index + 1, len(runs))
                    if runs[other][1] - runs[other][0] == end - start
                ),
                None,
            )
            if closing is None or (start and text[start - 1] == "\\"):
                break  # Python-Markdown then pairs no later run of the paragraph either
            close_end = runs[closing][1]
            if "\n" not in text[start:close_end]:
                parts += [text[position:start], " " * (close_end - start)]
                position = close_end
            index = closing + 1
        begin = paragraph_end
    parts.append(text[position:])
    return "".join(parts)


def _opening_brackets(text: str) -> dict[int, int]:
    """For each `]`, the `[` it closes within the same paragraph (one pass, a stack)."""
    matches: dict[int, int] = {}
    stack: list[int] = []
    blank_lines = [match.start() for match in _BLANK_LINE.finditer(text)]
    for match in _BRACKET.finditer(text):
        if match.group(0) == "[":
            stack.append(match.start())
        elif stack:
            opening = stack.pop()
            # A paragraph ends between them: nothing opened before it closes after it.
            if bisect.bisect(blank_lines, opening) == bisect.bisect(blank_lines, match.start()):
                matches[match.start()] = opening
            else:
                stack.clear()
    return matches


_BRACKET = re.compile(r"[\[\]]")
# A destination without spaces, quotes, brackets or parentheses: getLink reads it as it is.
_SIMPLE_DESTINATION = re.compile(r"([^\s()<>\"'\[\]\\]+)\)")


def _destination_span(text: str, start: int, paragraph_end: int) -> tuple[int, int] | None:
    """Where the destination after `](` at `start` is, without `<>`, as Python-Markdown
    reads it; None if it is not closed in its paragraph (or within MAX_DESTINATION)."""
    end = min(paragraph_end, start + MAX_DESTINATION)
    if text.find(")", start, end) == -1:
        return None
    if simple := _SIMPLE_DESTINATION.match(text, start, end):  # most links: (pagina.md#anker)
        return simple.span(1)
    data = text[start - 1 : end]  # from the '('
    reader = _link_reader()
    href, _, _, handled = reader.getLink(data, 0)
    if not handled:
        return None
    opening = reader.RE_LINK.match(data)
    assert opening is not None  # data starts with '('
    if opening.group(1):  # (<destination> "title")
        begin = start - 1 + opening.start(1) + 1
        return begin, begin + len(opening.group(1)) - 2
    # getLink's destination starts where the spaces after '(' end, and is stripped.
    begin = start - 1 + opening.end()
    return begin, begin + len(href)


def _paragraph_end(text: str, start: int) -> int:
    blank = _BLANK_LINE.search(text, start)
    return blank.start() if blank else len(text)


def destination_spans(markdown: str) -> list[tuple[int, int]]:
    """Where the destination of every inline link, image and reference definition is
    (offsets in `markdown`, in order); never in code or comments."""
    text = prose(markdown, 1).text
    openings = _opening_brackets(text)
    spans = [
        span
        for match in _LINK_END.finditer(text)
        if match.start() in openings
        and (span := _destination_span(text, match.end(), _paragraph_end(text, match.end())))
    ]
    for match in _DEFINITION.finditer("\n" + text):
        begin, end = match.start(2) - 1, match.end(2) - 1  # offsets in "\n" + text
        spans.append((begin + 1, end - 1) if text.startswith("<", begin) else (begin, end))
    return sorted(spans)


def replace_destinations(markdown: str, replace: Callable[[str], str]) -> str:
    """`markdown` with the destination of every inline link, image and reference
    definition replaced by `replace(destination)`; code and comments stay as they are."""
    parts, position = [], 0
    for begin, end in destination_spans(markdown):
        parts += [markdown[position:begin], replace(markdown[begin:end])]
        position = end
    return "".join([*parts, markdown[position:]])
