"""The handbook as a plain Python package: read, check, model, render and audit.

MkDocs only calls it (`hooks/handboek_hook.py` is a thin adapter), so the
same package serves `handboek check`, `handboek bouw` and the tests, and
would serve another site generator.

The flow, one way only (each stage a folder or module; `LAYERS` below is the
order the import test in tests/test_architecture.py enforces: a module only
imports from its own layer or one below it, and no module imports in a circle):

    files -> read -> rules -> local layer -> assemble -> check -> render -> audit
             (line numbers        (a fork's       (model)             (the built
              kept throughout)     lokaal/)                            output)

Module map:

    problems        `Problem` (path:line: message + tip), `Finding`, the report
    model           the dataclasses of the handbook, fixed parts and paths
    fields          the fields editors may write (front matter; `local.fields`:
                    the local layer's files), for the check and the JSON Schema
    plaintext       what a plain-text field may hold, and escaping it for Markdown
    dates           the build date (`SOURCE_DATE_EPOCH`)
    read/           tree (files, no symlinks), text (size, line endings, conflict
                    markers, front matter), frontmatter (YAML and typed values),
                    scan (the one Markdown reader), body (headings, sections,
                    quotes), points, synonyms (zoekwoorden.yml), document
                    (`Document`, `read_document`, `list_content`)
    audit_url, audit_css, audit_svg, audit_html
                    allow-lists of what a browser may load or run, read with real
                    parsers; used by the rules (an SVG logo) and by the audit
    rules/          every rule on what editors write (see `rules`)
    local/          a municipality's fork: its layer checked against upstream, and
                    the commands that set it up and keep it up to date
    assemble        documents that passed -> `model.Handbook`
    check           `check_content`: the one entry point of the check
    render, selfscan, opendata, search, feedback, csp, schema
                    what the build writes from the model
    search_index    the search index's entries of a page, as Material makes them
    audit, audit_build
                    the audit of every page, stylesheet and SVG the build writes
    build, cli      `handboek bouw` and the command line

The public API below is what the hook and the command line use; it is loaded
when first asked for, so `handboek check` loads only what a check needs.
"""

from __future__ import annotations

import importlib
from typing import Any

# The layers of the package, lowest first (see the module map above).
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "basis",
        (
            "handboek.problems",
            "handboek.model",
            "handboek.fields",
            "handboek.plaintext",
            "handboek.dates",
            "handboek.local.fields",
            "handboek.local.atomic",
        ),
    ),
    ("lezen", ("handboek.read.*",)),
    (
        "toetsen van wat een browser laadt",
        ("handboek.audit_url", "handboek.audit_css", "handboek.audit_svg", "handboek.audit_html"),
    ),
    ("regels", ("handboek.rules", "handboek.rules.*")),
    (
        "lokale laag",
        (
            "handboek.local.files",
            "handboek.local.colours",
            "handboek.local.drift",
            "handboek.local.manifest",
            "handboek.local.renames",
            "handboek.local.environments",
            "handboek.local.municipality",
            "handboek.local.layer",
        ),
    ),
    ("model maken", ("handboek.assemble",)),
    ("controle", ("handboek.check",)),
    (
        "weergave",
        (
            "handboek.render",
            "handboek.selfscan",
            "handboek.opendata",
            "handboek.search",
            "handboek.search_index",
            "handboek.feedback",
            "handboek.csp",
            "handboek.schema",
        ),
    ),
    ("nakijken", ("handboek.audit", "handboek.audit_build")),
    (
        "opdrachten",
        (
            "handboek.build",
            "handboek.cli",
            "handboek.local",
            "handboek.local.github",
            "handboek.local.review",
            "handboek.local.scaffold",
            "handboek.local.pullrequests",
            "handboek.local.workflows",
            "handboek.local.commands",
        ),
    ),
)

# The public API: name -> the module that defines it.
_PUBLIC = {
    "check_content": "handboek.check",
    "CheckResult": "handboek.check",
    "Handbook": "handboek.model",
    "Environment": "handboek.model",
    "Page": "handboek.model",
    "Problem": "handboek.problems",
    "Severity": "handboek.problems",
    "Finding": "handboek.problems",
    "errors": "handboek.problems",
    "notices": "handboek.problems",
    "report": "handboek.problems",
    "to_github": "handboek.problems",
    "today": "handboek.dates",
    "BuildAudit": "handboek.audit_build",
    "layer_folder": "handboek.local.files",
    "read_municipality": "handboek.local.municipality",
    "COLOURS_CSS": "handboek.local.municipality",
    "rewrite_links": "handboek.local.renames",
    "Synonyms": "handboek.read.synonyms",
    "SELF_SCAN_ANCHOR": "handboek.rules.anchors",
}

__all__ = sorted(_PUBLIC)


def __getattr__(name: str) -> Any:
    """A public name, imported from its module when first used (PEP 562)."""
    if name not in _PUBLIC:
        raise AttributeError(f"module 'handboek' has no attribute {name!r}")
    value = getattr(importlib.import_module(_PUBLIC[name]), name)
    globals()[name] = value
    return value
