"""The check's Markdown reader sees everything the renderer publishes (issue #10, item 5).

Hypothesis writes random documents from fences, comments, code spans, raw HTML,
links, attr_list and text (tests/differential.py), renders each with the
site's exact Markdown configuration (read from mkdocs.yml), and asserts that
every tag, attribute and address in the HTML was seen by `scan` (and, for
`{: ... }`, by `markup.attribute_lists`). Where the reader sees more than the
renderer (indented code, a `<script>` in a comment the renderer also hides)
the check is stricter, which is safe; seeing less would be a bypass.

Run against the reader before issue #10 (a copy of the old src/handboek/scan.py,
commit 779adcc, with the attr_list part left out because that reader had
none) by scripts/differential_old_reader.py, this check found both bypasses
of the issue; examples generated up to the first failing one, seeds 0-4:

- unclosed `<!--` hiding the rest of the page: 5, 3, 3, 3, 13;
- unclosed code fence hiding the rest of the page: 5, 3*, 3, 3, 14
  (* seed 1 first found another bypass: `[a](m0x.md b)`, a destination with
  a space, which the old reader did not read as a link).

Both shrank to a two-line document: `<!--` (or a fence) and an image below it.
The cases of `test_known_bypasses_are_seen` keep them (and more the old reader
missed) as fixed examples.
"""

from __future__ import annotations

import markdown
import pytest
from hypothesis import HealthCheck, given, settings

from handboek.read import scan
from handboek.rules import markup
from tests.differential import documents, rendered_markers, seen_markers, site_markdown


@pytest.fixture(scope="module")
def engine() -> markdown.Markdown:
    """The site's Markdown engine (mkdocs.yml's extensions), made once for this module."""
    return site_markdown()


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)
@given(text=documents())
def test_the_reader_sees_every_tag_attribute_and_address(
    engine: markdown.Markdown, text: str
) -> None:
    missed = rendered_markers(engine, text) - seen_markers(scan, text, markup.attribute_lists)
    assert not missed, (missed, text, engine.convert(text))


def test_the_configuration_is_the_sites(engine: markdown.Markdown) -> None:
    # toc, tables and fenced_code (MkDocs' own), attr_list and md_in_html (mkdocs.yml).
    assert "toc" in engine.treeprocessors and "attr_list" in engine.treeprocessors
    assert "fenced_code_block" in engine.preprocessors
    assert "table" in engine.parser.blockprocessors
    assert "markdown_block" in engine.parser.blockprocessors
    assert engine.treeprocessors["toc"].use_permalinks  # permalink: true, as in mkdocs.yml


@pytest.mark.parametrize(
    "text",
    [
        # The two bypasses of the issue, as Hypothesis shrank them on the old reader.
        '<!--\n<img src="m0x.png" alt="a">\n',
        '```\n<img src="m0x.png" alt="a">\n',
        '<!--\n\n<img src="m0x.png" alt="a">\n',
        # More that the old reader missed: a comment opened inside a paragraph, a code span
        # around an HTML block, a fence closed by a longer one, a destination with a space.
        'tekst <!-- a\n\n<script data-k="m0x">x</script>\n\n-->\n',
        '`a\n<script data-k="m0x">x</script>\nb`\n',
        '```\nx\n````\n\n<img src="m0x.png" alt="a">\n',
        "[a](m0x.md b)\n",
    ],
)
def test_known_bypasses_are_seen(engine: markdown.Markdown, text: str) -> None:
    rendered = rendered_markers(engine, text)
    assert rendered == {"m0x"}  # the renderer publishes it ...
    assert seen_markers(scan, text, markup.attribute_lists) == rendered  # ... and we see it


def test_an_empty_comment_hides_nothing() -> None:
    # A browser ends `<!-->` at once and runs the script (Python's HTMLParser, above, would
    # not see it: so this case is checked on the reader alone).
    text = '<!--><script data-k="m0x">x</script>-->\n'
    assert seen_markers(scan, text, None) == {"m0x"}
