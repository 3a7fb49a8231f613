"""Under `mkdocs serve`: the theme's work done once per session, not on every rebuild.

MkDocs makes a new Jinja environment from the theme for every build. glossdeck gives each one the
session's compiled templates (build/template_cache.py: the search plugin's and the pages') and the
theme's list of static files.

Every MkDocs build lists every file of the theme's folders (Material ships about 14,500, icons
included) and matches each against a dozen patterns to find the static files to copy: about
0.1 s per rebuild, more than glossdeck's own work after an edit. The theme's folders do not change
while an author edits terms, so the plugin remembers the list, keyed by what decides it: the
folders (the theme override folder by its every file, the installed themes by their folder's
modification time), the filter's code and the settings it reads. Any change there lists again.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Hashable
from typing import Any

import jinja2
from mkdocs import utils
from mkdocs.theme import Theme

from .dirty_builds import folder_fingerprint

ListTemplates = Callable[..., list[str]]


def reuse_theme_work(theme: Theme, cache: dict[Hashable, list[str]], compiled: jinja2.BytecodeCache) -> None:
    """Makes `theme.get_env()` return environments that use `compiled` templates and whose
    `list_templates` reuses `cache`."""
    make_env = theme.get_env

    def get_env() -> jinja2.Environment:
        env = make_env()
        env.bytecode_cache = compiled
        env.list_templates = _remembered(env.list_templates, theme, cache)  # type: ignore[method-assign]
        return env

    theme.get_env = get_env  # type: ignore[method-assign]


def _remembered(list_templates: ListTemplates, theme: Theme, cache: dict[Hashable, list[str]]) -> ListTemplates:
    def remembered(extensions: Any = None, filter_func: Callable[[str], bool] | None = None) -> list[str]:
        key = _key(theme, extensions, filter_func)
        if key is None:
            return list_templates(extensions, filter_func)
        found = cache.get(key)
        if found is None:
            cache.clear()  # one theme per session: keep the latest list only
            found = cache[key] = list_templates(extensions, filter_func)
        return list(found)

    return remembered


def _key(theme: Theme, extensions: Any, filter_func: Callable[[str], bool] | None) -> Hashable | None:
    """What decides the list; None when it cannot be told (then it is listed as usual)."""
    folders: list[Hashable] = []
    custom_dir = theme.custom_dir if hasattr(theme, "custom_dir") else None
    for folder in theme.dirs:
        try:
            stamp: Hashable = folder_fingerprint(folder) if folder == custom_dir else os.stat(folder).st_mtime_ns
        except OSError:
            return None
        folders.append((folder, stamp))
    filter_key: Hashable = None
    if filter_func is not None:
        settings = _filter_settings(filter_func)
        if settings is None:
            return None
        filter_key = (filter_func.__code__, settings, tuple(utils.markdown_extensions))
    return tuple(folders), tuple(extensions) if extensions else None, filter_key


def _filter_settings(filter_func: Callable[[str], bool]) -> Hashable | None:
    """The values a filter reads from its closure: simple values as they are, a MkDocs config by
    the theme's `static_templates` (all MkDocs' own theme-file filter reads of it)."""
    out: list[Hashable] = []
    code = getattr(filter_func, "__code__", None)
    if code is None or getattr(filter_func, "__defaults__", None):
        return None
    for name, cell in zip(code.co_freevars, getattr(filter_func, "__closure__", None) or (), strict=True):
        value = cell.cell_contents
        if isinstance(value, str | int | float | bool | type(None)):
            out.append((name, value))
        elif name == "config" and hasattr(value, "theme"):
            out.append((name, tuple(value.theme.static_templates)))
        else:
            return None
    return tuple(out)
