"""Shortcuts taken for build speed give exactly what the long way gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from glossdeck.text import markup, prose
from glossdeck.text.plain_text import clean_text

PROSE_PIECES = st.sampled_from(
    [
        "word",
        "Word",
        " ",
        "  ",
        "\n",
        "\n\n",
        "    ",
        ".",
        ",",
        "'",
        '"',
        "—",
        "é",
        "1",
        "2.",
        "1)",
        "-",
        "- ",
        "=",
        "*",
        "_",
        "`",
        "#",
        "<b>",
        "&",
        ":",
        "\t",
        "(x)",
        "?",
        "\u2028",
        "\x01",
    ]
)


@settings(max_examples=3000, deadline=None)
@given(st.lists(PROSE_PIECES, min_size=1, max_size=25).map("".join))
def test_plain_prose_shortcut_matches_python_markdown(source: str) -> None:
    fast = prose.plain_paragraphs(source)
    if fast is not None:
        assert fast == prose.markdown_to_html(source)


def test_plain_prose_shortcut_is_taken_for_plain_sentences_only() -> None:
    assert prose.plain_paragraphs("Servers are replaced — never patched.\n\nA second paragraph.") == (
        "<p>Servers are replaced — never patched.</p>\n<p>A second paragraph.</p>"
    )
    for source in ("Use `code`.", "1. a list", "- item", "Title\n===", "a  \nb", "<script>", "a & b", "    code"):
        assert prose.plain_paragraphs(source) is None, source


@given(st.text(max_size=40))
def test_markup_escape_shortcut_matches_the_full_escape(text: str) -> None:
    import html

    assert markup.escape(text) == html.escape(clean_text(text), quote=True)
