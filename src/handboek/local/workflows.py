"""What a fork's workflows do, step by step: git, the check, and one pull request each.

scripts/gemeente_workflow.py calls these from the workflows in .github/workflows/;
they run in the fork's checkout (origin is the fork) and use the same code as
the commands: `scaffold` (`handboek gemeente nieuw`), `review` (`handboek
gemeente herzien`) and `check_content` (`handboek check`).

- `set_up`: the local layer on branch `gemeente-opzetten`, and a pull request
  whose text holds the check's result and whether the weekly update is on.
- `merge_upstream`: upstream's main merged into branch `handreiking-update`
  (without an editor, messages in Dutch). It runs before the new code is
  installed; `finish_update` runs after, in a new process, so the check is
  upstream's newest. When upstream changed files under .github/workflows/,
  which the workflow's token may not push, the changes are taken over as one
  commit without those files, and the pull request says how to take them over.
  A conflict (the fork changed a file of upstream) stops with the files named.
- `finish_update`: renamed environments renamed in lokaal/ (`renames.apply`),
  the check, and the one pull request "Update van de landelijke handreiking",
  opened or its text updated.
- `mark_reviewed`: `herzien` on the branch the workflow runs on, committed and
  pushed; on the update branch the pull request's text is refreshed.

Every step reports in Dutch what happened; `Outcome.code` is the exit code.
"""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from handboek.check import check_content
from handboek.local import github, pullrequests, renames, review, scaffold
from handboek.local.environments import renamed_environments, upstream_from_content
from handboek.model import CONTENT_FOLDER, LOCAL_FOLDER
from handboek.problems import errors

MAIN = "main"
UPSTREAM_REF = "refs/remotes/upstream/main"
WORKFLOWS = ".github/workflows"
RENAME_COMMIT = "Omgevingen hernoemd zoals upstream"
_BOT = ("github-actions[bot]", "41898282+github-actions[bot]@users.noreply.github.com")


@dataclass(frozen=True)
class Outcome:
    lines: tuple[str, ...]
    code: int


class GitFailed(Exception):
    pass


def git(root: Path, *arguments: str, check: bool = True) -> str:
    completed = subprocess.run(
        [
            "git",
            # A checkout in a container belongs to another user; git asks to trust it.
            "-c",
            f"safe.directory={root}",
            "-c",
            f"user.name={_BOT[0]}",
            "-c",
            f"user.email={_BOT[1]}",
            "-c",
            "commit.gpgsign=false",
            *arguments,
        ],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    if check and completed.returncode != 0:
        raise GitFailed(f"git {' '.join(arguments)}: {completed.stderr.strip()}")
    return completed.stdout


def _is_merged(root: Path, ref: str) -> bool:
    """True when main has every commit of `ref`."""
    try:
        git(root, "merge-base", "--is-ancestor", ref, f"refs/remotes/origin/{MAIN}")
    except GitFailed:
        return False
    return True


def _has(root: Path, ref: str) -> bool:
    return bool(git(root, "rev-parse", "--verify", "--quiet", ref, check=False).strip())


def _push(root: Path, branch: str) -> None:
    git(root, "push", "--quiet", "--force", "origin", f"HEAD:refs/heads/{branch}")


def _fetch(root: Path, upstream_url: str) -> None:
    git(root, "fetch", "--quiet", "--no-tags", "origin")
    git(root, "fetch", "--quiet", "--no-tags", upstream_url, f"+{MAIN}:{UPSTREAM_REF}")


def _github_failed(error: github.GitHubError, hub: github.GitHub) -> Outcome:
    message, hint = github.explain(error, hub.repository)
    return Outcome((message, f"    tip: {hint}"), 1)


# --- set-up --------------------------------------------------------------------------------


def set_up(root: Path, name: str, hub: github.GitHub) -> Outcome:
    """The layer on its branch and the pull request; a branch with work on it is kept.

    Run again while the set-up branch has commits that main has not (the pull
    request is open, or opening it failed), the branch is left as it is and
    only the pull request is opened or its text renewed: nothing typed in
    GitHub's editor is lost.
    """
    branch = pullrequests.SETUP_BRANCH
    shown = " ".join(name.split())
    git(root, "fetch", "--quiet", "--no-tags", "origin")
    remote = f"refs/remotes/origin/{branch}"
    started = _has(root, remote) and not _is_merged(root, remote)
    git(root, "checkout", "--quiet", "-B", branch, *([remote] if started else []))
    if started and (root / LOCAL_FOLDER).is_dir():
        created = tuple(
            path.relative_to(root).as_posix()
            for path in sorted((root / LOCAL_FOLDER).rglob("*"))
            if path.is_file()
        )
    else:
        made = scaffold.create(root, name)
        if made.refused:
            return Outcome((made.refused, f"    tip: {made.hint}"), 1)
        created = made.created
        git(root, "add", "--all", LOCAL_FOLDER)
        git(root, "commit", "--quiet", "-m", f"Lokale laag van {shown}")
        _push(root, branch)
    result = check_content(root / CONTENT_FOLDER, root)
    try:
        try:
            state = hub.workflow_state(pullrequests.UPDATE_WORKFLOW)
        except github.GitHubError:
            state = ""
        body = pullrequests.setup_text(
            shown, created, result.problems, pullrequests.schedule_text(state)
        )
        url = hub.create_or_update_pull(branch, MAIN, f"Lokale laag van {shown}", body)
    except github.GitHubError as error:
        return _github_failed(error, hub)
    return Outcome((f"De lokale laag staat klaar in de pull request: {url}",), 0)


# --- updates from upstream -----------------------------------------------------------------


def merge_upstream(root: Path, upstream_url: str) -> Outcome:
    """Upstream's main into the update branch, as a commit; the new code comes after this."""
    branch = pullrequests.UPDATE_BRANCH
    _fetch(root, upstream_url)
    _check_out_update_branch(root, branch)
    try:
        git(root, "merge-base", "HEAD", UPSTREAM_REF)
    except GitFailed:
        return _not_merged("uw repository en upstream hebben geen gemeenschappelijke geschiedenis")
    held = _held_back(root)
    refused = _merge(root, held)
    if refused is not None:
        return refused
    if held:
        _commit_without(root, held)
    return Outcome(("Upstream samengevoegd in de branch " + branch,), 0)


def _check_out_update_branch(root: Path, branch: str) -> None:
    """The update branch as the fork has it, with the fork's newest main merged in; when
    that conflicts, or there is no such branch yet, a new one from main."""
    origin_branch = f"refs/remotes/origin/{branch}"
    if _has(root, origin_branch):
        git(root, "checkout", "--quiet", "-B", branch, origin_branch)
        git(root, "merge", "--quiet", "--no-edit", f"origin/{MAIN}", check=False)
        if not _conflicts(root):
            return
        git(root, "merge", "--abort", check=False)
    git(root, "checkout", "--quiet", "-B", branch, f"origin/{MAIN}")


def _merge(root: Path, held: list[str]) -> Outcome | None:
    """Merge upstream (squashed when workflow files are held back); why not, when it fails."""
    try:
        if held:
            git(root, "merge", "--quiet", "--squash", UPSTREAM_REF)
        else:
            git(root, "merge", "--quiet", "--no-ff", "-m", pullrequests.UPDATE_TITLE, UPSTREAM_REF)
    except GitFailed as failed:
        conflicts = _conflicts(root)
        if not conflicts:
            return _not_merged(str(failed))
        git(root, "reset", "--quiet", "--hard", "HEAD")
        return Outcome(
            (
                "De nieuwe versie van upstream kon niet worden overgenomen: deze bestanden "
                "heeft uw fork veranderd en upstream ook:",
                *(f"  {path}" for path in conflicts),
                "    tip: maak deze bestanden weer gelijk aan die van upstream en zet uw "
                "wijziging in lokaal/ ('handboek check' zegt per bestand hoe; zie FORKING.md); "
                "start deze workflow daarna opnieuw",
            ),
            1,
        )
    return None


def _commit_without(root: Path, held: list[str]) -> None:
    """The squashed merge as one commit, with the held-back workflow files as they were."""
    for path in held:
        if _has(root, f"HEAD:{path}"):
            git(root, "checkout", "HEAD", "--", path)
        else:
            git(root, "rm", "--quiet", "--cached", "--force", "--", path)
            (root / path).unlink(missing_ok=True)
    if git(root, "diff", "--cached", "--name-only").strip():
        git(root, "commit", "--quiet", "-m", pullrequests.UPDATE_TITLE)


def _not_merged(reason: str) -> Outcome:
    """A merge git refuses, for example in a copy of the repository with its own history."""
    return Outcome(
        (
            f"De nieuwe versie van upstream kon niet worden overgenomen: {reason}",
            "    tip: is deze repository een fork van de landelijke handreiking? Zo niet, neem "
            "upstream dan één keer over met een terminal (zie FORKING.md)",
        ),
        1,
    )


def _conflicts(root: Path) -> list[str]:
    return git(root, "diff", "--name-only", "--diff-filter=U").split()


def _held_back(root: Path) -> list[str]:
    """Workflow files upstream changed since the fork last took its changes over."""
    return git(root, "diff", "--name-only", f"HEAD...{UPSTREAM_REF}", "--", WORKFLOWS).split()


def finish_update(root: Path, hub: github.GitHub, upstream_url: str) -> Outcome:
    branch = pullrequests.UPDATE_BRANCH
    kept = _keep_schedule_on(hub)
    _fetch(root, upstream_url)
    base = f"refs/remotes/origin/{MAIN}"
    upstream = upstream_from_content(root, CONTENT_FOLDER)
    done = renames.apply(root, renamed_environments(upstream))
    if done:
        git(root, "add", "--all", LOCAL_FOLDER)
        git(root, "commit", "--quiet", "-m", RENAME_COMMIT + "\n\n" + "\n".join(done))
    if git(root, "rev-parse", "HEAD^{tree}") == git(root, "rev-parse", f"{base}^{{tree}}"):
        return Outcome(("Er is geen nieuwe versie van upstream; er is niets veranderd.", *kept), 0)
    result = check_content(root / CONTENT_FOLDER, root)
    body = pullrequests.update_text(
        _changed_pages(root, base),
        result.problems,
        _renames_done(root, base),
        git(root, "diff", "--name-only", "HEAD", UPSTREAM_REF, "--", WORKFLOWS).split(),
    )
    _push(root, branch)
    try:
        url = hub.create_or_update_pull(branch, MAIN, pullrequests.UPDATE_TITLE, body)
    except github.GitHubError as error:
        return _github_failed(error, hub)
    found = errors(result.problems)
    return Outcome(
        (
            f"De pull request '{pullrequests.UPDATE_TITLE}' staat klaar: {url}",
            *(["De controle vond fouten; ze staan in de pull request."] if found else []),
            *kept,
        ),
        0,
    )


def _keep_schedule_on(hub: github.GitHub) -> tuple[str, ...]:
    """Switch the weekly update on again, so 60 days without a change do not stop it.

    GitHub stops a scheduled workflow after 60 days without activity in the
    repository; a quiet upstream means no update pull requests, so no activity.
    Only the update workflow's own job does this (it has `actions: write`).
    """
    if not hub.enable_workflow:
        return ()
    try:
        hub.call(
            "PUT",
            f"/repos/{hub.repository}/actions/workflows/{pullrequests.UPDATE_WORKFLOW}/enable",
        )
    except github.GitHubError as error:
        return (
            f"De wekelijkse update kon niet aan blijven ({error.status}: {error.message}); "
            "GitHub zet hem uit na 60 dagen zonder wijzigingen in de repository",
            "    tip: zet hem dan weer aan: tabblad Actions > Update van de landelijke "
            "handreiking > Enable workflow",
        )
    return ()


def _changed_pages(root: Path, base: str) -> list[tuple[str, str, str | None]]:
    lines = git(
        root, "diff", "--name-status", "-M", base, "HEAD", "--", CONTENT_FOLDER
    ).splitlines()
    pages: list[tuple[str, str, str | None]] = []
    for line in lines:
        status, *paths = line.split("\t")
        if status.startswith("R"):
            pages.append(("R", paths[1], paths[0]))
        else:
            pages.append((status[0], paths[0], None))
    return sorted(pages, key=lambda page: page[1])


def _renames_done(root: Path, base: str) -> list[str]:
    """What `renames.apply` did on this branch: the body of its commits."""
    found: list[str] = []
    for message in git(root, "log", "--format=%B%x00", f"{base}..HEAD").split("\0"):
        subject, _, rest = message.strip().partition("\n")
        if subject == RENAME_COMMIT:
            found.extend(line for line in rest.strip().splitlines() if line)
    return found


# --- marking a note as reviewed ------------------------------------------------------------


def mark_reviewed(
    root: Path, targets: Sequence[str], branch: str, hub: github.GitHub, upstream_url: str | None
) -> Outcome:
    outcome = review.mark_reviewed(root, list(targets))
    if not outcome.ok:
        return Outcome((*outcome.lines, "Er is niets opgeslagen."), 1)
    if not git(root, "status", "--porcelain", "--", LOCAL_FOLDER).strip():
        return Outcome((*outcome.lines, "Er was niets vast te leggen."), 0)
    git(root, "add", "--all", LOCAL_FOLDER)
    git(root, "commit", "--quiet", "-m", "Notitie herzien: " + " ".join(targets))
    _push(root, branch)
    lines = [*outcome.lines, f"Opgeslagen in de branch {branch}."]
    if branch == pullrequests.UPDATE_BRANCH and upstream_url:
        refreshed = finish_update(root, hub, upstream_url)
        return Outcome((*lines, *refreshed.lines), refreshed.code)
    return Outcome(tuple(lines), 0)


def upstream_address(hub: github.GitHub, configured: str | None) -> str | None:
    """The git address of upstream: the repository variable, or the fork's parent."""
    return configured or hub.upstream_url()
