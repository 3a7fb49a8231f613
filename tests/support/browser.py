"""Headless Chromium (Debian's, through Playwright) and a local static server, for the browser tests:
every request to another origin is aborted and recorded, and so is every console error."""

from __future__ import annotations

import functools
import threading
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from .policy import require_chromium

LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def launch_chromium(playwright: Any) -> Any:
    """A headless browser; skips (fails in CI) where Chromium is not installed."""
    return playwright.chromium.launch(executable_path=require_chromium(), args=LAUNCH_ARGS)


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


class SharedHandler(QuietHandler):
    """A static host like GitHub Pages: every file with Access-Control-Allow-Origin: *."""

    def end_headers(self) -> None:
        self.send_header("Access-Control-Allow-Origin", "*")
        super().end_headers()


@dataclass
class StaticServer:
    httpd: ThreadingHTTPServer
    thread: threading.Thread

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    @property
    def url(self) -> str:
        return self.origin + "/"

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=10)


def serve_folder(directory: Path, *, cors: bool = False) -> StaticServer:
    """Serves `directory` on a free local port. Bound at once, so a site can be built for this exact
    origin before its folder exists (Material's instant navigation needs site_url to match)."""
    handler = SharedHandler if cors else QuietHandler
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    return StaticServer(httpd, thread)


@dataclass
class Watch:
    """What the pages of one browser context did that tests forbid."""

    allowed: tuple[str, ...]  # origins requests may go to
    outside: list[str] = field(default_factory=list)  # requests to any other origin, aborted
    errors: list[str] = field(default_factory=list)  # console errors and uncaught exceptions
    failed: list[str] = field(default_factory=list)  # responses with an HTTP error status
    dialogs: list[str] = field(default_factory=list)  # alert(), confirm(), ...: dismissed

    def attach(self, context: Any) -> Any:
        """Watch every page of `context`, those opened later included; returns the context."""
        prefixes = tuple(origin.rstrip("/") + "/" for origin in self.allowed)

        def route(route: Any) -> None:
            if route.request.url.startswith(prefixes):
                route.continue_()
            else:
                self.outside.append(route.request.url)
                route.abort()

        def on_page(page: Any) -> None:
            def console(message: Any) -> None:  # messages from the page's iframes arrive here too
                if message.type == "error":
                    self.errors.append(f"{page.url}: {message.text}")

            def response(answer: Any) -> None:
                if answer.status >= 400:
                    self.failed.append(f"{answer.status} {answer.url}")

            def dialog(opened: Any) -> None:
                self.dialogs.append(opened.message)
                opened.dismiss()

            page.on("console", console)
            page.on("pageerror", lambda error: self.errors.append(f"{page.url}: {error}"))
            page.on("response", response)
            page.on("dialog", dialog)

        context.route("**/*", route)
        context.on("page", on_page)
        return context
