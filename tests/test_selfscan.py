"""The zelfscan (/zelfscan/): exactly the model's points, each linked to its place on its page.

The built page is read with Python's HTML parser and compared with the content
model (`check_content`), not with the renderer's own output: a point added
to a content file appears, a point's link goes to an id that is on the
environment page, and in a fork the title and the notes are the municipality's.
"""

from __future__ import annotations

import html.parser
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from handboek.model import Handbook
from handboek.read import points
from tests.conftest import ROOT, copy_project, model_of, run_build


@dataclass
class ScanPoint:
    id: str
    legend: str = ""
    links: list[str] = field(default_factory=list)
    radios: list[tuple[str, str]] = field(default_factory=list)  # (id, value)
    labels: dict[str, str] = field(default_factory=dict)  # for -> text
    fields: list[str] = field(default_factory=list)  # ids of text fields


class _ScanParser(html.parser.HTMLParser):
    """The points of a built zelfscan page: one per `fieldset.handboek-zelfscan-punt`."""

    def __init__(self) -> None:
        super().__init__()
        self.points: list[ScanPoint] = []
        self.sections: list[str] = []  # ids of the environment headings, in order
        self._depth = 0  # fieldsets open inside the current point
        self._text: list[str] | None = None
        self._label_for: str | None = None
        self._in_section = False

    def handle_starttag(  # noqa: C901 - one branch per element of the form, in page order
        self, tag: str, attrs: list[tuple[str, str | None]]
    ) -> None:
        attributes = {name: value or "" for name, value in attrs}
        classes = attributes.get("class", "").split()
        if tag == "section" and "handboek-zelfscan-omgeving" in classes:
            self._in_section = True
        elif tag == "h2" and self._in_section:
            self.sections.append(attributes["id"])
        elif tag == "fieldset" and "handboek-zelfscan-punt" in classes:
            self.points.append(ScanPoint(attributes["id"]))
            self._depth = 1
        elif tag == "fieldset" and self._depth:
            self._depth += 1
        elif not self._depth:
            return
        elif tag == "legend" and self._depth == 1:
            self._text = []
        elif tag == "a":
            self.points[-1].links.append(attributes["href"])
        elif tag == "input" and attributes.get("type") == "radio":
            self.points[-1].radios.append((attributes["id"], attributes["value"]))
        elif tag in ("input", "textarea"):
            self.points[-1].fields.append(attributes["id"])
        elif tag == "label":
            self._label_for, self._text = attributes["for"], []

    def handle_endtag(self, tag: str) -> None:
        if tag == "fieldset" and self._depth:
            self._depth -= 1
        elif tag == "legend" and self._text is not None and self._label_for is None:
            self.points[-1].legend = "".join(self._text)
            self._text = None
        elif tag == "label" and self._label_for is not None and self._text is not None:
            self.points[-1].labels[self._label_for] = "".join(self._text)
            self._label_for, self._text = None, None

    def handle_data(self, data: str) -> None:
        if self._text is not None:
            self._text.append(data)


def scan_of(site: Path) -> _ScanParser:
    parser = _ScanParser()
    parser.feed((site / "zelfscan" / "index.html").read_text(encoding="utf-8"))
    return parser


def ids_on(site: Path, url: str) -> set[str]:
    page = (site / url / "index.html").read_text(encoding="utf-8")
    return set(re.findall(r'\sid="([^"]+)"', page))


def expected_points(handbook: Handbook) -> list[tuple[str, str, str]]:
    """(fieldset id, title, link to the point) for every point of the model, in order."""
    return [
        (
            f"{env.slug}--{point.anchor}--punt",
            point.title,
            f"../{env.url}#{point.anchor}",
        )
        for env in handbook.environments
        for point in env.points
    ]


def found_points(scan: _ScanParser) -> list[tuple[str, str, str]]:
    return [(point.id, point.legend, point.links[-1]) for point in scan.points]


def test_the_zelfscan_lists_exactly_the_models_points(built_site: Path) -> None:
    handbook = model_of(ROOT)
    scan = scan_of(built_site)
    assert found_points(scan) == expected_points(handbook)
    assert len(scan.points) == sum(len(env.points) for env in handbook.environments) > 10
    assert scan.sections == [env.slug for env in handbook.environments]
    # Every point's link goes to an id on its environment page: the point itself.
    for env in handbook.environments:
        on_page = ids_on(built_site, env.url)
        assert {point.anchor for point in env.points} <= on_page, env.slug


def test_every_point_has_a_status_a_responsible_and_a_note_each_with_a_label(
    built_site: Path,
) -> None:
    for point in scan_of(built_site).points:
        key = point.id.removesuffix("--punt")
        assert point.radios == [(f"{key}--status-{value}", value) for value, _ in points.STATUSES]
        assert [point.labels[radio] for radio, _ in point.radios] == [
            "Al geregeld",
            "Deels",
            "Nog niet",
            "Niet van toepassing",
        ]
        assert point.fields == [f"{key}--verantwoordelijk", f"{key}--notitie"]
        assert point.labels[f"{key}--verantwoordelijk"] == "Wie is verantwoordelijk?"
        assert point.labels[f"{key}--notitie"] == "Notitie"


def test_a_point_added_to_a_content_file_appears_in_the_zelfscan(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    file = project / "content" / "omgevingen" / "verenigingen.md"
    text = file.read_text(encoding="utf-8")
    last = "- **De draaglast verminderen en ‘ontzorgen’.**"
    start = text.index(last)
    end = text.index("\n", start)
    new = "\n- **Een nieuw punt: samen leren.** Een verzonnen punt voor deze test."
    file.write_text(text[:end] + new + text[end:], encoding="utf-8")
    build = run_build(project)
    assert build.returncode == 0, build.output
    scan = scan_of(build.site)
    assert found_points(scan) == expected_points(model_of(project))
    added = [point for point in scan.points if point.legend == "Een nieuw punt: samen leren"]
    assert [point.links[-1] for point in added] == [
        "../omgevingen/verenigingen/#punt-een-nieuw-punt-samen-leren"
    ]
    assert "punt-een-nieuw-punt-samen-leren" in ids_on(build.site, "omgevingen/verenigingen/")


def test_a_new_environment_appears_in_the_zelfscan(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    shutil.copy(
        ROOT / "tests" / "fixtures" / "omgevingen" / "testomgeving-vier.md",
        project / "content" / "omgevingen" / "testomgeving-vier.md",
    )
    build = run_build(project)
    assert build.returncode == 0, build.output
    scan = scan_of(build.site)
    assert scan.sections[-1] == "testomgeving-vier"
    assert found_points(scan) == expected_points(model_of(project))


def test_in_a_fork_the_title_has_the_municipality_and_its_notes_are_linked(
    fork_site: Path,
) -> None:
    page = (fork_site / "zelfscan" / "index.html").read_text(encoding="utf-8")
    assert "<title>Zelfscan voor Gemeente Voorbeeld - " in page
    assert re.search(r'<h1 id="zelfscan">Zelfscan voor Gemeente Voorbeeld<', page)
    scan = scan_of(fork_site)
    noted = {
        # The point's own two links (its text may link elsewhere too, e.g. to the glossary).
        point.id: [link for link in point.links if "#punt-" in link or "#zo-doen-wij-dit" in link]
        for point in scan.points
        if any("zo-doen-wij-dit" in link for link in point.links)
    }
    # Expected from the fork's model: every note on one point of "Wat kan de gemeente doen?".
    handbook = model_of(fork_site.parent)
    assert handbook.local is not None
    expected = {}
    for env in handbook.environments:
        for note in handbook.local.environment(env.slug).notes:
            if note.part.key == "gemeente" and note.point is not None:
                point = next(point for point in env.points if point.title == note.point)
                expected[f"{env.slug}--{point.anchor}--punt"] = [
                    f"../{env.url}#{point.anchor}",
                    f"../{env.url}#zo-doen-wij-dit-wat-kan-de-gemeente-doen",
                ]
    assert "verenigingen--punt-een-contactpersoon-bij-probleemsignalen--punt" in expected
    assert noted == expected
    assert "zo-doen-wij-dit-wat-kan-de-gemeente-doen" in ids_on(
        fork_site, "omgevingen/verenigingen/"
    )
    assert ">Zo doen wij dit in Gemeente Voorbeeld</a>" in page


def test_the_zelfscan_is_in_the_menu_and_on_the_start_page(built_site: Path) -> None:
    start = (built_site / "index.html").read_text(encoding="utf-8")
    article = start[start.index('<article class="md-content__inner') :]
    assert '<a href="zelfscan/">zelfscan</a>' in article
    menu = start[start.index('<nav class="md-nav md-nav--primary"') : start.index("<article")]
    assert 'href="zelfscan/"' in menu
    assert 'href="open-data/"' in menu


def test_the_script_is_a_file_of_this_site_and_only_on_the_zelfscan(built_site: Path) -> None:
    scan = (built_site / "zelfscan" / "index.html").read_text(encoding="utf-8")
    assert '<script src="../assets/zelfscan.js"></script>' in scan
    assert (built_site / "assets" / "zelfscan.js").is_file()
    # No inline handlers and no <form>: nothing to submit (form-action 'none').
    assert not re.search(r"\son[a-z]+=", scan)
    assert "<form" not in scan.split('<article class="md-content__inner')[1]
    over = (built_site / "over" / "index.html").read_text(encoding="utf-8")
    assert "zelfscan.js" not in over
