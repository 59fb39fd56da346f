"""The differential check of the one Markdown reader (`scan`) against the renderer.

`rendered_markers` renders a document with the site's exact Markdown
configuration (MkDocs' built-in extensions plus `markdown_extensions` of
mkdocs.yml, read from that file) and parses the HTML with a real HTML parser;
`seen_markers` is what the check's reader found in the same document. Each
payload the generator writes carries a marker (`m12x`) in a tag, an attribute
value or an address, so "every tag, attribute and address in the HTML was
seen by the scanner" becomes: every marker in the HTML is in what the reader
saw. Used by tests/test_scanner_differential.py, and with a copy of the old
reader to show the bypasses it finds (see that file).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from types import ModuleType

import markdown
import yaml
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
MARKER = re.compile(r"m\d+x")
# MkDocs always adds these before the extensions of mkdocs.yml (mkdocs.config.defaults).
MKDOCS_BUILTIN_EXTENSIONS = ["toc", "tables", "fenced_code"]


class _IgnoreTags(yaml.SafeLoader):
    """mkdocs.yml has `!ENV` values; only markdown_extensions is read here."""


_IgnoreTags.add_multi_constructor("!", lambda loader, suffix, node: None)


def site_markdown() -> markdown.Markdown:
    """A Markdown instance with mkdocs.yml's markdown_extensions and their settings."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_IgnoreTags)
    names: list[str] = list(MKDOCS_BUILTIN_EXTENSIONS)
    settings: dict[str, dict] = {}
    for entry in config["markdown_extensions"]:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        if name not in names:
            names.append(name)
        settings[name] = options or {}
    return markdown.Markdown(extensions=names, extension_configs=settings)


class _Markers(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in [(tag, None), *attrs]:
            if name == "id" or (name == "href" and (value or "").startswith("#")):
                continue  # toc's ids and permalinks are made from the text (shown as text)
            self.found.update(MARKER.findall(f"{name}={value or ''}"))

    handle_startendtag = handle_starttag


def rendered_markers(engine: markdown.Markdown, text: str) -> set[str]:
    """The markers in tags and attributes of the HTML Python-Markdown makes of `text`."""
    engine.reset()
    parser = _Markers()
    parser.feed(engine.convert(text))
    parser.close()
    return parser.found


def seen_markers(scan: ModuleType, text: str, attribute_lists: Callable | None) -> set[str]:
    """The markers in what the reader saw: tags and attributes, links, images, definitions,
    and (when given) attr_list's attributes."""
    prose = scan.prose(text, 1)
    values = [link.destination for link in scan.links(prose)]
    values += [item.destination for item in scan.definitions(prose)]
    for tag in scan.tags(prose):
        values += [tag.name, *(f"{name}={value}" for name, value in tag.attributes)]
    if attribute_lists is not None:
        for _, attributes, _ in attribute_lists(prose.text):
            values += [f"{name}={value}" for name, value in attributes]
    return set(MARKER.findall(" ".join(values)))


# What opens or closes something the reader must agree on with the renderer.
OPENERS = [
    "```",
    "~~~",
    "````",
    "```python",
    "  ```",
    "<!--",
    "-->",
    "--!>",
    "<!-->",
    "`",
    "``",
    "<div>",
    "</div>",
    '<div markdown="1">',
    "<p>",
    "</p>",
    "## Kop",
    "    ingesprongen",
    "> citaat",
    "- punt",
    "[",
    "](",
    ")",
    "tekst",
    "",
]


def payloads(number: int, with_attribute_lists: bool) -> st.SearchStrategy[str]:
    """Something that renders as a tag, attribute or address with marker `m<number>x`."""
    marker = f"m{number}x"
    options = [
        f'<img src="{marker}.png" alt="a">',
        f"<script>{marker}</script>".replace("<script>", f'<script data-k="{marker}">'),
        f'<a href="javascript:{marker}">a</a>',
        f"tekst <b data-k={marker}>b</b>",
        f"[a]({marker}.md)",
        f"![a]({marker}.png)",
        f"[a](<{marker} b.md>)",
        f"[a]({marker}.md b)",
        f'[a]({marker}.md "titel")',
        f"[a][r{number}]\n\n[r{number}]: {marker}.md",
    ]
    if with_attribute_lists:
        options += [
            f'tekst\n{{: data-k="{marker}" }}',
            f"*x*{{: onclick={marker} }}",
            f"## Kop {{: title={marker} }}",
            f"[a](b.md){{: ping={marker} }}",
        ]
    return st.sampled_from(options)


def documents(
    with_attribute_lists: bool = True, openers: list[str] = OPENERS
) -> st.SearchStrategy[str]:
    """Random documents: openers, closers, text and marked payloads, one per line or block."""

    @st.composite
    def build(draw: st.DrawFn) -> str:
        count = draw(st.integers(min_value=1, max_value=12))
        parts = []
        for number in range(count):
            if draw(st.booleans()):
                parts.append(draw(payloads(number, with_attribute_lists)))
            else:
                parts.append(draw(st.sampled_from(openers)))
            parts.append(draw(st.sampled_from(["\n", "\n\n", " "])))
        return "".join(parts).strip() + "\n"

    return build()
