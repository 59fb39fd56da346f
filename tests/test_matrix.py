"""The overview matrix in the built HTML follows the content model, item for item.

The matrix at /overzicht/ is made at build time from the `overzicht` field of
each environment's front matter. These tests read the real built table back
(columns, row headings, the items of every cell) and compare it with the model:
- the real handbook shows exactly the items of its content;
- an item removed from one environment's front matter disappears from its cell;
- a fourth environment file adds a fourth column, in `volgorde`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from handboek.model import MATRIX_ROWS, Handbook
from tests.conftest import ROOT, model_of, run_build

TEST_ENVIRONMENT = ROOT / "tests" / "fixtures" / "omgevingen" / "testomgeving-vier.md"

Cells = dict[tuple[str, str], tuple[str, ...]]  # (row heading, environment) -> items


@dataclass
class Matrix:
    count: str = ""  # the data-omgevingen attribute
    columns: list[str] = field(default_factory=list)
    cells: Cells = field(default_factory=dict)


class _MatrixReader(HTMLParser):
    """Reads the first <table class="handboek-matrix"> of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.matrix = Matrix()
        self._state = "before"  # before, thead, tbody, after
        self._row = ""
        self._column = 0
        self._text: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "table" and self._state == "before":
            if "handboek-matrix" in (attributes.get("class") or "").split():
                self.matrix.count = attributes.get("data-omgevingen") or ""
                self._state = "thead"
        elif self._state in ("thead", "tbody"):
            if tag == "tbody":
                self._state = "tbody"
            elif tag == "tr":
                self._column = 0
            elif tag in ("th", "li"):
                self._text = []
            elif tag == "td" and self._state == "tbody":
                environment = self.matrix.columns[self._column]
                self.matrix.cells[(self._row, environment)] = ()
                self._column += 1

    def handle_endtag(self, tag: str) -> None:
        if self._state not in ("thead", "tbody"):
            return
        if tag == "table":
            self._state = "after"
        elif tag in ("th", "li") and self._text is not None:
            text = " ".join("".join(self._text).split())
            self._text = None
            if tag == "th" and self._state == "thead":
                self.matrix.columns.append(text)
            elif tag == "th":
                self._row = text
            else:
                key = (self._row, self.matrix.columns[self._column - 1])
                self.matrix.cells[key] += (text,)

    def handle_data(self, data: str) -> None:
        if self._text is not None:
            self._text.append(data)


def read_matrix(site: Path) -> Matrix:
    reader = _MatrixReader()
    reader.feed((site / "overzicht" / "index.html").read_text(encoding="utf-8"))
    assert reader.matrix.columns, "no table.handboek-matrix on /overzicht/"
    return reader.matrix


def expected_cells(handbook: Handbook) -> Cells:
    return {
        (row.title, environment.page.title): environment.overview[row.matrix_field]
        for row in MATRIX_ROWS
        for environment in handbook.environments
    }


def test_matrix_shows_exactly_the_items_of_the_model(built_site: Path) -> None:
    model = model_of(ROOT)
    matrix = read_matrix(built_site)
    assert matrix.columns == [environment.page.title for environment in model.environments]
    assert matrix.cells == expected_cells(model)
    assert matrix.count == str(len(model.environments))


def test_item_removed_from_front_matter_disappears_from_the_matrix(project_copy: Path) -> None:
    environment = model_of(project_copy).environments[1]
    item = environment.overview["meerwaarde"][-1]
    file = project_copy / "content" / environment.page.path
    lines = file.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if line.strip().removeprefix("- ").strip('"') != item]
    assert len(kept) == len(lines) - 1, f"'{item}' is not one line of {file}"
    file.write_text("".join(kept), encoding="utf-8")

    result = run_build(project_copy)

    assert result.returncode == 0, result.output
    cells = read_matrix(result.site).cells
    row = next(row.title for row in MATRIX_ROWS if row.matrix_field == "meerwaarde")
    assert cells[(row, environment.page.title)] == environment.overview["meerwaarde"][:-1]
    assert all(item not in items for items in cells.values())
    assert cells == expected_cells(model_of(project_copy))


def test_fourth_environment_adds_a_fourth_column(project_copy: Path) -> None:
    before = model_of(project_copy).environments
    last = max(env.order for env in before)
    text = TEST_ENVIRONMENT.read_text(encoding="utf-8").replace(
        "volgorde: 4\n", f"volgorde: {last + 1}\n", 1
    )
    (project_copy / "content" / "omgevingen" / TEST_ENVIRONMENT.name).write_text(text, "utf-8")

    result = run_build(project_copy)

    assert result.returncode == 0, result.output
    model = model_of(project_copy)
    matrix = read_matrix(result.site)
    assert len(matrix.columns) == len(before) + 1
    assert matrix.columns[-1] == "Testomgeving vier"
    assert matrix.count == str(len(before) + 1)
    assert matrix.cells == expected_cells(model)
