"""`mkdocs serve` as an author runs it: edit a term, and its page, card and data follow."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.support.local_server import free_port
from tests.support.sites import write_synthetic_project

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="signals as on POSIX")


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _revalidate(url: str, etag: str | None) -> tuple[int, str | None, bytes]:
    """GET with If-None-Match as a reloading browser sends it: status, ETag, body."""
    request = urllib.request.Request(url, headers={"If-None-Match": etag} if etag else {})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, response.headers.get("ETag"), response.read()
    except urllib.error.HTTPError as answer:  # urllib raises for 304
        return answer.code, answer.headers.get("ETag"), answer.read()


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


def _serve(root: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    env = dict(os.environ, TMPDIR=str(root))  # MkDocs' temporary site folder lands here
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a", f"127.0.0.1:{port}"],
        cwd=root,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    return server, f"http://127.0.0.1:{port}/"


def _stop(server: subprocess.Popen[bytes]) -> str:
    server.send_signal(signal.SIGINT)  # Ctrl+C, as an author stops it
    try:
        _, errors = server.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()
        _, errors = server.communicate()
    return errors.decode("utf-8", "replace")


def test_a_term_broken_mid_edit_keeps_its_last_good_page_with_a_notice(tmp_path: Path) -> None:
    write_synthetic_project(tmp_path, 4, site_url="https://example.org/")
    server, base = _serve(tmp_path)
    term = tmp_path / "terms" / "term-00001.yml"
    good = term.read_text(encoding="utf-8")
    try:
        _wait_for(base + "terms/term-00001/", "gd-tldr", 180, server)
        term.write_text(good.replace("title:", "title: [unclosed", 1), encoding="utf-8")  # typing...
        page = _wait_for(base + "terms/term-00001/", "gd-stale", 120, server)
        assert "This page is out of date" in page and "terms/term-00001.yml:3:8: YAML syntax error" in page
        assert "gd-tldr" in page  # the last good content is still there
        assert "gd-stale" not in (_get(base + "terms/term-00002/") or "gd-stale")
        term.write_text(good.replace("tldr: >-\n  ", "tldr: >-\n  Fixed again. ", 1), encoding="utf-8")
        page = _wait_for(base + "terms/term-00001/", "Fixed again", 120, server)
        assert "gd-stale" not in page
        term.unlink()  # a deleted term's page goes, stale or not
        deadline = time.monotonic() + 120
        while _get(base + "terms/term-00001/") is not None and time.monotonic() < deadline:
            time.sleep(0.3)
        assert _get(base + "terms/term-00001/") is None
    finally:
        log = _stop(server)
    assert "Traceback" not in log, log[-3000:]
    assert "terms/term-00001.yml:3:8: YAML syntax error" in log  # the problem is logged with its place


def test_an_edit_under_mkdocs_serve_reaches_the_page_the_card_and_the_data(tmp_path: Path) -> None:
    write_synthetic_project(
        tmp_path, 8, site_url="https://example.org/", glossdeck="terms_dir: terms\nfeatures: [glossdeck.learning]"
    )
    server, base = _serve(tmp_path)
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
        assert "Freshly edited" in (_get(base + "learn/data/cards.json") or "")
        assert "Freshly edited" not in (_get(base + "cards/term-00003.svg") or "Freshly edited")
        # a reloading browser revalidates assets: an unchanged one is an empty 304, a changed one is sent
        card = base + "cards/term-00002.svg"
        status, tag, body = _revalidate(card, None)
        assert status == 200 and tag and body
        assert _revalidate(card, tag)[:1] == (304,)
        assert _revalidate(base + "assets/glossdeck/glossdeck.css", None)[0] == 200
        term.write_text(text.replace("tldr: >-\n  ", "tldr: >-\n  Edited again. ", 1), encoding="utf-8")
        _wait_for(base + "terms/term-00002/", "Edited again", 120, server)
        status, new_tag, body = _revalidate(card, tag)
        assert status == 200 and new_tag != tag and b"Edited again" in body
        page = urllib.request.Request(base + "terms/term-00002/", headers={"If-None-Match": "*"})
        with urllib.request.urlopen(page, timeout=5) as response:  # pages stay MkDocs' own (live-reload script)
            assert response.status == 200 and response.headers.get("ETag") is None
            served = response.read().decode("utf-8")
        assert "livereload" in served
        # its stylesheets are named by version, and kept by the browser under that name
        sheet = re.search(
            r'<link rel="stylesheet" href="\.\./\.\./(assets/glossdeck/glossdeck\.css\?gd-v=[^"]+)"', served
        )
        assert sheet, served[:3000]
        with urllib.request.urlopen(base + sheet.group(1), timeout=5) as response:
            assert response.headers.get("Cache-Control") == "max-age=31536000, immutable"
    finally:
        log = _stop(server)
    assert "Traceback" not in log, log[-3000:]
    assert "ERROR" not in log, log[-3000:]
    assert "code 304" not in log, log[-3000:]  # "unchanged" answers are not warnings in the author's terminal
    # the store of features' files beside MkDocs' temporary site folder goes when the server stops
    assert not list(tmp_path.glob(".glossdeck-files-*"))
