"""The ids Python-Markdown's `toc` extension gives headings, without importing Markdown.

`handboek check` predicts every id the build writes (see `rules.anchors`), but
loading Python-Markdown only for its slug function would be most of the
check's start-up. These two functions follow `markdown.extensions.toc.slugify`
and `unique` (Python-Markdown 3.x, BSD licence) exactly; tests/test_slugs.py
compares them with the installed Python-Markdown on many random headings, so
an update that changes the renderer's ids fails there.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import MutableSet

_NOT_SLUG = re.compile(r"[^\w\s-]")
_NUMBERED = re.compile(r"^(.*)_([0-9]+)$")


def slugify(value: str, separator: str) -> str:
    """A heading's text as an id: accents folded to ASCII, other signs left out, lower case,
    spaces (and runs of the separator) as one separator."""
    value = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    value = _NOT_SLUG.sub("", value).strip().lower()
    return re.sub(rf"[{separator}\s]+", separator, value)


def unique(id_: str, ids: MutableSet[str]) -> str:
    """`id_`, or when it is taken (or empty) the first free `<id>_1`, `<id>_2`, ...; added
    to `ids`."""
    if id_ in ids or not id_:
        numbered = _NUMBERED.match(id_)
        base, count = (numbered[1], int(numbered[2])) if numbered else (id_, 0)
        count += 1
        while f"{base}_{count}" in ids:
            count += 1
        id_ = f"{base}_{count}"
    ids.add(id_)
    return id_
