"""Reading YAML front matter (or a local layer's YAML file), with line numbers.

MkDocs silently drops front matter it cannot parse, so this module parses it
itself: the front matter block of `text.SourceText` -> YAML node tree (which
keeps line numbers and shows duplicate keys) -> values checked against the
`fields.Field` definitions (`FieldReader`). Every step reports `Problem`s
instead of raising.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from typing import Any

import yaml
import yaml.reader

from handboek import plaintext
from handboek.fields import Field, Kind
from handboek.problems import Problem
from handboek.read.text import SourceText

# What YAML makes of an unquoted value, in an editor's words.
_YAML_TAG_NAMES = {
    "tag:yaml.org,2002:bool": "een ja/nee-waarde",
    "tag:yaml.org,2002:int": "een getal",
    "tag:yaml.org,2002:float": "een kommagetal",
    "tag:yaml.org,2002:null": "een lege waarde",
    "tag:yaml.org,2002:timestamp": "een datum",
    "tag:yaml.org,2002:str": "tekst",
    "tag:yaml.org,2002:seq": "een lijst",
    "tag:yaml.org,2002:map": "een groep velden",
}
_STR = "tag:yaml.org,2002:str"
# YAML also ends a line at these; editors mostly do not show them.
_UNUSUAL_LINE_BREAKS = frozenset("\x85\u2028\u2029")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATE_WITH_TIME = re.compile(r"\d{4}-\d\d?-\d\d?([Tt]|[ \t]+)\d")
# PyYAML's contexts for a quote or bracket that is never closed.
_OPENED_CONTEXTS = ("while scanning a quoted scalar", "while parsing a flow")
# PyYAML's description of common mistakes, in an editor's words.
_YAML_PROBLEMS = (
    ("mapping values are not allowed", "een dubbele punt op een plek waar YAML die niet verwacht"),
    ("could not find expected ':'", "er ontbreekt een dubbele punt na een veldnaam"),
    ("found unexpected end of stream", "een aanhalingsteken wordt niet gesloten"),
    (
        "expected <block end>",
        "de inspringing klopt niet, of er staat tekst na een sluitend aanhalingsteken",
    ),
    ("found undefined alias", "een waarde begint met '*'"),
    ("that cannot start any token", "een waarde begint met een teken dat niet mag"),
    ("expected ',' or ']'", "een lijst tussen '[' en ']' wordt niet gesloten"),
    ("expected ',' or '}'", "een groep tussen '{' en '}' wordt niet gesloten"),
)


def _compose(text: str) -> yaml.Node | None:
    """YAML text to nodes: libyaml for speed, PyYAML's own parser to word an error.

    Both give the same nodes, tags and line marks for valid YAML; our messages
    (and their tests) follow the pure-Python parser's errors, so an error is
    parsed again by it. Without libyaml (a PyYAML built without it) the
    pure-Python parser does all the work: slower, same result.
    """
    try:
        return yaml.compose(text, Loader=_FAST_LOADER)
    except yaml.YAMLError:
        return yaml.compose(text, Loader=yaml.SafeLoader)


_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(
    source: SourceText, subject: str = "de front matter"
) -> tuple[yaml.MappingNode | None, list[Problem]]:
    """Parse front matter (or, with another `subject`, a whole YAML file) into a node tree.

    Tabs, odd line breaks, deep nesting and syntax errors are problems.
    """
    problems = _character_problems(source, subject)
    if problems:
        return None, problems
    too_deep = _too_deep(source.front_matter)
    if too_deep is not None:
        return None, [_deep_problem(source, subject, too_deep)]
    try:
        node = _compose(source.front_matter)
    except RecursionError:
        return None, [_deep_problem(source, subject, 0)]
    except yaml.MarkedYAMLError as error:
        return None, [_syntax_problem(source, subject, error)]
    except yaml.reader.ReaderError as error:
        line = source.front_matter_line + source.front_matter[: error.position].count("\n")
        return None, [
            Problem(
                source.path,
                line,
                f"{subject} bevat een onzichtbaar stuurteken (U+{error.character:04X})",
                "verwijder het teken; het komt vaak mee bij kopiëren en plakken uit een ander "
                "programma",
            )
        ]
    return _as_mapping(node, source, subject)


def _character_problems(source: SourceText, subject: str) -> list[Problem]:
    """Tabs and line breaks YAML reads but editors do not show, each at its line."""
    text = source.front_matter
    # Most front matter has neither: one look at the whole text spares the search line by line.
    if "\t" not in text and _UNUSUAL_LINE_BREAKS.isdisjoint(text):
        return []
    lines = list(enumerate(text.split("\n")))
    tab_problems = [
        Problem(
            source.path,
            source.front_matter_line + offset,
            f"{subject} bevat een tab-teken",
            "YAML staat geen tabs toe: gebruik spaties om in te springen",
        )
        for offset, line in lines
        if "\t" in line
    ]
    break_problems = [
        Problem(
            source.path,
            source.front_matter_line + offset,
            f"{subject} bevat een ongewoon regeleinde (U+{ord(character):04X})",
            "verwijder het onzichtbare teken (het komt vaak mee bij kopiëren en plakken) "
            "en begin zo nodig een nieuwe regel met Enter",
        )
        for offset, line in lines
        for character in sorted(_UNUSUAL_LINE_BREAKS.intersection(line))
    ]
    return tab_problems + break_problems


def _syntax_problem(source: SourceText, subject: str, error: yaml.MarkedYAMLError) -> Problem:
    """A YAML syntax error in an editor's words, at the line where it can be fixed."""
    mark = error.problem_mark or error.context_mark
    if error.context_mark and str(error.context).startswith(_OPENED_CONTEXTS):
        mark = error.context_mark  # a quote or bracket left open: point at its start
    return Problem(
        source.path,
        source.front_matter_line + (mark.line if mark else 0),
        f"{subject} is geen geldige YAML{_yaml_problem(error)}",
        "controleer dubbele punten, inspringing en aanhalingstekens op deze regel "
        "of de regel erboven; zet tekst met ':' of '#' tussen aanhalingstekens",
    )


def _as_mapping(
    node: yaml.Node | None, source: SourceText, subject: str
) -> tuple[yaml.MappingNode | None, list[Problem]]:
    """The fields as a mapping node: empty front matter has none; a list or text is wrong."""
    if node is None:  # empty front matter: no fields at all
        empty = yaml.MappingNode("tag:yaml.org,2002:map", [])
        empty.start_mark = yaml.Mark("", 0, 0, 0, None, None)
        return empty, []
    if not isinstance(node, yaml.MappingNode):
        return None, [
            Problem(
                source.path,
                source.front_matter_line,
                f"{subject} moet bestaan uit velden als 'naam: waarde'",
                "begin elke regel met een veldnaam, een dubbele punt en een spatie",
            )
        ]
    return node, []


# Deeper than this, YAML is not parsed (PyYAML's parser recurses per level: thousands of
# levels take seconds and then end in a RecursionError). The fields need depth 4.
MAX_DEPTH = 50


def _deep_problem(source: SourceText, subject: str, offset: int) -> Problem:
    return Problem(
        source.path,
        source.front_matter_line + offset,
        f"{subject} is te diep genest (lijsten of groepen in elkaar)",
        "een veld heeft hoogstens een groep of lijst eronder; haal de extra '[', '{' of "
        "inspringing weg",
    )


def _too_deep(text: str) -> int | None:
    """The 0-based line where brackets or indentation nest deeper than MAX_DEPTH, if any."""
    if text.count("[") + text.count("{") <= MAX_DEPTH and len(text) < MAX_DEPTH * 40:
        return None
    depth = 0
    for number, line in enumerate(text.split("\n")):
        if len(line) - len(line.lstrip(" ")) > MAX_DEPTH * 2:
            return number
        for character in line:
            if character in "[{":
                depth += 1
                if depth > MAX_DEPTH:
                    return number
            elif character in "]}":
                depth = max(depth - 1, 0)
    return None


class FieldReader:
    """Checks a YAML mapping node against field definitions and builds values."""

    def __init__(self, path: str, first_line: int) -> None:
        self.path = path
        self.first_line = first_line
        self.problems: list[Problem] = []

    def line_of(self, node: yaml.Node) -> int:
        return self.first_line + node.start_mark.line

    def problem(self, node: yaml.Node, message: str, hint: str = "") -> None:
        self.problems.append(Problem(self.path, self.line_of(node), message, hint))

    def read_group(
        self, node: yaml.MappingNode, fields: tuple[Field, ...], prefix: str = ""
    ) -> dict[str, Any]:
        """Values of the known fields that are valid; problems for all others."""
        by_name = {field.name: field for field in fields}
        values: dict[str, Any] = {}
        seen: dict[str, yaml.Node] = {}
        suggested: set[str] = set()  # misspelt names already reported with "bedoelde je"
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                found = _YAML_TAG_NAMES.get(key_node.tag, "iets anders")
                self.problem(
                    key_node,
                    f"een veldnaam moet een woord zijn, maar dit is {found}",
                    "begin de regel met de naam van het veld, bijvoorbeeld: titel: ...",
                )
                continue
            key = str(key_node.value)
            label = prefix + key
            if key in seen:
                self.problem(
                    key_node,
                    f"het veld '{label}' staat er twee keer in "
                    f"(eerder op regel {self.line_of(seen[key])})",
                    "houd één van de twee over",
                )
                continue
            seen[key] = key_node
            field = by_name.get(key)
            if field is None:
                close = difflib.get_close_matches(key, by_name, n=1, cutoff=0.6)
                suggested.update(close)
                hint = (
                    f"bedoelde je '{prefix}{close[0]}'?"
                    if close
                    else "toegestane velden: " + ", ".join(prefix + name for name in by_name)
                )
                self.problem(key_node, f"onbekend veld '{label}'", hint)
                continue
            value = self.read_value(value_node, field, label)
            if value is not None:
                values[key] = value
        for field in fields:
            if field.required and field.name not in seen and field.name not in suggested:
                self.problem(
                    node,
                    f"het verplichte veld '{prefix}{field.name}' ontbreekt",
                    f"voeg toe: {prefix}{field.name}: <{field.kind.value}>. {field.description}",
                )
        return values

    def read_value(self, node: yaml.Node, field: Field, label: str) -> Any:
        if field.kind is Kind.GROUP:
            if not isinstance(node, yaml.MappingNode):
                self.wrong_kind(node, field, label)
                return None
            return self.read_group(node, field.children, prefix=label + ".")
        if field.kind is Kind.GROUP_LIST:
            return self.read_group_list(node, field, label)
        if field.kind is Kind.TEXT_LIST:
            return self.read_text_list(node, field, label)
        if not isinstance(node, yaml.ScalarNode):
            self.wrong_kind(node, field, label)
            return None
        if field.kind is Kind.TEXT:
            return self.read_text(node, label)
        if field.kind is Kind.MARKDOWN:
            text = self.read_text(node, label, plain=False)
            return None if text is None else _markdown(node.value)
        if field.kind is Kind.DATE:
            return self.read_date(node, label)
        return self.read_number(node, field, label)

    def read_text_list(self, node: yaml.Node, field: Field, label: str) -> tuple[str, ...] | None:
        """A list of texts, not empty; None when it or any item has a problem."""
        if not isinstance(node, yaml.SequenceNode):
            self.wrong_kind(node, field, label)
            return None
        if not node.value:
            self.problem(node, f"de lijst '{label}' is leeg", "zet er minstens één punt in")
            return None
        # The overview's points are only ever written out escaped, in the matrix
        # (templates with autoescape): markup in them shows as the characters typed.
        items = [
            self.read_text(item, f"{label} (punt {i})", plain=False)
            for i, item in enumerate(node.value, 1)
        ]
        texts = [item for item in items if item is not None]
        return tuple(texts) if len(texts) == len(items) else None

    def read_group_list(
        self, node: yaml.Node, field: Field, label: str
    ) -> tuple[dict[str, Any], ...] | None:
        """Each item a group of `field.children`; None when any item has a problem."""
        if not isinstance(node, yaml.SequenceNode):
            self.wrong_kind(node, field, label)
            return None
        if not node.value:
            self.problem(node, f"de lijst '{label}' is leeg", "zet er minstens één groep in")
            return None
        before = len(self.problems)
        items = []
        for number, item in enumerate(node.value, 1):
            if isinstance(item, yaml.MappingNode):
                items.append(self.read_group(item, field.children, f"{label} (punt {number})."))
            else:
                found = _YAML_TAG_NAMES.get(item.tag, "iets anders")
                self.problem(
                    item,
                    f"punt {number} van '{label}' moet een groep velden zijn, maar is {found}",
                    _kind_hint(Kind.GROUP_LIST),
                )
        return tuple(items) if len(self.problems) == before else None

    def wrong_kind(self, node: yaml.Node, field: Field, label: str) -> None:
        found = _YAML_TAG_NAMES.get(node.tag, "iets anders")
        self.problem(
            node,
            f"het veld '{label}' moet {field.kind.value} zijn, maar is {found}",
            _text_hint(node) if field.kind is Kind.TEXT else _kind_hint(field.kind),
        )

    def read_text(self, node: yaml.Node, label: str, plain: bool = True) -> str | None:
        """The text of a scalar, spaces made single; `plain`: markup is a problem
        (see `plaintext`), for every field that is not Markdown."""
        if not isinstance(node, yaml.ScalarNode):
            found = _YAML_TAG_NAMES.get(node.tag, "iets anders")
            self.problem(node, f"'{label}' moet tekst zijn, maar is {found}", _text_hint(node))
            return None
        if node.tag != _STR:
            if node.tag == "tag:yaml.org,2002:null":
                self.problem(node, f"'{label}' is leeg", "vul een tekst in")
                return None
            found = _YAML_TAG_NAMES.get(node.tag, "iets anders")
            self.problem(
                node,
                f"YAML leest '{node.value}' in '{label}' als {found}, niet als tekst",
                f'zet de waarde tussen aanhalingstekens: "{node.value}"',
            )
            return None
        if not node.value.strip():
            self.problem(node, f"'{label}' is leeg", "vul een tekst in")
            return None
        if plain and (markup := plaintext.markup_in(node.value)):
            self.problem(
                node, f"'{label}' is gewone tekst, maar bevat {markup}", plaintext.PLAIN_TEXT_HINT
            )
            return None
        return " ".join(node.value.split())

    def read_date(self, node: yaml.ScalarNode, label: str) -> dt.date | None:
        hint = "schrijf de datum als JJJJ-MM-DD zonder aanhalingstekens, bijvoorbeeld 2026-11-28"
        if node.tag == _STR and _DATE.fullmatch(node.value):
            self.problem(node, f"de datum in '{label}' staat tussen aanhalingstekens", hint)
            return None
        if _DATE_WITH_TIME.match(node.value):
            self.problem(node, f"'{label}' moet een datum zonder tijd zijn", hint)
            return None
        if node.tag != "tag:yaml.org,2002:timestamp" or not _DATE.fullmatch(node.value):
            self.problem(node, f"'{label}' moet een datum zijn, maar is '{node.value}'", hint)
            return None
        try:
            return dt.date.fromisoformat(node.value)
        except ValueError:
            self.problem(node, f"'{node.value}' in '{label}' is geen bestaande datum", hint)
            return None

    def read_number(self, node: yaml.ScalarNode, field: Field, label: str) -> int | None:
        if node.tag != "tag:yaml.org,2002:int":
            self.wrong_kind(node, field, label)
            return None
        # Only plain digits: YAML would also read 0x10, 1_000, 010 (octal) and 1:30.
        if not (node.value.isascii() and node.value.isdigit()) or int(node.value) < 1:
            self.problem(
                node, f"'{label}' moet een heel getal vanaf 1 zijn", _kind_hint(field.kind)
            )
            return None
        return int(node.value)


def _yaml_problem(error: yaml.MarkedYAMLError) -> str:
    """What PyYAML found, in Dutch for common mistakes; otherwise PyYAML's own words."""
    problem = str(error.problem or error.context)
    for english, dutch in _YAML_PROBLEMS:
        if english in problem:
            return f": {dutch}"
    return f" ({problem})"


def _markdown(value: str) -> str:
    """Markdown as written, without trailing spaces and surrounding blank lines."""
    return "\n".join(line.rstrip() for line in value.split("\n")).strip("\n")


def _text_hint(node: yaml.Node) -> str:
    """How to write text where YAML found something else (a colon makes a group)."""
    if isinstance(node, yaml.MappingNode):
        return (
            "staat er een dubbele punt in de tekst? Zet de tekst dan tussen aanhalingstekens, "
            'bijvoorbeeld: "Let op: dit"'
        )
    return _kind_hint(Kind.TEXT)


def _kind_hint(kind: Kind) -> str:
    return {
        Kind.TEXT: 'schrijf tekst achter de dubbele punt, bijvoorbeeld: titel: "Verenigingen"',
        Kind.MARKDOWN: "schrijf de tekst onder het veld, na 'veld: |', elke regel twee spaties "
        "verder ingesprongen",
        Kind.DATE: "schrijf de datum als JJJJ-MM-DD, bijvoorbeeld 2026-11-28",
        Kind.NUMBER: "schrijf een heel getal, bijvoorbeeld: volgorde: 2",
        Kind.TEXT_LIST: "zet elk punt op een eigen regel die begint met '  - '",
        Kind.GROUP: "zet de onderliggende velden ingesprongen (twee spaties) onder dit veld",
        Kind.GROUP_LIST: "begin elke groep met '  - ' en zet de velden van de groep eronder, "
        "even ver ingesprongen als het eerste veld",
    }[kind]
