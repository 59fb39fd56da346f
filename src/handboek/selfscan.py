"""The zelfscan page: every point of "Wat kan de gemeente doen?" as a form to fill in.

Made from the model like the overview: a new environment or a new point in
a content file appears in the zelfscan by itself. The page is Markdown with
HTML blocks; the form works without JavaScript as a checklist to print, and
overrides/assets/zelfscan.js adds saving on this device, downloading and
opening a file (nothing is sent anywhere). In a fork the municipality's name
is in the title and its notes on a point are linked from that point.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import jinja2

from handboek import render
from handboek.model import (
    PARTS,
    POINTS_PART_KEY,
    SELF_SCAN_PATH,
    Environment,
    Handbook,
    Point,
    notes_anchor,
)
from handboek.read import points, scan

SELF_SCAN_TITLE = "Zelfscan voor gemeenten"
POINTS_PART = next(spec for spec in PARTS if spec.key == POINTS_PART_KEY)
NOTES_ANCHOR = notes_anchor(POINTS_PART)

_TEMPLATES = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=True,
    keep_trailing_newline=True,
    undefined=jinja2.StrictUndefined,
)
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~-])")  # & < >: autoescape
_TEMPLATES.filters["markdown_text"] = lambda text: _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def self_scan_title(handbook: Handbook) -> str:
    if handbook.local is not None:
        return f"Zelfscan voor {handbook.local.name}"
    return SELF_SCAN_TITLE


@dataclass(frozen=True)
class _Item:
    point: Point
    ids: dict[str, str]
    text: str  # the explanation, its links made relative to the zelfscan page
    link: str
    note: str | None
    note_link: str


@dataclass(frozen=True)
class _Section:
    environment: Environment
    part_link: str
    part_note: str | None
    part_note_link: str
    items: tuple[_Item, ...]


def self_scan_markdown(handbook: Handbook) -> str:
    """The body of the zelfscan page (the hook adds the title)."""
    sections = [_section(handbook, environment) for environment in handbook.environments]
    municipality = handbook.local.name if handbook.local is not None else "uw gemeente"
    return _TEMPLATES.get_template("zelfscan.md.jinja").render(
        sections=sections, statuses=points.STATUSES, municipality=municipality
    )


def _section(handbook: Handbook, environment: Environment) -> _Section:
    page = environment.page.path
    noted: set[str | None] = set()
    note_text = ""
    if handbook.local is not None:
        notes = handbook.local.environment(environment.slug).notes_on(POINTS_PART)
        noted = {note.point for note in notes}
        note_text = f"Zo doen wij dit in {handbook.local.name}"
    rebase = functools.partial(render.rebased_link, environment, SELF_SCAN_PATH)
    items = tuple(
        _Item(
            point=point,
            ids={
                field: points.field_id(environment.slug, point, field)
                for field in ("punt", "status", "verantwoordelijk", "notitie")
            },
            text=scan.replace_destinations(point.text, rebase),
            link=f"{page}#{point.anchor}",
            note=note_text if point.title in noted else None,
            note_link=f"{page}#{NOTES_ANCHOR}",
        )
        for point in environment.points
    )
    return _Section(
        environment=environment,
        part_link=f"{page}#{POINTS_PART.anchor}",
        part_note=note_text if None in noted else None,
        part_note_link=f"{page}#{NOTES_ANCHOR}",
        items=items,
    )
