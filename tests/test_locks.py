"""The locks in requirements/ match pyproject.toml, and every install uses them.

A dependency added to pyproject.toml without `make lock` fails here, with a
Dutch message naming the command. Checked offline: each requirement of
pyproject.toml (for that lock) is pinned in the lock at a version it allows.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.conftest import GEMEENTE_VOORBEELD, ROOT, SOURCE_DATE_EPOCH, copy_project
from tests.sample_content import write_content

LOCKS = {"check": (), "serve": ("site",), "test": ("test",)}
PIN = re.compile(r"^([A-Za-z0-9._-]+)==([^\s;\\]+)", re.M)


def pins(text: str) -> dict[str, str]:
    return {canonicalize_name(name): version for name, version in PIN.findall(text)}


def wanted(pyproject: dict, extras: tuple[str, ...]) -> list[Requirement]:
    """What pyproject.toml asks for with these extras, `handboek[...]` followed."""
    project = pyproject["project"]
    found = [Requirement(text) for text in project["dependencies"]]
    for extra in extras:
        for text in project["optional-dependencies"][extra]:
            requirement = Requirement(text)
            if canonicalize_name(requirement.name) == project["name"]:
                found += wanted(pyproject, tuple(requirement.extras))
            else:
                found.append(requirement)
    found += [Requirement(text) for text in pyproject["build-system"]["requires"]]
    return found


def mismatches(pyproject: dict, lock: str, text: str) -> list[str]:
    pinned = pins(text)
    problems = []
    for requirement in wanted(pyproject, LOCKS[lock]):
        version = pinned.get(canonicalize_name(requirement.name))
        if version is None:
            problems.append(f"requirements/{lock}.txt: '{requirement}' staat er niet in")
        elif not requirement.specifier.contains(version, prereleases=True):
            problems.append(
                f"requirements/{lock}.txt: {requirement.name}=={version} past niet bij "
                f"'{requirement}' uit pyproject.toml"
            )
    return problems


def explain(problems: list[str]) -> str:
    return "\n".join(problems) + (
        "\n    tip: werk de locks bij met: make lock (en commit requirements/ mee)"
    )


def pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("lock", LOCKS)
def test_the_lock_matches_pyproject(lock: str) -> None:
    text = (ROOT / "requirements" / f"{lock}.txt").read_text(encoding="utf-8")
    problems = mismatches(pyproject(), lock, text)
    assert not problems, explain(problems)


def test_a_dependency_added_without_make_lock_is_named_with_the_command() -> None:
    changed = pyproject()
    changed["project"]["dependencies"] = [*changed["project"]["dependencies"], "tomli-w>=1.0"]
    changed["project"]["optional-dependencies"]["site"] = ["mkdocs>=9"]
    text = (ROOT / "requirements" / "serve.txt").read_text(encoding="utf-8")
    version = pins(text)["mkdocs"]
    assert explain(mismatches(changed, "serve", text)) == (
        "requirements/serve.txt: 'tomli-w>=1.0' staat er niet in\n"
        f"requirements/serve.txt: mkdocs=={version} past niet bij 'mkdocs>=9' uit pyproject.toml\n"
        "    tip: werk de locks bij met: make lock (en commit requirements/ mee)"
    )


def test_every_pin_has_a_hash_and_the_locks_agree_on_versions() -> None:
    texts = {lock: (ROOT / "requirements" / f"{lock}.txt").read_text("utf-8") for lock in LOCKS}
    for lock, text in texts.items():
        entries = re.split(r"^(?=[A-Za-z0-9])", text, flags=re.M)
        for entry in entries:
            if PIN.match(entry):
                assert "--hash=sha256:" in entry, f"{lock}: {entry.splitlines()[0]}"
    check, serve, test = (pins(texts[lock]) for lock in LOCKS)
    assert check.items() <= serve.items() <= test.items()  # each lock adds to the one before


def test_setuptools_is_new_enough_for_the_spdx_license_and_locked() -> None:
    assert pyproject()["build-system"]["requires"] == ["setuptools>=77"]
    assert (ROOT / "requirements" / "setuptools.in").read_text(encoding="utf-8") == (
        "setuptools>=77\n"
    )


def test_every_install_uses_a_lock_with_hashes() -> None:
    script = (ROOT / "scripts" / "install-python.sh").read_text(encoding="utf-8")
    installs = re.findall(r"pip install[^\n]*", script)
    assert installs == [
        'pip install --quiet --require-hashes --no-deps -r "$lock"',
        "pip install --quiet --no-deps --no-build-isolation -e .",  # the project itself
    ]
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.findall(r"pip install[^\n]*", makefile) == [
        "pip install --quiet --require-hashes --no-deps -r requirements/uv.txt"
    ]
    for lock in LOCKS:
        assert f"sh scripts/install-python.sh {lock}\n" in makefile
    workflow = (ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8")
    assert "pip install" not in workflow
    assert "sh scripts/install-python.sh check" in workflow
    assert "make .venv/bin/.installed-serve" in workflow
    assert (ROOT / ".ci" / "run").read_text(encoding="utf-8").rstrip().endswith("make test")


def test_make_serve_installs_only_what_serving_needs_and_silences_the_banner() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^serve: \$\(BIN\)/\.installed-serve\n", makefile, re.M)
    assert "\nexport NO_MKDOCS_2_WARNING := 1\n" in makefile
    serve = pins((ROOT / "requirements" / "serve.txt").read_text(encoding="utf-8"))
    assert {"pytest", "playwright", "ruff"}.isdisjoint(serve)
    # Material's own switch for its end-of-life banner (material/templates/__init__.py).
    import material.templates

    source = Path(material.templates.__file__).read_text(encoding="utf-8")
    assert 'os.getenv("NO_MKDOCS_2_WARNING")' in source


# Runs each `handboek` command given (JSON: [[project, [arguments]], ...]) in a process that
# can import only the standard library, the project and the packages of requirements/check.txt
# (any other installed package is refused, as if it were not installed), and prints the exit
# codes and the distributions it loaded.
_WITH_ONLY_THE_CHECK_LOCK = """
import importlib.metadata, json, os, sys
allowed = set(json.loads(sys.argv[1]))
def name(distribution):
    return distribution.lower().replace("_", "-").replace(".", "-")
owners = importlib.metadata.packages_distributions()
refused = {top for top, names in owners.items() if not {name(n) for n in names} & allowed}
class Refuse:
    def find_spec(self, fullname, path=None, target=None):
        if fullname.partition(".")[0] in refused:
            raise ModuleNotFoundError(f"not in requirements/check.txt: {fullname}", name=fullname)
sys.meta_path.insert(0, Refuse())
from handboek.cli import main
codes = []
for project, arguments in json.loads(sys.argv[2]):
    os.chdir(project)
    codes.append(main(arguments))
tops = {module.partition(".")[0] for module in sys.modules}
loaded = sorted({name(n) for top in tops for n in owners.get(top, ())})
print(json.dumps({"codes": codes, "loaded": loaded}), file=sys.stderr)
"""


def test_the_check_and_the_fork_commands_run_with_only_the_check_lock_and_nothing_more(
    tmp_path: Path,
) -> None:
    """The workflow's first job and `make check` install requirements/check.txt and nothing
    else (issue #17: a light check). With only those packages run: the check of the real
    content, of a fork and of content with errors, and the commands FORKING.md has a
    municipality run after `make check` (gemeente nieuw, gemeente herzien). Each package in
    that lock is one these load, or what builds the project (setuptools)."""
    fork = copy_project(tmp_path / "fork")
    shutil.copytree(GEMEENTE_VOORBEELD, fork / "lokaal")
    broken = tmp_path / "fouten"
    write_content(broken, {"omgevingen/nieuw.md": "---\ntitel: Nieuw\n---\n[link](nergen.md)\n"})
    new = copy_project(tmp_path / "nieuw")
    commands = [
        (str(ROOT), ["check"]),
        (str(fork), ["check"]),
        (str(broken), ["check"]),
        (str(new), ["gemeente", "nieuw", "Gemeente Voorbeeld"]),
        (str(fork), ["gemeente", "herzien", "lokaal/omgevingen/verenigingen.yml"]),
    ]
    lock = pins((ROOT / "requirements" / "check.txt").read_text(encoding="utf-8"))
    allowed = json.dumps([*lock, "handboek"])
    completed = subprocess.run(
        [sys.executable, "-c", _WITH_ONLY_THE_CHECK_LOCK, allowed, json.dumps(commands)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH},
        check=False,
    )
    assert "Traceback" not in completed.stderr, completed.stderr
    result = json.loads(completed.stderr.splitlines()[-1])
    assert result["codes"] == [0, 0, 1, 0, 0], completed.stdout
    assert (new / "lokaal" / "gemeente.yml").is_file()
    build_requirements = {
        canonicalize_name(Requirement(text).name)
        for text in pyproject()["build-system"]["requires"]
    }
    assert set(lock) - build_requirements - set(result["loaded"]) == set()
