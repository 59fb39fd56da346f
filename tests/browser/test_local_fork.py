"""A fork's colours and local blocks in a real browser: applied, and still WCAG 2.1 AA.

The fork is the project with the fictional layer of tests/fixtures/gemeente-voorbeeld/
as lokaal/. The colour tokens must win over Material's palette and over the
accessibility section of handboek.css, and axe must find no violations on the
pages with local content.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.browser.conftest import ServeSite

if TYPE_CHECKING:
    from playwright.sync_api import Page


@pytest.fixture(scope="module")
def fork_url(fork_site: Path, serve_site: ServeSite) -> str:
    return serve_site(fork_site)


def style(page: Page, selector: str, property_name: str) -> str:
    return page.eval_on_selector(selector, f"element => getComputedStyle(element).{property_name}")


def test_the_colour_tokens_are_what_readers_see(page: Page, fork_url: str) -> None:
    page.goto(fork_url + "omgevingen/verenigingen/")
    assert style(page, ".md-header", "backgroundColor") == "rgb(11, 79, 60)"  # kop #0b4f3c
    assert style(page, ".md-header", "color") == "rgb(255, 255, 255)"  # kop_tekst
    assert style(page, ".md-content a[href^='../../']", "color") == "rgb(11, 93, 70)"  # link
    local = "section.handboek-lokaal"
    assert style(page, local, "backgroundColor") == "rgb(238, 246, 242)"  # lokaal_achtergrond
    assert style(page, local, "color") == "rgb(26, 26, 26)"  # lokaal_tekst
    assert style(page, f"{local} a[href^='mailto:']", "color") == "rgb(11, 93, 70)"


@pytest.mark.parametrize("path", ["omgevingen/buurtgemeenschappen/", "overzicht/"])
def test_pages_with_local_content_pass_axe(page: Page, fork_url: str, path: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page.goto(fork_url + path)
    results = Axe().run(
        page,
        options={
            "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}
        },
    )
    assert results.violations_count == 0, results.generate_report()


def test_the_overview_with_local_items_still_prints_on_one_a4_landscape_page(
    page: Page, fork_url: str
) -> None:
    from pypdf import PdfReader

    page.goto(fork_url + "overzicht/")
    assert page.locator("li.handboek-matrix__lokaal").count() == 3
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4", prefer_css_page_size=True)))
    assert len(pdf.pages) == 1
    box = pdf.pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (297, 210)
