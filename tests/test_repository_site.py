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
