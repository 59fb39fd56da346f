"""The Content-Security-Policy of every page, and the inline scripts it allows.

GitHub Pages cannot send headers, so the policy is a
`<meta http-equiv="Content-Security-Policy">`, the first element of `<head>`
(a policy covers only what comes after it). The browser then enforces what
the audit (`audit_html`) checked at build time:

- `default-src 'self'`: everything from the site itself; nothing from
  another host (privacy of readers), also for what a script would fetch;
- `script-src 'self'` plus the hash of each inline script on the page: the
  scripts of the theme's templates only. An inline event handler
  (`onclick=`), a `javascript:` link or any other inline script does not run;
- `style-src 'self'`: stylesheets of the site only, no `style=` attributes
  and no `<style>`. Material needs none in its HTML: its script sets styles
  through the CSS object model (`element.style.top = ...`), which a policy
  does not restrict. Allowing inline styles ('unsafe-inline') would let
  content restyle or hide the page, so the audit refuses them instead;
- `img-src 'self' data:`: Material's stylesheet draws its icons as
  `data:image/svg+xml` masks (inside the stylesheet; no request to any host);
- `object-src 'none'`, `base-uri 'none'`, `form-action 'none'`: no plug-ins,
  no `<base>` that would send relative links elsewhere, no form that sends
  anything anywhere (Material's search form never submits).

Which inline scripts are allowed is decided from the templates, not from
the page: `template_scripts` collects every inline `<script>` in the template
the page is rendered with and the templates it extends and includes (ours in
overrides/ first, then Material's), and `expected_scripts` renders each with
the page's own template context, giving the exact texts the theme writes on
that page. A script in the page that is not exactly one
of those (one from content, or a changed template not yet rendered) fails the
audit; one that is gets its hash in the policy, computed from the page as
written, so a changed script can never ship without its hash.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment, Template, TemplateError, meta

POLICY = (
    "default-src 'self'",
    "script-src 'self'{hashes}",
    "style-src 'self'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
)
# In a template's source: an inline script, without src (those are files) or a data type.
_TEMPLATE_SCRIPT = re.compile(r"<script(?P<attributes>[^>]*)>(?P<body>.*?)</script>", re.S)
_HEAD = re.compile(r"<head(?:\s[^>]*)?>", re.I)


@dataclass(frozen=True)
class TemplateScript:
    """An inline script as a template writes it, compiled as its own small template."""

    template: str
    body: Template
    text: str | None
    """The script itself when its template has no Jinja in it (the same on every page)."""


@dataclass(frozen=True)
class TemplateParts:
    """What `template_scripts` reads in one template file."""

    referenced: tuple[str, ...]
    """The templates it extends, includes or imports by a fixed name, sorted."""
    scripts: tuple[TemplateScript, ...]
    """Its own inline scripts, in the order it writes them."""


def template_scripts(
    env: Environment, template: str, read: dict[str, TemplateParts] | None = None
) -> tuple[TemplateScript, ...]:
    """Every inline script of `template` and of the templates it extends or includes.

    Templates are found as the theme finds them (ours in overrides/ before Material's),
    following `{% extends %}`, `{% include %}` and `{% import %}` with a fixed name; an
    include with a computed name (an icon) holds no script. Scripts of templates the page
    is not rendered with (Material's redirect page, analytics) are never expected.

    `read` keeps each template file's parts for the next call in the same build (every
    page template extends base.html and its partials: read once, not once per page
    template); one build's `env` and its templates do not change while it runs.
    """
    read = {} if read is None else read
    scripts: list[TemplateScript] = []
    seen: set[str] = set()
    waiting = [template]
    while waiting:
        name = waiting.pop(0)
        if name in seen or env.loader is None:
            continue
        seen.add(name)
        if name not in read:
            read[name] = _template_parts(env, name)
        waiting += read[name].referenced
        scripts += read[name].scripts
    return tuple(scripts)


def _template_parts(env: Environment, name: str) -> TemplateParts:
    """The templates `name` refers to and its own inline scripts (see `template_scripts`)."""
    source, _, _ = env.loader.get_source(env, name)  # type: ignore[union-attr]
    referenced = sorted(
        found for found in meta.find_referenced_templates(env.parse(source)) if found
    )
    scripts = []
    for match in _TEMPLATE_SCRIPT.finditer(source):
        attributes = match.group("attributes")
        if "src=" in attributes or "type=" in attributes:
            continue
        text = match.group("body")
        try:
            body = env.from_string(text)
        except TemplateError:
            continue  # not a script on its own: then it is never expected, and fails loudly
        fixed = None if "{{" in text or "{%" in text or "{#" in text else text
        scripts.append(TemplateScript(name, body, fixed))
    return TemplateParts(tuple(referenced), tuple(scripts))


def expected_scripts(
    scripts: Iterable[TemplateScript], context: Mapping[str, Any]
) -> frozenset[str]:
    """The exact texts the templates' inline scripts have on a page with this context."""
    texts = set()
    for script in scripts:
        if script.text is not None:
            texts.add(script.text)
            continue
        try:
            texts.add(script.body.render(context))
        except (TemplateError, TypeError, AttributeError, KeyError):
            continue  # needs variables only its own template sets: not expected on its own
    return frozenset(texts)


@functools.lru_cache(maxsize=256)
def script_hash(text: str) -> str:
    """The CSP source for an inline script: 'sha256-<base64>' of its UTF-8 text.

    Remembered by text: the same few scripts are on every page of a folder.
    """
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy(scripts: Iterable[str]) -> str:
    hashes = "".join(f" {script_hash(text)}" for text in dict.fromkeys(scripts))
    return "; ".join(POLICY).format(hashes=hashes)


def with_policy(html: str, scripts: Iterable[str]) -> str:
    """The page with its policy as the first element of <head>."""
    match = _HEAD.search(html)
    if match is None:
        raise ValueError("de pagina heeft geen <head>")
    meta = f'\n    <meta http-equiv="Content-Security-Policy" content="{policy(scripts)}">'
    return html[: match.end()] + meta + html[match.end() :]
