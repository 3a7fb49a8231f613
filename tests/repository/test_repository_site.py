"""The repository's own site (root mkdocs.yml, terms/, docs/) builds strictly with no warnings and no broken link."""

from __future__ import annotations

from pathlib import Path

from tests.support.linkcheck import check_links
from tests.support.paths import REPO
from tests.support.sites import build_project


def test_repository_site_builds_strict_without_warnings(tmp_path: Path) -> None:
    docs_before = sorted(p.as_posix() for p in (REPO / "docs").rglob("*"))
    built = build_project(REPO, site_dir=tmp_path / "site")
    assert built.ok and built.warnings() == [], (built.error, built.warnings())
    assert sorted(p.as_posix() for p in (REPO / "docs").rglob("*")) == docs_before  # nothing written into docs/
    site = built.site_dir
    assert (site / "terms/immutable-infrastructure/index.html").is_file()
    assert check_links(site) == []
    # the learning tools sit in a "Learn" section of the glossary's navigation, which Material's
    # navigation.prune leaves collapsed (not in the HTML) on pages outside it
    term_nav = _primary_nav((site / "terms/immutable-infrastructure/index.html").read_text(encoding="utf-8"))
    learn_nav = _primary_nav((site / "learn/quiz/index.html").read_text(encoding="utf-8"))
    assert "Learn" in term_nav and "learn/flashcards/" not in term_nav
    assert all(f'href="../{page}/"' in learn_nav for page in ("flashcards", "explorer", "graph", "progress"))


def _primary_nav(html: str) -> str:
    start = html.index('class="md-nav md-nav--primary"')
    return html[start : html.index("md-sidebar--secondary", start)]
