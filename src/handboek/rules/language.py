"""Language rules for taalniveau B1: short sentences, one style of quote marks.

Dutch public texts are written at taalniveau B1. Two things a reviewer would
otherwise count by hand are checked here, as notices that never stop a build:

- a sentence of more than 25 words (B1 aims at 20 at most; the margin keeps
  the notices for sentences that are clearly too long);
- a straight apostrophe or quote mark (' or "): the site writes the curly
  ones of the SCP's text (‘ontzorgen’), so "pagina's" on one page next to
  "‘ontzorgen’" on another is a mix readers see.

Both rules read the prose every rule gets (`Document.prose`: the body with
code and HTML comments blanked out) and leave out what is not the page's own
running text: quotes (lines that start with '>', taken word for word from the
source), HTML tags, scripts and styles, link destinations, image descriptions,
reference definitions and `{: ...}` attribute lists. The front matter is not read.

Each rule takes a `Document` and yields `(line, message, hint)`, like `access`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from handboek.problems import Finding
from handboek.read.document import Document

B1_WORDS = 20  # what taalniveau B1 aims at, and what upstream's own texts keep to
NOTICE_WORDS = 25  # a longer sentence is reported
PREVIEW_WORDS = 6  # words of a long sentence shown in its notice, to find it on the line

# What a browser does not show as text: scripts and styles (the safety rules report them).
_CODE_ELEMENT = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.IGNORECASE)
_CODE_ELEMENT_START = re.compile(r"<(script|style)\b[^>]*>", re.IGNORECASE)
_QUOTE_LINE = re.compile(r"^ {0,3}>")
_DEFINITION_LINE = re.compile(r"^ {0,3}\[[^\]]+\]:")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
# What starts a new block of text: a heading, a list item, a table row, an HTML block.
_BLOCK_START = re.compile(r"^\s*(?:#{1,6}\s|[-*+]\s|\d+[.)]\s|\||<)")
_HEADING = re.compile(r"^\s*#{1,6}\s")
_IMAGE = re.compile(r"!\[[^\]]*\](?:\((?:[^()]|\([^()]*\))*\)|\[[^\]]*\])?")
_DESTINATION = re.compile(r"\]\((?:[^()]|\([^()]*\))*\)|\]\[[^\]]*\]")
_TAG = re.compile(r"</?[A-Za-z][^<>]*>|<https?://[^<>]*>")
_ATTRIBUTES = re.compile(r"\{[:#.][^{}]*\}")
_BLOCK_MARKER = re.compile(r"\s*(?:#{1,6}\s+|[-*+]\s+|\d+[.)]\s+)")
_UNDERSCORES = re.compile(r"(?<!\w)_+|_+(?!\w)")
_EMPHASIS_AND_BRACKETS = str.maketrans("", "", "*[]")
_SENTENCE_END = re.compile(r"(?<=[.!?…])[’”)]*\s+")
_ROUGH_SENTENCE_END = re.compile(r"[.!?…][’”)]*\s")  # the same, quicker, without the mark
_WORD = re.compile(r"\S*\w\S*")
_HAS_WORD = re.compile(r"\w")
_STRAIGHT = re.compile(r"['\"]")
# Between letters (zo'n), or at the start of a shortened word ('s avonds, '90).
_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)|(?<!\w)'(?=\d|[stkn]\b)")
# A word or words between two straight quote marks of the same kind: "ontzorgen", 'zo'.
_QUOTED = re.compile(r"(?<![\w'\"])(['\"])(?=\S)[^'\"\n]*?(?<=\S)\1(?!\w)")


@dataclass(frozen=True)
class Sentence:
    """One sentence of the page's own running text, with the line it starts on."""

    line: int
    text: str
    words: int


def running_text(document: Document) -> list[tuple[int, str]]:
    """Each line of the page's own running text, with markup and quotes left out."""
    found = []
    inside: str | None = None  # a <script> or <style> element that is still open
    for offset, line in enumerate(document.prose.text.split("\n")):
        number = document.prose.first_line + offset
        if inside is not None:
            end = re.search(rf"</{inside}\s*>", line, re.IGNORECASE)
            inside, line = (None, line[end.end() :]) if end else (inside, "")
        if _QUOTE_LINE.match(line) or _DEFINITION_LINE.match(line) or _TABLE_RULE.match(line):
            line = ""
        # Most lines have no markup: each step runs only when its sign is on the line.
        if "<" in line:
            line = _CODE_ELEMENT.sub(" ", line)
            if opened := _CODE_ELEMENT_START.search(line):
                inside, line = opened.group(1).lower(), line[: opened.start()]
        if "![" in line:
            line = _IMAGE.sub(" ", line)
        if "](" in line or "][" in line:
            line = _DESTINATION.sub("]", line)
        if "<" in line:
            line = _TAG.sub(" ", line)
        if "{" in line:
            line = _ATTRIBUTES.sub(" ", line)
        found.append((number, line))
    return found


def sentences(document: Document, longer_than: int = 0) -> Iterator[Sentence]:
    """The sentences of the running text with more than `longer_than` words.

    A block (paragraph, list item, heading, table cell) ends at a blank line or where
    the next block starts; a heading and a table cell end where their line ends. A
    sentence ends at '.', '!', '?' or '…' before a space.
    """
    if longer_than and not _may_have_a_sentence_longer_than(document, longer_than):
        return
    block: list[tuple[int, str]] = []
    for number, text in running_text(document):
        if block and (not text.strip() or _BLOCK_START.match(text)):
            yield from _split(block, longer_than)
            block = []
        single_line = "|" in text or _HEADING.match(text)
        for cell in text.split("|"):  # a table row: each cell on its own
            if piece := _plain(cell):
                block.append((number, piece))
            if single_line and block:
                yield from _split(block, longer_than)
                block = []
    if block:
        yield from _split(block, longer_than)


def _may_have_a_sentence_longer_than(document: Document, longer_than: int) -> bool:
    """A quick look at the whole page first: most pages have no long sentence at all.

    The page without images, link destinations and tags, cut only at sentence ends: a
    piece of it holds at least as many words as any sentence `sentences` finds in it
    (which also cuts at blocks and leaves out quotes and markup).
    """
    text = _TAG.sub(" ", _DESTINATION.sub("]", _IMAGE.sub(" ", document.prose.text)))
    return any(len(piece.split()) > longer_than for piece in _ROUGH_SENTENCE_END.split(text))


def _plain(text: str) -> str:
    """A line or table cell without its list or heading marker, emphasis and brackets."""
    if marker := _BLOCK_MARKER.match(text):
        text = text[marker.end() :]
    text = text.translate(_EMPHASIS_AND_BRACKETS)
    return (_UNDERSCORES.sub("", text) if "_" in text else text).strip()


def _split(block: list[tuple[int, str]], longer_than: int) -> Iterator[Sentence]:
    # A block with no more tokens than that cannot hold a longer sentence.
    if sum(len(piece.split()) for _, piece in block) <= longer_than:
        return
    text, starts = "", []
    for number, piece in block:
        starts.append((len(text), number))
        text += piece + " "
    position = 0
    for match in [*_SENTENCE_END.finditer(text), None]:
        end = match.start() if match else len(text)
        tokens = text[position:end].split()
        words = 0
        if len(tokens) > longer_than:  # a token without a letter or digit is not a word
            words = sum(1 for token in tokens if _HAS_WORD.search(token))
        if words > longer_than:
            sentence = " ".join(tokens)
            line = next(number for start, number in reversed(starts) if start <= position)
            yield Sentence(line, sentence, words)
        position = match.end() if match else len(text)


def sentences_are_short(document: Document) -> Iterator[Finding]:
    """A sentence has at most 25 words (B1 aims at 20); quotes are not counted."""
    for sentence in sentences(document, longer_than=NOTICE_WORDS):
        preview = " ".join(_WORD.findall(sentence.text)[:PREVIEW_WORDS])
        yield Finding(
            sentence.line,
            f"deze zin heeft {sentence.words} woorden: '{preview} ...'",
            f"taalniveau B1: schrijf zinnen van hooguit {B1_WORDS} woorden; maak er twee "
            "of drie zinnen van",
        )


def quote_marks_are_curly(document: Document) -> Iterator[Finding]:
    """The running text has curly quote marks and apostrophes (‘ ’), as the rest of the site."""
    if "'" not in document.prose.text and '"' not in document.prose.text:
        return
    for number, text in running_text(document):
        if "'" not in text and '"' not in text:
            continue
        found = [
            (match.start(), f"rechte aanhalingstekens in {match.group(0)}", match.group(0))
            for match in _QUOTED.finditer(text)
        ]
        rest = _QUOTED.sub(lambda match: " " * len(match.group(0)), text)
        for word in _WORD.finditer(rest):
            if _STRAIGHT.search(word.group(0)):
                what = "apostrof" if _APOSTROPHE.search(word.group(0)) else "aanhalingsteken"
                found.append((word.start(), f"rechte {what} in {word.group(0)}", word.group(0)))
        for _, message, written in sorted(found):
            yield Finding(number, message, _curly_hint(written))


def _curly_hint(text: str) -> str:
    curly = _APOSTROPHE.sub("’", text)
    curly = re.sub(r"^([^\w'\"]*)['\"]", r"\1‘", curly)
    curly = re.sub(r"['\"](?=[^\w'\"]*$)", "’", curly)
    curly = curly.replace("'", "’").replace('"', "’")
    return f"schrijf {curly}, met gekrulde tekens zoals de rest van de site (kopieer ze hier: ‘ ’)"


LANGUAGE_RULES = (sentences_are_short, quote_marks_are_curly)
