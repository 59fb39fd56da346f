"""A municipality's fork without a terminal: the workflows, their scripts, their pull requests.

The end-to-end test plays GitHub with local git repositories (upstream, the
fork on "GitHub" as a bare repository, and a fresh clone for every workflow
run, as Actions makes) and a local stand-in for GitHub's REST API, and runs
scripts/gemeente_workflow.py exactly as the workflows do. What GitHub itself
does (running the workflow files, the Merge button, Sync fork) is done here
with plain git; what could not be tried against real GitHub is listed in
FORKING.md's last section.
"""

from __future__ import annotations

import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

from handboek import cli
from handboek.check import check_content
from handboek.local import manifest, pullrequests
from handboek.local.pullrequests import fenced
from handboek.problems import Problem, report
from tests.conftest import ROOT, SOURCE_DATE_EPOCH, copy_project, http_server, run_build
from tests.test_fork import FIXTURE, NAME, NEW_SENTENCE, POINT, git, ok

SCRIPT = ROOT / "scripts" / "gemeente_workflow.py"
WORKFLOWS = ROOT / ".github" / "workflows"
FORK = "gemeente-voorbeeld/handboek"  # fictional
UPSTREAM_REPOSITORY = "landelijke-handreiking/handboek"
UPDATE = "gemeente-bijwerken.yml"
CHECKOUT_PIN = "actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1"


# --- a local stand-in for GitHub's REST API ------------------------------------------------


@dataclass
class FakeGitHub:
    url: str = ""
    upstream: str = ""  # git address of the parent repository
    workflow_state: str = "active"
    refuse_pulls: bool = False
    refuse_enable: bool = False
    pulls: list[dict[str, Any]] = field(default_factory=list)
    requests: list[tuple[str, str]] = field(default_factory=list)

    def answer(self, method: str, path: str, body: Any) -> tuple[int, Any]:
        url = urllib.parse.urlsplit(path)
        self.requests.append((method, url.path))
        repository = f"/repos/{FORK}"
        if method == "GET" and url.path == repository:
            return 200, {"full_name": FORK, "fork": True, "parent": {"clone_url": self.upstream}}
        if method == "GET" and url.path.startswith(f"{repository}/actions/workflows/"):
            return 200, {"state": self.workflow_state}
        if method == "GET" and url.path == f"{repository}/pulls":
            query = dict(urllib.parse.parse_qsl(url.query))
            owner, branch = query["head"].split(":")
            assert owner == FORK.split("/")[0]
            return 200, [
                p for p in self.pulls if p["head"]["ref"] == branch and p["state"] == "open"
            ]
        if method == "POST" and url.path == f"{repository}/pulls":
            if self.refuse_pulls:
                return 403, {
                    "message": "GitHub Actions is not permitted to create or approve pull "
                    "requests.",
                }
            number = len(self.pulls) + 1
            pull = {
                "number": number,
                "html_url": f"https://github.example/{FORK}/pull/{number}",
                "title": body["title"],
                "body": body["body"],
                "base": {"ref": body["base"]},
                "head": {"ref": body["head"]},
                "state": "open",
            }
            self.pulls.append(pull)
            return 201, pull
        if method == "PUT" and url.path == f"{repository}/actions/workflows/{UPDATE}/enable":
            if self.refuse_enable:
                return 403, {"message": "Resource not accessible by integration"}
            self.workflow_state = "active"
            return 204, None
        if match := re.fullmatch(rf"{repository}/pulls/(\d+)", url.path):
            pull = self.pulls[int(match.group(1)) - 1]
            if method == "PATCH":
                pull.update(body)
            return 200, pull
        return 404, {"message": "Not Found"}


@pytest.fixture
def github() -> Iterator[FakeGitHub]:
    fake = FakeGitHub()

    class Handler(http.server.BaseHTTPRequestHandler):
        def _handle(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = json.loads(self.rfile.read(length)) if length else None
            assert self.headers.get("Authorization") == "Bearer geheim"
            status, answer = fake.answer(self.command, self.path, body)
            data = b"" if answer is None else json.dumps(answer).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = do_PATCH = do_PUT = _handle

        def log_message(self, *arguments: object) -> None:
            pass

    with http_server(Handler) as url:
        fake.url = url
        yield fake


# --- GitHub played with git ----------------------------------------------------------------


def run_workflow(
    checkout: Path,
    fake: FakeGitHub,
    *arguments: str,
    branch: str = "main",
    summary: Path | None = None,
) -> subprocess.CompletedProcess[str]:
    """One step of a workflow: the script in a checkout, with what Actions gives it."""
    environment = {
        **({"GITHUB_STEP_SUMMARY": str(summary)} if summary else {}),
        # Only the update workflow's job keeps itself switched on (handreiking-bijwerken.yml).
        **({"HANDREIKING_AAN_HOUDEN": "ja"} if arguments[0] == "afronden" else {}),
        "PATH": os.environ["PATH"],
        "GITHUB_API_URL": fake.url,
        "GITHUB_REPOSITORY": FORK,
        "GITHUB_REF_NAME": branch,
        "GH_TOKEN": "geheim",
        "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": os.devnull,
    }
    return subprocess.run(
        [sys.executable, str(SCRIPT), *arguments],
        cwd=checkout,
        capture_output=True,
        text=True,
        env=environment,
        timeout=300,
        check=False,
    )


def checkout(origin: Path, target: Path, branch: str = "main") -> Path:
    """What actions/checkout makes: a fresh clone of the fork, on one branch."""
    if target.exists():
        shutil.rmtree(target)
    ok(git(origin.parent, "clone", "--quiet", "--branch", branch, str(origin), str(target)))
    return target


def press_merge(origin: Path, work: Path, branch: str, fake: FakeGitHub) -> None:
    """The Merge button of a pull request: a merge commit on main."""
    clone = checkout(origin, work)
    ok(git(clone, "merge", "--quiet", "--no-ff", "--no-edit", f"origin/{branch}"))
    ok(git(clone, "push", "--quiet", "origin", "main"))
    for pull in fake.pulls:
        if pull["head"]["ref"] == branch:
            pull["state"] = "closed"


def write_fingerprints(repository: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What upstream's workflow vingerafdrukken.yml does after every push to main."""
    ok(git(repository, "add", "--all"))
    monkeypatch.chdir(repository)
    assert cli.main(["vingerafdrukken"]) == 0
    ok(git(repository, "add", "--all"))
    ok(git(repository, "commit", "--quiet", "-m", "Vingerafdrukken bijgewerkt"))


def make_upstream(path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    upstream = copy_project(path)
    (upstream / ".github/workflows").mkdir(parents=True)
    shutil.copy2(WORKFLOWS / "site.yml", upstream / ".github/workflows/site.yml")
    ok(git(upstream, "init", "--quiet"))
    ok(git(upstream, "add", "--all"))
    ok(git(upstream, "commit", "--quiet", "-m", "Upstream"))
    write_fingerprints(upstream, monkeypatch)
    return upstream


def rename_environment(project: Path) -> None:
    """Upstream renames een-op-een-ondersteuning to een-op-een, records the earlier name, and
    follows its own rename in every content page that links to the old name."""
    environments = project / "content/omgevingen"
    text = (environments / "een-op-een-ondersteuning.md").read_text(encoding="utf-8")
    (environments / "een-op-een-ondersteuning.md").unlink()
    (environments / "een-op-een.md").write_text(
        text.replace("\nvolgorde:", "\neerdere_namen: [een-op-een-ondersteuning]\nvolgorde:", 1),
        encoding="utf-8",
    )
    for linking in sorted((project / "content").glob("*.md")):
        linking.write_text(
            linking.read_text(encoding="utf-8").replace(
                "omgevingen/een-op-een-ondersteuning.md", "omgevingen/een-op-een.md"
            ),
            encoding="utf-8",
        )


def change_upstream(upstream: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Reword a text under a note, add and rename an environment, change a workflow."""
    environments = upstream / "content/omgevingen"
    page = environments / "buurtgemeenschappen.md"
    text = page.read_text(encoding="utf-8")
    point = next(line for line in text.split("\n") if line.startswith(f"- **{POINT}.**"))
    page.write_text(text.replace(point, f"{point} {NEW_SENTENCE}"), encoding="utf-8")
    added = (environments / "verenigingen.md").read_text(encoding="utf-8")
    added = re.sub(r"(?m)^titel: .*$", "titel: Nieuwe omgeving", added)
    added = re.sub(r"(?m)^volgorde: .*$", "volgorde: 4", added)
    (environments / "nieuwe-omgeving.md").write_text(added, encoding="utf-8")
    rename_environment(upstream)
    ok(git(upstream, "add", "--all"))
    ok(git(upstream, "commit", "--quiet", "-m", "Upstream: tekst, nieuwe en hernoemde omgeving"))
    with (upstream / ".github/workflows/site.yml").open("a", encoding="utf-8") as workflow:
        workflow.write("# Een wijziging van upstream in een workflow.\n")
    ok(git(upstream, "commit", "--quiet", "--all", "-m", "Upstream: workflow"))
    write_fingerprints(upstream, monkeypatch)


# --- the end-to-end test ------------------------------------------------------------------

NOTE_FILE = "lokaal/omgevingen/buurtgemeenschappen.yml"
NOTE_LINE = 12


def expected_update_text(diff: str, other_notices: str) -> str:
    return (
        "Deze pull request neemt de nieuwste versie van de landelijke handreiking over. Voeg "
        "hem samen met **Merge pull request**; meer hoeft u niet te doen.\n"
        "\n"
        "## Pagina's die upstream veranderde\n"
        "\n"
        "- `content/begrippen.md`: veranderd\n"
        "- `content/index.md`: veranderd\n"
        "- `content/omgevingen/buurtgemeenschappen.md`: veranderd\n"
        "- `content/omgevingen/een-op-een.md`: hernoemd (was "
        "`content/omgevingen/een-op-een-ondersteuning.md`)\n"
        "- `content/omgevingen/nieuwe-omgeving.md`: nieuwe omgeving; uw eigen aanvulling kan in "
        "`lokaal/omgevingen/nieuwe-omgeving.yml`\n"
        "\n"
        "## Notities om na te kijken (te herzien)\n"
        "\n"
        "Upstream veranderde de tekst waar deze notities bij horen. Lees wat er veranderde "
        "(regels met `-` zijn weg, met `+` nieuw). Past de notitie nog, of heeft u haar "
        "aangepast in de branch `handreiking-update`? Markeer haar dan als herzien: tabblad "
        "**Actions** > *Notitie herzien* > **Run workflow**, kies bij *Use workflow from* de "
        "branch `handreiking-update` en vul de notitie in zoals hieronder. U kunt ook eerst "
        "samenvoegen: de site blijft werken en de controle blijft dit melden.\n"
        "\n"
        f"### `{NOTE_FILE}:{NOTE_LINE}`\n"
        "\n"
        "Te herzien: de tekst van upstream bij deze notitie is veranderd (Buurtgemeenschappen "
        f"› Wat kan de gemeente doen? › {POINT}).\n"
        "\n"
        f"```diff\n{diff}\n```\n"
        "\n"
        f"Notitie voor *Notitie herzien*: `{NOTE_FILE}:{NOTE_LINE}`\n"
        "\n"
        "## Hernoemde omgevingen\n"
        "\n"
        "- lokaal/omgevingen/een-op-een-ondersteuning.yml hernoemd naar "
        "lokaal/omgevingen/een-op-een.yml\n"
        "- lokaal/paginas/onze-aanpak.md: link naar een-op-een-ondersteuning.md veranderd in "
        "een-op-een.md\n"
        "\n"
        "## Workflowbestanden\n"
        "\n"
        "Upstream veranderde ook deze workflowbestanden. GitHub staat niet toe dat een workflow "
        "ze bijwerkt, dus in deze pull request staan ze nog zoals ze waren:\n"
        "\n"
        "- `.github/workflows/site.yml`\n"
        "\n"
        "Neem ze zo over: voeg eerst deze pull request samen. Ga daarna naar de hoofdpagina van "
        "uw fork en klik op **Sync fork** > **Update branch**.\n"
        "\n"
        "## Fouten\n"
        "\n"
        "Geen: de controle vond geen fouten.\n"
        "\n"
        "<details><summary>Andere meldingen van de controle</summary>\n"
        "\n"
        f"```text\n{other_notices}\n```\n"
        "\n"
        "</details>"
    )


def test_fork_set_up_fill_update_merge_and_build_without_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, github: FakeGitHub
) -> None:
    upstream = make_upstream(tmp_path / "upstream", monkeypatch)
    github.upstream = str(upstream)
    origin = tmp_path / "fork.git"  # the fork on GitHub: the Fork button
    ok(git(tmp_path, "clone", "--quiet", "--bare", str(upstream), str(origin)))
    github.workflow_state = "disabled_fork"  # GitHub: schedules are off in a new fork

    # 1. "Gemeente opzetten" from the Actions tab.
    run = run_workflow(checkout(origin, tmp_path / "run"), github, "opzetten", NAME)
    assert (run.returncode, run.stderr) == (0, ""), run.stdout
    assert run.stdout == (
        f"De lokale laag staat klaar in de pull request: https://github.example/{FORK}/pull/1\n"
    )
    [setup] = github.pulls
    assert (setup["title"], setup["head"], setup["base"]) == (
        f"Lokale laag van {NAME}",
        {"ref": "gemeente-opzetten"},
        {"ref": "main"},
    )
    branch = checkout(origin, tmp_path / "branch", "gemeente-opzetten")
    problems = check_content(branch / "content", branch).problems
    assert problems  # the places to fill in
    assert (
        "## Uitkomst van de controle\n\n"
        f"De controle vond **{len(problems)} fouten**: dat is wat u nog invult.\n\n"
        f"{fenced(report(problems))}\n"
    ) in setup["body"]
    assert setup["body"].endswith(
        "## Wekelijkse update\n\n**Let op:** de wekelijkse update staat uit (GitHub zet "
        "geplande workflows in een nieuwe fork uit). Zet hem aan: tabblad **Actions** > *Update "
        "van de landelijke handreiking* > knop **Enable workflow**. GitHub zet hem na 60 dagen "
        "zonder wijzigingen in de repository weer uit; dan staat dat bovenaan het tabblad "
        "Actions en zet u hem op dezelfde manier aan."
    )

    # 2. Filling in the files in GitHub's editor, on the pull request's branch.
    shutil.copytree(FIXTURE, branch / "lokaal", dirs_exist_ok=True)
    own_page = branch / "lokaal/paginas/onze-aanpak.md"
    own_page.write_text(
        own_page.read_text(encoding="utf-8")
        + "\nOok [één-op-één](../omgevingen/een-op-een-ondersteuning.md#lokaal-bruggenbouwers).\n",
        encoding="utf-8",
    )
    ok(git(branch, "add", "--all"))
    ok(git(branch, "commit", "--quiet", "-m", "Ingevuld in de webeditor"))
    ok(git(branch, "push", "--quiet", "origin", "gemeente-opzetten"))
    # ... and "Notitie herzien" from the Actions tab, on that branch, for every note file.
    notes = sorted(f"lokaal/omgevingen/{path.name}" for path in (FIXTURE / "omgevingen").iterdir())
    run = run_workflow(
        checkout(origin, tmp_path / "run", "gemeente-opzetten"),
        github,
        "herzien",
        *notes,
        branch="gemeente-opzetten",
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout.endswith("Opgeslagen in de branch gemeente-opzetten.\n")
    filled = checkout(origin, tmp_path / "branch", "gemeente-opzetten")
    assert check_content(filled / "content", filled).problems == ()
    press_merge(origin, tmp_path / "merge", "gemeente-opzetten", github)

    # 3. Upstream moves on; the weekly "Update van de landelijke handreiking" runs.
    change_upstream(upstream, monkeypatch)
    actions = checkout(origin, tmp_path / "run")
    merged = run_workflow(actions, github, "samenvoegen")
    assert (merged.returncode, merged.stdout) == (
        0,
        "Upstream samengevoegd in de branch handreiking-update\n",
    ), merged.stderr
    assert github.workflow_state == "disabled_fork"
    finished = run_workflow(actions, github, "afronden")
    assert finished.returncode == 0, finished.stdout + finished.stderr
    # The update switched its own schedule on (again), against GitHub's 60-day stop.
    assert ("PUT", f"/repos/{FORK}/actions/workflows/{UPDATE}/enable") in github.requests
    assert github.workflow_state == "active"
    assert finished.stdout == (
        "De pull request 'Update van de landelijke handreiking' staat klaar: "
        f"https://github.example/{FORK}/pull/2\n"
    )
    update = dict(github.pulls[1])  # as it is now; the stand-in changes its own copy
    assert (update["title"], update["head"]["ref"]) == (
        "Update van de landelijke handreiking",
        "handreiking-update",
    )
    proposed = checkout(origin, tmp_path / "branch", "handreiking-update")
    result = check_content(proposed / "content", proposed)
    [review] = [p for p in result.problems if p.message.startswith("te herzien")]
    diff = review.hint.split("wijziging in upstream (- oude tekst, + nieuwe tekst):\n")[1]
    assert f"\n+  {NEW_SENTENCE}" in diff
    others = sorted(p for p in result.problems if p is not review)
    assert [p.format().split("\n")[0] for p in others] == [
        ".github/workflows/site.yml:1: let op: dit bestand van upstream is in deze fork veranderd"
    ]
    print(setup["body"])
    print("=====")
    print(update["body"])
    assert update["body"] == expected_update_text(diff, "\n".join(p.format() for p in others))
    # Run again (on demand): the same one pull request, its text the same.
    actions = checkout(origin, tmp_path / "run")
    assert run_workflow(actions, github, "samenvoegen").returncode == 0
    assert run_workflow(actions, github, "afronden").returncode == 0
    assert len(github.pulls) == 2
    assert github.pulls[1]["body"] == update["body"]

    # 4. The note still fits: "Notitie herzien" on the update branch, from the Actions tab.
    run = run_workflow(
        checkout(origin, tmp_path / "run", "handreiking-update"),
        github,
        "herzien",
        f"{NOTE_FILE}:{NOTE_LINE}",
        branch="handreiking-update",
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout == (
        f"{NOTE_FILE}:{NOTE_LINE}: vastgelegd bij de huidige tekst van upstream "
        f"(Buurtgemeenschappen › Wat kan de gemeente doen? › {POINT})\n"
        "Opgeslagen in de branch handreiking-update.\n"
        "De pull request 'Update van de landelijke handreiking' staat klaar: "
        f"https://github.example/{FORK}/pull/2\n"
    )
    assert len(github.pulls) == 2
    reviewed = github.pulls[1]["body"]
    assert reviewed == update["body"].replace(
        update["body"][
            update["body"].index("Upstream veranderde de tekst") : update["body"].index(
                "\n\n## Hernoemde omgevingen"
            )
        ],
        "Geen: geen enkele notitie hoeft nagekeken te worden.",
    )
    # What was recorded is what upstream says now, not what someone typed.
    recorded = checkout(origin, tmp_path / "branch", "handreiking-update") / NOTE_FILE
    assert f"          {NEW_SENTENCE}\n" in recorded.read_text(encoding="utf-8")

    # 5. The municipality merges; the site builds, strictly, with every local block.
    press_merge(origin, tmp_path / "merge", "handreiking-update", github)
    site = checkout(origin, tmp_path / "site-checkout")
    assert (site / "lokaal/omgevingen/een-op-een.yml").is_file()
    assert not (site / "lokaal/omgevingen/een-op-een-ondersteuning.yml").exists()
    build = run_build(site)
    assert build.returncode == 0, build.output
    assert "te herzien" not in build.output
    blocks = {
        "buurtgemeenschappen": [
            "zo-doen-wij-dit-meerwaarde",
            "zo-doen-wij-dit-wat-kan-de-gemeente-doen",
            "lokaal-bruggenbouwers",
        ],
        "verenigingen": [
            "zo-doen-wij-dit-wat-kan-de-gemeente-doen",
            "lokaal-bruggenbouwers",
            "lokaal-initiatieven",
        ],
        "een-op-een": ["lokaal-bruggenbouwers"],
        "nieuwe-omgeving": [],
    }
    for slug, expected in blocks.items():
        page = (build.site / f"omgevingen/{slug}/index.html").read_text(encoding="utf-8")
        found = re.findall(r'<section aria-labelledby="([^"]+)" class="handboek-lokaal">', page)
        assert found == expected, slug
    own = (build.site / "gemeente/onze-aanpak/index.html").read_text(encoding="utf-8")
    assert 'href="../../omgevingen/een-op-een/#lokaal-bruggenbouwers"' in own

    # 6. Sync fork takes over the workflow file; nothing conflicts, nothing left to notice.
    synced = checkout(origin, tmp_path / "sync")
    ok(git(synced, "fetch", "--quiet", str(upstream), "main"))
    ok(git(synced, "merge", "--no-edit", "FETCH_HEAD"))
    assert (synced / ".github/workflows/site.yml").read_bytes() == (
        upstream / ".github/workflows/site.yml"
    ).read_bytes()
    assert check_content(synced / "content", synced).problems == ()


def test_without_permission_to_open_pull_requests_the_run_says_what_to_switch_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, github: FakeGitHub
) -> None:
    upstream = make_upstream(tmp_path / "upstream", monkeypatch)
    github.upstream = str(upstream)
    github.refuse_pulls = True
    origin = tmp_path / "fork.git"
    ok(git(tmp_path, "clone", "--quiet", "--bare", str(upstream), str(origin)))
    summary = tmp_path / "samenvatting.md"
    run = run_workflow(
        checkout(origin, tmp_path / "run"), github, "opzetten", NAME, summary=summary
    )
    expected = (
        "GitHub staat niet toe dat deze workflow een pull request opent\n"
        f"    tip: zet het aan in {FORK}: Settings > Actions > General > Workflow permissions: "
        "vink 'Allow GitHub Actions to create and approve pull requests' aan en klik op Save; "
        "start de workflow daarna opnieuw (tab Actions, knop 'Run workflow')\n"
    )
    assert (run.returncode, run.stdout, run.stderr) == (1, expected, "")
    assert summary.read_text(encoding="utf-8") == f"```text\n{expected}```\n"
    # Switched on, the same workflow again: the branch it pushed is kept, the pull request opens.
    pushed = ok(git(origin, "rev-parse", "gemeente-opzetten"))
    github.refuse_pulls = False
    run = run_workflow(checkout(origin, tmp_path / "run"), github, "opzetten", NAME)
    assert run.returncode == 0, run.stdout
    assert ok(git(origin, "rev-parse", "gemeente-opzetten")) == pushed
    assert [pull["head"]["ref"] for pull in github.pulls] == ["gemeente-opzetten"]


def test_a_schedule_off_after_60_days_is_explained_and_a_second_set_up_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, github: FakeGitHub
) -> None:
    upstream = make_upstream(tmp_path / "upstream", monkeypatch)
    github.upstream = str(upstream)
    github.workflow_state = "disabled_inactivity"
    origin = tmp_path / "fork.git"
    ok(git(tmp_path, "clone", "--quiet", "--bare", str(upstream), str(origin)))
    assert (
        run_workflow(checkout(origin, tmp_path / "run"), github, "opzetten", NAME).returncode == 0
    )
    assert (
        "**Let op:** de wekelijkse update staat uit (GitHub zet geplande workflows uit als er 60 "
        "dagen niets in de repository is veranderd)."
    ) in github.pulls[0]["body"]
    # Run again while the pull request is open: the branch (with the municipality's work)
    # stays as it is, the one pull request gets a fresh text.
    work = checkout(origin, tmp_path / "work", "gemeente-opzetten")
    contact = work / "lokaal/paginas/contact.md"
    contact.write_text(contact.read_text(encoding="utf-8") + "\nIngevuld.\n", encoding="utf-8")
    ok(git(work, "commit", "--quiet", "--all", "-m", "In de webeditor"))
    ok(git(work, "push", "--quiet", "origin", "gemeente-opzetten"))
    before = ok(git(origin, "rev-parse", "gemeente-opzetten"))
    github.workflow_state = "active"
    run = run_workflow(checkout(origin, tmp_path / "run"), github, "opzetten", NAME)
    assert (run.returncode, run.stdout) == (
        0,
        f"De lokale laag staat klaar in de pull request: https://github.example/{FORK}/pull/1\n",
    )
    assert ok(git(origin, "rev-parse", "gemeente-opzetten")) == before
    assert len(github.pulls) == 1
    assert github.pulls[0]["body"].endswith("en opent dan een pull request. Die staat aan.")
    # After the merge the layer is on main: a new set-up is refused, nothing changes.
    press_merge(origin, tmp_path / "merge", "gemeente-opzetten", github)
    main = ok(git(origin, "rev-parse", "main"))
    run = run_workflow(checkout(origin, tmp_path / "run"), github, "opzetten", "Gemeente Anders")
    assert (run.returncode, run.stdout) == (
        1,
        "lokaal/ bestaat al; er is niets overschreven\n"
        "    tip: pas de bestanden in lokaal/ zelf aan; .venv/bin/handboek check zegt wat er "
        "mist\n",
    )
    assert ok(git(origin, "rev-parse", "main")) == main
    assert len(github.pulls) == 1
    # Nothing new upstream: the update opens no pull request; GitHub refuses to switch it on.
    github.refuse_enable = True
    actions = checkout(origin, tmp_path / "run")
    assert run_workflow(actions, github, "samenvoegen").returncode == 0
    run = run_workflow(actions, github, "afronden")
    assert (run.returncode, run.stdout) == (
        0,
        "Er is geen nieuwe versie van upstream; er is niets veranderd.\n"
        "De wekelijkse update kon niet aan blijven (403: Resource not accessible by "
        "integration); GitHub zet hem uit na 60 dagen zonder wijzigingen in de repository\n"
        "    tip: zet hem dan weer aan: tabblad Actions > Update van de landelijke handreiking > "
        "Enable workflow\n",
    )
    assert len(github.pulls) == 1


# --- renames and edits outside lokaal/, in a fork without the update pull request ----------


def test_a_fork_with_a_file_for_an_old_name_builds_without_a_manual_step(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fork = copy_project(tmp_path / "fork")
    shutil.copytree(FIXTURE, fork / "lokaal")
    monkeypatch.chdir(fork)
    notes = sorted(f"lokaal/omgevingen/{path.name}" for path in (FIXTURE / "omgevingen").iterdir())
    assert cli.main(["gemeente", "herzien", *notes]) == 0
    # Links to the old name: on an own page, and in a note on another environment page.
    own_page = fork / "lokaal/paginas/onze-aanpak.md"
    own_page.write_text(
        own_page.read_text(encoding="utf-8")
        + "\nOok [één-op-één](../omgevingen/een-op-een-ondersteuning.md#lokaal-bruggenbouwers).\n",
        encoding="utf-8",
    )
    note_file = fork / "lokaal/omgevingen/verenigingen.yml"
    text = note_file.read_text(encoding="utf-8")
    first_text = text.index("    tekst: |\n") + len("    tekst: |\n")
    note_file.write_text(
        text[:first_text]
        + "      Zie ook [één-op-één](een-op-een-ondersteuning.md).\n"
        + text[first_text:],
        encoding="utf-8",
    )
    # Sync fork brings upstream's rename; lokaal/ still has the old name.
    rename_environment(fork)
    build = run_build(fork)
    assert build.returncode == 0, build.output
    assert (
        "lokaal/omgevingen/een-op-een-ondersteuning.yml:1: let op: upstream heeft de omgeving "
        "'een-op-een-ondersteuning' hernoemd naar 'een-op-een'\n"
        "    tip: hernoem dit bestand naar lokaal/omgevingen/een-op-een.yml; de pull request "
        "'Update van de landelijke handreiking' doet dat vanzelf. Tot dan telt dit bestand voor "
        "'een-op-een'"
    ) in build.output
    page = (build.site / "omgevingen/een-op-een/index.html").read_text(encoding="utf-8")
    assert "Steunpunt Vrijwilligers Voorbeeld" in page
    assert 'id="lokaal-bruggenbouwers"' in page
    own = (build.site / "gemeente/onze-aanpak/index.html").read_text(encoding="utf-8")
    assert 'href="../../omgevingen/een-op-een/#lokaal-bruggenbouwers"' in own
    verenigingen = (build.site / "omgevingen/verenigingen/index.html").read_text(encoding="utf-8")
    assert '<a href="../een-op-een/">één-op-één</a>' in verenigingen
    assert build.output.count("deze link gaat naar de oude naam van een omgeving") == 2


def test_a_fork_that_edits_files_of_upstream_gets_a_notice_naming_each_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    upstream = make_upstream(tmp_path / "upstream", monkeypatch)
    ok(git(tmp_path, "clone", "--quiet", str(upstream), "fork"))
    fork = tmp_path / "fork"
    shutil.copytree(FIXTURE, fork / "lokaal")
    monkeypatch.chdir(fork)
    notes = sorted(f"lokaal/omgevingen/{path.name}" for path in (FIXTURE / "omgevingen").iterdir())
    assert cli.main(["gemeente", "herzien", *notes]) == 0
    assert check_content(fork / "content", fork).problems == ()
    # A CRLF checkout (git on Windows) is no change.
    start = fork / "content/index.md"
    start.write_bytes(start.read_bytes().replace(b"\n", b"\r\n"))
    assert check_content(fork / "content", fork).problems == ()
    page = fork / "content/omgevingen/verenigingen.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace("\n---\n\n", "\n---\n\nEen eigen zin.\n\n", 1),
        encoding="utf-8",
    )
    config = fork / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\n# eigen\n", encoding="utf-8")
    (fork / "content/eigen.md").write_text("---\n---\n", encoding="utf-8")
    (fork / "content/over.md").unlink()
    rule = (
        "alleen lokaal/ is van de gemeente: bij de volgende update van upstream geeft een "
        "wijziging hier een conflict, of verdwijnt ze zonder melding"
    )
    found = [p.format() for p in sorted(manifest.notices(fork))]
    assert found == [
        "content/eigen.md:1: let op: dit bestand staat niet in upstream\n"
        f"    tip: {rule}. Een eigen pagina hoort in lokaal/paginas/ (zie FORKING.md)",
        "content/omgevingen/verenigingen.md:1: let op: dit bestand van upstream is in deze fork "
        "veranderd\n"
        f"    tip: {rule}. Een eigen tekst bij een onderdeel hoort in een notitie in "
        "lokaal/omgevingen/verenigingen.yml; een fout in de landelijke tekst meldt u bij de "
        "landelijke handreiking (een issue of pull request)",
        "content/over.md:1: let op: dit bestand van upstream ontbreekt in deze fork\n"
        f"    tip: {rule}. Zet het bestand terug zoals upstream het heeft; wilt u het weg, stel "
        "dat dan voor aan de landelijke handreiking",
        "mkdocs.yml:1: let op: dit bestand van upstream is in deze fork veranderd\n"
        f"    tip: {rule}. Naam, webadres, logo en kleuren horen in lokaal/gemeente.yml; een "
        "andere instelling in een eigen mkdocs-gemeente.yml die begint met 'INHERIT: "
        "mkdocs.yml'",
    ]
    (fork / "content/eigen.md").unlink()
    ok(git(fork, "checkout", "--", "content/over.md"))
    capsys.readouterr()
    assert cli.main(["check"]) == 0  # notices: the site still builds
    output = capsys.readouterr().out
    assert "content/omgevingen/verenigingen.md:1: let op: dit bestand van upstream" in output
    assert "mkdocs.yml:1: let op: dit bestand van upstream is in deze fork veranderd" in output


def test_fingerprints_are_written_only_in_upstream(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    upstream = make_upstream(tmp_path / "upstream", monkeypatch)
    listed = manifest.read_manifest(upstream)
    assert listed is not None
    assert manifest.MANIFEST not in listed
    assert ".github/workflows/site.yml" in listed and "content/index.md" in listed
    assert listed["mkdocs.yml"] == manifest.fingerprint((upstream / "mkdocs.yml").read_bytes())
    capsys.readouterr()
    assert cli.main(["vingerafdrukken"]) == 0
    assert capsys.readouterr().out == "vingerafdrukken.sha256 was al bijgewerkt\n"
    (upstream / "lokaal").mkdir()
    assert cli.main(["vingerafdrukken"]) == 2
    assert capsys.readouterr().err == (
        "vingerafdrukken.sha256: niet geschreven: dit is een fork (er is een map lokaal/); de "
        "vingerafdrukken komen van upstream\n"
        "    tip: draai dit in de repository van de landelijke handreiking (upstream)\n"
    )


# --- the workflow files ----------------------------------------------------------------------


def load_workflow(name: str) -> dict[str, Any]:
    return yaml.load((WORKFLOWS / name).read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


CALLERS = {
    "gemeente-opzetten.yml": (
        "handreiking-opzetten.yml",
        {"contents": "write", "pull-requests": "write", "actions": "read"},
    ),
    "gemeente-bijwerken.yml": (
        "handreiking-bijwerken.yml",
        {"contents": "write", "pull-requests": "write", "actions": "write"},
    ),
    "gemeente-herzien.yml": (
        "handreiking-herzien.yml",
        {"contents": "write", "pull-requests": "write"},
    ),
}


@pytest.mark.parametrize("name", sorted(CALLERS))
def test_the_forks_workflows_are_thin_callers_of_upstreams_reusable_workflows(name: str) -> None:
    reusable, permissions = CALLERS[name]
    workflow = load_workflow(name)
    assert workflow["permissions"] == {}
    [job] = workflow["jobs"].values()
    assert set(job) <= {"if", "permissions", "uses", "with"}
    assert job["uses"] == f"{UPSTREAM_REPOSITORY}/.github/workflows/{reusable}@main"
    assert job["if"] == f"github.repository != '{UPSTREAM_REPOSITORY}'"
    assert job["permissions"] == permissions
    called = load_workflow(reusable)
    assert list(called["on"]) == ["workflow_call"]
    assert called["permissions"] == {"contents": "read"}
    [called_job] = called["jobs"].values()
    assert called_job["permissions"] == permissions  # no more than the caller gives
    assert called_job["steps"][0]["uses"] == CHECKOUT_PIN.split(" #")[0]
    assert (WORKFLOWS / reusable).read_text(encoding="utf-8").count(CHECKOUT_PIN) == 1
    for step in called_job["steps"]:
        assert "${{" not in step.get("run", "")  # inputs reach scripts as variables only


def test_the_update_runs_weekly_and_on_demand_and_installs_the_new_code_before_checking() -> None:
    workflow = load_workflow("gemeente-bijwerken.yml")
    assert workflow["on"] == {"schedule": [{"cron": "23 5 * * 1"}], "workflow_dispatch": ""}
    [job] = load_workflow("handreiking-bijwerken.yml")["jobs"].values()
    assert [step.get("run") for step in job["steps"][1:]] == [
        "make .venv/bin/.installed",
        ".venv/bin/python scripts/gemeente_workflow.py samenvoegen",
        "make .venv/bin/.installed",
        ".venv/bin/python scripts/gemeente_workflow.py afronden",
    ]
    assert job["steps"][0]["with"] == {"fetch-depth": "0"}


def test_the_set_up_and_review_take_their_input_as_the_forms_on_the_actions_tab() -> None:
    assert (
        load_workflow("gemeente-opzetten.yml")["on"]["workflow_dispatch"]["inputs"]["naam"][
            "required"
        ]
        == "true"
    )
    assert (
        load_workflow("gemeente-herzien.yml")["on"]["workflow_dispatch"]["inputs"]["notitie"][
            "required"
        ]
        == "true"
    )


def test_fingerprints_are_kept_by_upstream_only() -> None:
    workflow = load_workflow("vingerafdrukken.yml")
    assert workflow["on"] == {"push": {"branches": ["main"]}}
    assert workflow["permissions"] == {"contents": "read"}
    [job] = workflow["jobs"].values()
    assert job["if"] == "${{ !github.event.repository.fork }}"
    assert job["permissions"] == {"contents": "write"}
    assert job["steps"][2]["run"] == ".venv/bin/handboek vingerafdrukken"


def test_a_conflict_stops_the_update_and_names_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, github: FakeGitHub
) -> None:
    upstream = make_upstream(tmp_path / "upstream", monkeypatch)
    github.upstream = str(upstream)
    origin = tmp_path / "fork.git"
    ok(git(tmp_path, "clone", "--quiet", "--bare", str(upstream), str(origin)))
    fork = checkout(origin, tmp_path / "edit")
    for repository, words in ((fork, "Eigen woorden."), (upstream, "Nieuwe woorden.")):
        page = repository / "content/omgevingen/verenigingen.md"
        page.write_text(
            page.read_text(encoding="utf-8").replace("\n---\n\n", f"\n---\n\n{words}\n\n", 1),
            encoding="utf-8",
        )
        ok(git(repository, "commit", "--quiet", "--all", "-m", words))
    ok(git(fork, "push", "--quiet", "origin", "main"))
    run = run_workflow(checkout(origin, tmp_path / "run"), github, "samenvoegen")
    assert (run.returncode, run.stdout) == (
        1,
        "De nieuwe versie van upstream kon niet worden overgenomen: deze bestanden heeft uw "
        "fork veranderd en upstream ook:\n"
        "  content/omgevingen/verenigingen.md\n"
        "    tip: maak deze bestanden weer gelijk aan die van upstream en zet uw wijziging in "
        "lokaal/ ('handboek check' zegt per bestand hoe; zie FORKING.md); start deze workflow "
        "daarna opnieuw\n",
    )
    assert "handreiking-update" not in ok(git(origin, "branch", "--list"))
    assert github.pulls == []


# --- the texts ----------------------------------------------------------------------------------


def test_the_update_text_lists_errors_and_no_file_can_break_out_of_its_code_block() -> None:
    error = Problem(
        "lokaal/omgevingen/verenigingen.yml", 4, "onbekend veld 'kleur'", "```\n# Kop\n```"
    )
    text = pullrequests.update_text([("D", "content/oud.md", None)], [error], [], [])
    assert text.startswith(
        "Deze pull request neemt de nieuwste versie van de landelijke handreiking over. Er zijn "
        "eerst fouten op te lossen (zie **Fouten**).\n\n"
        "## Pagina's die upstream veranderde\n\n- `content/oud.md`: verwijderd\n"
    )
    assert text.endswith(
        "## Fouten\n\n"
        "De controle vond 1 fout. Zolang die er zijn, wordt de site niet bijgewerkt. Los ze op "
        "in de branch `handreiking-update` (open het bestand en klik op het potlood), of vraag "
        "de landelijke handreiking om hulp.\n\n"
        "````text\n"
        "lokaal/omgevingen/verenigingen.yml:4: onbekend veld 'kleur'\n"
        "    tip: ```\n    # Kop\n    ```\n"
        "````"
    )
    assert "## Workflowbestanden" not in text


def test_the_name_in_the_set_up_text_is_plain_text() -> None:
    text = pullrequests.setup_text("Gemeente <b>*Vet*</b>", [], [], "Aan.")
    assert text.startswith(
        "Deze pull request maakt de lokale laag van Gemeente \\<b\\>\\*Vet\\*\\</b\\>: de map "
        "`lokaal/`."
    )
    assert "De controle vond geen fouten.\n\n```text\nAlles in orde.\n```" in text


def test_a_copy_with_its_own_history_is_told_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, github: FakeGitHub
) -> None:
    upstream = make_upstream(tmp_path / "upstream", monkeypatch)
    github.upstream = str(upstream)
    copy = copy_project(tmp_path / "copy")  # copied files, not a fork: no shared history
    ok(git(copy, "init", "--quiet"))
    ok(git(copy, "add", "--all"))
    ok(git(copy, "commit", "--quiet", "-m", "Eigen kopie"))
    origin = tmp_path / "copy.git"
    ok(git(tmp_path, "clone", "--quiet", "--bare", str(copy), str(origin)))
    run = run_workflow(checkout(origin, tmp_path / "run"), github, "samenvoegen")
    assert run.returncode == 1
    first, tip = run.stdout.splitlines()
    assert first == (
        "De nieuwe versie van upstream kon niet worden overgenomen: uw repository en upstream "
        "hebben geen gemeenschappelijke geschiedenis"
    )
    assert tip == (
        "    tip: is deze repository een fork van de landelijke handreiking? Zo niet, neem "
        "upstream dan één keer over met een terminal (zie FORKING.md)"
    )
    assert "Traceback" not in run.stderr
