"""`mkdocs serve` lets a reloading browser reuse the assets that did not change.

MkDocs' live-reload server sends every file without a validator (no ETag, no Last-Modified), so
after each save the reloaded page downloads, parses and compiles every script and stylesheet again:
the theme's bundle, Mermaid, glossdeck's own. glossdeck does two things, only under serve:

- every asset gets an ETag made of its size and modification time with `Cache-Control: no-cache`:
  the browser still asks for it on every load (an edited file shows at once), but an unchanged one
  comes back as an empty 304 and the browser reuses its copy and its compiled code;
- a page's stylesheets (`<link rel="stylesheet" href>`), which hold back its first paint, are
  named in the page as served with that tag in the query (`main.css?gd-v=21964-18edef…`), and a
  request carrying the file's current tag is answered `Cache-Control: max-age=31536000,
  immutable`. A reload then takes them from the browser's cache without asking at all: the text
  no longer waits for seven round trips to a server that answers each in a thread of its own
  while the page's other requests compete with them. An edited stylesheet has a new tag, hence a
  new address, and is fetched at once.

Scripts keep the 304s on purpose: Material's bundle is a synchronous script at the end of the body,
and taken from the cache it runs (about 75 ms) in the same parser task, before the first paint;
while its 304 is on the way the browser paints the text first. Files that scripts load by their
own address (Mermaid's modules, widget scripts, data) keep the 304s too.

The built site is not touched: the tags are written into the page as it is sent, after MkDocs
wrote its live-reload script into it. MkDocs also logs every answer other than 200 as a warning;
304s, which only mean "unchanged", are logged at debug level instead.

This wraps one method of MkDocs' LiveReloadServer that is not public API (`_serve_request`), and
waits on its rebuild condition the way that method does; MkDocs 1.x is frozen, and a server without
them is left as it was.
"""

from __future__ import annotations

import logging
import os
import posixpath
import re
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import parse_qs

StartResponse = Callable[..., Any]

VERSION_PARAMETER = "gd-v"
NO_CACHE = "no-cache"
IMMUTABLE = "max-age=31536000, immutable"

# a page's stylesheet links and the address each names (always quoted in MkDocs' and Material's
# templates and in glossdeck's markup)
_STYLESHEET = re.compile(rb"<link\b[^>]*\brel=\"stylesheet\"[^>]*>", re.IGNORECASE)
_ADDRESS = re.compile(rb"\shref=\"([^\"]+)\"", re.IGNORECASE)
_OWN_PATH = re.compile(rb"[A-Za-z0-9._~/%-]+")  # relative or root-relative, no scheme, query or fragment


def etag_for(stat: os.stat_result) -> str:
    return f'"{stat.st_size:x}-{stat.st_mtime_ns:x}"'


def version_for(stat: os.stat_result) -> str:
    return f"{stat.st_size:x}-{stat.st_mtime_ns:x}"


def asset_path(root: str, mount_path: str, url_path: str) -> str | None:
    """The file a request path names under the site folder, as MkDocs resolves it; None for pages
    (MkDocs injects its live-reload script into those) and for paths outside the mount."""
    if url_path.endswith("/") or url_path.endswith(".html") or not (url_path + "/").startswith(mount_path):
        return None
    relative = posixpath.normpath("/" + url_path[len(mount_path) :]).lstrip("/")  # no way out of root
    return os.path.join(root, relative)


def page_directory(url_path: str) -> str:
    """The folder a page's relative addresses start from: /terms/x/ for /terms/x/ and /terms/x/index.html."""
    return url_path if url_path.endswith("/") else posixpath.dirname(url_path) + "/"


def with_versions(page: bytes, url_path: str, root: str, mount_path: str) -> bytes:
    """The page with each of its stylesheets that is a file of the site named with the file's
    current version (`?gd-v=`); other addresses unchanged."""
    folder = page_directory(url_path)

    def tag(found: re.Match[bytes]) -> bytes:
        element = found.group(0)
        address = _ADDRESS.search(element)
        if address is None or not _OWN_PATH.fullmatch(address.group(1)):
            return element
        value = address.group(1).decode("ascii")
        target = value if value.startswith("/") else posixpath.join(folder, value)
        path = asset_path(root, mount_path, posixpath.normpath(target))
        try:
            stat = os.stat(path) if path is not None else None
        except OSError:
            stat = None
        if stat is None or not os.path.isfile(path or ""):
            return element
        versioned = f"{value}?{VERSION_PARAMETER}={version_for(stat)}".encode("ascii")
        start, end = address.span(1)
        return element[:start] + versioned + element[end:]

    return _STYLESHEET.sub(tag, page)


def quiet_not_modified(server: Any) -> bool:
    """MkDocs' request handler logs every answer but a 200 as a warning: a reload's dozens of 304s
    would fill the author's terminal. They go to the debug level; True when done."""
    handler = getattr(server, "RequestHandlerClass", None)
    if not isinstance(handler, type) or not callable(getattr(handler, "log_request", None)):
        return False
    if getattr(handler, "glossdeck_quiet_304", False):
        return True
    logger = logging.getLogger("mkdocs.livereload")

    class QuietHandler(handler):  # type: ignore[misc, valid-type]
        glossdeck_quiet_304 = True

        def log_request(self, code: Any = "-", size: Any = "-") -> None:
            if str(code) == "304":
                logger.debug(f'"{self.requestline}" code 304')
            else:
                super().log_request(code, size)

    server.RequestHandlerClass = QuietHandler
    return True


def answer_with_validators(server: Any) -> bool:
    """Wraps a not yet started LiveReloadServer's file serving; True when done."""
    serve = getattr(server, "_serve_request", None)
    condition = getattr(server, "_epoch_cond", None)
    root, mount_path = getattr(server, "root", None), getattr(server, "mount_path", None)
    if not callable(serve) or condition is None or not isinstance(root, str) or not isinstance(mount_path, str):
        return False
    if getattr(serve, "glossdeck_revalidates", False):
        return True
    quiet_not_modified(server)

    def site_settled() -> bool:
        return bool(server._visible_epoch == server._wanted_epoch)

    def serve_page(environ: dict[str, Any], start_response: StartResponse, url_path: str) -> Iterable[bytes] | None:
        answer: list[Any] = []

        def keep(status: str, headers: list[tuple[str, str]], *exc_info: Any) -> Any:
            answer[:] = [status, headers, exc_info]
            return lambda data: None  # MkDocs returns its body; it never calls write()

        body = serve(environ, keep)
        if body is None or not answer:
            return body  # type: ignore[no-any-return]
        status, headers, exc_info = answer
        content_type = next((v for k, v in headers if k.lower() == "content-type"), "")
        if not status.startswith("200") or not content_type.startswith("text/html"):
            start_response(status, headers, *exc_info)
            return body  # type: ignore[no-any-return]
        try:
            page = b"".join(body)
        finally:
            close = getattr(body, "close", None)
            if callable(close):
                close()
        page = with_versions(page, url_path, root, mount_path)
        headers = [(k, v) for k, v in headers if k.lower() != "content-length"]
        start_response(status, [*headers, ("Content-Length", str(len(page)))], *exc_info)
        return [page]

    def serve_request(environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes] | None:
        if environ.get("REQUEST_METHOD", "GET") not in ("GET", "HEAD"):
            return serve(environ, start_response)  # type: ignore[no-any-return]
        url_path = environ.get("PATH_INFO", "").encode("latin-1").decode("utf-8", "ignore")
        path = asset_path(root, mount_path, url_path)
        if path is None:
            if (url_path + "/").startswith(mount_path) and (url_path.endswith("/") or url_path.endswith(".html")):
                return serve_page(environ, start_response, url_path)
            return serve(environ, start_response)  # type: ignore[no-any-return]
        with condition:  # as MkDocs does: never answer from a half-built site
            condition.wait_for(site_settled)
        try:
            stat = os.stat(path)
        except OSError:
            return serve(environ, start_response)  # type: ignore[no-any-return]
        tag = etag_for(stat)
        asked = parse_qs(environ.get("QUERY_STRING", "")).get(VERSION_PARAMETER, [])
        # the address names this very content: it can be kept as long as the page names it
        caching = IMMUTABLE if asked == [version_for(stat)] else NO_CACHE
        validators = [("ETag", tag), ("Cache-Control", caching)]
        if tag in (t.strip() for t in environ.get("HTTP_IF_NONE_MATCH", "").split(",")):
            start_response("304 Not Modified", validators)
            return []

        def with_validators(status: str, headers: list[tuple[str, str]], *exc_info: Any) -> Any:
            if status.startswith("200"):
                headers = [*headers, *validators]
            return start_response(status, headers, *exc_info)

        return serve(environ, with_validators)  # type: ignore[no-any-return]

    serve_request.glossdeck_revalidates = True  # type: ignore[attr-defined]
    server._serve_request = serve_request
    return True
