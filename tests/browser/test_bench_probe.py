"""scripts/bench.py times a live edit until the reloaded page renders the new text: its in-page probe
records the first frame with the text in `document.body.innerText`, never text that is only in the
document (hidden, or not yet styled), and nothing on a page without the text."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from playwright.sync_api import Browser

from tests.support.browser import StaticServer, serve_folder

REPO = Path(__file__).resolve().parents[2]
MARKER = "bench-edit-1-0a1b2c3d"

# the text is in the document from the start but hidden until 400 ms after the page starts
HIDDEN_THEN_SHOWN = f"""<!doctype html><html><head><meta charset="utf-8"></head><body>
<p id="tldr" style="display: none">Edited by the benchmark: {MARKER}.</p>
<script>
setTimeout(() => {{
  window.revealedAt = performance.timeOrigin + performance.now();
  document.getElementById("tldr").style.display = "block";
}}, 400);
</script></body></html>
"""

# the text arrives 300 ms after the page starts, written by a script
ADDED_LATER = f"""<!doctype html><html><head><meta charset="utf-8"></head><body><main></main>
<script>
setTimeout(() => {{
  window.addedAt = performance.timeOrigin + performance.now();
  const p = document.createElement("p");
  p.textContent = "Edited by the benchmark: {MARKER}.";
  document.querySelector("main").append(p);
}}, 300);
</script></body></html>
"""


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("glossdeck_bench", REPO / "scripts" / "bench.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StaticServer]:
    root = tmp_path_factory.mktemp("probe")
    (root / "hidden.html").write_text(HIDDEN_THEN_SHOWN, encoding="utf-8")
    (root / "added.html").write_text(ADDED_LATER, encoding="utf-8")
    (root / "other.html").write_text("<!doctype html><p>Nothing edited here.</p>", encoding="utf-8")
    server = serve_folder(root)
    yield server
    server.stop()


def _shown(browser: Browser, pages: StaticServer, name: str, wait_for: str | None) -> tuple[object, object]:
    page = browser.new_page()
    try:
        page.add_init_script(_bench().SHOWN_PROBE)
        page.goto(pages.url + "other.html")
        page.evaluate("marker => sessionStorage.setItem('gd-bench-marker', marker)", MARKER)
        page.goto(pages.url + name)
        if wait_for is not None:
            page.wait_for_function(
                "marker => window.__gdBenchShown !== undefined && window.__gdBenchShown.marker === marker",
                arg=MARKER,
                timeout=10_000,
            )
        else:
            page.wait_for_timeout(500)
        return page.evaluate("window.__gdBenchShown"), page.evaluate(f"window.{wait_for}" if wait_for else "null")
    finally:
        page.close()


def test_hidden_text_counts_only_once_it_is_rendered(browser: Browser, pages: StaticServer) -> None:
    shown, revealed = _shown(browser, pages, "hidden.html", "revealedAt")
    assert isinstance(shown, dict) and isinstance(revealed, float)
    assert shown["marker"] == MARKER and revealed <= shown["at"] < revealed + 1000


def test_text_written_later_counts_from_the_frame_that_renders_it(browser: Browser, pages: StaticServer) -> None:
    shown, added = _shown(browser, pages, "added.html", "addedAt")
    assert isinstance(shown, dict) and isinstance(added, float)
    assert added <= shown["at"] < added + 1000


def test_a_page_without_the_text_records_nothing(browser: Browser, pages: StaticServer) -> None:
    shown, _ = _shown(browser, pages, "other.html", None)
    assert shown is None
