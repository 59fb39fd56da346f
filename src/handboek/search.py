"""Search that forgives Dutch typing: folded accents and everyday synonyms in the index.

Material's search (lunr) finds a word only as it is written. Readers type
`coordinator` for `coördinator`, `een` for `één`, `sportclub` for
`sportvereniging`. After MkDocs wrote `search/search_index.json`, `add_search_words`
gives every section of the index one extra field, `zoekwoorden`, with

- every word of the section that has an accent, without it (`coördinator` ->
  `coordinator`, `één` -> `een`);
- every word with hyphens as one word without accents (`één-op-één` -> `eenopeen`):
  a search for `een-op-een` is a search for `een`, `op` and words starting with
  `een`, and `een` and `op` are stop words, so only this word finds the page; and
- the synonyms from `zoekwoorden.yml` for every word of that file the section
  contains (as a word or the start of one: `sportvereniging` also in
  `sportverenigingen`).

The field is searched but never shown. Its words are sorted, so the index stays
byte-reproducible. `zoekwoorden.yml` is a short, reviewed list that editors extend:

    # wie een woord rechts zoekt, vindt de pagina's met het woord links
    sportvereniging: sportclub, sportclubs

`read_synonyms` reports every mistake as `zoekwoorden.yml:line: ...` with a tip,
and a word on the left that is in no page (a synonym that can never help).
"""

from __future__ import annotations

import bisect
import html
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from handboek.problems import Problem

SYNONYMS_FILE = "zoekwoorden.yml"
FIELD = "zoekwoorden"
# The words of a text, as the search separator in mkdocs.yml splits them (letters and digits).
_WORD = re.compile(r"[^\W_]+")
# A word with hyphens, such as één-op-één: also indexed as one word, `eenopeen`. Tried only
# at the start of a word and without backtracking inside one (the same matches as
# `[^\W_]+(?:-[^\W_]+)+`, which tried every letter of every word: 1.3 s at 1,000 pages).
_COMPOUND = re.compile(r"(?<![^\W_])[^\W_]++(?:-[^\W_]++)+")
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


def words(text: str) -> list[str]:
    """The words of a text (HTML tags left out), in lower case."""
    return [word.lower() for word in _WORD.findall(html.unescape(_TAG.sub(" ", text)))]


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

    def problem(line: int, message: str, hint: str) -> None:
        problems.append(Problem(shown_path, line, message, hint))

    text = path.read_text(encoding="utf-8-sig")
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        match = _ENTRY.match(line)
        if match is None:
            problem(
                number,
                f"deze regel is geen 'woord: synoniem, synoniem': '{line}'",
                "schrijf het woord uit de tekst, een dubbele punt en daarna de woorden die "
                "lezers typen, met komma's ertussen, bijvoorbeeld: sportvereniging: sportclub",
            )
            continue
        word = match["word"].strip()
        synonyms = tuple(part.strip() for part in match["synonyms"].split(",") if part.strip())
        bad = [item for item in (word, *synonyms) if not _GOOD_WORD.match(item)]
        for item in bad:
            problem(
                number,
                f"'{item}' is geen los woord in kleine letters",
                "gebruik alleen kleine letters en cijfers, zonder spaties of leestekens; "
                "zet elk woord apart, met komma's ertussen",
            )
        if not synonyms:
            problem(
                number,
                f"bij '{word}' staat geen synoniem",
                "zet na de dubbele punt de woorden die lezers typen, bijvoorbeeld: "
                "sportvereniging: sportclub",
            )
        if bad or not synonyms:
            continue
        if word in seen:
            problem(
                number,
                f"'{word}' staat al op regel {seen[word]}",
                "zet alle synoniemen van een woord op één regel",
            )
            continue
        seen[word] = number
        if not any(known_word.startswith(word) for known_word in known):
            problem(
                number,
                f"'{word}' staat op geen enkele pagina, dus dit synoniem vindt niets",
                "schrijf links het woord zoals het in de tekst staat (of haal de regel weg)",
            )
            continue
        entries.append(Synonyms(word, synonyms, number))
    return tuple(entries), problems


def search_words(text: str, synonyms: Iterable[Synonyms]) -> str:
    """The extra words for one section of the index: folded words and synonyms, sorted.

    Runs on every section of the index (at 1,000 pages about 9,000), so it does each
    step once: the text without tags once, `fold` only for words that are not plain
    ASCII (those it leaves as they are), and a synonym's word looked up in the sorted
    words (the first word not before it is the one that may start with it).
    """
    plain = html.unescape(_TAG.sub(" ", text))
    found = {word.lower() for word in _WORD.findall(plain)}
    extra = {fold(word) for word in found if not word.isascii()} - found
    extra.update(fold(compound.replace("-", "")).lower() for compound in _COMPOUND.findall(plain))
    ordered = sorted(found)
    for entry in synonyms:
        at = bisect.bisect_left(ordered, entry.word)
        if at < len(ordered) and ordered[at].startswith(entry.word):
            extra.update(entry.synonyms)
    return " ".join(sorted(extra))


def add_search_words(index: dict, synonyms: Iterable[Synonyms]) -> dict:
    """The search index with the field `zoekwoorden` on every section that has any."""
    synonyms = tuple(synonyms)
    for doc in index["docs"]:
        extra = search_words(f"{doc.get('title', '')} {doc.get('text', '')}", synonyms)
        if extra:
            doc[FIELD] = extra
    index["config"].setdefault("fields", {})[FIELD] = {"boost": 1.0}
    return index
