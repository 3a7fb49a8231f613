"""The browser code's pure parts (FSRS scheduling, progress validation and merging) under node's test runner,
with the English interface strings a site's strings.js gives them."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from glossdeck.i18n.catalog import load_messages
from glossdeck.i18n.script import strings_script
from tests.support.paths import REPO
from tests.support.policy import require_node


def test_learning_js_units(tmp_path: Path) -> None:
    node = require_node()
    files = sorted(str(p) for p in Path(__file__).parent.glob("*.test.cjs"))
    assert files, "no JavaScript tests found"
    # the interface strings as a site in English gets them (assets/glossdeck/strings.js)
    strings = tmp_path / "strings.js"
    strings.write_text(strings_script(load_messages("en")), encoding="utf-8")
    env = {**os.environ, "GLOSSDECK_STRINGS_JS": str(strings)}
    result = subprocess.run([node, "--test", *files], capture_output=True, text=True, timeout=120, cwd=REPO, env=env)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "# fail 0" in result.stdout
