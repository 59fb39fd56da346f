"""Documents that passed every rule, assembled into the model (`model.Handbook`).

Only `check.check_content` calls `handbook`, and only when there are no
errors: every field and part read here is known to be present and valid.
"""

from __future__ import annotations

from handboek.local.layer import LayerResult
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


def _page(document: Document) -> Page:
    fields = document.fields
    return Page(
        path=document.content_path,
        title=fields["titel"],
        description=fields["beschrijving"],
        review=Review(
            fields["eigenaar"], fields["laatst_beoordeeld"], fields["volgende_beoordeling"]
        ),
        markdown=document.body,
    )


def _environment(document: Document) -> Environment:
    by_title = {section.heading.text: section for section in document.sections if section.heading}
    parts = tuple(
        Part(spec, by_title[spec.title].markdown, by_title[spec.title].line) for spec in PARTS
    )
    quotes, _ = body.blockquotes(by_title[QUOTES_PART.title])
    [points_part] = [part for part in parts if part.spec.key == POINTS_PART_KEY]
    return Environment(
        page=_page(document),
        slug=document.slug,
        order=document.fields["volgorde"],
        intro=document.intro.markdown,
        parts=parts,
        quotes=tuple(Quote(q.paragraphs, q.attribution or "", q.line) for q in quotes),
        overview=dict(document.fields["overzicht"]),
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
