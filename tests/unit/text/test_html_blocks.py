"""Finished HTML blocks handed to the page without a Markdown pass, and what search gets of them."""

from __future__ import annotations

import markdown

from glossdeck.text import html_blocks

PAGE = (
    "# Title\n\n"
    + html_blocks.mark('<div data-gd-block="header">badges</div>\n')
    + "\n## TL;DR\n\n"
    + html_blocks.mark(
        '<div class="gd-tldr" data-gd-block="tldr">\n<p>Short.</p>\n\n<pre><code>a\n\nb</code></pre>\n</div>\n'
    )
    + "\n## Code\n\n```python\nx = 1\n```\n\n"
    + html_blocks.mark('<section data-gd-block="debt"><p>widget</p></section>\n')
)


def _render(text: str) -> str:
    return markdown.markdown(text, extensions=["toc", "md_in_html", "fenced_code"])


def test_marked_blocks_come_back_whole_around_markdown_headings_and_fences() -> None:
    stub, blocks = html_blocks.split(PAGE)
    assert len(blocks) == 3 and "gd-html" not in stub and "badges" not in stub
    html = html_blocks.fill(_render(stub), blocks)
    assert '<h2 id="tldr">TL;DR</h2>' in html and '<code class="language-python">x = 1' in html
    assert "<pre><code>a\n\nb</code></pre>" in html  # a blank line inside a block does not split it
    assert html.index("badges") < html.index("TL;DR") < html.index("Short.") < html.index("x = 1")
    assert html.index("x = 1") < html.index("widget")


def test_unmarked_text_and_sections_are_left_alone() -> None:
    assert html_blocks.split("# T\n\n<p>raw</p>\n") == ("# T\n\n<p>raw</p>\n", ())
    section = "## Embed\n\n<div>one</div>\n\nA paragraph."
    marked = html_blocks.mark_blocks(section)
    assert marked.startswith("## Embed\n\n" + html_blocks.OPEN) and marked.endswith("\n\nA paragraph.")
    assert html_blocks.fill("<p>x</p>", ()) == "<p>x</p>"


def test_search_gets_the_words_under_their_headings_and_the_lead_under_the_title() -> None:
    stub, blocks = html_blocks.split(PAGE)
    lean = html_blocks.searchable(_render(stub), blocks, frozenset({"tldr"}), lead="tldr")
    assert lean.startswith('<h1 id="title">Title</h1>\n<div class="gd-tldr"')
    assert "badges" not in lean and "widget" not in lean and "x = 1" not in lean
    assert "<h2" not in lean  # the TL;DR moved under the title; the other sections had nothing searched
    kept = html_blocks.searchable(_render(stub), blocks, frozenset({"tldr", "debt"}))
    assert '<h2 id="tldr">' in kept and '<h2 id="code">' in kept and "widget" in kept


LISTING = (
    "---\ntitle: Security\n---\n\n# Security\n\n"
    '<p class="gd-nolink"><a href="index.md">All categories</a> · 2 terms</p>\n\n'
    '<ul class="gd-term-list">\n<li><a href="../terms/a.md">A</a></li>\n<li><a href="../terms/b.md">B</a></li>\n</ul>\n\n'
    '<a href="x.md">A link</a> opening a paragraph of *Markdown* prose</a>\n\n'
    "<div>\n<p>an unfinished block\n\n"
    "Closing words with **emphasis**.\n"
)


def test_a_listing_renders_the_same_with_its_raw_blocks_marked() -> None:
    marked = html_blocks.mark_raw_blocks(LISTING)
    assert marked.count(html_blocks.OPEN) == 2  # the <p> and the <ul>; not the prose, not the open <div>
    stub, blocks = html_blocks.split(marked)
    assert "gd-term-list" not in stub and len(blocks) == 2
    assert html_blocks.fill(_render(stub), blocks) == _render(LISTING)


def test_a_page_its_template_marked_is_left_alone() -> None:
    assert html_blocks.mark_raw_blocks(PAGE) == PAGE


def test_search_gets_a_listing_without_its_blocks() -> None:
    stub, _ = html_blocks.split(html_blocks.mark_raw_blocks(LISTING))
    searched = html_blocks.without_blocks(_render(stub))
    assert "<h1" in searched and "Closing words" in searched
    assert "All categories" not in searched and "../terms/a.md" not in searched
