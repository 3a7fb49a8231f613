"""What a reader downloads and waits for: the site's pages as a phone on a slow link gets them.

Builds the repository's site (or takes a built one, `--site DIR`), serves it on 127.0.0.1 with gzip
as a web server sends it (text files compressed at level 6, like nginx's `gzip on` with a
`gzip_comp_level 6`), and opens each kind of page in a fresh headless Chromium context (empty cache:
a first visit) under Chromium's network emulation (Playwright CDP `Network.emulateNetworkConditions`:
1.6 Mbit/s down, 750 kbit/s up, 150 ms latency). For each page it prints:

- the bytes on the wire (`encodedDataLength`: gzip bodies and headers) before any diagram is drawn,
  without Mermaid, and in all once the page's diagrams are drawn and its widgets are ready;
- the requests, and whether the search index was fetched (it must not be before a search starts);
- the time to the first paint of text, to the first diagram drawn, and to every learning widget on
  the page drawn (quiz, graph, "Mark as read"...).

Then it checks issue 14's budgets on term pages: at most 150 KB before Mermaid and at most 600 KB
with the diagram drawn, no search index, widgets ready before the first diagram, and prints PASS
or FAIL for each (exit status 1 when one fails). Results are recorded in docs/performance.md.

    python scripts/reader_check.py                 # build the repository's site, then measure
    python scripts/reader_check.py --site site/    # measure a site built already
    python scripts/reader_check.py --fast          # no network emulation (sizes only, quicker)
"""

from __future__ import annotations

import argparse
import functools
import gzip
import io
import json
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
KB = 1000
BUDGET_WITHOUT_MERMAID = 150 * KB
BUDGET_WITH_DIAGRAM = 600 * KB
SLOW_LINK = {
    "offline": False,
    "latency": 150,  # ms, added to every round trip
    "downloadThroughput": 1_600_000 / 8,  # bytes per second
    "uploadThroughput": 750_000 / 8,
}
COMPRESSED = {".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt", ".map"}
MERMAID_PATH = "/assets/glossdeck/vendor/mermaid"  # the ES modules (vendor/mermaid/), or mermaid.min.js before
SEARCH_INDEX = "/search/search_index.json"

# (kind, path in the site): a term page with a flowchart, one with a sequence diagram, the home page,
# an index and a category page, and the learning pages.
PAGES = [
    ("term", "terms/sql-injection/"),
    ("term", "terms/immutable-infrastructure/"),
    ("term", "terms/cross-site-scripting/"),
    ("home", ""),
    ("index", "a-z/"),
    ("category", "categories/security/"),
    ("learning", "learn/"),
    ("learning", "learn/quiz/"),
    ("learning", "learn/flashcards/"),
    ("learning", "learn/explorer/"),
    ("learning", "learn/graph/"),
    ("learning", "learn/progress/"),
]

# Material draws each diagram into a closed shadow root: opened, so the probe can see the SVG.
OPEN_SHADOWS = (
    "const attach = Element.prototype.attachShadow;"
    "Element.prototype.attachShadow = function (init) { return attach.call(this, {...init, mode: 'open'}); };"
)

# In the page: ms since navigation start at which the first diagram's SVG and every widget are drawn.
PROBE = """() => {
  if (document.readyState === 'loading') return {loading: true};
  const now = performance.now();
  const w = window.__readerCheck || (window.__readerCheck = {});
  const hosts = [...document.querySelectorAll('.mermaid, pre.mermaid')];
  const drawn = hosts.some((el) => (el.shadowRoot && el.shadowRoot.querySelector('svg')) || el.querySelector('svg'));
  if (drawn && w.diagram === undefined) w.diagram = now;
  const widgets = [...document.querySelectorAll('[data-gd-widget]')];
  const ready = widgets.every((el) => el.hasAttribute('data-gd-ready') && !el.hidden && el.childElementCount > 0);
  if (ready && w.widgets === undefined) w.widgets = now;
  const paint = performance.getEntriesByName('first-contentful-paint')[0];
  return {diagrams: hosts.length, widgets: widgets.length, diagram: w.diagram, widgetsAt: w.widgets,
          paint: paint ? paint.startTime : undefined,
          pending: widgets.filter((el) => !(el.hasAttribute('data-gd-ready') && !el.hidden && el.childElementCount > 0))
            .map((el) => el.getAttribute('data-gd-widget'))};
}"""


class GzipHandler(SimpleHTTPRequestHandler):
    """Static files; text ones gzip-compressed when the browser accepts it, as a web server does."""

    compressed: dict[Path, bytes]

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def send_head(self) -> Any:  # type: ignore[override]
        asked = Path(self.translate_path(self.path))
        if asked.is_dir() and not self.path.split("?")[0].endswith("/"):
            return super().send_head()  # the redirect to "dir/"
        path = asked / "index.html" if asked.is_dir() else asked
        if not (path.is_file() and path.suffix in COMPRESSED and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = self.compressed.get(path)
        if body is None:
            body = self.compressed[path] = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)


@dataclass
class Visit:
    kind: str
    path: str
    requests: int = 0
    total: int = 0  # bytes on the wire, everything the visit fetched
    before_mermaid: int = 0  # everything but Mermaid's modules
    mermaid: int = 0
    search_index: bool = False
    diagrams: int = 0
    widgets: int = 0
    paint_ms: float | None = None
    diagram_ms: float | None = None
    widgets_ms: float | None = None
    pending: list[str] = field(default_factory=list)
    scripts: list[str] = field(default_factory=list)


def serve(site: Path) -> tuple[ThreadingHTTPServer, str]:
    handler = functools.partial(type("Handler", (GzipHandler,), {"compressed": {}}), directory=str(site))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/"


def build(out: Path, site_url: str) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "plugins"), GLOSSDECK_SITE_URL=site_url, NO_MKDOCS_2_WARNING="1")
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(ROOT / "mkdocs.yml"), "-d", str(out)],
        check=True,
        cwd=ROOT,
        env=env,
    )


def visit(browser: Any, base: str, kind: str, path: str, *, slow: bool, timeout_s: float) -> Visit:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.add_init_script(OPEN_SHADOWS)
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    if slow:
        cdp.send("Network.emulateNetworkConditions", SLOW_LINK)
    urls: dict[str, str] = {}
    sizes: dict[str, int] = {}
    cdp.on("Network.requestWillBeSent", lambda e: urls.__setitem__(e["requestId"], e["request"]["url"]))
    cdp.on("Network.loadingFinished", lambda e: sizes.__setitem__(e["requestId"], int(e["encodedDataLength"])))
    result = Visit(kind, path)
    page.goto(base + path, wait_until="domcontentloaded", timeout=timeout_s * 1000)
    deadline = time.monotonic() + timeout_s
    state: dict[str, Any] = {}
    while time.monotonic() < deadline:
        state = page.evaluate(PROBE)
        if state.get("loading"):
            page.wait_for_timeout(50)
            continue
        diagrams_done = not state["diagrams"] or state["diagram"] is not None
        widgets_done = not state["widgets"] or state["widgetsAt"] is not None
        if diagrams_done and widgets_done:
            break
        page.wait_for_timeout(50)
    page.wait_for_timeout(300 if not slow else 1500)  # what the page still fetches after both
    state = page.evaluate(PROBE)
    for request_id, url in urls.items():
        size = sizes.get(request_id, 0)
        result.requests += 1
        result.total += size
        if MERMAID_PATH in url:
            result.mermaid += size
        else:
            result.before_mermaid += size
        if url.split("?")[0].endswith(SEARCH_INDEX):
            result.search_index = True
        if url.split("?")[0].endswith((".js", ".mjs")) and MERMAID_PATH not in url:
            result.scripts.append(url.removeprefix(base))
    result.diagrams, result.widgets = state["diagrams"], state["widgets"]
    result.paint_ms, result.diagram_ms, result.widgets_ms = state["paint"], state["diagram"], state["widgetsAt"]
    result.pending = state["pending"] if state["widgetsAt"] is None else []
    context.close()
    return result


def _ms(value: float | None) -> str:
    return "-" if value is None else f"{value / 1000:.2f} s"


def checks(visits: list[Visit], *, slow: bool) -> list[tuple[str, bool]]:
    found: list[tuple[str, bool]] = []
    for v in visits:
        name = v.path or "(home)"
        found.append((f"{name}: no search index downloaded before a search", not v.search_index))
        if v.widgets:
            found.append((f"{name}: every widget drawn ({', '.join(v.pending) or 'all'})", v.widgets_ms is not None))
        if v.kind != "term":
            continue
        found.append(
            (
                f"{name}: {v.before_mermaid / KB:.1f} KB without Mermaid <= {BUDGET_WITHOUT_MERMAID / KB:.0f} KB",
                v.before_mermaid <= BUDGET_WITHOUT_MERMAID,
            )
        )
        found.append(
            (
                f"{name}: {v.total / KB:.1f} KB with its diagram drawn <= {BUDGET_WITH_DIAGRAM / KB:.0f} KB",
                v.total <= BUDGET_WITH_DIAGRAM and (v.diagrams == 0 or v.diagram_ms is not None),
            )
        )
        if slow and v.diagrams and v.widgets:
            found.append(
                (
                    f"{name}: widgets ({_ms(v.widgets_ms)}) do not wait for the diagram ({_ms(v.diagram_ms)})",
                    v.widgets_ms is not None and (v.diagram_ms is None or v.widgets_ms <= v.diagram_ms),
                )
            )
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, help="a built site folder (default: build the repository's site)")
    parser.add_argument("--fast", action="store_true", help="no network emulation: sizes and requests only")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument("--timeout", type=float, default=90.0, help="seconds to wait for one page (default 90)")
    parser.add_argument("--chromium", default="/usr/bin/chromium", help="the browser (default: Debian's)")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="reader-check-") as tmp:
        site = args.site.resolve() if args.site else Path(tmp) / "site"
        # the server is bound before the build, so the site is built for its address (instant
        # navigation follows only sitemap addresses)
        httpd, base = serve(site)
        try:
            if not args.site:
                print(f"building the repository's site for {base} ...", flush=True)
                build(site, base)
            visits: list[Visit] = []
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=args.chromium, args=["--no-sandbox", "--disable-gpu"])
                for kind, path in PAGES:
                    if not (site / path / "index.html").is_file():
                        print(f"  (skipped: {path or '(home)'} is not in this site)")
                        continue
                    visits.append(visit(browser, base, kind, path, slow=not args.fast, timeout_s=args.timeout))
                browser.close()
        finally:
            httpd.shutdown()
            httpd.server_close()

    link = "no emulation" if args.fast else "1.6 Mbit/s down, 150 ms latency"
    print(f"\nFirst visit of each page, 390x844, gzip level 6, {link} ({time.strftime('%Y-%m-%d')}, {platform.node()})")
    header = f"{'kind':9} {'page':34} {'req':>4} {'no Mermaid':>11} {'Mermaid':>9} {'total':>9} {'text':>8} {'widgets':>8} {'diagram':>8}"
    print(header)
    print("-" * len(header))
    for v in visits:
        print(
            f"{v.kind:9} {(v.path or '(home)'):34} {v.requests:>4} {v.before_mermaid / KB:>8.1f} KB "
            f"{v.mermaid / KB:>6.1f} KB {v.total / KB:>6.1f} KB {_ms(v.paint_ms):>8} {_ms(v.widgets_ms):>8} "
            f"{_ms(v.diagram_ms):>8}"
        )
    print()
    results = checks(visits, slow=not args.fast)
    for text, ok in results:
        print(f"{'PASS' if ok else 'FAIL'}  {text}")
    if args.json:
        args.json.write_text(json.dumps([v.__dict__ for v in visits], indent=1), encoding="utf-8")
    failed = sum(1 for _, ok in results if not ok)
    print(f"\n{len(results) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
