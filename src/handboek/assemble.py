"""Documents that passed every rule, assembled into the model (`model.Handbook`).

Only `check.check_content` calls `handbook`, and only when there are no
errors: every field and part read here is known to be present and valid.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from handboek.model import (
    PARTS,
    POINTS_PART_KEY,
    QUOTES_PART,
    Environment,
    Handbook,
    Page,
    Part,
    Quote,
    Review,
)
from handboek.read import body, points
from handboek.read.document import Document

if TYPE_CHECKING:  # a fork's layer: loaded by the check only when there is one
    from handboek.local.layer import LayerResult


def _page(document: Document) -> Page:
    values = document.front_matter
    # Only documents without errors are assembled: every required field is there.
    assert values.title and values.description and values.owner
    assert values.last_reviewed and values.next_review
    return Page(
        path=document.content_path,
        title=values.title,
        description=values.description,
        review=Review(values.owner, values.last_reviewed, values.next_review),
        markdown=document.body,
    )


def _environment(document: Document) -> Environment:
    by_title = {section.heading.text: section for section in document.sections if section.heading}
    parts = tuple(
        Part(spec, by_title[spec.title].markdown, by_title[spec.title].line) for spec in PARTS
    )
    quotes, _ = body.blockquotes(by_title[QUOTES_PART.title])
    [points_part] = [part for part in parts if part.spec.key == POINTS_PART_KEY]
    order = document.front_matter.order
    assert order is not None  # required for environments: the check has seen it
    return Environment(
        page=_page(document),
        slug=document.slug,
        order=order,
        intro=document.intro.markdown,
        parts=parts,
        quotes=tuple(Quote(q.paragraphs, q.attribution or "", q.line) for q in quotes),
        overview=dict(document.front_matter.overview),
        points=tuple(
            written.point
            for written in points.written_points(points_part.markdown, points_part.line)
        ),
    )


def handbook(documents: list[Document], local: LayerResult | None = None) -> Handbook:
    environments = sorted(
        (_environment(document) for document in documents if document.is_environment),
        key=lambda environment: environment.order,
    )
    pages = tuple(_page(document) for document in documents)
    if local is None:
        return Handbook(pages=pages, environments=tuple(environments))
    # A local page with the path of an upstream page (an accessibility or privacy
    # statement of the municipality) takes its place.
    local_pages = tuple(_page(document) for document in local.pages)
    replaced = {page.path for page in local_pages}
    return Handbook(
        pages=tuple(page for page in pages if page.path not in replaced) + local_pages,
        environments=tuple(environments),
        local=local.layer,
    )
