"""Shared fixtures: a copy of the project to break, and built sites to inspect.

`project_copy` copies the files a build needs (mkdocs.yml, content, hooks,
overrides) into a temporary folder, so a test can change content freely.
`build` runs the real `mkdocs build --strict` there as a subprocess, exactly
as an editor or CI would, and returns the exit code and output.
`built_site` is the real handbook built once per test session.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("mkdocs.yml", "content", "hooks", "overrides", "zoekwoorden.yml")
# The fixed build date of the tests, so pages and review notices never depend on "today".
SOURCE_DATE_EPOCH = "1796083200"  # 2026-12-01 00:00 UTC


@dataclass(frozen=True)
class BuildResult:
    returncode: int
    output: str
    site: Path


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
    environment = {**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH, "NO_MKDOCS_2_WARNING": "1"}
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


def load_benchmark() -> ModuleType:
    """scripts/benchmark.py as a module: its synthetic projects serve several tests."""
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
