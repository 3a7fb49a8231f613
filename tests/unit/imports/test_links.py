"""Links in imported prose: term links between imported terms, text for links into the source site,
other hosts as written, code untouched, lines kept for the report."""

from __future__ import annotations

from glossdeck.imports.links import TERM_KEY_SCHEME, LinkContext, rewrite_links
from glossdeck.imports.report import Report
from glossdeck.imports.source_term import Located

KEYS = {"container": "container", "cluster": "cluster", "api": "application-programming-interface"}
TITLES = {"container": "Container", "cluster": "Cluster", "application-programming-interface": "API"}


def _rewrite(text: str, *, base_url: str | None = None, line: int = 10) -> tuple[str, list[str]]:
    report = Report()
    ctx = LinkContext("page.md", "cluster", lambda k: KEYS.get(k.casefold()), lambda s: TITLES[s], base_url, report)
    out = rewrite_links(Located(text, line), ctx)
    assert out.count("\n") == text.count("\n")  # the report's lines stay true
    return out, [n.format() for n in report.all()]


def test_links_to_imported_terms_become_term_links() -> None:
    out, notes = _rewrite("A [Container](/container/) in [the API](../api) and [containers](container.md#x).")
    assert out == "A [[container]] in [[application-programming-interface|the API]] and [[container|containers]]."
    assert notes == []


def test_links_to_other_hosts_stay_and_unsafe_ones_lose_their_target() -> None:
    out, notes = _rewrite("[docs](https://docs.example.org/a) and [x](javascript:alert(1)) and <https://x.org>")
    assert out == "[docs](https://docs.example.org/a) and x and <https://x.org>"
    assert notes == ["page.md:10: link: link to 'javascript:alert(1)' has an unsafe scheme; kept the text"]


def test_links_into_the_source_site_keep_their_text_or_become_absolute() -> None:
    text = "See\n[the docs](/docs/a/b/) and [self](/cluster/)."
    out, notes = _rewrite(text)
    assert out == "See\nthe docs and self."
    assert notes == [
        "page.md:11: link: link to '/docs/a/b/' is not one of the imported terms; kept its text "
        "(--base-url makes such links absolute)"
    ]
    out, notes = _rewrite(text, base_url="https://old.example.org/")
    assert out == "See\n[the docs](https://old.example.org/docs/a/b/) and self."
    assert notes == []


def test_absolute_links_to_the_source_site_resolve_with_base_url() -> None:
    out, _ = _rewrite("[c](https://old.example.org/container/)", base_url="https://old.example.org/")
    assert out == "[[container|c]]"


def test_code_is_left_alone() -> None:
    text = "`[c](/container/)` and\n```md\n[c](/container/)\n```\n~~~\n[c](/container/)\n~~~\n[c](/container/)"
    out, _ = _rewrite(text)
    assert out == text.rsplit("\n", 1)[0] + "\n[[container|c]]"


def test_reference_links_multiline_text_images_and_hostile_link_text() -> None:
    text = "The [API][a] and [multi\nline](/container/) ![logo](/logo.png) [a|b](/container/)\n\n[a]: /api/"
    out, notes = _rewrite(text)
    # the text is the title; a line break in link text is kept after the link; the image goes
    assert out == "The [[application-programming-interface]] and [[container|multi line]]\n  [[container|a b]]\n\n"
    assert "page.md:11: unmapped: image '/logo.png' is a file of the source site; left out" in notes
    assert "page.md:11: unmapped: image '/logo.png' is a file of the source site; left out" in notes


def test_term_keys_from_shortcodes_and_a_following_parenthesis() -> None:
    out, notes = _rewrite(f"[nodes]({TERM_KEY_SCHEME}container)(CI) and []({TERM_KEY_SCHEME}kubelet)")
    assert out == "[[container|nodes]]\\(CI) and kubelet"
    assert notes == ["page.md:10: link: term 'kubelet' is not among the imported terms; kept the text"]
