"""A municipality's colours: format and contrast checks, and the CSS they become.

Colours are design tokens with Dutch names in lokaal/gemeente.yml. Each token
sets one or more CSS custom properties of Material for MkDocs (or of our own
local blocks). Every pair of text and background colour a reader sees must
reach WCAG AA contrast (4.5:1), computed with the WCAG relative-luminance
formula.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

MINIMUM_CONTRAST = 4.5
PAGE_BACKGROUND = "#ffffff"  # Material's default scheme: text and links sit on white
_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")

# Token -> the CSS custom properties it sets.
CUSTOM_PROPERTIES: dict[str, tuple[str, ...]] = {
    "kop": ("--md-primary-fg-color", "--md-primary-fg-color--light", "--md-primary-fg-color--dark"),
    "kop_tekst": ("--md-primary-bg-color", "--md-primary-bg-color--light"),
    "link": ("--md-typeset-a-color",),
    "accent": ("--md-accent-fg-color",),
    "lokaal_achtergrond": ("--handboek-lokaal-achtergrond",),
    "lokaal_tekst": ("--handboek-lokaal-tekst",),
}


@dataclass(frozen=True)
class Pair:
    text: str  # token of the text colour
    background: str | None  # token of the background, None for the white page
    what: str  # what the reader sees in this pair, in Dutch


PAIRS: tuple[Pair, ...] = (
    Pair("kop_tekst", "kop", "de tekst in de kopbalk"),
    Pair("link", None, "links in de tekst"),
    Pair("accent", None, "links waar de muis boven staat"),
    Pair("lokaal_tekst", "lokaal_achtergrond", "de tekst in de lokale blokken"),
    Pair("link", "lokaal_achtergrond", "links in de lokale blokken"),
)


def is_colour(value: str) -> bool:
    return bool(_HEX.match(value))


def relative_luminance(colour: str) -> float:
    """WCAG 2.1 relative luminance of a #rrggbb colour."""

    def channel(hex_pair: str) -> float:
        value = int(hex_pair, 16) / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(colour[index : index + 2]) for index in (1, 3, 5))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: str, second: str) -> float:
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def dutch_ratio(ratio: float) -> str:
    """Rounded down, so a failing ratio never reads as 4,5."""
    return f"{math.floor(ratio * 100) / 100:.2f}".replace(".", ",")


def format_findings(colours: Mapping[str, str]) -> Iterator[tuple[str, str, str]]:
    """(token, message, hint) for every token that is not a #rrggbb colour."""
    for token, value in colours.items():
        if not is_colour(value):
            yield (
                token,
                f"'kleuren.{token}' is geen kleur als #rrggbb: '{value}'",
                "schrijf een kleur als '#' met zes tekens uit 0-9 en a-f, tussen "
                'aanhalingstekens, bijvoorbeeld: "#1f4e79"',
            )


def contrast_findings(colours: Mapping[str, str]) -> Iterator[tuple[str, str, str]]:
    """(token, message, hint) for every text colour below WCAG AA on its background."""
    for pair in PAIRS:
        text = colours.get(pair.text)
        background = PAGE_BACKGROUND if pair.background is None else colours.get(pair.background)
        if not (text and background and is_colour(text) and is_colour(background)):
            continue
        ratio = contrast(text, background)
        if ratio < MINIMUM_CONTRAST:
            on = (
                f"wit ({PAGE_BACKGROUND})"
                if pair.background is None
                else f"'kleuren.{pair.background}' ({background})"
            )
            yield (
                pair.text,
                f"te weinig contrast voor {pair.what}: 'kleuren.{pair.text}' ({text}) op {on} "
                f"is {dutch_ratio(ratio)}:1, WCAG AA vraagt minstens 4,5:1",
                "kies een donkerdere tekstkleur of een lichtere achtergrond (of andersom) "
                "tot de verhouding minstens 4,5:1 is",
            )


def css(colours: Mapping[str, str]) -> str:
    """The colours as custom properties, after (and so above) Material's and our own.

    Only the checked #rrggbb values go in; nothing else from gemeente.yml (a name in a
    comment could end the comment and add rules, such as an @import from elsewhere).
    """
    declarations = "\n".join(
        f"  {prop}: {colours[token].lower()};"
        for token, properties in CUSTOM_PROPERTIES.items()
        for prop in properties
    )
    return (
        "/* Kleuren van de gemeente, gemaakt uit lokaal/gemeente.yml. */\n"
        # Material sets colours on :root and on <body>'s palette attributes; this
        # selector outranks both, and the accessibility section of handboek.css.
        ":root,\nhtml body[data-md-color-scheme][data-md-color-primary][data-md-color-accent] {\n"
        f"{declarations}\n}}\n"
    )
