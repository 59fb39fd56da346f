"""publiccode.yml: the project described for public-sector software catalogues.

Checks the basic structure of the publiccode.yml standard, version 0.4: its
required keys, the allowed values of the fields with a fixed list, and the
lengths the standard sets for descriptions, in Dutch and in English.
"""

from __future__ import annotations

import tomllib
from typing import Any

import yaml

from tests.conftest import ROOT

DEVELOPMENT_STATUSES = {"concept", "development", "beta", "stable", "obsolete"}
SOFTWARE_TYPES = {
    "standalone/mobile",
    "standalone/iot",
    "standalone/desktop",
    "standalone/web",
    "standalone/backend",
    "standalone/other",
    "addon",
    "library",
    "configurationFiles",
}
MAINTENANCE_TYPES = {"internal", "contract", "community", "none"}


def publiccode() -> dict[str, Any]:
    return yaml.safe_load((ROOT / "publiccode.yml").read_text(encoding="utf-8"))


def test_the_required_keys_of_version_0_4_are_there() -> None:
    data = publiccode()
    assert data["publiccodeYmlVersion"] == "0.4"
    for key in (
        "name",
        "url",
        "platforms",
        "developmentStatus",
        "softwareType",
        "description",
        "legal",
        "maintenance",
        "localisation",
    ):
        assert data.get(key), key
    assert data["url"].startswith("https://")
    assert data["platforms"] == ["web"]
    assert data["developmentStatus"] in DEVELOPMENT_STATUSES
    assert data["softwareType"] in SOFTWARE_TYPES


def test_descriptions_in_dutch_and_english_within_the_standards_lengths() -> None:
    descriptions = publiccode()["description"]
    assert set(descriptions) == {"nl", "en"}
    for language, description in descriptions.items():
        assert 0 < len(description["shortDescription"]) <= 150, language
        assert 150 <= len(description["longDescription"]) <= 10000, language
        assert description["features"], language
        assert all(len(feature) <= 100 for feature in description["features"]), language


def test_licence_maintenance_and_localisation_to_a_fork() -> None:
    data = publiccode()
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert data["legal"]["license"] == pyproject["project"]["license"] == "EUPL-1.2"
    maintenance = data["maintenance"]
    assert maintenance["type"] in MAINTENANCE_TYPES
    if maintenance["type"] in ("internal", "community"):
        assert all(contact["name"] for contact in maintenance["contacts"])
    localisation = data["localisation"]
    assert localisation["localisationReady"] is True
    assert localisation["availableLanguages"] == ["nl"]
    assert "fork" in data["description"]["nl"]["longDescription"]
