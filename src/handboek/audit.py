"""The audit of the built site: what ships is what was checked.

The content checks (`load`) read the sources; this module reads what the
build writes, after Python-Markdown, attr_list, Material's templates and the
hook have done their work, with real parsers: HTML pages (`audit_html`),
stylesheets (`audit_css`) and SVG files (`audit_svg`). Every problem becomes a
`Problem` at the source file it came from, so an editor sees it next to their
line: a page at its Markdown file (page.file.src_uri, or the local layer's
file), a stylesheet or logo at the file in overrides/ or lokaal/. The line is
found by looking up a telling piece of the problem (the attribute's value,
the element) in that source; when it cannot be traced, the problem is at
line 1 and names the built file, so nothing is ever dropped.

`audit_build.BuildAudit` calls `audit_page` for every page before MkDocs
writes it and `audit_file` for every stylesheet and SVG before they are
copied; the hook stops the build with all problems when there is any
(nothing is stripped or fixed silently).
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from jinja2 import Environment

from handboek import audit_css, audit_html, audit_svg, csp
from handboek.audit_url import Site
from handboek.problems import Problem

AUDITED_SUFFIXES = (".css", ".svg")
T = TypeVar("T")
_HINT_CODE = "de site voert geen code uit de inhoud uit; verwijder het"
_HINT_LOAD = (
    "de site laadt alles van haar eigen adres (geen verzoeken naar andere partijen); zet het "
    "bestand in de site, of maak er een gewone link van"
)
_HINT_STYLE = (
    "zet de opmaak in een CSS-bestand van het thema (overrides/assets/) en geef het element "
    "een klasse: {: .naam }"
)
_HINT_OTHER = (
    "alleen gewone tekst, links, afbeeldingen van de site en de opmaak van het thema mogen"
)


@dataclass(frozen=True)
class Source:
    """Where a built file came from, to show its problems there."""

    path: str
    """Shown to the editor, relative to the project: 'content/over.md'."""
    text: str = ""
    """The source text, to find the line of a problem in ('' when not readable)."""
    verbatim: bool = False
    """True when the built file is the source as is (a copied .css or .svg): lines agree."""


@dataclass(frozen=True)
class PageAudit:
    problems: tuple[Problem, ...]
    html: str
    """The page with its Content-Security-Policy (unchanged when there are problems)."""


def audit_page(
    html: str,
    site: Site,
    sources: Callable[[], Sequence[Source]],
    rules: audit_html.Rules,
    expected_scripts: frozenset[str],
) -> PageAudit:
    """Audit one built page and give it its policy.

    `sources` is asked only when there are problems: the page's own source
    first, then the others where its text may come from (titles in the menu).
    """
    result = _without_cycle_collection(
        audit_html.page_findings, html, site, rules, expected_scripts
    )
    if result.findings:
        found = sources()
        problems = tuple(_problem(finding, site, found) for finding in result.findings)
        return PageAudit(problems, html)
    return PageAudit((), csp.with_policy(html, result.scripts))


def expected_scripts(
    scripts: Sequence[csp.TemplateScript], context: Mapping[str, Any]
) -> frozenset[str]:
    """`csp.expected_scripts` for one page (before it is rendered), without cycle collection."""
    return _without_cycle_collection(csp.expected_scripts, scripts, context)


def template_scripts(
    env: Environment, template: str, read: dict[str, csp.TemplateParts]
) -> tuple[csp.TemplateScript, ...]:
    """`csp.template_scripts`, without cycle collection (parsing templates makes many objects)."""
    return _without_cycle_collection(csp.template_scripts, env, template, read)


def audit_file(data: bytes, site: Site, source: Source) -> tuple[Problem, ...]:
    """Audit one stylesheet or SVG file as it will be written at `site.path`."""
    if site.path.endswith(".svg"):
        found = list(audit_svg.findings(data, site))
    else:
        text = data.decode("utf-8", errors="replace")
        found = list(audit_css.stylesheet_findings(text, site))
    problems = []
    for line, message in found:
        if source.verbatim:
            problems.append(Problem(source.path, line, message, _hint(message)))
        else:
            inside = message.split("(", 1)[1].split(")", 1)[0] if "(" in message else ""
            rule = next((word for word in message.split() if word.startswith("@")), "")
            finding = audit_html.Finding(message, (inside, rule))
            problems.append(_problem(finding, site, [source]))
    return tuple(problems)


def _without_cycle_collection(function: Callable[..., T], *arguments: Any) -> T:
    """Run `function` with Python's cycle collector paused.

    Parsing a page makes a few thousand short-lived objects (nodes, attribute
    dictionaries) that are freed as soon as they are dropped: they form no
    cycles. Counted as new objects, they would start the cycle collector over the
    whole build's memory (every page MkDocs keeps) many times per page; at 1,000
    pages that doubled the audit's time. Nothing is left for it to collect.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        return function(*arguments)
    finally:
        if enabled:
            gc.enable()


def _problem(finding: audit_html.Finding, site: Site, sources: Sequence[Source]) -> Problem:
    message = f"in de gebouwde pagina {site.path}: {finding.message}"
    if site.path.endswith((".css", ".svg")):
        message = f"in het gebouwde bestand {site.path}: {finding.message}"
    for source in sources:
        line = _line_of(finding.evidence, source.text)
        if line:
            return Problem(source.path, line, message, _hint(finding.message))
    untraced = f"{message} (de regel in de bron is niet gevonden)"
    return Problem(sources[0].path, 1, untraced, _hint(finding.message))


def _line_of(evidence: tuple[str, ...], text: str) -> int:
    """The first line of `text` with the first piece of `evidence` found in it, or 0."""
    lower = text.lower()
    for piece in evidence:
        position = lower.find(piece.lower()) if piece.strip() else -1
        if position >= 0:
            return text.count("\n", 0, position) + 1
    return 0


def _hint(message: str) -> str:
    if "stijlen" in message:
        return _HINT_STYLE
    if (
        "code uit" in message
        or "link met" in message
        or "script" in message.replace("noscript", "")
    ):
        return _HINT_CODE
    if "andere website" in message or "buiten" in message or "laadt" in message:
        return _HINT_LOAD
    return _HINT_OTHER
