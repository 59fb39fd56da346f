"""CSS in the built site: nothing loaded from elsewhere, read with a real CSS parser.

Stylesheets are parsed with tinycss2 (CSS Syntax Level 3, as browsers
tokenise: comments, escapes such as `url(\\2f\\2f host)`, strings). Every
address the browser would fetch is checked with `audit_url.load_problem`:
`url(...)`, the strings in `image-set()` (also `-webkit-image-set()`),
`image()` and `cross-fade()`, and `@import` (which this site never needs, so
it is refused outright: it would pull in a stylesheet nobody checked).

`data:image/...` addresses are allowed: Material's stylesheet draws its icons
with `data:image/svg+xml` masks. They are part of the stylesheet itself, not a
request to any host, and an image cannot run code. Any other `data:` is
refused. In an SVG file (`fragment_only`), only `url(#id)` is allowed.

`findings` yields `(line, message)`: the line in the CSS text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import tinycss2
from tinycss2 import ast

from handboek.audit_url import Site, load_problem, scheme

_IMAGE_FUNCTIONS = frozenset({"image-set", "-webkit-image-set", "image", "cross-fade"})

Finding = tuple[int, str]


def stylesheet_findings(text: str, site: Site, *, fragment_only: bool = False) -> Iterator[Finding]:
    """Problems in a whole stylesheet (a .css file, or an SVG's <style>)."""
    rules = tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True)
    yield from _findings(rules, site, fragment_only)


def declarations_findings(
    text: str, site: Site, *, fragment_only: bool = False
) -> Iterator[Finding]:
    """Problems in a list of declarations (a `style` attribute)."""
    declarations = tinycss2.parse_blocks_contents(text, skip_comments=True, skip_whitespace=True)
    yield from _findings(declarations, site, fragment_only)


def value_findings(text: str, site: Site, *, fragment_only: bool = False) -> Iterator[Finding]:
    """Problems in one value (an SVG presentation attribute such as fill="url(#a)")."""
    yield from _findings(tinycss2.parse_component_value_list(text), site, fragment_only)


def _findings(  # noqa: C901 - one branch per kind of tinycss2 node, see the docstring
    nodes: Iterable[ast.Node], site: Site, fragment_only: bool
) -> Iterator[Finding]:
    """Every kind of CSS node that can load something, and the nodes inside it.

    Complex on purpose: one dispatch over tinycss2's node types in one place, so that no kind
    of node (a new one in a later CSS) can be read past without a branch of its own.
    """
    for node in nodes:
        if isinstance(node, ast.ParseError):
            yield (
                node.source_line,
                "de CSS is hier niet goed te lezen (niet afgesloten of ongeldig)",
            )
        elif isinstance(node, ast.AtRule):
            if node.lower_at_keyword == "import":
                yield node.source_line, "@import is niet toegestaan"
            yield from _findings(node.prelude, site, fragment_only)
            yield from _findings(_parsed_content(node.content), site, fragment_only)
        elif isinstance(node, ast.QualifiedRule):
            yield from _findings(node.prelude, site, fragment_only)
            yield from _findings(_parsed_content(node.content), site, fragment_only)
        elif isinstance(node, ast.Declaration):
            yield from _findings(node.value, site, fragment_only)
        elif isinstance(node, ast.URLToken):
            yield from _address(node.source_line, node.value, site, fragment_only)
        elif isinstance(node, ast.FunctionBlock):
            name = node.lower_name
            if name in ("url", "src"):
                strings = [arg for arg in node.arguments if isinstance(arg, ast.StringToken)]
                for string in strings[:1]:
                    yield from _address(node.source_line, string.value, site, fragment_only)
            elif name in _IMAGE_FUNCTIONS:
                for argument in node.arguments:
                    if isinstance(argument, ast.StringToken):
                        yield from _address(node.source_line, argument.value, site, fragment_only)
            yield from _findings(node.arguments, site, fragment_only)
        elif isinstance(
            node, (ast.ParenthesesBlock, ast.SquareBracketsBlock, ast.CurlyBracketsBlock)
        ):
            yield from _findings(node.content, site, fragment_only)


def _parsed_content(content: list[ast.Node] | None) -> list[ast.Node]:
    """The rules and declarations inside a block (nested rules included)."""
    if not content:
        return []
    return tinycss2.parse_blocks_contents(content, skip_comments=True, skip_whitespace=True)


def _address(line: int, address: str, site: Site, fragment_only: bool) -> Iterator[Finding]:
    if scheme(address) == "data" and not fragment_only:
        if address.split(":", 1)[1].strip().lower().startswith("image/"):
            return
        yield line, f"url({_short(address)}) laadt iets met 'data:' wat geen afbeelding is"
        return
    problem = load_problem(address, site, fragment_only=fragment_only)
    if problem:
        yield line, f"url({_short(address)}) {problem}"


def _short(address: str) -> str:
    return address if len(address) <= 60 else address[:57] + "..."
