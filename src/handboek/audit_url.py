"""Addresses in the built site, read the way a browser reads them.

The audit of the built output (`audit`) asks two questions about every address
in an HTML page, stylesheet or SVG file:

- `navigation_problem`: may a reader's click go there? Links to other
  websites are fine; code (`javascript:`, `vbscript:`) and documents made up
  on the spot (`data:`) are not, nor any scheme a browser would hand to
  another program (only http, https, mailto and tel are allowed).
- `load_problem`: may the browser fetch it while showing the page? Only from
  this site: a relative address that stays inside the site, or an absolute
  one on the site's own address. Nothing from another host (privacy of
  readers: no third-party requests).

Addresses are cleaned as the WHATWG URL parser does before reading them:
leading and trailing spaces and control characters dropped, tabs and
newlines removed anywhere, backslashes read as slashes (so `\\\\host\\x` is
another host, as in every browser).
"""

from __future__ import annotations

import functools
import posixpath
import re
from dataclasses import dataclass

_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
_C0_OR_SPACE = "".join(chr(code) for code in range(0x21))
NAVIGATION_SCHEMES = frozenset({"http", "https", "mailto", "tel"})


@dataclass(frozen=True)
class Site:
    """Where a file sits in the built site, to resolve its relative addresses."""

    path: str
    """The file's path in the site, with '/': 'over/index.html', 'assets/x.css'."""
    base_path: str = "/"
    """The path of the site root on its host ('/' or '/handboek/'), from `site_url`."""
    site_url: str = ""
    """The site's own absolute address ('https://.../'), or '' when it has none."""


def clean(address: str) -> str:
    """The address as the browser's URL parser starts on it."""
    address = address.strip(_C0_OR_SPACE)
    return address.replace("\t", "").replace("\n", "").replace("\r", "")


def scheme(address: str) -> str:
    """The lowercase scheme ('https', 'javascript'), or '' for a relative address."""
    match = _SCHEME.match(clean(address))
    return match.group(1).lower() if match else ""


@functools.lru_cache(maxsize=1 << 16)
def navigation_problem(address: str) -> str | None:
    """Why a link to `address` is not allowed, or None."""
    name = scheme(address)
    if not name or name in NAVIGATION_SCHEMES:
        return None
    return f"een link met '{name}:' is niet toegestaan"


def load_problem(address: str, site: Site, *, fragment_only: bool = False) -> str | None:
    """Why the browser may not fetch `address` for a file at `site`, or None.

    With `fragment_only`, only a reference inside the same file (`#id`) is
    allowed (references in an SVG file).
    """
    folder = posixpath.dirname(site.path)
    return _load_problem(address, folder, site.base_path, site.site_url, fragment_only)


@functools.lru_cache(maxsize=1 << 16)
def _load_problem(
    address: str, folder: str, base_path: str, site_url: str, fragment_only: bool
) -> str | None:
    """`load_problem`, remembered: the same menu links recur on every page of a folder."""
    address = clean(address).replace("\\", "/")
    if address.startswith("#") or (not address and not fragment_only):
        return None
    if fragment_only:
        if scheme(address) in ("http", "https", "ftp") or address.startswith("//"):
            return "laadt iets van een andere website"
        return f"verwijst naar iets buiten dit bestand ('{address}')"
    name = scheme(address)
    if name:
        if site_url and address.startswith(site_url):
            return None
        if name in ("http", "https", "ftp", "ws", "wss"):
            return "laadt iets van een andere website"
        return f"laadt iets met '{name}:', wat niet is toegestaan"
    if address.startswith("//"):
        return "laadt iets van een andere website"
    target = address.split("#", 1)[0].split("?", 1)[0]
    if target.startswith("/"):
        inside = (posixpath.normpath(target) + "/").startswith(base_path)
    else:
        inside = _stays_inside(folder, target)
    if not inside:
        return f"verwijst naar iets buiten de site ('{address}')"
    return None


def _stays_inside(folder: str, target: str) -> bool:
    """Whether `target`, relative to `folder` of the site, never climbs above the site root."""
    depth = len([part for part in folder.split("/") if part])
    for part in target.split("/"):
        if part == "..":
            depth -= 1
            if depth < 0:
                return False
        elif part not in ("", "."):
            depth += 1
    return True


def site_path(address: str, site: Site) -> str:
    """The site path a same-site address points to ('assets/x.js'), without query/fragment."""
    address = clean(address).replace("\\", "/").split("#", 1)[0].split("?", 1)[0]
    if site.site_url and address.startswith(site.site_url):
        return posixpath.normpath(address[len(site.site_url) :]).lstrip("/")
    if address.startswith("/"):
        return posixpath.normpath(address[len(site.base_path) :]).lstrip("/")
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(site.path), address))
    return "" if joined == "." else joined


def srcset_addresses(value: str) -> list[str]:
    """The addresses in a `srcset` (WHATWG's candidate parsing, simplified: no nesting)."""
    addresses = []
    position = 0
    while position < len(value):
        while position < len(value) and (value[position].isspace() or value[position] == ","):
            position += 1
        start = position
        while position < len(value) and not value[position].isspace():
            position += 1
        address = value[start:position]
        if address.endswith(","):
            address = address.rstrip(",")
        else:
            depth = 0
            while position < len(value) and (value[position] != "," or depth):
                depth += {"(": 1, ")": -1}.get(value[position], 0)
                position += 1
        if address:
            addresses.append(address)
    return addresses
