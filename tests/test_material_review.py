"""What overrides/ copied from Material for MkDocs is nagekeken against the installed Material.

Partials in overrides/ are copies of Material's templates with a few changes, and some
files depend on how Material works inside (the search deferral patches XMLHttpRequest and
Worker; handboek.js and handboek.css use Material's checkboxes and classes;
src/handboek/search_index.py makes the search index by the rules of Material's search
plugin). A newer Material can change the original without anything else failing.
tests/material_review.yml records, per file and per original, the Material version it was
checked against and the SHA-256 of the original then. This test fails, with the file to
check and how to record the review, as soon as the installed Material or an original differs.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
from dataclasses import dataclass
from pathlib import Path

import material
import pytest
import yaml

from tests.conftest import ROOT

REVIEW = ROOT / "tests" / "material_review.yml"
TEMPLATES = Path(material.__file__).parent / "templates"
FIELDS = ("bestand", "origineel", "versie", "sha256", "nakijken")


@dataclass(frozen=True)
class Review:
    """One line of tests/material_review.yml: a file in this project and one original."""

    line: int
    """Where the entry starts in tests/material_review.yml (1-based)."""
    file: str
    """The file in this project, from the project's root: overrides/partials/footer.html."""
    original: str
    """The file in material/templates/ (a * stands for the hash in a bundle's name), or, when
    it starts with material/, from Material's package folder: material/plugins/search/plugin.py."""
    version: str
    """The Material version the file was checked against."""
    sha256: str
    """The SHA-256 of the original in that version."""
    check: str
    """What to look at when checking (for the reader of the message)."""


def read_reviews(path: Path) -> list[Review]:
    """The entries of the review file, each with its line; an entry that is not complete fails."""
    text = path.read_text(encoding="utf-8")
    nodes = yaml.compose(text)
    entries = yaml.safe_load(text)
    assert isinstance(entries, list) and nodes is not None, f"{path.name}: geen lijst"
    reviews = []
    for node, entry in zip(nodes.value, entries, strict=True):
        line = node.start_mark.line + 1
        assert isinstance(entry, dict) and sorted(entry) == sorted(FIELDS), (
            f"{path.name}:{line}: een regel heeft precies deze velden: {', '.join(FIELDS)}"
        )
        assert all(isinstance(entry[name], str) for name in FIELDS), (
            f"{path.name}:{line}: elk veld is tekst; zet de versie tussen aanhalingstekens"
            ' (versie: "9.8.2")'
        )
        reviews.append(Review(line, *(entry[name] for name in FIELDS)))
    return reviews


def _shown(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def _originals(original: str, templates: Path) -> list[Path]:
    """The files an original names: in `templates`, or from the folder that holds Material's
    package folder (the parent of `templates`) when it starts with material/."""
    if original.startswith("material/"):
        return list(templates.parent.parent.glob(original))
    return list(templates.glob(original))


def review_problems(reviews: list[Review], installed: str, templates: Path) -> list[str]:
    """`tests/material_review.yml:line: ...` with a tip, for each entry not checked against
    the installed Material (another version, or an original that changed)."""
    problems = []
    for review in reviews:
        where = f"{REVIEW.relative_to(ROOT)}:{review.line}"
        if not (ROOT / review.file).is_file():
            problems.append(
                f"{where}: {review.file} bestaat niet"
                "\n    tip: verbeter het pad, of haal de regel weg als het bestand weg is"
            )
            continue
        found = sorted(_originals(review.original, templates))
        if len(found) != 1:
            problems.append(
                f"{where}: Material {installed} heeft {len(found)} bestanden {review.original}"
                f" in plaats van één\n    tip: zoek in {_shown(templates)} waar het origineel van"
                f" {review.file} nu staat en pas 'origineel' aan"
            )
            continue
        digest = hashlib.sha256(found[0].read_bytes()).hexdigest()
        if review.version == installed and digest == review.sha256:
            continue
        if review.version != installed:
            changed = "veranderd" if digest != review.sha256 else "niet veranderd"
            what = (
                f"{review.file} is nagekeken tegen Material {review.version}, geïnstalleerd is"
                f" {installed} (het origineel is {changed})"
            )
        else:
            what = (
                f"{review.file}: het origineel {review.original} is veranderd sinds het werd"
                f" nagekeken (Material {installed})"
            )
        problems.append(
            f"{where}: {what}\n    tip: vergelijk {review.file} met {_shown(found[0])}."
            f" {review.check}\n    Leg daarna in {REVIEW.name} vast dat het is nagekeken:"
            f' versie: "{installed}" en sha256: {digest}'
        )
    return problems


def test_every_copied_file_is_checked_against_the_installed_material() -> None:
    installed = importlib.metadata.version("mkdocs-material")
    problems = review_problems(read_reviews(REVIEW), installed, TEMPLATES)
    assert not problems, "\n".join(problems)


def test_every_file_that_replaces_a_material_template_is_in_the_review() -> None:
    listed = {(review.file, review.original) for review in read_reviews(REVIEW)}
    overrides = ROOT / "overrides"
    missing = [
        f"{_shown(file)}: vervangt Materials {file.relative_to(overrides)}, maar staat niet in"
        f" {REVIEW.name}\n    tip: kijk het na en voeg het toe (bestand, origineel, versie,"
        " sha256, nakijken)"
        for file in sorted(overrides.rglob("*"))
        if (TEMPLATES / file.relative_to(overrides)).is_file()
        and (_shown(file), str(file.relative_to(overrides))) not in listed
    ]
    assert not missing, "\n".join(missing)


def test_the_search_deferral_and_the_copied_partials_are_in_the_review() -> None:
    listed = {review.file for review in read_reviews(REVIEW)}
    assert {
        "src/handboek/search_index.py",
        "overrides/partials/zoeken-uitgesteld.html",
        "overrides/partials/footer.html",
        "overrides/partials/nav.html",
        "overrides/partials/toc.html",
        "overrides/partials/languages/nl.html",
    } <= listed


# The failure path: a fake Material in a temporary folder, with fake versions and hashes.

FOOTER = "overrides/partials/footer.html"
ORIGINAL = b"<footer>Material</footer>\n"
ORIGINAL_SHA = hashlib.sha256(ORIGINAL).hexdigest()


@pytest.fixture
def templates(tmp_path: Path) -> Path:
    (tmp_path / "partials").mkdir()
    (tmp_path / "partials" / "footer.html").write_bytes(ORIGINAL)
    return tmp_path


def _review(version: str = "9.8.2", sha256: str = ORIGINAL_SHA, original: str = "") -> Review:
    return Review(7, FOOTER, original or "partials/footer.html", version, sha256, "Kijk na.")


def test_the_same_version_and_original_pass(templates: Path) -> None:
    assert review_problems([_review()], "9.8.2", templates) == []


def test_another_installed_version_fails_also_when_the_original_is_the_same(
    templates: Path,
) -> None:
    assert review_problems([_review()], "9.9.0", templates) == [
        "tests/material_review.yml:7: overrides/partials/footer.html is nagekeken tegen"
        " Material 9.8.2, geïnstalleerd is 9.9.0 (het origineel is niet veranderd)"
        f"\n    tip: vergelijk overrides/partials/footer.html met {templates}/partials/footer.html."
        " Kijk na."
        '\n    Leg daarna in material_review.yml vast dat het is nagekeken: versie: "9.9.0"'
        f" en sha256: {ORIGINAL_SHA}"
    ]


def test_a_changed_original_fails_with_its_new_hash(templates: Path) -> None:
    assert review_problems([_review(version="9.7.0", sha256="0" * 64)], "9.9.0", templates) == [
        "tests/material_review.yml:7: overrides/partials/footer.html is nagekeken tegen"
        " Material 9.7.0, geïnstalleerd is 9.9.0 (het origineel is veranderd)"
        f"\n    tip: vergelijk overrides/partials/footer.html met {templates}/partials/footer.html."
        " Kijk na."
        '\n    Leg daarna in material_review.yml vast dat het is nagekeken: versie: "9.9.0"'
        f" en sha256: {ORIGINAL_SHA}"
    ]


def test_a_changed_original_in_the_same_version_fails(templates: Path) -> None:
    assert review_problems([_review(sha256="0" * 64)], "9.8.2", templates) == [
        "tests/material_review.yml:7: overrides/partials/footer.html: het origineel"
        " partials/footer.html is veranderd sinds het werd nagekeken (Material 9.8.2)"
        f"\n    tip: vergelijk overrides/partials/footer.html met {templates}/partials/footer.html."
        " Kijk na."
        '\n    Leg daarna in material_review.yml vast dat het is nagekeken: versie: "9.8.2"'
        f" en sha256: {ORIGINAL_SHA}"
    ]


def test_an_original_that_is_gone_fails(templates: Path) -> None:
    review = _review(original="assets/javascripts/bundle.*.min.js")
    assert review_problems([review], "9.8.2", templates) == [
        "tests/material_review.yml:7: Material 9.8.2 heeft 0 bestanden"
        " assets/javascripts/bundle.*.min.js in plaats van één"
        f"\n    tip: zoek in {templates} waar het origineel van overrides/partials/footer.html"
        " nu staat en pas 'origineel' aan"
    ]


def test_an_original_outside_the_templates_is_found_from_the_package(tmp_path: Path) -> None:
    templates = tmp_path / "material" / "templates"
    templates.mkdir(parents=True)
    (tmp_path / "material" / "plugins").mkdir()
    (tmp_path / "material" / "plugins" / "plugin.py").write_bytes(ORIGINAL)
    review = _review(original="material/plugins/plugin.py")
    assert review_problems([review], "9.8.2", templates) == []
    assert review_problems(
        [_review(original="material/plugins/plugin.py", sha256="0" * 64)], "9.8.2", templates
    ) == [
        "tests/material_review.yml:7: overrides/partials/footer.html: het origineel"
        " material/plugins/plugin.py is veranderd sinds het werd nagekeken (Material 9.8.2)"
        "\n    tip: vergelijk overrides/partials/footer.html met"
        f" {tmp_path}/material/plugins/plugin.py. Kijk na."
        '\n    Leg daarna in material_review.yml vast dat het is nagekeken: versie: "9.8.2"'
        f" en sha256: {ORIGINAL_SHA}"
    ]
    # Not in material/templates/material/...: a path without material/ stays in the templates.
    assert review_problems([_review(original="plugins/plugin.py")], "9.8.2", templates) == [
        "tests/material_review.yml:7: Material 9.8.2 heeft 0 bestanden plugins/plugin.py in"
        f" plaats van één\n    tip: zoek in {templates} waar het origineel van"
        " overrides/partials/footer.html nu staat en pas 'origineel' aan"
    ]


def test_a_file_that_is_gone_fails(templates: Path) -> None:
    review = Review(3, "overrides/partials/weg.html", "partials/footer.html", "9.8.2", "", "")
    assert review_problems([review], "9.8.2", templates) == [
        "tests/material_review.yml:3: overrides/partials/weg.html bestaat niet"
        "\n    tip: verbeter het pad, of haal de regel weg als het bestand weg is"
    ]


def test_an_unquoted_version_is_refused(tmp_path: Path) -> None:
    review = tmp_path / "material_review.yml"
    review.write_text(
        "# uitleg\n- bestand: a\n  origineel: b\n  versie: 9.10\n  sha256: c\n  nakijken: d\n",
        encoding="utf-8",
    )
    with pytest.raises(AssertionError) as failure:
        read_reviews(review)
    assert str(failure.value).startswith(
        "material_review.yml:2: elk veld is tekst; zet de versie tussen aanhalingstekens"
        ' (versie: "9.8.2")'
    )
