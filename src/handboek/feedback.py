"""From reader to editor: "Klopt er iets niet?" and "Pas deze pagina aan" on every page.

Both links go to the repository the site is built from, set once: the
workflow passes `${{ github.server_url }}/${{ github.repository }}` as
HANDBOEK_REPOSITORY (mkdocs.yml: `extra.handboek_repository`), so a fork
links to its own repository without a change. The first link opens a new
issue with the form .github/ISSUE_TEMPLATE/klopt-er-iets-niet.yml, filled in
with the page's title and address; the second opens the page's source file in
GitHub's editor (on a generated page: the folder of the environments it is
made from). Plain links: no script, nothing counted. Without a repository
address (a local build) the page says so instead of showing a dead link.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote, urlencode

ISSUE_FORM = "klopt-er-iets-niet.yml"
# The id of the page field in the issue form: GitHub fills a field in from `?<id>=...`.
ISSUE_PAGE_FIELD = "pagina"
_REPOSITORY = re.compile(r"^https://[A-Za-z0-9.-]+(?::\d+)?/[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$")
_BRANCH = re.compile(r"^[A-Za-z0-9._/-]+$")


@dataclass(frozen=True)
class FeedbackLinks:
    """The two links at the bottom of one page."""

    issue: str
    """A new issue, filled in with the page's title and address."""
    edit: str
    """The page's source in GitHub's editor, or the folder it is made from."""
    edit_is_folder: bool
    """Whether `edit` is a folder (a generated page)."""


def repository_problem(repository: str, branch: str) -> str | None:
    """What is wrong with the repository setting, in Dutch; None when it is usable ('' is)."""
    if repository and not _REPOSITORY.match(repository.removesuffix("/")):
        return (
            f"HANDBOEK_REPOSITORY '{repository}' is geen adres van een repository; verwacht "
            "wordt bijvoorbeeld https://github.com/gemeente-voorbeeld/handreiking"
        )
    if repository and not _BRANCH.match(branch):
        return f"HANDBOEK_BRANCH '{branch}' is geen naam van een branch"
    return None


@dataclass(frozen=True)
class Repository:
    """Where the site's source lives: the repository's web address and its branch."""

    address: str
    """`https://<host>/<owner>/<name>` (HANDBOEK_REPOSITORY)."""
    branch: str
    """The branch the site is built from (HANDBOEK_BRANCH)."""


def feedback_links(
    repository: Repository, title: str, address: str, source: str | None, folder: str
) -> FeedbackLinks:
    """The two links of one page. `source` is its file relative to the repository's root
    (None for a generated page: then `folder` is where its text comes from)."""
    base = repository.address.removesuffix("/").removesuffix(".git")
    query = urlencode(
        {
            "template": ISSUE_FORM,
            "title": f"Klopt er iets niet? {title}",
            ISSUE_PAGE_FIELD: f"{title} ({address})",
        },
        quote_via=quote,
    )
    branch_path = quote(repository.branch, safe="/")
    if source is None:
        edit = f"{base}/tree/{branch_path}/{quote(folder, safe='/')}"
    else:
        edit = f"{base}/edit/{branch_path}/{quote(source, safe='/')}"
    return FeedbackLinks(f"{base}/issues/new?{query}", edit, source is None)
