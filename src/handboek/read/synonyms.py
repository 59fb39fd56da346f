"""Reading zoekwoorden.yml: the search words editors add, checked line by line.

What the words are for is explained in `search`, which puts them in the index.
`read_synonyms` reports every mistake as `zoekwoorden.yml:line: ...` with a tip,
and a word on the left that is in no page (a synonym that can never help).
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from handboek.problems import Finding, Problem

SYNONYMS_FILE = "zoekwoorden.yml"
# The words of a text, as the search separator in mkdocs.yml splits them (letters and digits).
_WORD = re.compile(r"[^\W_]+")
_TAG = re.compile(r"<[^>]*>")
_ENTRY = re.compile(r"^(?P<word>[^:#]*):(?P<synonyms>[^#]*)$")
_GOOD_WORD = re.compile(r"^[a-zà-ÿ0-9]+$")


@dataclass(frozen=True)
class Synonyms:
    """One line of zoekwoorden.yml: the word as in the text, and what readers may type."""

    word: str
    """The word (or start of a word) as it is in the content, in lower case."""
    synonyms: tuple[str, ...]
    """Words a reader may type instead."""
    line: int
    """Line in zoekwoorden.yml, for messages."""


def fold(word: str) -> str:
    """The word without accents: `coördinator` -> `coordinator`, `één` -> `een`."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def plain(text: str) -> str:
    """The text with HTML tags left out and character references read."""
    return html.unescape(_TAG.sub(" ", text))


def words(text: str) -> list[str]:
    """The words of a text (HTML tags left out), in lower case."""
    return [word.lower() for word in _WORD.findall(plain(text))]


def read_synonyms(
    path: Path, shown_path: str, content_words: Iterable[str]
) -> tuple[tuple[Synonyms, ...], list[Problem]]:
    """The synonyms in `path` and every problem in it (missing file: none, no problems)."""
    if not path.is_file():
        return (), []
    known = set(content_words)
    entries: list[Synonyms] = []
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    text = path.read_text(encoding="utf-8-sig")
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        entry, findings = _entry(line, number)
        if entry is not None:
            findings = list(_entry_helps(entry, seen, known))
            seen.setdefault(entry.word, number)
            if not findings:
                entries.append(entry)
        problems.extend(Problem(shown_path, *finding) for finding in findings)
    return tuple(entries), problems


def _entry(line: str, number: int) -> tuple[Synonyms | None, list[Finding]]:
    """One line read as `woord: synoniem, synoniem`, or what is wrong with it."""
    match = _ENTRY.match(line)
    if match is None:
        return None, [
            Finding(
                number,
                f"deze regel is geen 'woord: synoniem, synoniem': '{line}'",
                "schrijf het woord uit de tekst, een dubbele punt en daarna de woorden die "
                "lezers typen, met komma's ertussen, bijvoorbeeld: sportvereniging: sportclub",
            )
        ]
    word = match["word"].strip()
    synonyms = tuple(part.strip() for part in match["synonyms"].split(",") if part.strip())
    findings = [
        Finding(
            number,
            f"'{item}' is geen los woord in kleine letters",
            "gebruik alleen kleine letters en cijfers, zonder spaties of leestekens; "
            "zet elk woord apart, met komma's ertussen",
        )
        for item in (word, *synonyms)
        if not _GOOD_WORD.match(item)
    ]
    if not synonyms:
        findings.append(
            Finding(
                number,
                f"bij '{word}' staat geen synoniem",
                "zet na de dubbele punt de woorden die lezers typen, bijvoorbeeld: "
                "sportvereniging: sportclub",
            )
        )
    return (None, findings) if findings else (Synonyms(word, synonyms, number), [])


def _entry_helps(entry: Synonyms, seen: Mapping[str, int], known: set[str]) -> Iterator[Finding]:
    """A word is on one line only, and in some page (else its synonyms find nothing)."""
    if entry.word in seen:
        yield Finding(
            entry.line,
            f"'{entry.word}' staat al op regel {seen[entry.word]}",
            "zet alle synoniemen van een woord op één regel",
        )
    elif not any(known_word.startswith(entry.word) for known_word in known):
        yield Finding(
            entry.line,
            f"'{entry.word}' staat op geen enkele pagina, dus dit synoniem vindt niets",
            "schrijf links het woord zoals het in de tekst staat (of haal de regel weg)",
        )
