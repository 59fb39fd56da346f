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

import re
from collections.abc import Iterable

from handboek.read.synonyms import Synonyms, fold, plain, words

FIELD = "zoekwoorden"
# A word with hyphens, such as één-op-één: also indexed as one word, `eenopeen`.
_COMPOUND = re.compile(r"[^\W_]+(?:-[^\W_]+)+")


def search_words(text: str, synonyms: Iterable[Synonyms]) -> str:
    """The extra words for one section of the index: folded words and synonyms, sorted."""
    found = set(words(text))
    extra = {fold(word) for word in found} - found
    compounds = _COMPOUND.findall(plain(text))
    extra.update(fold(compound.replace("-", "")).lower() for compound in compounds)
    for entry in synonyms:
        if any(word.startswith(entry.word) for word in found):
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
