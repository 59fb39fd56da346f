"""The zelfscan in real Chromium: fill in, download, open again; nothing sent or stored.

- Two points filled in (one with the keyboard only), downloaded as a file; after
  a reload the page is empty again (nothing was stored), and opening the file
  puts the answers back.
- While the reader fills in and downloads, the browser makes no request and
  writes nothing to storage; only "Bewaren op dit apparaat" writes, and
  "Verwijderen van dit apparaat" removes it.
- Printed (filled in, and without JavaScript as a blank checklist), every page
  is A4 portrait and each environment has its own section: a page never holds
  points of two environments, and each environment starts on a new page. What
  only the screen can do (save, download, print) is not explained on paper.
  The same in a fork.
- axe-core finds nothing on the filled-in page, nor on a fork's zelfscan.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from handboek.model import SELF_SCAN_PATH, Handbook
from tests.browser.conftest import ServeSite, page_url
from tests.browser.test_accessibility import axe_violations
from tests.browser.test_print import A4_PORTRAIT, _read, size_of, squeeze
from tests.browser.test_privacy import first_visit
from tests.conftest import ROOT, model_of

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

FIXTURE = ROOT / "tests" / "fixtures" / "gemeente-voorbeeld"
STORAGE_KEY = "localStorage:handboek-zelfscan:/zelfscan/"


def keys(handbook: Handbook) -> list[str]:
    """The form's key of every point: `<omgeving>--<punt>`."""
    return [f"{env.slug}--{point.anchor}" for env in handbook.environments for point in env.points]


def fill_two_points(page: Page, first: str, second: str) -> None:
    """The first point with the mouse, the second with the keyboard only."""
    page.click(f"label[for='{first}--status-deels']")
    page.fill(f"#{first}--verantwoordelijk", "Team sociaal domein")
    page.focus(f"#{second}--status-al-geregeld")
    page.keyboard.press("ArrowRight")  # moves to, and checks, the next option: "deels"
    page.keyboard.press("ArrowRight")  # "nog niet"
    page.keyboard.press("Tab")  # to "Wie is verantwoordelijk?"
    page.keyboard.type("Wethouder")
    page.keyboard.press("Tab")  # to "Notitie"
    page.keyboard.type("Bespreken in het overleg van maart.\nDaarna plannen.")


def answers(page: Page, key: str) -> tuple[str, str, str]:
    checked = page.locator(f"input[name='{key}--status']:checked")
    status = checked.get_attribute("value") if checked.count() else ""
    return (
        status or "",
        page.input_value(f"#{key}--verantwoordelijk"),
        page.input_value(f"#{key}--notitie"),
    )


FIRST_ANSWERS = ("deels", "Team sociaal domein", "")
SECOND_ANSWERS = ("nog-niet", "Wethouder", "Bespreken in het overleg van maart.\nDaarna plannen.")
EMPTY = ("", "", "")
# On screen only: the buttons, and the sentences that explain them.
SCREEN_ONLY = ("Bewaren op dit apparaat", "downloaden", "Afdrukken kan altijd")


def test_fill_in_download_reload_and_open_the_file_again(
    page: Page, site_url: str, tmp_path: Path
) -> None:
    first, second, *others = keys(model_of(ROOT))
    url = page_url(site_url, SELF_SCAN_PATH)
    page.goto(url)
    assert page.is_visible("button.handboek-zelfscan__downloaden")
    assert not page.is_visible(".handboek-zelfscan__zonder-script")
    fill_two_points(page, first, second)
    assert answers(page, first) == FIRST_ANSWERS
    assert answers(page, second) == SECOND_ANSWERS

    with page.expect_download() as download_info:
        page.click("button.handboek-zelfscan__downloaden")
    download = download_info.value
    assert download.suggested_filename == "zelfscan.json"
    saved = tmp_path / "zelfscan.json"
    download.save_as(saved)
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["soort"] == "zelfscan"
    assert list(data["antwoorden"]) == keys(model_of(ROOT))
    assert data["antwoorden"][second]["notitie"] == SECOND_ANSWERS[2]

    page.reload()
    assert [answers(page, key) for key in (first, second)] == [EMPTY, EMPTY]  # nothing stored

    page.set_input_files("input.handboek-zelfscan__bestand", str(saved))
    page.wait_for_selector(".handboek-zelfscan__melding:has-text('zelfscan.json zijn ingevuld')")
    assert answers(page, first) == FIRST_ANSWERS
    assert answers(page, second) == SECOND_ANSWERS
    assert all(answers(page, key) == EMPTY for key in others)


def test_a_file_that_is_not_a_zelfscan_is_refused_with_a_message(
    page: Page, site_url: str, tmp_path: Path
) -> None:
    other = tmp_path / "iets-anders.json"
    other.write_text('{"soort": "iets anders"}', encoding="utf-8")
    page.goto(page_url(site_url, SELF_SCAN_PATH))
    page.set_input_files("input.handboek-zelfscan__bestand", str(other))
    message = page.locator(".handboek-zelfscan__melding")
    message.wait_for()
    assert message.inner_text() == (
        "iets-anders.json is geen zelfscan van deze website. "
        "Kies een bestand dat u hier hebt gedownload."
    )


def test_filling_in_sends_and_stores_nothing_until_the_reader_saves(
    browser: Browser, site_url: str
) -> None:
    first, second, *_ = keys(model_of(ROOT))
    visit = first_visit(browser, site_url)
    try:
        page = visit.page
        page.goto(page_url(site_url, SELF_SCAN_PATH), wait_until="networkidle")
        loaded = len(visit.requests)
        fill_two_points(page, first, second)
        with page.expect_download():
            page.click("button.handboek-zelfscan__downloaden")
        page.wait_for_timeout(300)
        assert visit.requests[loaded:] == []
        assert visit.elsewhere() == []
        assert visit.context.cookies() == []
        assert visit.storage() == {"writes": [], "keys": []}

        page.click("button.handboek-zelfscan__bewaren")
        assert visit.storage() == {"writes": [STORAGE_KEY], "keys": [STORAGE_KEY]}
        page.reload()
        assert answers(page, second) == SECOND_ANSWERS  # read back, nothing written
        assert visit.storage() == {"writes": [], "keys": [STORAGE_KEY]}
        page.click("button.handboek-zelfscan__vergeten")
        assert visit.storage()["keys"] == []
        assert visit.elsewhere() == []
    finally:
        visit.context.close()


def print_sections(page: Page, handbook: Handbook) -> list[list[str]]:
    """Printed: per page, the environments whose points are on it."""
    from pypdf import PdfReader

    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    pages = PdfReader(io.BytesIO(pdf)).pages
    assert [size_of(_read(p)) for p in pages] == [A4_PORTRAIT] * len(pages)
    found = []
    for printed in pages:
        text = squeeze(printed.extract_text())
        assert text, "an empty page"
        # What the screen's buttons do is not explained on paper.
        assert [words for words in SCREEN_ONLY if squeeze(words) in text] == []
        found.append(
            [
                env.slug
                for env in handbook.environments
                if any(squeeze(point.title) in text for point in env.points)
            ]
        )
    return found


def assert_one_section_per_environment(sections: list[list[str]], handbook: Handbook) -> None:
    slugs = [env.slug for env in handbook.environments]
    assert all(len(on_page) == 1 for on_page in sections), sections
    order = [on_page[0] for on_page in sections]
    assert sorted(set(order), key=slugs.index) == slugs
    assert order == sorted(order, key=slugs.index), order  # each environment in one run


def test_printed_filled_in_each_environment_is_its_own_a4_portrait_section(
    page: Page, site_url: str
) -> None:
    handbook = model_of(ROOT)
    first, second, *_ = keys(handbook)
    page.goto(page_url(site_url, SELF_SCAN_PATH))
    fill_two_points(page, first, second)
    sections = print_sections(page, handbook)
    assert_one_section_per_environment(sections, handbook)
    from pypdf import PdfReader

    text = squeeze(
        PdfReader(io.BytesIO(page.pdf(format="A4", prefer_css_page_size=True)))
        .pages[0]
        .extract_text()
    )
    assert squeeze("Team sociaal domein") in text  # what was filled in is on paper
    assert "Downloaden" not in text and "Klopteriets" not in text


def test_without_javascript_it_is_a_blank_checklist_to_print(
    browser: Browser, site_url: str
) -> None:
    handbook = model_of(ROOT)
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(page_url(site_url, SELF_SCAN_PATH))
        assert not page.is_visible("button.handboek-zelfscan__downloaden")
        assert page.is_visible(".handboek-zelfscan__zonder-script")
        assert page.locator("fieldset.handboek-zelfscan-punt").count() == len(keys(handbook))
        assert_one_section_per_environment(print_sections(page, handbook), handbook)
    finally:
        context.close()


def test_axe_finds_nothing_on_the_filled_in_zelfscan(page: Page, site_url: str) -> None:
    first, second, *_ = keys(model_of(ROOT))
    page.goto(page_url(site_url, SELF_SCAN_PATH))
    fill_two_points(page, first, second)
    page.click("button.handboek-zelfscan__bewaren")  # with its status message shown
    assert axe_violations(page) == []


@pytest.fixture(scope="module")
def fork_url(fork_site: Path, serve_site: ServeSite) -> Iterator[str]:
    yield serve_site(fork_site)


def test_axe_finds_nothing_on_a_forks_zelfscan_and_open_data(page: Page, fork_url: str) -> None:
    for path in ("zelfscan/", "open-data/"):
        page.goto(fork_url + path)
        assert axe_violations(page) == [], path
    page.goto(fork_url + "zelfscan/")
    assert page.title().startswith("Zelfscan voor Gemeente Voorbeeld")


def test_a_forks_zelfscan_prints_each_environment_on_its_own_pages(
    page: Page, fork_url: str
) -> None:
    handbook = model_of(ROOT)  # the fork adds notes and bridge builders, no environment
    page.goto(fork_url + "zelfscan/")
    assert_one_section_per_environment(print_sections(page, handbook), handbook)
