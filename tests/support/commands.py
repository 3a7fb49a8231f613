"""The `glossdeck` command line, run as a user runs it: in a subprocess of this checkout's Python."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def run_cli(
    *args: str, cwd: Path | None = None, input_text: str | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "glossdeck", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        input=input_text,
        timeout=timeout,
    )
