"""Where the local layer's files live, and the reading they all share.

The names of the layout (lokaal/gemeente.yml, omgevingen/, paginas/, the
logo's extensions) are defined once here for the check, `scaffold` and
`review`. A YAML file is read as a node tree with line numbers (`read_yaml`),
so `municipality` and `environments` can point each problem at its line
(`child`, `value_line`, `last_content_line`). Two checks apply to every file:
an `[in te vullen: ...]` left in it, and a web address that is not plain https.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import yaml

from handboek import plaintext
from handboek.model import LOCAL_FOLDER
from handboek.problems import Finding, Problem
from handboek.read import frontmatter, text

MUNICIPALITY_FILE = "gemeente.yml"
ENVIRONMENTS_DIR = "omgevingen"
PAGES_DIR = "paginas"
CONTACT_PAGE = "contact.md"
LOGO_SUFFIXES = (".svg", ".png")

# What a municipality still has to fill in, as upstream's statements mark it too.
PLACEHOLDER = re.compile(r"\[in te vullen:[^\]]*\]", re.IGNORECASE)


def layer_folder(root: Path) -> Path:
    return root / LOCAL_FOLDER


def read_yaml(file: Path, path: str) -> tuple[yaml.MappingNode | None, str, list[Problem]]:
    """A whole YAML file as a node tree with line numbers, and its text."""
    content, problems = text.read_text(file, path)
    if content is None:
        return None, "", problems
    source = text.SourceText(path, content, 1, "", content.count("\n") + 2)
    node, problems = frontmatter.parse_yaml(source, subject="het bestand")
    return node, content, problems


def child(node: yaml.MappingNode, key: str) -> tuple[yaml.Node, yaml.Node] | None:
    return next(((k, v) for k, v in node.value if k.value == key), None)


def value_line(reader: frontmatter.FieldReader, node: yaml.MappingNode, key: str) -> int:
    found = child(node, key)
    return reader.line_of(found[1]) if found else reader.line_of(node)


def last_content_line(node: yaml.Node, lines: list[str]) -> int:
    """The 0-based last line of a node, without trailing blank or comment lines.

    PyYAML ends a block collection where the next token starts, which can be after
    blank lines and comments that belong to what follows.
    """
    mark = node.end_mark
    before_end = lines[mark.line][: mark.column] if mark.line < len(lines) else ""
    end = mark.line if before_end.strip() else mark.line - 1
    column = node.start_mark.column
    while end > node.start_mark.line:
        text = lines[end] if end < len(lines) else ""
        stripped = text.lstrip()
        if stripped and not (stripped.startswith("#") and len(text) - len(stripped) <= column):
            break
        end -= 1
    return end


def placeholder_findings(text: str, yaml_file: bool) -> Iterator[Finding]:
    """Every '[in te vullen: ...]' left to fill in; comments in YAML files do not count."""
    for number, line in enumerate(text.split("\n"), 1):
        if yaml_file and line.lstrip().startswith("#"):
            continue
        for match in PLACEHOLDER.finditer(line):
            yield Finding(
                number,
                f"hier staat nog een invulplek: {match.group(0)}",
                "vervang de invulplek door de echte gegevens van de gemeente, of haal de regel "
                "weg; verzin geen namen of contactgegevens",
            )


def url_problems(path: str, line: int, where: str, url: str) -> list[Problem]:
    """An absolute https address with a host, nothing in it that needs escaping
    (`plaintext.url_problem`); `where` names whose address it is."""
    problem = plaintext.url_problem(url)
    if problem is None:
        return []
    return [
        Problem(
            path,
            line,
            f"'webadres'{where} {problem}",
            'schrijf het volledige adres, bijvoorbeeld: webadres: "https://www.example.nl/"',
        )
    ]
