"""Removing or breaking a required part stops the build with an exact Dutch message.

Each test edits a copy of the real content (see `project_copy`), then runs the
real strict build or the content check, and asserts the complete report.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from handboek.check import check_content
from handboek.model import PARTS, PartSpec
from handboek.problems import report
from tests.conftest import run_build

ENVIRONMENT = "content/omgevingen/verenigingen.md"
PART_LIST = "\n".join(f"    ## {spec.title}" for spec in PARTS)


def _edit(project: Path, old: str, new: str) -> str:
    file = project / ENVIRONMENT
    text = file.read_text(encoding="utf-8")
    assert old in text
    file.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text


def _line_of(project: Path, needle: str) -> int:
    lines = (project / ENVIRONMENT).read_text(encoding="utf-8").split("\n")
    return next(number for number, line in enumerate(lines, 1) if line.startswith(needle))


def _section(text: str, spec: PartSpec) -> str:
    match = re.search(rf"^## {re.escape(spec.title)}\n.*?(?=^## |\Z)", text, re.S | re.M)
    assert match
    return match.group(0)


def _errors_of_build(project: Path) -> tuple[int, str]:
    result = run_build(project)
    assert "Traceback" not in result.output
    assert not (project / "site").exists(), "een mislukte bouw mag geen site achterlaten"
    report_start = result.output.index("De inhoud bevat fouten; de site is niet gebouwd.")
    return result.returncode, result.output[report_start:].split("\n", 1)[1].strip()


@pytest.mark.parametrize("spec", PARTS, ids=lambda spec: spec.key)
def test_removing_a_part_stops_the_build(project_copy: Path, spec: PartSpec) -> None:
    text = (project_copy / ENVIRONMENT).read_text(encoding="utf-8")
    section = _section(text, spec)
    following = text[text.index(section) + len(section) :]
    _edit(project_copy, section, "")
    if following:
        line = _line_of(project_copy, following.split("\n", 1)[0])
    else:
        line = len((project_copy / ENVIRONMENT).read_text(encoding="utf-8").splitlines())
    returncode, output = _errors_of_build(project_copy)
    assert returncode == 1
    assert output == (
        f"{ENVIRONMENT}:{line}: het verplichte onderdeel '## {spec.title}' ontbreekt\n"
        "    tip: een omgeving heeft precies deze onderdelen, in deze volgorde:\n"
        f"{PART_LIST}\n"
        "1 fout, 0 meldingen"
    )


@pytest.mark.parametrize("spec", PARTS, ids=lambda spec: spec.key)
def test_emptying_a_part_is_reported(project_copy: Path, spec: PartSpec) -> None:
    text = (project_copy / ENVIRONMENT).read_text(encoding="utf-8")
    _edit(project_copy, _section(text, spec), f"## {spec.title}\n\n")
    result = check_content(project_copy / "content", project_copy)
    assert result.handbook is None
    line = _line_of(project_copy, f"## {spec.title}")
    expected = [f"{ENVIRONMENT}:{line}: het onderdeel '## {spec.title}' is leeg"]
    assert [f"{p.path}:{p.line}: {p.message}" for p in result.problems] == expected


def test_every_problem_is_reported_not_only_the_first(project_copy: Path) -> None:
    _edit(project_copy, "eigenaar: Redactie handreiking\n", "")
    _edit(project_copy, "    - Speelse leeromgeving\n", "    - \n")
    _edit(project_copy, "## Wat werkt (en wat niet)?", "## Wat werkt?")
    _edit(project_copy, ">\n> — Verenigingsondersteuner\n", "")
    unknown = _line_of(project_copy, "## Wat werkt?")
    quote = _line_of(project_copy, "> Wij hebben de taak")
    returncode, output = _errors_of_build(project_copy)
    assert returncode == 1
    assert output == (
        f"{ENVIRONMENT}:2: het verplichte veld 'eigenaar' ontbreekt\n"
        "    tip: voeg toe: eigenaar: <tekst>. Wie de pagina inhoudelijk beheert "
        "(een rol of team).\n"
        f"{ENVIRONMENT}:9: 'overzicht.meerwaarde (punt 1)' is leeg\n"
        "    tip: vul een tekst in\n"
        f"{ENVIRONMENT}:{unknown}: onbekend onderdeel '## Wat werkt?'\n"
        "    tip: bedoelde je '## Wat werkt (en wat niet)?'?\n"  # and not "missing" as well
        f"{ENVIRONMENT}:{quote}: bij het citaat staat niet wie het zei\n"
        "    tip: schrijf een citaat zo:\n"
        "    > De tekst van het citaat.\n"
        "    >\n"
        "    > — Rol van de spreker\n"
        "4 fouten, 0 meldingen"
    )


def test_a_misspelt_heading_is_one_error_at_its_own_line(project_copy: Path) -> None:
    _edit(project_copy, "## Wat werkt (en wat niet)?", "## Wat werkt (en wat niet)")
    line = _line_of(project_copy, "## Wat werkt (en wat niet)")
    returncode, output = _errors_of_build(project_copy)
    assert returncode == 1
    assert output == (
        f"{ENVIRONMENT}:{line}: onbekend onderdeel '## Wat werkt (en wat niet)'\n"
        "    tip: bedoelde je '## Wat werkt (en wat niet)?'?\n"
        "1 fout, 0 meldingen"
    )


def test_a_misspelt_heading_next_to_the_right_one_is_not_hidden(project_copy: Path) -> None:
    # The part is there, so the misspelt copy is an unknown heading and nothing is missing.
    _edit(
        project_copy,
        "## Uit de praktijk",
        "## Wat werkt (en wat niet)\n\nTekst.\n\n## Uit de praktijk",
    )
    lines = (project_copy / ENVIRONMENT).read_text(encoding="utf-8").split("\n")
    line = lines.index("## Wat werkt (en wat niet)") + 1
    returncode, output = _errors_of_build(project_copy)
    assert returncode == 1
    assert output == (
        f"{ENVIRONMENT}:{line}: onbekend onderdeel '## Wat werkt (en wat niet)'\n"
        "    tip: bedoelde je '## Wat werkt (en wat niet)?'?\n"
        "1 fout, 0 meldingen"
    )


def test_broken_yaml_is_reported_not_swallowed(project_copy: Path) -> None:
    _edit(project_copy, "volgorde: 2\n", "volgorde: [2\n")
    returncode, output = _errors_of_build(project_copy)
    assert returncode == 1
    assert output == (
        f"{ENVIRONMENT}:4: de front matter is geen geldige YAML: een lijst tussen '[' en ']' "
        "wordt niet gesloten\n"
        "    tip: controleer dubbele punten, inspringing en aanhalingstekens op deze regel of de "
        "regel erboven; zet tekst met ':' of '#' tussen aanhalingstekens\n"
        "1 fout, 0 meldingen"
    )


def test_non_utf8_file_is_reported(project_copy: Path) -> None:
    file = project_copy / ENVIRONMENT
    file.write_bytes(file.read_bytes().replace("Eén".encode(), "Eén".encode("latin-1"), 1))
    data = file.read_bytes()
    if "Eén".encode("latin-1") not in data:
        file.write_bytes(data.replace(b"Denk aan", "Dénk aan".encode("latin-1"), 1))
    returncode, output = _errors_of_build(project_copy)
    assert returncode == 1
    assert re.fullmatch(
        rf"{ENVIRONMENT}:\d+: het bestand is geen geldige UTF-8-tekst\n"
        "    tip: sla het bestand op met de tekenset 'UTF-8'\n"
        "1 fout, 0 meldingen",
        output,
    )


def test_report_lists_problems_sorted_by_file_and_line(project_copy: Path) -> None:
    _edit(project_copy, "volgorde: 2\n", "volgorde: 1\n")
    result = check_content(project_copy / "content", project_copy)
    assert report(result.problems) == (
        "content/omgevingen/buurtgemeenschappen.md:4: 'volgorde: 1' wordt ook gebruikt door "
        f"{ENVIRONMENT}\n"
        "    tip: geef elke omgeving een eigen nummer\n"
        f"{ENVIRONMENT}:4: 'volgorde: 1' wordt ook gebruikt door "
        "content/omgevingen/buurtgemeenschappen.md\n"
        "    tip: geef elke omgeving een eigen nummer\n"
        "2 fouten, 0 meldingen"
    )
