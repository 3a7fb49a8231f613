"""Build work that must stay linear: counted, never timed (benchmarks live in scripts/bench.py).

A per-page regression that scans the whole glossary, converts prose again for every page that lists a
term, or auto-links once per term instead of once per page fails these tests at any machine speed.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import Any, Iterator

import pytest

from conftest import REPO, build_site

sys.path.insert(0, str(REPO / "scripts"))
import synthetic_terms  # noqa: E402

from glossdeck.features import Build
from glossdeck.site import autolink  # noqa: E402
from glossdeck.text import prose  # noqa: E402
from glossdeck.embeds import EMBEDS  # noqa: E402
from glossdeck.learning import LEARNING  # noqa: E402
from glossdeck.core.glossary import Glossary  # noqa: E402
from glossdeck.core.rubric import load_rubric  # noqa: E402
from glossdeck.site.context import SiteContext  # noqa: E402
from glossdeck.site.index_pages import generate_pages  # noqa: E402
from glossdeck.site.layout import Layout  # noqa: E402
from glossdeck.site.term_page import TermPageRenderer  # noqa: E402
from glossdeck.core.checks import load_glossary  # noqa: E402

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def synthetic_glossary(folder: Path, n: int) -> Glossary:
    synthetic_terms.write_terms(folder, n)
    glossary, problems = load_glossary([folder])
    assert not problems.errors, problems.sorted()
    return glossary


def prose_fields(glossary: Glossary) -> set[str]:
    fields: set[str] = set()
    for entry in glossary:
        term = entry.term
        fields.update(f for f in (term.tldr, term.explanation, term.why_it_matters, term.quick_fix, *term.mistakes,
                                  *(e.caption for e in term.code_examples)) if f)
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
    ctx = SiteContext(glossary=glossary, rubric=load_rubric(), layout=Layout.create("t", "https://e.org/", True),
                      features=features)
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
    ctx = SiteContext(glossary=glossary, rubric=load_rubric(), layout=Layout.create("t", "https://e.org/", True),
                      features=[LEARNING, EMBEDS])
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


# --- a real MkDocs build: one auto-link pass per page; serve rebuilds redo only what changed -------

def _terms(n: int) -> dict[str, str]:
    return {f"term-{i:05d}.yml": synthetic_terms.term_yaml(i, n) for i in range(n)}


def test_autolinking_is_one_pass_per_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    passes: list[int] = []
    link_html = autolink.Autolinker.link_html

    def counted(self: autolink.Autolinker, *args: Any, **kwargs: Any) -> str:
        passes.append(1)
        return link_html(self, *args, **kwargs)

    monkeypatch.setattr(autolink.Autolinker, "link_html", counted)
    site = build_site(tmp_path, terms=_terms(12), docs={"guide.md": "# Guide\n\nNo terms here.\n"})
    assert site.ok, (site.error, site.warnings())
    pages = len(list(site.site_dir.rglob("index.html")))  # every page, with directory URLs
    assert len(passes) == pages


class ServeSite:
    """A site built as `mkdocs serve` builds it: config loaded anew per build, plugin instance kept."""

    def __init__(self, root: Path, n: int, site_url: str | None = None) -> None:
        # writes the site (and builds it once, plainly); without site_url the cards are off
        site = build_site(root, terms=_terms(n), site_url=site_url)
        assert site.ok, (site.error, site.warnings())
        self.root = root
        self.plugin: Any = None
        self.build()

    def build(self) -> Any:
        from mkdocs.commands.build import build
        from mkdocs.config import load_config

        previous = os.getcwd()
        os.chdir(self.root)
        try:
            config = load_config(config_file=str(self.root / "mkdocs.yml"), site_dir=str(self.root / "site"))
            if self.plugin is None:
                config.plugins.on_startup(command="serve", dirty=False)
            plugin = config.plugins["glossdeck"]
            assert self.plugin is None or plugin is self.plugin, "the plugin instance must survive rebuilds"
            self.plugin = plugin
            build(config)
        finally:
            os.chdir(previous)
        return plugin.cache_stats()

    def edit(self, slug: str, old: str, new: str) -> None:
        path = self.root / "terms" / f"{slug}.yml"
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def close(self) -> None:
        if self.plugin is not None:  # later builds in this process are plain builds again
            self.plugin.on_startup(command="build", dirty=False)


@pytest.fixture
def serve_site(tmp_path: Path) -> Iterator[ServeSite]:
    site = ServeSite(tmp_path, 12)
    yield site
    site.close()


def test_serve_rebuild_without_changes_renders_nothing(serve_site: ServeSite) -> None:
    stats = serve_site.build()
    assert stats["terms_parsed"] == 0 and stats["term_pages_rendered"] == 0
    assert stats["mentions_scanned"] == 0 and stats["pages_autolinked"] == 0


def test_serve_rebuild_after_editing_prose_redoes_that_term_only(serve_site: ServeSite) -> None:
    serve_site.edit("term-00005", "explanation: |\n  ", "explanation: |\n  Edited first words. ")
    stats = serve_site.build()
    assert stats["terms_parsed"] == 1 and stats["term_pages_rendered"] == 1 and stats["mentions_scanned"] == 1
    assert stats["pages_autolinked"] == 1  # only that page's HTML changed


def test_serve_rebuild_after_a_title_change_rerenders_the_pages_that_name_it(serve_site: ServeSite) -> None:
    ctx = serve_site.plugin.ctx
    glossary = ctx.glossary
    # pages showing its title: those listing it, and those it points at or names ("Referenced by")
    shows = {e.slug for e in glossary if "term-00003" in Glossary.outgoing(e.term)}
    shows |= set(Glossary.outgoing(glossary.term("term-00003"))) | set(ctx.mentions("term-00003"))
    serve_site.edit("term-00003", "title: ", "title: Renamed ")
    stats = serve_site.build()
    assert stats["terms_parsed"] == 1
    assert stats["term_pages_rendered"] == len(shows | {"term-00003"}) < len(glossary)
    # a new name can be mentioned anywhere: every page is auto-linked again
    assert stats["pages_autolink_reused"] == 0


def test_serve_rebuild_after_a_template_change_rerenders_every_term(serve_site: ServeSite) -> None:
    folder = serve_site.root / "overrides"
    folder.mkdir()
    (folder / "term_page.md.j2").write_text('{% extends "glossdeck/term_page.md.j2" %}\n'
                                            '{% block footer %}<p>custom</p>{% endblock %}\n', encoding="utf-8")
    yml = serve_site.root / "mkdocs.yml"
    text = yml.read_text(encoding="utf-8")
    assert "  - glossdeck:\n" in text
    yml.write_text(text.replace("  - glossdeck:\n", "  - glossdeck:\n      templates_dir: overrides\n"), encoding="utf-8")
    stats = serve_site.build()
    assert stats["term_pages_rendered"] == 12 and stats["terms_parsed"] == 0
    (folder / "term_page.md.j2").write_text('{% extends "glossdeck/term_page.md.j2" %}\n'
                                            '{% block footer %}<p>changed</p>{% endblock %}\n', encoding="utf-8")
    assert serve_site.build()["term_pages_rendered"] == 12
    assert "changed" in (serve_site.root / "site" / "terms" / "term-00001" / "index.html").read_text(encoding="utf-8")


def _files(folder: Path) -> dict[str, bytes]:
    found: dict[str, bytes] = {}
    for parent, _, names in os.walk(folder, followlinks=True):  # as a web server sees them, through links
        for name in names:
            path = Path(parent, name)
            found[path.relative_to(folder).as_posix()] = path.read_bytes()
    return found


def test_serve_rebuild_writes_only_the_feature_files_that_changed(tmp_path: Path) -> None:
    site = ServeSite(tmp_path, 12, site_url="https://example.org/glossary/")
    try:
        store = Path(site.plugin.store.root)
        before = _files(store)
        assert len(before) > 12 * 7  # seven card files per term, the API index, learning data, ...
        site.edit("term-00005", "tldr: >-\n  ", "tldr: >-\n  Edited first words. ")
        stats = site.build()
        after = _files(store)
        changed = {rel for rel in after if before.get(rel) != after[rel]}
        assert "cards/term-00005.svg" in changed and "cards/term-00001.svg" not in changed
        assert stats["feature_files_written"] == len(changed) < len(after) / 4
        assert stats["feature_files_linked"] == len(after)
        built = site.root / "site"  # MkDocs emptied it before the rebuild: every file is back
        assert all((built / rel).read_bytes() == data for rel, data in after.items())
        assert b"Edited first words" in (built / "cards" / "term-00005.svg").read_bytes()
    finally:
        site.close()
