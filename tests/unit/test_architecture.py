"""The package's layout rules (docs/architecture.md), checked on the source: who may import whom."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "plugins" / "glossdeck"
MODULES = sorted(PACKAGE.rglob("*.py"))


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Absolute names of every module `path` imports (relative imports resolved)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = _module_name(path) if path.name == "__init__.py" else _module_name(path).rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            found.add(target)
            found.update(f"{target}.{alias.name}" for alias in node.names)
    return found


def _in(path: Path, *packages: str) -> bool:
    return path.relative_to(PACKAGE).parts[0] in packages


def test_the_modules_are_found() -> None:
    assert len(MODULES) > 40 and any(p.name == "plugin.py" for p in MODULES)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_only_the_plugin_package_imports_mkdocs(path: Path) -> None:
    if _in(path, "plugin"):
        return
    assert not {n for n in _imports(path) if n == "mkdocs" or n.startswith("mkdocs.")}


@pytest.mark.parametrize(
    "path", [p for p in MODULES if _in(p, "core", "text", "site")], ids=lambda p: str(p.relative_to(PACKAGE))
)
def test_core_text_and_site_import_no_feature_and_no_speed_machinery(path: Path) -> None:
    forbidden = (
        "glossdeck.build",
        "glossdeck.embeds",
        "glossdeck.learning",
        "glossdeck.previews",
        "glossdeck.plugin",
        "glossdeck.share",
    )
    assert not {n for n in _imports(path) if n.startswith(forbidden)}


@pytest.mark.parametrize("path", [p for p in MODULES if _in(p, "core")], ids=lambda p: str(p.relative_to(PACKAGE)))
def test_core_is_the_term_format_only(path: Path) -> None:
    # the core knows nothing of pages: only itself and the memo interface
    names = {n for n in _imports(path) if n.startswith("glossdeck")}
    assert all(n.startswith(("glossdeck.core", "glossdeck.reuse")) for n in names), names


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_level_memo_or_global_build_flag(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    assert "lru_cache" not in source and "functools.cache" not in source
    assert "keep_between_builds" not in source
    tree = ast.parse(source)
    for node in tree.body:  # a module-level container named like a memo holds per-build state
        if not isinstance(node, (ast.Assign, ast.AnnAssign)) or node.value is None:
            continue
        container = isinstance(node.value, (ast.Dict, ast.List, ast.Set)) or (
            isinstance(node.value, ast.Call)
            and getattr(node.value.func, "id", "") in ("dict", "list", "set", "KeyedCache")
        )
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        for target in targets:
            name = getattr(target, "id", "").upper()
            assert not (container and any(w in name for w in ("MEMO", "CACHE", "SEEN", "KEPT"))), name


def test_the_top_level_holds_at_most_a_dozen_modules() -> None:
    top = [p.name for p in PACKAGE.glob("*.py")]
    assert len(top) <= 12, top


@pytest.mark.parametrize(
    "path", [p for p in MODULES if _in(p, "embeds", "learning", "share")], ids=lambda p: str(p.relative_to(PACKAGE))
)
def test_features_import_neither_the_plugin_nor_the_speed_machinery(path: Path) -> None:
    # a feature gets what the build offers through `Build` (memo, cache folder), never by reaching in
    assert not {n for n in _imports(path) if n.startswith(("glossdeck.plugin", "glossdeck.build"))}


@pytest.mark.parametrize("path", [p for p in MODULES if _in(p, "i18n")], ids=lambda p: str(p.relative_to(PACKAGE)))
def test_i18n_knows_only_the_core(path: Path) -> None:
    # interface strings and collation are used by every front end and feature; they use none of them
    names = {n for n in _imports(path) if n.startswith("glossdeck")}
    assert all(n.startswith(("glossdeck.core", "glossdeck.i18n")) for n in names), names
