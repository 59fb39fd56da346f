"""Plain-text fields and web addresses: what they may hold, and how they are written out.

A title, a description, a municipality's name or a bridge builder's role is
plain text: whatever an editor types there is shown as those characters, never
as markup. Two things make that so, each on its own enough for safety:

- `markup_in` finds markup that would render (HTML, a Markdown link, attr_list
  braces, code or bold marks, a character reference), so the check reports it
  at the field's line instead of silently showing it as text;
- `markdown_literal` writes plain text into Markdown so that Python-Markdown
  renders exactly those characters (the hook puts `titel` in the page's `# h1`,
  a municipality's name in the headings of its blocks), and the hook hands the
  theme HTML-escaped values (`markupsafe.Markup`), so templates that print them
  raw or with `|e` both show them as text.

Ordinary punctuation stays allowed: quotes, apostrophes, '&' between words,
'(', ')', '-', ':', '?', '!', '>' and a single '*' or '_' (e-mail addresses).

`url_problem` reads a web address with `urllib.parse`: absolute https, a host,
and no character that would need escaping in HTML or in a URL.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# (pattern, what it is in an editor's words, the characters to name in the message)
_MARKUP: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"<"), "HTML ('<')"),
    (re.compile(r"\]\s*[(\[]"), "een Markdown-link ('](')"),
    (re.compile(r"\{\s*[:#.]"), "opmaak met accolades ('{:' of '{#')"),
    (re.compile(r"`"), "code-opmaak ('`')"),
    (re.compile(r"\*\*|__"), "vet-opmaak ('**' of '__')"),
    (
        re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);"),
        "een HTML-teken ('&...;')",
    ),
    (re.compile(r"/\*|\*/"), "een commentaarteken ('/*' of '*/')"),
)
_MAY_BE_MARKUP = re.compile(r"[<\]{`*_&/]")
PLAIN_TEXT_HINT = (
    "dit veld is gewone tekst: opmaak (HTML, links, vet, accolades) werkt hier niet; "
    "haal de tekens weg en schrijf alleen de tekst"
)


def markup_in(text: str) -> str | None:
    """What markup the text holds, in Dutch (the first kind found), or None for plain text."""
    if not _MAY_BE_MARKUP.search(text):  # most texts: one look
        return None
    for pattern, what in _MARKUP:
        if pattern.search(text):
            return what
    return None


# Python-Markdown's backslash escapes (markdown.Markdown.ESCAPED_CHARS), plus '|' for tables.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()>#+\-.!|])")


def markdown_literal(text: str) -> str:
    """Plain text as Markdown that renders exactly these characters (inline, one line)."""
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


# Characters a web address may hold as written: RFC 3986 unreserved, reserved and '%',
# without those that need escaping in HTML ('&', "'") or that a URL never holds as such.
_URL_CHARACTERS = re.compile(r"^[A-Za-z0-9\-._~:/?#\[\]@!$()*+,;=%]+$")
_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")


def url_problem(url: str) -> str | None:
    """What is wrong with `url` as an absolute https address with a host, in Dutch
    (to follow "'webadres' "), or None when it is one."""
    if not _URL_CHARACTERS.match(url) or _PERCENT.search(url):
        bad = next((c for c in url if not _URL_CHARACTERS.match(c)), "%")
        return f"bevat een teken dat niet in een webadres hoort: {bad!r}"
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (raises ValueError for a port that is no number)
    except ValueError:
        return f"is geen geldig webadres: '{url}'"
    if parts.scheme != "https" or not parts.hostname or "." not in parts.hostname:
        return f"is geen https-adres: '{url}'"
    if "@" in parts.netloc:
        return f"bevat een gebruikersnaam vóór de naam van de website: '{url}'"
    return None
