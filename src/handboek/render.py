"""Turning the model into the Markdown that the site renders.

Environment pages, the overview matrix and the print-all page are all made
here from one `Handbook`, so they can never disagree. The output is Markdown
with a little HTML (quotes as `<figure>`, the matrix as a `<table>`), which
any Markdown site generator with `attr_list` and `md_in_html` can render.
"""

from __future__ import annotations

import datetime as dt
import functools
import posixpath
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote, urlsplit, urlunsplit

import jinja2
from markupsafe import Markup

from handboek import plaintext
from handboek.model import (
    BRIDGE_BUILDERS_ANCHOR,
    BRIDGE_BUILDERS_PART,
    MATRIX_ROWS,
    PARTS,
    POINTS_PART_KEY,
    PRINT_ALL_PATH,
    QUOTES_PART,
    BlockKind,
    Environment,
    Handbook,
    LocalLayer,
    Page,
    Part,
)
from handboek.read import body, points, scan

_TEMPLATES = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=True,
    keep_trailing_newline=True,
    undefined=jinja2.StrictUndefined,
)

Href = Callable[[Environment, str], str]

MONTHS = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]
NUMBER_WORDS = [
    "nul",
    "één",
    "twee",
    "drie",
    "vier",
    "vijf",
    "zes",
    "zeven",
    "acht",
    "negen",
    "tien",
]


# Above the quotes of every environment: they are the SCP's words, not the site's own.
QUOTES_SOURCE = (
    '<p class="handboek-citaten-bron">Deze uitspraken zijn letterlijk overgenomen uit de '
    "handreiking van het SCP.</p>"
)


def dutch_date(date: dt.date) -> str:
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}"


def environment_markdown(
    environment: Environment,
    heading_level: int = 2,
    id_prefix: str = "",
    local: LocalLayer | None = None,
) -> str:
    """The body of an environment page: introduction, then every part with a stable anchor.

    In a municipality's fork, `local` adds its own blocks under the parts they belong to.
    """
    hashes = "#" * heading_level
    blocks = [environment.intro]
    for part in environment.parts:
        blocks.append(f"{hashes} {part.spec.title} {{#{id_prefix}{part.spec.anchor}}}")
        if part.spec is QUOTES_PART:
            blocks.append(QUOTES_SOURCE)
            blocks.extend(
                _TEMPLATES.get_template("citaat.html.jinja").render(quote=quote).strip()
                for quote in environment.quotes
            )
        elif part.spec.key == POINTS_PART_KEY:
            text = points.with_point_ids(part.markdown, id_prefix)
            blocks.append(_shift_headings(text, heading_level - 2))
        else:
            blocks.append(_shift_headings(part.markdown, heading_level - 2))
        if local is not None:
            blocks.extend(local_blocks(environment, part, local, heading_level + 1, id_prefix))
    return "\n\n".join(blocks) + "\n"


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", re.IGNORECASE)


def local_blocks(
    environment: Environment, part: Part, local: LocalLayer, heading_level: int, id_prefix: str
) -> list[str]:
    """The municipality's blocks under one part, marked as local."""
    here = local.environment(environment.slug)
    return [
        _TEMPLATES.get_template("lokaal.html.jinja")
        .render(
            kind=block.kind,
            kinds=BlockKind,
            id=id_prefix + block.anchor,
            hashes="#" * heading_level,
            # The heading is Markdown: the name is written to render as text.
            title=Markup(plaintext.markdown_literal(f"{block.title} {local.name}")),
            items=block.items,
            is_email=lambda text: bool(_EMAIL.match(text)),
            # Written as under a part (### and ####), shown under the block's own heading.
            markdown=lambda text: _shift_headings(text, heading_level - 2),
        )
        .strip()
        for block in here.blocks_under(part.spec)
    ]


def number_word(count: int) -> str:
    """A count in words up to ten ('drie'), in digits above."""
    return NUMBER_WORDS[count] if count < len(NUMBER_WORDS) else str(count)


def print_name_css(name: str) -> str:
    """CSS that prints the guide's name in the bottom-left margin of every printed page.

    The name is a CSS string: every character outside letters, digits and spaces is
    written as an escape, so no name can end the string or the rule.
    """
    escaped = "".join(
        char if char.isalnum() or char == " " else f"\\{ord(char):x} " for char in name
    )
    box = (
        f'  @bottom-left {{\n    content: "{escaped}";\n'
        "    font: 9pt sans-serif;\n    color: #333333;\n  }\n"
    )
    return f"@page {{\n{box}}}\n\n@page liggend {{\n{box}}}\n"


def overview_caption(handbook: Handbook) -> str:
    number = number_word(len(handbook.environments))
    return (
        f"Informele ondersteuners in {number} omgevingen van de sociale basis: "
        "meerwaarden voor kinderen en gezinnen en wat de gemeente kan doen"
    )


def overview_html(handbook: Handbook, date: dt.date, href: Href) -> str:
    """The matrix: one column per environment, one row per summary aspect.

    `href(environment, anchor)` gives the address of a part of an environment
    page as seen from the page the matrix is put on (anchor '' for the page).
    """
    return _TEMPLATES.get_template("overzicht.html.jinja").render(
        environments=handbook.environments,
        rows=MATRIX_ROWS,
        caption=overview_caption(handbook),
        date=dutch_date(date),
        href=href,
        local=handbook.local,
        bridge_builders_part=BRIDGE_BUILDERS_PART,
        bridge_builders_anchor=BRIDGE_BUILDERS_ANCHOR,
    )


def print_all_markdown(handbook: Handbook, date: dt.date, start: Page) -> str:
    """The whole handbook on one page: start page, matrix, every environment.

    Links in the matrix point to the environments further down the same page.
    """
    blocks = [start.markdown]
    blocks.append('<section class="handboek-afdruk-overzicht" markdown="1">')
    blocks.append("## Overzicht {#overzicht}")
    blocks.append(overview_html(handbook, date, _in_page_href))
    blocks.append("</section>")
    for environment in handbook.environments:
        blocks.append('<section class="handboek-afdruk-omgeving" markdown="1">')
        title = plaintext.markdown_literal(environment.page.title)  # as text, not Markdown
        blocks.append(f"## {title} {{#{environment.slug}}}")
        text = environment_markdown(
            environment,
            heading_level=3,
            id_prefix=f"{environment.slug}-",
            local=handbook.local,
        )
        blocks.append(
            scan.replace_destinations(text, functools.partial(_print_link, handbook, environment))
        )
        blocks.append("</section>")
    return "\n\n".join(blocks) + "\n"


def _print_link(handbook: Handbook, environment: Environment, destination: str) -> str:
    """Where a link in an environment's text goes on the print-all page.

    The text was written for the environment page (omgevingen/<slug>.md). On the
    print page, a link to an environment, one of its parts or one of the
    municipality's blocks goes to that section further down the same page; any
    other link to the site is made relative to the print page. Links to other
    websites stay as they are.
    """
    parts = urlsplit(destination)
    if not destination or parts.scheme or destination.startswith("//"):
        return destination
    source = environment.page.path
    target = posixpath.normpath(posixpath.join(posixpath.dirname(source), parts.path))
    linked = handbook.environment_at(unquote(target) if parts.path else source)
    if linked is not None and parts.fragment in _section_ids(handbook, linked):
        return f"#{linked.slug}-{parts.fragment}" if parts.fragment else f"#{linked.slug}"
    return rebased_link(environment, PRINT_ALL_PATH, destination)


def rebased_link(environment: Environment, page_path: str, destination: str) -> str:
    """A link in an environment's text, made relative to another page (`page_path`).

    The text was written for omgevingen/<slug>.md; a link to the site is made
    relative to the generated page it is shown on. Other websites stay as they are.
    """
    parts = urlsplit(destination)
    if not destination or parts.scheme or destination.startswith("//"):
        return destination
    source = environment.page.path
    target = posixpath.normpath(posixpath.join(posixpath.dirname(source), parts.path))
    folder = posixpath.dirname(page_path) or "."
    rebased = posixpath.relpath(target if parts.path else source, folder)
    return urlunsplit(("", "", rebased, parts.query, parts.fragment))


def _section_ids(handbook: Handbook, environment: Environment) -> set[str]:
    """The ids an environment's sections have on the print page, without its slug ('': itself)."""
    ids = {"", *(spec.anchor for spec in PARTS), *(point.anchor for point in environment.points)}
    if handbook.local is not None:
        here = handbook.local.environment(environment.slug)
        ids |= {anchor for spec in PARTS for anchor, _ in here.texts_under(spec)}
    return ids


def _shift_headings(markdown: str, levels: int) -> str:
    """`##`-`#####` headings `levels` deeper; only headings Python-Markdown renders (`body`,
    through the one reader: not a `##` line in fenced code or a comment). A heading underlined
    with `---` becomes a `#` heading of its new level."""
    if not levels:
        return markdown
    lines = markdown.split("\n")
    for heading in body.headings(markdown, 0):  # line numbers from 0: indexes in `lines`
        if not 2 <= heading.level <= 5:
            continue
        if lines[heading.line].startswith("#"):
            lines[heading.line] = "#" * levels + lines[heading.line]
        else:  # the title line, then its underline
            lines[heading.line] = "#" * (heading.level + levels) + " " + heading.text
            lines[heading.line + 1] = ""
    return "\n".join(lines)


def _in_page_href(environment: Environment, anchor: str) -> str:
    return f"#{environment.slug}-{anchor}" if anchor else f"#{environment.slug}"
