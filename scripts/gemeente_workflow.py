"""What the fork's workflows run: set up, update from upstream, mark a note as reviewed.

    python scripts/gemeente_workflow.py opzetten "Gemeente <naam>"
    python scripts/gemeente_workflow.py samenvoegen
    python scripts/gemeente_workflow.py afronden
    python scripts/gemeente_workflow.py herzien lokaal/omgevingen/<omgeving>.yml:<regel>

The reusable workflows in .github/workflows/ (handreiking-*.yml) call this
from the fork's checkout; the logic is `handboek.local.workflows`. GitHub's
API is read from GITHUB_API_URL, GITHUB_REPOSITORY and GH_TOKEN (GitHub
Actions sets the first two; the workflow passes the token). Upstream's git
address is HANDREIKING_UPSTREAM when set (a repository variable), else the
repository the fork was made from. The branch of `herzien` is GITHUB_REF_NAME.

Everything is reported in Dutch on stdout and, in GitHub Actions, in the run's
summary (GITHUB_STEP_SUMMARY); exit 1 when something must be done first.
`samenvoegen` and `afronden` are two runs, so that `afronden` runs with the
code that the merge brought in.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from handboek.local import github, workflows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="gemeente_workflow")
    steps = parser.add_subparsers(dest="stap", required=True)
    steps.add_parser("opzetten").add_argument("naam")
    steps.add_parser("samenvoegen")
    steps.add_parser("afronden")
    steps.add_parser("herzien").add_argument("notities", nargs="+")
    arguments = parser.parse_args(argv)
    root = Path.cwd()
    try:
        hub = github.GitHub.from_environment()
        outcome = _run(arguments, root, hub)
    except github.MissingSetting as missing:
        outcome = workflows.Outcome(
            (
                f"{missing} ontbreekt",
                "    tip: dit script draait in een workflow; geef GH_TOKEN mee als "
                "${{ github.token }}",
            ),
            1,
        )
    except github.GitHubError as error:
        message, hint = github.explain(error, os.environ.get("GITHUB_REPOSITORY", ""))
        outcome = workflows.Outcome((message, f"    tip: {hint}"), 1)
    except workflows.GitFailed as error:
        outcome = workflows.Outcome(
            (
                f"git gaf een fout: {error}",
                "    tip: start de workflow opnieuw; blijft het misgaan, meld het dan bij de "
                "landelijke handreiking",
            ),
            1,
        )
    text = "\n".join(outcome.lines)
    print(text)
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        with open(summary, "a", encoding="utf-8") as file:
            file.write(f"```text\n{text}\n```\n")
    return outcome.code


def _run(arguments: argparse.Namespace, root: Path, hub: github.GitHub) -> workflows.Outcome:
    if arguments.stap == "opzetten":
        return workflows.set_up(root, arguments.naam, hub)
    configured = os.environ.get("HANDREIKING_UPSTREAM") or None
    upstream = workflows.upstream_address(hub, configured)
    if arguments.stap == "herzien":
        branch = os.environ.get("GITHUB_REF_NAME", workflows.MAIN)
        return workflows.mark_reviewed(root, arguments.notities, branch, hub, upstream)
    if upstream is None:
        return workflows.Outcome(
            (
                f"{hub.repository} is geen fork: de workflow weet niet waar de landelijke "
                "handreiking staat",
                "    tip: zet in Settings > Secrets and variables > Actions > Variables een "
                "variabele HANDREIKING_UPSTREAM met het git-adres van de landelijke handreiking",
            ),
            1,
        )
    if arguments.stap == "samenvoegen":
        return workflows.merge_upstream(root, upstream)
    return workflows.finish_update(root, hub, upstream)


if __name__ == "__main__":
    sys.exit(main())
