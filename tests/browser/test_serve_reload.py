"""`mkdocs serve --livereload --dirty` (make serve) with a browser on a term page: the page reloads
with its stylesheets taken from the browser's cache, and an edited stylesheet shows at once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.support.local_server import answers, free_port
from tests.support.sites import write_project
from tests.support.terms import synthetic_term_texts

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="signals as on POSIX")


def test_a_reload_keeps_unchanged_stylesheets_and_shows_an_edited_one(browser: Browser, tmp_path: Path) -> None:
    write_project(
        tmp_path,
        terms=synthetic_term_texts(4),
        docs={"index.md": "# Home\n", "extra.css": ".md-typeset h1 { letter-spacing: 1px; }\n"},
        site_url="https://example.org/",
        extra="extra_css:\n  - extra.css\n",
    )
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dirty", "-a", f"127.0.0.1:{port}"],
        cwd=tmp_path,
        env=dict(os.environ, TMPDIR=str(tmp_path)),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}/terms/term-00001/"
    try:
        deadline = time.monotonic() + 180
        while not answers(url):
            assert server.poll() is None, "mkdocs serve exited"
            assert time.monotonic() < deadline, f"{url} did not answer"
            time.sleep(0.2)
        page = browser.new_page()
        page.goto(url, wait_until="load")
        spacing = "() => getComputedStyle(document.querySelector('.md-typeset h1')).letterSpacing"
        assert page.evaluate(spacing) == "1px"
        with page.expect_navigation(wait_until="load"):
            page.evaluate("() => location.reload()")  # as MkDocs' live-reload script reloads it
        # the stylesheets came from the browser's cache (no bytes over the wire, not even a 304's
        # headers); the scripts were revalidated (a 304: headers only)
        sizes = page.evaluate(
            "() => performance.getEntriesByType('resource').map(e => [e.name, e.initiatorType, e.transferSize])"
        )
        sheets = [(name, size) for name, kind, size in sizes if kind == "link" and ".css" in name]
        assert len(sheets) >= 3 and all(size == 0 and "?gd-v=" in name for name, size in sheets), sheets
        scripts = [(name, size) for name, kind, size in sizes if kind == "script" and "bundle." in name]
        assert scripts and all(size > 0 for _, size in scripts), scripts
        assert page.evaluate(spacing) == "1px"
        (tmp_path / "docs" / "extra.css").write_text(".md-typeset h1 { letter-spacing: 3px; }\n", encoding="utf-8")
        page.wait_for_function(f"() => ({spacing})() === '3px'", timeout=60_000)  # reloaded by MkDocs' script
        page.close()
    finally:
        server.send_signal(signal.SIGINT)
        try:
            _, errors = server.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            _, errors = server.communicate()
    log = errors.decode("utf-8", "replace")
    assert "Traceback" not in log, log[-3000:]
