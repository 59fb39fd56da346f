"""Measure the site build at 10 to 10,000 pages: time against stock Material, sizes, check.

    .venv/bin/python scripts/benchmark.py [--pages 10 100 1000] [--short-pages 1000]
        [--large-pages 10000] [--runs 3] [--large-runs 1]

For each size the script writes a synthetic project into a temporary folder:
this repository's mkdocs.yml, hooks and overrides, and generated content in
the project's own format (environment pages with all five parts, quotes and
the `overzicht` front matter; the rest ordinary pages in topic folders of 20,
with links between them: at 10,000 pages 500 top-level folders). Ordinary pages
are as long as the real environment pages (about 700 words); with `--short-pages`
they are one short section (about 60 words), the kind of page the issue's
figures for stock Material were measured on. Then, `--runs` rounds each:

- the strict build with our hooks (`python -m mkdocs build --strict`), twice:
  first with an empty temp folder, as on a fresh CI machine (the theme's
  templates are compiled), then again with the compiled templates the hook
  keeps there (Jinja's bytecode cache), as every later build and every
  `mkdocs serve` rebuild on an editor's machine;
- stock Material on the same content, right before or after that second build
  (the pair's order alternates between rounds): `theme: material` with
  `font: false` and `navigation.prune`, the search plugin, nothing else of
  ours. The table gives each round's ratio (with hooks / stock), the median
  over the rounds: a busy machine slows both builds of a pair alike;
- the same strict build with a generated config without `hooks:` (the
  environment pages then build as plain Markdown, without generated pages);
- the content check in-process (`check_content`, what the hook's
  on_pre_build runs), and the `handboek check` command as editors run it (a
  new Python process: start-up and imports included);
- the audit of the built output and the Content-Security-Policy, inside the
  build with hooks: the CPU time the hook spends on them (auditing every
  page, stylesheet and SVG, rendering the theme's inline scripts per page,
  hashing them, writing the policy), as the hook reports it at the end of
  the build ("Gebouwde site gecontroleerd: ... in X s (CPU)"). There is no
  switch to build without the audit; its share is that time against the
  whole build's CPU time;
- the size of what each build wrote: the median HTML page and the whole site.

The `--large-pages` sizes (full pages) are measured `--large-runs` times with
only the pair and the checks: at 10,000 pages one pair takes minutes. Sites
are removed once measured, unless `--keep` names a folder to keep them in.
Under the table the page-size growth from 1,000 to the largest size of full
pages; above it the machine and its load average at the start and the end.

Our package's bytecode is compiled first, as pip does for MkDocs and Material
when it installs them; otherwise a machine that sets PYTHONDONTWRITEBYTECODE
would compile our source again in every build.

It prints one Markdown table with the medians: wall-clock seconds of each
build (Python start-up included), the ratio to stock Material, the hooks' share,
the audit's share, the check, the sizes, and the peak memory (max RSS) of each
build process. Every build must succeed; a failed build stops the script with
MkDocs' output.
"""

from __future__ import annotations

import argparse
import compileall
import dataclasses
import os
import platform
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

import handboek
from handboek.check import check_content
from handboek.fields import OVERVIEW_FIELDS
from handboek.local import review
from handboek.model import ENVIRONMENTS_FOLDER, LOCAL_FOLDER, PARTS, QUOTES_PART, START_PAGE_PATH

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("mkdocs.yml", "hooks", "overrides")
NO_HOOKS_CONFIG = "mkdocs-zonder-hooks.yml"
STOCK_CONFIG = "mkdocs-standaard.yml"
# Stock Material as the issue measured it: no fonts from Google, navigation.prune, search.
STOCK_MATERIAL = """site_name: Material zonder aanpassingen
docs_dir: content
theme:
  name: material
  language: nl
  font: false
  features:
    - navigation.prune
plugins:
  - search
"""
# A fixed build date, so review notices and page dates never depend on "today".
SOURCE_DATE_EPOCH = "1796083200"  # 2026-12-01 00:00 UTC
PAGES_PER_TOPIC = 20
# The fictional municipality of the tests: the only place such data lives.
LOCAL_FIXTURE = ROOT / "tests" / "fixtures" / "gemeente-voorbeeld"
_GEMEENTE_PART = next(part for part in PARTS if part.key == "gemeente")
_VOCABULARY = """
gemeente vrijwilliger buurt gezin kinderen ondersteuning vereniging wijkteam contact
signaal training ouder jongeren ontmoeting netwerk samenwerking beleid praktijk
opvoeden opgroeien maatje steunouder sport activiteit begeleiding vertrouwen school
welzijn professional buurthuis aanpak ruimte tijd kennis advies verbinding
"""
WORDS = _VOCABULARY.split()
_HOOKS_BLOCK = re.compile(r"^hooks:[ \t]*\n(?:[ \t]+-.*\n)+", re.MULTILINE)
# The hook's last line about the audit of the built output (hooks/handboek_hook.py).
_AUDIT_LINE = re.compile(r"Gebouwde site gecontroleerd: \d+ bestanden in (\d+\.\d+) s \(CPU\)")


@dataclass(frozen=True)
class Layout:
    """How many pages of each kind a synthetic project of `pages` pages has."""

    pages: int
    environments: int
    local: int = 0  # pages in lokaal/paginas/ (0: no local layer)
    short: bool = False  # ordinary pages of one short section instead of full length
    topic_pages: int = PAGES_PER_TOPIC  # ordinary pages per top-level folder

    @property
    def ordinary(self) -> int:
        return self.pages - self.environments - self.local - 1  # minus the start page

    @classmethod
    def of(
        cls, pages: int, max_environments: int, local: bool = False, short: bool = False
    ) -> Layout:
        """Environments: a tenth of the pages, at least 3; local pages: a twentieth, at least 1."""
        environments = min(max_environments, max(3, pages // 10))
        local_pages = max(1, pages // 20) if local else 0
        if pages < environments + local_pages + 1:
            raise ValueError(f"at least {environments + local_pages + 1} pages needed, got {pages}")
        return cls(pages, environments, local_pages, short)


@dataclass(frozen=True)
class Row:
    layout: Layout
    hooks: Sample
    stock: Sample
    ratio: Sample  # with hooks / stock Material: the median of the interleaved pairs' ratios
    check: Sample
    check_command: Sample
    first: Sample | None = None  # with hooks, no compiled templates kept yet (None: not built)
    plain: Sample | None = None  # without hooks (None: not built)


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
    (target / STOCK_CONFIG).write_text(STOCK_MATERIAL, encoding="utf-8")
    write_content(target / "content", layout)
    if layout.local:
        write_local_layer(target, layout)
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
    # Numbered to sort in order (MkDocs sorts folders by name): thema-01, or thema-001 from 100.
    width = max(2, len(str(-(-layout.ordinary // layout.topic_pages))))
    topics = [
        (
            f"thema-{index // layout.topic_pages + 1:0{width}d}",
            f"pagina-{index % layout.topic_pages + 1:02d}",
        )
        for index in range(layout.ordinary)
    ]
    _write(content / START_PAGE_PATH, _start_page(rng, environments, topics[:: layout.topic_pages]))
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
            _ordinary_page(rng, index + 1, link_to_previous, environment, layout.short),
        )


def write_local_layer(project: Path, layout: Layout) -> None:
    """A fork's lokaal/: the fictional Gemeente Voorbeeld of the tests, plus synthetic pages.

    Every environment gets a bridge builder, an initiative and a note at the first
    point of 'Wat kan de gemeente doen?', recorded with `handboek gemeente herzien`.
    """
    rng = random.Random(-layout.pages)
    folder = project / LOCAL_FOLDER
    folder.mkdir()
    for name in ("gemeente.yml", "logo.svg"):
        shutil.copy2(LOCAL_FIXTURE / name, folder / name)
    (folder / "paginas").mkdir()
    shutil.copy2(LOCAL_FIXTURE / "paginas" / "contact.md", folder / "paginas" / "contact.md")
    for number in range(1, layout.local):
        _write(
            folder / "paginas" / f"pagina-{number:02d}.md",
            _ordinary_page(
                rng, number, "contact.md", "omgeving-01", layout.short, prefix="Lokale pagina"
            ),
        )
    notes = []
    for number in range(1, layout.environments + 1):
        page = (project / "content" / ENVIRONMENTS_FOLDER / f"omgeving-{number:02d}.md").read_text(
            encoding="utf-8"
        )
        part = page.split(f"## {_GEMEENTE_PART.title}\n", 1)[1]
        point = re.search(r"^- \*\*(.+?)\.\*\*", part, re.MULTILINE)
        assert point is not None
        notes.append(f"{LOCAL_FOLDER}/omgevingen/omgeving-{number:02d}.yml")
        _write(
            project / notes[-1],
            f"""bruggenbouwers:
  - organisatie: Synthetische organisatie {number}
    rol: {_sentence(rng, 2)[:-1].lower()}
    contact: team-{number}@voorbeeld.example
initiatieven:
  - naam: Synthetisch initiatief {number}
    beschrijving: |
      {_paragraph(rng, 2)}
notities:
  - onderdeel: {_GEMEENTE_PART.anchor}
    punt: {point.group(1)}
    tekst: |
      {_paragraph(rng, 2)}
""",
        )
    outcome = review.mark_reviewed(project, notes)
    if not outcome.ok:
        raise RuntimeError("\n".join(outcome.lines))


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


def _start_page(
    rng: random.Random, environments: list[str], first_pages: list[tuple[str, str]]
) -> str:
    links = [
        f"- [Omgeving {n}]({ENVIRONMENTS_FOLDER}/{slug}.md)"
        for n, slug in enumerate(environments, start=1)
    ]
    links += [f"- [Thema {topic.split('-')[1]}]({topic}/{page}.md)" for topic, page in first_pages]
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


def _ordinary_page(  # noqa: PLR0913 - the page's seed, place and kind; keywords at the call
    rng: random.Random,
    number: int,
    previous: str,
    environment: str,
    short: bool = False,
    prefix: str = "Pagina",
) -> str:
    blocks = []
    for section in range(1, 2 if short else 5):
        blocks += [f"## Onderdeel {section}", _paragraph(rng)]
        if not short:
            blocks += [_list(rng), f"### Uitwerking {section}", _paragraph(rng, 3)]
    blocks.append(
        f"Zie ook [de vorige pagina]({previous}) en "
        f"[wat de gemeente kan doen](../{ENVIRONMENTS_FOLDER}/{environment}.md"
        f"#{_GEMEENTE_PART.anchor})."
    )
    return _front_matter(
        f"{prefix} {number}", f"Gegenereerde {prefix.lower()} {number} om de bouwtijd te meten."
    ) + "\n\n".join([*blocks, ""])


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@dataclass(frozen=True)
class Sample:
    wall: float  # seconds on the clock
    cpu: float  # seconds of CPU (user + system): less disturbed by other work on the machine
    memory: float = 0.0  # peak resident memory in MiB (builds only)
    audit: float = 0.0  # CPU seconds of the audit and the policy, as the hook reports them
    page: float = 0.0  # median size of the site's HTML pages, KB (builds only)
    site: float = 0.0  # size of the whole built site, MB (builds only)


def timed_build(project: Path, config: str, site: Path, temp: Path, keep: bool = True) -> Sample:
    """Build strictly into `site` with `temp` as temp folder; time, peak memory, sizes.

    Without `keep` the site is removed once measured (at 10,000 pages stock
    Material writes gigabytes).
    """
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config, "-d", str(site)]
    sample = timed_process(command, project, f"build failed in {project} ({config})", temp)
    page, total = site_size(site)
    if not keep:
        shutil.rmtree(site)
    return dataclasses.replace(sample, page=page / 1000, site=total / 1_000_000)


def site_size(site: Path) -> tuple[float, int]:
    """The median size of the HTML pages in bytes, and the size of all files together."""
    sizes = {path: path.stat().st_size for path in site.rglob("*") if path.is_file()}
    pages = [size for path, size in sizes.items() if path.suffix == ".html"]
    return statistics.median(pages), sum(sizes.values())


def timed_process(
    command: list[str], project: Path, failure: str, temp: Path | None = None
) -> Sample:
    """Run `command` in `project`; its wall time, CPU time and peak memory. It must succeed."""
    environment = {**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    if temp is not None:
        temp.mkdir(parents=True, exist_ok=True)
        environment["TMPDIR"] = str(temp)  # where Jinja keeps compiled templates
    with tempfile.TemporaryFile(mode="w+") as output:
        start = time.perf_counter()
        process = subprocess.Popen(
            command, cwd=project, stdout=output, stderr=subprocess.STDOUT, env=environment
        )
        # os.wait4 gives the usage of this one child (getrusage(RUSAGE_CHILDREN) would
        # give the maximum memory over all children so far).
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        output.seek(0)
        text = output.read()
        if process.returncode != 0:
            raise RuntimeError(f"{failure}:\n{text}")
    audit = _AUDIT_LINE.search(text)
    # ru_maxrss is in KiB on Linux.
    return Sample(
        wall,
        usage.ru_utime + usage.ru_stime,
        usage.ru_maxrss / 1024,
        float(audit.group(1)) if audit else 0.0,
    )


def timed_check(project: Path) -> Sample:
    """The content check as `handboek check` and the hook's on_pre_build run it, in-process."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = check_content(project / "content", project)
    sample = Sample(time.perf_counter() - wall, time.process_time() - cpu)
    if not result.ok:
        raise RuntimeError(
            "content check failed:\n" + "\n".join(p.format() for p in result.problems)
        )
    return sample


def timed_check_command(project: Path) -> Sample:
    """`handboek check` as an editor runs it: a new process, Python start-up included."""
    command = [sys.executable, "-m", "handboek.cli", "check"]
    return timed_process(command, project, f"handboek check failed in {project}")


def compile_bytecode(project: Path) -> None:
    """Our package and the project's hook as bytecode, as installed packages are."""
    for folder in (Path(handboek.__file__).parent, project / "hooks"):
        if not compileall.compile_dir(folder, quiet=1):
            raise RuntimeError(f"could not compile {folder}")


def median(samples: Sequence[Sample]) -> Sample:
    return Sample(
        statistics.median(sample.wall for sample in samples),
        statistics.median(sample.cpu for sample in samples),
        statistics.median(sample.memory for sample in samples),
        statistics.median(sample.audit for sample in samples),
        statistics.median(sample.page for sample in samples),
        statistics.median(sample.site for sample in samples),
    )


def measure(
    layout: Layout, runs: int, workspace: Path, pairs_only: bool = False, keep: bool = True
) -> Row:
    """`runs` rounds; in each the pair (with hooks, stock Material) is built back to back.

    The pair's order alternates between rounds, so that a machine that gets slower or
    faster during a round favours neither. With `pairs_only` (the largest sizes) only
    the pair and the checks are measured, not the first build and the one without hooks;
    the build with hooks then compiles the theme's templates itself (under a second).
    """
    name = f"{layout.pages}{'-kort' if layout.short else ''}"
    project = write_project(workspace / f"project-{name}", layout)
    compile_bytecode(project)
    hooks, first, plain, stock, ratios, checks, commands = [], [], [], [], [], [], []
    for run in range(runs):
        temp = workspace / f"temp-{name}-{run}"  # empty: the first build compiles the templates
        if not pairs_only:  # at the largest sizes compiling the templates is under 1 s of it
            first.append(
                timed_build(project, "mkdocs.yml", workspace / f"first-{name}-{run}", temp, keep)
            )
        pair = {}
        for config in ("mkdocs.yml", STOCK_CONFIG)[:: 1 if run % 2 == 0 else -1]:
            prefix = "site" if config == "mkdocs.yml" else "stock"
            pair[config] = timed_build(
                project, config, workspace / f"{prefix}-{name}-{run}", temp, keep
            )
        hooks.append(pair["mkdocs.yml"])
        stock.append(pair[STOCK_CONFIG])
        ratios.append(
            Sample(
                hooks[-1].wall / stock[-1].wall,
                hooks[-1].cpu / stock[-1].cpu,
                page=hooks[-1].page / stock[-1].page,
                site=hooks[-1].site / stock[-1].site,
            )
        )
        if not pairs_only:
            plain.append(
                timed_build(project, NO_HOOKS_CONFIG, workspace / f"plain-{name}-{run}", temp, keep)
            )
        checks.append(timed_check(project))
        commands.append(timed_check_command(project))
    return Row(
        layout,
        median(hooks),
        median(stock),
        median(ratios),
        median(checks),
        median(commands),
        median(first) if first else None,
        median(plain) if plain else None,
    )


def table(rows: Sequence[Row], runs: int, large_runs: int | None = None) -> str:
    lines = [
        "| Pages | Page text | Environments | Local pages | Build with hooks, s "
        "| Stock Material, s | With hooks / stock | First build with hooks, s "
        "| Build without hooks, s | Hooks add (first build) "
        "| Audit + CSP, CPU s (share of build) | Check, s | `handboek check`, s "
        "| Page, KB with hooks / stock | Site, MB with hooks / stock "
        "| Peak memory with hooks / without / stock, MiB |",
        "|---:|:--|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        audit = row.hooks.audit / (row.hooks.cpu - row.hooks.audit) * 100
        if row.plain is not None and row.first is not None:
            overhead = (row.hooks.cpu - row.plain.cpu) / row.plain.cpu * 100
            first = (row.first.cpu - row.plain.cpu) / row.plain.cpu * 100
            built = f"{_time(row.first)} | {_time(row.plain)} | {overhead:+.0f}% ({first:+.0f}%)"
            plain_memory = f"{row.plain.memory:.0f}"
        else:
            built, plain_memory = "– | – | –", "–"
        lines.append(
            f"| {row.layout.pages:,} | {'short' if row.layout.short else 'full'} | "
            f"{row.layout.environments} | {row.layout.local} | {_time(row.hooks)} | "
            f"{_time(row.stock)} | {row.ratio.wall:.2f}× ({row.ratio.cpu:.2f}×) | {built} | "
            f"{row.hooks.audit:.2f} (+{audit:.1f}%) | "
            f"{_time(row.check, 3)} | {_time(row.check_command)} | "
            f"{row.hooks.page:.1f} / {row.stock.page:.1f} | "
            f"{row.hooks.site:,.1f} / {row.stock.site:,.1f} | "
            f"{row.hooks.memory:.0f} / {plain_memory} / {row.stock.memory:.0f} |"
        )
    counts = f"Median of {runs} run{'s' if runs != 1 else ''}"
    if large_runs is not None and any(row.plain is None for row in rows):
        counts += f" ({large_runs} for the rows without a first build and a build without hooks)"
    lines += [
        "",
        f"{counts}; each time is wall clock (CPU). "
        "Builds: `python -m mkdocs build --strict`, Python start-up included. "
        "'With hooks / stock': each round builds the two back to back, in alternating order; "
        "the median of the rounds' ratios of wall clock (CPU) time. "
        "'Hooks add' compares CPU time; a first build compiles the theme's templates, "
        "later builds reuse them. 'Audit + CSP': CPU time of the audit of the built output "
        "and the policy inside the build with hooks (as the hook reports it), and what it adds "
        "to the rest of that build's CPU time. Check: `check_content` in-process; "
        "`handboek check`: the command in a new process. Page: the median size of the site's "
        "HTML pages; site: all files of the built site.",
    ]
    lines += growth(rows)
    return "\n".join(lines)


def growth(rows: Sequence[Row]) -> list[str]:
    """How one page grows from the row of 1,000 full pages to the largest row of full pages."""
    full = {row.layout.pages: row for row in rows if not row.layout.short}
    largest = max(full, default=0)
    if 1000 not in full or largest <= 1000:
        return []
    small, big = full[1000], full[largest]
    return [
        "",
        f"Page size from 1,000 to {largest:,} full pages: with hooks "
        f"{small.hooks.page:.1f} KB to {big.hooks.page:.1f} KB "
        f"({big.hooks.page / small.hooks.page:.2f}×), stock Material "
        f"{small.stock.page:.1f} KB to {big.stock.page:.1f} KB "
        f"({big.stock.page / small.stock.page:.2f}×).",
    ]


def machine() -> str:
    """The machine and the load on it, for the note under the table."""
    load = " / ".join(f"{value:.2f}" for value in os.getloadavg())
    return (
        f"{os.cpu_count()} cores, {platform.processor() or platform.machine()}, "
        f"Python {platform.python_version()}, load average (1 / 5 / 15 min) {load}"
    )


def _time(sample: Sample, digits: int = 2) -> str:
    return f"{sample.wall:.{digits}f} ({sample.cpu:.{digits}f})"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, nargs="*", default=[10, 100, 1000])
    parser.add_argument(
        "--short-pages",
        type=int,
        nargs="*",
        default=[1000],
        help="sizes to measure again with short ordinary pages (one section of one paragraph)",
    )
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement (median)")
    parser.add_argument(
        "--large-pages",
        type=int,
        nargs="*",
        default=[10000],
        help="sizes of full pages to measure with only the pair (with hooks, stock Material) "
        "and the checks, --large-runs times",
    )
    parser.add_argument("--large-runs", type=int, default=1)
    parser.add_argument("--max-environments", type=int, default=10)
    parser.add_argument(
        "--lokaal",
        action="store_true",
        help="measure a fork: a twentieth of the pages in a local layer (lokaal/); the build "
        "without hooks leaves those pages out",
    )
    parser.add_argument("--keep", type=Path, help="write the projects here and keep them")
    arguments = parser.parse_args(argv)
    layouts = [
        Layout.of(pages, arguments.max_environments, arguments.lokaal) for pages in arguments.pages
    ] + [
        Layout.of(pages, arguments.max_environments, arguments.lokaal, short=True)
        for pages in arguments.short_pages
    ]
    large = [
        Layout.of(pages, arguments.max_environments, arguments.lokaal)
        for pages in arguments.large_pages
    ]
    print(f"Machine at the start: {machine()}", flush=True)
    with tempfile.TemporaryDirectory(prefix="handboek-benchmark-") as scratch:
        workspace = arguments.keep or Path(scratch)
        keep = arguments.keep is not None
        rows = [measure(layout, arguments.runs, workspace, keep=keep) for layout in layouts]
        rows += [
            measure(layout, arguments.large_runs, workspace, pairs_only=True, keep=keep)
            for layout in large
        ]
    rows.sort(key=lambda row: (row.layout.short, row.layout.pages))
    print(f"Machine at the end: {machine()}\n")
    print(table(rows, arguments.runs, arguments.large_runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
