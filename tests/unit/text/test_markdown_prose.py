"""Author Markdown for the AI readers' copy: still Markdown, raw HTML as text, code as written."""

from __future__ import annotations

import markdown

from glossdeck.text.escape import code_fence, iri, markdown_prose


def _html(source: str) -> str:
    return markdown.markdown(source, extensions=["fenced_code"])


def test_raw_html_becomes_text_and_code_is_left_alone() -> None:
    source = (
        "Hi <script>alert(1)</script> and `<b>x</b>`\n\n```html\n<i>y</i>\n```\n\n<div onclick=z>q</div> <!-- c -->"
    )
    out = markdown_prose(source)
    assert "`<b>x</b>`" in out and "```html\n<i>y</i>\n```" in out
    html = _html(out)
    assert "<script" not in html and "<div" not in html and "<!--" not in html
    assert "&lt;script&gt;" in html and "&lt;b&gt;x&lt;/b&gt;" in html


def test_links_keep_safe_schemes_only() -> None:
    out = markdown_prose("[a](javascript:alert(1)) [b](https://x.test) [c](mailto:a@b.c) [d](data:text/html,x)")
    assert "](#javascript:" in out and "](#data:" in out
    assert "](https://x.test)" in out and "](mailto:a@b.c)" in out


def test_a_fence_is_longer_than_any_backtick_run_inside() -> None:
    code = "```\nnested\n````"
    fenced = code_fence(code, "md")
    assert fenced.startswith("`````md\n") and fenced.endswith("\n`````")
    assert code in _html(fenced).replace("&gt;", ">")


def test_iri_encodes_what_iris_forbid() -> None:
    assert iri('https://x.test/a b/"q"/<>') == "https://x.test/a%20b/%22q%22/%3C%3E"
    assert iri("https://x.test/a&b/?q=1#f") == "https://x.test/a&b/?q=1#f"
