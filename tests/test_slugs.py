"""Our copy of Python-Markdown's heading ids (src/handboek/read/slugs.py) equals the original."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown.extensions import toc

from handboek.read import slugs

HEADINGS = st.text(
    alphabet=st.sampled_from(list("abcXYZ éëïöüçñ-_ 019?!.,'’\"()[]{}*`#&;\t")), max_size=30
)


@settings(max_examples=500, deadline=None)
@given(HEADINGS)
def test_slugify_equals_python_markdowns(heading: str) -> None:
    assert slugs.slugify(heading, "-") == toc.slugify(heading, "-")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["", "a", "a_1", "a_2", "b", "b_1_1", "c_0", "_1"]), max_size=12))
def test_unique_numbers_ids_as_python_markdown_does(ids: list[str]) -> None:
    ours: set[str] = set()
    theirs: set[str] = set()
    assert [slugs.unique(i, ours) for i in ids] == [toc.unique(i, theirs) for i in ids]


def test_known_headings() -> None:
    assert slugs.slugify("Wat kan de gemeente doen?", "-") == "wat-kan-de-gemeente-doen"
    assert slugs.slugify("Eén-op-één ondersteuning", "-") == "een-op-een-ondersteuning"
    taken = {"wat-werkt"}
    assert slugs.unique("wat-werkt", taken) == "wat-werkt_1"
    assert slugs.unique("", taken) == "_1"
