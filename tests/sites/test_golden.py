"""Golden files for the rendered reference term, inside a small fixed glossary (tests/fixtures/glossary:
the reference term and stand-ins for the terms it names), so a term added to the repository's
terms/ never changes them. Regenerate with GLOSSDECK_UPDATE_GOLDEN=1 pytest tests/sites/test_golden.py"""

from __future__ import annotations

import os

from tests.support.paths import FIXED_GLOSSARY, GOLDEN


def render_reference(mermaid_raw_html_fence: bool) -> str:
    from glossdeck.core.checks import load_glossary
    from glossdeck.core.rubric import load_rubric
    from glossdeck.site.context import SiteContext
    from glossdeck.site.layout import Layout
    from glossdeck.site.term_page import TermPageRenderer

    # links, backlinks and all, within the fixed glossary
    glossary, problems = load_glossary([FIXED_GLOSSARY])
    assert not problems.items, [p.format() for p in problems.items]
    assert "immutable-infrastructure" in glossary and len(glossary) == 7
    ctx = SiteContext(
        glossary,
        load_rubric(),
        Layout.create("glossdeck", None, True),
        category_titles={"devops": "DevOps"},
        mermaid_raw_html_fence=mermaid_raw_html_fence,
    )
    return TermPageRenderer(ctx).render("immutable-infrastructure")


def _check(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get("GLOSSDECK_UPDATE_GOLDEN") == "1":
        path.write_text(actual, encoding="utf-8")
    assert path.is_file(), f"{path} missing: run with GLOSSDECK_UPDATE_GOLDEN=1"
    assert actual == path.read_text(encoding="utf-8"), f"{name} changed; if intended, regenerate the golden file"


def test_reference_term_markdown_for_mkdocs_matches_golden() -> None:
    from glossdeck.plugin.narrow_strings import ascii_page

    # what the MkDocs plugin hands MkDocs: the page, narrowed to ASCII strings (a memory trick)
    _check("immutable-infrastructure.md", ascii_page(render_reference(mermaid_raw_html_fence=True)))


def test_reference_term_markdown_for_export_matches_golden() -> None:
    page = render_reference(mermaid_raw_html_fence=False)
    assert "&#" not in page  # plain UTF-8: characters, never numeric references
    _check("immutable-infrastructure.export.md", page)
