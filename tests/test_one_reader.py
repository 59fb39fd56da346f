"""What the one Markdown reader (`scan`) decides for the other modules (issue #10, item 5):
headings, the print page's heading shift and a note's points all skip fenced code and
comments as Python-Markdown does, and count what Python-Markdown renders."""

from __future__ import annotations

from handboek import render
from handboek.local import drift
from handboek.read import body

TEXT = (
    "## Buiten\n\n"
    "```\n## In code\n- **In code.** Geen punt.\n```\n\n"
    "<!--\n## In commentaar\n-->\n\n"
    "- **Echt punt.** Wel een punt.\n\n"
    "```\n## Na een open fence\n"
)


def test_headings_skip_code_and_comments_but_not_an_unclosed_fence() -> None:
    assert [(h.text, h.line) for h in body.headings(TEXT, 1)] == [
        ("Buiten", 1),
        ("Na een open fence", 15),
    ]


def test_the_print_page_shifts_only_rendered_headings() -> None:
    shifted = render._shift_headings(TEXT, 1)  # before issue #10: "### In code"
    assert "### Buiten" in shifted
    assert "\n## In code\n" in shifted and "\n## In commentaar\n" in shifted
    assert "### Na een open fence" in shifted  # no code block: Python-Markdown renders it


def test_points_in_code_are_no_points() -> None:
    assert list(drift.points(TEXT)) == ["Echt punt"]
