"""The MkDocs front end's ASCII narrowing of generated pages (a memory trick, never in outputs)."""

from __future__ import annotations

from glossdeck.plugin.narrow_strings import ascii_page


def test_ascii_page_writes_references_except_where_they_would_show_or_rename() -> None:
    page = (
        '---\ntitle: "Caf\u00e9 \u2014 x"\n---\n\n# Caf\u00e9 \u2014 title\n\n'
        '<p>\u2713 done \u2014 \U0001f4e6</p>\n\n```python\nprint("\u2014")\n```\n\n'
        "~~~~\n```\n\u2014 inside\n~~~~\n\nafter \u2014 `\u00e9` code\n\n    indented \u2014\n\nlast \u2192\n"
    )
    out = ascii_page(page).split("\n")
    assert out[1] == 'title: "Caf\u00e9 \u2014 x"' and out[4] == "# Caf\u00e9 \u2014 title"  # front matter, heading
    assert out[6] == "<p>&#10003; done &#8212; &#128230;</p>"
    assert out[9] == 'print("\u2014")' and out[14] == "\u2014 inside"  # fenced code, a longer fence
    assert out[17] == "after \u2014 `\u00e9` code" and out[19] == "    indented \u2014"  # inline and indented code
    assert out[21] == "last &#8594;"
    assert ascii_page("plain") == "plain"
