"""A municipality's fork, end to end: scaffold, fill, merge upstream, build.

The fork's data is the fictional "Gemeente Voorbeeld" of
tests/fixtures/gemeente-voorbeeld/; it never enters content/ or the upstream
site (the last test checks that).
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from handboek import cli
from handboek.check import check_content
from handboek.local import drift
from tests.conftest import ROOT, copy_project, run_build

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "gemeente-voorbeeld"
NAME = "Gemeente Voorbeeld"
# The note of the fixture that the upstream change below affects, and where it starts.
NOTE_FILE = "lokaal/omgevingen/buurtgemeenschappen.yml"
NOTE_LINE = 12
POINT = "Ondersteunen, niet overnemen"
NEW_SENTENCE = "Een nieuwe zin van upstream."


def git(cwd: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    """git without the user's or system's configuration."""
    environment = {
        **os.environ,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@voorbeeld.example",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@voorbeeld.example",
    }
    return subprocess.run(
        ["git", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", *arguments],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def run(root: Path, monkeypatch: pytest.MonkeyPatch, *arguments: str) -> int:
    monkeypatch.chdir(root)
    return cli.main(list(arguments))


def environment_slugs() -> list[str]:
    return sorted(path.stem for path in (ROOT / "content" / "omgevingen").glob("*.md"))


def fill_with_fixture(fork: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The scaffold, then the fictional data of Gemeente Voorbeeld, with notes recorded."""
    shutil.copytree(FIXTURE, fork / "lokaal", dirs_exist_ok=True)
    notes = sorted(f"lokaal/omgevingen/{path.name}" for path in (FIXTURE / "omgevingen").iterdir())
    assert run(fork, monkeypatch, "gemeente", "herzien", *notes) == 0


def text_of(markup: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


# --- starting a fork ------------------------------------------------------------------


def test_scaffold_writes_the_layer_and_refuses_to_overwrite(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    fork = copy_project(tmp_path / "fork")
    assert run(fork, monkeypatch, "gemeente", "nieuw", NAME) == 0
    created = [
        "lokaal/gemeente.yml",
        *(f"lokaal/omgevingen/{slug}.yml" for slug in environment_slugs()),
        "lokaal/paginas/contact.md",
        "lokaal/paginas/toegankelijkheid.md",
        "lokaal/paginas/privacy.md",
    ]
    assert capsys.readouterr().out == (
        f"De lokale laag van {NAME} staat klaar:\n"
        + "".join(f"  {path}\n" for path in created)
        + "Vul alles in wat met [in te vullen: ...] gemarkeerd is; .venv/bin/handboek check laat "
        "zien wat nog ontbreekt.\nZie FORKING.md voor de volgende stappen.\n"
    )
    assert sorted(p.relative_to(fork).as_posix() for p in (fork / "lokaal").rglob("*.*")) == sorted(
        created
    )
    before = {path: (fork / path).read_bytes() for path in created}
    assert run(fork, monkeypatch, "gemeente", "nieuw", "Gemeente Anders") == 2
    assert capsys.readouterr().err == (
        "lokaal/ bestaat al; er is niets overschreven\n"
        "    tip: pas de bestanden in lokaal/ zelf aan; .venv/bin/handboek check zegt wat er mist\n"
    )
    assert {path: (fork / path).read_bytes() for path in created} == before


def test_a_fresh_scaffold_fails_the_check_only_on_what_must_be_filled_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fork = copy_project(tmp_path / "fork")
    assert run(fork, monkeypatch, "gemeente", "nieuw", NAME) == 0
    problems = check_content(fork / "content", fork).problems
    assert problems, "een nieuwe lokale laag moet eerst ingevuld worden"
    assert {problem.message.split(":")[0] for problem in problems} == {
        "hier staat nog een invulplek"
    }
    assert [p.format().split("\n")[0] for p in problems if p.path.endswith("contact.md")] == [
        "lokaal/paginas/contact.md:4: hier staat nog een invulplek: "
        "[in te vullen: het team of de rol die deze pagina beheert]",
        "lokaal/paginas/contact.md:11: hier staat nog een invulplek: "
        "[in te vullen: bij wie lezers terechtkunnen, met e-mailadres, telefoonnummer en "
        "bereikbaarheid.]",
    ]
    assert {problem.path for problem in problems} <= {
        "lokaal/paginas/contact.md",
        "lokaal/paginas/toegankelijkheid.md",
        "lokaal/paginas/privacy.md",
    }


def test_the_scaffolds_commented_example_note_is_valid(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fork = copy_project(tmp_path / "fork")
    assert run(fork, monkeypatch, "gemeente", "nieuw", NAME) == 0
    shutil.copytree(FIXTURE / "paginas", fork / "lokaal" / "paginas", dirs_exist_ok=True)
    for file in (fork / "lokaal" / "omgevingen").glob("*.yml"):
        text = file.read_text(encoding="utf-8")
        example = text[text.index("# notities:") :]
        uncommented = "\n".join(line[2:] for line in example.split("\n")).replace(
            "...", "Zo doen wij dit."
        )
        file.write_text(text.replace(example, uncommented), encoding="utf-8")
    problems = [p.format() for p in check_content(fork / "content", fork).problems]
    assert [p.split("\n")[0].split(": let op: ")[1] for p in problems] == [
        "nog niet vastgelegd bij welke tekst van upstream deze notitie hoort"
    ] * len(environment_slugs())


# --- taking upstream updates ----------------------------------------------------------


def _change_upstream(upstream: Path) -> None:
    """An upstream commit touching content, mkdocs.yml, templates and styles."""
    environment = upstream / "content/omgevingen/buurtgemeenschappen.md"
    text = environment.read_text(encoding="utf-8")
    point_line = next(line for line in text.split("\n") if line.startswith(f"- **{POINT}.**"))
    environment.write_text(
        text.replace(point_line, f"{point_line} {NEW_SENTENCE}"), encoding="utf-8"
    )
    config = upstream / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").split("\n")
    index = next(i for i, line in enumerate(lines) if line.startswith("site_description:"))
    lines[index] = "site_description: Nieuwe omschrijving van upstream."
    config.write_text("\n".join(lines), encoding="utf-8")
    template = upstream / "overrides/omgeving.html"
    template.write_text(
        template.read_text(encoding="utf-8").replace(
            "{% endblock %}",
            '  <p class="handboek-upstream-test">Nieuw sjabloon van upstream</p>\n{% endblock %}',
        ),
        encoding="utf-8",
    )
    with (upstream / "overrides/assets/handboek.css").open("a", encoding="utf-8") as css:
        css.write("\n.handboek-upstream-test {\n  font-weight: 700;\n}\n")


def test_a_fork_merges_upstream_without_conflicts_and_builds_with_local_content(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    upstream = copy_project(tmp_path / "upstream")
    ok(git(upstream, "init", "--quiet"))
    ok(git(upstream, "add", "--all"))
    ok(git(upstream, "commit", "--quiet", "-m", "Upstream"))
    ok(git(tmp_path, "clone", "--quiet", str(upstream), "fork"))
    fork = tmp_path / "fork"
    ok(git(fork, "remote", "add", "upstream", str(upstream)))

    # The fork: scaffold, fill, record the notes; it changes nothing outside lokaal/.
    assert run(fork, monkeypatch, "gemeente", "nieuw", NAME) == 0
    fill_with_fixture(fork, monkeypatch)
    assert check_content(fork / "content", fork).problems == ()
    ok(git(fork, "add", "--all"))
    ok(git(fork, "commit", "--quiet", "-m", "Lokale laag van Gemeente Voorbeeld"))
    changed = ok(git(fork, "show", "--name-only", "--format=", "HEAD")).split()
    assert changed and all(path.startswith("lokaal/") for path in changed)

    _change_upstream(upstream)
    ok(git(upstream, "commit", "--quiet", "--all", "-m", "Upstream: inhoud, instellingen, stijl"))

    ok(git(fork, "fetch", "--quiet", "upstream"))
    ok(git(fork, "merge", "--no-edit", "upstream/main"))
    assert ok(git(fork, "diff", "--name-only", "--diff-filter=U")) == ""

    build = run_build(fork)
    assert build.returncode == 0, build.output
    assert (
        f"{NOTE_FILE}:{NOTE_LINE}: let op: te herzien: de tekst van upstream bij deze notitie "
        f"is veranderd (Buurtgemeenschappen › Wat kan de gemeente doen? › {POINT})"
    ) in build.output
    site = build.site

    # Upstream's changes arrived.
    page = read(site, "omgevingen/buurtgemeenschappen/index.html")
    assert NEW_SENTENCE in page
    assert '<p class="handboek-upstream-test">Nieuw sjabloon van upstream</p>' in page
    assert ".handboek-upstream-test {" in read(site, "assets/handboek.css")
    assert 'content="Nieuwe omschrijving van upstream."' in read(site, "404.html")

    # The fork's branding.
    assert (
        f"<title>Buurtgemeenschappen - Informele ondersteuners in de sociale basis – {NAME}" in page
    )
    assert '<img src="../../assets/gemeente/logo.svg" alt="logo">' in page
    assert '<link rel="stylesheet" href="../../assets/gemeente/kleuren.css">' in page
    assert "--md-primary-fg-color: #0b4f3c;" in read(site, "assets/gemeente/kleuren.css")
    assert (
        '<link rel="canonical" href="https://handreiking.voorbeeld.example/omgevingen/'
        'buurtgemeenschappen/">'
    ) in page

    # Local content, marked as local, under the parts it belongs to.
    blocks = dict(
        re.findall(
            r'<section aria-labelledby="([^"]+)" class="handboek-lokaal">(.*?)</section>',
            page,
            re.S,
        )
    )
    assert {anchor: text_of(block) for anchor, block in blocks.items()} == {
        "zo-doen-wij-dit-meerwaarde": f"Zo doen wij dit in {NAME} ¶ Voorbeeldnotitie bij het "
        "hele onderdeel over de meerwaarde.",
        "zo-doen-wij-dit-wat-kan-de-gemeente-doen": f"Zo doen wij dit in {NAME} ¶ Bij het punt "
        f"{POINT} : Zo doen wij dit in {NAME}: bewonersinitiatieven vragen steun aan met één "
        "formulier van één pagina.",
        "lokaal-bruggenbouwers": f"Bruggenbouwers in {NAME} ¶ Buurtteam Voorbeeld-Noord , "
        "opbouwwerker. Contact: noord@voorbeeld.example Wijkcentrum De Voorbeeldhof , "
        "buurtregisseur. Contact: Langs op werkdagen in de Voorbeeldhof",
    }
    order = [
        page.index(f'id="{anchor}"')
        for anchor in (
            "meerwaarde",
            "zo-doen-wij-dit-meerwaarde",
            "wat-werkt",
            "wat-kan-de-gemeente-doen",
            "zo-doen-wij-dit-wat-kan-de-gemeente-doen",
            "bruggenbouwers",
            "lokaal-bruggenbouwers",
            "uit-de-praktijk",
        )
    ]
    assert order == sorted(order)
    assert '<a href="../../gemeente/contact/">Neem contact op met Gemeente Voorbeeld</a>' in page
    verenigingen = read(site, "omgevingen/verenigingen/index.html")
    assert '<a href="https://trainers.voorbeeld.example/">Trainersavonden Voorbeeld</a>' in (
        verenigingen
    )

    # The matrix: local bridge builders under upstream's, marked as local.
    matrix = read(site, "overzicht/index.html")
    # The fixture's notes, for the environments in their volgorde (slugs from content/).
    handbook = check_content(ROOT / "content", ROOT).handbook
    assert handbook is not None
    slugs = [
        env.slug
        for env in handbook.environments
        if (FIXTURE / "omgevingen" / f"{env.slug}.yml").is_file()
    ]
    names = [
        "Buurtteam Voorbeeld-Noord, Wijkcentrum De Voorbeeldhof",
        "Sportservice Voorbeeld",
        "Steunpunt Vrijwilligers Voorbeeld",
    ]
    assert re.findall(r'<li class="handboek-matrix__lokaal">(.*?)</li>', matrix) == [
        f'<a href="../omgevingen/{slug}/#lokaal-bruggenbouwers">In Gemeente Voorbeeld: {name}</a>'
        for slug, name in zip(slugs, names, strict=True)
    ]
    print_all = read(site, "afdrukken/index.html")
    assert 'href="#verenigingen-lokaal-bruggenbouwers"' in print_all
    assert 'id="verenigingen-lokaal-bruggenbouwers"' in print_all

    # Own pages, and own statements at upstream's addresses.
    assert "sociale-basis@voorbeeld.example" in read(site, "gemeente/contact/index.html")
    assert "Een extra lokale pagina" in read(site, "gemeente/onze-aanpak/index.html")
    assert "verzonnen Gemeente Voorbeeld" in read(site, "toegankelijkheid/index.html")
    assert "verzonnen Gemeente Voorbeeld" in read(site, "privacy/index.html")
    # Like upstream's, the municipality's statements are in the footer, not in the menu.
    start = read(site, "index.html")
    menu_links = re.findall(r'<a href="([^"]*)" class="md-nav__link', start)
    assert "gemeente/contact/" in menu_links
    assert "privacy/" not in menu_links
    assert "toegankelijkheid/" not in menu_links
    assert 'href="privacy/"' in start  # in the footer


def test_a_colour_below_wcag_aa_stops_the_build_with_file_and_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fork = copy_project(tmp_path / "fork")
    assert run(fork, monkeypatch, "gemeente", "nieuw", NAME) == 0
    fill_with_fixture(fork, monkeypatch)
    gemeente = fork / "lokaal/gemeente.yml"
    text = gemeente.read_text(encoding="utf-8")
    gemeente.write_text(text.replace('link: "#0b5d46"', 'link: "#7fb3e0"'), encoding="utf-8")
    line = text.split("\n").index('  link: "#0b5d46"') + 1
    build = run_build(fork)
    assert build.returncode == 1
    assert "Traceback" not in build.output
    assert (
        f"lokaal/gemeente.yml:{line}: te weinig contrast voor links in de tekst: 'kleuren.link' "
        "(#7fb3e0) op wit (#ffffff) is 2,22:1, WCAG AA vraagt minstens 4,5:1"
    ) in build.output
    assert not build.site.exists()


def test_te_herzien_goes_away_after_herzien(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    fork = copy_project(tmp_path / "fork")
    assert run(fork, monkeypatch, "gemeente", "nieuw", NAME) == 0
    fill_with_fixture(fork, monkeypatch)
    _change_upstream(fork)
    capsys.readouterr()
    assert run(fork, monkeypatch, "check") == 0
    output = capsys.readouterr().out
    assert (
        f"{NOTE_FILE}:{NOTE_LINE}: let op: te herzien: de tekst van upstream bij deze notitie "
        f"is veranderd (Buurtgemeenschappen › Wat kan de gemeente doen? › {POINT})\n"
        "    tip: lees wat er veranderde, pas de notitie zo nodig aan en draai daarna:\n"
        f"        .venv/bin/handboek gemeente herzien {NOTE_FILE}:{NOTE_LINE}\n"
        "    wijziging in upstream (- oude tekst, + nieuwe tekst):\n"
        "    --- tekst waarbij de notitie is geschreven\n"
        "    +++ tekst van upstream nu\n"
    ) in output
    assert f"    +  {NEW_SENTENCE}\n" in output
    assert output.count("let op: te herzien") == 1
    # Under its own heading, not under the review dates' "Te beoordelen".
    heading = "\nTe herzien (de gemeente kijkt haar notitie na bij de nieuwe tekst):\n"
    assert f"{heading}  {NOTE_FILE}\n" in output
    assert "Te beoordelen" not in output.split(heading)[1].split("\n\n")[0]

    assert run(fork, monkeypatch, "gemeente", "herzien", f"{NOTE_FILE}:{NOTE_LINE}") == 0
    assert capsys.readouterr().out == (
        f"{NOTE_FILE}:{NOTE_LINE}: vastgelegd bij de huidige tekst van upstream "
        f"(Buurtgemeenschappen › Wat kan de gemeente doen? › {POINT})\n"
    )
    assert check_content(fork / "content", fork).problems == ()
    recorded = (fork / NOTE_FILE).read_text(encoding="utf-8")
    assert f"          {NEW_SENTENCE}\n" in recorded
    assert drift.fingerprint(NEW_SENTENCE) not in recorded  # the whole point, not one sentence


# --- upstream itself ------------------------------------------------------------------


def test_upstream_has_no_local_layer_and_no_fictional_municipality(built_site: Path) -> None:
    assert not (ROOT / "lokaal").exists()
    result = check_content(ROOT / "content", ROOT)
    assert result.handbook is not None and result.handbook.local is None
    found = [
        path.relative_to(root).as_posix()
        for root in (built_site, ROOT / "content")
        for path in root.rglob("*")
        if path.is_file() and NAME.encode() in path.read_bytes()
    ]
    assert found == []
    assert not (built_site / "assets" / "gemeente").exists()
    assert "handboek-lokaal" not in read(built_site, "omgevingen/verenigingen/index.html")
