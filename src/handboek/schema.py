"""The front matter fields editors may write: one definition, two uses.

`frontmatter.read_fields` validates a page's front matter against these
definitions, and `json_schema` turns the very same definitions into a JSON
Schema for editors' tools. Nothing here is maintained twice. The local
layer's YAML files (`local.fields`) are defined and turned into schemas the
same way.
"""

from __future__ import annotations

import json
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
    # Markdown that keeps its line breaks (lists, paragraphs), e.g. a local note.
    MARKDOWN = "tekst in Markdown (mag meerdere regels hebben)"
    # A list whose items are each a group of fields, e.g. local bridge builders.
    GROUP_LIST = "lijst met groepen velden"


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
        "eerdere_namen",
        Kind.TEXT_LIST,
        "Eerdere bestandsnamen van deze omgeving (zonder .md), na een hernoeming. Een fork met "
        "een bestand of link onder zo'n naam blijft werken en krijgt een melding.",
        required=False,
    ),
    Field(
        "overzicht",
        Kind.GROUP,
        "De korte punten van deze omgeving in het overzicht (de tabel).",
        children=OVERVIEW_FIELDS,
    ),
)


def _field_schema(field: Field) -> dict[str, Any]:
    schema: dict[str, Any]
    if field.kind in (Kind.TEXT, Kind.MARKDOWN):
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
    elif field.kind is Kind.GROUP_LIST:
        schema = {"type": "array", "minItems": 1, "items": _object_schema(field.children)}
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
    """A JSON Schema (draft-07) for front matter, or a YAML file, with these fields.

    Draft-07, because editors' tools (the YAML language server in VS Code, Ajv
    in remark-lint) read it without extra setup; the schema only uses keywords
    that mean the same in later drafts. YAML dates are strings in JSON, hence
    `format: date`.
    """
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": title,
        **_object_schema(fields),
    }


# Where `handboek schema` writes the schemas, relative to the repository root.
SCHEMA_FOLDER = "schemas"

# The schemas of front matter that `handboek schema` writes: file name -> (fields, title).
SCHEMA_FILES: dict[str, tuple[tuple[Field, ...], str]] = {
    "omgeving.schema.json": (
        ENVIRONMENT_FIELDS,
        "Front matter van een omgeving (content/omgevingen/*.md)",
    ),
    "pagina.schema.json": (PAGE_FIELDS, "Front matter van een andere pagina (content/*.md)"),
}


def schema_files() -> dict[str, tuple[tuple[Field, ...], str]]:
    """Every schema `handboek schema` writes: front matter, then the local layer's files.

    `local.fields` builds its definitions with `Field` from this module, so it is
    imported when called; at the top it would be a circular import.
    """
    from handboek.local import fields as local_fields

    return {**SCHEMA_FILES, **local_fields.SCHEMA_FILES}


def schema_text(file_name: str) -> str:
    """One schema of `schema_files()` as the JSON text that is written to disk."""
    fields, title = schema_files()[file_name]
    return json.dumps(json_schema(fields, title), ensure_ascii=False, indent=2) + "\n"
