"""The open data (/open-data/): JSON with its JSON Schema, CSV files and a DCAT catalogue.

The files of the built site are checked against the content model as
`check_content` makes it (not against the code that wrote them): every
overview item, quote and point is there, the JSON validates against the
schema published beside it, the CSV files parse with `csv`, and in a fork the
municipality's additions are in, marked as local.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import jsonschema

from handboek import opendata
from handboek.model import MATRIX_ROWS
from tests.conftest import ROOT, TEST_DATE, copy_project, model_of, run_build


def data_of(site: Path) -> dict[str, Any]:
    return json.loads((site / "open-data" / "handreiking.json").read_text(encoding="utf-8"))


def schema_of(site: Path) -> dict[str, Any]:
    return json.loads((site / "open-data" / "handreiking.schema.json").read_text(encoding="utf-8"))


def csv_rows(site: Path, name: str) -> list[dict[str, str]]:
    text = (site / "open-data" / name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_the_json_validates_against_the_schema_published_beside_it(built_site: Path) -> None:
    schema = schema_of(built_site)
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(data_of(built_site))


def test_the_schema_catches_a_wrong_file(built_site: Path) -> None:
    """The schema can fail: a quote without its role, or an unknown field, is refused."""
    validator = jsonschema.Draft202012Validator(schema_of(built_site))
    data = data_of(built_site)
    del data["omgevingen"][0]["citaten"][0]["rol"]
    data["omgevingen"][1]["extra"] = 1
    messages = sorted(error.message for error in validator.iter_errors(data))
    assert messages == [
        "'rol' is a required property",
        "Additional properties are not allowed ('extra' was unexpected)",
    ]


def test_the_json_has_every_overview_item_quote_and_point_of_the_model(built_site: Path) -> None:
    handbook = model_of(ROOT)
    data = data_of(built_site)
    assert [env["id"] for env in data["omgevingen"]] == [e.slug for e in handbook.environments]
    for env, record in zip(handbook.environments, data["omgevingen"], strict=True):
        assert record["titel"] == env.page.title
        assert [(item["rij"], item["tekst"]) for item in record["overzicht"]] == [
            (row.matrix_field, text)
            for row in MATRIX_ROWS
            for text in env.overview[row.matrix_field]
        ]
        assert [(q["tekst"], q["rol"]) for q in record["citaten"]] == [
            ("\n\n".join(quote.paragraphs), quote.role) for quote in env.quotes
        ]
        assert [(p["titel"], p["uitleg"]) for p in record["punten"]] == [
            (point.title, point.text) for point in env.points
        ]
        assert [part["titel"] for part in record["onderdelen"]] == [
            part.spec.title for part in env.parts
        ]
        assert record["lokaal"] is None
        assert not any(item["lokaal"] for item in record["overzicht"])
    assert sum(len(env["citaten"]) for env in data["omgevingen"]) >= 6


def test_ids_are_unique_and_every_address_goes_to_an_id_on_a_built_page(built_site: Path) -> None:
    data = data_of(built_site)
    ids: list[str] = []
    addresses: list[str] = [data["zelfscan"]]
    for env in data["omgevingen"]:
        addresses.append(env["pagina"])
        for key in ("onderdelen", "punten", "citaten", "overzicht"):
            ids += [f"{key}:{item['id']}" for item in env[key]]
            addresses += [item["pagina"] for item in env[key] if "pagina" in item]
    assert len(ids) == len(set(ids))
    for address in addresses:
        path, _, anchor = address.partition("#")
        page = (built_site / path / "index.html").read_text(encoding="utf-8")
        assert not anchor or f'id="{anchor}"' in page, address


def test_source_licence_and_build_date(built_site: Path) -> None:
    data = data_of(built_site)
    assert data["bouwdatum"] == TEST_DATE.isoformat() == "2026-12-01"
    assert data["bron"]["uitgever"] == "Sociaal en Cultureel Planbureau (SCP)"
    assert data["licentie"]["naam"] == "CC BY 4.0"
    assert data["webadres"] is None  # a local build: addresses relative to the site's root
    assert data["gemeente"] is None
    assert data["$schema"] == "handreiking.schema.json"


def test_the_published_schema_is_the_one_the_code_makes(built_site: Path) -> None:
    assert schema_of(built_site) == opendata.json_schema("open-data/handreiking.schema.json")


def test_the_csv_files_parse_and_hold_the_models_items_and_points(built_site: Path) -> None:
    handbook = model_of(ROOT)
    overview = csv_rows(built_site, "overzicht.csv")
    assert [(row["omgeving"], row["rij"], row["tekst"], row["lokaal"]) for row in overview] == [
        (env.slug, row.matrix_field, text, "nee")
        for env in handbook.environments
        for row in MATRIX_ROWS
        for text in env.overview[row.matrix_field]
    ]
    scan = csv_rows(built_site, "zelfscan-punten.csv")
    assert [(row["omgeving"], row["titel"], row["uitleg"]) for row in scan] == [
        (env.slug, point.title, point.text) for env in handbook.environments for point in env.points
    ]
    assert {(row["status"], row["verantwoordelijk"], row["notitie"]) for row in scan} == {
        ("", "", "")
    }


def test_the_dcat_catalogue_describes_every_file(built_site: Path) -> None:
    text = (built_site / "open-data" / "catalogus.jsonld").read_text(encoding="utf-8")
    catalogue = json.loads(text)
    assert catalogue["@type"] == "dcat:Catalog"
    [dataset] = catalogue["dcat:dataset"]
    assert dataset["dct:license"] == {"@id": "https://creativecommons.org/licenses/by/4.0/"}
    assert dataset["dct:modified"]["@value"] == "2026-12-01"
    files = [d["dcat:downloadURL"]["@id"] for d in dataset["dcat:distribution"]]
    assert files == [
        "open-data/handreiking.json",
        "open-data/handreiking.schema.json",
        "open-data/overzicht.csv",
        "open-data/zelfscan-punten.csv",
    ]
    assert all((built_site / file).is_file() for file in files)


def test_the_page_links_every_file(built_site: Path) -> None:
    page = (built_site / "open-data" / "index.html").read_text(encoding="utf-8")
    links = set(re.findall(r'href="([a-z.-]+\.(?:json|csv|jsonld))"', page))
    assert links == {
        "handreiking.json",
        "handreiking.schema.json",
        "overzicht.csv",
        "zelfscan-punten.csv",
        "catalogus.jsonld",
    }
    assert '<h1 id="open-data">Open data' in page


def test_with_a_web_address_the_addresses_are_full(tmp_path: Path) -> None:
    address = "https://handreiking.voorbeeld.example/"
    build = run_build(copy_project(tmp_path / "project"), webadres=address)
    assert build.returncode == 0, build.output
    data = data_of(build.site)
    assert data["webadres"] == address
    assert data["omgevingen"][0]["pagina"] == f"{address}omgevingen/buurtgemeenschappen/"
    schema = schema_of(build.site)
    assert schema["$id"] == f"{address}open-data/handreiking.schema.json"
    jsonschema.Draft202012Validator(schema).validate(data)


def test_in_a_fork_the_local_additions_are_in_and_marked_local(
    fork_project: Path, fork_site: Path
) -> None:
    handbook = model_of(fork_project)
    assert handbook.local is not None
    site = fork_site
    data = data_of(site)
    jsonschema.Draft202012Validator(schema_of(site)).validate(data)
    assert data["gemeente"] == "Gemeente Voorbeeld"
    for env, record in zip(handbook.environments, data["omgevingen"], strict=True):
        here = handbook.local.environment(env.slug)
        local = record["lokaal"]
        assert [n["tekst"] for n in local["notities"]] == [n.markdown for n in here.notes]
        assert [b["organisatie"] for b in local["bruggenbouwers"]] == [
            b.organisation for b in here.bridge_builders
        ]
        assert [i["naam"] for i in local["initiatieven"]] == [i.name for i in here.initiatives]
        marked = [item["tekst"] for item in record["overzicht"] if item["lokaal"]]
        assert marked == [b.organisation for b in here.bridge_builders]
    verenigingen = next(env for env in data["omgevingen"] if env["id"] == "verenigingen")
    assert {note["punt"] for note in verenigingen["lokaal"]["notities"]} == {
        "verenigingen/punt-een-contactpersoon-bij-probleemsignalen"
    }
    overview = csv_rows(site, "overzicht.csv")
    assert ("verenigingen", "Sportservice Voorbeeld", "ja") in {
        (row["omgeving"], row["tekst"], row["lokaal"]) for row in overview
    }
    scan = csv_rows(site, "zelfscan-punten.csv")
    assert {row["id"] for row in scan if row["lokale_notitie"] == "ja"} >= {
        "verenigingen/punt-een-contactpersoon-bij-probleemsignalen"
    }
    catalogue = json.loads((site / "open-data" / "catalogus.jsonld").read_text(encoding="utf-8"))
    assert catalogue["dct:publisher"]["foaf:name"] == "Gemeente Voorbeeld"
