"""Rebuilds as `mkdocs serve` does them, in this process: the config loaded anew per build, the
plugin instance kept; a rebuild redoes only what an edit changed. Counted, never timed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from glossdeck.core.glossary import Glossary
from tests.support.sites import as_a_user_builds, build_site, files_in
from tests.support.terms import synthetic_term_texts

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


class ServeSite:
    """A site built as `mkdocs serve` builds it: config loaded anew per build, plugin instance kept."""

    def __init__(self, root: Path, n: int, site_url: str | None = None, *, dirty: bool = False) -> None:
        # writes the site (and builds it once, plainly); without site_url the cards are off
        site = build_site(root, terms=synthetic_term_texts(n), site_url=site_url)
        assert site.ok, (site.error, site.warnings())
        self.root = root
        self.dirty = dirty  # `mkdocs serve --dirty`, as `make serve` runs it
        self.plugin: Any = None
        self.build()

    def build(self) -> Any:
        from mkdocs.commands.build import build
        from mkdocs.config import load_config

        with as_a_user_builds(self.root):
            config = load_config(config_file=str(self.root / "mkdocs.yml"), site_dir=str(self.root / "site"))
            if self.plugin is None:
                config.plugins.on_startup(command="serve", dirty=self.dirty)
            plugin = config.plugins["glossdeck"]
            assert self.plugin is None or plugin is self.plugin, "the plugin instance must survive rebuilds"
            self.plugin = plugin
            build(config, dirty=self.dirty)
        return plugin.cache_stats()  # type: ignore[attr-defined, no-any-return]

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
    (folder / "term_page.md.j2").write_text(
        '{% extends "glossdeck/term_page.md.j2" %}\n{% block footer %}<p>custom</p>{% endblock %}\n', encoding="utf-8"
    )
    yml = serve_site.root / "mkdocs.yml"
    text = yml.read_text(encoding="utf-8")
    assert "  - glossdeck:\n" in text
    yml.write_text(
        text.replace("  - glossdeck:\n", "  - glossdeck:\n      templates_dir: overrides\n"), encoding="utf-8"
    )
    stats = serve_site.build()
    assert stats["term_pages_rendered"] == 12 and stats["terms_parsed"] == 0
    (folder / "term_page.md.j2").write_text(
        '{% extends "glossdeck/term_page.md.j2" %}\n{% block footer %}<p>changed</p>{% endblock %}\n', encoding="utf-8"
    )
    assert serve_site.build()["term_pages_rendered"] == 12
    assert "changed" in (serve_site.root / "site" / "terms" / "term-00001" / "index.html").read_text(encoding="utf-8")


def test_serve_rebuild_writes_only_the_feature_files_that_changed(tmp_path: Path) -> None:
    site = ServeSite(tmp_path, 12, site_url="https://example.org/glossary/")
    try:
        store = Path(site.plugin.store.root)
        before = files_in(store)
        assert len(before) > 12 * 7  # seven card files per term, the API index, learning data, ...
        # folders MkDocs writes pages into are never links to the store, not even after a first
        # build whose files were stored by a forked child before MkDocs wrote any page
        assert not (site.root / "site" / "terms").is_symlink() and not (site.root / "site" / "learn").is_symlink()
        assert not [rel for rel in before if rel.endswith("index.html") and not rel.startswith("embed/")]
        site.edit("term-00005", "tldr: >-\n  ", "tldr: >-\n  Edited first words. ")
        stats = site.build()
        after = files_in(store)
        changed = {rel for rel in after if before.get(rel) != after[rel]}
        assert "cards/term-00005.svg" in changed and "cards/term-00001.svg" not in changed
        assert stats["feature_files_written"] == len(changed) < len(after) / 4
        assert stats["feature_files_linked"] == len(after)
        built = site.root / "site"  # MkDocs emptied it before the rebuild: every file is back
        assert all((built / rel).read_bytes() == data for rel, data in after.items())
        assert b"Edited first words" in (built / "cards" / "term-00005.svg").read_bytes()
    finally:
        site.close()


def test_serve_rebuild_after_an_edit_makes_that_terms_deck_rows_only_and_the_one_off_deck(tmp_path: Path) -> None:
    """The Anki package and the CSV hold every card, but an edit makes only the edited term's cards
    and note rows again (the package is put together from the kept rows), and the files are the
    bytes a one-off build of the same terms writes."""
    import shutil

    from glossdeck.learning.data import ANKI_DECK, CSV_DECK
    from tests.support.sites import build_project

    site = ServeSite(tmp_path / "serve", 12, site_url="https://example.org/glossary/")
    try:
        memo = site.plugin.memo
        site.edit("term-00005", "tldr: >-\n  ", "tldr: >-\n  Edited first words. ")
        site.build()
        assert memo.misses("learning.deck-cards") == 1  # the edited term's cards
        # the two cards that show the TL;DR; its misconception card and every other term's are kept
        rows = memo.tables["learning.deck-rows"]
        assert memo.misses("learning.deck-rows") == 2 and memo.hits("learning.deck-rows") == len(rows) - 2
        assert "term-00005:misconception" in rows._entries and len(rows) >= 12 * 2
        served = {rel: (site.root / "site" / rel).read_bytes() for rel in (ANKI_DECK, CSV_DECK)}
        assert b"Edited first words" in served[CSV_DECK]
    finally:
        site.close()
    one_off = tmp_path / "one-off"
    shutil.copytree(site.root, one_off, ignore=shutil.ignore_patterns("site", ".cache"))  # file times kept
    built = build_project(one_off)
    assert built.ok, built.error
    assert {rel: (one_off / "site" / rel).read_bytes() for rel in (ANKI_DECK, CSV_DECK)} == served


def test_serve_rebuild_after_an_edit_skips_the_keys_of_terms_no_edit_touched(tmp_path: Path) -> None:
    """Terms not linked with the edited one are reused without their keys being computed (the
    titles of their links, ...: most of a rebuild's work at a thousand terms)."""
    site = ServeSite(tmp_path, 40, site_url="https://example.org/glossary/", dirty=True)
    try:
        memo, ctx = site.plugin.memo, site.plugin.ctx
        assert ctx.affected is None  # the first build: any term may show differently
        site.edit("term-00005", "explanation: |\n  ", "explanation: |\n  Edited first words. ")
        site.build()
        ctx = site.plugin.ctx
        entry = ctx.glossary.entries["term-00005"]
        linked = set(ctx.neighbours(entry)) | set(ctx.backlinks("term-00005"))
        assert ctx.affected == {"term-00005"} | linked and len(ctx.affected) < 20
        for table in ("embeds.files", "previews.files", "llms.markdown.1", "term-page-dependencies"):
            assert memo.unchecked(table) == 40 - len(ctx.affected), table
        assert memo.misses("embeds.files") == 1 and memo.misses("previews.files") == 1
        site.build()  # nothing changed: nothing affected, nothing made
        assert site.plugin.ctx.affected == frozenset() and memo.misses("embeds.files") == 0
    finally:
        site.close()
