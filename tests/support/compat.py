"""What the compatibility tests share: a small glossary, real build tools run as a user runs them,
a local HTTP server, and headless Chromium that aborts and counts every request to another host.

Each test starts the real tool (mkdocs, properdocs, zensical) in a subprocess on a project in a
temporary folder; nothing is mocked. A tool that is missing skips on a developer's machine and
fails in CI (CI=true), so a missing install step never passes as a skip.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
PLUGINS = REPO / "plugins"
VENDOR_MERMAID = PLUGINS / "glossdeck" / "assets" / "vendor" / "mermaid" / "mermaid.esm.min.mjs"
CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Material draws each diagram into a closed shadow root; opened here so the test can look inside
# (Playwright's selectors pierce open shadow roots).
OPEN_SHADOW_ROOTS = (
    "const attach = Element.prototype.attachShadow;"
    "Element.prototype.attachShadow = function (init) {"
    "  return attach.call(this, Object.assign({}, init, {mode: 'open'})); };"
)
BUILD_DATE_EPOCH = "1774569600"  # 2026-03-27, so "recently added" marks never depend on today

DIAGRAM_SLUG = "blue-green-deployment"
TERMS: dict[str, str] = {
    "blue-green-deployment.yml": """\
title: Blue-Green Deployment
category: devops
tags: [deployment]
level: beginner
tldr: Run two identical environments and switch traffic from the old one to the new one at once.
explanation: |
  Two production environments, *blue* and *green*, run side by side; a release goes to the idle one.
diagram: |
  flowchart LR
    R[Router] -->|live| B[Blue]

    R -.->|idle| G["Green<br/>new release & <b>tags</b> stay text"]
related: [immutable-infrastructure]
debt:
  score: debt(d3/e4/b5/t2)
  rationale:
    d: Closest to 'caught by a standard static-analysis tool' (d3).
    e: Closest to 'localised refactor of one component' (e4).
    b: Closest to 'slowly decays the codebase' (b5).
    t: Closest to 'minor surprise' (t2).
added: 2026-03-25
""",
    "immutable-infrastructure.yml": """\
title: Immutable Infrastructure
category: devops
level: intermediate
tldr: Servers are never changed in place; every change ships a new image and the old one is thrown away.
debt:
  score: debt(d7/e9/b8/t5)
  rationale:
    d: Closest to 'only careful code review or runtime testing' (d7).
    e: Closest to 'architectural rework' (e9).
    b: Closest to 'hard to reverse across services' (b8).
    t: Closest to 'notable trap' (t5).
added: 2026-03-15
""",
    "configuration-drift.yml": """\
title: Configuration Drift
category: devops
level: beginner
tldr: Servers that started identical slowly differ because of hand-made changes nobody recorded.
related: [immutable-infrastructure]
debt:
  score: debt(d8/e6/b7/t4)
  rationale:
    d: Closest to 'only under production load or at scale' (d8).
    e: Closest to 'cross-cutting change with migration' (e6).
    b: Closest to 'load-bearing across the application' (b7).
    t: Closest to 'common misunderstanding' (t4).
added: 2026-02-01
""",
    "sql-injection.yml": """\
title: SQL Injection
category: security
level: beginner
tldr: Untrusted input changes the meaning of a database query because it was pasted into the query text.
debt:
  score: debt(d4/e2/b0/t7)
  rationale:
    d: Closest to 'caught by a specialised static-analysis rule' (d4).
    e: Closest to 'small local change' (e2).
    b: Closest to 'does not apply' (b0).
    t: Closest to 'serious trap' (t7).
added: 2026-01-10
""",
}


def require(available: bool, what: str) -> None:
    """Skip when a tool is missing on a developer's machine; fail in CI (CI=true)."""
    if available:
        return
    message = f"{what} is not installed (pip install -e '.[test]' installs it)"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def tool(name: str) -> str:
    """The console script `name` of the Python running the tests (its venv), or on PATH."""
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.is_file() else shutil.which(name)
    require(found is not None, name)
    assert found is not None
    return found


def require_vendor() -> None:
    if not VENDOR_MERMAID.is_file():
        pytest.fail(f"{VENDOR_MERMAID} is missing: run `npm ci` (or `make test`) before the tests")


def tool_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PLUGINS), env.get("PYTHONPATH")]))
    env["DISABLE_MKDOCS_2_WARNING"] = "true"  # ProperDocs' and mkdocs-material's notice about MkDocs 2
    env["NO_MKDOCS_2_WARNING"] = "1"
    env["SOURCE_DATE_EPOCH"] = BUILD_DATE_EPOCH
    return env


def run(args: list[str], cwd: Path, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=tool_env(), capture_output=True, text=True, timeout=timeout, check=False)


def write_project(root: Path, config_name: str, config_text: str, docs: dict[str, str] | None = None) -> Path:
    """terms/ (the small glossary), docs/ and the tool's config file in `root`."""
    (root / "terms").mkdir(parents=True, exist_ok=True)
    for name, text in TERMS.items():
        (root / "terms" / name).write_text(text, encoding="utf-8")
    for name, text in (
        docs if docs is not None else {"index.md": "# An existing site\n\nIts own home page.\n"}
    ).items():
        target = root / "docs" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    (root / config_name).write_text(config_text, encoding="utf-8")
    return root


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextlib.contextmanager
def served(folder: Path) -> Iterator[str]:
    """A built site over HTTP on a free local port; yields its base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class Watch:
    """Requests to other hosts (aborted) and console errors of one browser context."""

    outside: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@contextlib.contextmanager
def browser_page(base_url: str) -> Iterator[tuple[Any, Watch]]:
    """A Chromium page whose every request to a host other than `base_url`'s is aborted and counted."""
    require(CHROMIUM.exists(), "headless Chromium (/usr/bin/chromium)")
    from playwright.sync_api import sync_playwright

    watch = Watch()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS, headless=True)
        try:
            context = browser.new_context()

            def route(request_route: Any) -> None:
                if request_route.request.url.startswith(base_url):
                    request_route.continue_()
                else:
                    watch.outside.append(request_route.request.url)
                    request_route.abort()

            context.route("**/*", route)
            context.add_init_script(OPEN_SHADOW_ROOTS)
            page = context.new_page()
            page.on("console", lambda message: watch.errors.append(message.text) if message.type == "error" else None)
            page.on("pageerror", lambda error: watch.errors.append(str(error)))
            yield page, watch
        finally:
            browser.close()


def diagram_svg_text(page: Any, timeout_ms: float = 20_000) -> str:
    """The text of the first diagram drawn as SVG on the page (waits for Mermaid to draw it)."""
    svg = page.locator(".mermaid svg").first
    svg.wait_for(state="visible", timeout=timeout_ms)
    assert svg.locator(".node").count() > 1  # a drawing, not an error box
    return svg.text_content() or ""
