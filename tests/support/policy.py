"""The one rule for what a test needs but the machine may lack (a system tool, a browser, an npm
package): skip on a developer's machine, fail in CI (CI=true), so a missing install step can never
turn into a silently skipped test. Everything that checks for a tool goes through `unavailable`."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import NoReturn

import pytest

CHROMIUM = Path("/usr/bin/chromium")

# not a missing tool: the operating system lacks the feature under test
needs_fork = pytest.mark.skipif(not hasattr(os, "fork"), reason="fork is POSIX-only")


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def unavailable(message: str) -> NoReturn:
    if in_ci():
        pytest.fail(f"{message} (required in CI)")
    pytest.skip(message)


def require_tool(path: str | None, what: str) -> str:
    """`path` as found (e.g. by shutil.which); `what` names the Debian package for the message."""
    if not path:
        unavailable(f"{what} is not installed (make test installs it via scripts/setup-system.sh)")
    return path


def require_executable(path: str | Path, what: str) -> str:
    """An executable at its Debian path, or under its name on PATH."""
    found = str(path) if Path(path).exists() else shutil.which(Path(path).name)
    return require_tool(found, what)


def require_chromium() -> str:
    return require_executable(CHROMIUM, "headless Chromium (chromium)")


def require_node() -> str:
    return require_tool(shutil.which("node"), "node (nodejs)")


def require_file(path: Path, how: str) -> Path:
    """A file an install step provides (`how` says which), e.g. an npm package."""
    if not path.is_file():
        unavailable(f"{path} is missing: {how}")
    return path
