"""`handboek check` and `handboek schema` as editors use them.

Output is `path:line: message` with a Dutch hint below it; the exit code is 1
with errors, 0 without (notices never fail), 2 when there is no content
folder. Whatever the file system holds, the command never shows a traceback.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from handboek import cli, schema
from handboek.local import atomic
from tests.conftest import ROOT, SOURCE_DATE_EPOCH
from tests.sample_content import ENVIRONMENT, PAGE, write_content

HANDBOEK = [sys.executable, "-c", "import sys; from handboek.cli import main; sys.exit(main())"]


def run_check(project: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str]:
    """`handboek check` in-process, from `project` as working directory."""
    previous = Path.cwd()
    os.chdir(project)
    try:
        code = cli.main(["check", *extra])
    finally:
        os.chdir(previous)
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def run_subprocess(project: Path, *arguments: str, timeout: float = 60) -> tuple[int, str]:
    completed = subprocess.run(
        [*HANDBOEK, *arguments],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH},
        check=False,
    )
    return completed.returncode, completed.stdout + completed.stderr


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH)  # 2026-12-01


def test_valid_content_passes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_content(tmp_path)
    assert run_check(tmp_path, capsys) == (0, "Alles in orde: geen fouten, geen meldingen.\n")


def test_every_problem_is_printed_with_path_line_and_hint(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = ENVIRONMENT.replace("volgorde: 1", "volgorde: nul").replace(
        "## Wat werkt (en wat niet)?", "## Wat werkt?"
    )
    write_content(tmp_path, {"omgevingen/voorbeeld.md": broken, "over.md": PAGE + "[x](y.md)\n"})
    code, output = run_check(tmp_path, capsys)
    assert code == 1
    assert output == (
        "content/omgevingen/voorbeeld.md:4: het veld 'volgorde' moet geheel getal zijn, "
        "maar is tekst\n"
        "    tip: schrijf een heel getal, bijvoorbeeld: volgorde: 2\n"
        "content/omgevingen/voorbeeld.md:27: onbekend onderdeel '## Wat werkt?'\n"
        "    tip: bedoelde je '## Wat werkt (en wat niet)?'?\n"
        "content/over.md:9: de link 'y.md' wijst naar een pagina die niet bestaat\n"
        "    tip: pagina's: afdrukken.md, index.md, omgevingen/voorbeeld.md, open-data.md, "
        "over.md, overzicht.md, zelfscan.md\n"
        "3 fouten, 0 meldingen\n"
    )


def test_pages_due_for_review_are_listed_but_do_not_fail(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    late = PAGE.replace("volgende_beoordeling: 2027-01-15", "volgende_beoordeling: 2026-11-30")
    write_content(tmp_path, {"over.md": late})
    code, output = run_check(tmp_path, capsys)
    assert code == 0
    assert output == (
        "content/over.md:6: let op: de pagina had op 2026-11-30 opnieuw beoordeeld moeten "
        "worden\n"
        "    tip: laat Redactie Gemeente Voorbeeld de inhoud nakijken en zet daarna "
        "'laatst_beoordeeld' en 'volgende_beoordeling' op nieuwe datums\n"
        "0 fouten, 1 melding\n"
        "\n"
        "Te beoordelen (de eigenaar kijkt de inhoud na):\n"
        "  content/over.md\n"
    )


def test_review_notices_follow_source_date_epoch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write_content(tmp_path)
    monkeypatch.setenv(
        "SOURCE_DATE_EPOCH", str(int(dt.datetime(2027, 1, 16, tzinfo=dt.UTC).timestamp()))
    )
    code, output = run_check(tmp_path, capsys)
    assert code == 0
    assert output.endswith(
        "0 fouten, 2 meldingen\n\nTe beoordelen (de eigenaar kijkt de inhoud na):\n"
        "  content/index.md\n  content/omgevingen/voorbeeld.md\n"
    )


def test_another_content_folder_can_be_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = write_content(tmp_path)
    content.rename(tmp_path / "inhoud")
    code, output = run_check(tmp_path, capsys, "--inhoud", "inhoud")
    assert (code, output) == (0, "Alles in orde: geen fouten, geen meldingen.\n")


def test_a_missing_content_folder_is_explained(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_check(tmp_path, capsys) == (
        2,
        "content: map niet gevonden\n"
        "    tip: ga naar de hoofdmap van de repository en start daar: "
        ".venv/bin/handboek check\n",
    )


def test_a_content_folder_that_is_a_file_is_explained(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "content").write_text("geen map", encoding="utf-8")
    code, output = run_check(tmp_path, capsys)
    assert (code, output.splitlines()[0]) == (2, "content: map niet gevonden")


def test_an_empty_content_folder_reports_the_missing_pages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "content").mkdir()
    code, output = run_check(tmp_path, capsys)
    assert code == 1
    assert [line for line in output.splitlines() if not line.startswith("    ")] == [
        "content/index.md:1: de startpagina ontbreekt",
        "content/omgevingen/:1: er is geen enkele omgeving",
        "2 fouten, 0 meldingen",
    ]


# --- unexpected file system states: reported, never a traceback ---------------------


NOT_A_FILE = (
    "dit is geen gewoon bestand (bijvoorbeeld een snelkoppeling naar een bestand dat niet bestaat)"
)


def test_a_broken_symbolic_link_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = write_content(tmp_path)
    (content / "weg.md").symlink_to(tmp_path / "bestaat-niet.md")
    code, output = run_check(tmp_path, capsys)
    assert code == 1
    assert output.splitlines()[0] == f"content/weg.md:1: {NOT_A_FILE}"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need a POSIX system")
def test_a_named_pipe_is_reported_without_hanging(tmp_path: Path) -> None:
    content = write_content(tmp_path)
    os.mkfifo(content / "pijp.md")
    code, output = run_subprocess(tmp_path, "check", timeout=60)
    assert code == 1
    assert "Traceback" not in output
    assert output.splitlines()[0] == f"content/pijp.md:1: {NOT_A_FILE}"


def test_a_folder_named_like_a_page_is_just_a_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = write_content(tmp_path)
    (content / "map.md").mkdir()
    assert run_check(tmp_path, capsys)[0] == 0


def test_a_symbolic_link_loop_is_not_followed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Not followed, and (issue #10) reported: a link could publish files from anywhere.
    content = write_content(tmp_path)
    (content / "omgevingen" / "lus").symlink_to(content, target_is_directory=True)
    code, output = run_check(tmp_path, capsys)
    assert code == 1
    assert output.splitlines()[0] == (
        "content/omgevingen/lus:1: dit is een snelkoppeling (symbolische link); de site neemt "
        "alleen gewone bestanden op"
    )


def test_an_unreadable_file_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Tests may run as root, who can read anything; so make reading fail for one file.
    content = write_content(tmp_path)
    original = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "index.md":
            raise PermissionError(13, "Permission denied")
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    code, output = run_check(tmp_path, capsys)
    assert code == 1
    assert output.splitlines()[:2] == [
        "content/index.md:1: het bestand kan niet gelezen worden (Permission denied)",
        "    tip: controleer of het bestand bestaat en of je het mag lezen",
    ]
    assert (content / "index.md").is_file()


def test_binary_junk_is_reported_as_not_utf8(tmp_path: Path) -> None:
    write_content(tmp_path, {"over.md": bytes(range(256))})
    code, output = run_subprocess(tmp_path, "check")
    assert (code, "Traceback" in output) == (1, False)
    # bytes 0-127 are valid UTF-8; byte 128 comes after the newline (byte 10), on line 2
    assert output.splitlines()[0] == "content/over.md:2: het bestand is geen geldige UTF-8-tekst"


# --- the real handbook -----------------------------------------------------------------


def test_the_real_content_passes_as_a_command() -> None:
    code, output = run_subprocess(ROOT, "check")
    assert code == 0, output
    assert "0 fouten" in output or output == "Alles in orde: geen fouten, geen meldingen.\n"


# What `handboek check` must not load: the renderer and the build's libraries, and the
# package's own stages after the check (issue #17: a check loads only what it needs; its
# time is measured by scripts/benchmark.py, not here).
NOT_FOR_THE_CHECK = ("markdown", "jinja2", "mkdocs", "material", "tinycss2", "defusedxml")
NOT_FOR_THE_CHECK_OWN = (
    "render",
    "audit",
    "csp",
    "build",
    "opendata",
    "selfscan",
    "search",
    "search_index",
)
_LOADED = (
    "import os, sys\n"
    "from handboek.cli import main\n"
    "code = main(['check'])\n"
    "print(' '.join(sorted(sys.modules)), file=sys.stderr)\n"
    "sys.exit(code)\n"
)


def test_the_check_loads_neither_the_renderer_nor_the_build() -> None:
    completed = subprocess.run(
        [sys.executable, "-c", _LOADED],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH},
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    loaded = completed.stderr.split()
    assert "handboek.check" in loaded  # the list is the one of a check that ran
    assert [name for name in loaded if name.split(".")[0] in NOT_FOR_THE_CHECK] == []
    own = [name.removeprefix("handboek.") for name in loaded if name.startswith("handboek.")]
    assert [name for name in own if name.split(".")[0] in NOT_FOR_THE_CHECK_OWN] == []


# --- handboek schema --------------------------------------------------------------------


def test_schema_writes_every_schema(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    names = (
        "omgeving.schema.json",
        "pagina.schema.json",
        "lokaal-gemeente.schema.json",
        "lokaal-omgeving.schema.json",
    )
    assert cli.main(["schema", "--map", str(tmp_path / "s")]) == 0
    assert capsys.readouterr().out == "".join(
        f"geschreven: {(tmp_path / 's' / name).as_posix()}\n" for name in names
    )
    for name in names:
        assert (tmp_path / "s" / name).read_text(encoding="utf-8") == schema.schema_text(name)


def test_schema_can_show_one_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["schema", "--toon", "pagina.schema.json"]) == 0
    assert capsys.readouterr().out == schema.schema_text("pagina.schema.json")


def test_schema_explains_a_folder_it_cannot_write(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "bestand").write_text("geen map", encoding="utf-8")
    assert cli.main(["schema", "--map", str(tmp_path / "bestand")]) == 2
    assert capsys.readouterr().err == (
        f"{tmp_path / 'bestand'}: kan de schema's niet schrijven (File exists); geen bestand "
        "is half geschreven\n"
        "    tip: kies met --map een map waarin je mag schrijven, of maak ruimte vrij als de "
        "schijf vol is\n"
    )


def test_schema_leaves_a_file_that_is_up_to_date_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["schema", "--map", str(tmp_path)]) == 0
    capsys.readouterr()
    written = {file.name: file.stat().st_mtime_ns for file in tmp_path.iterdir()}
    assert cli.main(["schema", "--map", str(tmp_path)]) == 0
    assert capsys.readouterr().out == "".join(
        f"al bijgewerkt: {(tmp_path / name).as_posix()}\n" for name in schema.schema_files()
    )
    assert {file.name: file.stat().st_mtime_ns for file in tmp_path.iterdir()} == written


def test_schema_with_a_full_disk_keeps_the_old_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    name = next(iter(schema.schema_files()))
    old = tmp_path / name
    old.write_bytes(b'{"oud": true}\n')

    def half_then_full(handle: int, data: memoryview) -> int:
        os.write(handle, bytes(data[: len(data) // 2]))
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic, "_write", half_then_full)
    assert cli.main(["schema", "--map", str(tmp_path)]) == 2
    assert capsys.readouterr().err.startswith(
        f"{tmp_path}: kan de schema's niet schrijven ({os.strerror(errno.ENOSPC)}); geen "
        "bestand is half geschreven\n"
    )
    assert old.read_bytes() == b'{"oud": true}\n'
    assert [file.name for file in tmp_path.iterdir()] == [name]  # no temporary file left


def test_schema_keeps_the_line_endings_of_the_file_it_replaces(tmp_path: Path) -> None:
    name = next(iter(schema.schema_files()))
    (tmp_path / name).write_bytes(b'{\r\n  "oud": true\r\n}\r\n')  # a Windows checkout
    assert cli.main(["schema", "--map", str(tmp_path)]) == 0
    expected = schema.schema_text(name).replace("\n", "\r\n").encode("utf-8")
    assert (tmp_path / name).read_bytes() == expected
