"""The fields editors may write: one definition for the check and the JSON Schema.

`read.frontmatter.FieldReader` validates a page's front matter (and the local
layer's YAML files, whose fields are in `local.fields`) against these
definitions, and `schema` turns the very same definitions into JSON Schemas
for editors' tools. Nothing here is maintained twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


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
    """One field an editor may write, with what it may hold."""

    name: str
    """The key in the YAML, as the editor types it."""
    kind: Kind
    """What the value must be."""
    description: str
    """What the field is for, in Dutch: shown in the JSON Schema and in messages."""
    required: bool = True
    """Whether a missing field is an error."""
    children: tuple[Field, ...] = ()
    """The fields of a group, or of each item of a list of groups."""


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
