"""The front matter fields editors may write: one definition, two uses.

`frontmatter.read_fields` validates a page's front matter against these
definitions, and `json_schema` turns the very same definitions into a JSON
Schema for editors' tools. Nothing here is maintained twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any


class Kind(Enum):
    """What a field holds, named as an editor would say it."""

    TEXT = "tekst"
    DATE = "datum (JJJJ-MM-DD)"
    NUMBER = "geheel getal"
    TEXT_LIST = "lijst met teksten"
    GROUP = "groep velden"


@dataclass(frozen=True)
class Field:
    name: str
    kind: Kind
    description: str
    required: bool = True
    children: tuple[Field, ...] = ()


PAGE_FIELDS: tuple[Field, ...] = (
    Field("titel", Kind.TEXT, "Titel van de pagina, zoals lezers die zien."),
    Field(
        "beschrijving",
        Kind.TEXT,
        "Eén zin over de pagina voor zoekmachines en deellinks (meta description).",
    ),
    Field("eigenaar", Kind.TEXT, "Wie de pagina inhoudelijk beheert (een rol of team)."),
    Field("laatst_beoordeeld", Kind.DATE, "Datum waarop de inhoud laatst is nagekeken."),
    Field(
        "volgende_beoordeling",
        Kind.DATE,
        "Datum waarop de inhoud opnieuw nagekeken moet worden.",
    ),
)

OVERVIEW_FIELDS: tuple[Field, ...] = (
    Field("meerwaarde", Kind.TEXT_LIST, "Korte punten voor de rij 'Wat is de meerwaarde?'."),
    Field(
        "bruggenbouwers",
        Kind.TEXT_LIST,
        "Korte punten voor de rij 'Wie zijn de bruggenbouwers?'.",
    ),
    Field("gemeente", Kind.TEXT_LIST, "Korte punten voor de rij 'Wat kan de gemeente doen?'."),
)

ENVIRONMENT_FIELDS: tuple[Field, ...] = (
    *PAGE_FIELDS,
    Field("volgorde", Kind.NUMBER, "Plaats van de omgeving in menu en overzicht (1, 2, 3, ...)."),
    Field(
        "overzicht",
        Kind.GROUP,
        "De korte punten van deze omgeving in het overzicht (de tabel).",
        children=OVERVIEW_FIELDS,
    ),
)


def _field_schema(field: Field) -> dict[str, Any]:
    schema: dict[str, Any]
    if field.kind is Kind.TEXT:
        schema = {"type": "string", "minLength": 1, "pattern": r"\S"}
    elif field.kind is Kind.DATE:
        schema = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
    elif field.kind is Kind.NUMBER:
        schema = {"type": "integer", "minimum": 1}
    elif field.kind is Kind.TEXT_LIST:
        schema = {
            "type": "array",
            "minItems": 1,
            "items": {"type": "string", "minLength": 1, "pattern": r"\S"},
        }
    else:
        schema = _object_schema(field.children)
    schema["description"] = field.description
    return schema


def _object_schema(fields: tuple[Field, ...]) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {field.name: _field_schema(field) for field in fields},
        "required": [field.name for field in fields if field.required],
        "additionalProperties": False,
    }


def json_schema(fields: tuple[Field, ...], title: str) -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) for front matter with these fields.

    YAML dates are written as strings in JSON, hence `format: date`.
    """
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": title,
        **_object_schema(fields),
    }
