"""Two builds of the same content with SOURCE_DATE_EPOCH are byte-identical.

The two builds run from copies of the project in different folders, into
different site folders, with different hash seeds, so neither an absolute
path nor set or dict order can leak into the output unnoticed. Every file is
compared byte for byte, including sitemap.xml.gz, whose gzip header holds a
time stamp. The first build starts with an empty temp folder and compiles the
theme's templates; the second renders with the compiled templates the hook
keeps there (Jinja's bytecode cache), so the cache cannot change a page.
Both the upstream handbook and a fork with the fictional local layer of the
tests (which sets a web address, so the sitemap lists every page with a
date, and adds a logo and colours) are built.
"""

from __future__ import annotations

import gzip
import os
import re
import shutil
import struct
from pathlib import Path

import pytest

from handboek.local import review
from tests.conftest import ROOT, SOURCE_DATE_EPOCH, TEST_DATE, copy_project, run_build

LOCAL_FIXTURE = ROOT / "tests" / "fixtures" / "gemeente-voorbeeld"


def _files(site: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def _add_local_layer(project: Path) -> None:
    shutil.copytree(LOCAL_FIXTURE, project / "lokaal")
    notes = sorted(
        f"lokaal/omgevingen/{path.name}" for path in (LOCAL_FIXTURE / "omgevingen").iterdir()
    )
    outcome = review.mark_reviewed(project, notes)
    assert outcome.ok, outcome.lines


def _build_twice(factory: pytest.TempPathFactory, kind: str) -> tuple[Path, Path]:
    sites = []
    compiled: list[dict[Path, int]] = []
    temp = factory.mktemp(f"{kind}-temp")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TMPDIR", str(temp))  # where Jinja keeps the compiled templates
        for name, seed in (("eerste", "1"), ("tweede", "2")):
            folder = factory.mktemp(f"{kind}-{name}")
            project = copy_project(folder / "project")
            if kind == "gemeente":
                _add_local_layer(project)
            patch.setenv("PYTHONHASHSEED", seed)
            result = run_build(project, folder / f"site-{name}")
            assert result.returncode == 0, result.output
            sites.append(result.site)
            compiled.append({path: path.stat().st_mtime_ns for path in temp.rglob("*.cache")})
    assert len(compiled[0]) > 30, "the first build keeps the theme's compiled templates"
    # The second build reuses Material's compiled templates instead of compiling them again;
    # its project folder differs, so its own overrides are compiled under their new paths.
    reused = {path: compiled[1][path] for path in compiled[0]}
    assert reused == compiled[0], "the second build uses them instead of compiling again"
    return sites[0], sites[1]


@pytest.fixture(scope="module")
def upstream_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return _build_twice(tmp_path_factory, "upstream")


@pytest.fixture(scope="module")
def fork_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return _build_twice(tmp_path_factory, "gemeente")


BUILDS = pytest.mark.parametrize("builds", ["upstream_builds", "fork_builds"])


@BUILDS
def test_every_file_is_byte_identical(builds: str, request: pytest.FixtureRequest) -> None:
    first, second = (_files(site) for site in request.getfixturevalue(builds))
    assert sorted(first) == sorted(second)
    assert {"404.html", "sitemap.xml", "sitemap.xml.gz", "search/search_index.json"} <= set(first)
    assert [path for path in first if first[path] != second[path]] == []


@BUILDS
def test_compressed_sitemap_is_stamped_with_source_date_epoch(
    builds: str, request: pytest.FixtureRequest
) -> None:
    # Without this, two builds within the same second would also be identical.
    site = request.getfixturevalue(builds)[0]
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    compressed = (site / "sitemap.xml.gz").read_bytes()
    # The gzip header (RFC 1952) holds the modification time at bytes 4-8, little-endian.
    assert struct.unpack("<I", compressed[4:8])[0] == int(SOURCE_DATE_EPOCH)
    assert gzip.decompress(compressed).decode("utf-8") == sitemap


def test_fork_sitemap_dates_every_page_with_source_date_epoch(
    fork_builds: tuple[Path, Path],
) -> None:
    # Upstream has no web address, so its sitemap is empty; a fork's lists every page.
    site = fork_builds[0]
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    pages = [path for path in site.rglob("index.html") if path.parent != site / "search"]
    assert len(re.findall(r"<url>", sitemap)) == len(pages)
    assert set(re.findall(r"<lastmod>(.*?)</lastmod>", sitemap)) == {TEST_DATE.isoformat()}


def test_build_without_a_private_temp_folder_keeps_no_templates_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Jinja keeps compiled templates only in a folder of this user alone; here the name is taken.
    (tmp_path / f"_jinja2-cache-{os.getuid()}").write_text("geen map", encoding="utf-8")
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    result = run_build(copy_project(tmp_path / "project"))
    assert result.returncode == 0, result.output
    message = "INFO    -  Templates niet bewaard voor een volgende bouw (Jinja: Cannot determine"
    assert message in result.output
    assert (result.site / "index.html").is_file()
