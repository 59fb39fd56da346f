"""Edits outside lokaal/: fingerprints of upstream's files, and a notice for each change.

Upstream keeps a list of its files with a fingerprint each, in
`vingerafdrukken.sha256` (the format of `sha256sum`: hash, two spaces,
path). `handboek vingerafdrukken` writes it from the files git tracks,
without lokaal/; in upstream's repository a workflow runs it after every
push to main (.github/workflows/vingerafdrukken.yml), so editors never do.
The fingerprint is SHA-256 over the bytes with CRLF read as LF, so a checkout
on Windows is not a change.

A fork gets the list with every update. `notices` then names every file of
upstream that the fork changed or removed, and every file in content/ that
upstream does not have, each with what to do instead: put it in lokaal/, or
propose it upstream. Notices, not errors: the site still builds, but the
municipality learns before the next update conflicts. A repository without the
list (a copy of the content, as in tests) gets no notices; upstream always has it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from handboek.model import LOCAL_FOLDER
from handboek.problems import Problem, Severity

MANIFEST = "vingerafdrukken.sha256"
# Files a fork may have that upstream does not: under these folders a new file is a notice.
WATCHED_FOLDERS = ("content/", "overrides/", "hooks/")

_RULE = (
    "alleen lokaal/ is van de gemeente: bij de volgende update van upstream geeft een wijziging "
    "hier een conflict, of verdwijnt ze zonder melding"
)


class NotAnUpstream(Exception):
    """The fingerprints can only be written in upstream's own git repository."""


def fingerprint(data: bytes) -> str:
    """The file's SHA-256, with Windows line endings read as '\n'."""
    import hashlib  # loaded when used: `handboek check` on upstream never needs it

    return hashlib.sha256(data.replace(b"\r\n", b"\n")).hexdigest()


def manifest_text(root: Path) -> str:
    """The list for the files git tracks in `root`, without lokaal/ and the list itself."""
    if (root / LOCAL_FOLDER).exists():
        raise NotAnUpstream(
            f"dit is een fork (er is een map {LOCAL_FOLDER}/); de vingerafdrukken komen van "
            "upstream"
        )
    import subprocess  # only upstream's workflow writes the list

    try:
        listed = subprocess.run(
            ["git", "ls-files", "-z"], cwd=root, capture_output=True, check=True
        ).stdout
    except (OSError, subprocess.CalledProcessError) as error:
        raise NotAnUpstream(f"git kan de bestanden niet opsommen ({error})") from error
    paths = sorted(
        path
        for path in listed.decode("utf-8").split("\0")
        if path and path != MANIFEST and (root / path).is_file()
    )
    return "".join(f"{fingerprint((root / path).read_bytes())}  {path}\n" for path in paths)


def read_manifest(root: Path) -> dict[str, str] | None:
    file = root / MANIFEST
    if not file.is_file():
        return None
    found: dict[str, str] = {}
    for line in file.read_text(encoding="utf-8").splitlines():
        digest, separator, path = line.partition("  ")
        if separator and path:
            found[path] = digest
    return found


def notices(root: Path) -> Iterator[Problem]:
    """A notice for each upstream file the fork changed or removed, and each new site file."""
    listed = read_manifest(root)
    if listed is None:
        return
    for path, digest in sorted(listed.items()):
        file = root / path
        if file.is_file():
            if fingerprint(file.read_bytes()) != digest:
                yield Problem(
                    path,
                    1,
                    "dit bestand van upstream is in deze fork veranderd",
                    f"{_RULE}. {_what_to_do(path)}",
                    Severity.NOTICE,
                )
        elif path.startswith(WATCHED_FOLDERS) or "/" not in path:
            yield Problem(
                path,
                1,
                "dit bestand van upstream ontbreekt in deze fork",
                f"{_RULE}. Zet het bestand terug zoals upstream het heeft; wilt u het weg, "
                "stel dat dan voor aan de landelijke handreiking",
                Severity.NOTICE,
            )
    for folder in WATCHED_FOLDERS:
        for file in sorted((root / folder).rglob("*")):
            path = file.relative_to(root).as_posix()
            if file.is_file() and path not in listed and "__pycache__" not in path:
                yield Problem(
                    path,
                    1,
                    "dit bestand staat niet in upstream",
                    f"{_RULE}. Een eigen pagina hoort in {LOCAL_FOLDER}/paginas/ (zie FORKING.md)"
                    if folder == "content/"
                    else f"{_RULE}. Stel de wijziging voor aan de landelijke handreiking",
                    Severity.NOTICE,
                )


def _what_to_do(path: str) -> str:
    if path.startswith("content/omgevingen/"):
        return (
            "Een eigen tekst bij een onderdeel hoort in een notitie in "
            f"{LOCAL_FOLDER}/omgevingen/{Path(path).stem}.yml; een fout in de landelijke tekst "
            "meldt u bij de landelijke handreiking (een issue of pull request)"
        )
    if path.startswith("content/"):
        return (
            f"Een eigen pagina hoort in {LOCAL_FOLDER}/paginas/; een fout in de landelijke tekst "
            "meldt u bij de landelijke handreiking (een issue of pull request)"
        )
    if path == "mkdocs.yml":
        return (
            f"Naam, webadres, logo en kleuren horen in {LOCAL_FOLDER}/gemeente.yml; een andere "
            "instelling in een eigen mkdocs-gemeente.yml die begint met 'INHERIT: mkdocs.yml'"
        )
    if path.startswith(".github/workflows/"):
        return (
            "Heeft upstream dit workflowbestand veranderd, neem dan de versie van upstream over "
            "met 'Sync fork' op de pagina van uw fork (zie FORKING.md)"
        )
    return "Stel de wijziging voor aan de landelijke handreiking (een issue of pull request)"
