"""Building the site safely: build next to the target, then swap it into place.

`mkdocs build --strict` first empties its target folder, then writes the
whole site, and only at the end stops on strict warnings (a broken link, a
missing anchor). Building straight into `site/` can therefore leave a
half-built or failed site where the last good one was. `build_site` instead:

1. makes a fresh, empty folder next to the target (same file system);
2. runs `python -m mkdocs build --strict` into that folder, as a subprocess
   (this package never imports MkDocs);
3. only when MkDocs succeeded: renames the old site away, renames the new
   one in, and removes the old one.

When the build fails, the fresh folder is removed and the old site is left
exactly as it was. A target that is not a site (the project folder, `content/`)
is refused before anything happens, since the swap would move it away. MkDocs
prints its own output (including the Dutch list of content errors from the
hook); the caller says in Dutch what happened.
"""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import sys
from pathlib import Path


class UnsafeTarget(Exception):
    """The target folder is not a (previous) site, so replacing it would lose work."""


def build_site(root: Path, target: Path, config: str | None = None) -> bool:
    """Build the site of the project in `root` into `target`; True when it succeeded.

    `target` is replaced only by a complete site that passed `--strict`.
    `config` is another MkDocs config file (a fork's `INHERIT: mkdocs.yml`).
    """
    target = root / target
    _refuse_unsafe(root, target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fresh = _sibling_folder(target, "nieuw")
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(fresh)]
    if config is not None:
        command += ["--config-file", config]
    try:
        # Material 9.8 prints an English end-of-life banner without this switch.
        environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        completed = subprocess.run(command, cwd=root, env=environment, check=False)
        if completed.returncode != 0:
            return False
        _swap_in(fresh, target)
        return True
    finally:
        if fresh.exists():
            shutil.rmtree(fresh)


def _refuse_unsafe(root: Path, target: Path) -> None:
    if root.resolve().is_relative_to(target.resolve()):
        raise UnsafeTarget("dit is de map van het project zelf (of een map erboven)")
    if target.exists() and not target.is_dir():
        raise UnsafeTarget("dit is een bestand, geen map")
    if target.is_dir() and any(target.iterdir()) and not (target / "index.html").is_file():
        raise UnsafeTarget("deze map is geen gebouwde site (er staat geen index.html in)")


def _swap_in(fresh: Path, target: Path) -> None:
    """Replace `target` by `fresh` with two renames; restore `target` if the second fails."""
    if not target.exists():
        fresh.rename(target)
        return
    holder = _sibling_folder(target, "oud")
    retired = holder / target.name
    target.rename(retired)
    try:
        fresh.rename(target)
    except OSError:
        retired.rename(target)
        holder.rmdir()
        raise
    shutil.rmtree(holder)


def _sibling_folder(target: Path, label: str) -> Path:
    """A new, empty, hidden folder next to `target`, created with the user's umask.

    (Not `tempfile.mkdtemp`: its folders are private (0700), and the new site
    folder must get the same permissions as a folder MkDocs would make.)
    """
    folder = target.parent / f".{target.name}-{label}-{os.getpid()}-{secrets.token_hex(4)}"
    folder.mkdir()
    return folder
