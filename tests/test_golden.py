"""Golden file for the rendered reference term. Regenerate with GLOSSDECK_UPDATE_GOLDEN=1 pytest tests/test_golden.py"""

from __future__ import annotations

import os
from pathlib import Path

from conftest import REFERENCE_TERM

GOLDEN = Path(__file__).parent / "golden"


def render_reference(mermaid_raw_html_fence: bool) -> str:
    from glossdeck.core.rubric import load_rubric
    from glossdeck.site.context import SiteContext
    from glossdeck.site.layout import Layout
    from glossdeck.site.term_page import TermPageRenderer
    from glossdeck.core.checks import load_glossary

    # rendered inside the repository's whole glossary: links, backlinks and all
    glossary, problems = load_glossary([REFERENCE_TERM.parent])
    assert not problems.items, [p.format() for p in problems.items]
    ctx = SiteContext(glossary, load_rubric(), Layout.create("glossdeck", None, True),
                      category_titles={"devops": "DevOps"}, mermaid_raw_html_fence=mermaid_raw_html_fence)
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
