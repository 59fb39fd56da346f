"""The `handboek` command for editors: `handboek check` and friends.

Runs from the repository root, without MkDocs. Output is Dutch, one problem
per `path:line:` line with a hint below it; the exit code is 1 when there are
errors and 0 otherwise (notices alone never fail).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from handboek import load
from handboek.problems import errors, report

CONTENT_DIR = "content"


def _check(arguments: argparse.Namespace) -> int:
    root = Path.cwd()
    content_dir = root / arguments.inhoud
    if not content_dir.is_dir():
        print(f"{arguments.inhoud}: map niet gevonden", file=sys.stderr)
        print("    tip: start 'handboek check' in de hoofdmap van de repository", file=sys.stderr)
        return 2
    result = load.check_content(content_dir, root)
    if result.problems:
        print(report(result.problems))
    else:
        print("Alles in orde: geen fouten, geen meldingen.")
    return 1 if errors(result.problems) else 0


def parser() -> argparse.ArgumentParser:
    main_parser = argparse.ArgumentParser(
        prog="handboek", description="Controleer en beheer de inhoud van de handreiking."
    )
    commands = main_parser.add_subparsers(dest="command", required=True, metavar="opdracht")
    check = commands.add_parser("check", help="controleer alle inhoud zonder de site te bouwen")
    check.add_argument(
        "--inhoud", default=CONTENT_DIR, help="map met de inhoud (standaard: content)"
    )
    check.set_defaults(run=_check)
    return main_parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = parser().parse_args(argv)
    return arguments.run(arguments)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
