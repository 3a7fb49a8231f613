"""`mkdocs serve` as an author runs it: edit a term, and its page, card and data follow."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.support.sites import write_synthetic_project

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="signals as on POSIX")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _wait_for(url: str, wanted: str, seconds: float, server: subprocess.Popen[bytes]) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"mkdocs serve exited with {server.returncode}")
        body = _get(url)
        if body is not None and wanted in body:
            return body
        time.sleep(0.3)
    pytest.fail(f"{url} did not show {wanted!r} within {seconds} s")


def test_an_edit_under_mkdocs_serve_reaches_the_page_the_card_and_the_data(tmp_path: Path) -> None:
    write_synthetic_project(
        tmp_path, 8, site_url="https://example.org/", glossdeck="terms_dir: terms\nfeatures: [glossdeck.learning]"
    )
    port = _free_port()
    env = dict(os.environ, TMPDIR=str(tmp_path))  # MkDocs' temporary site folder lands here
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a", f"127.0.0.1:{port}"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        _wait_for(base + "cards/term-00002.svg", "</svg>", 180, server)
        _wait_for(base + "terms/term-00002/", "gd-tldr", 30, server)
        term = tmp_path / "terms" / "term-00002.yml"
        text = term.read_text(encoding="utf-8")
        assert "tldr: >-\n  " in text
        term.write_text(text.replace("tldr: >-\n  ", "tldr: >-\n  Freshly edited. ", 1), encoding="utf-8")
        _wait_for(base + "terms/term-00002/", "Freshly edited", 120, server)
        # the features' files of the same rebuild: the card, the API record, the learning data
        assert "Freshly edited" in (_get(base + "cards/term-00002.svg") or "")
        assert "Freshly edited" in (_get(base + "api/terms/term-00002.json") or "")
        assert "Freshly edited" in (_get(base + "learn/data/terms.json") or "")
        assert "Freshly edited" not in (_get(base + "cards/term-00003.svg") or "Freshly edited")
    finally:
        server.send_signal(signal.SIGINT)  # Ctrl+C, as an author stops it
        try:
            _, errors = server.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            _, errors = server.communicate()
    log = errors.decode("utf-8", "replace")
    assert "Traceback" not in log, log[-3000:]
    assert "ERROR" not in log, log[-3000:]
    # the store of features' files beside MkDocs' temporary site folder goes when the server stops
    assert not list(tmp_path.glob(".glossdeck-files-*"))
