"""Measure the site build at 10, 100 and 1,000 pages: time, hook overhead, check, memory.

    .venv/bin/python scripts/benchmark.py [--pages 10 100 1000] [--runs 3]

For each size the script writes a synthetic project into a temporary folder:
this repository's mkdocs.yml, hooks and overrides, and generated content in
the project's own format (environment pages with all five parts, quotes and
the `overzicht` front matter; the rest ordinary pages in topic folders, with
links between them). Then, `--runs` times each, interleaved:

- the strict build with our hooks (`python -m mkdocs build --strict`);
- the same strict build with a generated config without `hooks:` (the
  environment pages then build as plain Markdown, without generated pages);
- the content check in-process (`load.check_content`, what `handboek check`
  and the hook's on_pre_build run).

It prints one Markdown table with the medians: wall-clock seconds of each
build (Python start-up included), the hooks' share, the check, and the peak
memory (max RSS) of each build process. Every build must succeed; a failed
build stops the script with MkDocs' output.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from handboek import load
from handboek.model import ENVIRONMENTS_FOLDER, PARTS, QUOTES_PART, START_PAGE_PATH
from handboek.schema import OVERVIEW_FIELDS

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("mkdocs.yml", "hooks", "overrides")
NO_HOOKS_CONFIG = "mkdocs-zonder-hooks.yml"
# A fixed build date, so review notices and page dates never depend on "today".
SOURCE_DATE_EPOCH = "1796083200"  # 2026-12-01 00:00 UTC
PAGES_PER_TOPIC = 20
_VOCABULARY = """
gemeente vrijwilliger buurt gezin kinderen ondersteuning vereniging wijkteam contact
signaal training ouder jongeren ontmoeting netwerk samenwerking beleid praktijk
opvoeden opgroeien maatje steunouder sport activiteit begeleiding vertrouwen school
welzijn professional buurthuis aanpak ruimte tijd kennis advies verbinding
"""
WORDS = _VOCABULARY.split()
_HOOKS_BLOCK = re.compile(r"^hooks:[ \t]*\n(?:[ \t]+-.*\n)+", re.MULTILINE)


@dataclass(frozen=True)
class Layout:
    """How many pages of each kind a synthetic project of `pages` pages has."""

    pages: int
    environments: int

    @property
    def ordinary(self) -> int:
        return self.pages - self.environments - 1  # minus the start page

    @classmethod
    def of(cls, pages: int, max_environments: int) -> Layout:
        environments = min(max_environments, max(3, pages // 10))
        if pages < environments + 1:
            raise ValueError(f"at least {environments + 1} pages needed, got {pages}")
        return cls(pages, environments)


@dataclass(frozen=True)
class Row:
    layout: Layout
    build_hooks: float
    build_plain: float
    check: float
    memory_hooks: float  # MiB
    memory_plain: float


def write_project(target: Path, layout: Layout) -> Path:
    """A buildable project at `target`: our config, hooks and overrides, synthetic content."""
    target.mkdir(parents=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part)
        else:
            shutil.copy2(source, target / part)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (target / NO_HOOKS_CONFIG).write_text(without_hooks(config), encoding="utf-8")
    write_content(target / "content", layout)
    return target


def without_hooks(config: str) -> str:
    """The MkDocs config text with its `hooks:` list removed (and nothing else changed)."""
    result, count = _HOOKS_BLOCK.subn("", config)
    if count != 1:
        raise ValueError(f"expected one 'hooks:' list in mkdocs.yml, found {count}")
    return result


def write_content(content: Path, layout: Layout) -> None:
    rng = random.Random(layout.pages)
    environments = [f"omgeving-{number:02d}" for number in range(1, layout.environments + 1)]
    topics = [
        (f"thema-{index // PAGES_PER_TOPIC + 1:02d}", f"pagina-{index % PAGES_PER_TOPIC + 1:02d}")
        for index in range(layout.ordinary)
    ]
    _write(content / START_PAGE_PATH, _start_page(rng, environments, topics))
    for number, slug in enumerate(environments, start=1):
        _write(content / ENVIRONMENTS_FOLDER / f"{slug}.md", _environment_page(rng, number))
    for index, (topic, page) in enumerate(topics):
        previous = topics[index - 1] if index else None
        link_to_previous = (
            _relative((topic, page), previous) if previous else f"../{START_PAGE_PATH}"
        )
        environment = environments[index % len(environments)]
        _write(
            content / topic / f"{page}.md",
            _ordinary_page(rng, index + 1, link_to_previous, environment),
        )


def _relative(here: tuple[str, str], there: tuple[str, str]) -> str:
    folder = "" if here[0] == there[0] else f"../{there[0]}/"
    return f"{folder}{there[1]}.md#onderdeel-1"


def _front_matter(title: str, description: str, extra: str = "") -> str:
    return (
        f"---\ntitel: {title}\nbeschrijving: {description}\neigenaar: Redactie meting\n"
        f"laatst_beoordeeld: 2026-11-01\nvolgende_beoordeling: 2027-11-01\n{extra}---\n\n"
    )


def _sentence(rng: random.Random, words: int = 14) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def _paragraph(rng: random.Random, sentences: int = 4) -> str:
    return " ".join(_sentence(rng) for _ in range(sentences))


def _list(rng: random.Random, items: int = 4) -> str:
    return "\n".join(f"- **{_sentence(rng, 3)[:-1]}.** {_sentence(rng)}" for _ in range(items))


def _start_page(rng: random.Random, environments: list[str], topics: list[tuple[str, str]]) -> str:
    links = [
        f"- [Omgeving {n}]({ENVIRONMENTS_FOLDER}/{slug}.md)"
        for n, slug in enumerate(environments, start=1)
    ]
    links += [f"- [Thema {topic[-2:]}]({topic}/{page}.md)" for topic, page in topics[::PAGES_PER_TOPIC]]
    return _front_matter(
        "Synthetische handreiking",
        "Gegenereerde inhoud om de bouwtijd van de site te meten.",
    ) + "\n\n".join(["## Over deze meting", _paragraph(rng), "## Inhoud", "\n".join(links), ""])


def _environment_page(rng: random.Random, number: int) -> str:
    overview = "".join(
        f"  {field.name}:\n" + "".join(f"    - {_sentence(rng, 4)}\n" for _ in range(3))
        for field in OVERVIEW_FIELDS
    )
    blocks = [_paragraph(rng), _paragraph(rng, 2)]
    for part in PARTS:
        blocks.append(f"## {part.title}")
        if part is QUOTES_PART:
            blocks += [
                f"> {_paragraph(rng, 3)}\n>\n> — Synthetische rol {quote}" for quote in (1, 2, 3)
            ]
        else:
            blocks += [_paragraph(rng), _list(rng), _paragraph(rng, 2)]
    return _front_matter(
        f"Omgeving {number}",
        f"Gegenereerde omgeving {number} om de bouwtijd te meten.",
        f"volgorde: {number}\noverzicht:\n{overview}",
    ) + "\n\n".join([*blocks, ""])


def _ordinary_page(rng: random.Random, number: int, previous: str, environment: str) -> str:
    blocks = []
    for section in range(1, 5):
        blocks += [f"## Onderdeel {section}", _paragraph(rng), _list(rng)]
        blocks += [f"### Uitwerking {section}", _paragraph(rng, 3)]
    blocks.append(
        f"Zie ook [de vorige pagina]({previous}) en "
        f"[de omgeving](../{ENVIRONMENTS_FOLDER}/{environment}.md)."
    )
    return _front_matter(
        f"Pagina {number}", f"Gegenereerde pagina {number} om de bouwtijd te meten."
    ) + "\n\n".join([*blocks, ""])


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def timed_build(project: Path, config: str, site: Path) -> tuple[float, float]:
    """Build strictly; return (wall-clock seconds, peak memory in MiB) of the build process."""
    environment = {**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config, "-d", str(site)]
    with tempfile.TemporaryFile(mode="w+") as output:
        start = time.perf_counter()
        process = subprocess.Popen(
            command, cwd=project, stdout=output, stderr=subprocess.STDOUT, env=environment
        )
        # os.wait4 gives this one child's resource usage (getrusage would give the maximum
        # over all children so far).
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            output.seek(0)
            raise RuntimeError(f"build failed in {project} ({config}):\n{output.read()}")
    return seconds, usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux


def timed_check(project: Path) -> float:
    start = time.perf_counter()
    result = load.check_content(project / "content", project)
    seconds = time.perf_counter() - start
    if not result.ok:
        raise RuntimeError(
            "content check failed:\n" + "\n".join(p.format() for p in result.problems)
        )
    return seconds


def measure(layout: Layout, runs: int, workspace: Path) -> Row:
    project = write_project(workspace / f"project-{layout.pages}", layout)
    hooks, plain, checks = [], [], []
    for run in range(runs):
        hooks.append(timed_build(project, "mkdocs.yml", workspace / f"site-{layout.pages}-{run}"))
        plain.append(
            timed_build(project, NO_HOOKS_CONFIG, workspace / f"plain-{layout.pages}-{run}")
        )
        checks.append(timed_check(project))
    return Row(
        layout,
        build_hooks=statistics.median(seconds for seconds, _ in hooks),
        build_plain=statistics.median(seconds for seconds, _ in plain),
        check=statistics.median(checks),
        memory_hooks=statistics.median(memory for _, memory in hooks),
        memory_plain=statistics.median(memory for _, memory in plain),
    )


def table(rows: Sequence[Row], runs: int) -> str:
    lines = [
        "| Pages | Environments | Build with hooks (s) | Build without hooks (s) | "
        "Hooks add | Check (s) | Peak memory with / without hooks (MiB) |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        overhead = (row.build_hooks - row.build_plain) / row.build_plain * 100
        lines.append(
            f"| {row.layout.pages:,} | {row.layout.environments} | {row.build_hooks:.2f} | "
            f"{row.build_plain:.2f} | {overhead:+.1f}% | {row.check:.3f} | "
            f"{row.memory_hooks:.0f} / {row.memory_plain:.0f} |"
        )
    lines.append("")
    lines.append(
        f"Median of {runs} run{'s' if runs != 1 else ''} each; wall-clock time of "
        "`python -m mkdocs build --strict` including Python start-up."
    )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement (median)")
    parser.add_argument("--max-environments", type=int, default=10)
    parser.add_argument("--keep", type=Path, help="write the projects here and keep them")
    arguments = parser.parse_args(argv)
    layouts = [Layout.of(pages, arguments.max_environments) for pages in arguments.pages]
    with tempfile.TemporaryDirectory(prefix="handboek-benchmark-") as scratch:
        workspace = arguments.keep or Path(scratch)
        rows = [measure(layout, arguments.runs, workspace) for layout in layouts]
    print(table(rows, arguments.runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
