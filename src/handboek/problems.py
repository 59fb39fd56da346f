"""Problems found in the content, and how they are shown to editors.

Every check in this package reports `Problem` objects; nothing raises on bad
content. A problem is either an error (the site must not be built) or a
notice (something an editor should look at, such as a page past its review
date, that never stops a build).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum


class Severity(Enum):
    ERROR = "fout"
    NOTICE = "melding"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong at one place: `path:line: message`, with a hint."""

    path: str
    line: int
    message: str
    hint: str = ""
    severity: Severity = Severity.ERROR

    def format(self) -> str:
        prefix = "let op: " if self.severity is Severity.NOTICE else ""
        text = f"{self.path}:{self.line}: {prefix}{self.message}"
        if self.hint:
            text += "\n    tip: " + self.hint.replace("\n", "\n    ")
        return text


def errors(problems: Iterable[Problem]) -> list[Problem]:
    return [problem for problem in problems if problem.severity is Severity.ERROR]


def notices(problems: Iterable[Problem]) -> list[Problem]:
    return [problem for problem in problems if problem.severity is Severity.NOTICE]


def report(problems: Iterable[Problem]) -> str:
    """All problems sorted by file and line, with a closing count in Dutch."""
    ordered = sorted(problems, key=lambda p: (p.path, p.line, p.message))
    found_errors = len(errors(ordered))
    found_notices = len(ordered) - found_errors
    lines = [problem.format() for problem in ordered]
    lines.append(
        f"{found_errors} {'fout' if found_errors == 1 else 'fouten'}, "
        f"{found_notices} {'melding' if found_notices == 1 else 'meldingen'}"
    )
    return "\n".join(lines)
