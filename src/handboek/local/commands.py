"""`handboek gemeente nieuw` and `handboek gemeente herzien`, for a municipality's fork.

Also `handboek vingerafdrukken`, which upstream's workflow runs to write the
fingerprints of its files (`manifest`), so a fork's check sees edits outside lokaal/.

Both run from the repository root, like `handboek check`. Exit codes: 0 done,
1 something to fix (the output says what), 2 refused (nothing written).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from handboek.local import manifest


def _new(arguments: argparse.Namespace) -> int:
    from handboek.local import scaffold  # each command loads what it needs: a quick start

    result = scaffold.create(Path.cwd(), arguments.naam)
    if result.refused:
        print(result.refused, file=sys.stderr)
        print(f"    tip: {result.hint}", file=sys.stderr)
        return 2
    print(f"De lokale laag van {' '.join(arguments.naam.split())} staat klaar:")
    print("\n".join(f"  {path}" for path in result.created))
    print(
        "Vul alles in wat met [in te vullen: ...] gemarkeerd is; .venv/bin/handboek check laat "
        "zien wat nog ontbreekt.\nZie FORKING.md voor de volgende stappen."
    )
    return 0


def _review(arguments: argparse.Namespace) -> int:
    from handboek.local import review

    outcome = review.mark_reviewed(Path.cwd(), arguments.notities)
    print("\n".join(outcome.lines))
    return 0 if outcome.ok else 1


def _fingerprints(arguments: argparse.Namespace) -> int:
    from handboek.local import atomic

    root = Path.cwd()
    try:
        text = manifest.manifest_text(root)
    except manifest.NotAnUpstream as refusal:
        print(f"{manifest.MANIFEST}: niet geschreven: {refusal}", file=sys.stderr)
        print(
            "    tip: draai dit in de repository van de landelijke handreiking (upstream)",
            file=sys.stderr,
        )
        return 2
    file = root / manifest.MANIFEST
    if file.is_file() and file.read_text(encoding="utf-8") == text:
        print(f"{manifest.MANIFEST} was al bijgewerkt")
        return 0
    try:
        atomic.replace_file(file, text.encode("utf-8"))
    except OSError as error:
        print(
            f"{manifest.MANIFEST}: kan niet schrijven ({error.strerror or error})", file=sys.stderr
        )
        return 2
    print(f"geschreven: {manifest.MANIFEST} ({text.count(chr(10))} bestanden)")
    return 0


def add_to(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `gemeente` with its own subcommands, and `vingerafdrukken`, to `handboek`."""
    fingerprints = commands.add_parser(
        "vingerafdrukken",
        help=f"schrijf {manifest.MANIFEST}: de vingerafdrukken van de bestanden van upstream "
        "(alleen in upstream; een fork ziet zo wat hij buiten lokaal/ veranderde)",
    )
    fingerprints.set_defaults(run=_fingerprints)
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
