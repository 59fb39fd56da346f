"""The search index's entries of one page, made as Material makes them, but fast.

Material's search plugin (`material/plugins/search/plugin.py`) feeds every
page's HTML to a `html.parser.HTMLParser` subclass (`Parser`) and turns its
sections into entries (`SearchIndex.create_entry_for_section`). At 1,000 pages
that costs about 0.8 s of a 6.3 s build. `page_entries` makes exactly the same
entries (`location`, `title`, `text`, and `tags` and `boost` from the page's
settings) from the same input, with a tokenizer of a few regular expressions
and the same rules:

- a section per h1-h6 that has an `id`, with the text up to the next one; text
  before the first such heading goes into a preface section, and a page that
  starts with a heading other than h1 gets one too; a heading inside another
  element ends its section where that element ends (the section's depth);
- the tags p, code, pre, li, ol, ul, sub and sup are kept (without attributes),
  and removed again when the first one of that kind in the section holds only
  whitespace (Material looks back to the first, not to the matching one);
- the contents of object, script and style are left out, and those of an
  element with `data-search-exclude` (or the class `linenodiv`); a heading with
  `data-search-exclude` gives no entry. Like Material, open elements are compared
  by name: inside a left-out element, every element of the same name is left out
  too, and the first one of them that closes ends the leaving out;
- the text of a permalink (`<a class="headerlink">`) is not part of a title;
- outside `pre`, a newline is a space and whitespace between tags one space;
  the text is escaped with `html.escape(quote=False)` after character references
  are replaced as `HTMLParser(convert_charrefs=True)` replaces them
  (`html.unescape` of the text between two tags);
- tags and attributes are read with Python's own expressions for them
  (`html.parser`'s `locatestarttagend_tolerant`, `tagfind_tolerant`,
  `attrfind_tolerant` and `endtagfind`), names in lower case, attribute values
  unescaped; void elements (br, img, ...) are never open, an end tag that does not
  close the innermost open element is ignored, and a comment ends at `--\\s*>`.

  Comments, `<!doctype ...>`, CDATA sections and processing instructions (`<?`) are
  read as HTMLParser reads them, and left out.

Not supported: script and style (HTMLParser reads their contents as plain text up
to their end tag; `rules.safety` refuses them in the content), and a start tag,
end tag, comment, declaration or instruction that never ends (HTMLParser then
reads it as text at the end of the page; the check refuses a comment that is not
closed). Each raises `UnsupportedHtml` with where it is, so the build stops
instead of writing an index that differs from Material's.
Material's segmentation of Chinese text (only with the package jieba installed,
which the locks do not install) is not done either.

tests/test_search_index.py compares the result with Material's own `SearchIndex`
on the real content, the benchmark's pages and crafted edge cases.
"""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from html.parser import (
    attrfind_tolerant,
    commentclose,
    endtagfind,
    locatestarttagend_tolerant,
    tagfind_tolerant,
)
from typing import Any, Protocol

HEADINGS = frozenset(f"h{level}" for level in range(1, 7))
# The tags Material keeps in an entry's text, and those whose contents it always leaves out.
KEPT = frozenset({"p", "code", "pre", "li", "ol", "ul", "sub", "sup"})
LEFT_OUT = frozenset({"object", "script", "style"})
# Material's `void`: elements that are never open.
VOID = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    }
)
# HTMLParser reads the contents of these as text up to their end tag (CDATA_CONTENT_ELEMENTS).
_RAW_TEXT = frozenset({"script", "style"})
# One token of a page's HTML, read as HTMLParser's `goahead` reads it (Python 3.11):
# - text up to the next '<';
# - a start tag without attributes (the common case: what tagfind_tolerant reads as only a
#   name); one with only ` name="value"` attributes, without '&' (read alike by
#   attrfind_tolerant: Python-Markdown writes most attributes so); another start tag, as far
#   as locatestarttagend_tolerant reads it (atomic: no shorter reading is tried) and then
#   '>' or '/>', as check_for_whole_start_tag requires;
# - an end tag as endtagfind reads it; else, as parse_endtag goes on, `</name` and anything
#   up to the next '>' (`loose`), or `</` and anything up to it (a bogus comment, ignored);
# - ignored: a comment, to the first `--\s*>` after `<!--`; a marked section such as
#   CDATA (_markupbase's parse_marked_section: the keyword, then `]]>`, or `]>` for
#   Office's if/else/endif); `<!doctype` or another `<!` up to the next '>'
#   (parse_html_declaration); a processing instruction (`<?`) up to the next '>'.
# Any other '<' is `other`: text when nothing can start there, else not supported.
_TOKEN = re.compile(
    r"(?P<text>[^<]+)"
    r"|<(?P<plain>[a-zA-Z][^\t\n\r\f />\x00]*)>"
    r'|(?P<simple><([a-zA-Z][-a-zA-Z0-9]*)(?: [a-zA-Z][-a-zA-Z0-9:_]*="[^"&]*")+>)'
    rf"|(?P<start>(?>(?x:{locatestarttagend_tolerant.pattern}))/?>)"
    rf"|(?P<end>{endtagfind.pattern})"
    r"|(?P<loose></([a-zA-Z][^\t\n\r\f />\x00]*)[^>]*>)"
    r"|(?P<ignored>"
    rf"<!--(?s:.*?){commentclose.pattern}"
    r"|</[^>]*>"
    r"|<!\[(?i:temp|cdata|ignore|include|rcdata)(?![-_.a-zA-Z0-9])(?s:.*?)\]\s*\]\s*>"
    r"|<!\[(?i:if|else|endif)(?![-_.a-zA-Z0-9])(?s:.*?)\]\s*>"
    r"|<!(?!--|\[)[^>]*>"
    r"|<\?[^>]*>"
    r")"
    r"|(?P<other><)"
)
# The name in an end tag: endtagfind's one group, and that of `loose`.
_END_NAME = _TOKEN.groupindex["end"] + 1
_LOOSE_END_NAME = _TOKEN.groupindex["loose"] + 1
_SIMPLE_NAME = _TOKEN.groupindex["simple"] + 1
_SIMPLE_ATTRIBUTE = re.compile(r' ([a-zA-Z][-a-zA-Z0-9:_]*)="([^"&]*)"')


class UnsupportedHtml(ValueError):
    """HTML that `page_entries` does not read (see the module's docstring)."""


class TocItem(Protocol):
    """An entry of MkDocs' table of contents of a page (`mkdocs.structure.toc.AnchorLink`)."""

    @property
    def id(self) -> str: ...

    @property
    def url(self) -> str: ...

    @property
    def children(self) -> Sequence[TocItem]: ...


class _Section:
    """A heading and the text after it, as they are read (Material's `Section`)."""

    __slots__ = ("depth", "excluded", "id", "tag", "text", "title")

    def __init__(self, tag: str, depth: float, excluded: bool = False) -> None:
        self.tag = tag
        """The heading's tag, or 'hx' for the preface."""
        self.depth = depth
        """How many elements are open inside the heading; infinite once its element closed."""
        self.excluded = excluded
        """Whether the heading has `data-search-exclude`."""
        self.id: str | None = None
        """The heading's id; None for the first section of a page that starts with it."""
        self.title: list[str] = []
        self.text: list[str] = []


class _Reader:
    """Material's `Parser`: the sections of a page, from its tags and text in order."""

    def __init__(self) -> None:
        self.open: list[str] = []
        """The names of the open elements, outermost first."""
        self.permalinks: list[bool] = []
        """For each open element, whether it is a permalink (`<a class="headerlink">`)."""
        self.left_out = set(LEFT_OUT)
        """Names of elements whose contents are left out (compared by name, as Material does)."""
        self.sections: list[_Section] = []
        self.section: _Section | None = None

    def _current(self) -> _Section:
        if self.section is None:
            self.section = _Section("hx", 0)
            self.sections.append(self.section)
        return self.section

    def start_plain(self, tag: str) -> None:
        """`start` of a tag without attributes (most tags: read in fewer steps)."""
        if tag in VOID:
            return
        self.open.append(tag)
        self.permalinks.append(False)
        section = self.section or self._current()
        if tag in KEPT and self.left_out.isdisjoint(self.open):
            (section.title if section.tag in self.open else section.text).append(f"<{tag}>")

    def start(self, tag: str, attributes: Mapping[str, str | None]) -> None:
        if tag in VOID:
            return
        self.open.append(tag)
        self.permalinks.append(tag == "a" and attributes.get("class") == "headerlink")
        if tag in HEADINGS and "id" in attributes:
            depth = len(self.open)
            if tag != "h1" and not self.sections:
                self.sections.append(_Section("hx", depth))
            section = _Section(tag, depth, "data-search-exclude" in attributes)
            if self.sections:
                section.id = attributes["id"]
            self.sections.append(section)
            self.section = section
        section = self._current()
        if "data-search-exclude" in attributes or attributes.get("class") == "linenodiv":
            self.left_out.add(tag)
        elif tag in KEPT and self.left_out.isdisjoint(self.open):
            (section.title if section.tag in self.open else section.text).append(f"<{tag}>")

    def end(self, tag: str) -> None:
        if not self.open or self.open[-1] != tag:
            return
        section = self.section
        assert section is not None  # an element is open, so its start made a section
        if section.depth > len(self.open):
            # The element around the heading closes: back to the section it is in.
            for earlier in reversed(self.sections):
                if earlier.depth <= len(self.open):
                    section.depth = float("inf")
                    self.section = section = earlier
                    break
        self.open.pop()
        self.permalinks.pop()
        if tag in self.left_out:
            if tag not in LEFT_OUT:
                self.left_out.remove(tag)
        elif tag in KEPT and self.left_out.isdisjoint(self.open):
            parts = section.title if section.tag in self.open else section.text
            first = parts.index(f"<{tag}>")
            if all(part.isspace() for part in itertools.islice(parts, first + 1, None)):
                del parts[first:]
            else:
                parts.append(f"</{tag}>")

    def data(self, text: str) -> None:
        opened = self.open
        if not self.left_out.isdisjoint(opened):
            return
        in_pre = "pre" in opened
        if not in_pre:
            text = " " if text.isspace() else text.replace("\n", " ")
        section = self.section or self._current()
        if section.tag in opened:
            if not any(self.permalinks):
                section.title.append(_escape(text))
        elif not text.isspace():
            section.text.append(_escape(text))
        elif in_pre or not section.text or not section.text[-1].isspace():
            section.text.append(text)


def _escape(text: str) -> str:
    """`html.escape(text, quote=False)`, written out (it runs for every piece of text)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _unsupported(token: re.Match[str], what: str) -> UnsupportedHtml:
    content, at = token.string, token.start()
    line = content.count("\n", 0, at) + 1
    shown = content[at : at + 40].split("\n")[0]
    return UnsupportedHtml(
        f"regel {line} van de HTML van de pagina: {what} ({shown!r}); de zoekindex leest dat"
        " niet zoals Material (zie src/handboek/search_index.py)"
    )


def _tag_name(token: re.Match[str], name: str) -> str:
    """The name of a start tag in lower case; script and style are not supported."""
    tag = name.lower()
    if tag in _RAW_TEXT:
        raise _unsupported(token, f"het element <{tag}>")
    return tag


def _start_tag(token: re.Match[str], reader: _Reader) -> None:
    """A start tag with attributes, read as HTMLParser's `parse_starttag` reads it."""
    content, end = token.string, token.end()
    name = tagfind_tolerant.match(content, token.start() + 1)
    assert name is not None  # the token starts with '<' and a letter
    tag, attributes, after = name[1].lower(), {}, name.end()
    while after < end and (found := attrfind_tolerant.match(content, after)):
        attribute, assigned, value = found.group(1, 2, 3)
        if not assigned:
            value = None
        elif value[:1] == value[-1:] and value[:1] in ("'", '"'):
            value = value[1:-1]
        # The last value of a repeated attribute counts, as in Material's dict(attrs).
        attributes[attribute.lower()] = html.unescape(value) if value else value
        after = found.end()
    rest = content[after:end].strip()
    # HTMLParser reads the tag as text otherwise; its expressions for a whole start tag and
    # for attributes are kept in step (see html.parser), so the token ends after them.
    assert rest in (">", "/>"), rest
    reader.start(_tag_name(token, tag), attributes)
    if rest == "/>":
        reader.end(tag)  # handle_startendtag: <span/> opens and closes


def _other(token: re.Match[str], reader: _Reader) -> None:
    """A '<' that starts no token: text if it starts nothing, else unsupported HTML."""
    following = token.string[token.end() : token.end() + 1]
    if following.isascii() and following.isalpha():
        raise _unsupported(token, "een begintag zonder einde")
    if following == "/":
        raise _unsupported(token, "een eindtag zonder einde")
    if following in ("!", "?"):
        raise _unsupported(token, "een opmerking, declaratie of instructie zonder einde")
    reader.data("<")


def _sections_of(content: str) -> list[_Section]:
    """The sections of a page's HTML, in order."""
    reader = _Reader()
    start_plain, start, end, data = reader.start_plain, reader.start, reader.end, reader.data
    for token in _TOKEN.finditer(content):
        kind = token.lastgroup
        if kind == "text":
            text = token[0]
            data(html.unescape(text) if "&" in text else text)
        elif kind == "plain":
            start_plain(_tag_name(token, token["plain"]))
        elif kind == "simple":
            tag = _tag_name(token, token[_SIMPLE_NAME])
            # The last value of a repeated attribute counts, as in Material's dict(attrs).
            start(tag, {name.lower(): value for name, value in _SIMPLE_ATTRIBUTE.findall(token[0])})
        elif kind == "end":
            end(token[_END_NAME].lower())
        elif kind == "loose":
            end(token[_LOOSE_END_NAME].lower())
        elif kind == "start":
            _start_tag(token, reader)
        elif kind == "other":
            _other(token, reader)
    return reader.sections


def _toc_items(toc: Iterable[TocItem]) -> dict[str, TocItem]:
    """The items of a table of contents by id; the first of an id, as Material finds it."""
    found: dict[str, TocItem] = {}
    for item in toc:
        found.setdefault(item.id, item)
        for child_id, child in _toc_items(item.children).items():
            found.setdefault(child_id, child)
    return found


def page_entries(
    content: str, toc: Iterable[TocItem], url: str, title: str | None, meta: Mapping[str, Any]
) -> list[dict[str, Any]]:
    """The entries Material's `SearchIndex.add_entry_from_context` makes of one page.

    `content` is the page's HTML (`page.content`), `toc`, `url` and `title` are the
    page's `toc`, `url` and `title`, `meta` its settings (`page.meta`): `search.exclude`
    gives no entries, `search.boost` and `tags` go into every entry. The entries are
    the JSON objects of the index, with the keys in Material's order.
    """
    search = meta.get("search") or {}
    if search.get("exclude"):
        return []
    items = _toc_items(toc)
    tags = meta.get("tags")
    entries = []
    for section in _sections_of(content):
        if section.excluded:
            continue
        item = items.get(section.id) if section.id is not None else None
        if item is not None:
            location = url + item.url
        else:
            location = f"{url}#{section.id}" if section.id else url
        parts = section.title or [str(meta.get("title", title))]
        entry: dict[str, Any] = {
            "location": location,
            "title": "".join(parts).strip(),
            "text": "".join(section.text).strip(),
        }
        if isinstance(tags, list):
            entry["tags"] = [
                str(name) for name in tags if name and isinstance(name, (str, int, float, bool))
            ]
        if "boost" in search:
            entry["boost"] = search["boost"]
        entries.append(entry)
    return entries


def with_entries(written: dict[str, Any], entries: list[dict[str, Any]]) -> dict[str, Any]:
    """The index Material wrote (`search/search_index.json`, its `config` as it is) with
    `entries` as its sections; Material wrote none, because every page was excluded."""
    if written["docs"]:
        raise ValueError(
            f"Material schreef zelf {len(written['docs'])} onderdelen in de zoekindex; elke"
            " pagina hoort uitgesloten te zijn (hooks/handboek_hook.py, on_page_content)"
        )
    return {**written, "docs": entries}
