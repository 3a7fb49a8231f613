"""Shared fixtures. Tests always exercise the checkout they live in (not another install)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PLUGINS = REPO / "plugins"
if str(PLUGINS) not in sys.path:
    sys.path.insert(0, str(PLUGINS))
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PLUGINS), os.environ.get("PYTHONPATH")]))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def run_cli(*args: str, cwd: Path | None = None, input_text: str | None = None,
            timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """Run `glossdeck ...` as a user would, in a subprocess."""
    return subprocess.run([sys.executable, "-m", "glossdeck", *args], cwd=cwd, capture_output=True,
                          text=True, input=input_text, timeout=timeout)


@pytest.fixture
def cli():  # type: ignore[no-untyped-def]
    return run_cli


def require_tool(path: str | None, what: str) -> None:
    """Skip when a system tool is missing on a developer's machine; in CI (CI=true) fail instead,
    so a missing install step can never turn into a silently skipped test."""
    if path:
        return
    message = f"{what} is not installed (make test installs it via scripts/setup-system.sh)"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)
