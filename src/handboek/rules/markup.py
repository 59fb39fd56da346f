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
from collections.abc import Iterator

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


MARKUP_RULES = (code_and_comments_are_closed, links_are_closed, attributes_are_only_ids)
