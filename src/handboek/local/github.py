"""The few calls to GitHub's REST API that a fork's workflows make, with Dutch errors.

The address of the API comes from GITHUB_API_URL (GitHub Actions sets it; tests
point it at a local stand-in), the repository from GITHUB_REPOSITORY and the
token from GH_TOKEN (the workflow passes `${{ github.token }}`). Standard
library only.

`explain` turns GitHub's refusals into what a municipality can do about
them, above all the switch "Allow GitHub Actions to create and approve pull
requests", which is off in a new repository.
"""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Any

NEEDED = ("GITHUB_API_URL", "GITHUB_REPOSITORY", "GH_TOKEN")

# GitHub's answer when the repository does not let workflows open pull requests.
_PULL_REQUESTS_OFF = "not permitted to create or approve pull requests"

# The states of a workflow in GitHub's API that mean: the schedule does not run.
SCHEDULE_OFF = {
    "disabled_fork": "GitHub zet geplande workflows in een nieuwe fork uit",
    "disabled_inactivity": "GitHub zet geplande workflows uit als er 60 dagen niets in de "
    "repository is veranderd",
    "disabled_manually": "iemand heeft de workflow uitgezet",
}


class GitHubError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(f"{status}: {message}")
        self.status = status
        self.message = message


class MissingSetting(Exception):
    """An environment variable the workflow must set is missing."""


@dataclass(frozen=True)
class GitHub:
    api: str
    repository: str  # owner/name
    token: str
    enable_workflow: bool = False  # may switch the weekly update on (HANDREIKING_AAN_HOUDEN)

    @classmethod
    def from_environment(cls) -> GitHub:
        missing = [name for name in NEEDED if not os.environ.get(name)]
        if missing:
            raise MissingSetting(", ".join(missing))
        return cls(
            os.environ["GITHUB_API_URL"].rstrip("/"),
            os.environ["GITHUB_REPOSITORY"],
            os.environ["GH_TOKEN"],
            os.environ.get("HANDREIKING_AAN_HOUDEN") == "ja",
        )

    def call(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        request = urllib.request.Request(
            f"{self.api}{path}",
            method=method,
            data=None if body is None else json.dumps(body).encode("utf-8"),
            headers={
                "Accept": "application/vnd.github+json",
                "Authorization": f"Bearer {self.token}",
                "X-GitHub-Api-Version": "2022-11-28",
                "Content-Type": "application/json",
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                data = response.read()
        except urllib.error.HTTPError as error:
            text = error.read().decode("utf-8", "replace")
            try:
                message = str(json.loads(text).get("message", text))
            except (ValueError, AttributeError):
                message = text
            raise GitHubError(error.code, message) from None
        except (urllib.error.URLError, TimeoutError) as error:
            raise GitHubError(0, str(getattr(error, "reason", error))) from None
        return json.loads(data) if data else None

    @property
    def owner(self) -> str:
        return self.repository.split("/")[0]

    def upstream_url(self) -> str | None:
        """The git address of the repository this one was forked from (None: not a fork)."""
        repository = self.call("GET", f"/repos/{self.repository}")
        parent = repository.get("parent") if isinstance(repository, dict) else None
        return parent.get("clone_url") if isinstance(parent, dict) else None

    def open_pull(self, branch: str) -> dict[str, Any] | None:
        query = urllib.parse.urlencode({"head": f"{self.owner}:{branch}", "state": "open"})
        found = self.call("GET", f"/repos/{self.repository}/pulls?{query}")
        return found[0] if found else None

    def create_or_update_pull(self, branch: str, base: str, title: str, body: str) -> str:
        """The one open pull request from `branch`: its text updated, or it is opened. Its URL."""
        existing = self.open_pull(branch)
        if existing is not None:
            updated = self.call(
                "PATCH",
                f"/repos/{self.repository}/pulls/{existing['number']}",
                {"title": title, "body": body},
            )
            return str(updated["html_url"])
        created = self.call(
            "POST",
            f"/repos/{self.repository}/pulls",
            {"title": title, "head": branch, "base": base, "body": body},
        )
        return str(created["html_url"])

    def workflow_state(self, workflow_file: str) -> str:
        found = self.call("GET", f"/repos/{self.repository}/actions/workflows/{workflow_file}")
        return str(found.get("state", "")) if isinstance(found, dict) else ""


def explain(error: GitHubError, repository: str) -> tuple[str, str]:
    """What went wrong and what to do, in Dutch."""
    if error.status == 403 and _PULL_REQUESTS_OFF in error.message:
        return (
            "GitHub staat niet toe dat deze workflow een pull request opent",
            f"zet het aan in {repository}: Settings > Actions > General > Workflow permissions: "
            "vink 'Allow GitHub Actions to create and approve pull requests' aan en klik op "
            "Save; start de workflow daarna opnieuw (tab Actions, knop 'Run workflow')",
        )
    if error.status in (401, 403):
        return (
            f"GitHub weigert deze workflow ({error.status}: {error.message})",
            "zet in Settings > Actions > General > Workflow permissions 'Read and write "
            "permissions' aan, of geef de workflow de rechten die in het workflowbestand staan",
        )
    if error.status == 0:
        return (
            f"GitHub is niet bereikbaar ({error.message})",
            "probeer het later opnieuw (tab Actions, knop 'Re-run jobs')",
        )
    return (
        f"GitHub gaf {error.status} ({error.message})",
        "probeer het later opnieuw; blijft het misgaan, meld het dan bij de landelijke handreiking",
    )
