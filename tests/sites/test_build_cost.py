"""What a term page costs MkDocs and the plugins after glossdeck: counted, never timed.

A term page reaches Python-Markdown as its headings and code fences only (its finished HTML blocks
go straight into the page), mermaid2 never parses it (glossdeck's diagrams need none of its work),
and the search index gets its words, not its widgets. Hand-written pages are treated as before.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.support.sites import build_project, write_project

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

GUIDE = "# Guide\n\n```mermaid\nflowchart LR\n  A --> B\n```\n"


def test_term_pages_skip_markdown_reparsing_and_mermaid2_and_stay_complete(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import mermaid2.plugin
    from mkdocs.structure.pages import Page

    parsed: list[str] = []  # pages mermaid2 parsed with BeautifulSoup
    real_soup = mermaid2.plugin.BeautifulSoup

    def counting_soup(markup: str, *args: Any, **kwargs: Any) -> Any:
        parsed.append(markup[markup.find("<title>") : markup.find("</title>")])
        return real_soup(markup, *args, **kwargs)

    monkeypatch.setattr(mermaid2.plugin, "BeautifulSoup", counting_soup)
    rendered: dict[str, int] = {}  # Markdown handed to Python-Markdown, per page
    real_render = Page.render

    def counting_render(self: Page, config: Any, files: Any) -> None:
        rendered[self.file.src_uri] = len(self.markdown or "")
        real_render(self, config, files)

    monkeypatch.setattr(Page, "render", counting_render)
    write_project(tmp_path, docs={"guide.md": GUIDE})
    built = build_project(tmp_path)
    assert built.ok, (built.error, built.warnings())

    assert len(parsed) == 1 and "Guide" in parsed[0]  # the hand-written page with a diagram only
    guide = built.page("guide/")
    assert "window.mermaidConfig" in guide and "glossdeck/mermaid.mjs" in guide  # mermaid2's work, as before

    page = built.page("terms/immutable-infrastructure/")
    assert rendered["terms/immutable-infrastructure.md"] < 2_000  # headings, fences and placeholders
    assert "gd-block:" not in page and "gd-html" not in page and "gd-diagram-pending" not in page
    assert '<pre class="mermaid" data-gd-diagram><code>flowchart LR' in page
    assert 'window.mermaidConfig = {default: {"securityLevel":"strict"}};' in page
    assert 'data-gd-block="debt"' in page and 'data-gd-block="explanation"' in page
    for heading in ("tldr", "explanation", "common-misconception", "code-examples"):
        assert f'<h2 id="{heading}">' in page and f'href="#{heading}"' in page  # toc and permalinks

    index = json.loads((built.site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    entries = {d["location"]: d for d in index["docs"] if d["location"].startswith("terms/immutable-infrastructure/")}
    title = entries["terms/immutable-infrastructure/"]
    assert "Servers are never modified after deployment" in title["text"]  # the TL;DR previews the term
    assert "terms/immutable-infrastructure/#explanation" in entries
    searched_text = " ".join(d["text"] for d in entries.values())
    assert "Closest to" not in searched_text and "About DEBT scoring" not in searched_text  # widgets
    assert not any("dev-intel" in loc or "#sources" in loc for loc in entries)
    assert "Guide" in {d["title"] for d in index["docs"]}  # hand-written pages are indexed as before


def test_listing_pages_skip_markdown_and_search_gets_their_title_not_their_list(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mkdocs.structure.pages import Page

    rendered: dict[str, str] = {}  # Markdown handed to Python-Markdown, per page
    real_render = Page.render

    def counting_render(self: Page, config: Any, files: Any) -> None:
        rendered[self.file.src_uri] = self.markdown or ""
        real_render(self, config, files)

    monkeypatch.setattr(Page, "render", counting_render)
    write_project(tmp_path, docs={"guide.md": GUIDE})
    built = build_project(tmp_path)
    assert built.ok, (built.error, built.warnings())

    for src in ("categories/devops.md", "a-z.md"):
        assert "gd-term-list" not in rendered[src] and "<li" not in rendered[src]  # placeholders only
    page = built.page("categories/devops/")
    assert 'href="../../terms/immutable-infrastructure/"' in page and "gd-block:" not in page

    index = json.loads((built.site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    listing = " ".join(d["text"] for d in index["docs"] if d["location"].startswith(("categories/", "a-z/")))
    assert "Servers are never modified after deployment" not in listing  # found on the term page instead
    assert any(d["location"] == "categories/devops/" for d in index["docs"])  # the page itself is findable
