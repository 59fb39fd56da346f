"""The Dutch texts of the pull requests that a fork's workflows open.

A pull request opened with a workflow's own token starts no other workflow,
so GitHub shows no check under it. These texts therefore carry the check's
result themselves: the set-up pull request its whole report, the update pull
request what changed upstream, each note that is now "te herzien" with its
diff, what happened to renamed environments, workflow files it could not take
over, and every error. Everything from files is shown as code, in a fence
longer than any backtick run in it, so no file can change the text around it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from handboek.local.github import SCHEDULE_OFF
from handboek.local.renames import PR_TITLE
from handboek.problems import Problem, Severity, errors, report

UPDATE_TITLE = PR_TITLE
SETUP_BRANCH = "gemeente-opzetten"
UPDATE_BRANCH = "handreiking-update"
UPDATE_WORKFLOW = "gemeente-bijwerken.yml"
REVIEW_WORKFLOW_NAME = "Notitie herzien"
_DIFF_START = "wijziging in upstream (- oude tekst, + nieuwe tekst):\n"
_STATUS = {"A": "nieuw", "M": "veranderd", "D": "verwijderd"}


def fenced(text: str, info: str = "text") -> str:
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{info}\n{text}\n{fence}"


def code(text: str) -> str:
    """Inline code for a file name: a name with a backtick is shown in a fence-safe way."""
    return f"`` {text} ``" if "`" in text else f"`{text}`"


def _plain(text: str) -> str:
    """Text from an input (the municipality's name) without Markdown or HTML meaning."""
    return re.sub(r"([\\`*_{}\[\]()<>#+!|~&-])", r"\\\1", text)


def setup_text(
    name: str, created: Sequence[str], problems: Sequence[Problem], schedule: str
) -> str:
    found = errors(problems)
    result = (
        f"De controle vond **{_errors_count(found)}**: dat is wat u nog invult."
        if found
        else "De controle vond geen fouten."
    )
    return "\n".join(
        [
            f"Deze pull request maakt de lokale laag van {_plain(name)}: de map `lokaal/`. "
            "Daarin staat alles wat de site van uw gemeente eigen maakt. De landelijke "
            "handreiking schrijft nooit in die map.",
            "",
            "## Wat u nu doet",
            "",
            "1. Open het tabblad **Files changed**. Klik bij een bestand op **⋯** en dan op "
            "**Edit file**. Vul in wat tussen `[in te vullen: ...]` staat. Verzin geen namen "
            "of contactgegevens.",
            "2. Klik op **Commit changes** en kies *Commit directly to the "
            f"`{SETUP_BRANCH}` branch*. Na elke wijziging controleert GitHub de inhoud "
            "opnieuw; de uitkomst staat onderaan deze pagina.",
            "3. Staat er geen fout meer? Klik op **Merge pull request**. Daarna zet GitHub de "
            "site online.",
            "",
            "## Uitkomst van de controle",
            "",
            result,
            "",
            fenced(report(problems) if problems else "Alles in orde."),
            "",
            "## Nieuwe bestanden",
            "",
            *(f"- {code(path)}" for path in created),
            "",
            "## Wekelijkse update",
            "",
            schedule,
        ]
    )


def schedule_text(state: str) -> str:
    if state == "active":
        return (
            "De workflow *Update van de landelijke handreiking* kijkt elke week of er een nieuwe "
            "versie is en opent dan een pull request. Die staat aan."
        )
    why = SCHEDULE_OFF.get(state, f"GitHub meldt de toestand '{state or 'onbekend'}'")
    return (
        f"**Let op:** de wekelijkse update staat uit ({why}). Zet hem aan: tabblad **Actions** > "
        "*Update van de landelijke handreiking* > knop **Enable workflow**. GitHub zet hem na "
        "60 dagen zonder wijzigingen in de repository weer uit; dan staat dat bovenaan het "
        "tabblad Actions en zet u hem op dezelfde manier aan."
    )


def update_text(
    pages: Sequence[tuple[str, str, str | None]],
    problems: Sequence[Problem],
    renamed: Sequence[str],
    held_back: Sequence[str],
) -> str:
    """`pages`: (status letter, path, earlier path of a rename) of each changed upstream file."""
    review = [p for p in problems if p.severity is not Severity.ERROR and _is_review(p)]
    found = errors(problems)
    others = [p for p in problems if p.severity is not Severity.ERROR and p not in review]
    lines = [
        "Deze pull request neemt de nieuwste versie van de landelijke handreiking over. "
        + (
            "Voeg hem samen met **Merge pull request**; meer hoeft u niet te doen."
            if not found
            else "Er zijn eerst fouten op te lossen (zie **Fouten**)."
        ),
        *_section(
            "Pagina's die upstream veranderde",
            [_page_line(status, path, old) for status, path, old in pages]
            or ["Geen: alleen andere bestanden veranderden."],
        ),
        *_section("Notities om na te kijken (te herzien)", _review_lines(review)),
        *_section("Hernoemde omgevingen", [f"- {line}" for line in renamed] or ["Geen."]),
        *(_section("Workflowbestanden", _held_back_lines(held_back)) if held_back else []),
        *_section("Fouten", _error_lines(found)),
    ]
    if others:
        lines += [
            "",
            "<details><summary>Andere meldingen van de controle</summary>",
            "",
            _fenced_problems(others),
            "",
            "</details>",
        ]
    return "\n".join(lines)


def _section(title: str, lines: list[str]) -> list[str]:
    return ["", f"## {title}", "", *lines]


def _review_lines(review: Sequence[Problem]) -> list[str]:
    """Each note to review, with upstream's change and what to fill in to mark it reviewed."""
    if not review:
        return ["Geen: geen enkele notitie hoeft nagekeken te worden."]
    lines = [
        "Upstream veranderde de tekst waar deze notities bij horen. Lees wat er veranderde "
        "(regels met `-` zijn weg, met `+` nieuw). Past de notitie nog, of heeft u haar "
        f"aangepast in de branch `{UPDATE_BRANCH}`? Markeer haar dan als herzien: tabblad "
        f"**Actions** > *{REVIEW_WORKFLOW_NAME}* > **Run workflow**, kies bij *Use workflow "
        f"from* de branch `{UPDATE_BRANCH}` en vul de notitie in zoals hieronder. U kunt "
        "ook eerst samenvoegen: de site blijft werken en de controle blijft dit melden.",
    ]
    for problem in review:
        diff = problem.hint.partition(_DIFF_START)[2]
        lines += [
            "",
            f"### {code(f'{problem.path}:{problem.line}')}",
            "",
            problem.message[0].upper() + problem.message[1:] + ".",
            "",
            fenced(diff, "diff"),
            "",
            f"Notitie voor *{REVIEW_WORKFLOW_NAME}*: {code(_review_target(problem))}",
        ]
    return lines


def _held_back_lines(held_back: Sequence[str]) -> list[str]:
    """The workflow files upstream changed, and how to take them over."""
    return [
        "Upstream veranderde ook deze workflowbestanden. GitHub staat niet toe dat een "
        "workflow ze bijwerkt, dus in deze pull request staan ze nog zoals ze waren:",
        "",
        *(f"- {code(path)}" for path in held_back),
        "",
        "Neem ze zo over: voeg eerst deze pull request samen. Ga daarna naar de hoofdpagina "
        "van uw fork en klik op **Sync fork** > **Update branch**.",
    ]


def _error_lines(found: Sequence[Problem]) -> list[str]:
    if not found:
        return ["Geen: de controle vond geen fouten."]
    return [
        f"De controle vond {_errors_count(found)}. Zolang "
        "die er zijn, wordt de site niet bijgewerkt. Los ze op in de branch "
        f"`{UPDATE_BRANCH}` (open het bestand en klik op het potlood), of vraag de "
        "landelijke handreiking om hulp.",
        "",
        _fenced_problems(found),
    ]


def _errors_count(found: Sequence[Problem]) -> str:
    return f"{len(found)} {'fout' if len(found) == 1 else 'fouten'}"


def _fenced_problems(problems: Sequence[Problem]) -> str:
    return fenced("\n".join(p.format() for p in sorted(problems)))


def _is_review(problem: Problem) -> bool:
    return problem.message.startswith("te herzien") and _DIFF_START in problem.hint


def _review_target(problem: Problem) -> str:
    """The `bestand:regel` of the note, as the hint's command names it."""
    match = re.search(r"handboek gemeente herzien (\S+)", problem.hint)
    return match.group(1) if match else f"{problem.path}:{problem.line}"


def _page_line(status: str, path: str, old: str | None) -> str:
    if status == "R" and old:
        return f"- {code(path)}: hernoemd (was {code(old)})"
    parts = path.split("/")
    if status == "A" and len(parts) == 3 and parts[1] == "omgevingen" and path.endswith(".md"):
        local = f"lokaal/omgevingen/{parts[2].removesuffix('.md')}.yml"
        return f"- {code(path)}: nieuwe omgeving; uw eigen aanvulling kan in {code(local)}"
    return f"- {code(path)}: {_STATUS.get(status, 'veranderd')}"
