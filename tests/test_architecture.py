"""The package's layout keeps its flow: no import circles, no import from a lower layer up.

The layers are `handboek.LAYERS` (documented in src/handboek/__init__.py). The
imports are read from the source with `ast`, including imports inside
functions, so a lazy import cannot hide an upward dependency.
"""

from __future__ import annotations

import ast
import fnmatch
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

import handboek
from tests.conftest import ROOT

PACKAGE = ROOT / "src" / "handboek"


def module_name(file: Path) -> str:
    parts = file.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(file: Path, modules: frozenset[str]) -> set[str]:
    """The package's modules that this file imports (`from a import b`: `a.b` if a module)."""
    found = set()
    for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                found.add(full if full in modules else node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name in modules}


def import_graph() -> dict[str, set[str]]:
    files = {module_name(file): file for file in sorted(PACKAGE.rglob("*.py"))}
    modules = frozenset(files)
    return {name: imports_of(file, modules) - {name} for name, file in files.items()}


def layer_of(module: str, layers: tuple[tuple[str, tuple[str, ...]], ...]) -> int | None:
    for index, (_, patterns) in enumerate(layers):
        if any(fnmatch.fnmatchcase(module, pattern) for pattern in patterns):
            return index
    return None


def layer_problems(
    graph: Mapping[str, set[str]], layers: tuple[tuple[str, tuple[str, ...]], ...]
) -> Iterator[str]:
    """Modules in no layer, and imports from a lower layer to a higher one."""
    for module in sorted(graph):
        if module == "handboek":
            continue  # the package's map: it loads the public API on demand
        own = layer_of(module, layers)
        if own is None:
            yield f"{module} staat in geen laag van handboek.LAYERS"
            continue
        for imported in sorted(graph[module]):
            other = layer_of(imported, layers)
            if imported != "handboek" and other is not None and other > own:
                yield (
                    f"{module} (laag '{layers[own][0]}') importeert {imported} "
                    f"(hogere laag '{layers[other][0]}')"
                )


def circles(graph: Mapping[str, set[str]]) -> list[list[str]]:
    """Every import circle found by a depth-first walk, each as the modules in order."""
    found: list[list[str]] = []
    state: dict[str, str] = {}

    def visit(module: str, path: list[str]) -> None:
        state[module] = "open"
        for imported in sorted(graph.get(module, ())):
            if state.get(imported) == "open":
                found.append([*path[path.index(imported) :], imported])
            elif imported not in state:
                visit(imported, [*path, imported])
        state[module] = "done"

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    return found


def test_the_package_has_no_import_circle() -> None:
    assert circles(import_graph()) == []


def test_no_module_imports_from_a_higher_layer_and_every_module_has_a_layer() -> None:
    assert list(layer_problems(import_graph(), handboek.LAYERS)) == []


def test_every_layer_pattern_matches_a_module() -> None:
    modules = import_graph()
    for name, patterns in handboek.LAYERS:
        for pattern in patterns:
            assert any(fnmatch.fnmatchcase(module, pattern) for module in modules), (name, pattern)


def test_the_checks_find_a_circle_and_an_upward_import() -> None:
    layers = (("laag", ("a", "b")), ("hoog", ("c",)))
    graph = {"a": {"b"}, "b": {"a", "c"}, "c": set(), "d": set()}
    assert circles(graph) == [["a", "b", "a"]]
    assert list(layer_problems(graph, layers)) == [
        "b (laag 'laag') importeert c (hogere laag 'hoog')",
        "d staat in geen laag van handboek.LAYERS",
    ]


def test_imports_inside_functions_count() -> None:
    graph = import_graph()
    assert "handboek.build" in graph["handboek.cli"]  # imported inside a function


def test_the_public_api_loads_each_name_from_its_module() -> None:
    for name in handboek.__all__:
        assert getattr(handboek, name) is not None
    with pytest.raises(AttributeError, match="no_such_name"):
        handboek.no_such_name  # noqa: B018


def test_the_content_folder_is_named_once() -> None:
    """The package's CONTENT_FOLDER is the folder mkdocs.yml builds from (`docs_dir`)."""
    from handboek.model import CONTENT_FOLDER

    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert f"\ndocs_dir: {CONTENT_FOLDER}\n" in config
