"""`handboek gemeente nieuw "Naam"`: start a municipality's local layer.

Writes lokaal/ with Dutch comments that explain every field. Nothing is made
up: the name is the one given, everything else a municipality must supply is
either commented out or marked `[in te vullen: ...]`, which the check reports
as an error until it is filled in. An existing layer is never overwritten.
The YAML files start with a `# yaml-language-server: $schema=...` line that
points editors such as VS Code (YAML extension) at the file's JSON Schema in
schemas/, relative to the file, for completion and checks while typing.
"""

from __future__ import annotations

import datetime as dt
import os
import posixpath
import shutil
from dataclasses import dataclass
from pathlib import Path

from handboek import dates, schema
from handboek.local import drift, fields
from handboek.local.environments import UpstreamEnvironment, upstream_from_content
from handboek.local.files import (
    CONTACT_PAGE,
    ENVIRONMENTS_DIR,
    MUNICIPALITY_FILE,
    PAGES_DIR,
    layer_folder,
)
from handboek.model import CONTENT_FOLDER, LOCAL_FOLDER, PARTS, PUBLISHER_PAGES

SCHEMA_LINES = """\
# yaml-language-server: $schema={schema}
# (Die regel laat editors zoals VS Code de velden hieronder aanvullen en controleren.)

"""

GEMEENTE_YML = """\
# De lokale laag van {name}: alles wat deze site van {name} maakt.
# De landelijke handreiking (upstream) schrijft nooit in de map lokaal/, dus
# updates van upstream komen zonder conflicten binnen (zie FORKING.md).
# Controleer na elke wijziging met: handboek check

# Naam van de gemeente zoals lezers die zien.
naam: {quoted_name}

# Naam van de site in de kopbalk en in tabbladen. Zonder dit veld is het:
# "<naam van de handreiking> – {name}".
# sitenaam: "..."

# Het adres waarop u de site publiceert (voor de sitemap):
# webadres: "https://..."

# Het logo: zet het bestand in de map lokaal/ en noem hier de naam (.svg of .png).
# Een SVG mag niets van andere websites laden.
# logo: logo.svg

# Eigen kleuren, als #rrggbb; zet ze alle zes. De controle eist genoeg contrast
# (WCAG AA: minstens 4,5:1) en noemt anders het bestand en de regel.
# Zonder dit blok houdt de site de kleuren van de landelijke handreiking.
# kleuren:
#   kop: "#......"                 # achtergrond van de kopbalk
#   kop_tekst: "#......"           # tekst in de kopbalk
#   link: "#......"                # links, op wit en in de lokale blokken
#   accent: "#......"              # links waar de muis boven staat
#   lokaal_achtergrond: "#......"  # achtergrond van de lokale blokken
#   lokaal_tekst: "#......"        # tekst in de lokale blokken
"""

ENVIRONMENT_YML = """\
# Wat {name} toevoegt aan de omgeving '{title}'.
# Alles hier is optioneel: zonder inhoud toont de site alleen de landelijke tekst.
# Haal het '#' weg bij wat u gebruikt, en vul echte gegevens in: geen verzonnen
# namen of contactgegevens. Lokale inhoud staat op de site in een eigen blok
# "in {name}", onder het onderdeel waar het bij hoort.

# Bruggenbouwers in {name}: onder 'Wie zijn de bruggenbouwers?' en in het overzicht.
# bruggenbouwers:
#   - organisatie: "..."
#     rol: "..."
#     contact: "..."

# Initiatieven en voorbeelden in {name}: onder 'Uit de praktijk'.
# initiatieven:
#   - naam: "..."
#     beschrijving: |
#       ...
#     webadres: "https://..."

# Notities "Zo doen wij dit in {name}" bij een onderdeel, of bij één punt ervan.
# onderdeel: {anchors}.
# punt (optioneel): de vetgedrukte woorden waarmee een punt begint, zonder de
# punt aan het eind, bijvoorbeeld "{example_point}".
# Leg daarna vast bij welke tekst de notitie hoort, met:
#   handboek gemeente herzien lokaal/{environments}/{slug}.yml
# Verandert upstream die tekst later, dan meldt 'handboek check' de notitie als
# 'te herzien' en laat zien wat er veranderde.
# notities:
#   - onderdeel: {example_anchor}
#     punt: {example_point_yaml}
#     tekst: |
#       ...
"""

CONTACT_MD = """\
---
titel: Contact
beschrijving: "Bij wie u in {name} terechtkunt met vragen over informele ondersteuners."
eigenaar: "[in te vullen: het team of de rol die deze pagina beheert]"
laatst_beoordeeld: {today}
volgende_beoordeling: {next_year}
---

## Vragen over informele ondersteuners in {name}?

[in te vullen: bij wie lezers terechtkunnen, met e-mailadres, telefoonnummer en bereikbaarheid.]
"""

STATEMENT_MD = """\
---
titel: {title}
beschrijving: {description}
eigenaar: "[in te vullen: het team of de rol die deze pagina beheert]"
laatst_beoordeeld: {today}
volgende_beoordeling: {next_year}
---

{body}
"""

# The municipality's statements start from templates in verklaringen/, with '{naam}' for its
# name. Upstream's own statements name upstream's publisher, tests and contact; a fork's
# statement must name its own, so everything only the municipality knows is an invulplek.
STATEMENTS = {
    "toegankelijkheid.md": ("Toegankelijkheid", "Hoe toegankelijk deze website van {name} is."),
    "privacy.md": ("Privacy", "Wat deze website van {name} over uw bezoek vastlegt."),
}
STATEMENTS_FOLDER = Path(__file__).parent / "verklaringen"


@dataclass(frozen=True)
class Scaffold:
    created: tuple[str, ...]  # paths relative to the root, in the order written
    refused: str | None  # why nothing was written
    hint: str = "pas de bestanden in lokaal/ zelf aan; .venv/bin/handboek check zegt wat er mist"


def create(root: Path, name: str, content_dir: str = CONTENT_FOLDER) -> Scaffold:
    """Write lokaal/ for the municipality `name`, a file for each of upstream's environments."""
    folder = layer_folder(root)
    if folder.exists():
        return Scaffold((), f"{LOCAL_FOLDER}/ bestaat al; er is niets overschreven")
    name = " ".join(name.split())
    if not name:
        return Scaffold((), 'geef de naam van de gemeente, bijvoorbeeld: "Gemeente ..."')
    upstream = upstream_from_content(root, content_dir)
    files = {
        **_municipality_file(name),
        **_environment_files(name, upstream),
        **_pages(name, dates.today()),
    }
    return _write_layer(root, folder, files) or Scaffold(tuple(files), None)


def _municipality_file(name: str) -> dict[str, str]:
    path = f"{LOCAL_FOLDER}/{MUNICIPALITY_FILE}"
    return {
        path: _schema_lines(path, fields.MUNICIPALITY_SCHEMA)
        + GEMEENTE_YML.format(name=name, quoted_name=_quoted(name))
    }


def _environment_files(name: str, upstream: dict[str, UpstreamEnvironment]) -> dict[str, str]:
    """A file for each environment, whose example note points at a municipal action."""
    files: dict[str, str] = {}
    anchor = PARTS[2].anchor  # wat-kan-de-gemeente-doen: the municipal actions
    for slug, environment in sorted(upstream.items()):
        points = drift.points(environment.parts.get(anchor, ""))
        path = f"{LOCAL_FOLDER}/{ENVIRONMENTS_DIR}/{slug}.yml"
        files[path] = _schema_lines(path, fields.ENVIRONMENT_SCHEMA) + ENVIRONMENT_YML.format(
            name=name,
            title=environment.title,
            anchors=", ".join(spec.anchor for spec in PARTS),
            example_anchor=anchor,
            example_point=next(iter(points), "..."),
            example_point_yaml=_quoted(next(iter(points), "...")),
            environments=ENVIRONMENTS_DIR,
            slug=slug,
        )
    return files


def _pages(name: str, today: dt.date) -> dict[str, str]:
    """The contact page and the municipality's own statements (accessibility, privacy)."""
    next_year = _a_year_later(today)
    pages = f"{LOCAL_FOLDER}/{PAGES_DIR}"
    files = {
        f"{pages}/{CONTACT_PAGE}": CONTACT_MD.format(name=name, today=today, next_year=next_year)
    }
    for page in PUBLISHER_PAGES:
        title, description = (text.format(name=name) for text in STATEMENTS[page])
        template = (STATEMENTS_FOLDER / page).read_text(encoding="utf-8")
        body = template.replace("{naam}", name).strip("\n")
        files[f"{pages}/{page}"] = STATEMENT_MD.format(
            title=_quoted(title),
            description=_quoted(description),
            body=body,
            today=today,
            next_year=next_year,
        )
    return files


def _write_layer(root: Path, folder: Path, files: dict[str, str]) -> Scaffold | None:
    """Write the files; why not, when that failed (then nothing is written).

    Written next to lokaal/ and renamed into place in one step: a full disk leaves no
    half layer behind (which a second run would refuse as "bestaat al").
    """
    building = root / f".{LOCAL_FOLDER}-nieuw-{os.getpid()}"
    try:
        for path, text in files.items():
            target = building / Path(path).relative_to(LOCAL_FOLDER)
            target.parent.mkdir(parents=True, exist_ok=True)
            _write(target, text)
        building.rename(folder)
    except OSError as error:
        shutil.rmtree(building, ignore_errors=True)
        return Scaffold(
            (),
            f"{LOCAL_FOLDER}/ kan niet worden geschreven ({error.strerror or error}); er is "
            "niets veranderd",
            "is de schijf vol, of mag u hier niet schrijven? Maak ruimte vrij en probeer het "
            "opnieuw",
        )
    return None


def _write(file: Path, text: str) -> None:
    file.write_text(text, encoding="utf-8")


def _schema_lines(path: str, schema_file: str) -> str:
    """The first lines of a YAML file: where its schema is, relative to the file."""
    target = f"{schema.SCHEMA_FOLDER}/{schema_file}"
    return SCHEMA_LINES.format(schema=posixpath.relpath(target, posixpath.dirname(path)))


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _a_year_later(date: dt.date) -> dt.date:
    try:
        return date.replace(year=date.year + 1)
    except ValueError:  # 29 February
        return date.replace(year=date.year + 1, day=28)
