"""The fields of the local layer's YAML files, as `schema.Field` definitions.

The same `frontmatter.FieldReader` that checks page front matter checks these
files, so unknown keys ("bedoelde je ...?"), missing fields, wrong kinds and
duplicates are reported exactly as for content pages, with line numbers.
The same definitions become the JSON Schemas of these files (`SCHEMA_FILES`,
written to schemas/ by `handboek schema`), which the scaffold names in a
`# yaml-language-server: $schema=...` line for editors such as VS Code.
"""

from __future__ import annotations

from handboek.fields import Field, Kind

COLOUR_FIELDS: tuple[Field, ...] = (
    Field("kop", Kind.TEXT, "Achtergrond van de kopbalk, als #rrggbb."),
    Field("kop_tekst", Kind.TEXT, "Tekst en pictogrammen in de kopbalk, als #rrggbb."),
    Field("link", Kind.TEXT, "Links in de tekst, op wit en in de lokale blokken, als #rrggbb."),
    Field("accent", Kind.TEXT, "Links waar de muis boven staat, als #rrggbb."),
    Field("lokaal_achtergrond", Kind.TEXT, "Achtergrond van de lokale blokken, als #rrggbb."),
    Field("lokaal_tekst", Kind.TEXT, "Tekst in de lokale blokken, als #rrggbb."),
)

MUNICIPALITY_FIELDS: tuple[Field, ...] = (
    Field("naam", Kind.TEXT, "Naam van de gemeente zoals lezers die zien: 'Gemeente ...'."),
    Field(
        "sitenaam",
        Kind.TEXT,
        "Naam van de site in de kopbalk en in tabbladen (standaard: de naam van de "
        "handreiking, een streepje en de naam van de gemeente).",
        required=False,
    ),
    Field(
        "webadres",
        Kind.TEXT,
        "Adres waarop de site gepubliceerd wordt, beginnend met https:// (voor de sitemap).",
        required=False,
    ),
    Field(
        "logo",
        Kind.TEXT,
        "Bestandsnaam van het logo in de map lokaal/, een .svg of .png.",
        required=False,
    ),
    Field(
        "kleuren",
        Kind.GROUP,
        "Eigen kleuren; alle zes samen, elk met genoeg contrast (WCAG AA, 4,5:1).",
        required=False,
        children=COLOUR_FIELDS,
    ),
)

BRIDGE_BUILDER_FIELDS: tuple[Field, ...] = (
    Field("organisatie", Kind.TEXT, "De organisatie of het team."),
    Field("rol", Kind.TEXT, "Wat deze bruggenbouwer doet, bijvoorbeeld 'opbouwwerker'."),
    Field("contact", Kind.TEXT, "Hoe lezers contact opnemen: e-mailadres, telefoon of webadres."),
)

INITIATIVE_FIELDS: tuple[Field, ...] = (
    Field("naam", Kind.TEXT, "Naam van het initiatief of voorbeeld."),
    Field("beschrijving", Kind.MARKDOWN, "Wat het initiatief doet, in een paar zinnen."),
    Field("webadres", Kind.TEXT, "Website van het initiatief (https://...).", required=False),
)

UPSTREAM_FIELDS: tuple[Field, ...] = (
    Field(
        "vingerafdruk",
        Kind.TEXT,
        "Vingerafdruk van de tekst van upstream; zet 'handboek gemeente herzien' neer.",
    ),
    Field(
        "tekst",
        Kind.MARKDOWN,
        "De tekst van upstream waarbij de notitie is geschreven; zet "
        "'handboek gemeente herzien' neer.",
    ),
)

NOTE_FIELDS: tuple[Field, ...] = (
    Field(
        "onderdeel",
        Kind.TEXT,
        "Anker van het onderdeel, bijvoorbeeld 'wat-kan-de-gemeente-doen'.",
    ),
    Field(
        "punt",
        Kind.TEXT,
        "De vetgedrukte woorden waarmee het punt in dat onderdeel begint (zonder punt aan het "
        "eind); laat weg voor een notitie bij het hele onderdeel.",
        required=False,
    ),
    Field("tekst", Kind.MARKDOWN, "Zo doen wij dit in onze gemeente (Markdown)."),
    Field(
        "upstream",
        Kind.GROUP,
        "Bij welke tekst van upstream de notitie hoort; schrijf dit niet zelf, maar laat "
        "'handboek gemeente herzien' het invullen.",
        required=False,
        children=UPSTREAM_FIELDS,
    ),
)

LOCAL_ENVIRONMENT_FIELDS: tuple[Field, ...] = (
    Field(
        "bruggenbouwers",
        Kind.GROUP_LIST,
        "Bruggenbouwers in de gemeente, elk met organisatie, rol en contact.",
        required=False,
        children=BRIDGE_BUILDER_FIELDS,
    ),
    Field(
        "initiatieven",
        Kind.GROUP_LIST,
        "Lokale initiatieven en voorbeelden, elk met naam en beschrijving.",
        required=False,
        children=INITIATIVE_FIELDS,
    ),
    Field(
        "notities",
        Kind.GROUP_LIST,
        "'Zo doen wij dit': notities bij een onderdeel of een punt van deze omgeving.",
        required=False,
        children=NOTE_FIELDS,
    ),
)

# The JSON Schemas of the local layer's files that `handboek schema` writes next to
# `schema.SCHEMA_FILES`: file name -> (fields, title).
MUNICIPALITY_SCHEMA = "lokaal-gemeente.schema.json"
ENVIRONMENT_SCHEMA = "lokaal-omgeving.schema.json"
SCHEMA_FILES: dict[str, tuple[tuple[Field, ...], str]] = {
    MUNICIPALITY_SCHEMA: (MUNICIPALITY_FIELDS, "Gegevens van de gemeente (lokaal/gemeente.yml)"),
    ENVIRONMENT_SCHEMA: (
        LOCAL_ENVIRONMENT_FIELDS,
        "Lokale aanvulling op een omgeving (lokaal/omgevingen/*.yml)",
    ),
}
