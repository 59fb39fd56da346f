"""Shared helpers and fixtures: a copy of the project to break, and built sites to inspect.

- `TEST_DATE` (2026-12-01) and `SOURCE_DATE_EPOCH`, the same day: the one date of the tests,
  so pages and review notices never depend on "today". `build_environment()` is the
  environment of every build and command the tests run.
- `copy_project` / `project_copy` copy the files a build needs (mkdocs.yml, content, hooks,
  overrides) into a temporary folder, so a test can change content freely.
- `run_build` runs the real `mkdocs build --strict` there as a subprocess, exactly as an
  editor or CI would, and returns the exit code and output; `run_check_command` runs
  `handboek check` the same way, `run_check` in this process.
- `model_of(project)`: the content model of a project, as the build reads it;
  `real_handbook` is that of the real content, read once per session.
- `built_site` is the real handbook built once per session; `fork_project` a fork with the
  fictional Gemeente Voorbeeld (tests/fixtures/gemeente-voorbeeld as lokaal/), built once
  into `fork_site`.
- `load_benchmark()`: scripts/benchmark.py as a module, loaded once under one name.
- `http_server(handler)`: a local HTTP server on a free port for the duration of a block.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import http.server
import importlib.util
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest

from handboek import cli
from handboek.check import check_content
from handboek.model import Handbook

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("mkdocs.yml", "content", "hooks", "overrides", "zoekwoorden.yml")
# The fixed date of the tests, so pages and review notices never depend on "today"; builds
# get it as SOURCE_DATE_EPOCH (midnight UTC).
TEST_DATE = dt.date(2026, 12, 1)
SOURCE_DATE_EPOCH = str(int(dt.datetime.combine(TEST_DATE, dt.time(), dt.UTC).timestamp()))
# What every build and command of the tests gets: the test date, and no end-of-life banner
# from Material (material/templates/__init__.py).
BUILD_ENVIRONMENT = {"SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH, "NO_MKDOCS_2_WARNING": "1"}
GEMEENTE_VOORBEELD = ROOT / "tests" / "fixtures" / "gemeente-voorbeeld"


@dataclass(frozen=True)
class BuildResult:
    returncode: int
    output: str
    site: Path


def build_environment() -> dict[str, str]:
    """This process's environment with `BUILD_ENVIRONMENT`, for a build or command."""
    return {**os.environ, **BUILD_ENVIRONMENT}


def copy_project(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part)
        else:
            shutil.copy2(source, target / part)
    return target


def run_build(
    project: Path, site: Path | None = None, *extra: str, webadres: str | None = None
) -> BuildResult:
    """`mkdocs build --strict`; the site's web address only when `webadres` is given (CI's)."""
    site = site or project / "site"
    environment = build_environment()
    environment.pop("HANDBOEK_WEBADRES", None)
    if webadres is not None:
        environment["HANDBOEK_WEBADRES"] = webadres
    completed = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site), *extra],
        cwd=project,
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )
    return BuildResult(completed.returncode, completed.stdout + completed.stderr, site)


def run_check_command(project: Path) -> subprocess.CompletedProcess[str]:
    """`handboek check` in a project folder, as a real command (exit code, stdout, stderr)."""
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from handboek.cli import main; sys.exit(main())",
            "check",
        ],
        cwd=project,
        capture_output=True,
        text=True,
        env=build_environment(),
        timeout=60,
        check=False,
    )


def run_check(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str]:
    """`handboek check` in this process, from `project`, on the test date: exit code and output."""
    monkeypatch.chdir(project)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH)
    code = cli.main(["check"])
    return code, capsys.readouterr().out


def model_of(project: Path) -> Handbook:
    """The content model of a project folder, as the build reads it."""
    result = check_content(project / "content", project)
    assert result.handbook is not None, result.problems
    return result.handbook


@functools.cache
def load_benchmark() -> ModuleType:
    """scripts/benchmark.py as a module, once: its synthetic projects serve several tests."""
    spec = importlib.util.spec_from_file_location("benchmark", ROOT / "scripts" / "benchmark.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["benchmark"] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


@pytest.fixture(autouse=True)
def not_on_github_actions(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests see the output of a terminal, also when the suite itself runs in GitHub Actions."""
    for name in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real handbook, built once with `mkdocs build --strict`."""
    result = run_build(ROOT, tmp_path_factory.mktemp("site") / "site")
    assert result.returncode == 0, result.output
    return result.site


@pytest.fixture(scope="session")
def real_handbook() -> Handbook:
    """The content model of the real handbook (content/), read once."""
    return model_of(ROOT)


@pytest.fixture(scope="session")
def fork_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fork: the project with tests/fixtures/gemeente-voorbeeld as lokaal/, built once into
    its site/. Tests only read it."""
    project = copy_project(tmp_path_factory.mktemp("fork") / "project")
    shutil.copytree(GEMEENTE_VOORBEELD, project / "lokaal")
    result = run_build(project)
    assert result.returncode == 0, result.output
    return project


@pytest.fixture(scope="session")
def fork_site(fork_project: Path) -> Path:
    """The built site of `fork_project`."""
    return fork_project / "site"


@contextlib.contextmanager
def http_server(handler: Callable[..., http.server.BaseHTTPRequestHandler]) -> Iterator[str]:
    """A threaded HTTP server on 127.0.0.1 (a free port) while the block runs; its address."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
