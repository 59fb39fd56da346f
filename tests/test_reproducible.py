"""Two builds of the same content with SOURCE_DATE_EPOCH are byte-identical.

The two builds run from copies of the project in different folders, into
different site folders, with different hash seeds, so neither an absolute
path nor set or dict order can leak into the output unnoticed. Every file is
compared byte for byte, including sitemap.xml.gz, whose gzip header holds a
time stamp.
"""

from __future__ import annotations

import gzip
import struct
from pathlib import Path

import pytest

from tests.conftest import SOURCE_DATE_EPOCH, copy_project, run_build


def _files(site: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    sites = []
    with pytest.MonkeyPatch.context() as patch:
        for name, seed in (("eerste", "1"), ("tweede", "2")):
            folder = tmp_path_factory.mktemp(name)
            patch.setenv("PYTHONHASHSEED", seed)
            result = run_build(copy_project(folder / "project"), folder / f"site-{name}")
            assert result.returncode == 0, result.output
            sites.append(result.site)
    return sites[0], sites[1]


def test_every_file_is_byte_identical(two_builds: tuple[Path, Path]) -> None:
    first, second = (_files(site) for site in two_builds)
    assert sorted(first) == sorted(second)
    assert {"404.html", "sitemap.xml", "sitemap.xml.gz", "search/search_index.json"} <= set(first)
    assert [path for path in first if first[path] != second[path]] == []


def test_compressed_sitemap_is_stamped_with_source_date_epoch(
    two_builds: tuple[Path, Path],
) -> None:
    # Without this, two builds within the same second would also be identical.
    site = two_builds[0]
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    compressed = (site / "sitemap.xml.gz").read_bytes()
    # The gzip header (RFC 1952) holds the modification time at bytes 4-8, little-endian.
    assert struct.unpack("<I", compressed[4:8])[0] == int(SOURCE_DATE_EPOCH)
    assert gzip.decompress(compressed).decode("utf-8") == sitemap
