"""JSON Schemas for editors' tools, generated from the field definitions (`fields`).

`handboek schema` writes them to schemas/; the scaffold of a fork names them
in a `# yaml-language-server: $schema=...` line. This module only generates:
what a field may hold is defined once, in `fields` and `local.fields`.
"""

from __future__ import annotations

import json
from typing import Any

from handboek.fields import ENVIRONMENT_FIELDS, PAGE_FIELDS, Field, Kind
from handboek.local import fields as local_fields


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
    """Every schema `handboek schema` writes: front matter, then the local layer's files."""
    return {**SCHEMA_FILES, **local_fields.SCHEMA_FILES}


def schema_text(file_name: str) -> str:
    """One schema of `schema_files()` as the JSON text that is written to disk."""
    fields, title = schema_files()[file_name]
    return json.dumps(json_schema(fields, title), ensure_ascii=False, indent=2) + "\n"
