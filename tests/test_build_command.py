"""`handboek bouw` replaces the site only with a complete, strict build.

Each test puts a "previous site" in place, runs the real command as a
subprocess (as an editor or CI would), and checks that a failed build leaves
that site byte-identical and no temporary folder behind.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from handboek import build
from tests.conftest import PROJECT_PARTS, build_environment

PREVIOUS_SITE = {
    "index.html": b"<p>de vorige site</p>\n",
    "assets/oud.css": b"body { color: black; }\n",
}


@dataclass(frozen=True)
class Run:
    returncode: int
    stdout: str
    stderr: str


def _run_bouw(project: Path, *arguments: str) -> Run:
    completed = subprocess.run(
        [sys.executable, "-m", "handboek.cli", "bouw", *arguments],
        cwd=project,
        capture_output=True,
        text=True,
        env=build_environment(),
        check=False,
    )
    return Run(completed.returncode, completed.stdout, completed.stderr)


def _files(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in folder.rglob("*")
        if path.is_file()
    }


def _put_previous_site(site: Path) -> None:
    for name, data in PREVIOUS_SITE.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_bytes(data)


def _entries(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def test_good_build_replaces_previous_site(project_copy: Path) -> None:
    _put_previous_site(project_copy / "site")
    run = _run_bouw(project_copy)
    assert run.returncode == 0, run.stderr
    assert run.stdout == "De site staat klaar in site/.\n"
    site = project_copy / "site"
    files = _files(site)
    assert "assets/oud.css" not in files
    assert {"index.html", "404.html", "sitemap.xml", "overzicht/index.html"} <= set(files)
    assert b"Informele ondersteuners in de sociale basis" in files["index.html"]
    # The site folder gets normal permissions, as if MkDocs had made it.
    assert stat.S_IMODE(site.stat().st_mode) == 0o777 & ~_umask()
    assert _entries(project_copy) == sorted([*PROJECT_PARTS, "site"])


def test_content_error_leaves_previous_site_untouched(project_copy: Path) -> None:
    _put_previous_site(project_copy / "site")
    page = project_copy / "content" / "omgevingen" / "verenigingen.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(
        text.replace("## Wie zijn de bruggenbouwers?", "## Bruggenbouwers"), encoding="utf-8"
    )
    line = text[: text.index("## Wie zijn de bruggenbouwers?")].count("\n") + 1

    run = _run_bouw(project_copy)

    assert run.returncode == 1
    assert "De inhoud bevat fouten; de site is niet gebouwd." in run.stderr
    assert (
        f"content/omgevingen/verenigingen.md:{line}: onbekend onderdeel '## Bruggenbouwers'\n"
        "    tip: bedoelde je '## Wie zijn de bruggenbouwers?'?\n"
    ) in run.stderr
    assert "1 fout, 0 meldingen\n"  # one mistake, one error in run.stderr
    assert "Traceback" not in run.stderr
    assert run.stderr.endswith("De bouw is mislukt (zie hierboven); site/ is niet veranderd.\n")
    assert run.stdout == "\nAborted with a BuildError!\n"
    assert _files(project_copy / "site") == PREVIOUS_SITE
    assert _entries(project_copy) == sorted([*PROJECT_PARTS, "site"])


# A hook that warns only after MkDocs has written the whole site, and notes what it saw.
WARNING_HOOK = """\
import logging
from pathlib import Path


def on_post_build(*, config):
    written = (Path(config.site_dir) / "index.html").is_file()
    Path("gezien.txt").write_text(f"site geschreven: {written}", encoding="utf-8")
    logging.getLogger("mkdocs.hooks.test").warning("Waarschuwing na het schrijven")
"""


def test_strict_warning_leaves_previous_site_untouched(project_copy: Path) -> None:
    # With --strict, MkDocs writes the whole site and only then stops on warnings
    # (broken links that only MkDocs sees, theme warnings, ...). The warning hook comes
    # in through a fork's own config file, as FORKING.md describes.
    _put_previous_site(project_copy / "publiek")
    (project_copy / "hooks" / "waarschuwing.py").write_text(WARNING_HOOK, encoding="utf-8")
    (project_copy / "mkdocs-test.yml").write_text(
        "INHERIT: mkdocs.yml\nhooks:\n  - hooks/handboek_hook.py\n  - hooks/waarschuwing.py\n",
        encoding="utf-8",
    )

    run = _run_bouw(project_copy, "--doel", "publiek", "--instellingen", "mkdocs-test.yml")

    assert run.returncode == 1
    assert (project_copy / "gezien.txt").read_text(encoding="utf-8") == "site geschreven: True"
    assert "WARNING -  Waarschuwing na het schrijven\n" in run.stderr
    assert run.stdout == "\nAborted with 1 warnings in strict mode!\n"
    assert "Traceback" not in run.stderr
    assert run.stderr.endswith("De bouw is mislukt (zie hierboven); publiek/ is niet veranderd.\n")
    assert _files(project_copy / "publiek") == PREVIOUS_SITE
    assert _entries(project_copy) == sorted(
        [*PROJECT_PARTS, "gezien.txt", "mkdocs-test.yml", "publiek"]
    )


def test_failed_first_build_makes_no_site(project_copy: Path) -> None:
    (project_copy / "content" / "index.md").write_text("# Geen front matter\n", encoding="utf-8")
    run = _run_bouw(project_copy)
    assert run.returncode == 1
    assert "De inhoud bevat fouten; de site is niet gebouwd." in run.stderr
    assert _entries(project_copy) == sorted(PROJECT_PARTS)


@pytest.mark.parametrize(
    ("target", "problem"),
    [
        (".", "dit is de map van het project zelf (of een map erboven)"),
        ("..", "dit is de map van het project zelf (of een map erboven)"),
        ("mkdocs.yml", "dit is een bestand, geen map"),
        ("content", "deze map is geen gebouwde site (er staat geen index.html in)"),
    ],
)
def test_a_target_that_is_not_a_site_is_refused(
    project_copy: Path, target: str, problem: str
) -> None:
    before = _files(project_copy)
    run = _run_bouw(project_copy, "--doel", target)
    assert run.returncode == 2
    assert run.stderr == (
        f"{target}: {problem}; de site is niet gebouwd\n"
        "    tip: kies met --doel een nieuwe map of de map van een eerdere site\n"
    )
    assert _files(project_copy) == before
    assert _entries(project_copy) == sorted(PROJECT_PARTS)


def test_swap_restores_previous_site_when_new_one_cannot_move_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site, fresh = tmp_path / "site", tmp_path / "nieuw"
    _put_previous_site(site)
    fresh.mkdir()
    rename = Path.rename

    def failing_rename(self: Path, target: Path) -> Path:
        if self == fresh:
            raise OSError("schijf vol")
        return rename(self, target)

    monkeypatch.setattr(Path, "rename", failing_rename)
    with pytest.raises(OSError, match="schijf vol"):
        build._swap_in(fresh, site)
    assert _files(site) == PREVIOUS_SITE
    assert _entries(tmp_path) == ["nieuw", "site"]


def test_the_pdf_gets_the_same_table_cell_ids_whatever_chromium_counted() -> None:
    """Chromium numbers the ids of table cells from a counter that depends on timing; the build
    numbers them in their own order, with the same length (a byte-reproducible PDF)."""
    from handboek import build

    first = b"<< /ID (node00000286) >> << /Headers [(node00000286)] /ID (node00000290) >>"
    second = first.replace(b"00000286", b"00000287").replace(b"00000290", b"00000291")
    stable = build._stable_node_ids(first)
    assert stable == build._stable_node_ids(second)
    assert stable == b"<< /ID (node00000000) >> << /Headers [(node00000000)] /ID (node00000001) >>"
    assert len(stable) == len(first)
