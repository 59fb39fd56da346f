"""`handboek gemeente nieuw` and `handboek gemeente herzien`, for a municipality's fork.

Both run from the repository root, like `handboek check`. Exit codes: 0 done,
1 something to fix (the output says what), 2 refused (nothing written).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from handboek.local import review, scaffold


def _new(arguments: argparse.Namespace) -> int:
    result = scaffold.create(Path.cwd(), arguments.naam)
    if result.refused:
        print(result.refused, file=sys.stderr)
        print(
            "    tip: pas de bestanden in lokaal/ zelf aan; .venv/bin/handboek check zegt wat er "
            "mist",
            file=sys.stderr,
        )
        return 2
    print(f"De lokale laag van {' '.join(arguments.naam.split())} staat klaar:")
    print("\n".join(f"  {path}" for path in result.created))
    print(
        "Vul alles in wat met [in te vullen: ...] gemarkeerd is; .venv/bin/handboek check laat "
        "zien wat nog ontbreekt.\nZie FORKING.md voor de volgende stappen."
    )
    return 0


def _review(arguments: argparse.Namespace) -> int:
    outcome = review.mark_reviewed(Path.cwd(), arguments.notities)
    print("\n".join(outcome.lines))
    return 0 if outcome.ok else 1


def add_to(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `gemeente` with its own subcommands to the `handboek` command."""
    gemeente = commands.add_parser(
        "gemeente", help="de lokale laag van een gemeente (in een fork): maken en bijhouden"
    )
    actions = gemeente.add_subparsers(dest="gemeente_opdracht", required=True, metavar="opdracht")
    new = actions.add_parser(
        "nieuw", help="maak de map lokaal/ met de bestanden die een gemeente invult"
    )
    new.add_argument("naam", help='naam van de gemeente, bijvoorbeeld "Gemeente ..."')
    new.set_defaults(run=_new)
    herzien = actions.add_parser(
        "herzien",
        help="leg vast dat notities bij de huidige tekst van upstream horen (na het nakijken)",
    )
    herzien.add_argument(
        "notities",
        nargs="+",
        metavar="bestand[:regel]",
        help="een bestand in lokaal/omgevingen/ (alle notities) of bestand:regel (één notitie, "
        "zoals 'handboek check' die noemt)",
    )
    herzien.set_defaults(run=_review)
