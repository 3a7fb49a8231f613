"""What `mkdocs serve` watches: the terms folder and a site's template overrides."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from tests.support.sites import build_site


def test_serve_watches_the_terms_folder(tmp_path: Path) -> None:
    """`mkdocs serve` rebuilds when a term file changes: the plugin asks the server to watch terms/."""
    from mkdocs.config import load_config

    built = build_site(
        tmp_path / "s",
        glossdeck="templates_dir: overrides\n",
        files={"overrides/term_page.md.j2": '{% extends "glossdeck/term_page.md.j2" %}\n'},
    )
    assert built.ok, (built.error, built.warnings())
    config = load_config(config_file=str(built.root / "mkdocs.yml"))
    plugin = config.plugins["glossdeck"]
    config = config.plugins.on_config(config)  # every plugin, as MkDocs runs them

    class Server:
        watched: ClassVar[list[str]] = []

        def watch(self, path: str) -> None:
            self.watched.append(path)

    server = Server()
    plugin.on_serve(server, config=config, builder=None)  # type: ignore[arg-type]  # a stand-in server
    assert str((built.root / "terms").resolve()) in server.watched
    assert str(built.root / "overrides") in server.watched
