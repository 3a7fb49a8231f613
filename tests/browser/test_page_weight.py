"""Issue 14, page weight and search, in a real browser (Debian's headless Chromium), on a site of the
repository's own terms: what a term page's first visit downloads (counted, gzip as a server sends
it), which scripts and data each page loads, that nothing fetches the search index before a search
starts, that no widget waits for Mermaid, that pages reached by instant navigation still start
their widgets, and that search previews the TL;DR, ranks term pages first and tolerates a typo.

Work is counted here (requests, bytes, scripts), never timed; scripts/reader_check.py times pages
on an emulated slow link."""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, Response, Route, ViewportSize, expect

from tests.support.browser import Watch, serve_folder
from tests.support.sites import build_site
from tests.support.terms import repository_terms

pytestmark = pytest.mark.browser

KB = 1000
CATEGORIES = ["security", "architecture", "language", "data", "performance", "devops", "testing"]
GUIDE = """\
# Security guide

How this team keeps injection out of its code: start with SQL Injection, then the other security terms.

```mermaid
flowchart LR
    Guide[Hand-written diagram] --> Works
```
"""
OPEN_SHADOW_ROOTS = (
    "const attach = Element.prototype.attachShadow;"
    "Element.prototype.attachShadow = function (init) { return attach.call(this, {...init, mode: 'open'}); };"
)
DIAGRAM_DRAWN = """() => [...document.querySelectorAll('article .mermaid')].some(
  (host) => host.shadowRoot && host.shadowRoot.querySelector('svg'))"""
WIDGETS_DRAWN = """() => {
  const widgets = [...document.querySelectorAll('[data-gd-widget]')];
  return widgets.length > 0 && widgets.every((el) => el.hasAttribute('data-gd-ready') && !el.hidden && el.childElementCount > 0);
}"""
TEXT_TYPES = ("text/", "application/javascript", "application/json", "image/svg", "application/xml")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, browser: Browser) -> Iterator[str]:
    root = tmp_path_factory.mktemp("page-weight")
    server = serve_folder(root / "site")
    categories = "".join(f"  {c}: {c.title()}\n" for c in CATEGORIES)
    try:
        built = build_site(
            root,
            terms=repository_terms(),
            docs={"index.md": "# Welcome\n\nThe team glossary.\n", "guide.md": GUIDE},
            glossdeck=f"terms_dir: terms\nfeatures: [glossdeck.learning]\ncategories:\n{categories}",
            site_url=server.url,
        )
        assert built.ok, (built.error, built.warnings())
        yield server.url
    finally:
        server.stop()


@dataclass
class Visit:
    """What one page load fetched: URLs (site-relative) and their bytes as gzip sends them."""

    site: str
    responses: list[Response] = field(default_factory=list)

    @property
    def urls(self) -> list[str]:
        return [r.url.removeprefix(self.site).split("#")[0] for r in self.responses]

    def fetched(self, suffix: str) -> bool:
        return any(url.split("?")[0].endswith(suffix) for url in self.urls)

    def scripts(self) -> set[str]:
        return {url.rsplit("/", 1)[1] for url in self.urls if url.split("?")[0].endswith((".js", ".mjs"))}

    def gzip_bytes(self, *, mermaid: bool | None = None) -> int:
        """Bodies as a web server sends them (text gzip-compressed at level 6); `mermaid` True counts
        Mermaid's files only, False all but them."""
        total = 0
        for response in self.responses:
            url = response.url.removeprefix(self.site)
            if url.startswith("data:") or response.status != 200:
                continue
            if mermaid is not None and ("assets/glossdeck/vendor/mermaid" in url) != mermaid:
                continue
            body = response.body()
            kind = response.headers.get("content-type", "")
            total += len(gzip.compress(body, 6)) if kind.startswith(TEXT_TYPES) else len(body)
        return total


def _open(
    browser: Browser, site: str, *, hold_mermaid: bool = False, desktop: bool = False
) -> tuple[Page, Visit, Watch, Any]:
    """A first visit (a new context: empty cache) on a phone, or a desktop for the search field."""
    watch = Watch((site.rstrip("/"),))
    size: ViewportSize = {"width": 1280, "height": 900} if desktop else {"width": 390, "height": 844}
    context = watch.attach(browser.new_context(viewport=size, is_mobile=not desktop))
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.add_init_script(OPEN_SHADOW_ROOTS)
    visit = Visit(site)

    def keep(response: Response) -> None:  # Playwright wraps handlers: a bound builtin will not do
        visit.responses.append(response)

    page.on("response", keep)
    held: list[Route] = []
    if hold_mermaid:
        # Mermaid never arrives (a very slow link): its requests stay unanswered until the test ends
        def hold(route: Route) -> None:
            held.append(route)

        context.route(re.compile(r"/assets/glossdeck/vendor/mermaid"), hold)
    return page, visit, watch, (context, held)


def _close(handle: Any, watch: Watch) -> None:
    context, held = handle
    outside, errors = list(watch.outside), list(watch.errors)  # before held requests are let go
    for route in held:
        route.abort()
    context.close()
    assert outside == [], f"requests to other hosts: {outside}"
    assert errors == [], f"console errors: {errors}"


def test_a_term_page_first_visit_stays_within_budget(browser: Browser, site: str) -> None:
    page, visit, watch, handle = _open(browser, site)
    try:
        page.goto(site + "terms/sql-injection/")
        page.wait_for_function(WIDGETS_DRAWN)
        page.wait_for_function(DIAGRAM_DRAWN)
        page.wait_for_load_state("networkidle")
        without, with_diagram = visit.gzip_bytes(mermaid=False), visit.gzip_bytes()
        assert without <= 150 * KB, f"{without / KB:.1f} KB gzip without Mermaid (budget 150 KB): {visit.urls}"
        assert with_diagram <= 600 * KB, f"{with_diagram / KB:.1f} KB gzip with the diagram drawn (budget 600 KB)"
        assert visit.gzip_bytes(mermaid=True) > 0, "the diagram was drawn with the site's own Mermaid"
        assert not visit.fetched("mermaid.min.js"), "the whole 5.5 MB Mermaid bundle"
    finally:
        _close(handle, watch)


def test_a_term_page_loads_only_its_own_scripts_and_data(browser: Browser, site: str) -> None:
    page, visit, watch, handle = _open(browser, site)
    try:
        page.goto(site + "terms/sql-injection/")
        page.wait_for_function(WIDGETS_DRAWN)
        page.wait_for_load_state("networkidle")
        scripts = visit.scripts()
        # its widgets' code (quiz, graph, paths for "Mark as read"), none of the learning pages'
        assert {"core.js", "quiz.js", "graph.js", "paths.js", "d3-force.min.js"} <= scripts, scripts
        assert not scripts & {"flashcards.js", "explorer.js", "progress-page.js"}, scripts
        # its own questions, not the whole glossary's bank
        assert visit.fetched("learn/data/quiz/sql-injection.json")
        assert not visit.fetched("learn/data/quiz.json"), "the whole question bank on a term page"
        assert not visit.fetched("search/search_index.json"), "the search index before any search"
        expect(page.locator(".gd-term-quiz .gd-q").first).to_be_visible()

        # a page without widgets loads none of their code
        home, home_visit, home_watch, home_handle = _open(browser, site)
        try:
            home.goto(site + "guide/")
            home.wait_for_load_state("networkidle")
            assert not home_visit.scripts() & {"quiz.js", "graph.js", "flashcards.js", "d3-force.min.js"}
            assert not home_visit.fetched("learn/data/terms.json") and not home_visit.fetched("search_index.json")
        finally:
            _close(home_handle, home_watch)
    finally:
        _close(handle, watch)


def test_no_widget_waits_for_mermaid(browser: Browser, site: str) -> None:
    page, _visit, watch, handle = _open(browser, site, hold_mermaid=True)
    try:
        page.goto(site + "terms/sql-injection/", wait_until="domcontentloaded")  # "load" may wait for it
        page.wait_for_function(WIDGETS_DRAWN)  # quiz, graph and "Mark as read", Mermaid still pending
        expect(page.locator(".gd-term-quiz .gd-q").first).to_be_visible()
        expect(page.locator(".gd-local-graph svg").first).to_be_visible()
        expect(page.locator(".gd-term-progress button").first).to_be_visible()
        assert not page.evaluate(DIAGRAM_DRAWN)
    finally:
        _close(handle, watch)


def test_instant_navigation_starts_the_scripts_a_page_needs(browser: Browser, site: str) -> None:
    page, visit, watch, handle = _open(browser, site)
    try:
        page.goto(site + "guide/")
        page.wait_for_function(DIAGRAM_DRAWN)  # a hand-written mermaid fence, drawn through mermaid2's tag
        assert "glossdeck/mermaid.mjs" in page.content()
        assert "quiz.js" not in visit.scripts()
        page.evaluate("() => { window.__samePage = true; }")
        page.locator("article a", has_text="SQL Injection").first.click()
        page.wait_for_url("**/terms/sql-injection/")
        page.wait_for_function(WIDGETS_DRAWN)
        page.wait_for_function(DIAGRAM_DRAWN)
        assert page.evaluate("() => window.__samePage === true"), "the link caused a full page load"
        assert "quiz.js" in visit.scripts()
        # on to a learning page, still without a reload: its own widget's code starts there
        page.locator(".gd-quiz__more a").click()
        page.wait_for_url("**/learn/quiz/**")
        page.wait_for_function(
            "() => !!document.querySelector('.gd-quiz-runner .gd-q, .gd-quiz-runner .gd-quiz__score')"
        )
        assert page.evaluate("() => window.__samePage === true")
    finally:
        _close(handle, watch)


def _search(page: Page, query: str) -> list[tuple[str, str]]:
    """(title, preview) of the results Material lists for `query`, best first."""
    field_ = page.locator("input.md-search__input")
    field_.click()
    field_.fill("")
    field_.press_sequentially(query, delay=20)
    items = page.locator(".md-search-result__item > .md-search-result__link")
    expect(items.first).to_be_visible()
    page.wait_for_timeout(300)  # the last keystroke's results
    found = []
    for item in items.all():
        title = item.locator("h1, h2").first.inner_text().strip()
        preview = item.locator("p").first.inner_text().strip() if item.locator("p").count() else ""
        found.append((title, preview))
    return found


def test_the_search_index_downloads_when_a_search_starts(browser: Browser, site: str) -> None:
    page, visit, watch, handle = _open(browser, site, desktop=True)
    try:
        page.goto(site + "terms/sql-injection/")
        page.wait_for_function(WIDGETS_DRAWN)
        page.wait_for_load_state("networkidle")
        assert not visit.fetched("search/search_index.json"), "the index before any search"
        assert not any("workers/search." in url for url in visit.urls), "Lunr's worker before any search"
        _search(page, "injection")
        assert visit.fetched("search/search_index.json"), "the index arrives once a search starts"
    finally:
        _close(handle, watch)


def test_search_previews_the_tldr_and_ranks_term_pages_first(browser: Browser, site: str) -> None:
    page, _visit, watch, handle = _open(browser, site, desktop=True)
    try:
        page.goto(site + "guide/")
        results = _search(page, "injection")
        titles = [title for title, _ in results]
        assert titles[0] == "SQL Injection", titles  # tagged "injection": the term about it
        assert results[0][1].startswith("Untrusted input pasted into an SQL string"), results[0]
        assert not any("Back to glossary" in preview for _, preview in results), results
        # term pages above the tag page and the hand-written guide that mention the word
        for other in ("Tag: injection", "Security guide"):
            if other in titles:
                assert titles.index(other) > titles.index("Dependency Injection"), titles
    finally:
        _close(handle, watch)


@pytest.mark.parametrize(("typo", "term"), [("injektion", "SQL Injection"), ("immutible", "Immutable Infrastructure")])
def test_search_tolerates_a_typo(browser: Browser, site: str, typo: str, term: str) -> None:
    page, _visit, watch, handle = _open(browser, site, desktop=True)
    try:
        page.goto(site + "guide/")
        titles = [title for title, _ in _search(page, typo)]
        assert term in titles[:3], titles
        # the word matched, if not as typed: Material lists no "Missing" words for these results
        assert "Missing" not in page.locator(".md-search-result").inner_text()
    finally:
        _close(handle, watch)
