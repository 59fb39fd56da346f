"""The JSON Schemas of the front matter, made from the same `Field`s as the checker.

schemas/*.json are committed for editors' tools (see CONTRIBUTING.md); they must
equal what `handboek schema` generates, and agree with the checker on real and
broken front matter. After changing schema.py, run `handboek schema`.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from handboek import schema
from handboek.frontmatter import split_front_matter
from tests.conftest import ROOT
from tests.sample_content import ENVIRONMENT, PAGE

SCHEMA_DIR = ROOT / "schemas"


def front_matter(text: str) -> dict[str, Any]:
    """The front matter as JSON sees it: YAML dates become 'YYYY-MM-DD' strings."""
    source, problems = split_front_matter(text, "x.md")
    assert source is not None, problems
    data = yaml.safe_load(source.front_matter)
    return {
        key: value.isoformat() if isinstance(value, dt.date) else value
        for key, value in data.items()
    }


def validator(name: str) -> jsonschema.Draft7Validator:
    return jsonschema.Draft7Validator(
        json.loads(schema.schema_text(name)), format_checker=jsonschema.FormatChecker()
    )


def errors(name: str, data: dict[str, Any]) -> list[str]:
    return sorted(error.message for error in validator(name).iter_errors(data))


@pytest.mark.parametrize("name", sorted(schema.SCHEMA_FILES))
def test_the_committed_schema_equals_the_generated_one(name: str) -> None:
    committed = (SCHEMA_DIR / name).read_text(encoding="utf-8")
    assert committed == schema.schema_text(name), "run 'handboek schema' and commit schemas/"


def test_no_other_schema_files_are_committed() -> None:
    assert sorted(path.name for path in SCHEMA_DIR.iterdir()) == sorted(schema.SCHEMA_FILES)


@pytest.mark.parametrize("name", sorted(schema.SCHEMA_FILES))
def test_the_schema_is_valid_draft_07(name: str) -> None:
    jsonschema.Draft7Validator.check_schema(json.loads(schema.schema_text(name)))


def test_the_schemas_follow_the_field_definitions() -> None:
    environment = json.loads(schema.schema_text("omgeving.schema.json"))
    page = json.loads(schema.schema_text("pagina.schema.json"))
    assert list(environment["properties"]) == [f.name for f in schema.ENVIRONMENT_FIELDS]
    assert list(page["properties"]) == [f.name for f in schema.PAGE_FIELDS]
    assert environment["properties"]["overzicht"]["required"] == [
        "meerwaarde",
        "bruggenbouwers",
        "gemeente",
    ]
    assert page["additionalProperties"] is False


@pytest.mark.parametrize(
    ("name", "path"),
    [
        ("omgeving.schema.json", path)
        for path in sorted((ROOT / "content" / "omgevingen").glob("*.md"))
    ]
    + [("pagina.schema.json", path) for path in sorted((ROOT / "content").glob("*.md"))],
    ids=lambda value: value.name if isinstance(value, Path) else value,
)
def test_the_real_content_is_valid(name: str, path: Path) -> None:
    assert errors(name, front_matter(path.read_text(encoding="utf-8"))) == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d.pop("titel"), ["'titel' is a required property"]),
        (
            lambda d: d.update(titl="X"),
            ["Additional properties are not allowed ('titl' was unexpected)"],
        ),
        (lambda d: d.update(titel=""), ["'' does not match '\\\\S'", "'' should be non-empty"]),
        (lambda d: d.update(volgorde=0), ["0 is less than the minimum of 1"]),
        (lambda d: d.update(volgorde="2"), ["'2' is not of type 'integer'"]),
        (lambda d: d.update(laatst_beoordeeld="2026-02-30"), ["'2026-02-30' is not a 'date'"]),
        (
            lambda d: d["overzicht"].update(meerwaarde=[]),
            ["[] should be non-empty"],
        ),
        (lambda d: d.update(eigenaar=False), ["False is not of type 'string'"]),
    ],
)
def test_broken_front_matter_is_rejected(change: Any, expected: list[str]) -> None:
    data = front_matter(ENVIRONMENT)
    assert errors("omgeving.schema.json", data) == []
    change(data)
    assert errors("omgeving.schema.json", data) == expected


def test_a_page_may_not_use_environment_fields() -> None:
    data = {**front_matter(PAGE), "volgorde": 1}
    assert errors("pagina.schema.json", data) == [
        "Additional properties are not allowed ('volgorde' was unexpected)"
    ]
