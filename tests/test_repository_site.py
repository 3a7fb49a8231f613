"""The repository's own site (root mkdocs.yml, terms/, docs/) builds strictly with no warnings and no broken link."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from conftest import REPO
from linkcheck import check_links


def test_repository_site_builds_strict_without_warnings(tmp_path: Path) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    messages: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.levelno >= logging.WARNING:
                messages.append(record.getMessage())

    handler = Collect()
    logging.getLogger("mkdocs").addHandler(handler)
    previous = os.getcwd()
    docs_before = sorted(p.as_posix() for p in (REPO / "docs").rglob("*"))
    try:
        os.chdir(REPO)
        config = load_config(config_file=str(REPO / "mkdocs.yml"), strict=True, site_dir=str(tmp_path / "site"))
        build(config)
    finally:
        os.chdir(previous)
        logging.getLogger("mkdocs").removeHandler(handler)
    assert messages == []
    assert sorted(p.as_posix() for p in (REPO / "docs").rglob("*")) == docs_before  # nothing written into docs/
    site = tmp_path / "site"
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
    return html[start:html.index("md-sidebar--secondary", start)]
