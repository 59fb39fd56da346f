"""Renamed environments: a fork's files and links under an earlier name keep working.

Upstream records a rename in the environment's front matter,
`eerdere_namen: [een-op-een-ondersteuning]`, when it renames
`content/omgevingen/een-op-een-ondersteuning.md` to `een-op-een.md`. A fork
then keeps building:

- `lokaal/omgevingen/<earlier>.yml` counts for the renamed environment, with
  a notice that names the rename to do (`environments` reads it so);
- a link in lokaal/ to `<earlier>.md` (in notes, initiatives and own pages) is
  read and built as a link to the new name, with a notice at its line
  (`rewrite_links`; the hook does the same for own pages);
- `apply` does both renames in the fork's files: the update pull request runs
  it, so the municipality only merges.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from handboek.local import atomic
from handboek.local.files import ENVIRONMENTS_DIR, PAGES_DIR
from handboek.model import LOCAL_FOLDER
from handboek.problems import Problem, Severity
from handboek.read import scan

PR_TITLE = "Update van de landelijke handreiking"


def renamed(earlier_names: Mapping[str, Iterable[str]]) -> dict[str, str]:
    """Earlier name -> current name, from each environment's `eerdere_namen`.

    A name that is an environment again (upstream reused it) is not a rename.
    """
    return {
        old: slug
        for slug, olds in sorted(earlier_names.items())
        for old in olds
        if old not in earlier_names
    }


def _pattern(old: str) -> re.Pattern[str]:
    # `<old>.md` as a link's page: after 'omgevingen/' or as the whole path of a destination.
    return re.compile(r"(?:^|(?<=omgevingen/))" + re.escape(old) + r"\.md(?=[#?]|$)")


def rewrite_links(markdown: str, renames: Mapping[str, str]) -> tuple[str, list[Rewrite]]:
    """The Markdown with links to earlier names pointing at the current ones, and where.

    Only real link destinations change (read by `scan`, the one Markdown reader): the
    same words in the text, in code or in a comment stay as they are.
    """
    found: list[Rewrite] = []
    parts, position = [], 0
    for begin, end in scan.destination_spans(markdown):
        destination = markdown[begin:end]
        for old, new in renames.items():
            destination, count = _pattern(old).subn(f"{new}.md", destination)
            if count:
                found.append(Rewrite(markdown.count("\n", 0, begin), old, new))
        parts += [markdown[position:begin], destination]
        position = end
    return "".join([*parts, markdown[position:]]), found


@dataclass(frozen=True)
class Rewrite:
    offset: int  # 0-based line within the text
    old: str
    new: str


def link_notice(path: str, line: int, rewrite: Rewrite) -> Problem:
    return Problem(
        path,
        line,
        f"deze link gaat naar de oude naam van een omgeving: {rewrite.old}.md heet nu "
        f"{rewrite.new}.md",
        f"schrijf {rewrite.new}.md in plaats van {rewrite.old}.md; de pull request "
        f"'{PR_TITLE}' doet dat vanzelf. Tot dan werkt de link ook zo",
        Severity.NOTICE,
    )


def file_notice(path: str, old: str, new: str) -> Problem:
    return Problem(
        path,
        1,
        f"upstream heeft de omgeving '{old}' hernoemd naar '{new}'",
        f"hernoem dit bestand naar {LOCAL_FOLDER}/{ENVIRONMENTS_DIR}/{new}.yml; de pull request "
        f"'{PR_TITLE}' doet dat vanzelf. Tot dan telt dit bestand voor '{new}'",
        Severity.NOTICE,
    )


def apply(root: Path, renames: Mapping[str, str]) -> list[str]:
    """Rename the fork's files and links to the current names; what was done, in Dutch."""
    done: list[str] = []
    folder = root / LOCAL_FOLDER / ENVIRONMENTS_DIR
    for old, new in sorted(renames.items()):
        source, target = folder / f"{old}.yml", folder / f"{new}.yml"
        shown = f"{LOCAL_FOLDER}/{ENVIRONMENTS_DIR}"
        if not source.is_file():
            continue
        if target.exists():
            done.append(
                f"{shown}/{old}.yml niet hernoemd: {shown}/{new}.yml bestaat al. Zet wat in het "
                f"oude bestand staat in het nieuwe en verwijder het oude."
            )
            continue
        source.rename(target)  # one step on the same file system
        done.append(f"{shown}/{old}.yml hernoemd naar {shown}/{new}.yml")
    files = [
        *sorted(folder.glob("*.yml")),
        *sorted((root / LOCAL_FOLDER / PAGES_DIR).glob("*.md")),
    ]
    for file in files:
        original = atomic.Original.read(file)
        text, rewrites = _rewrite_file(original.text, renames, file.suffix == ".yml")
        if rewrites:
            original.replace_text(text)
            shown = file.relative_to(root).as_posix()
            done.extend(
                f"{shown}: link naar {rewrite.old}.md veranderd in {rewrite.new}.md"
                for rewrite in rewrites
            )
    return done


def _rewrite_file(
    text: str, renames: Mapping[str, str], yaml_file: bool
) -> tuple[str, list[Rewrite]]:
    """Rewrite links, but never inside a note's `upstream` group: that is upstream's old text."""
    if not yaml_file:
        return rewrite_links(text, renames)
    lines = text.split("\n")
    skip_deeper_than: int | None = None
    found: list[Rewrite] = []
    for index, line in enumerate(lines):
        indent = len(line) - len(line.lstrip())
        if skip_deeper_than is not None:
            if not line.strip() or indent > skip_deeper_than:
                continue
            skip_deeper_than = None
        if yaml_file and line.strip() == "upstream:":
            skip_deeper_than = indent
            continue
        lines[index], rewrites = rewrite_links(line, renames)
        found.extend(Rewrite(index, r.old, r.new) for r in rewrites)
    return "\n".join(lines), found
