"""The audit of one build, step by step as the build writes its files.

`BuildAudit` holds what the audit of one build needs (the theme's script
files and templates, where each built file came from) and what it found. The
MkDocs hook creates one per build and hands it each stylesheet and SVG before
MkDocs copies it (`file`), each page's template context before the page is
rendered (`expect`: the inline scripts the theme will write) and each page
before MkDocs writes it (`page`: audited, and given its policy). At the end
`problems` holds every problem of the build; `summary` says what was audited
and how much CPU time that took (read by scripts/benchmark.py).

This module knows nothing of MkDocs: it gets paths, text and the Jinja
environment of the theme.

A stylesheet or SVG file that passed the audit is remembered, by a hash of
its bytes, of where it is written in the site and of the audit's own code, in
the folder where Jinja keeps the theme's compiled templates (the user's own
temp folder, which only they can write; none when Jinja has none). A later
build on the same machine does not parse such a byte-identical file again
(Material's stylesheets: the same in every build). A file with problems is
never remembered, and any other file, a changed byte or a changed audit is
audited in full. Each place in the site keeps one such marker: the version
that passed last.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import sys
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import urlsplit

import defusedxml
import tinycss2
from jinja2 import Environment, FileSystemBytecodeCache

from handboek import audit, audit_css, audit_svg, audit_url, csp
from handboek.audit_html import Rules
from handboek.audit_url import Site
from handboek.problems import Problem

# The names of the files that remember what passed (in the folder of compiled templates).
MARKER_PREFIX = "handboek-goedgekeurd-"


@dataclass
class BuildAudit:
    """The audit of one build (see the module docstring)."""

    SUFFIXES: ClassVar[tuple[str, ...]] = audit.AUDITED_SUFFIXES
    """The files besides pages that are audited: stylesheets and SVG."""

    root: Path
    """The project folder: paths in problems are relative to it."""
    content: Path
    """The content folder (docs_dir): where a generated page's text comes from."""
    site_url: str = ""
    """The site's own address, '' when it has none (local builds, pull requests)."""
    problems: list[Problem] = field(default_factory=list)
    seconds: float = 0.0
    """CPU time spent on the audit and the policy so far."""
    audited: int = 0
    remembered: int = 0
    """Files not parsed again: passed in an earlier build, byte for byte (see the docstring)."""
    _env: Environment | None = None
    _rules: Rules = field(default_factory=Rules)
    _sources: list[Path] = field(default_factory=list)
    _scripts: dict[str, tuple[csp.TemplateScript, ...]] = field(default_factory=dict)
    _templates: dict[str, csp.TemplateParts] = field(default_factory=dict)
    _expected: dict[str, frozenset[str]] = field(default_factory=dict)
    _clean: Path | None = None
    """Where files that passed are remembered; None: nowhere (every file is audited)."""

    def theme(
        self,
        env: Environment,
        theme_dirs: Iterable[str],
        files: Iterable[tuple[str, str | None]],
        sources: Iterable[Path],
    ) -> None:
        """The theme of this build and the files it writes.

        `files` are (site path, source file or None when generated); the scripts
        among them that come from `theme_dirs` are the only script files a page
        may use (MkDocs gives a theme file's path relative to the working folder when
        the config INHERITs another). `sources` are the files a page's text may come from.
        """
        start = time.process_time()
        folders = tuple(os.path.join(os.path.abspath(folder), "") for folder in theme_dirs)
        self._env = env
        cache = env.bytecode_cache
        self._clean = Path(cache.directory) if isinstance(cache, FileSystemBytecodeCache) else None
        self._rules = Rules(
            script_files=frozenset(
                site_path
                for site_path, source in files
                if site_path.endswith(".js")
                and source
                and os.path.abspath(source).startswith(folders)
            )
        )
        self._sources = list(sources)
        self.seconds += time.process_time() - start

    def file(
        self, data: bytes, site_path: str, source: Path | None, made_from: Path | None = None
    ) -> None:
        """Audit a stylesheet or SVG file before it is written.

        `source` is the file copied as is; a generated file has none and is shown
        at `made_from` (lokaal/gemeente.yml for the colours).
        """
        start = time.process_time()
        site = self._site(site_path)
        marker = self._marker(data, site)
        if marker is not None and marker.is_file():
            self.remembered += 1
            self.seconds += time.process_time() - start
            return
        if source is not None:
            shown = audit.Source(self._shown(source), _read(source), verbatim=True)
        elif made_from is not None:
            shown = audit.Source(self._shown(made_from), _read(made_from))
        else:
            shown = audit.Source(site_path)
        problems = audit.audit_file(data, site, shown)
        self.problems.extend(problems)
        self.audited += 1
        if marker is not None and not problems:
            _remember(marker)
        self.seconds += time.process_time() - start

    def expect(self, site_path: str, template: str, context: Mapping[str, Any]) -> None:
        """Render the inline scripts `template` writes, with the page's context."""
        start = time.process_time()
        if template not in self._scripts and self._env is not None:
            self._scripts[template] = audit.template_scripts(self._env, template, self._templates)
        scripts = self._scripts.get(template, ())
        self._expected[site_path] = audit.expected_scripts(scripts, context)
        self.seconds += time.process_time() - start

    def page(self, html: str, site_path: str, own: Path | None) -> str:
        """The page with its policy, or '' when it has problems (then kept in `problems`)."""
        start = time.process_time()

        def sources() -> list[audit.Source]:
            shown = self._shown(own) if own else self._shown(self.content)
            first = [audit.Source(shown, _read(own))]
            others = [audit.Source(self._shown(file), _read(file)) for file in self._sources]
            return first + [source for source in others if source.path != shown]

        result = audit.audit_page(
            html,
            self._site(site_path),
            sources,
            self._rules,
            self._expected.get(site_path, frozenset()),
        )
        self.problems.extend(result.problems)
        self.audited += 1
        self.seconds += time.process_time() - start
        return "" if result.problems else result.html

    def summary(self) -> str:
        summary = (
            f"Gebouwde site gecontroleerd: {self.audited} bestanden in {self.seconds:.2f} s (CPU)"
        )
        if self.remembered:
            summary += (
                f"; {self.remembered} ongewijzigde bestanden waren in een eerdere bouw al "
                "goedgekeurd"
            )
        return summary

    def _marker(self, data: bytes, site: Site) -> Path | None:
        """The file that says these bytes, written at `site`, passed this audit before.

        Its name is `<prefix><place>-<verdict>`: `place` stands for where the file is
        written (`site`), `verdict` for the audit's code, the place and the bytes. A place
        keeps one marker (`_remember`), so editing a stylesheet while `mkdocs serve` runs
        does not leave a marker per version behind.
        """
        if self._clean is None:
            return None
        place = hashlib.sha256()
        for part in (site.path, site.base_path, site.site_url):
            place.update(part.encode("utf-8") + b"\0")
        verdict = hashlib.sha256(_audit_code())
        verdict.update(place.digest())
        verdict.update(data)
        return self._clean / f"{MARKER_PREFIX}{place.hexdigest()[:32]}-{verdict.hexdigest()}"

    def _site(self, path: str) -> Site:
        base_path = urlsplit(self.site_url).path.rstrip("/") + "/"
        return Site(path, base_path, self.site_url)

    def _shown(self, path: Path) -> str:
        """A path as the editor knows it: relative to the project, or the theme's own file."""
        resolved, root = path.resolve(), self.root.resolve()
        if resolved.is_relative_to(root):
            return resolved.relative_to(root).as_posix()
        return f"(thema) {path.as_posix()}"


@functools.cache
def _audit_code() -> bytes:
    """What decides the verdict on a stylesheet or SVG file: the audit's code and parsers."""
    digest = hashlib.sha256()
    for module in (audit, audit_css, audit_svg, audit_url):
        digest.update(Path(module.__file__ or "").read_bytes())
    # The XML parser (expat) comes with Python.
    digest.update(f"{tinycss2.__version__} {defusedxml.__version__} {sys.version}".encode())
    return digest.digest()


def _remember(marker: Path) -> None:
    """Leave `marker` (empty; only its name counts) in place of the earlier marker of the same
    place (see `BuildAudit._marker`); not being able to is no problem."""
    place = marker.name.rpartition("-")[0]
    with contextlib.suppress(OSError):  # then the next build audits the file again
        for earlier in marker.parent.glob(f"{place}-*"):
            earlier.unlink(missing_ok=True)
        marker.touch()


def _read(path: Path | None) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace") if path else ""
    except OSError:
        return ""
