"""Term links in prose, lists without a blank line, nested headings, plain text without link artefacts."""

from __future__ import annotations

from glossdeck.core.term_links import find_term_links, flow_sequence_link
from glossdeck.text import prose
from glossdeck.text.html_blocks import lift_headings
from glossdeck.text.plain_text import markdown_to_plain
from glossdeck.text.term_links import Target, resolve_html, resolve_plain


def target(slug: str) -> Target:
    known = {"pod": "Pod", "node": "Node & <co>"}
    if slug in known:
        return Target(f"../{slug}/", known[slug])
    return Target(f"../../wanted/#wanted-{slug}", slug.capitalize(), missing=True)


def test_term_links_resolve_per_page_with_titles_text_and_wanted_entries() -> None:
    html = prose.to_html("A [[pod]] on a [[ Node |machine]], a [[node]] and [[nope]]; `[[pod]]` is code.")
    out = resolve_html(html, target)
    assert '<a class="gd-termlink" href="../pod/">Pod</a>' in out
    assert '<a class="gd-termlink" href="../node/">machine</a>' in out
    assert '<a class="gd-termlink" href="../node/">Node &amp; &lt;co&gt;</a>' in out
    assert 'class="gd-termlink gd-missing-term" href="../../wanted/#wanted-nope" rel="nofollow"' in out
    assert "<code>[[pod]]</code>" in out


def test_hostile_term_links_stay_text() -> None:
    out = resolve_html(prose.to_html('[[x" onclick="alert(1)|<b>hi</b>]] \ue010pod\ue011'), target)
    assert 'onclick="alert' not in out and "<b>" not in out and "\ue010" not in out


def test_plain_text_shows_titles_and_no_space_where_a_link_was() -> None:
    plain = prose.to_plain_text("Runs on [nodes](../node/), a [[pod]] and [[node|machines]].")
    assert resolve_plain(plain, lambda s: target(s).title) == "Runs on nodes, a Pod and machines."
    assert markdown_to_plain("A [[pod]], [[node|the *node*]]", {"pod": "Pod"}.get) == "A Pod, the node"  # type: ignore[arg-type]
    assert markdown_to_plain("A [[sql-injection]].") == "A Sql injection."


def test_find_term_links_skips_code_and_the_yaml_flow_list_is_recognised() -> None:
    text = "See [[a]] and `[[b]]`\n\n```\n[[c]]\n```\n[[D|d]]"
    assert [(link.slug, link.text) for link in find_term_links(text)] == [("a", None), ("d", "d")]
    assert flow_sequence_link([["pod"]]) == "[[pod]]"
    assert flow_sequence_link([["pod|the pod"]]) == "[[pod|the pod]]"
    assert flow_sequence_link(["pod"]) is None


def test_a_list_right_after_a_line_is_a_list_but_not_in_code() -> None:
    html = prose.to_html("Steps:\n- one\n- two\n\n```\nconfig:\n- kept\n```")
    assert "<ul>\n<li>one</li>\n<li>two</li>\n</ul>" in html
    assert "config:\n- kept" in html
    assert "<ol>" in prose.to_html("Steps:\n1. one\n2. two")


def test_headings_nest_under_the_block_and_become_markdown_headings() -> None:
    html = prose.nest_headings(prose.to_html("Intro\n\n# Top\n\nText\n\n### Deep *x*\n\nMore"), 2)
    assert "<h3 data-gd-heading>Top</h3>" in html and "<h5 data-gd-heading>Deep <em>x</em></h5>" in html
    parts = lift_headings(f'<div class="gd-explanation" data-gd-block="explanation">\n{html}\n</div>\n')
    assert parts[0].startswith('<div class="gd-explanation"') and parts[0].endswith("</div>")
    assert parts[1] == "### Top"
    assert parts[2].startswith('<div class="gd-explanation" data-gd-block="explanation">')
    assert parts[3] == "##### Deep x"
    assert parts[4].endswith("</div>") and "More" in parts[4]
    assert lift_headings("<div><p>no headings</p></div>") == ["<div><p>no headings</p></div>"]
    assert prose.nest_headings("<p>plain</p>", 2) == "<p>plain</p>"
