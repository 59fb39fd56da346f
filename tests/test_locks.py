"""The locks in requirements/ match pyproject.toml, and every install uses them.

A dependency added to pyproject.toml without `make lock` fails here, with a
Dutch message naming the command. Checked offline: each requirement of
pyproject.toml (for that lock) is pinned in the lock at a version it allows.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.conftest import ROOT

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
