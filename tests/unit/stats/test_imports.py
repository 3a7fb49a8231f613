"""A site build loads the stats feature on every build: it must not pull in what only the commands
need (crawler detection for `stats ingest`, the web stack for `api`, PostgreSQL's driver)."""

from __future__ import annotations

import subprocess
import sys


def test_the_feature_imports_no_command_dependency() -> None:
    code = (
        "import sys, glossdeck.stats, glossdeck.features as f; f.load_features();"
        "print(sorted(m for m in ('crawlerdetect', 'starlette', 'uvicorn', 'psycopg') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
