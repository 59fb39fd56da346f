"""Safety rules: content runs no code and loads nothing from other websites.

The site promises its readers zero third-party requests and no scripts from
content. Markdown lets editors write raw HTML, so these rules look at the
prose of a page (see `scan`: code is shown as text and does not count) and
reject what would break that promise: script and embedding elements,
`javascript:` links, inline event handlers such as `onclick=`, and images or
other embedded resources from another host. Links to other websites are fine:
a reader's browser only contacts them when the reader follows the link.

Each rule takes a `Document` and yields `(line, message, hint)`.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from handboek import audit_url
from handboek.problems import Finding
from handboek.read.document import Document

_CODE_HINT = "de inhoud mag geen code uitvoeren; verwijder het element"
_EMBED_HINT = (
    "de site laadt niets van andere websites (privacy van lezers); "
    "zet een gewone link naar die pagina, bijvoorbeeld [Bekijk de video](https://...)"
)
_THEME_HINT = "opmaak en instellingen komen uit het thema (map overrides/); verwijder het element"
# Elements that run code, embed another page, or change styles or page settings.
FORBIDDEN_ELEMENTS = {
    "script": _CODE_HINT,
    "applet": _CODE_HINT,
    "iframe": _EMBED_HINT,
    "frame": _EMBED_HINT,
    "object": _EMBED_HINT,
    "embed": _EMBED_HINT,
    "style": _THEME_HINT,
    "link": _THEME_HINT,
    "base": _THEME_HINT,
    "meta": _THEME_HINT,
    # SVG and MathML have their own ways to load and link (<image href>, xlink:href), and
    # <noscript> content is parsed twice by browsers: the content does not need them.
    "svg": _THEME_HINT,
    "math": _THEME_HINT,
    "noscript": _CODE_HINT,
    "template": _CODE_HINT,
    # A form sends what readers type to the address in its action.
    "form": "de site stuurt geen gegevens van lezers ergens heen; zet een gewone link naar "
    "het formulier, bijvoorbeeld [Vul het formulier in](https://...)",
}
# Attributes whose value the browser follows as an address.
_LINK_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "data")
# Attributes whose address the browser loads while showing the page.
_EMBED_ATTRIBUTES = ("src", "srcset", "poster", "data", "background")
_CODE_SCHEMES = ("javascript:", "vbscript:")
# Schemes reported by `no_code_in_links`, with their own message.
_OWN_MESSAGE = frozenset({"javascript", "vbscript", "data"})
# A link may not open a document made of its own address (data:text/html runs script);
# an image may be data:image/... (it is shown, never run).
_DATA_SCHEME = "data:"
_CSS_URL = re.compile(r"url\(\s*['\"]?\s*(?:https?:)?//", re.I)
_EVENT_HANDLER = re.compile(r"^on[a-z]+$")
_IMAGE_HINT = (
    "zet de afbeelding in de inhoudsmap (bijvoorbeeld content/afbeeldingen/) en gebruik "
    "een pad vanaf deze pagina: ![omschrijving](afbeeldingen/foto.png); "
    "de site laadt niets van andere websites (privacy van lezers)"
)


def no_scripts_or_embeds(document: Document) -> Iterator[Finding]:
    """No HTML element that runs code, embeds another page, or changes styles: <script>,
    <iframe>, <object>, <embed> and the others in `FORBIDDEN_ELEMENTS`."""
    for tag in document.tags:
        if tag.name in FORBIDDEN_ELEMENTS:
            message = f"het HTML-element <{tag.name}> is niet toegestaan"
            yield Finding(tag.line, message, FORBIDDEN_ELEMENTS[tag.name])


def no_code_in_links(document: Document) -> Iterator[Finding]:
    """No link or address starts with `javascript:` (or `vbscript:`)."""
    addresses = [(link.line, link.destination) for link in document.links]
    addresses += [(item.line, item.destination) for item in document.definitions]
    addresses += [
        (tag.line, value)
        for tag in document.tags
        for name, value in tag.attributes
        if name in _LINK_ATTRIBUTES
    ]
    for line, address in _followed_links(document):
        if _scheme_of(address).startswith(_DATA_SCHEME):
            yield Finding(
                line,
                "een link met 'data:' is niet toegestaan",
                "een link gaat naar een pagina of bestand (https://... of een .md-bestand); "
                "zet afbeeldingen in de inhoudsmap",
            )
    for line, address in sorted(addresses):
        if _scheme_of(address).startswith(_CODE_SCHEMES):
            yield Finding(
                line,
                f"een link met '{_scheme_of(address).split(':')[0]}:' is niet toegestaan",
                "de inhoud mag geen code uitvoeren; link naar een pagina (https://... of een "
                ".md-bestand)",
            )


def links_go_to_pages_or_websites(document: Document) -> Iterator[Finding]:
    """A link with a scheme uses one a reader's browser opens as a page or app: https:,
    http:, mailto: or tel: (the audit of the built site allows the same, `audit_url`).
    `javascript:`, `vbscript:` and `data:` have their own message (`no_code_in_links`)."""
    for line, address in _followed_links(document):
        name = audit_url.scheme(address)
        if name and name not in audit_url.NAVIGATION_SCHEMES and name not in _OWN_MESSAGE:
            yield Finding(
                line,
                f"een link met '{name}:' is niet toegestaan",
                "een link naar een andere website begint met https:// (of mailto: voor e-mail, "
                "tel: voor een telefoonnummer); een link naar een pagina is een .md-bestand",
            )


def _followed_links(document: Document) -> list[tuple[int, str]]:
    """(line, address) of what a reader follows, in order: links (not images), reference
    definitions, and the link attributes of HTML other than src and data."""
    links = [(link.line, link.destination) for link in document.links if not link.image]
    links += [(item.line, item.destination) for item in document.definitions]
    links += [
        (tag.line, value)
        for tag in document.tags
        for name, value in tag.attributes
        if name in _LINK_ATTRIBUTES and name not in ("src", "data")
    ]
    return sorted(set(links))


def no_event_handlers(document: Document) -> Iterator[Finding]:
    """No inline event handler attributes such as `onclick=` in HTML."""
    for tag in document.tags:
        for name, _ in tag.attributes:
            if _EVENT_HANDLER.match(name):
                yield Finding(
                    tag.line,
                    f"het HTML-attribuut '{name}' in <{tag.name}> is niet toegestaan",
                    "de inhoud mag geen code uitvoeren; verwijder het attribuut",
                )


def no_external_images(document: Document) -> Iterator[Finding]:
    """Images and other embedded resources come from the site itself, never from
    another host (`http://`, `https://` or `//`)."""
    definitions = {item.label: item.destination for item in document.definitions}
    addresses = [
        (link.line, f"de afbeelding '{link.destination}'", link.destination)
        for link in document.links
        if link.image
    ]
    addresses += [
        (reference.line, f"de afbeelding '[{reference.label}]'", definitions[reference.label])
        for reference in document.references
        if reference.image and reference.label in definitions
    ]
    addresses += [
        (tag.line, f'<{tag.name} {name}="{value}">', value)
        for tag in document.tags
        if tag.name not in FORBIDDEN_ELEMENTS  # reported by no_scripts_or_embeds
        for name, value in tag.attributes
        if name in _EMBED_ATTRIBUTES
    ]
    found = [(line, what) for line, what, address in addresses if _is_other_host(address)]
    found += [
        (tag.line, f"de stijl (style) van <{tag.name}>")
        for tag in document.tags
        for name, value in tag.attributes
        if name == "style" and _CSS_URL.search(html.unescape(value))
    ]

    for line, what in sorted(found):
        yield Finding(line, f"{what} laadt iets van een andere website", _IMAGE_HINT)


def _scheme_of(address: str) -> str:
    """The address as a browser reads it: entities decoded, no spaces or control
    characters, lowercase."""
    decoded = html.unescape(address)
    if decoded.isprintable():  # the usual case: only spaces to drop
        return "".join(decoded.split()).lower()
    return "".join(c for c in decoded if c.isprintable() and not c.isspace()).lower()


def _is_other_host(address: str) -> bool:
    """Whether the browser would fetch this from another host; srcset lists several."""
    candidates = [part.split()[0] for part in address.split(",") if part.split()]
    return any(
        _scheme_of(candidate).replace("\\", "/").startswith(("http:", "https:", "ftp:", "//"))
        for candidate in candidates
    )


_CSS_LOADS = re.compile(r"url\(|image-set\(|@import|\\|expression\(", re.I)


def no_loading_styles(document: Document) -> Iterator[Finding]:
    """No `ping` (a request when a link is followed), and a `style` attribute loads
    nothing: no url(), image-set(), @import, and no CSS escapes ('\\') that could
    spell them (an address to another host is reported by `no_external_images`)."""
    for tag in document.tags:
        for name, value in tag.attributes:
            if name == "ping":
                yield Finding(
                    tag.line,
                    f"het HTML-attribuut 'ping' in <{tag.name}> is niet toegestaan",
                    "de site meldt aan geen enkele website dat een lezer op een link klikt "
                    "(privacy); haal 'ping' weg",
                )
            decoded = html.unescape(value)
            if name == "style" and _CSS_LOADS.search(decoded) and not _CSS_URL.search(decoded):
                yield Finding(
                    tag.line,
                    f"de stijl (style) van <{tag.name}> bevat url(), image-set(), @import of '\\'",
                    "opmaak komt uit het thema (map overrides/); haal de stijl weg, of houd "
                    "alleen eenvoudige opmaak als 'color: #1f4e79' over",
                )


SAFETY_RULES = (
    no_scripts_or_embeds,
    no_code_in_links,
    links_go_to_pages_or_websites,
    no_event_handlers,
    no_external_images,
    no_loading_styles,
)
