"""zoekwoorden.yml and the extra words in the search index (src/handboek/search.py)."""

from __future__ import annotations

import json
from pathlib import Path

from handboek import search
from handboek.check import check_content
from handboek.read import synonyms
from tests.conftest import ROOT


def problems_of(tmp_path: Path, text: str, content: str = "de sportvereniging en een club") -> list:
    file = tmp_path / synonyms.SYNONYMS_FILE
    file.write_text(text, encoding="utf-8")
    _, problems = synonyms.read_synonyms(file, synonyms.SYNONYMS_FILE, synonyms.words(content))
    return [problem.format() for problem in problems]


def test_fold_takes_accents_off():
    assert synonyms.fold("coördinator") == "coordinator"
    assert synonyms.fold("één") == "een"
    assert synonyms.fold("Bèta") == "Beta"


def test_search_words_adds_folded_words_compounds_and_synonyms():
    [entry] = synonyms.read_synonyms(
        ROOT / synonyms.SYNONYMS_FILE, synonyms.SYNONYMS_FILE, ["sportvereniging"]
    )[0][:1]
    assert entry.word == "sportvereniging"
    text = "<p>Eén-op-één met de <em>coördinator</em> van de sportverenigingen.</p>"
    assert search.search_words(text, [entry]) == ("coordinator een eenopeen sportclub sportclubs")
    assert search.search_words("<p>Gewone woorden.</p>", [entry]) == ""


def test_every_mistake_is_reported_with_its_line(tmp_path: Path):
    text = (
        "# uitleg\n"
        "sportvereniging: sportclub\n"
        "zonder dubbele punt\n"
        "Club: Clubje, twee woorden\n"
        "club:\n"
        "sportvereniging: sportclubs\n"
        "zwembad: bad\n"
    )
    assert problems_of(tmp_path, text) == [
        "zoekwoorden.yml:3: deze regel is geen 'woord: synoniem, synoniem': 'zonder dubbele punt'"
        "\n    tip: schrijf het woord uit de tekst, een dubbele punt en daarna de woorden die "
        "lezers typen, met komma's ertussen, bijvoorbeeld: sportvereniging: sportclub",
        "zoekwoorden.yml:4: 'Club' is geen los woord in kleine letters\n    tip: gebruik alleen "
        "kleine letters en cijfers, zonder spaties of leestekens; zet elk woord apart, met "
        "komma's ertussen",
        "zoekwoorden.yml:4: 'Clubje' is geen los woord in kleine letters\n    tip: gebruik alleen "
        "kleine letters en cijfers, zonder spaties of leestekens; zet elk woord apart, met "
        "komma's ertussen",
        "zoekwoorden.yml:4: 'twee woorden' is geen los woord in kleine letters\n    tip: gebruik "
        "alleen kleine letters en cijfers, zonder spaties of leestekens; zet elk woord apart, "
        "met komma's ertussen",
        "zoekwoorden.yml:5: bij 'club' staat geen synoniem\n    tip: zet na de dubbele punt de "
        "woorden die lezers typen, bijvoorbeeld: sportvereniging: sportclub",
        "zoekwoorden.yml:6: 'sportvereniging' staat al op regel 2\n    tip: zet alle synoniemen "
        "van een woord op één regel",
        "zoekwoorden.yml:7: 'zwembad' staat op geen enkele pagina, dus dit synoniem vindt niets"
        "\n    tip: schrijf links het woord zoals het in de tekst staat (of haal de regel weg)",
    ]


def test_upstream_file_is_valid_and_checked_with_the_content():
    result = check_content(ROOT / "content", ROOT)
    assert result.ok, [problem.format() for problem in result.problems]
    assert {entry.word for entry in result.synonyms} >= {"sportvereniging", "vereniging"}


def test_a_mistake_stops_the_check(tmp_path: Path):
    from tests.conftest import copy_project

    project = copy_project(tmp_path / "project")
    (project / synonyms.SYNONYMS_FILE).write_text("zwembad: bad\n", encoding="utf-8")
    result = check_content(project / "content", project)
    assert not result.ok
    assert [p.format().splitlines()[0] for p in result.problems] == [
        "zoekwoorden.yml:1: 'zwembad' staat op geen enkele pagina, dus dit synoniem vindt niets"
    ]


def test_built_index_has_the_field_and_stays_compact(built_site: Path):
    raw = (built_site / "search" / "search_index.json").read_text(encoding="utf-8")
    index = json.loads(raw)
    assert index["config"]["fields"][search.FIELD] == {"boost": 1.0}
    assert index["config"]["pipeline"] == ["trimmer", "stopWordFilter"]
    assert any("coordinator" in doc.get(search.FIELD, "").split() for doc in index["docs"])
    assert raw == json.dumps(index, separators=(",", ":"))
