"""Build work that must stay linear: counted, never timed (benchmarks live in scripts/bench.py).

A per-page regression that scans the whole glossary, converts prose again for every page that lists a
term, or auto-links once per term instead of once per page fails these tests at any machine speed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from glossdeck.core.checks import load_glossary
from glossdeck.core.glossary import Glossary
from glossdeck.core.rubric import load_rubric
from glossdeck.embeds import EMBEDS
from glossdeck.learning import LEARNING
from glossdeck.site import autolink
from glossdeck.site.context import SiteContext
from glossdeck.site.index_pages import generate_pages
from glossdeck.site.layout import Layout
from glossdeck.site.term_page import TermPageRenderer
from tests.support.sites import build_site
from tests.support.terms import synthetic_term_texts, write_terms

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def synthetic_glossary(folder: Path, n: int) -> Glossary:
    glossary, problems = load_glossary([write_terms(folder, synthetic_term_texts(n))])
    assert not problems.errors, problems.sorted()
    return glossary


def prose_fields(glossary: Glossary) -> set[str]:
    fields: set[str] = set()
    for entry in glossary:
        term = entry.term
        fields.update(
            f
            for f in (
                term.tldr,
                term.explanation,
                term.why_it_matters,
                term.quick_fix,
                *term.mistakes,
                *(e.caption for e in term.code_examples),
            )
            if f
        )
        if term.misconception:
            fields.update((term.misconception.belief, term.misconception.correction))
        if term.debt:
            fields.update(r for r in (term.debt.axis(a).rationale for a in "debt") if r)
    return fields


class CountingEntries(dict):  # type: ignore[type-arg]
    """A glossary's entries that count whole-glossary scans (iterating keys, values or items)."""

    scans = 0

    def __iter__(self) -> Iterator[Any]:
        CountingEntries.scans += 1
        return super().__iter__()

    def values(self):  # type: ignore[no-untyped-def]
        CountingEntries.scans += 1
        return super().values()

    def items(self):  # type: ignore[no-untyped-def]
        CountingEntries.scans += 1
        return super().items()


def render_all(glossary: Glossary) -> tuple[int, int]:
    """(prose conversions, whole-glossary scans) for rendering every generated page once."""
    glossary.entries = CountingEntries(glossary.entries)
    features = [LEARNING, EMBEDS]  # the built-in features: their per-page work counts too
    ctx = SiteContext(
        glossary=glossary, rubric=load_rubric(), layout=Layout.create("t", "https://e.org/", True), features=features
    )
    CountingEntries.scans = 0
    generate_pages(ctx, TermPageRenderer(ctx), with_home=True)
    for slug in list(dict.keys(glossary.entries)):  # what on_post_page asks of features, per page
        for feature in features:
            feature.head(ctx.build, slug)
    for feature in features:
        feature.files(ctx.build)
    return ctx.prose.conversions, CountingEntries.scans


def test_each_prose_text_is_converted_once_per_build(tmp_path: Path) -> None:
    glossary = synthetic_glossary(tmp_path, 40)
    conversions, _ = render_all(glossary)
    # every TL;DR is shown on many pages (related lists, categories, tags, home), converted once
    assert conversions <= len(prose_fields(glossary))


def test_pages_of_ascii_terms_are_ascii(tmp_path: Path) -> None:
    """Memory: CPython stores a string at the width of its widest character, and MkDocs holds every
    page's Markdown and HTML to the end of a build. An emoji or arrow in glossdeck's own chrome
    would make every page four (or two) bytes per character; written as references, a page whose
    terms are ASCII stays one byte per character. Only the MkDocs front end narrows
    (plugin/narrow_strings.py): the pages themselves, as the Markdown export writes them, are UTF-8."""
    from glossdeck.plugin.narrow_strings import ascii_page

    glossary = synthetic_glossary(tmp_path, 30)
    ctx = SiteContext(
        glossary=glossary,
        rubric=load_rubric(),
        layout=Layout.create("t", "https://e.org/", True),
        features=[LEARNING, EMBEDS],
    )
    pages = [p for p in generate_pages(ctx, TermPageRenderer(ctx), with_home=True) if ctx.layout.slug_of(p.src_path)]
    assert len(pages) == 30  # term pages: the bulk of a site (a few list pages keep an en dash in a heading)
    wide = {page.src_path: sorted({c for c in ascii_page(page.markdown) if not c.isascii()}) for page in pages}
    assert {src: chars for src, chars in wide.items() if chars} == {}
    # the characters themselves, not references (entities for Markdown syntax like "&#58;" stay)
    assert not [src for page in pages for src in re.findall(r"&#(\d+);", page.markdown) if int(src) > 127]
    assert any(not page.markdown.isascii() for page in pages)  # (the chrome does use non-ASCII characters)


def test_whole_glossary_scans_do_not_grow_with_the_glossary(tmp_path: Path) -> None:
    _, small = render_all(synthetic_glossary(tmp_path / "a", 20))
    _, large = render_all(synthetic_glossary(tmp_path / "b", 60))
    # a constant may differ (a lookup table built once when categories are small); a per-page scan
    # would add one per term (20 or 60 here)
    assert abs(large - small) <= 2, "some per-page work walks the whole glossary"


def test_read_first_does_not_sort_the_glossary_per_term(tmp_path: Path) -> None:
    glossary = synthetic_glossary(tmp_path, 60)
    glossary.entries = CountingEntries(glossary.entries)
    glossary.read_first("term-00059")
    CountingEntries.scans = 0
    for entry in list(dict.values(glossary.entries)):
        glossary.read_first(entry.slug)
    assert CountingEntries.scans == 0


# --- a real MkDocs build: one auto-link pass per page (serve rebuilds: tests/serve/test_rebuilds.py) --


def test_autolinking_is_one_pass_per_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    passes: list[int] = []
    link_html = autolink.Autolinker.link_html

    def counted(self: autolink.Autolinker, *args: Any, **kwargs: Any) -> str:
        passes.append(1)
        return link_html(self, *args, **kwargs)

    monkeypatch.setattr(autolink.Autolinker, "link_html", counted)
    site = build_site(tmp_path, terms=synthetic_term_texts(12), docs={"guide.md": "# Guide\n\nNo terms here.\n"})
    assert site.ok, (site.error, site.warnings())
    pages = len(list(site.site_dir.rglob("index.html")))  # every page, with directory URLs
    assert len(passes) == pages
