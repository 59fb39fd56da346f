"""Fictional content for the rule tests (plain "Gemeente Voorbeeld" data).

The valid base lives in tests/corpus/basis/: a start page (index.md) and one
environment (omgevingen/voorbeeld.md). Tests change a copy of it and check
what the rules say, with exact messages and line numbers.

Lines of omgevingen/voorbeeld.md that tests refer to: 4 `volgorde`,
7 `volgende_beoordeling`, 17 introduction, 19 `## Wat is de meerwaarde?`,
23 `### Een subkop`, 27 `## Wat werkt (en wat niet)?`, 31 `## Wat kan de
gemeente doen?`, 35 `## Wie zijn de bruggenbouwers?`, 39 `## Uit de praktijk`,
41 the quote, 43 its role, 44 end of file.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from handboek.problems import Problem
from handboek.read.document import Document, read_document

BASIS = Path(__file__).resolve().parent / "corpus" / "basis"
ENVIRONMENT = (BASIS / "omgevingen" / "voorbeeld.md").read_text(encoding="utf-8")
START_PAGE = (BASIS / "index.md").read_text(encoding="utf-8")

PAGE = """---
titel: Een pagina
beschrijving: Een verzonnen pagina.
eigenaar: Redactie Gemeente Voorbeeld
laatst_beoordeeld: 2026-01-15
volgende_beoordeling: 2027-01-15
---

"""
# The first body line of `PAGE + body`.
PAGE_BODY_LINE = 9


def write_content(root: Path, files: dict[str, str | bytes] | None = None) -> Path:
    """A copy of the valid base in `root/content`, with `files` added or replaced."""
    content = root / "content"
    shutil.copytree(BASIS, content)
    for path, text in (files or {}).items():
        target = content / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            target.write_bytes(text)
        else:
            target.write_text(text, encoding="utf-8", newline="")
    return content


def read(tmp_path: Path, content_path: str, text: str | bytes) -> tuple[Document, list[Problem]]:
    """Parse one file as `content/<content_path>`; the document must be readable."""
    document, problems = read_or_fail(tmp_path, content_path, text)
    assert document is not None, problems
    return document, problems


def read_or_fail(
    tmp_path: Path, content_path: str, text: str | bytes
) -> tuple[Document | None, list[Problem]]:
    file = tmp_path / "content" / content_path
    file.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        file.write_bytes(text)
    else:
        file.write_text(text, encoding="utf-8", newline="")
    return read_document(file, f"content/{content_path}", content_path)


def environment(tmp_path: Path, text: str = ENVIRONMENT) -> Document:
    return read(tmp_path, "omgevingen/voorbeeld.md", text)[0]


def page(tmp_path: Path, body: str) -> Document:
    return read(tmp_path, "pagina.md", PAGE + body)[0]
