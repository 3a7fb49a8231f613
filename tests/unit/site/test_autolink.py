"""Auto-linking: whole words, any case, plurals, first mention only, never inside code or links."""

from __future__ import annotations

from glossdeck.site.autolink import Autolinker, plural_forms


def link(html: str, names: dict[str, str], self_slug: str | None = None) -> str:
    return Autolinker(names).link_html(html, lambda slug: f"/{slug}/", self_slug=self_slug)


def test_autolink_whole_words_case_insensitive_plurals_first_mention() -> None:
    out = link("<p>Queries and a QUERY. Policies, policy; subquery.</p>", {"query": "q", "policy": "p"})
    assert out == (
        '<p><a class="gd-autolink" href="/q/">Queries</a> and a QUERY. '
        '<a class="gd-autolink" href="/p/">Policies</a>, policy; subquery.</p>'
    )


def test_autolink_never_inside_code_pre_headings_links_or_marked_elements() -> None:
    html = (
        '<h2>cache</h2><p><code>cache</code> <a href="x">cache</a></p><pre>cache</pre>'
        '<div class="gd-nolink"><span>cache</span></div><p>a cache</p>'
    )
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
