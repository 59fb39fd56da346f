"""The editors' workflow as files: pipeline, pre-commit hook, templates and guide.

- .github/workflows/*.yml must be valid against GitHub's workflow schema (the
  copy vendored by check-jsonschema), pin every action to a full commit SHA,
  keep permissions minimal, and run check, strict build and tests before the
  only job that may publish.
- .pre-commit-config.yaml runs the same `handboek check` as `make check`.
- CONTRIBUTING.md shows real output: its examples are run here and compared.
"""

from __future__ import annotations

import http.server
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

from handboek import fields, schema
from tests.conftest import ROOT, http_server, run_build, run_check
from tests.sample_content import PAGE, write_content

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.y*ml"))
CHECK_JSONSCHEMA = Path(sys.executable).parent / "check-jsonschema"
CONTRIBUTING = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
SHA_PIN = re.compile(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@[0-9a-f]{40} # v\d+(\.\d+)*$")


def load(path: Path) -> dict[str, Any]:
    # BaseLoader keeps every scalar a string: 'on' stays the key 'on', not True.
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def site_workflow() -> dict[str, Any]:
    return load(ROOT / ".github" / "workflows" / "site.yml")


def steps_run(job: dict[str, Any]) -> list[str]:
    return [step["run"] for step in job["steps"] if "run" in step]


def uses_lines() -> list[str]:
    found = []
    for path in WORKFLOWS:
        for line in path.read_text(encoding="utf-8").splitlines():
            if match := re.match(r"^\s*-?\s*uses:\s*(.+)$", line):
                found.append(match.group(1).strip())
    return found


# --- the workflow files --------------------------------------------------------------


def test_there_is_a_workflow() -> None:
    # site.yml, and for forks (tests/test_fork_workflows.py) the thin callers gemeente-*.yml,
    # upstream's reusable handreiking-*.yml and upstream's own vingerafdrukken.yml.
    assert [path.name for path in WORKFLOWS] == [
        "gemeente-bijwerken.yml",
        "gemeente-herzien.yml",
        "gemeente-opzetten.yml",
        "handreiking-bijwerken.yml",
        "handreiking-herzien.yml",
        "handreiking-opzetten.yml",
        "site.yml",
        "vingerafdrukken.yml",
    ]


def schema_check(*files: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(CHECK_JSONSCHEMA), "--builtin-schema", "vendor.github-workflows", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_workflows_are_valid_against_the_github_workflow_schema() -> None:
    completed = schema_check(*WORKFLOWS)
    assert completed.returncode == 0, completed.stdout + completed.stderr


def test_the_schema_check_rejects_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    text = (ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8")
    broken.write_text(text.replace("runs-on: ubuntu-24.04", "runs_on: ubuntu-24.04"), "utf-8")
    assert schema_check(broken).returncode == 1


# A fork's workflow calls upstream's reusable workflow on main, so the fork's file never
# changes (its token may not push .github/workflows/); tests/test_fork_workflows.py checks them.
REUSABLE = re.compile(r"^landelijke-handreiking/handboek/\.github/workflows/[\w-]+\.yml@main$")


def actions_used() -> list[str]:
    return [line for line in uses_lines() if not REUSABLE.match(line)]


def test_every_action_is_pinned_to_a_full_commit_sha_with_its_version() -> None:
    uses = actions_used()
    # site.yml: checkout in three jobs, cache, two uploads, deploy; a checkout in each of the
    # other four jobs.
    assert len(uses) == 7 + 4
    assert [line for line in uses if not SHA_PIN.match(line)] == []
    assert len(uses_lines()) == len(uses) + 3  # the three callers of reusable workflows


def test_the_pins_are_the_reviewed_releases() -> None:
    assert sorted(set(actions_used())) == [
        # Not verified against GitHub from the development machine (no access to GitHub):
        # the commit of the v4.2.3 release as widely pinned in public workflows.
        "actions/cache@5a3ec84eff668545956fd18022155c47e93e2684 # v4.2.3",
        "actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1",
        "actions/deploy-pages@cd2ce8fcbc39b97be8ca5fce6e763baed58fa128 # v5.0.0",
        "actions/upload-pages-artifact@fc324d3547104276b827a68afc52ff2a11cc49c9 # v5.0.0",
    ]


def test_triggers_are_pull_requests_and_pushes_to_main_only() -> None:
    workflow = site_workflow()
    assert workflow["on"] == {"pull_request": "", "push": {"branches": ["main"]}}
    for path in WORKFLOWS:
        assert "pull_request_target" not in path.read_text(encoding="utf-8")


def test_permissions_are_least_privilege() -> None:
    workflow = site_workflow()
    assert workflow["permissions"] == {"contents": "read"}
    assert {name: job.get("permissions") for name, job in workflow["jobs"].items()} == {
        "controleren": None,  # the workflow's: contents: read
        "bouwen": {"contents": "read", "pages": "read"},  # pages: its web address
        "testen": None,
        "publiceren": {"pages": "write", "id-token": "write"},
    }


def test_the_first_job_only_installs_the_check_and_runs_it() -> None:
    workflow = site_workflow()
    assert list(workflow["jobs"]) == ["controleren", "bouwen", "testen", "publiceren"]
    job = workflow["jobs"]["controleren"]
    assert "needs" not in job
    assert job["container"] == "python:3.12-slim-bookworm"  # small: pulled in seconds
    assert steps_run(job) == [
        "sh scripts/install-python.sh check",
        ".venv/bin/handboek check",
    ]
    cache = job["steps"][1]
    assert cache["uses"].startswith("actions/cache@")
    assert cache["with"] == {
        "path": "~/.cache/pip",
        "key": "pip-controle-${{ hashFiles('requirements/check.txt') }}",
    }
    assert workflow["env"]["CI"] == "true"
    for name, job in workflow["jobs"].items():
        for command in steps_run(job):
            assert not re.search(r"(^|\s)(-q|--quiet)(\s|$)", command), name
        if name != "publiceren":
            checkout = job["steps"][0]
            assert checkout["uses"].startswith("actions/checkout@")
            assert checkout["with"] == {"persist-credentials": "false"}


def test_build_and_tests_run_after_the_check_and_publishing_after_both() -> None:
    jobs = site_workflow()["jobs"]
    assert jobs["bouwen"]["needs"] == "controleren"
    assert jobs["testen"]["needs"] == "controleren"
    assert jobs["publiceren"]["needs"] == ["bouwen", "testen"]
    assert steps_run(jobs["bouwen"])[:4] == [
        "make .venv/bin/.installed-serve",
        'python3 scripts/pages_webadres.py >> "$GITHUB_OUTPUT"',
        "bash scripts/install-system-tools.sh",
        ".venv/bin/handboek bouw --doel _pagina",
    ]
    assert steps_run(jobs["testen"]) == ["make test"]


def test_every_pull_request_gets_a_preview_named_in_the_summary() -> None:
    steps = {step["name"]: step for step in site_workflow()["jobs"]["bouwen"]["steps"]}
    pull_request = "github.event_name == 'pull_request'"
    build = steps["Voorbeeld van de site bouwen"]
    assert build["if"] == pull_request
    assert build["run"] == (
        ".venv/bin/mkdocs build --strict --config-file mkdocs-voorbeeld.yml --site-dir _voorbeeld"
    )
    upload = steps["Voorbeeld van de site bewaren"]
    assert upload["if"] == pull_request
    assert upload["uses"].startswith("actions/upload-pages-artifact@")
    assert upload["with"] == {
        "name": "voorbeeld-van-de-site",
        "path": "_voorbeeld",
        "retention-days": "14",
    }
    summary = steps["Voorbeeld noemen in de samenvatting"]
    assert summary["if"] == pull_request
    assert "[voorbeeld-van-de-site]($ARTIFACT_URL)" in summary["run"]
    assert summary["run"].rstrip().endswith('>> "$GITHUB_STEP_SUMMARY"')
    assert summary["env"]["ARTIFACT_URL"].endswith(
        "/artifacts/${{ steps.voorbeeld.outputs.artifact_id }}"
    )
    assert "`voorbeeld-van-de-site`" in CONTRIBUTING


def test_the_preview_opens_without_a_web_server(project_copy: Path) -> None:
    shutil.copy2(ROOT / "mkdocs-voorbeeld.yml", project_copy)
    result = run_build(project_copy, None, "--config-file", "mkdocs-voorbeeld.yml")
    assert result.returncode == 0, result.output
    # 404.html links from the site's root (a server shows it at any depth); a preview
    # opened from disk never shows it.
    pages = sorted(set(result.site.rglob("*.html")) - {result.site / "404.html"})
    assert len(pages) > 5
    for page in pages:
        text = page.read_text(encoding="utf-8")
        local = [
            href
            for href in re.findall(r'<a [^>]*href="([^"#]*)[^"]*"', text)
            if href and "://" not in href
        ]
        # A page is an .html file (open data: its .json files); never a folder.
        assert [href for href in local if href.endswith("/")] == [], page
        for href in local:
            assert (page.parent / href).is_file(), (page, href)


def test_only_a_push_to_main_that_passed_is_published() -> None:
    jobs = site_workflow()["jobs"]
    main_only = "github.event_name == 'push' && github.ref == 'refs/heads/main'"
    upload = jobs["bouwen"]["steps"][-1]
    assert upload["uses"].startswith("actions/upload-pages-artifact@")
    assert upload["if"] == main_only
    assert upload["with"] == {"path": "_pagina"}  # what the strict build wrote
    deploy = jobs["publiceren"]
    assert deploy["needs"] == ["bouwen", "testen"]
    assert deploy["if"] == main_only
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["concurrency"] == {"group": "pages", "cancel-in-progress": "false"}
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == ["actions/deploy-pages"]


def test_only_the_published_build_gets_the_web_address_of_github_pages() -> None:
    steps = {
        step.get("id") or step["name"]: step for step in site_workflow()["jobs"]["bouwen"]["steps"]
    }
    address = steps["webadres"]
    assert address["if"] == "github.event_name == 'push' && github.ref == 'refs/heads/main'"
    assert address["env"] == {"GH_TOKEN": "${{ github.token }}"}
    build = steps["Site strikt bouwen (een waarschuwing is een fout)"]
    assert build["env"] == {"HANDBOEK_WEBADRES": "${{ steps.webadres.outputs.webadres }}"}
    assert "env" not in site_workflow()["jobs"]["testen"]
    assert "site_url: !ENV HANDBOEK_WEBADRES\n" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")


def test_the_tests_get_debian_chromium_and_java() -> None:
    # make test runs scripts/install-system-tools.sh, which installs what is missing as root.
    container = site_workflow()["jobs"]["testen"]["container"]
    assert container.endswith("-bookworm") or container.startswith("debian:")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^test: .*\n\tbash scripts/install-system-tools.sh$", makefile, re.M)
    script = (ROOT / "scripts" / "install-system-tools.sh").read_text(encoding="utf-8")
    for tool in ("[ -x /usr/bin/chromium ] || missing+=(chromium)", "default-jre-headless"):
        assert tool in script
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for package in ("`chromium`", "`default-jre-headless`", "`libatomic1`"):
        assert package in readme


# --- pre-commit and the pull request template ----------------------------------------


def test_pre_commit_runs_the_same_check_as_make_check() -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert len(config["repos"]) == 1
    repo = config["repos"][0]
    assert repo["repo"] == "local"
    [hook] = repo["hooks"]
    assert hook["entry"] == ".venv/bin/handboek check"
    assert hook["language"] == "system"
    assert hook["pass_filenames"] is False
    assert re.search(hook["files"], "content/omgevingen/verenigingen.md")
    assert not re.search(hook["files"], "README.md")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^check:.*\n\t\$\(BIN\)/handboek check$", makefile, re.M)


def test_the_pull_request_template_is_dutch_and_names_the_checks() -> None:
    template = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    for phrase in ("## Wat verandert er?", "`handboek check`", "`volgende_beoordeling`"):
        assert phrase in template


# --- CONTRIBUTING.md -------------------------------------------------------------------


def example(name: str) -> str:
    """The code block right after `<!-- voorbeeld: name -->` in CONTRIBUTING.md."""
    match = re.search(rf"<!-- voorbeeld: {name} -->\n```\w+\n(.*?)```\n", CONTRIBUTING, re.S)
    assert match, f"voorbeeld '{name}' ontbreekt in CONTRIBUTING.md"
    return match.group(1)


def test_the_example_output_in_contributing_is_real(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_content(tmp_path, {"omgevingen/verenigingen.md": example("invoer")})
    assert run_check(tmp_path, monkeypatch, capsys) == (1, example("uitvoer"))


def test_the_review_example_in_contributing_is_real(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    page = PAGE.replace("Redactie Gemeente Voorbeeld", "Redactie handreiking").replace(
        "volgende_beoordeling: 2027-01-15", "volgende_beoordeling: 2026-11-30"
    )
    write_content(tmp_path, {"over.md": page})
    block = re.search(r"## Beoordelingsdatums.*?```text\n(.*?)```", CONTRIBUTING, re.S)
    assert block
    assert run_check(tmp_path, monkeypatch, capsys) == (0, block.group(1))


def test_the_vscode_task_matches_the_check_output() -> None:
    task = json.loads(example("vscode-taak"))["tasks"][0]
    assert task["command"] == ".venv/bin/handboek check"
    notice, error = (re.compile(m["pattern"]["regexp"]) for m in task["problemMatcher"])
    notice_line = "content/over.md:6: let op: de pagina had op 2026-11-30 opnieuw beoordeeld"
    output = [*example("uitvoer").splitlines(), notice_line]
    problems = [line for line in output if re.match(r"^\S+:\d+: ", line)]
    assert [bool(error.match(line)) for line in problems] == [True] * 5 + [False]
    assert [bool(notice.match(line)) for line in problems] == [False] * 5 + [True]
    assert error.match(problems[0]).groups() == (
        "content/omgevingen/verenigingen.md",
        "2",
        "onbekend veld 'titl'",
    )


def test_the_field_table_in_contributing_lists_every_field() -> None:
    table = re.findall(r"^\| `(\w+)` \|", CONTRIBUTING, re.M)

    def names(group: tuple[fields.Field, ...]) -> list[str]:
        return [n for f in group for n in (f.name, *names(f.children))]

    assert table == names(fields.ENVIRONMENT_FIELDS)


def test_contributing_names_the_schema_files_that_exist() -> None:
    for name in schema.SCHEMA_FILES:
        assert f"schemas/{name}" in CONTRIBUTING
        assert (ROOT / "schemas" / name).is_file()


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_generated_site_folder_of_the_pipeline_is_not_committed() -> None:
    listed = subprocess.run(
        ["git", "ls-files", "_pagina"], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert listed.stdout == ""


# --- scripts/pages_webadres.py ---------------------------------------------------------

PAGES_SCRIPT = ROOT / "scripts" / "pages_webadres.py"
REPOSITORY = "gemeente-voorbeeld/handboek"  # fictional


@dataclass
class FakeGitHub:
    """A local stand-in for GitHub's REST API: one answer, and the requests it got."""

    url: str
    status: int = 200
    body: str = '{"html_url": "https://gemeente-voorbeeld.github.io/handboek/"}'
    requests: list[tuple[str, str | None]] = field(default_factory=list)


@pytest.fixture
def github() -> Iterator[FakeGitHub]:
    fake = FakeGitHub("")

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            fake.requests.append((self.path, self.headers.get("Authorization")))
            self.send_response(fake.status)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(fake.body.encode("utf-8"))

        def log_message(self, *arguments: object) -> None:
            pass

    with http_server(Handler) as url:
        fake.url = url
        yield fake


def pages_webadres(api: str, **unset: str) -> subprocess.CompletedProcess[str]:
    environment = {
        "PATH": os.environ["PATH"],
        "GITHUB_API_URL": api,
        "GITHUB_REPOSITORY": REPOSITORY,
        "GH_TOKEN": "geheim",
    }
    for name in unset:
        environment.pop(name)
    return subprocess.run(
        [sys.executable, str(PAGES_SCRIPT)],
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
        check=False,
    )


def test_the_web_address_is_read_from_github_pages(github: FakeGitHub) -> None:
    completed = pages_webadres(github.url)
    assert (completed.returncode, completed.stderr) == (0, "")
    assert completed.stdout == "webadres=https://gemeente-voorbeeld.github.io/handboek/\n"
    assert github.requests == [(f"/repos/{REPOSITORY}/pages", "Bearer geheim")]


@pytest.mark.parametrize(
    ("status", "body", "message", "hint"),
    [
        (
            404,
            '{"message": "Not Found"}',
            f"{REPOSITORY} heeft geen GitHub Pages-site",
            "zet Pages aan: Settings > Pages > Source: 'GitHub Actions'",
        ),
        (
            403,
            '{"message": "Resource not accessible by integration"}',
            "GitHub gaf 403 (Forbidden) op de vraag naar het webadres",
            "geef de taak 'permissions: pages: read' en probeer het later opnieuw",
        ),
        (
            200,
            '{"html_url": "http://gemeente-voorbeeld.github.io/handboek/"}',
            "het webadres van de site is niet op te vragen (onverwacht antwoord: html_url is "
            "'http://gemeente-voorbeeld.github.io/handboek/')",
            "probeer het opnieuw",
        ),
        (
            200,
            "[]",
            "het webadres van de site is niet op te vragen (onverwacht antwoord: html_url is None)",
            "probeer het opnieuw",
        ),
    ],
)
def test_no_web_address_stops_the_publication_with_a_dutch_message(
    github: FakeGitHub, status: int, body: str, message: str, hint: str
) -> None:
    github.status, github.body = status, body
    completed = pages_webadres(github.url)
    assert completed.returncode == 1
    assert completed.stdout == ""  # nothing for $GITHUB_OUTPUT
    assert completed.stderr == f"webadres: {message}\n    tip: {hint}\n"


def test_the_script_names_what_the_workflow_must_give_it() -> None:
    completed = pages_webadres("http://127.0.0.1:9", GH_TOKEN="")
    assert completed.returncode == 1
    assert completed.stderr == (
        "webadres: GH_TOKEN ontbreekt\n"
        "    tip: dit script draait in de workflow; geef GH_TOKEN mee als ${{ github.token }}\n"
    )


# --- scripts/install-system-tools.sh ----------------------------------------------------


def test_the_system_tools_script_names_what_is_missing_to_a_user_who_is_not_root(
    tmp_path: Path,
) -> None:
    # A machine without java, as a user who is not root: nothing installed, the command shown.
    bin_folder = tmp_path / "bin"
    bin_folder.mkdir()
    for tool in ("bash", "grep"):
        (bin_folder / tool).symlink_to(shutil.which(tool) or f"/usr/bin/{tool}")
    (bin_folder / "id").write_text("#!/bin/sh\necho 1000\n", encoding="utf-8")
    (bin_folder / "id").chmod(0o755)
    completed = subprocess.run(
        [str(bin_folder / "bash"), str(ROOT / "scripts" / "install-system-tools.sh")],
        capture_output=True,
        text=True,
        env={"PATH": str(bin_folder)},
        timeout=60,
        check=False,
    )
    missing = " ".join(
        package
        for package, present in (
            ("chromium", Path("/usr/bin/chromium").exists()),
            ("default-jre-headless", False),
            ("libatomic1", True),
        )
        if not present
    )
    assert (completed.returncode, completed.stdout) == (1, "")
    assert completed.stderr == (
        f"Nodig voor de tests, maar niet gevonden: {missing}\n"
        f"    tip: installeer het met: sudo apt-get install {missing}\n"
        "         en start daarna opnieuw: make test\n"
    )
