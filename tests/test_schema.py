"""The JSON Schemas of the front matter, made from the same `Field`s as the checker.

schemas/*.json are committed for editors' tools (see CONTRIBUTING.md, and
FORKING.md for the local layer's lokaal-*.schema.json); they must equal what
`handboek schema` generates, and agree with the checker on real and broken
front matter and on the fictional fork's YAML files. After changing fields.py
or local/fields.py, run `handboek schema`.
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
from handboek.local import fields
from handboek.read.text import split_front_matter
from tests.conftest import ROOT
from tests.sample_content import ENVIRONMENT, PAGE

SCHEMA_DIR = ROOT / "schemas"
FORK = ROOT / "tests" / "fixtures" / "gemeente-voorbeeld"


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


@pytest.mark.parametrize("name", sorted(schema.schema_files()))
def test_the_committed_schema_equals_the_generated_one(name: str) -> None:
    committed = (SCHEMA_DIR / name).read_text(encoding="utf-8")
    assert committed == schema.schema_text(name), "run 'handboek schema' and commit schemas/"


def test_no_other_schema_files_are_committed() -> None:
    assert sorted(path.name for path in SCHEMA_DIR.iterdir()) == sorted(schema.schema_files())


@pytest.mark.parametrize("name", sorted(schema.schema_files()))
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


# --- the local layer of a fork -------------------------------------------------------------


def yaml_file(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), path
    return data


def test_the_local_schemas_follow_the_local_field_definitions() -> None:
    municipality = json.loads(schema.schema_text("lokaal-gemeente.schema.json"))
    environment = json.loads(schema.schema_text("lokaal-omgeving.schema.json"))
    assert municipality["title"] == "Gegevens van de gemeente (lokaal/gemeente.yml)"
    assert list(municipality["properties"]) == [f.name for f in fields.MUNICIPALITY_FIELDS]
    assert municipality["required"] == ["naam"]
    assert municipality["properties"]["kleuren"]["required"] == [
        f.name for f in fields.COLOUR_FIELDS
    ]
    assert list(environment["properties"]) == [f.name for f in fields.LOCAL_ENVIRONMENT_FIELDS]
    assert environment["required"] == []
    note = environment["properties"]["notities"]["items"]
    assert note["required"] == ["onderdeel", "tekst"]
    assert note["properties"]["upstream"]["required"] == ["vingerafdruk", "tekst"]


def test_forking_names_the_local_schema_files() -> None:
    forking = (ROOT / "FORKING.md").read_text(encoding="utf-8")
    for name in fields.SCHEMA_FILES:
        assert f"schemas/{name}" in forking


@pytest.mark.parametrize(
    ("name", "path"),
    [("lokaal-gemeente.schema.json", FORK / "gemeente.yml")]
    + [("lokaal-omgeving.schema.json", path) for path in sorted(FORK.glob("omgevingen/*.yml"))],
    ids=lambda value: value.name if isinstance(value, Path) else value,
)
def test_the_fictional_fork_is_valid(name: str, path: Path) -> None:
    assert errors(name, yaml_file(path)) == []


def test_a_note_recorded_by_herzien_is_valid() -> None:
    data = yaml_file(FORK / "omgevingen" / "verenigingen.yml")
    data["notities"][0]["upstream"] = {"vingerafdruk": "0123456789ab", "tekst": "- **Punt.** X"}
    assert errors("lokaal-omgeving.schema.json", data) == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d.pop("naam"), ["'naam' is a required property"]),
        (
            lambda d: d.update(kleur=d.pop("kleuren")),
            ["Additional properties are not allowed ('kleur' was unexpected)"],
        ),
        (lambda d: d["kleuren"].pop("accent"), ["'accent' is a required property"]),
        (lambda d: d.update(logo=""), ["'' does not match '\\\\S'", "'' should be non-empty"]),
    ],
)
def test_typical_mistakes_in_gemeente_yml_are_rejected(change: Any, expected: list[str]) -> None:
    data = yaml_file(FORK / "gemeente.yml")
    change(data)
    assert errors("lokaal-gemeente.schema.json", data) == expected


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda d: d["bruggenbouwers"][0].pop("contact"),
            ["'contact' is a required property"],
        ),
        (
            lambda d: d.update(bruggenbouwers=d["bruggenbouwers"][0]),
            [
                "{'organisatie': 'Sportservice Voorbeeld', 'rol': 'verenigingsondersteuner', "
                "'contact': 'sport@voorbeeld.example'} is not of type 'array'"
            ],
        ),
        (
            lambda d: d["bruggenbouwers"].append("Buurtteam Zuid"),
            ["'Buurtteam Zuid' is not of type 'object'"],
        ),
        (
            lambda d: d.update(notitie=d.pop("notities")),
            ["Additional properties are not allowed ('notitie' was unexpected)"],
        ),
        (
            lambda d: d["notities"][0].update(onderdeel=["wat-werkt"]),
            ["['wat-werkt'] is not of type 'string'"],
        ),
    ],
)
def test_typical_mistakes_in_an_environment_file_are_rejected(
    change: Any, expected: list[str]
) -> None:
    data = yaml_file(FORK / "omgevingen" / "verenigingen.yml")
    change(data)
    assert errors("lokaal-omgeving.schema.json", data) == expected
