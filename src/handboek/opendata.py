"""The open data: the handbook as JSON (with its JSON Schema), CSV files and a DCAT catalogue.

The records below are the JSON file's structure. `handbook_record` fills them
from the model; `to_json` writes them and `json_schema` describes them, both
by walking the same dataclasses, so the file and its schema cannot disagree.
Each field's `key` is its name in the file (Dutch, for the data's users) and
`doc` its description in the schema.

Addresses in the files are relative to the site's root unless the site has a
web address (`site_url`): then they are full addresses. Everything is made
from the model and the build date only, so two builds of the same commit with
`SOURCE_DATE_EPOCH` are byte for byte the same.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from handboek import render
from handboek.model import (
    BRIDGE_BUILDERS_ANCHOR,
    MATRIX_ROWS,
    OPEN_DATA_FOLDER,
    QUOTES_PART,
    SELF_SCAN_PATH,
    Environment,
    Handbook,
    LocalEnvironment,
    LocalLayer,
    notes_anchor,
)

JSON_FILE = "handreiking.json"
SCHEMA_FILE = "handreiking.schema.json"
OVERVIEW_CSV = "overzicht.csv"
POINTS_CSV = "zelfscan-punten.csv"
CATALOGUE_FILE = "catalogus.jsonld"
SCHEMA_VERSION = "1.0"

SOURCE_TITLE = "Informele ondersteuners in de sociale basis"
SOURCE_PUBLISHER = "Sociaal en Cultureel Planbureau (SCP)"
SOURCE_URL = "https://www.scp.nl"
LICENCE_NAME = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
LICENCE_NOTE = (
    "De teksten van deze website vallen onder CC BY 4.0. De oorspronkelijke publicatie en de "
    "citaten uit de praktijk blijven van het SCP. Vermeld bij hergebruik het SCP als bron."
)


def _meta(key: str, doc: str) -> dict[str, str]:
    """A field's name in the file and its description in the schema."""
    return {"key": key, "doc": doc}


@dataclass(frozen=True)
class SourceRecord:
    """De publicatie waarop deze website een bewerking is."""

    title: str = field(metadata=_meta("titel", "Titel van de oorspronkelijke publicatie."))
    publisher: str = field(metadata=_meta("uitgever", "Wie de oorspronkelijke publicatie uitgaf."))
    url: str = field(metadata=_meta("webadres", "Website van de uitgever."))


@dataclass(frozen=True)
class LicenceRecord:
    """De licentie van de teksten."""

    name: str = field(metadata=_meta("naam", "Naam van de licentie."))
    url: str = field(metadata=_meta("webadres", "Webadres van de licentietekst."))
    note: str = field(metadata=_meta("toelichting", "Wat er voor hergebruik geldt."))


@dataclass(frozen=True)
class PartRecord:
    """Een vast onderdeel van een omgeving, zoals 'Wat kan de gemeente doen?'."""

    id: str = field(
        metadata=_meta("id", "Vaste id: '<omgeving>/<anker van het onderdeel op haar pagina>'.")
    )
    title: str = field(metadata=_meta("titel", "Kop van het onderdeel."))
    text: str = field(
        metadata=_meta("tekst", "Tekst van het onderdeel (Markdown); leeg bij 'Uit de praktijk'.")
    )
    page: str = field(metadata=_meta("pagina", "Webadres van het onderdeel."))


@dataclass(frozen=True)
class PointRecord:
    """Een punt van 'Wat kan de gemeente doen?' (ook een vraag van de zelfscan)."""

    id: str = field(metadata=_meta("id", "Vaste id: '<omgeving>/punt-<titel>'."))
    title: str = field(metadata=_meta("titel", "Korte titel van het punt."))
    text: str = field(metadata=_meta("uitleg", "Uitleg bij het punt (Markdown)."))
    page: str = field(
        metadata=_meta("pagina", "Webadres van het punt op de pagina van de omgeving.")
    )


@dataclass(frozen=True)
class QuoteRecord:
    """Een citaat uit de praktijk, letterlijk overgenomen uit de publicatie."""

    id: str = field(
        metadata=_meta(
            "id", "Vaste id: '<omgeving>/citaat-<nummer>', in de volgorde van de pagina."
        )
    )
    text: str = field(
        metadata=_meta("tekst", "Tekst van het citaat; alinea's gescheiden door een lege regel.")
    )
    role: str = field(metadata=_meta("rol", "Rol van de spreker."))


@dataclass(frozen=True)
class OverviewItemRecord:
    """Een punt van het overzicht (de samenvattende tabel)."""

    id: str = field(metadata=_meta("id", "Vaste id: '<omgeving>/<rij>-<nummer>'."))
    row: str = field(
        metadata=_meta(
            "rij", "Rij van het overzicht: 'meerwaarde', 'bruggenbouwers' of 'gemeente'."
        )
    )
    text: str = field(metadata=_meta("tekst", "Tekst van het punt."))
    page: str = field(
        metadata=_meta("pagina", "Webadres van het onderdeel waar het punt over gaat.")
    )
    local: bool = field(
        metadata=_meta("lokaal", "Waar als het punt een aanvulling van de gemeente is.")
    )


@dataclass(frozen=True)
class LocalNoteRecord:
    """Een notitie 'Zo doen wij dit in ...' van de gemeente."""

    part: str = field(
        metadata=_meta("onderdeel", "Anker van het onderdeel waar de notitie bij staat.")
    )
    point: str | None = field(
        metadata=_meta("punt", "Id van het punt waar de notitie bij hoort, of null.")
    )
    text: str = field(metadata=_meta("tekst", "Tekst van de notitie (Markdown)."))
    page: str = field(metadata=_meta("pagina", "Webadres van de notitie."))
    local: bool = field(metadata=_meta("lokaal", "Altijd waar: een aanvulling van de gemeente."))


@dataclass(frozen=True)
class LocalBridgeBuilderRecord:
    """Een bruggenbouwer in de gemeente."""

    organisation: str = field(metadata=_meta("organisatie", "Naam van de organisatie."))
    role: str = field(metadata=_meta("rol", "Rol van de organisatie."))
    contact: str = field(metadata=_meta("contact", "Contactgegevens zoals de gemeente ze geeft."))
    local: bool = field(metadata=_meta("lokaal", "Altijd waar: een aanvulling van de gemeente."))


@dataclass(frozen=True)
class LocalInitiativeRecord:
    """Een initiatief of voorbeeld in de gemeente."""

    name: str = field(metadata=_meta("naam", "Naam van het initiatief."))
    text: str = field(metadata=_meta("beschrijving", "Beschrijving (Markdown)."))
    url: str | None = field(metadata=_meta("webadres", "Website van het initiatief, of null."))
    local: bool = field(metadata=_meta("lokaal", "Altijd waar: een aanvulling van de gemeente."))


@dataclass(frozen=True)
class LocalAdditionsRecord:
    """Wat de gemeente bij deze omgeving toevoegt."""

    notes: tuple[LocalNoteRecord, ...] = field(
        metadata=_meta("notities", "Notities bij onderdelen en punten.")
    )
    bridge_builders: tuple[LocalBridgeBuilderRecord, ...] = field(
        metadata=_meta("bruggenbouwers", "Bruggenbouwers in de gemeente.")
    )
    initiatives: tuple[LocalInitiativeRecord, ...] = field(
        metadata=_meta("initiatieven", "Initiatieven en voorbeelden in de gemeente.")
    )


@dataclass(frozen=True)
class EnvironmentRecord:
    """Een omgeving van de sociale basis, met alles wat op haar pagina staat."""

    id: str = field(metadata=_meta("id", "Vaste id van de omgeving (de naam van haar bestand)."))
    title: str = field(metadata=_meta("titel", "Titel van de omgeving."))
    description: str = field(metadata=_meta("beschrijving", "Korte beschrijving van de pagina."))
    order: int = field(metadata=_meta("volgorde", "Plaats in het menu en in het overzicht."))
    page: str = field(metadata=_meta("pagina", "Webadres van de pagina van de omgeving."))
    intro: str = field(metadata=_meta("inleiding", "Inleiding van de pagina (Markdown)."))
    parts: tuple[PartRecord, ...] = field(
        metadata=_meta("onderdelen", "De vaste onderdelen, in volgorde.")
    )
    points: tuple[PointRecord, ...] = field(
        metadata=_meta("punten", "De punten van 'Wat kan de gemeente doen?'.")
    )
    quotes: tuple[QuoteRecord, ...] = field(
        metadata=_meta("citaten", "De citaten uit de praktijk.")
    )
    overview: tuple[OverviewItemRecord, ...] = field(
        metadata=_meta("overzicht", "De punten van deze omgeving in het overzicht.")
    )
    local: LocalAdditionsRecord | None = field(
        metadata=_meta(
            "lokaal", "Aanvullingen van de gemeente (alleen in een lokale versie), of null."
        )
    )


@dataclass(frozen=True)
class HandbookRecord:
    """De handreiking 'Informele ondersteuners in de sociale basis' als open data."""

    schema_version: str = field(
        metadata=_meta("schemaversie", "Versie van de opbouw van dit bestand.")
    )
    title: str = field(metadata=_meta("titel", "Naam van de website."))
    site_url: str | None = field(
        metadata=_meta(
            "webadres",
            "Webadres van de website, of null: dan zijn de webadressen in dit bestand relatief "
            "aan de hoofdmap van de website.",
        )
    )
    build_date: str = field(
        metadata=_meta("bouwdatum", "Datum waarop dit bestand is gemaakt (JJJJ-MM-DD).")
    )
    municipality: str | None = field(
        metadata=_meta("gemeente", "Naam van de gemeente in een lokale versie, of null.")
    )
    source: SourceRecord = field(metadata=_meta("bron", "De oorspronkelijke publicatie."))
    licence: LicenceRecord = field(metadata=_meta("licentie", "De licentie van de teksten."))
    self_scan: str = field(metadata=_meta("zelfscan", "Webadres van de zelfscan."))
    environments: tuple[EnvironmentRecord, ...] = field(
        metadata=_meta("omgevingen", "De omgevingen, in hun volgorde.")
    )


@dataclass(frozen=True)
class Addresses:
    """Turns a path in the site (with '/' for folders, '#' for anchors) into an address."""

    site_url: str | None

    def __call__(self, path: str) -> str:
        return (self.site_url.rstrip("/") + "/" + path) if self.site_url else path


def handbook_record(
    handbook: Handbook, site_name: str, site_url: str | None, date: dt.date
) -> HandbookRecord:
    address = Addresses(site_url or None)
    return HandbookRecord(
        schema_version=SCHEMA_VERSION,
        title=site_name,
        site_url=site_url or None,
        build_date=date.isoformat(),
        municipality=handbook.local.name if handbook.local else None,
        source=SourceRecord(SOURCE_TITLE, SOURCE_PUBLISHER, SOURCE_URL),
        licence=LicenceRecord(LICENCE_NAME, LICENCE_URL, LICENCE_NOTE),
        self_scan=address(_page_url(SELF_SCAN_PATH)),
        environments=tuple(
            _environment_record(env, handbook.local, address) for env in handbook.environments
        ),
    )


def _page_url(path: str) -> str:
    return path.removesuffix(".md") + "/"


def _local_records(
    environment: Environment, here: LocalEnvironment, at: Callable[[str], str]
) -> tuple[list[OverviewItemRecord], LocalAdditionsRecord]:
    """A fork's additions to one environment, marked as local: its bridge builders in the
    overview, and its notes, bridge builders and initiatives."""
    slug = environment.slug
    overview = [
        OverviewItemRecord(
            f"{slug}/{BRIDGE_BUILDERS_ANCHOR}-{n}",
            "bruggenbouwers",
            builder.organisation,
            at(BRIDGE_BUILDERS_ANCHOR),
            True,
        )
        for n, builder in enumerate(here.bridge_builders, start=1)
    ]
    titles = {point.title: point.anchor for point in environment.points}
    additions = LocalAdditionsRecord(
        notes=tuple(
            LocalNoteRecord(
                note.part.anchor,
                f"{slug}/{titles[note.point]}" if note.point in titles else None,
                note.markdown,
                at(notes_anchor(note.part)),
                True,
            )
            for note in here.notes
        ),
        bridge_builders=tuple(
            LocalBridgeBuilderRecord(b.organisation, b.role, b.contact, True)
            for b in here.bridge_builders
        ),
        initiatives=tuple(
            LocalInitiativeRecord(i.name, i.description, i.url, True) for i in here.initiatives
        ),
    )
    return overview, additions


def _environment_record(
    environment: Environment, local: LocalLayer | None, address: Addresses
) -> EnvironmentRecord:
    slug = environment.slug
    page = environment.url

    def at(anchor: str) -> str:
        return address(f"{page}#{anchor}")

    overview = [
        OverviewItemRecord(
            f"{slug}/{row.matrix_field}-{n}", str(row.matrix_field), text, at(row.anchor), False
        )
        for row in MATRIX_ROWS
        for n, text in enumerate(environment.overview[str(row.matrix_field)], start=1)
    ]
    additions = None
    if local is not None:
        local_overview, additions = _local_records(environment, local.environment(slug), at)
        overview += local_overview
    return EnvironmentRecord(
        id=slug,
        title=environment.page.title,
        description=environment.page.description,
        order=environment.order,
        page=address(page),
        intro=environment.intro,
        parts=tuple(
            PartRecord(
                f"{slug}/{part.spec.anchor}",
                part.spec.title,
                "" if part.spec is QUOTES_PART else part.markdown,
                at(part.spec.anchor),
            )
            for part in environment.parts
        ),
        points=tuple(
            PointRecord(f"{slug}/{point.anchor}", point.title, point.text, at(point.anchor))
            for point in environment.points
        ),
        quotes=tuple(
            QuoteRecord(f"{slug}/citaat-{n}", "\n\n".join(quote.paragraphs), quote.role)
            for n, quote in enumerate(environment.quotes, start=1)
        ),
        overview=tuple(overview),
        local=additions,
    )


def to_json(record: Any) -> Any:
    """A record as JSON values, under the keys of its fields."""
    if dataclasses.is_dataclass(record):
        return {
            item.metadata["key"]: to_json(getattr(record, item.name))
            for item in dataclasses.fields(record)
        }
    if isinstance(record, tuple):
        return [to_json(value) for value in record]
    return record


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def json_schema(schema_id: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of `HandbookRecord`, made from the dataclasses."""
    definitions: dict[str, Any] = {}
    _schema_of(HandbookRecord, definitions)
    root = definitions.pop(HandbookRecord.__name__)
    root["properties"] = {
        "$schema": {"description": "Dit schema (handreiking.schema.json).", "type": "string"},
        **root["properties"],
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": schema_id,
        "title": "Handreiking als open data",
        **root,
        "$defs": dict(sorted(definitions.items())),
    }


def _schema_of(kind: Any, definitions: dict[str, Any]) -> dict[str, Any]:
    if dataclasses.is_dataclass(kind):
        name = kind.__name__
        if name not in definitions:
            definitions[name] = {}  # placeholder: records do not nest themselves
            hints = typing.get_type_hints(kind)
            definitions[name] = {
                "description": kind.__doc__,
                "type": "object",
                "properties": {
                    item.metadata["key"]: {
                        "description": item.metadata["doc"],
                        **_schema_of(hints[item.name], definitions),
                    }
                    for item in dataclasses.fields(kind)
                },
                "required": [item.metadata["key"] for item in dataclasses.fields(kind)],
                "additionalProperties": False,
            }
        return {"$ref": f"#/$defs/{name}"}
    origin = typing.get_origin(kind)
    if origin in (types.UnionType, typing.Union):
        options = [arg for arg in typing.get_args(kind) if arg is not type(None)]
        [option] = options
        return {"anyOf": [_schema_of(option, definitions), {"type": "null"}]}
    if origin is tuple:
        return {"type": "array", "items": _schema_of(typing.get_args(kind)[0], definitions)}
    return {str: {"type": "string"}, int: {"type": "integer"}, bool: {"type": "boolean"}}[kind]


def overview_csv(record: HandbookRecord) -> str:
    """The overview's items, one a row (the local ones marked)."""
    titles = {str(row.matrix_field): row.title for row in MATRIX_ROWS}
    rows = [
        [
            env.id,
            env.title,
            item.row,
            titles[item.row],
            item.id,
            item.text,
            _yes(item.local),
            item.page,
        ]
        for env in record.environments
        for item in env.overview
    ]
    header = ["omgeving", "omgeving_titel", "rij", "rij_titel", "id", "tekst", "lokaal", "pagina"]
    return _csv([header, *rows])


def points_csv(record: HandbookRecord) -> str:
    """The zelfscan's points, one a row, with empty columns to fill in."""
    header = [
        "omgeving",
        "omgeving_titel",
        "id",
        "titel",
        "uitleg",
        "pagina",
        "lokale_notitie",
        "status",
        "verantwoordelijk",
        "notitie",
    ]
    rows = []
    for env in record.environments:
        noted = {note.point for note in env.local.notes} if env.local else set()
        rows += [
            [
                env.id,
                env.title,
                point.id,
                point.title,
                point.text,
                point.page,
                _yes(point.id in noted),
                "",
                "",
                "",
            ]
            for point in env.points
        ]
    return _csv([header, *rows])


def _yes(value: bool) -> str:
    return "ja" if value else "nee"


def _csv(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


_MEDIA_TYPES = {
    JSON_FILE: ("application/json", "JSON"),
    SCHEMA_FILE: ("application/schema+json", "JSON"),
    OVERVIEW_CSV: ("text/csv", "CSV"),
    POINTS_CSV: ("text/csv", "CSV"),
}
_DESCRIPTIONS = {
    JSON_FILE: "De hele handreiking: omgevingen, onderdelen, punten, citaten en het overzicht.",
    SCHEMA_FILE: "JSON Schema van handreiking.json.",
    OVERVIEW_CSV: "De punten van het overzicht, één per regel.",
    POINTS_CSV: "De punten van de zelfscan, één per regel, met lege kolommen om in te vullen.",
}


def catalogue(record: HandbookRecord, publisher: str) -> dict[str, Any]:
    """A small DCAT catalogue (JSON-LD) of the files, for Dutch open-data portals.

    Long because it is one JSON-LD document written out as it is published: splitting it
    would scatter one catalogue record over several functions.
    """
    address = Addresses(record.site_url)

    def nl(text: str) -> dict[str, str]:
        return {"@language": "nl", "@value": text}

    files = [JSON_FILE, SCHEMA_FILE, OVERVIEW_CSV, POINTS_CSV]
    return {
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/",
            "xsd": "http://www.w3.org/2001/XMLSchema#",
        },
        "@id": address(f"{OPEN_DATA_FOLDER}/{CATALOGUE_FILE}"),
        "@type": "dcat:Catalog",
        "dct:title": nl(f"Open data van {record.title}"),
        "dct:publisher": {"@type": "foaf:Agent", "foaf:name": publisher},
        "dct:language": {"@id": "http://publications.europa.eu/resource/authority/language/NLD"},
        "dcat:dataset": [
            {
                "@id": address(f"{OPEN_DATA_FOLDER}/"),
                "@type": "dcat:Dataset",
                "dct:title": nl(record.title),
                "dct:description": nl(
                    "Bewerking voor het web van de handreiking 'Informele ondersteuners in de "
                    "sociale basis' van het Sociaal en Cultureel Planbureau (SCP), als open data."
                ),
                "dct:publisher": {"@type": "foaf:Agent", "foaf:name": publisher},
                "dct:source": nl(f"{SOURCE_PUBLISHER}, {SOURCE_TITLE}"),
                "dct:license": {"@id": LICENCE_URL},
                "dct:language": {
                    "@id": "http://publications.europa.eu/resource/authority/language/NLD"
                },
                "dct:modified": {"@type": "xsd:date", "@value": record.build_date},
                "dcat:landingPage": {"@id": address(f"{OPEN_DATA_FOLDER}/")},
                "dcat:distribution": [
                    {
                        "@type": "dcat:Distribution",
                        "dct:title": nl(name),
                        "dct:description": nl(_DESCRIPTIONS[name]),
                        "dcat:downloadURL": {"@id": address(f"{OPEN_DATA_FOLDER}/{name}")},
                        "dcat:accessURL": {"@id": address(f"{OPEN_DATA_FOLDER}/{name}")},
                        "dcat:mediaType": _MEDIA_TYPES[name][0],
                        "dct:format": _MEDIA_TYPES[name][1],
                        "dct:license": {"@id": LICENCE_URL},
                    }
                    for name in files
                ],
            }
        ],
    }


def open_data_files(
    handbook: Handbook, site_name: str, site_url: str | None, date: dt.date, publisher: str
) -> dict[str, str]:
    """Every file of /open-data/, by its path in the site."""
    record = handbook_record(handbook, site_name, site_url, date)
    schema_id = Addresses(site_url or None)(f"{OPEN_DATA_FOLDER}/{SCHEMA_FILE}")
    files = {
        JSON_FILE: dumps({"$schema": SCHEMA_FILE, **to_json(record)}),
        SCHEMA_FILE: dumps(json_schema(schema_id)),
        OVERVIEW_CSV: overview_csv(record),
        POINTS_CSV: points_csv(record),
        CATALOGUE_FILE: dumps(catalogue(record, publisher)),
    }
    return {f"{OPEN_DATA_FOLDER}/{name}": text for name, text in files.items()}


_TEMPLATES = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=False,  # Markdown; the only value is the date
    keep_trailing_newline=True,
    undefined=jinja2.StrictUndefined,
)


def open_data_markdown(date: dt.date) -> str:
    """The body of the page that explains the files (the hook adds the title)."""
    return _TEMPLATES.get_template("open-data.md.jinja").render(
        date=render.dutch_date(date), folder=OPEN_DATA_FOLDER
    )
