"""The browser code's pure parts (SM-2 scheduling, progress validation and merging) under node's test runner."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.support.paths import REPO
from tests.support.policy import require_node


def test_learning_js_units() -> None:
    node = require_node()
    files = sorted(str(p) for p in Path(__file__).parent.glob("*.test.cjs"))
    assert files, "no JavaScript tests found"
    result = subprocess.run([node, "--test", *files], capture_output=True, text=True, timeout=120, cwd=REPO)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "# fail 0" in result.stdout
