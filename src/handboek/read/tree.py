"""Walking a source folder (content/, lokaal/) without ever leaving it.

MkDocs follows symbolic links, so a link in the content folder would publish a
file from anywhere on the machine that builds the site (as Jekyll's safe mode
and Hugo refuse to). Here a folder is walked without following links, and
every entry that is not a plain file or folder is reported: a symbolic link
(also one that points inside the project, and the logo), a named pipe, a
device, a socket. Only plain files are listed.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Walk:
    files: tuple[Path, ...]  # plain files, sorted, as paths below the folder
    links: tuple[Path, ...]  # symbolic links that point to something
    special: tuple[Path, ...]  # broken links, pipes, devices, sockets


def walk(folder: Path) -> Walk:
    files: list[Path] = []
    links: list[Path] = []
    special: list[Path] = []
    pending = [folder]
    while pending:
        current = pending.pop()
        try:
            entries = list(os.scandir(current))
        except OSError:
            special.append(current)
            continue
        for entry in entries:
            path = Path(entry.path)
            # The type from the folder listing, without following links (no stat call).
            if entry.is_symlink():
                (links if path.exists() else special).append(path)
            elif entry.is_dir(follow_symlinks=False):
                pending.append(path)
            elif entry.is_file(follow_symlinks=False):
                files.append(path)
            else:
                special.append(path)
    # Sorted as paths sort (by their parts), without comparing Path objects (slow).
    return Walk(*(tuple(sorted(found, key=_parts)) for found in (files, links, special)))


def _parts(path: Path) -> tuple[str, ...]:
    return path.parts


NOT_A_FILE = (
    "dit is geen gewoon bestand (bijvoorbeeld een snelkoppeling naar een bestand dat niet bestaat)"
)
NOT_A_FILE_HINT = "vervang het door een gewoon bestand, of verwijder het"
A_LINK = "dit is een snelkoppeling (symbolische link); de site neemt alleen gewone bestanden op"
A_LINK_HINT = (
    "zet het bestand of de map zelf hier neer in plaats van een snelkoppeling, of verwijder "
    "de snelkoppeling; een snelkoppeling kan bestanden van buiten het project publiceren"
)


def is_plain_file(path: Path) -> bool:
    """A plain file, not reached through a symbolic link (the path's last part)."""
    try:
        return stat.S_ISREG(path.lstat().st_mode)
    except OSError:
        return False
