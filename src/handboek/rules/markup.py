"""Markup mistakes that must not ship: what opens and never closes, and attr_list beyond ids.

Python-Markdown renders a fence, a comment or a link that is never closed as
text, and goes on rendering what follows; on the site that shows as stray
backticks, `<!--` or `[tekst](pagina.md`. `scan` (the one Markdown reader)
finds them; these rules report them at their line.

attr_list (`{: ... }`, `{#anker}`) can put any attribute on an element:
`onclick`, `href="javascript:..."`, `style`, `srcset`. The content only needs
ids (anchors): any other attribute or a class is an error. The braces are
read as attr_list's own scanner reads them (`scan.attribute_list`), at every
`{` of the prose (also where attr_list would not apply, which costs an editor
at most a rewording).

Each rule takes a `Document` and yields `(line, message, hint)`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from handboek.problems import Finding
from handboek.read import scan
from handboek.read.document import Document

# attr_list's `AttrListTreeprocessor.BASE_RE`, written out so that the check does not load
# Python-Markdown (tests/test_rules_safety.py keeps the two equal).
ATTR_LIST = re.compile(r"\{\:?[ ]*([^\}\n ][^\n]*)\}")
# What attr_list's scanner reads as nothing but an id (`_handle_word` of `#anker`).
_ONLY_AN_ID = re.compile(r"#([^ =}]+) *")


def scan_attributes(written: str) -> tuple[list[tuple[str, str | None]], str]:
    """What attr_list's scanner makes of the text between `{` and `}` (`scan.attribute_list`),
    with a shortcut for the list that is only an id."""
    if only_an_id := _ONLY_AN_ID.fullmatch(written):
        return [("id", only_an_id[1])], ""
    return scan.attribute_list(written)


# An attribute list longer than this is not read on, and reported (reading every '{' of a
# long line to its end would take time in the square of the line's length).
MAX_ATTRIBUTE_LIST = 200
_STYLE_ELEMENT = re.compile(r"<style\b.*?(?:</style\s*>|\Z)", re.I | re.S)
_ATTR_HINT = (
    "tussen accolades mag alleen een anker staan, zoals {#mijn-anker}; opmaak en gedrag "
    "komen uit het thema"
)


def code_and_comments_are_closed(document: Document) -> Iterator[Finding]:
    """A fenced code block and an HTML comment are closed (else they hide nothing)."""
    prose = document.prose
    for kind, offset in prose.unclosed:
        line = prose.line_at(offset)
        if kind == "fence":
            fence = re.match(r"`+|~+", prose.source[offset:])
            assert fence is not None
            yield Finding(
                line,
                f"het codeblok dat hier begint met '{fence.group(0)}' wordt niet gesloten",
                f"zet na de code een regel met precies '{fence.group(0)}' (zonder spaties "
                "ervoor); zonder die regel is er geen codeblok en toont de site de tekens",
            )
        else:
            yield Finding(
                line,
                "het HTML-commentaar '<!--' wordt niet gesloten",
                "sluit het commentaar in dezelfde alinea af met '-->', of haal '<!--' weg",
            )


def links_are_closed(document: Document) -> Iterator[Finding]:
    """`[tekst](doel` gets its `)`; the site would show the Markdown as text."""
    for line in document.unclosed_links:
        yield Finding(
            line,
            "de link wordt niet gesloten: na '](' ontbreekt ')'",
            "sluit de link af met ')' in dezelfde alinea, zo: [tekst](doel) (een doel is "
            f"hoogstens {scan.MAX_DESTINATION} tekens lang)",
        )


def attribute_lists(text: str) -> list[tuple[int, list[tuple[str, str | None]], bool]]:
    """Every `{...}` attr_list could read in prose `text`: (offset, its attributes, whether
    it is longer than MAX_ATTRIBUTE_LIST and was not read to its end)."""
    if "<style" in text.lower():  # CSS braces; <style> itself is an error of `safety`
        text = _STYLE_ELEMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
    found: list[tuple[int, list[tuple[str, str | None]], bool]] = []
    if "{" not in text:
        return found
    covered = 0
    for brace in re.finditer(r"\{", text):
        position = brace.start()
        if position < covered:
            continue
        line_end = text.find("\n", position)
        match = ATTR_LIST.match(text, position, len(text) if line_end == -1 else line_end)
        if match is None:
            continue
        written = match.group(1)[:MAX_ATTRIBUTE_LIST]
        attributes, rest = scan_attributes(written)
        covered = match.start(1) + len(written) - len(rest)
        found.append((position, attributes, not rest and len(match.group(1)) > len(written)))
    return found


def attributes_are_only_ids(document: Document) -> Iterator[Finding]:
    """In `{: ... }` only an id (`#anker`): no class, no other attribute."""
    prose = document.prose
    for position, attributes, too_long in attribute_lists(prose.text):
        line = prose.line_at(position)
        if too_long:
            yield Finding(line, "tussen '{' en '}' staat te veel tekst", _ATTR_HINT)
            continue
        for name, value in attributes:
            if name == "id":
                continue
            if name == ".":
                yield Finding(
                    line, f"de klasse '.{value}' tussen accolades is niet toegestaan", _ATTR_HINT
                )
            else:
                yield Finding(
                    line,
                    f"het attribuut '{name}' tussen accolades is niet toegestaan",
                    _ATTR_HINT,
                )


# Where attr_list (its AttrListTreeprocessor) puts the attributes of a `{...}`: right after an
# inline element (a link, emphasis, code, an autolink: `*woord*{#anker}`), at the end of a
# heading or table cell after a space (`## Kop {#anker}`), or on a line of its own at the end
# of a paragraph, list item or quote. Anywhere else the site shows it as text.
_AFTER_INLINE_ELEMENT = frozenset(")*_`]")
_AUTOLINK_END = re.compile(
    r"<(?:[Hh][Tt][Tt][Pp][Ss]?://|[Ff][Tt][Pp]://)[^<>]*>$|<[^<>@\s]+@[^<>\s]+>$"
)
_CONTAINER = re.compile(r"[ >]*")  # quote markers and indentation in front of a line's text
# Python-Markdown reads a line that starts with # as a heading, also without a space after it.
_HEADING_LINE = re.compile(r"[ >]*#")
# What may follow the `{...}` of a heading: its closing hashes (`## Kop {#anker} ##`).
CLOSING_HASHES = re.compile(r"[ ]*#*")
_SETEXT_LINE = re.compile(r"[ >]*(?:=+|-+)[ ]*")
_TABLE_RULE = re.compile(r"[ >]*\|?[ ]*:?-+:?[ ]*(?:\|[ ]*:?-+:?[ ]*)*\|?[ ]*")
_LIST_ITEM = re.compile(r"[ >]*(?:[-*+]|\d{1,9}[.)])[ \t]")
# A line after which a paragraph ends without a blank line: a heading, an HTML block, a
# fence or a rule (---). A list item or a table row does not end it (a deeper quote does).
_BLOCK_START = re.compile(r"[ >]*(?:#|<|```|~~~|(?:[-*_][ ]{0,2}){3,}$)")


def attribute_list_applies(source: str, start: int) -> bool:
    """Whether attr_list reads the `{...}` at `start` of `source` (a body as written), so
    that the page gets its id, instead of showing it as text."""
    end = source.find("}", start) + 1
    line_start = source.rfind("\n", 0, start) + 1
    line_end = _line_end(source, end)
    before, after = source[line_start:start], source[end:line_end]
    decided = _by_its_line(before, after, lambda: _in_a_table(source, line_start))
    if decided is not None:
        return decided
    return _ends_a_block(source, line_start, line_end, before)


def _by_its_line(before: str, after: str, in_a_table: Callable[[], bool]) -> bool | None:
    """What the line alone decides: after an inline element, in a table cell or heading, or
    with text after it; None for a `{...}` with nothing after it on its line."""
    if before[-1:] and before[-1] in _AFTER_INLINE_ELEMENT:
        return True
    if before.endswith(">"):  # an autolink is an element; an HTML tag stays text for attr_list
        return _AUTOLINK_END.search(before) is not None
    if in_a_table():  # a cell: after a space, at the end of the cell (every line is a row)
        return before.endswith(" ") and (not after.strip() or after.lstrip().startswith("|"))
    if _HEADING_LINE.match(before):  # closing hashes go before attr_list reads the heading
        return before.endswith(" ") and CLOSING_HASHES.fullmatch(after) is not None
    if after.strip(" "):
        return False
    return None


def _ends_a_block(source: str, line_start: int, line_end: int, before: str) -> bool:
    """A `{...}` at the end of its line: read when it ends a heading underlined with === or
    ---, or stands on a line of its own as the last line of a paragraph, item or quote."""
    following = source[line_end + 1 : _line_end(source, line_end + 1)]
    previous = source[source.rfind("\n", 0, line_start - 1) + 1 : line_start - 1]
    # A heading is a block of one line: the line after it starts a block too.
    first_of_block = (
        line_start == 0 or _CONTAINER.fullmatch(previous) or _HEADING_LINE.match(previous)
    ) is not None
    if first_of_block and _SETEXT_LINE.fullmatch(following) and following.strip():
        return before.endswith(" ")
    if not _CONTAINER.fullmatch(before) or first_of_block:
        return False  # in a line of text, or a paragraph of only the `{...}`
    if line_end == len(source) or not following.strip(" >"):
        return True
    quote_depth = _CONTAINER.match(following).group(0).count(">")  # type: ignore[union-attr]
    if quote_depth > before.count(">") or _BLOCK_START.match(following):
        return True
    # In a list, the next item ends this one (a paragraph goes on over a list marker).
    return _LIST_ITEM.match(following) is not None and _in_a_list(source, line_start)


def _block_lines(source: str, line_start: int) -> list[str]:
    """The lines of the block before the line at `line_start` (since the last blank line
    or heading)."""
    lines: list[str] = []
    end = line_start - 1
    while end >= 0:
        start = source.rfind("\n", 0, end) + 1
        line = source[start:end]
        if not line.strip(" >") or _HEADING_LINE.match(line):
            break
        lines.append(line)
        end = start - 1
    return lines[::-1]


def _in_a_list(source: str, line_start: int) -> bool:
    """Whether the block the line at `line_start` is in starts with a list item."""
    lines = _block_lines(source, line_start)
    return bool(lines) and _LIST_ITEM.match(lines[0]) is not None


def _in_a_table(source: str, line_start: int) -> bool:
    """Whether the line at `line_start` is a row of a table: its block, or the line itself,
    starts with a header row and a row of dashes (`|---|---|`)."""
    line = source[line_start : _line_end(source, line_start)]
    lines = [*_block_lines(source, line_start), line]
    return len(lines) >= 3 and "|" in lines[0] and _TABLE_RULE.fullmatch(lines[1]) is not None


def _line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end == -1 else end


def misplaced_ids(prose: scan.Prose) -> list[tuple[int, str]]:
    """Each `{...}` with an id that attr_list does not read (see `attribute_list_applies`):
    its offset and the text as written."""
    found = []
    for position, attributes, too_long in attribute_lists(prose.text):
        if too_long or not any(name == "id" for name, _ in attributes):
            continue
        if not attribute_list_applies(prose.source, position):
            found.append((position, prose.source[position : prose.source.find("}", position) + 1]))
    return found


def ids_are_where_they_work(document: Document) -> Iterator[Finding]:
    """`{#anker}` stands where attr_list gives the id to an element; anywhere else the page
    shows it as text and has no such id (a link to it would not work)."""
    prose = document.prose
    for position, written in misplaced_ids(prose):
        yield Finding(
            prose.line_at(position),
            f"'{written}' staat op een plek waar het geen anker maakt: de pagina toont het "
            "als tekst",
            "zet een anker aan het eind van een kop, met een spatie ervoor (## Kop {#anker}), "
            "of op een eigen regel direct onder de alinea",
        )


MARKUP_RULES = (
    code_and_comments_are_closed,
    links_are_closed,
    attributes_are_only_ids,
    ids_are_where_they_work,
)
