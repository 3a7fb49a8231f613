"""Core pieces on their own: auto-linking, Mermaid sanitising, escaping, layout links."""

from __future__ import annotations

import json

import pytest

from glossdeck.site.autolink import Autolinker, plural_forms
from glossdeck.plugin.narrow_strings import ascii_page
from glossdeck.text.escape import json_for_script, md_inline
from glossdeck.text.mermaid_source import fence, sanitize
from glossdeck.site.layout import Layout


def link(html: str, names: dict[str, str], self_slug: str | None = None) -> str:
    return Autolinker(names).link_html(html, lambda slug: f"/{slug}/", self_slug=self_slug)


def test_autolink_whole_words_case_insensitive_plurals_first_mention() -> None:
    out = link("<p>Queries and a QUERY. Policies, policy; subquery.</p>", {"query": "q", "policy": "p"})
    assert out == ('<p><a class="gd-autolink" href="/q/">Queries</a> and a QUERY. '
                   '<a class="gd-autolink" href="/p/">Policies</a>, policy; subquery.</p>')


def test_autolink_never_inside_code_pre_headings_links_or_marked_elements() -> None:
    html = ('<h2>cache</h2><p><code>cache</code> <a href="x">cache</a></p><pre>cache</pre>'
            '<div class="gd-nolink"><span>cache</span></div><p>a cache</p>')
    out = link(html, {"cache": "c"})
    assert out.count("gd-autolink") == 1 and out.endswith('<p>a <a class="gd-autolink" href="/c/">cache</a></p>')


def test_autolink_prefers_the_longest_name_and_skips_the_page_itself() -> None:
    names = {"injection": "i", "sql injection": "s"}
    assert link("<p>SQL injection</p>", names) == '<p><a class="gd-autolink" href="/s/">SQL injection</a></p>'
    assert link("<p>SQL injection</p>", names, self_slug="s") == "<p>SQL injection</p>"


def test_autolink_keeps_entities_and_handles_non_word_names() -> None:
    out = link("<p>Tom &amp; Jerry use C++ &lt;3</p>", {"c++": "cpp"})
    assert out == '<p>Tom &amp; Jerry use <a class="gd-autolink" href="/cpp/">C++</a> &lt;3</p>'


def test_autolink_scales_to_thousands_of_terms() -> None:
    names = {f"concept number {i}": f"t{i}" for i in range(5000)}
    linker = Autolinker(names)
    text = "<p>" + " ".join(f"concept number {i}" for i in range(0, 5000, 7)) + "</p>"
    out = linker.link_html(text, lambda slug: f"/{slug}/")
    assert out.count("gd-autolink") == len(range(0, 5000, 7))


def test_plural_forms() -> None:
    assert plural_forms("class") == ["class", "classs", "classes"]
    assert plural_forms("dependency") == ["dependency", "dependencys", "dependencies"]
    assert plural_forms("c++") == ["c++"]


@pytest.mark.parametrize("line", ["click A call alert()", "  click B href \"javascript:x\"", "call foo()",
                                  "%%{init: {'securityLevel': 'loose'}}%%", "link A: x @ https://e.org"])
def test_mermaid_interactive_and_config_directives_are_removed(line: str) -> None:
    safe, removed = sanitize(f"flowchart LR\n  A --> B\n{line}")
    assert removed and "alert" not in safe and "javascript" not in safe and "%%{" not in safe
    assert "A --> B" in safe


def test_mermaid_html_becomes_text_but_line_breaks_stay() -> None:
    safe, _ = sanitize('flowchart LR\n  A["<b>x</b><br/>y<BR>z"] <--> B[</script>]')
    assert safe == 'flowchart LR\n  A["#60;b#62;x#60;/b#62;<br/>y<br/>z"] <--> B[#60;/script#62;]'


def test_fence_is_longer_than_any_backtick_run() -> None:
    assert fence("a\n```\nb", "php").startswith("````php\n") and fence("x").startswith("```mermaid\n")


def test_escaping_helpers() -> None:
    assert md_inline("a {: onclick=x} <b>") == "a \\{&#58; onclick&#61;x\\} &lt;b&gt;"
    payload = json_for_script({"n": "</script><!-- & \u2028"})
    assert "<" not in payload and ">" not in payload and "&" not in payload and "\u2028" not in payload
    assert json.loads(payload) == {"n": "</script><!-- & \u2028"}


@pytest.mark.parametrize("directory_urls,expected", [(True, "../../debt/#axis-d"), (False, "../debt.html#axis-d")])
def test_layout_links_are_relative(directory_urls: bool, expected: str) -> None:
    layout = Layout.create("x", "https://example.org/sub/", directory_urls)
    assert layout.href(layout.term("a"), layout.debt, "axis-d") == expected
    assert layout.absolute(layout.term("a")).startswith("https://example.org/sub/terms/a")  # type: ignore[union-attr]


def test_ascii_page_writes_references_except_where_they_would_show_or_rename() -> None:
    page = ("---\ntitle: \"Caf\u00e9 \u2014 x\"\n---\n\n# Caf\u00e9 \u2014 title\n\n"
            "<p>\u2713 done \u2014 \U0001F4E6</p>\n\n```python\nprint(\"\u2014\")\n```\n\n"
            "~~~~\n```\n\u2014 inside\n~~~~\n\nafter \u2014 `\u00e9` code\n\n    indented \u2014\n\nlast \u2192\n")
    out = ascii_page(page).split("\n")
    assert out[1] == "title: \"Caf\u00e9 \u2014 x\"" and out[4] == "# Caf\u00e9 \u2014 title"  # front matter, heading
    assert out[6] == "<p>&#10003; done &#8212; &#128230;</p>"
    assert out[9] == "print(\"\u2014\")" and out[14] == "\u2014 inside"  # fenced code, a longer fence
    assert out[17] == "after \u2014 `\u00e9` code" and out[19] == "    indented \u2014"  # inline and indented code
    assert out[21] == "last &#8594;"
    assert ascii_page("plain") == "plain"
