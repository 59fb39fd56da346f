"""lokaal/gemeente.yml: the municipality's name, site name, web address, logo and colours.

`read_municipality` reads only this file (and the logo it names): the MkDocs
hook needs the name, logo and colours in `on_config`, before the full check
runs. `layer.check_layer` reads it again through `municipality_values`, so the
check reports its problems next to those of the rest of the layer. The file
is parsed with the fields of `fields.MUNICIPALITY_FIELDS`; then the web
address must be https, the logo must be an .svg or .png in lokaal/ (an SVG
read with `audit_svg`: a drawing only, no script, no DTD, nothing from
elsewhere), and the colours must be valid and readable
(`colours`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from handboek import audit_svg
from handboek.audit_url import Site
from handboek.local import colours
from handboek.local.fields import MUNICIPALITY_FIELDS
from handboek.local.files import (
    LOGO_SUFFIXES,
    MUNICIPALITY_FILE,
    child,
    layer_folder,
    placeholder_findings,
    read_yaml,
    url_problems,
    value_line,
)
from handboek.model import LOCAL_FOLDER
from handboek.problems import Problem, errors
from handboek.read import frontmatter

# Where the build puts the logo and the colours in the site.
SITE_ASSETS = "assets/gemeente"
COLOURS_CSS = f"{SITE_ASSETS}/kleuren.css"

_LOAD = (
    "neem lettertypen en afbeeldingen op in het SVG-bestand zelf; de site doet geen verzoeken "
    "naar andere partijen (privacy)"
)
_DTD = "verwijder de regel met <!DOCTYPE ...> (en <!ENTITY ...>) bovenaan het bestand"
_DRAWING = (
    "een logo is alleen een tekening: bewaar het als gewone SVG (in Inkscape: 'Gewone SVG'), "
    "zonder scripts, links, animatie of verwijzingen naar andere bestanden"
)


@dataclass(frozen=True)
class Municipality:
    """The settings of lokaal/gemeente.yml that change the site as a whole."""

    name: str
    site_name: str | None
    site_url: str | None
    logo: str | None  # path relative to the repository root
    colours: dict[str, str]  # token -> #rrggbb; empty when the upstream colours stay

    @classmethod
    def from_values(cls, values: dict[str, Any]) -> Municipality:
        """The settings from the valid values of `municipality_values`."""
        site_url, logo = values.get("webadres"), values.get("logo")
        return cls(
            name=values["naam"],
            site_name=values.get("sitenaam"),
            site_url=site_url.rstrip("/") + "/" if site_url else None,
            logo=f"{LOCAL_FOLDER}/{logo}" if logo else None,
            colours=values.get("kleuren", {}),
        )

    def title(self, upstream_site_name: str) -> str:
        return self.site_name or f"{upstream_site_name} – {self.name}"

    @property
    def logo_site_path(self) -> str | None:
        return f"{SITE_ASSETS}/logo{Path(self.logo).suffix}" if self.logo else None

    @property
    def css(self) -> str:
        return colours.css(self.colours) if self.colours else ""


def read_municipality(root: Path) -> tuple[Municipality | None, list[Problem]]:
    """The municipality's settings, or None (with problems) when absent or wrong."""
    values, problems = municipality_values(root)
    if values is None or errors(problems):
        return None, problems
    return Municipality.from_values(values), problems


def municipality_values(root: Path) -> tuple[dict[str, Any] | None, list[Problem]]:
    """The valid values of lokaal/gemeente.yml, and every problem in it."""
    folder = layer_folder(root)
    path = f"{LOCAL_FOLDER}/{MUNICIPALITY_FILE}"
    file = folder / MUNICIPALITY_FILE
    if not folder.is_dir():
        return None, []
    if not file.is_file():
        return None, [
            Problem(
                path,
                1,
                "het bestand met de gegevens van de gemeente ontbreekt",
                'maak de lokale laag met: .venv/bin/handboek gemeente nieuw "Gemeente ..." '
                "(of zet lokaal/gemeente.yml terug)",
            )
        ]
    node, text, problems = read_yaml(file, path)
    if node is None:
        return None, problems
    reader = frontmatter.FieldReader(path, 1)
    values = reader.read_group(node, MUNICIPALITY_FIELDS)
    problems.extend(reader.problems)
    problems.extend(Problem(path, *finding) for finding in placeholder_findings(text, True))
    site_url = values.get("webadres")
    if site_url:
        problems.extend(url_problems(path, value_line(reader, node, "webadres"), "", site_url))
    logo = values.get("logo")
    if logo:
        problems.extend(_logo_problems(folder, logo, path, value_line(reader, node, "logo")))
    colour_values: dict[str, str] = values.get("kleuren", {})
    found = child(node, "kleuren")
    if found and isinstance(found[1], yaml.MappingNode):
        for token, message, hint in [
            *colours.format_findings(colour_values),
            *colours.contrast_findings(colour_values),
        ]:
            problems.append(Problem(path, value_line(reader, found[1], token), message, hint))
    return values, problems


def _logo_problems(folder: Path, logo: str, path: str, line: int) -> Iterator[Problem]:
    file = folder / logo
    if file.is_symlink():
        yield Problem(
            path,
            line,
            f"het logo '{logo}' is een snelkoppeling (symbolische link)",
            f"zet het bestand zelf in {LOCAL_FOLDER}/ in plaats van een snelkoppeling; een "
            "snelkoppeling kan bestanden van buiten het project publiceren",
        )
        return
    if Path(logo).is_absolute() or ".." in Path(logo).parts or not file.is_file():
        yield Problem(
            path,
            line,
            f"het logo '{logo}' staat niet in de map {LOCAL_FOLDER}/",
            f"zet het bestand in {LOCAL_FOLDER}/ en schrijf alleen de naam, bijvoorbeeld: "
            "logo: logo.svg",
        )
        return
    if file.suffix.lower() not in LOGO_SUFFIXES:
        yield Problem(
            path,
            line,
            f"het logo '{logo}' is geen .svg of .png",
            "sla het logo op als SVG (het scherpst) of als PNG",
        )
        return
    if file.suffix.lower() == ".svg":
        svg_path = f"{LOCAL_FOLDER}/{logo}"
        site = Site(f"{SITE_ASSETS}/logo.svg")
        for number, message in audit_svg.findings(file.read_bytes(), site):
            if message.endswith("laadt iets van een andere website"):
                yield Problem(svg_path, number, "het logo laadt iets van een andere website", _LOAD)
            elif "DTD" in message or "entiteiten" in message:
                yield Problem(svg_path, number, message, _DTD)
            else:
                yield Problem(svg_path, number, message, _DRAWING)
