"""Print the web address of this repository's GitHub Pages site, for the build in CI.

    python3 scripts/pages_webadres.py >> "$GITHUB_OUTPUT"

The workflow runs this before the strict build that it publishes, and passes
the address to MkDocs as HANDBOEK_WEBADRES (`site_url` in mkdocs.yml). With
it, the sitemap lists every page, pages name their canonical address, and the
404 page finds its styles and links when the site lives in a folder such as
https://owner.github.io/repository/.

It asks GitHub's REST API for the Pages site (GET /repos/{owner}/{repo}/pages,
read from GITHUB_API_URL and GITHUB_REPOSITORY, with the token in GH_TOKEN;
the job needs `pages: read`) and prints `webadres=<html_url>`, the address
actions/configure-pages reports as well, custom domain included. A
municipality that sets `webadres` in lokaal/gemeente.yml overrides it.

Any failure is reported in Dutch on stderr, with a tip, and exits 1: the site
is then not published with a wrong address. Standard library only, so it runs
before the project is installed.
"""

from __future__ import annotations

import json
import os
import sys
import urllib.error
import urllib.request

NEEDED = ("GITHUB_API_URL", "GITHUB_REPOSITORY", "GH_TOKEN")


def pages_address(api: str, repository: str, token: str) -> str:
    """The `html_url` of the repository's Pages site; HTTPError or URLError when unreachable."""
    request = urllib.request.Request(
        f"{api.rstrip('/')}/repos/{repository}/pages",
        headers={
            "Accept": "application/vnd.github+json",
            "Authorization": f"Bearer {token}",
            "X-GitHub-Api-Version": "2022-11-28",
        },
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        site = json.load(response)
    address = site.get("html_url") if isinstance(site, dict) else None
    if not isinstance(address, str) or not address.startswith("https://"):
        raise ValueError(f"onverwacht antwoord: html_url is {address!r}")
    return address


def main() -> int:
    missing = [name for name in NEEDED if not os.environ.get(name)]
    if missing:
        _fail(
            f"{', '.join(missing)} ontbreekt",
            "dit script draait in de workflow; geef GH_TOKEN mee als ${{ github.token }}",
        )
        return 1
    repository = os.environ["GITHUB_REPOSITORY"]
    try:
        address = pages_address(os.environ["GITHUB_API_URL"], repository, os.environ["GH_TOKEN"])
    except urllib.error.HTTPError as error:
        if error.code == 404:
            _fail(
                f"{repository} heeft geen GitHub Pages-site",
                "zet Pages aan: Settings > Pages > Source: 'GitHub Actions'",
            )
        else:
            _fail(
                f"GitHub gaf {error.code} ({error.reason}) op de vraag naar het webadres",
                "geef de taak 'permissions: pages: read' en probeer het later opnieuw",
            )
        return 1
    except (urllib.error.URLError, TimeoutError, ValueError) as error:
        reason = getattr(error, "reason", error)
        _fail(f"het webadres van de site is niet op te vragen ({reason})", "probeer het opnieuw")
        return 1
    print(f"webadres={address}")
    return 0


def _fail(message: str, hint: str) -> None:
    print(f"webadres: {message}\n    tip: {hint}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
