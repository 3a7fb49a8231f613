"""Under `mkdocs serve`, the theme's static files are listed once per session: same list, less work."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config import load_config
from mkdocs.structure.files import Files

from glossdeck.build.template_cache import CompiledTemplates
from glossdeck.plugin.theme_env import reuse_theme_work


def _config(root: Path) -> Any:
    (root / "docs").mkdir(parents=True, exist_ok=True)
    (root / "overrides").mkdir(exist_ok=True)
    (root / "mkdocs.yml").write_text("site_name: T\ntheme:\n  name: mkdocs\n  custom_dir: overrides\n")
    return load_config(config_file=str(root / "mkdocs.yml"))


def _theme_files(config: Any) -> list[str]:
    files = Files([])
    files.add_files_from_theme(config.theme.get_env(), config)  # as MkDocs' build does
    return sorted(f.src_uri for f in files)


def test_the_theme_is_listed_once_and_again_when_its_override_folder_changes(tmp_path: Path, monkeypatch: Any) -> None:
    walks = []
    real_list = jinja2.FileSystemLoader.list_templates

    def counted(self: jinja2.FileSystemLoader) -> list[str]:
        walks.append(1)
        return real_list(self)

    monkeypatch.setattr(jinja2.FileSystemLoader, "list_templates", counted)
    expected = _theme_files(_config(tmp_path))  # MkDocs alone
    assert len(walks) == 1 and "css/base.css" in expected

    listed: dict[Any, list[str]] = {}
    compiled = CompiledTemplates()
    for _ in range(3):  # three rebuilds: each loads its config (and theme) anew
        config = _config(tmp_path)
        reuse_theme_work(config.theme, listed, compiled)
        assert _theme_files(config) == expected
        assert config.theme.get_env().bytecode_cache is compiled
    assert len(walks) == 2  # listed once for the three

    (tmp_path / "overrides" / "extra.css").write_text("body {}")
    config = _config(tmp_path)
    reuse_theme_work(config.theme, listed, compiled)
    assert _theme_files(config) == sorted([*expected, "extra.css"])
    assert len(walks) == 3


def test_a_filter_it_cannot_see_through_is_listed_every_time(tmp_path: Path) -> None:
    config = _config(tmp_path)
    listed: dict[Any, list[str]] = {}
    reuse_theme_work(config.theme, listed, CompiledTemplates())
    seen: list[str] = []

    def keep(name: str, seen: list[str] = seen) -> bool:  # a default argument: its result is unknown
        seen.append(name)
        return name.endswith(".css")

    env = config.theme.get_env()
    first = env.list_templates(filter_func=keep)
    count = len(seen)
    assert env.list_templates(filter_func=keep) == first and len(seen) == 2 * count
    assert not listed
