"""Printing in real Chromium: `page.pdf()` with the page size from our CSS.

- The overview (/overzicht/) prints on exactly one A4 landscape page, with
  every matrix item from the content model, its title, source and date, no
  letter below 7 pt, and without Material's header, menus and buttons. Also
  with four environments, and with six: the limit stated in the README.
- Content pages print without an empty last page (stock Material adds one).
- The print-all page (/afdrukken/) prints portrait, with the overview on one
  landscape page (laid out as wide as on /overzicht/) and each environment
  from a new page.
- On paper nothing asks the reader to print or press a button: the start
  page without its cover's buttons, the whole guide without "printen".
- Chromium reads handboek.css as written: every style rule tinycss2 finds is
  kept, none nested in another by accident (a conflict marker left in the
  file once hid the zelfscan's print rules inside a start-page rule).

Paper without a size in the CSS is A4 (`format="A4"`), as in a Dutch print dialog.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import tinycss2
from tinycss2 import ast

from handboek import render
from handboek.model import MATRIX_ROWS, OVERVIEW_PATH, PRINT_ALL_PATH, Handbook
from tests.browser.conftest import ServeSite, SiteWithEnvironments, page_url
from tests.conftest import ROOT, TEST_DATE, model_of

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page
    from pypdf import PageObject

A4_PORTRAIT = (595, 842)  # points; Chromium rounds to whole pixels, so allow 1 pt
A4_LANDSCAPE = (842, 595)
SMALLEST_PRINT_PT = 7
# The number of environments up to which the overview is promised to fit on one page.
ONE_PAGE_LIMIT = 6
# The page number in the bottom margin of every printed page ("4 van 12"), and that margin.
PAGE_NUMBER = re.compile(r"^\s*\d+ van \d+")
BOTTOM_MARGIN_PT = 25


@dataclass(frozen=True)
class PrintedPage:
    width: float
    height: float
    text: str
    font_sizes: tuple[float, ...]  # in points, of every piece of text on the page
    rightmost: float  # where the rightmost piece of text starts, in points from the left


def print_pdf(page: Page, url: str) -> list[PrintedPage]:
    """Print `url` as Chromium does for a reader, and read back every page."""
    from pypdf import PdfReader

    response = page.goto(url)
    assert response is not None and response.ok, url
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    return [_read(pdf_page) for pdf_page in PdfReader(io.BytesIO(pdf)).pages]


def _read(pdf_page: PageObject) -> PrintedPage:
    sizes: list[float] = []
    lefts: list[float] = [0.0]

    def measure(text: str, cm: Any, tm: Any, font: Any, size: float) -> None:
        if text.strip():  # on paper: the text matrix, then the page's transformation
            sizes.append(size * abs(tm[2] * cm[1] + tm[3] * cm[3]))
            if tm[4] * cm[1] + tm[5] * cm[3] + cm[5] > BOTTOM_MARGIN_PT:  # not in the margin
                lefts.append(tm[4] * cm[0] + tm[5] * cm[2] + cm[4])

    text = pdf_page.extract_text(visitor_text=measure)
    box = pdf_page.mediabox
    return PrintedPage(float(box.width), float(box.height), text, tuple(sizes), max(lefts))


def size_of(printed: PrintedPage) -> tuple[int, int] | None:
    for width, height in (A4_PORTRAIT, A4_LANDSCAPE):
        if abs(printed.width - width) <= 1 and abs(printed.height - height) <= 1:
            return (width, height)
    return None


def squeeze(text: str) -> str:
    """Text without line breaks, spaces and hyphens: wrapping in the PDF never matters."""
    return re.sub(r"[\s\-\u00ad]", "", text)


def matrix_items(handbook: Handbook) -> list[str]:
    return [
        item
        for environment in handbook.environments
        for row in MATRIX_ROWS
        for item in environment.overview[row.matrix_field]
    ]


def build_date() -> str:
    return render.dutch_date(TEST_DATE)


@dataclass(frozen=True)
class PrintedOverview:
    pages: list[PrintedPage]
    model: Handbook


@pytest.fixture(scope="module", params=[3, 4, ONE_PAGE_LIMIT], ids=lambda n: f"{n}-omgevingen")
def overview(
    request: pytest.FixtureRequest,
    browser: Browser,
    built_site: Path,
    site_with_environments: SiteWithEnvironments,
    serve_site: ServeSite,
) -> Iterator[PrintedOverview]:
    """The printed overview of the real site (3 environments), and with 4 and 6."""
    if request.param == 3:
        site, model = built_site, model_of(ROOT)
    else:
        site = site_with_environments(request.param)
        model = model_of(site.parent)
    assert len(model.environments) == request.param
    context = browser.new_context()
    yield PrintedOverview(
        print_pdf(context.new_page(), page_url(serve_site(site), OVERVIEW_PATH)), model
    )
    context.close()


def test_overview_prints_on_one_a4_landscape_page(overview: PrintedOverview):
    assert len(overview.pages) == 1
    [printed] = overview.pages
    assert size_of(printed) == A4_LANDSCAPE, (printed.width, printed.height)


def test_overview_print_shows_every_item_title_source_and_date(overview: PrintedOverview):
    text = squeeze(overview.pages[0].text)
    model = overview.model
    missing = [item for item in matrix_items(model) if squeeze(item) not in text]
    assert missing == []
    for expected in (
        render.overview_caption(model),
        *(environment.page.title for environment in model.environments),
        *(row.title for row in MATRIX_ROWS),
        "Bron: Sociaal en Cultureel Planbureau (SCP)",
        f"Dit overzicht is gemaakt op {build_date()}.",
    ):
        assert squeeze(expected) in text, expected


def test_overview_print_has_no_letters_below_7_pt(overview: PrintedOverview):
    sizes = [size for printed in overview.pages for size in printed.font_sizes]
    assert sizes
    assert min(sizes) >= SMALLEST_PRINT_PT - 0.01


def test_overview_print_leaves_out_the_site_around_it(overview: PrintedOverview):
    # Button, link to the print-all page, search, menu and footer are for the screen.
    for screen_only in ("Afdrukken", "Hele handreiking", "Zoeken", "Over deze website"):
        assert screen_only not in overview.pages[0].text


# Every content file, listed without reading it at collection time; the test checks that the
# model has it as a page.
CONTENT_PATHS = sorted(
    path.relative_to(ROOT / "content").as_posix() for path in (ROOT / "content").rglob("*.md")
)


@pytest.mark.parametrize("content_path", CONTENT_PATHS)
def test_content_page_prints_without_an_empty_last_page(
    page: Page, site_url: str, content_path: str, real_handbook: Handbook
):
    assert content_path in {known.path for known in real_handbook.pages}, "geen pagina in het model"
    printed = print_pdf(page, page_url(site_url, content_path))
    assert [size_of(p) for p in printed] == [A4_PORTRAIT] * len(printed)
    empty = [number for number, p in enumerate(printed, 1) if not p.text.strip()]
    assert empty == [], f"{len(printed)} pages, empty: {empty}"


@pytest.fixture(scope="module")
def print_all(browser: Browser, site_url: str) -> Iterator[list[PrintedPage]]:
    context = browser.new_context()
    yield print_pdf(context.new_page(), page_url(site_url, PRINT_ALL_PATH))
    context.close()


def test_print_all_page_is_portrait_with_the_overview_on_one_landscape_page(
    print_all: list[PrintedPage],
):
    sizes = [size_of(p) for p in print_all]
    assert sizes.count(A4_LANDSCAPE) == 1
    assert sizes.count(A4_PORTRAIT) == len(print_all) - 1
    empty = [number for number, p in enumerate(print_all, 1) if not p.text.strip()]
    assert empty == []
    landscape = squeeze(print_all[sizes.index(A4_LANDSCAPE)].text)
    assert [item for item in matrix_items(model_of(ROOT)) if squeeze(item) not in landscape] == []
    assert min(size for p in print_all for size in p.font_sizes) >= SMALLEST_PRINT_PT - 0.01


def test_print_all_page_lays_out_the_overview_as_the_overview_page(
    print_all: list[PrintedPage], page: Page, site_url: str
):
    # As wide as on /overzicht/, not squeezed to the width of the portrait pages.
    [landscape] = [p for p in print_all if size_of(p) == A4_LANDSCAPE]
    [overview_page] = print_pdf(page, page_url(site_url, OVERVIEW_PATH))
    assert overview_page.rightmost > A4_PORTRAIT[0] / 2
    assert abs(landscape.rightmost - overview_page.rightmost) < 2


def test_print_all_page_starts_each_environment_on_a_new_page(print_all: list[PrintedPage]):
    first_lines = [
        next(line for line in p.text.strip().splitlines() if not PAGE_NUMBER.match(line))
        for p in print_all
    ]
    for environment in model_of(ROOT).environments:
        assert environment.page.title in first_lines


# At-rules whose block holds rules (the others hold declarations, or nothing).
GROUPING_AT_RULES = frozenset({"media", "supports", "layer", "container", "scope"})


def style_rules(nodes: list[ast.Node]) -> int:
    """The style rules in parsed CSS, also those inside @media and nested ones."""
    total = 0
    for node in nodes:
        if isinstance(node, ast.QualifiedRule):
            inside = tinycss2.parse_blocks_contents(
                node.content, skip_comments=True, skip_whitespace=True
            )
            total += 1 + style_rules(inside)
        elif isinstance(node, ast.AtRule) and node.lower_at_keyword in GROUPING_AT_RULES:
            inside = tinycss2.parse_rule_list(
                node.content or [], skip_comments=True, skip_whitespace=True
            )
            total += style_rules(inside)
    return total


CHROMIUM_STYLE_RULES = """css => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  const found = {total: 0, nested: []};
  const walk = (rules, inStyleRule) => {
    for (const rule of rules) {
      if (rule instanceof CSSStyleRule) {
        found.total += 1;
        if (inStyleRule) found.nested.push(rule.selectorText);
      }
      if (rule.cssRules) walk(rule.cssRules, inStyleRule || rule instanceof CSSStyleRule);
    }
  };
  walk(sheet.cssRules, false);
  return found;
}"""


def test_chromium_reads_the_stylesheet_as_written(page: Page, built_site: Path):
    css = (built_site / "assets" / "handboek.css").read_text(encoding="utf-8")
    written = style_rules(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True))
    read = page.evaluate(CHROMIUM_STYLE_RULES, css)
    assert read["nested"] == []  # handboek.css uses no CSS nesting
    assert (read["total"], written) == (written, written)  # Chromium dropped no rule


# A sentence on paper that asks the reader to print, download or press something.
SCREEN_ONLY_SENTENCE = re.compile(
    r"[^.!?]*\b(?:printen|afdrukken|downloaden|klik\w*)\b[^.!?]*", re.IGNORECASE
)


@pytest.mark.parametrize("content_path", ["index.md", PRINT_ALL_PATH])
def test_paper_does_not_ask_the_reader_to_print(page: Page, site_url: str, content_path: str):
    printed = print_pdf(page, page_url(site_url, content_path))
    text = " ".join(" ".join(p.text.split()) for p in printed)
    assert SCREEN_ONLY_SENTENCE.findall(text) == []
