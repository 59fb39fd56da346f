"""SVG files (a municipality's logo): drawings only, nothing that runs or loads.

The file is read with an XML parser that refuses a DTD (`<!DOCTYPE ...>`) and
entities (defusedxml's SAX parser: no entity expansion, no external files),
with the line of every element. Then every element and attribute must be on
the allow-list below: shapes, text, gradients, clipping, masks, filters and
styles, plus the inert bookkeeping of drawing programs (Inkscape, Sodipodi,
RDF metadata). Not allowed: `<script>`, `<foreignObject>` (HTML inside the
drawing), animation (`<set>`, `<animate>`: it can change a link into code),
`<a>`, event handlers (`onload=`), and any reference outside the file: `href`
and `url()` may only point at `#id` in the same file; `<image>` may only hold
an embedded `data:image/...` picture. CSS in `style` attributes and `<style>`
is read with `audit_css`.

A logo is shown as `<img>` (where the browser runs nothing), but it is also
published at its own address on the site, where a browser opening it would run
a script in it on the site's own origin; hence the same strict rules.

`findings(data)` yields `(line, message)`.
"""

from __future__ import annotations

import io
import xml.sax
from collections.abc import Iterator
from xml.sax.handler import ContentHandler, feature_external_ges, feature_namespaces

import defusedxml
import defusedxml.sax

from handboek import audit_css
from handboek.audit_url import Site, scheme

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
XML = "http://www.w3.org/XML/1998/namespace"
# Namespaces of drawing programs' bookkeeping: no browser renders or runs them.
INERT_NAMESPACES = frozenset(
    {
        "http://www.inkscape.org/namespaces/inkscape",
        "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        "http://creativecommons.org/ns#",
        "http://purl.org/dc/elements/1.1/",
        "http://purl.org/dc/terms/",
        "http://ns.adobe.com/AdobeIllustrator/10.0/",
        "http://ns.adobe.com/Extensibility/1.0/",
        "http://ns.adobe.com/Graphs/1.0/",
        "http://ns.adobe.com/SaveForWeb/1.0/",
        "http://ns.adobe.com/Variables/1.0/",
        "http://ns.adobe.com/ImageReplacement/1.0/",
        "http://ns.adobe.com/GenericCustomNamespace/1.0/",
        "http://ns.adobe.com/XPath/1.0/",
    }
)
ELEMENTS = frozenset(
    [
        "svg",
        "g",
        "defs",
        "symbol",
        "use",
        "title",
        "desc",
        "metadata",
        "path",
        "rect",
        "circle",
        "ellipse",
        "line",
        "polyline",
        "polygon",
        "text",
        "tspan",
        "textPath",
        "linearGradient",
        "radialGradient",
        "stop",
        "clipPath",
        "mask",
        "pattern",
        "marker",
        "style",
        "image",
        "filter",
        "feBlend",
        "feColorMatrix",
        "feComponentTransfer",
        "feComposite",
        "feDropShadow",
        "feFlood",
        "feFuncA",
        "feFuncB",
        "feFuncG",
        "feFuncR",
        "feGaussianBlur",
        "feMerge",
        "feMergeNode",
        "feMorphology",
        "feOffset",
        "feTile",
        "feTurbulence",
        "switch",
    ]
)
ATTRIBUTES = frozenset(
    [
        "id",
        "class",
        "style",
        "lang",
        "tabindex",
        "role",
        "focusable",
        "version",
        "baseProfile",
        "x",
        "y",
        "x1",
        "y1",
        "x2",
        "y2",
        "cx",
        "cy",
        "r",
        "rx",
        "ry",
        "fx",
        "fy",
        "fr",
        "width",
        "height",
        "viewBox",
        "preserveAspectRatio",
        "d",
        "points",
        "pathLength",
        "transform",
        "fill",
        "fill-opacity",
        "fill-rule",
        "stroke",
        "stroke-width",
        "stroke-linecap",
        "stroke-linejoin",
        "stroke-miterlimit",
        "stroke-dasharray",
        "stroke-dashoffset",
        "stroke-opacity",
        "opacity",
        "color",
        "display",
        "visibility",
        "overflow",
        "clip",
        "clip-path",
        "clip-rule",
        "mask",
        "filter",
        "marker-start",
        "marker-mid",
        "marker-end",
        "markerWidth",
        "markerHeight",
        "markerUnits",
        "refX",
        "refY",
        "orient",
        "font-family",
        "font-size",
        "font-style",
        "font-weight",
        "font-variant",
        "font-stretch",
        "text-anchor",
        "dominant-baseline",
        "alignment-baseline",
        "baseline-shift",
        "letter-spacing",
        "word-spacing",
        "text-decoration",
        "writing-mode",
        "direction",
        "unicode-bidi",
        "dx",
        "dy",
        "rotate",
        "textLength",
        "lengthAdjust",
        "startOffset",
        "method",
        "spacing",
        "side",
        "offset",
        "stop-color",
        "stop-opacity",
        "gradientUnits",
        "gradientTransform",
        "spreadMethod",
        "patternUnits",
        "patternContentUnits",
        "patternTransform",
        "clipPathUnits",
        "maskUnits",
        "maskContentUnits",
        "filterUnits",
        "primitiveUnits",
        "in",
        "in2",
        "result",
        "mode",
        "values",
        "type",
        "operator",
        "k1",
        "k2",
        "k3",
        "k4",
        "stdDeviation",
        "edgeMode",
        "dx",
        "dy",
        "flood-color",
        "flood-opacity",
        "lighting-color",
        "color-interpolation",
        "color-interpolation-filters",
        "color-rendering",
        "shape-rendering",
        "text-rendering",
        "image-rendering",
        "vector-effect",
        "paint-order",
        "mix-blend-mode",
        "isolation",
        "tableValues",
        "slope",
        "intercept",
        "amplitude",
        "exponent",
        "radius",
        "baseFrequency",
        "numOctaves",
        "seed",
        "stitchTiles",
        "enable-background",
        "data-name",
        "media",
        "href",
        "xmlns",
    ]
)
_HREF_ELEMENTS = frozenset(
    {"use", "linearGradient", "radialGradient", "pattern", "filter", "textPath", "image"}
)
_EMBEDDED_IMAGE = ("data:image/png", "data:image/jpeg", "data:image/gif", "data:image/webp")

Finding = tuple[int, str]


def findings(data: bytes, site: Site) -> Iterator[Finding]:
    """Every problem in the SVG file `data`, with its line."""
    handler = _Handler(site)
    parser = defusedxml.sax.make_parser()
    parser.setFeature(feature_namespaces, True)
    parser.setFeature(feature_external_ges, False)
    parser.forbid_dtd = True
    parser.setContentHandler(handler)
    try:
        parser.parse(io.BytesIO(data))
    except defusedxml.DTDForbidden:
        handler.found.append(
            (handler.line(), "het SVG-bestand heeft een DTD (<!DOCTYPE ...>), wat niet mag")
        )
    except (defusedxml.EntitiesForbidden, defusedxml.ExternalReferenceForbidden):
        handler.found.append((handler.line(), "het SVG-bestand gebruikt entiteiten (<!ENTITY>)"))
    except xml.sax.SAXParseException as error:
        handler.found.append((error.getLineNumber(), "het SVG-bestand is geen geldige XML"))
    else:
        if not handler.root_seen:
            handler.found.append((1, "het SVG-bestand heeft geen <svg>-element"))
    yield from handler.found


class _Handler(ContentHandler):
    def __init__(self, site: Site) -> None:
        super().__init__()
        self.site = site
        self.found: list[Finding] = []
        self.root_seen = False
        self.style: list[str] | None = None  # text of the <style> being read
        self.style_line = 0
        self.locator: xml.sax.xmlreader.Locator | None = None

    def setDocumentLocator(self, locator: xml.sax.xmlreader.Locator) -> None:
        self.locator = locator

    def line(self) -> int:
        return self.locator.getLineNumber() if self.locator else 1

    def startElementNS(self, name, qname, attrs) -> None:
        namespace, local = name
        line = self.line()
        if namespace in INERT_NAMESPACES:
            return
        if not self.root_seen:
            self.root_seen = True
            if (namespace, local) != (SVG, "svg"):
                self.found.append((line, "het SVG-bestand begint niet met <svg>"))
        if namespace != SVG or local not in ELEMENTS:
            shown = local if namespace in (SVG, None) else qname or local
            self.found.append(
                (line, f"het element <{shown}> is niet toegestaan in een SVG-bestand")
            )
            return
        for (attribute_namespace, attribute), value in attrs.items():
            self._attribute(line, local, attribute_namespace, attribute, value, attrs)
        if local == "style":
            self.style, self.style_line = [], line

    def endElementNS(self, name, qname) -> None:
        if name == (SVG, "style") and self.style is not None:
            for line, message in audit_css.stylesheet_findings(
                "".join(self.style), self.site, fragment_only=True
            ):
                self.found.append((self.style_line + line - 1, f"in <style>: {message}"))
            self.style = None

    def characters(self, content: str) -> None:
        if self.style is not None:
            self.style.append(content)

    def _attribute(  # noqa: PLR0913 - one attribute as the SAX parser gives it, with its line
        self, line, element, namespace, attribute, value, attrs
    ) -> None:
        if namespace in INERT_NAMESPACES or (namespace == XML and attribute in ("space", "lang")):
            return
        if namespace is None and attribute.lower().startswith("on"):
            self.found.append((line, f"het attribuut '{attribute}' in <{element}> voert code uit"))
            return
        if attribute == "href" and namespace in (None, XLINK):
            self._href(line, element, value)
            return
        if namespace is not None or attribute not in ATTRIBUTES:
            shown = attrs.getQNameByName((namespace, attribute)) or attribute
            self.found.append((line, f"het attribuut '{shown}' in <{element}> is niet toegestaan"))
            return
        if attribute == "style":
            check = audit_css.declarations_findings
        elif "url(" in value.lower() or "\\" in value:
            check = audit_css.value_findings
        else:
            return
        for _, message in check(value, self.site, fragment_only=True):
            self.found.append((line, f"in '{attribute}' van <{element}>: {message}"))

    def _href(self, line: int, element: str, value: str) -> None:
        address = value.strip()
        if element == "image" and address.lower().startswith(_EMBEDDED_IMAGE):
            return
        if element in _HREF_ELEMENTS and address.startswith("#"):
            return
        if scheme(address) in ("http", "https", "ftp") or address.replace("\\", "/").startswith(
            "//"
        ):
            self.found.append((line, f"<{element}> laadt iets van een andere website"))
        else:
            self.found.append(
                (line, f"<{element}> verwijst naar iets buiten dit bestand ('{address}')")
            )
