"""Property tests: whatever an editor writes, the check answers and never raises.

Hypothesis feeds arbitrary bytes, arbitrary text, and generated "almost right"
pages (YAML front matter from random values, Markdown built from headings,
quotes, links, HTML and code) to `check_content`, in a fresh copy of the
fictional base handbook (tests/corpus/basis/). The result is always either
problems (each with a path, a line inside the file, a message) or a valid
model that renders.

Example counts are modest for a two-core CI machine; the profile has no
deadline because the first examples also pay for imports and caches.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from handboek import render
from handboek.check import CheckResult, check_content
from handboek.model import PARTS
from handboek.problems import Problem, Severity, errors, report
from tests.conftest import TEST_DATE
from tests.sample_content import write_content

settings.register_profile(
    "handboek",
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
PROFILE = settings.get_profile("handboek")
PLACES = st.sampled_from(["omgevingen/gegenereerd.md", "gegenereerd.md", "index.md"])


def check(content_path: str, data: bytes) -> None:
    """Check the base plus this file and assert the result is well-formed."""
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder)
        content = write_content(project, {content_path: data})
        result = check_content(content, project, on=TEST_DATE)
        assert isinstance(result, CheckResult)
        line_count = data.count(b"\n") + 1
        for problem in result.problems:
            assert isinstance(problem, Problem)
            assert isinstance(problem.severity, Severity)
            assert problem.message and isinstance(problem.hint, str)
            assert problem.line >= 1
            if problem.path == f"content/{content_path}":
                assert problem.line <= line_count, problem
        report(result.problems)
        if errors(result.problems):
            assert result.handbook is None
        else:
            assert result.handbook is not None
            for environment in result.handbook.environments:
                render.environment_markdown(environment)
            render.overview_html(result.handbook, TEST_DATE, lambda env, anchor: env.url + anchor)


@PROFILE
@given(place=PLACES, data=st.binary(max_size=400))
def test_any_bytes(place: str, data: bytes) -> None:
    check(place, data)


@PROFILE
@given(place=PLACES, text=st.text(max_size=400))
def test_any_text(place: str, text: str) -> None:
    check(place, text.encode("utf-8"))


FIELD_NAMES = [
    "titel",
    "beschrijving",
    "eigenaar",
    "laatst_beoordeeld",
    "volgende_beoordeling",
    "volgorde",
    "overzicht",
    "meerwaarde",
    "bruggenbouwers",
    "gemeente",
]
SCALARS = st.one_of(
    st.text(max_size=30),
    st.integers(min_value=-5, max_value=2000),
    st.booleans(),
    st.none(),
    st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 1, 1)),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from(["nee", "no", "12:30", "2026-02-30", "010", "0x1F", "~", "", "- x", "a: b"]),
)
VALUES = st.recursive(
    SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.sampled_from(FIELD_NAMES) | st.text(max_size=8), children, max_size=4),
    ),
    max_leaves=12,
)
FRONT_MATTER = st.one_of(
    st.dictionaries(st.sampled_from(FIELD_NAMES) | st.text(max_size=10), VALUES, max_size=9).map(
        lambda data: yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    ),
    st.text(max_size=200),
)
URLS = st.sampled_from(
    [
        "index.md",
        "../index.md",
        "omgevingen/voorbeeld.md#meerwaarde",
        "#meerwaarde",
        "#",
        "",
        "/abs.md",
        "https://example.org",
        "//cdn.example.org/x.png",
        "javascript:alert(1)",
        "overzicht.md#x",
        "afdrukken.md#voorbeeld",
        "map/",
        "<spatie in.md>",
        "a(b).md",
    ]
)
BLOCKS = st.one_of(
    st.sampled_from([f"## {spec.title}" for spec in PARTS]),
    st.sampled_from(["# Titel", "### Sub", "## Onbekend", "##", "#### {#x}", "## Kop {#vast}"]),
    st.text(max_size=60),
    st.builds(
        lambda text, role: f"> {text}\n>\n> — {role}", st.text(max_size=30), st.text(max_size=10)
    ),
    st.sampled_from([">", "> — ", "> -- Rol", ">>"]),
    st.builds(lambda text, url: f"[{text}]({url})", st.text(max_size=10), URLS),
    st.builds(lambda text, url: f"![{text}]({url})", st.text(max_size=10), URLS),
    st.builds(lambda label, url: f"[{label}]: {url}", st.text(min_size=1, max_size=8), URLS),
    st.sampled_from(
        [
            "```",
            "~~~",
            "`code`",
            "<script>x</script>",
            '<img src="https://x/y.png" onerror=x>',
            "<!--",
            "-->",
            '<a href="javascript:x">',
            "<div markdown>",
            "</div>",
            "[a][b]",
            "![a]",
            "    ingesprongen",
        ]
    ),
)
BODIES = st.lists(BLOCKS, max_size=14).map("\n\n".join)


@PROFILE
@given(
    place=PLACES, front_matter=FRONT_MATTER, body=BODIES, newline=st.sampled_from(["\n", "\r\n"])
)
def test_generated_pages(place: str, front_matter: str, body: str, newline: str) -> None:
    text = f"---\n{front_matter}\n---\n{body}\n".replace("\n", newline)
    check(place, text.encode("utf-8"))


@PROFILE
@given(body=BODIES)
def test_generated_bodies_under_valid_front_matter(body: str) -> None:
    base = (Path(__file__).parent / "corpus" / "basis" / "omgevingen" / "voorbeeld.md").read_text(
        encoding="utf-8"
    )
    front_matter = base[: base.index("---\n\n") + 4]
    check("omgevingen/voorbeeld.md", (front_matter + "\n" + body + "\n").encode("utf-8"))
