"""The `handboek` command for editors: `handboek check` and friends.

Runs from the repository root; only `handboek bouw` needs MkDocs (as a
subprocess, see `build`). Output is Dutch, one problem
per `path:line:` line with a hint below it; the exit code is 1 when there are
errors and 0 otherwise (notices alone never fail).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from handboek import schema
from handboek.check import check_content
from handboek.local import commands as local_commands
from handboek.model import CONTENT_FOLDER
from handboek.problems import Severity, errors, of_severity, refuse, report, to_github

SCHEMA_DIR = schema.SCHEMA_FOLDER
SITE_DIR = "site"
NOTICE_HEADINGS = {
    Severity.REVISE: "Te herzien (de gemeente kijkt haar notitie na bij de nieuwe tekst):",
    Severity.NOTICE: "Te beoordelen (de eigenaar kijkt de inhoud na):",
}


def _check(arguments: argparse.Namespace) -> int:
    root = Path.cwd()
    content_dir = root / arguments.inhoud
    if not content_dir.is_dir():
        return refuse(
            f"{arguments.inhoud}: map niet gevonden",
            "ga naar de hoofdmap van de repository en start daar: .venv/bin/handboek check",
        )
    result = check_content(content_dir, root)
    if result.problems:
        print(report(result.problems))
    else:
        print("Alles in orde: geen fouten, geen meldingen.")
    for severity, heading in NOTICE_HEADINGS.items():
        if paths := sorted({notice.path for notice in of_severity(result.problems, severity)}):
            print(f"\n{heading}")
            print("\n".join(f"  {path}" for path in paths))
    for line in to_github("Inhoud controleren (handboek check)", result.problems, os.environ):
        print(line)
    return 1 if errors(result.problems) else 0


def _schema(arguments: argparse.Namespace) -> int:
    if arguments.toon:
        print(schema.schema_text(arguments.toon), end="")
        return 0
    from handboek.local import atomic  # writing files: not loaded for 'handboek check'

    folder = Path(arguments.map)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name in schema.schema_files():
            file = folder / name
            # Each file in one step (a full disk leaves the old one), in its own line endings.
            old = atomic.Original.read(file) if file.is_file() else None
            newline = old.newline if old else "\n"
            data = schema.schema_text(name).replace("\n", newline).encode("utf-8")
            if old and old.data == data:
                print(f"al bijgewerkt: {file.as_posix()}")
                continue
            atomic.replace_file(file, data)
            print(f"geschreven: {file.as_posix()}")
    except OSError as error:
        return refuse(
            f"{arguments.map}: kan de schema's niet schrijven ({error.strerror or error}); "
            "geen bestand is half geschreven",
            "kies met --map een map waarin je mag schrijven, of maak ruimte vrij als de schijf "
            "vol is",
        )
    return 0


def _build(arguments: argparse.Namespace) -> int:
    from handboek import build  # subprocess and friends: not loaded for 'handboek check'

    try:
        built = build.build_site(Path.cwd(), Path(arguments.doel), arguments.instellingen)
    except build.UnsafeTarget as refusal:
        return refuse(
            f"{arguments.doel}: {refusal}; de site is niet gebouwd",
            "kies met --doel een nieuwe map of de map van een eerdere site",
        )
    if built:
        print(f"De site staat klaar in {arguments.doel}/.")
        return 0
    print(
        f"De bouw is mislukt (zie hierboven); {arguments.doel}/ is niet veranderd.",
        file=sys.stderr,
    )
    return 1


def parser() -> argparse.ArgumentParser:
    main_parser = argparse.ArgumentParser(
        prog="handboek", description="Controleer en beheer de inhoud van de handreiking."
    )
    commands = main_parser.add_subparsers(dest="command", required=True, metavar="opdracht")
    check = commands.add_parser("check", help="controleer alle inhoud zonder de site te bouwen")
    check.add_argument(
        "--inhoud", default=CONTENT_FOLDER, help=f"map met de inhoud (standaard: {CONTENT_FOLDER})"
    )
    check.set_defaults(run=_check)
    schemas = commands.add_parser(
        "schema",
        help="schrijf de JSON Schema's van de front matter en de lokale laag (voor editors "
        "zoals VS Code)",
    )
    schemas.add_argument(
        "--map", default=SCHEMA_DIR, help="map voor de schema's (standaard: schemas)"
    )
    schemas.add_argument(
        "--toon",
        choices=sorted(schema.schema_files()),
        help="schrijf niets, maar toon dit schema",
    )
    schemas.set_defaults(run=_schema)
    bouw = commands.add_parser(
        "bouw",
        help="bouw de site met 'mkdocs build --strict'; vervangt de vorige site alleen als "
        "de bouw helemaal lukt",
    )
    bouw.add_argument("--doel", default=SITE_DIR, help="map voor de site (standaard: site)")
    bouw.add_argument(
        "--instellingen",
        help="ander instellingenbestand, bijvoorbeeld mkdocs-gemeente.yml (standaard: mkdocs.yml)",
    )
    bouw.set_defaults(run=_build)
    local_commands.add_to(commands)  # handboek gemeente nieuw/herzien (forks)
    return main_parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = parser().parse_args(argv)
    return arguments.run(arguments)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
