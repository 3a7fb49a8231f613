"""`mkdocs serve` answers a reloading browser's asset requests with "304 Not Modified".

MkDocs' live-reload server sends every file without a validator (no ETag, no Last-Modified), so
after each save the reloaded page downloads, parses and compiles every script and stylesheet again:
the theme's bundle, Mermaid, glossdeck's own. glossdeck gives each asset an ETag made of its size
and modification time with `Cache-Control: no-cache`: the browser still asks for every file on every
load (an edited stylesheet shows at once), but an unchanged one comes back as an empty 304 and the
browser reuses its copy and its compiled code. HTML pages are left to MkDocs, which writes the
live-reload script into each of them.

This wraps one method of MkDocs' LiveReloadServer that is not public API (`_serve_request`), and
waits on its rebuild condition the way that method does; MkDocs 1.x is frozen, and a server without
them is left as it was.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Callable, Iterable
from typing import Any

StartResponse = Callable[..., Any]


def etag_for(stat: os.stat_result) -> str:
    return f'"{stat.st_size:x}-{stat.st_mtime_ns:x}"'


def asset_path(root: str, mount_path: str, url_path: str) -> str | None:
    """The file a request path names under the site folder, as MkDocs resolves it; None for pages
    (MkDocs injects its live-reload script into those) and for paths outside the mount."""
    if url_path.endswith("/") or url_path.endswith(".html") or not (url_path + "/").startswith(mount_path):
        return None
    relative = posixpath.normpath("/" + url_path[len(mount_path) :]).lstrip("/")  # no way out of root
    return os.path.join(root, relative)


def answer_with_validators(server: Any) -> bool:
    """Wraps a not yet started LiveReloadServer's file serving; True when done."""
    serve = getattr(server, "_serve_request", None)
    condition = getattr(server, "_epoch_cond", None)
    root, mount_path = getattr(server, "root", None), getattr(server, "mount_path", None)
    if not callable(serve) or condition is None or not isinstance(root, str) or not isinstance(mount_path, str):
        return False
    if getattr(serve, "glossdeck_revalidates", False):
        return True

    def site_settled() -> bool:
        return bool(server._visible_epoch == server._wanted_epoch)

    def serve_request(environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes] | None:
        if environ.get("REQUEST_METHOD", "GET") not in ("GET", "HEAD"):
            return serve(environ, start_response)  # type: ignore[no-any-return]
        url_path = environ.get("PATH_INFO", "").encode("latin-1").decode("utf-8", "ignore")
        path = asset_path(root, mount_path, url_path)
        if path is None:
            return serve(environ, start_response)  # type: ignore[no-any-return]
        with condition:  # as MkDocs does: never answer from a half-built site
            condition.wait_for(site_settled)
        try:
            stat = os.stat(path)
        except OSError:
            return serve(environ, start_response)  # type: ignore[no-any-return]
        tag = etag_for(stat)
        validators = [("ETag", tag), ("Cache-Control", "no-cache")]
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
