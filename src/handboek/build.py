"""Building the site safely: build next to the target, then swap it into place.

`mkdocs build --strict` first empties its target folder, then writes the
whole site, and only at the end stops on strict warnings (a broken link, a
missing anchor). Building straight into `site/` can therefore leave a
half-built or failed site where the last good one was. `build_site` instead:

1. makes a fresh, empty folder next to the target (same file system);
2. runs `python -m mkdocs build --strict` into that folder, as a subprocess
   (this package never imports MkDocs);
3. only when MkDocs succeeded: renames the old site away, renames the new
   one in, and removes the old one.

Between 2 and 3, the whole guide is printed to a PDF (`afdrukken/handreiking.pdf`)
from the print-all page, with Debian's Chromium (`chromium --headless
--print-to-pdf`): the browser the tests already need, and the same engine that
prints for readers, so the PDF is exactly what Ctrl+P on /afdrukken/ gives (CSS
page sizes, the landscape overview, page numbers in the margins). WeasyPrint
would be a second layout engine with its own differences to test. Without
Chromium the site is built without the PDF (and without the link to it, since
MkDocs is told through HANDBOEK_PDF), and the build says so. The PDF's dates are
set to SOURCE_DATE_EPOCH, so two builds of one commit give the same bytes.

When the build fails, the fresh folder is removed and the old site is left
exactly as it was. A target that is not a site (the project folder, `content/`)
is refused before anything happens, since the swap would move it away. MkDocs
prints its own output (including the Dutch list of content errors from the
hook); the caller says in Dutch what happened.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import secrets
import shutil
import subprocess
import sys
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
PDF_PATH = "afdrukken/handreiking.pdf"
PRINT_PAGE = "afdrukken/index.html"
_NODE_ID = re.compile(rb"\(node(\d+)\)")
_PDF_DATE = re.compile(rb"\(D:\d{14}[+\-Z][^)]*\)")


class UnsafeTarget(Exception):
    """The target folder is not a (previous) site, so replacing it would lose work."""


def build_site(
    root: Path, target: Path, config: str | None = None, site_url: str | None = None
) -> bool:
    """Build the site of the project in `root` into `target`; True when it succeeded.

    `target` is replaced only by a complete site that passed `--strict`.
    `config` is another MkDocs config file (a fork's `INHERIT: mkdocs.yml`).
    `site_url` is the web address links in the PDF go to (default: HANDBOEK_WEBADRES).
    """
    site_url = site_url or os.environ.get("HANDBOEK_WEBADRES") or None
    target = root / target
    _refuse_unsafe(root, target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fresh = _sibling_folder(target, "nieuw")
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(fresh)]
    if config is not None:
        command += ["--config-file", config]
    environment = dict(os.environ)
    with_pdf = CHROMIUM.is_file()
    if with_pdf:
        environment["HANDBOEK_PDF"] = PDF_PATH
    else:
        environment.pop("HANDBOEK_PDF", None)
        print(
            f"Let op: geen PDF gemaakt, want Chromium staat niet op {CHROMIUM}. De site wordt "
            "wel gebouwd, zonder link naar de PDF. Installeer Chromium (zie "
            "scripts/install-system-tools.sh) en bouw opnieuw voor een PDF.",
            file=sys.stderr,
        )
    try:
        # Material 9.8 prints an English end-of-life banner without this switch.
        environment["NO_MKDOCS_2_WARNING"] = "1"
        completed = subprocess.run(command, cwd=root, check=False, env=environment)
        if completed.returncode != 0:
            return False
        if with_pdf and not write_pdf(fresh, site_url):
            return False
        _swap_in(fresh, target)
        return True
    finally:
        if fresh.exists():
            shutil.rmtree(fresh)


def write_pdf(site: Path, site_url: str | None) -> bool:
    """Print the site's print-all page to `PDF_PATH` in the site; False (and why) on failure.

    Chromium prints from the folder, so a link to another page of the site points into it
    (file://...). Such links are set to the online site at `site_url`, or taken out when
    there is none (a local build): no path of this computer ends up in the PDF.
    """
    page = site / PRINT_PAGE
    pdf = site / PDF_PATH
    command = [
        str(CHROMIUM),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--no-pdf-header-footer",
        # Let the page's scripts finish before printing (virtual time: no waiting), so that
        # every build prints the same page, also on a busy machine.
        "--virtual-time-budget=10000",
        f"--print-to-pdf={pdf}",
        page.resolve().as_uri(),
    ]
    try:
        subprocess.run(command, check=True, capture_output=True, timeout=180)
    except (OSError, subprocess.SubprocessError) as error:
        print(f"De PDF kon niet gemaakt worden met {CHROMIUM}: {error}", file=sys.stderr)
        return False
    if not pdf.is_file():
        print(f"De PDF kon niet gemaakt worden: {CHROMIUM} schreef geen bestand.", file=sys.stderr)
        return False
    data = _fixed_dates(pdf.read_bytes())
    pdf.write_bytes(_stable_node_ids(_online_links(data, site.resolve().as_uri(), site_url)))
    return True


def _online_links(data: bytes, folder_uri: str, site_url: str | None) -> bytes:
    import io

    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject, TextStringObject

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    prefix = folder_uri.rstrip("/") + "/"
    base = (site_url or "").rstrip("/") + "/"
    for page in writer.pages:
        for reference in page.get("/Annots") or []:
            annotation = reference.get_object()
            action = annotation.get("/A")
            uri = str(action.get("/URI", "")) if action is not None else ""
            if not uri.startswith(prefix):
                continue
            if site_url:
                action[NameObject("/URI")] = TextStringObject(base + uri[len(prefix) :])
            else:
                del annotation["/A"]  # no link (the annotation stays: the tags refer to it)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _stable_node_ids(data: bytes) -> bytes:
    """The PDF with the ids Chromium gives table cells (`/ID (node00000289)`, for the
    header references of an accessible table) numbered 0, 1, 2, ... in their own order.

    Chromium counts them from an internal counter that depends on timing, so two builds
    of one commit could differ there. Same length (the n-th smallest of distinct numbers is
    at least n - 1) and same order: the byte offsets and the sorted tree of ids stay right.
    """
    found = sorted(set(_NODE_ID.findall(data)))
    numbers = {old: f"{rank:0{len(old)}d}".encode() for rank, old in enumerate(found)}
    return _NODE_ID.sub(lambda match: b"(node" + numbers[match.group(1)] + b")", data)


def _fixed_dates(data: bytes) -> bytes:
    """The PDF with its creation and change dates set to SOURCE_DATE_EPOCH (when set).

    Same length, so the PDF's table of byte offsets stays right.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        return data
    moment = dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).strftime("%Y%m%d%H%M%S")

    def fixed(match: re.Match[bytes]) -> bytes:
        date = f"(D:{moment}+00'00')".encode()
        return date if len(date) == len(match.group(0)) else match.group(0)

    return _PDF_DATE.sub(fixed, data)


def _refuse_unsafe(root: Path, target: Path) -> None:
    if root.resolve().is_relative_to(target.resolve()):
        raise UnsafeTarget("dit is de map van het project zelf (of een map erboven)")
    if target.exists() and not target.is_dir():
        raise UnsafeTarget("dit is een bestand, geen map")
    if target.is_dir() and any(target.iterdir()) and not (target / "index.html").is_file():
        raise UnsafeTarget("deze map is geen gebouwde site (er staat geen index.html in)")


def _swap_in(fresh: Path, target: Path) -> None:
    """Replace `target` by `fresh` with two renames; restore `target` if the second fails."""
    if not target.exists():
        fresh.rename(target)
        return
    holder = _sibling_folder(target, "oud")
    retired = holder / target.name
    target.rename(retired)
    try:
        fresh.rename(target)
    except OSError:
        retired.rename(target)
        holder.rmdir()
        raise
    shutil.rmtree(holder)


def _sibling_folder(target: Path, label: str) -> Path:
    """A new, empty, hidden folder next to `target`, created with the user's umask.

    (Not `tempfile.mkdtemp`: its folders are private (0700), and the new site
    folder must get the same permissions as a folder MkDocs would make.)
    """
    folder = target.parent / f".{target.name}-{label}-{os.getpid()}-{secrets.token_hex(4)}"
    folder.mkdir()
    return folder
