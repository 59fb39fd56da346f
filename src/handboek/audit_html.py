"""HTML pages of the built site against an allow-list, read as a browser reads them.

Each page is parsed with Lexbor (through selectolax), a parser that follows
the WHATWG HTML standard, so the audit sees the same elements and attributes
as a reader's browser, including the tricky cases where simpler parsers
disagree with browsers: comments closed by `--!>`, markup inside `<svg>` or
`<math>`, duplicate attributes (the first one counts), character references
in attribute values. (Python's `html.parser` in 3.11 misses the first of
these, and is about twelve times slower: at 1,000 pages it would cost almost
half a build.)

Every element must be on `ELEMENTS`, every attribute on the global list or
that element's list (`aria-*` and `data-*` always). Besides:

- no event handler attributes (`onclick=`, `onerror=`, ...);
- links (`href`, `cite`, ...) go nowhere that runs code or is made up on the
  spot: only http(s), mailto, tel or relative (`audit_url.navigation_problem`);
- everything the browser fetches comes from the site itself: `src`,
  `srcset`, `poster`, `href` of `<link rel=stylesheet/icon>` and of SVG
  elements (`audit_url.load_problem`);
- no `style` attributes and no `<style>` elements: the Content-Security-Policy
  (`csp`) allows styles from the site's stylesheets only, so the browser
  would refuse them anyway; styles belong in a .css file, which is audited;
- a `<script src>` only for a script file of the theme (Material's, or
  overrides/); an inline script only when it is exactly what one of the
  theme's templates writes on this page (`expected_scripts`: see `csp`); its
  text then goes into the page's policy as a hash. The one data block is
  Material's `<script id="__config" type="application/json">`;
- no `<meta http-equiv>` (a refresh or another policy), no `<base>`, no
  `<form action>`, no `ping`.

`page_findings` returns what it found and the page's inline scripts.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

from handboek import audit_svg
from handboek.audit_url import (
    Site,
    load_problem,
    navigation_problem,
    site_path,
    srcset_addresses,
)

_HTML_ELEMENTS = frozenset(
    [
        "html",
        "head",
        "body",
        "title",
        "meta",
        "link",
        "script",
        "header",
        "footer",
        "main",
        "nav",
        "article",
        "section",
        "aside",
        "div",
        "span",
        "p",
        "a",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hgroup",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "menu",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "th",
        "td",
        "caption",
        "colgroup",
        "col",
        "blockquote",
        "q",
        "pre",
        "code",
        "em",
        "strong",
        "b",
        "i",
        "u",
        "s",
        "small",
        "sub",
        "sup",
        "mark",
        "abbr",
        "kbd",
        "samp",
        "var",
        "cite",
        "dfn",
        "time",
        "br",
        "hr",
        "wbr",
        "img",
        "picture",
        "source",
        "figure",
        "figcaption",
        "details",
        "summary",
        "label",
        "input",
        "button",
        "form",
        "del",
        "ins",
        "address",
        "data",
        "ruby",
        "rt",
        "rp",
        "bdi",
        "bdo",
        "video",
        "audio",
        "track",
        "search",
        "fieldset",
        "legend",
        "select",
        "option",
        "optgroup",
        "textarea",
        "output",
        "progress",
        "meter",
        "dialog",
    ]
)
# Inline SVG (Material's icons): the same drawing elements as an SVG file; Lexbor gives
# their names with SVG's capitals (linearGradient).
ELEMENTS = _HTML_ELEMENTS | (audit_svg.ELEMENTS - {"style", "image"})
GLOBAL_ATTRIBUTES = frozenset(
    [
        "id",
        "class",
        "title",
        "lang",
        "dir",
        "hidden",
        "tabindex",
        "role",
        "translate",
        "spellcheck",
        "inert",
    ]
)
ELEMENT_ATTRIBUTES: dict[str, frozenset[str]] = {
    name: frozenset(attributes.split())
    for name, attributes in {
        "html": "xmlns",
        "meta": "charset name content http-equiv",  # http-equiv: refused below
        "link": "rel href hreflang type sizes media",
        "script": "src type defer async",
        "a": "href hreflang rel target type download name",
        "img": "src srcset sizes alt width height loading decoding",
        "source": "src srcset sizes type media width height",
        "video": "src poster controls width height muted loop playsinline preload",
        "audio": "src controls loop muted preload",
        "track": "src kind srclang label default",
        "input": "type name value checked disabled placeholder required autocomplete "
        "autocapitalize autocorrect readonly accept multiple min max step minlength maxlength "
        "pattern size",
        "textarea": "name rows cols placeholder required disabled readonly maxlength minlength "
        "autocomplete wrap",
        "select": "name multiple required disabled size autocomplete",
        "option": "value selected disabled label",
        "optgroup": "label disabled",
        "fieldset": "name disabled",
        "output": "for name",
        "progress": "value max",
        "meter": "value min max low high optimum",
        "dialog": "open",
        "label": "for",
        "button": "type name value disabled",
        "form": "name",
        "ol": "start reversed type",
        "li": "value",
        "td": "colspan rowspan headers",
        "th": "colspan rowspan headers scope abbr",
        "col": "span",
        "colgroup": "span",
        "blockquote": "cite",
        "q": "cite",
        "del": "cite datetime",
        "ins": "cite datetime",
        "time": "datetime",
        "data": "value",
        "details": "open",
        "bdo": "dir",
    }.items()
}
# Attributes of the inline SVG elements (SVG is case-sensitive: viewBox, not viewbox).
SVG_ATTRIBUTES = audit_svg.ATTRIBUTES | {"aria-hidden", "xmlns:xlink"}
_NAVIGATION_ATTRIBUTES = frozenset({"href", "cite"})
_LOAD_RELATIONS = frozenset({"stylesheet", "icon"})
_LINK_RELATIONS = frozenset({"stylesheet", "icon", "canonical", "prev", "next", "alternate"})
# Form fields that stay on the reader's device (form-action 'none': no form sends anything).
_INPUT_TYPES = frozenset(
    {"checkbox", "radio", "text", "search", "button", "reset", "file", "number", "range", "date"}
)
_SCRIPT_TYPES = frozenset({"", "text/javascript", "module"})
_CONFIG = "__config"
_ADDRESS_ATTRIBUTES = frozenset({"src", "poster", "href", "xlink:href", "srcset", "cite"})
# Per element, the attributes found allowed whatever their value: the same on every page
# (class, id, aria-*), so a 1,000-page build checks each pair once.
_PLAIN: dict[str, set[str]] = {tag: set() for tag in ELEMENTS}
# The same for <a>, with href: a link is checked by its value only (`navigation_problem`).
_PLAIN_LINK: set[str] = {"href"}
# What the parser reports as nodes that are not elements.
_NOT_ELEMENTS = frozenset({"-comment", "_comment", "-doctype", "!doctype"})
_SPECIAL = frozenset({"script", "meta", "link", "input"})  # checked beyond their attributes


@dataclass(frozen=True)
class Finding:
    """One problem in a page."""

    message: str
    evidence: tuple[str, ...] = ()
    """Pieces of the page to look for in the source, best first (a value, then a name)."""


@dataclass(frozen=True)
class Rules:
    """What the theme may put in a page, gathered once per build."""

    script_files: frozenset[str] = frozenset()
    """Site paths of the theme's JavaScript files ('assets/javascripts/bundle....js')."""


@dataclass
class PageResult:
    findings: list[Finding] = field(default_factory=list)
    scripts: list[str] = field(default_factory=list)
    """The text of each inline script, in page order (all of them expected)."""


def page_findings(  # noqa: C901 - the audit's inner loop, see the docstring
    html: str, site: Site, rules: Rules, expected_scripts: frozenset[str]
) -> PageResult:
    """Every problem in one built page, and its (expected) inline scripts.

    Long and branching on purpose: this loop sees every element of every page, so the
    common cases (an element whose attributes are all plain, a menu link) are decided
    inline, without a function call each (measured in scripts/benchmark.py).
    """
    result = PageResult()
    tree = LexborHTMLParser(html)
    data_blocks = 0
    plain_of = _PLAIN
    for node in tree.root.traverse(include_text=False):
        tag = node.tag
        plain = plain_of.get(tag)  # None: not an element on the allow-list
        if plain is None:
            if tag not in _NOT_ELEMENTS:
                result.findings.append(_element_finding(tag))
            continue
        attributes = node.attributes
        if attributes.keys() <= plain:
            pass  # every attribute allowed whatever its value (speed: one test)
        elif (
            tag == "a"
            and attributes.keys() <= _PLAIN_LINK
            and navigation_problem(attributes["href"] or "") is None
        ):
            pass  # a link and plain attributes: every menu entry, by far the most common (speed)
        else:
            for name, value in attributes.items():
                if name in plain:
                    continue
                finding = _attribute_finding(tag, name, value or "", site)
                if finding is not None:
                    result.findings.append(finding)
        if tag not in _SPECIAL:
            continue
        if tag == "script":
            data_blocks += _script(node, attributes, site, rules, expected_scripts, result)
        elif tag == "meta" and "http-equiv" in attributes:
            result.findings.append(
                Finding(
                    f'<meta http-equiv="{attributes["http-equiv"]}"> is niet toegestaan',
                    ("http-equiv",),
                )
            )
        elif tag == "link":
            result.findings.extend(_link(attributes, site))
        elif tag == "input" and (attributes.get("type") or "text").lower() not in _INPUT_TYPES:
            result.findings.append(
                Finding(f'<input type="{attributes.get("type")}"> is niet toegestaan', ("input",))
            )
    if data_blocks > 1:
        result.findings.append(
            Finding('de pagina heeft meer dan één <script type="application/json">', ("<script",))
        )
    return result


def shown(value: str) -> str:
    """A value in a message: control characters made visible, at most 80 characters."""
    value = "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in value)
    return value if len(value) <= 80 else value[:77] + "..."


def _element_finding(tag: str) -> Finding:
    if tag in ("style",):
        return Finding(
            "het HTML-element <style> is niet toegestaan: de browser voert alleen stijlen uit "
            "de CSS-bestanden van de site uit",
            ("<style",),
        )
    return Finding(f"het HTML-element <{tag}> is niet toegestaan", (f"<{tag}",))


def _attribute_finding(  # noqa: C901 - the allow-list of attributes, one branch per kind
    tag: str, name: str, value: str, site: Site
) -> Finding | None:
    """What is wrong with one attribute that is not known to be plain: code, style, not on
    the allow-list, or an address the browser loads or follows."""
    lower = name.lower()
    if lower.startswith("on"):
        return Finding(f"het attribuut '{name}' in <{tag}> voert code uit", (name,))
    if lower == "style":
        return Finding(
            f"het attribuut 'style' in <{tag}> is niet toegestaan: de browser voert alleen "
            "stijlen uit de CSS-bestanden van de site uit",
            (value, "style"),
        )
    allowed = (
        lower in GLOBAL_ATTRIBUTES
        or lower.startswith(("aria-", "data-"))
        or lower in ELEMENT_ATTRIBUTES.get(tag, ())
        or (tag in audit_svg.ELEMENTS and (name in SVG_ATTRIBUTES or lower == "xlink:href"))
    )
    if not allowed:
        return Finding(f"het attribuut '{name}' in <{tag}> is niet toegestaan", (name,))
    if tag == "script" and lower == "src":
        return None  # checked with the script
    if lower not in _ADDRESS_ATTRIBUTES:
        _PLAIN[tag].add(name)  # allowed whatever its value: not checked again (speed)
        if tag == "a":
            _PLAIN_LINK.add(name)
        return None
    if lower in ("src", "poster") or (
        lower in ("href", "xlink:href") and tag in audit_svg.ELEMENTS
    ):
        if tag == "a" and lower == "href":  # <a> inside an <svg> is a link
            problem = navigation_problem(value)
        else:
            problem = load_problem(value, site)
        if problem:
            return Finding(f'<{tag} {name}="{shown(value)}"> {problem}', (value, name))
    elif lower == "srcset":
        for address in srcset_addresses(value):
            if problem := load_problem(address, site):
                return Finding(f'<{tag} srcset="{shown(value)}"> {problem}', (address, name))
    elif (
        lower in _NAVIGATION_ATTRIBUTES and tag != "link" and (problem := navigation_problem(value))
    ):
        return Finding(f'<{tag} {name}="{shown(value)}">: {problem}', (value, name))
    return None


def _link(attributes: dict[str, str | None], site: Site) -> Iterator[Finding]:
    relations = set((attributes.get("rel") or "").lower().split())
    href = attributes.get("href") or ""
    if not relations or not relations <= _LINK_RELATIONS:
        yield Finding(f'<link rel="{attributes.get("rel") or ""}"> is niet toegestaan', ("<link",))
    elif relations & _LOAD_RELATIONS:
        if problem := load_problem(href, site):
            yield Finding(f'<link href="{shown(href)}"> {problem}', (href, "<link"))
    elif problem := navigation_problem(href):
        yield Finding(f'<link href="{shown(href)}">: {problem}', (href, "<link"))


@functools.lru_cache(maxsize=64)
def _is_json(text: str) -> bool:
    """Whether `text` is valid JSON (remembered: Material's settings differ only per folder)."""
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


def _script(  # noqa: PLR0913 - the page's context, passed down from page_findings' loop
    node: LexborNode,
    attributes: dict[str, str | None],
    site: Site,
    rules: Rules,
    expected: frozenset[str],
    result: PageResult,
) -> int:
    """Check one <script>; 1 when it is a data block.

    Long because a script is one of four kinds (settings data, a file of the theme, an
    expected inline script, anything else), each with its own messages.
    """
    kind = (attributes.get("type") or "").strip().lower()
    text = node.text(deep=True)
    if kind == "application/json":
        if attributes.get("id") != _CONFIG or "src" in attributes:
            result.findings.append(
                Finding('een <script type="application/json"> is niet toegestaan', ("<script",))
            )
        elif not _is_json(text):
            result.findings.append(
                Finding(
                    "de instellingen van het thema (__config) zijn geen geldige JSON",
                    (_CONFIG,),
                )
            )
        return 1
    if kind not in _SCRIPT_TYPES:
        result.findings.append(Finding(f'<script type="{kind}"> is niet toegestaan', ("<script",)))
        return 0
    if "src" in attributes:
        source = attributes.get("src") or ""
        if load_problem(source, site) is None and site_path(source, site) in rules.script_files:
            if text.strip():
                result.findings.append(
                    Finding("een <script src> met tekst erin is niet toegestaan", (source,))
                )
            return 0
        result.findings.append(
            Finding(
                f"het script '{source}' is niet toegestaan: scripts komen alleen uit het thema "
                "(Material en overrides/)",
                (source, "<script"),
            )
        )
        return 0
    if text in expected:
        result.scripts.append(text)
    else:
        first = next((line.strip() for line in text.splitlines() if line.strip()), "")
        result.findings.append(
            Finding(
                "een script in de pagina dat niet uit de sjablonen van het thema komt: "
                f"'{first[:60]}'",
                (first[:40], "<script"),
            )
        )
    return 0
