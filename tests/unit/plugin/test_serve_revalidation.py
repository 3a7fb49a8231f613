"""Under `mkdocs serve` a reloaded page takes its unchanged stylesheets from the browser's cache,
gets 304s for its other unchanged assets, and an edited file is sent at once."""

from __future__ import annotations

import io
import logging
import os
import re
from pathlib import Path
from typing import Any

import pytest
from mkdocs.livereload import LiveReloadServer

from glossdeck.plugin.serve_revalidation import IMMUTABLE, NO_CACHE, answer_with_validators, with_versions

PAGE = """<!doctype html><html><head><meta charset="utf-8">
<link rel="preload" as="script" href="../../assets/s.js">
<link rel="stylesheet" href="../../assets/a.css">
<link rel="stylesheet" href="/assets/b.css">
<link rel="stylesheet" href="https://cdn.example.org/x.css">
<link rel="stylesheet" href="../../assets/missing.css">
<link rel="stylesheet" href="../../assets/a.css?v=1">
<link rel="stylesheet" href="../../../../../etc/passwd">
</head><body><p>text</p><script src="../../assets/s.js"></script></body></html>
"""


def _site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    (site / "terms" / "x").mkdir(parents=True)
    (site / "assets").mkdir()
    (site / "terms" / "x" / "index.html").write_text(PAGE, encoding="utf-8")
    (site / "assets" / "a.css").write_text("p { color: red }", encoding="utf-8")
    (site / "assets" / "b.css").write_text("p { margin: 0 }", encoding="utf-8")
    (site / "assets" / "s.js").write_text("console.log(1)", encoding="utf-8")
    return site


def _server(site: Path, tmp_path: Path) -> LiveReloadServer:
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(site))
    server.watch(str(tmp_path))  # a watched folder: MkDocs writes its live-reload script into pages
    assert answer_with_validators(server)
    return server


def _get(server: LiveReloadServer, path: str, **headers: str) -> tuple[str, dict[str, str], bytes]:
    path, _, query = path.partition("?")
    environ: dict[str, Any] = {"REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": query, **headers}
    answer: dict[str, Any] = {}

    def start_response(status: str, headers: list[tuple[str, str]], *exc_info: Any) -> Any:
        answer["status"], answer["headers"] = status, dict(headers)
        return lambda data: None

    body = b"".join(server.serve_request(environ, start_response))
    return answer["status"], answer["headers"], body


def _stylesheet(page: bytes, name: str) -> str:
    found = re.search(rf'href="([^"]*{re.escape(name)}\?gd-v=[0-9a-f-]+)"', page.decode())
    assert found, page.decode()
    return found.group(1)


def test_a_page_names_its_stylesheets_by_version_and_they_are_kept(tmp_path: Path) -> None:
    site = _site(tmp_path)
    server = _server(site, tmp_path)
    status, headers, page = _get(server, "/terms/x/")
    assert status.startswith("200") and int(headers["Content-Length"]) == len(page)
    assert b"livereload" in page  # still MkDocs' page, with its script
    text = page.decode()
    local = _stylesheet(page, "a.css")
    assert local.startswith("../../assets/a.css?gd-v=")
    assert _stylesheet(page, "b.css").startswith("/assets/b.css?gd-v=")
    # left as they were: other hosts, missing files, addresses with a query, paths out of the site,
    # preloads and scripts (taken from the cache, Material's bundle would run before the first paint)
    for kept in (
        'href="https://cdn.example.org/x.css"',
        'href="../../assets/missing.css"',
        'href="../../assets/a.css?v=1"',
        'href="../../../../../etc/passwd"',
        '<link rel="preload" as="script" href="../../assets/s.js">',
        '<script src="../../assets/s.js"></script>',
    ):
        assert kept in text
    version = local.split("?", 1)[1]
    status, headers, body = _get(server, f"/assets/a.css?{version}")
    assert status.startswith("200") and headers["Cache-Control"] == IMMUTABLE and body == b"p { color: red }"
    status, headers, _ = _get(server, "/assets/a.css")  # asked for by its plain address: revalidated
    assert headers["Cache-Control"] == NO_CACHE
    tag = headers["ETag"]
    assert _get(server, "/assets/a.css", HTTP_IF_NONE_MATCH=tag)[0].startswith("304")
    assert _get(server, "/assets/s.js")[1]["Cache-Control"] == NO_CACHE  # scripts: 304s, never kept


def test_an_edited_stylesheet_gets_a_new_address_and_the_old_one_is_not_kept(tmp_path: Path) -> None:
    site = _site(tmp_path)
    server = _server(site, tmp_path)
    before = _stylesheet(_get(server, "/terms/x/")[2], "a.css")
    sheet = site / "assets" / "a.css"
    sheet.write_text("p { color: blue }", encoding="utf-8")
    stat = sheet.stat()
    os.utime(sheet, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))  # a coarse clock: still newer
    after = _stylesheet(_get(server, "/terms/x/")[2], "a.css")
    assert after != before
    _, headers, body = _get(server, "/assets/a.css?" + before.split("?", 1)[1])
    assert body == b"p { color: blue }" and headers["Cache-Control"] == NO_CACHE  # not kept under the old name
    status, headers, body = _get(server, "/assets/a.css?" + after.split("?", 1)[1])
    assert status.startswith("200") and body == b"p { color: blue }" and headers["Cache-Control"] == IMMUTABLE


def test_with_versions_resolves_addresses_against_the_page_folder(tmp_path: Path) -> None:
    site = _site(tmp_path)
    page = b'<link href="../a.css" rel="stylesheet" media="print"><link rel="stylesheet" href="a.css">'
    (site / "terms" / "a.css").write_text("x", encoding="utf-8")
    out = with_versions(page, "/terms/x.html", str(site), "/").decode()
    # /terms/x.html is in /terms/: "a.css" is /terms/a.css, "../a.css" would be /a.css (absent)
    assert 'href="../a.css"' in out and re.search(r'href="a\.css\?gd-v=[0-9a-f-]+"', out)


def test_not_modified_answers_are_not_logged_as_warnings(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    server = _server(_site(tmp_path), tmp_path)
    handler_class: Any = server.RequestHandlerClass
    handler: Any = object.__new__(handler_class)
    handler.requestline = "GET /assets/a.css HTTP/1.1"
    handler.wfile = io.BytesIO()
    with caplog.at_level(logging.DEBUG, logger="mkdocs.livereload"):
        handler.log_request(304)
        handler.log_request(404)
    levels = {r.getMessage().rsplit(" ", 1)[-1]: r.levelno for r in caplog.records}
    assert levels == {"304": logging.DEBUG, "404": logging.WARNING}


def test_with_versions_under_a_mount_path(tmp_path: Path) -> None:
    # site_url https://example.org/glossary/: MkDocs serves the site under /glossary/
    site = _site(tmp_path)
    page = b'<link rel="stylesheet" href="../../assets/a.css"><link rel="stylesheet" href="/assets/b.css">'
    out = with_versions(page, "/glossary/terms/x/", str(site), "/glossary/").decode()
    assert re.search(r'href="\.\./\.\./assets/a\.css\?gd-v=[0-9a-f-]+"', out)
    assert 'href="/assets/b.css"' in out  # outside the mount: not a file of this site
