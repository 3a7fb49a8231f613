"""Auto-linking: whole words, any case, plurals, first mention only, never inside code or links."""

from __future__ import annotations

import re

from glossdeck.site.autolink import Autolinker, plural_forms, term_names


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


# --- names an author can trust (issue 15) ---


def linker_for(*terms: tuple[str, str, list[str], bool | str]) -> Autolinker:
    names = [n for slug, title, aliases, mode in terms for n in term_names(slug, title, aliases, mode)]
    return Autolinker(names)


def linked(linker: Autolinker, html: str, self_slug: str | None = None) -> list[tuple[str, str]]:
    """(words, slug) of every auto-link made."""
    out = linker.link_html(html, lambda slug: f"/{slug}/", self_slug=self_slug)
    return re.findall(r'<a class="gd-autolink" href="/([^/]+)/">([^<]*)</a>', out)


def test_a_title_never_links_inside_a_longer_terms_name() -> None:
    linker = linker_for(
        ("service", "Service", [], True),
        ("iaas", "Infrastructure as a Service", [], True),
        ("reliability", "Reliability", [], True),
        ("sre", "Site Reliability Engineering", [], True),
    )
    assert linked(linker, "<p>Infrastructure as a Service rents machines.</p>") == [
        ("iaas", "Infrastructure as a Service")
    ]
    # on the longer term's own page: no link to itself, and none to "Service" inside its name
    assert linked(linker, "<p>Infrastructure as a Service rents machines.</p>", self_slug="iaas") == []
    # a near-miss of a longer name ("Engineers" for "Engineering") still keeps shorter names out
    assert linked(linker, "<p>Site Reliability Engineers keep reliability high.</p>") == [
        ("reliability", "reliability")
    ]


def test_no_link_inside_a_hyphenated_compound() -> None:
    linker = linker_for(("service", "Service", [], True))
    assert linked(linker, "<p>A self-service portal and a service-mesh.</p>") == []
    assert linked(linker, "<p>A self-service portal, then a service.</p>") == [("service", "service")]


def test_hyphen_and_space_variants_match_each_other() -> None:
    linker = linker_for(("self-healing", "Self Healing", [], True), ("ci", "Blue-green deployment", [], True))
    assert linked(linker, "<p>Kubernetes is self-healing.</p>") == [("self-healing", "self-healing")]
    assert linked(linker, "<p>Use a blue green deployment.</p>") == [("ci", "blue green deployment")]


def test_bracketed_abbreviation_matches_the_full_name_and_the_abbreviation() -> None:
    linker = linker_for(("api", "Application Programming Interface (API)", [], True))
    assert linked(linker, "<p>An application programming interface is...</p>") == [
        ("api", "application programming interface")
    ]
    assert linked(linker, "<p>Call the API.</p>") == [("api", "API")]
    assert linked(linker, "<p>Call the APIs.</p>") == [("api", "APIs")]
    assert linked(linker, "<p>The Application Programming Interface (API) is...</p>") == [
        ("api", "Application Programming Interface (API)")
    ]


def test_acronyms_match_in_their_own_case_only() -> None:
    linker = linker_for(("it", "Information technology", ["IT"], True), ("ci", "Continuous integration", ["CI"], True))
    assert linked(linker, "<p>Is it done? Ask it.</p>") == []
    assert linked(linker, "<p>Ask IT about CI.</p>") == [("it", "IT"), ("ci", "CI")]
    assert linked(linker, "<p>Ask ci.</p>") == []


def test_per_term_switch_false_and_aliases_only() -> None:
    linker = linker_for(
        ("host", "Host", [], False),
        ("node", "Node", ["worker machine"], "aliases"),
        ("host-network", "Host network", [], True),
    )
    assert linked(linker, "<p>Host a node on a worker machine.</p>") == [("node", "worker machine")]
    # a title that never links still keeps shorter names from linking inside it
    blocked = linker_for(("service", "Service", [], True), ("paas", "Platform as a Service", [], False))
    assert linked(blocked, "<p>Platform as a Service</p>") == []


def test_no_autolink_beside_an_explicit_link_in_a_list_entry() -> None:
    linker = linker_for(("pod", "Pod", [], True), ("node", "Node", [], True))
    html = (
        '<ul class="gd-related"><li><a href="/pod/">Pod</a> <span>— A pod runs on a node.</span></li>'
        '<li><a href="/node/">Node</a> <span>— A node runs pods.</span></li></ul><p>A pod.</p>'
    )
    out = linker.link_html(html, lambda slug: f"/{slug}/")
    links = re.findall(r'<a class="gd-autolink" href="/([^/]+)/">([^<]*)</a>', out)
    # "node" in the pod's entry is linked (no explicit link to it there), and "pods" in the node's
    # entry; the pod's own entry never links the pod beside its link
    assert links == [("node", "node"), ("pod", "pods")]
    assert '<li><a href="/pod/">Pod</a> <span>— A pod runs' in out


def test_cjk_titles_match_without_word_boundaries() -> None:
    linker = linker_for(
        ("container", "容器", [], True), ("pod", "Pod", [], True), ("k8s", "Kubernetes (K8S)", [], True)
    )
    assert linked(linker, "<p>每个Pod运行一个或多个容器，由K8S调度。</p>") == [
        ("pod", "Pod"),
        ("container", "容器"),
        ("k8s", "K8S"),
    ]
    # Latin names keep their word boundaries next to Latin letters
    assert linked(linker, "<p>Pods运行, Podman不是。</p>") == [("pod", "Pods")]


def test_record_hears_each_link() -> None:
    heard: list[tuple[str, str]] = []
    linker = linker_for(("pod", "Pod", [], True))
    linker.link_html("<p>A pod and a pod.</p>", lambda slug: f"/{slug}/", record=lambda s, w, t: heard.append((s, w)))
    assert heard == [("pod", "pod")]
