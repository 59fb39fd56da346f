"""The PDF of the whole guide that `handboek bouw` writes (src/handboek/build.py).

Made with Debian's Chromium from /afdrukken/, read back with pypdf:

- A4 throughout, with exactly one landscape page: the overview, with its items.
- A cover with title, version and the web address (site_url, as for the sitemap),
  every environment from a new page, a colophon with citation and licence last.
- "n van N" in the margin of every page, and the guide's name beside it.
- Links to pages of the site go to the online site; no path of the build machine.
- Two builds of one commit give the same bytes (SOURCE_DATE_EPOCH).
- Without Chromium the site is still built, without PDF and without a link to it,
  and the build says so.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from handboek import build, render
from handboek.model import MATRIX_ROWS
from tests.conftest import BUILD_ENVIRONMENT, ROOT, SOURCE_DATE_EPOCH, copy_project, model_of

WEBADRES = "https://handreiking.voorbeeld.example/informele-ondersteuners/"
A4_PORTRAIT = (595, 842)
A4_LANDSCAPE = (842, 595)


def squeeze(text: str) -> str:
    return re.sub(r"[\s\-\u00ad]", "", text)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    if not build.CHROMIUM.is_file():
        pytest.fail(
            f"{build.CHROMIUM} not found: the PDF needs it (scripts/install-system-tools.sh)"
        )
    project = copy_project(tmp_path_factory.mktemp("pdf") / "project")
    with pytest.MonkeyPatch.context() as patch:
        for name, value in BUILD_ENVIRONMENT.items():
            patch.setenv(name, value)
        patch.setenv("HANDBOEK_WEBADRES", WEBADRES)
        assert build.build_site(project, Path("site"))
        first = (project / "site" / build.PDF_PATH).read_bytes()
        assert build.build_site(project, Path("site"))
    return project / "site", first


@pytest.fixture(scope="module")
def pages(built: tuple[Path, bytes]) -> list:
    from pypdf import PdfReader

    return list(PdfReader(io.BytesIO((built[0] / build.PDF_PATH).read_bytes())).pages)


def size(page) -> tuple[int, int]:
    return (round(float(page.mediabox.width)), round(float(page.mediabox.height)))


def test_two_builds_give_the_same_pdf(built: tuple[Path, bytes]):
    site, first = built
    assert (site / build.PDF_PATH).read_bytes() == first


def test_a4_with_the_overview_on_its_one_landscape_page(pages: list):
    model = model_of(ROOT)
    sizes = [size(page) for page in pages]
    assert sizes.count(A4_LANDSCAPE) == 1
    assert sizes.count(A4_PORTRAIT) == len(pages) - 1
    # Cover, at least one page of start text, the overview, each environment, the colophon.
    assert len(pages) >= 3 + len(model.environments) + 1
    landscape = squeeze(pages[sizes.index(A4_LANDSCAPE)].extract_text())
    assert squeeze(render.overview_caption(model)) in landscape
    items = [
        item
        for environment in model.environments
        for row in MATRIX_ROWS
        for item in environment.overview[row.matrix_field]
    ]
    assert [item for item in items if squeeze(item) not in landscape] == []


def test_every_page_has_its_number_and_the_guides_name(pages: list):
    name = "Informele ondersteuners in de sociale basis"
    total = len(pages)
    missing = [
        number
        for number, page in enumerate(pages, 1)
        if f"{number} van {total}" not in page.extract_text()
        or squeeze(name) not in squeeze(page.extract_text())
    ]
    assert missing == []


def test_cover_environments_and_colophon(pages: list):
    cover = pages[0].extract_text()
    assert "Informele ondersteuners in de sociale basis" in cover
    assert "Sociaal en Cultureel Planbureau (SCP)" in cover
    assert "Versie van 1 december 2026." in cover
    assert squeeze(WEBADRES) in squeeze(cover)
    assert "Inhoud" in cover
    firsts = [page.extract_text().splitlines()[1] for page in pages]  # after the margin line
    for environment in model_of(ROOT).environments:
        assert environment.page.title in firsts
    colophon = pages[-1].extract_text()
    assert colophon.splitlines()[1] == "Colofon"
    assert "CC BY 4.0" in colophon
    assert squeeze(
        f"Verwijzen naar deze uitgave: Informele ondersteuners in de sociale basis, "
        f"versie van 1 december 2026, {WEBADRES}"
    ) in squeeze(colophon)


def test_links_go_to_the_online_site(built: tuple[Path, bytes]):
    data = (built[0] / build.PDF_PATH).read_bytes()
    assert b"file:" not in data
    assert str(built[0].parent).encode() not in data


def test_start_page_links_to_the_pdf(built: tuple[Path, bytes]):
    start = (built[0] / "index.html").read_text(encoding="utf-8")
    assert f'href="{build.PDF_PATH}" type="application/pdf"' in start


def test_without_chromium_the_site_is_built_without_pdf(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    project = copy_project(tmp_path / "project")
    monkeypatch.setattr(build, "CHROMIUM", tmp_path / "geen-chromium")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH)
    assert build.build_site(project, Path("site"))
    site = project / "site"
    assert (site / "afdrukken" / "index.html").is_file()
    assert not (site / build.PDF_PATH).exists()
    assert "application/pdf" not in (site / "index.html").read_text(encoding="utf-8")
    assert "Let op: geen PDF gemaakt, want Chromium staat niet op" in capsys.readouterr().err
