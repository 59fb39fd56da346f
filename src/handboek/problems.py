"""Problems found in the content, and how they are shown to editors.

Every check in this package reports `Problem` objects; nothing raises on bad
content. A problem is either an error (the site must not be built) or a
notice (something an editor should look at, such as a page past its review
date, that never stops a build). A notice that a municipality's note must be
looked at again because upstream changed ("te herzien") is a notice of its own
kind, listed under its own heading.

On GitHub Actions (`GITHUB_ACTIONS=true`) the same problems are also printed as
workflow commands (`::error file=…,line=…::…`), so that GitHub shows each one
next to its line in the pull request, and the whole report is added to the
step's summary (`$GITHUB_STEP_SUMMARY`).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import NamedTuple


class Severity(Enum):
    """How much a problem weighs: only errors stop a build."""

    ERROR = "fout"
    NOTICE = "melding"
    REVISE = "te herzien"


class Finding(NamedTuple):
    """What a rule on one document found: the line, what is wrong, and how to fix it.

    The check adds the document's path to make it a `Problem`.
    """

    line: int
    message: str
    hint: str


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong at one place: `path:line: message`, with a hint."""

    path: str
    line: int
    message: str
    hint: str = ""
    severity: Severity = Severity.ERROR

    def format(self) -> str:
        prefix = "" if self.severity is Severity.ERROR else "let op: "
        text = f"{self.path}:{self.line}: {prefix}{self.message}"
        if self.hint:
            text += "\n    tip: " + self.hint.replace("\n", "\n    ")
        return text


def errors(problems: Iterable[Problem]) -> list[Problem]:
    return [problem for problem in problems if problem.severity is Severity.ERROR]


def notices(problems: Iterable[Problem]) -> list[Problem]:
    """Everything that is not an error: review dates and "te herzien" alike."""
    return [problem for problem in problems if problem.severity is not Severity.ERROR]


def of_severity(problems: Iterable[Problem], severity: Severity) -> list[Problem]:
    return [problem for problem in problems if problem.severity is severity]


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


# --- GitHub Actions ---------------------------------------------------------------------
# https://docs.github.com/actions/reference/workflows-and-actions/workflow-commands

GITHUB_COMMANDS = {Severity.ERROR: "error", Severity.REVISE: "warning", Severity.NOTICE: "notice"}
GITHUB_TITLES = {
    Severity.ERROR: "Fout in de inhoud",
    Severity.REVISE: "Te herzien",
    Severity.NOTICE: "Te beoordelen",
}
GITHUB_LIMIT = 10
"""GitHub shows at most 10 annotations of each kind per step (and 50 per job)."""


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _annotation(problem: Problem) -> str:
    message = problem.message + (f"\ntip: {problem.hint}" if problem.hint else "")
    properties = (
        f"file={_escape_property(problem.path)},line={problem.line},"
        f"title={_escape_property(GITHUB_TITLES[problem.severity])}"
    )
    return f"::{GITHUB_COMMANDS[problem.severity]} {properties}::{_escape_data(message)}"


def github_annotations(problems: Iterable[Problem]) -> list[str]:
    """Workflow commands for one step: at most 10 of each kind, then one notice saying so.

    The extra notice takes the place of the tenth notice, so that no kind ever
    has more than 10 (three kinds: at most 30 per step, within the 50 per job).
    """
    ordered = sorted(problems, key=lambda p: (p.path, p.line, p.message))
    groups = {severity: of_severity(ordered, severity) for severity in GITHUB_COMMANDS}
    left_out = sum(max(0, len(group) - GITHUB_LIMIT) for group in groups.values())
    if left_out and len(groups[Severity.NOTICE]) >= GITHUB_LIMIT:
        left_out += 1  # the tenth notice gives its place to the notice about the rest
        groups[Severity.NOTICE] = groups[Severity.NOTICE][: GITHUB_LIMIT - 1]
    lines = [_annotation(p) for group in groups.values() for p in group[:GITHUB_LIMIT]]
    if left_out:
        lines.append(
            "::notice title=Niet alles bij de regels::"
            + _escape_data(
                f"GitHub toont hier niet alles: {left_out} "
                f"{'melding staat' if left_out == 1 else 'meldingen staan'} niet bij hun regel. "
                "Alle meldingen staan in de samenvatting van deze controle en in het log."
            )
        )
    return lines


def summary_markdown(title: str, problems: Iterable[Problem]) -> str:
    """The whole Dutch report as Markdown, for `$GITHUB_STEP_SUMMARY`.

    The report is shown as it is in the log, in a code block: text from the
    content (a message may quote it) is never read as Markdown or HTML there.
    """
    problems = list(problems)
    text = report(problems) if problems else "Alles in orde: geen fouten, geen meldingen."
    fence = "`" * max(3, 1 + max((len(run) for run in _backtick_runs(text)), default=0))
    verdict = (
        "De inhoud bevat fouten: de site wordt niet gebouwd. Pas de genoemde regels aan; "
        "de controle draait daarna opnieuw."
        if errors(problems)
        else "Geen fouten: de site kan gebouwd worden."
    )
    return f"## {title}\n\n{verdict}\n\n{fence}text\n{text}\n{fence}\n"


def _backtick_runs(text: str) -> list[str]:
    return re.findall(r"`+", text)


def to_github(title: str, problems: Iterable[Problem], environ: Mapping[str, str]) -> list[str]:
    """On GitHub Actions: the annotations to print, after adding the summary to the step's.

    Outside GitHub Actions (`GITHUB_ACTIONS` not `true`): nothing, and no file is written.
    """
    if environ.get("GITHUB_ACTIONS") != "true":
        return []
    problems = list(problems)
    if summary := environ.get("GITHUB_STEP_SUMMARY"):
        with open(summary, "a", encoding="utf-8") as file:
            file.write(summary_markdown(title, problems))
    return github_annotations(problems)


def refuse(message: str, hint: str) -> int:
    """A command that refuses to run says why and what to do, on standard error; exit code 2."""
    print(message, file=sys.stderr)
    print(f"    tip: {hint}", file=sys.stderr)
    return 2
