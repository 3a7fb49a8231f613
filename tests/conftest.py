"""Run before any test module: this checkout's package comes first on the path (in this process and
in every subprocess a test starts), then the fixtures every folder shares."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

PLUGINS = Path(__file__).resolve().parents[1] / "plugins"
if str(PLUGINS) not in sys.path:
    sys.path.insert(0, str(PLUGINS))
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PLUGINS), os.environ.get("PYTHONPATH")]))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from tests.support.commands import run_cli  # noqa: E402  (after the path is set)
from tests.support.sites import BuiltSite, build_site  # noqa: E402


@pytest.fixture
def cli() -> Callable[..., Any]:
    return run_cli


@pytest.fixture
def site_builder(tmp_path: Path) -> Callable[..., BuiltSite]:
    """Call with build_site's keyword arguments; each call builds in a fresh sub-folder."""
    counter = iter(range(1000))

    def make(**options: Any) -> BuiltSite:
        return build_site(tmp_path / f"site{next(counter)}", **options)

    return make
