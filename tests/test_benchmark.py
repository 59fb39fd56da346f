"""scripts/benchmark.py: its synthetic content is valid and both builds run.

No timing is asserted here (the machine may be busy); the numbers come from
running the script itself, see the notes in its docstring.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import pytest

from handboek.check import check_content
from tests.conftest import ROOT, load_benchmark

benchmark = load_benchmark()


def test_generated_content_passes_the_check(tmp_path: Path) -> None:
    layout = benchmark.Layout.of(100, 10, local=True)
    project = benchmark.write_project(tmp_path / "project", layout)
    pages = sorted(
        path.relative_to(project).as_posix()
        for folder in ("content", "lokaal")
        for path in (project / folder).rglob("*.md")
    )
    assert len(pages) == 100
    assert [page for page in pages if page.startswith("content/omgevingen/")] == [
        f"content/omgevingen/omgeving-{number:02d}.md" for number in range(1, 11)
    ]
    assert [page for page in pages if page.startswith("lokaal/")] == [
        "lokaal/paginas/contact.md",
        *(f"lokaal/paginas/pagina-{number:02d}.md" for number in range(1, 5)),
    ]
    result = check_content(project / "content", project)
    assert [problem.format() for problem in result.problems] == []
    assert result.handbook is not None
    assert [len(environment.quotes) for environment in result.handbook.environments] == [3] * 10


def test_layout_needs_room_for_the_environments() -> None:
    assert benchmark.Layout.of(10, 10) == benchmark.Layout(pages=10, environments=3)
    assert benchmark.Layout.of(1000, 10).ordinary == 989
    assert benchmark.Layout.of(1000, 10, local=True) == benchmark.Layout(1000, 10, 50)
    assert benchmark.Layout.of(100, 10, short=True) == benchmark.Layout(100, 10, 0, short=True)
    with pytest.raises(ValueError, match="at least 5 pages needed, got 4"):
        benchmark.Layout.of(4, 10, local=True)


def test_config_without_hooks_differs_only_by_the_hooks_list() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    changes = [
        line
        for line in difflib.ndiff(config.splitlines(), benchmark.without_hooks(config).splitlines())
        if line[:1] in "+-"
    ]
    assert changes == ["- hooks:", "-   - hooks/handboek_hook.py"]
    with pytest.raises(ValueError, match=r"expected one 'hooks:' list in mkdocs\.yml, found 0"):
        benchmark.without_hooks("site_name: Zonder hooks\n")


def test_short_pages_have_one_section_and_still_pass_the_check(tmp_path: Path) -> None:
    project = benchmark.write_project(tmp_path / "kort", benchmark.Layout.of(30, 3, short=True))
    page = (project / "content" / "thema-01" / "pagina-02.md").read_text(encoding="utf-8")
    assert re.findall(r"^#+ .*$", page, re.MULTILINE) == ["## Onderdeel 1"]
    assert 40 < len(page.split("---", 2)[2].split()) < 100  # words in the body
    result = check_content(project / "content", project)
    assert [problem.format() for problem in result.problems] == []


def test_benchmark_builds_with_and_without_hooks_and_stock_material(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    arguments = ["--pages", "10", "--short-pages", "--runs", "1", "--lokaal"]
    assert benchmark.main([*arguments, "--keep", str(tmp_path)]) == 0
    output = capsys.readouterr().out.splitlines()
    time = r"\d+\.\d\d \(\d+\.\d\d\)"
    check = r"\d+\.\d{3} \(\d+\.\d{3}\)"
    assert len(output) == 5, output  # header, separator, one row, empty line, note
    assert re.fullmatch(
        rf"\| 10 \| full \| 3 \| 1 \| {time} \| {time} \| {time} \| [+-]\d+% \([+-]\d+%\) "
        rf"\| \d+\.\d\d \(\+\d+\.\d%\) \| {time} \| {check} "
        rf"\| {time} \| \d+ / \d+ / \d+ \|",
        output[2],
    ), output
    assert "| 0.00 (+0.0%) |" not in output[2]  # the hook reported the audit's time
    # The build with hooks has the generated overview and the local pages; without, neither.
    assert (tmp_path / "site-10-0" / "overzicht" / "index.html").is_file()
    assert (tmp_path / "site-10-0" / "gemeente" / "contact" / "index.html").is_file()
    assert (tmp_path / "first-10-0" / "overzicht" / "index.html").is_file()
    assert list((tmp_path / "temp-10-0").rglob("*.cache")), "the first build kept its templates"
    for other in ("plain-10-0", "stock-10-0"):
        assert (tmp_path / other / "index.html").is_file()
        assert not (tmp_path / other / "overzicht").exists()
        assert not (tmp_path / other / "gemeente").exists()
    # Stock Material: none of our overrides (no review line, no lazy search).
    stock_page = (tmp_path / "stock-10-0" / "index.html").read_text(encoding="utf-8")
    assert "Laatst beoordeeld" not in stock_page
    assert "Laatst beoordeeld" in (tmp_path / "site-10-0" / "index.html").read_text("utf-8")
