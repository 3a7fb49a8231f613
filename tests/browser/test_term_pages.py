"""The built site in a real browser (Debian's headless Chromium): blocks, diagrams drawn as SVG,
instant navigation, both palettes; every request to another host is blocked and counted."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.support.browser import Watch, launch_chromium, serve_folder
from tests.support.sites import build_site
from tests.support.terms import HOSTILE_TERM, default_terms

pytestmark = pytest.mark.browser
PageAndWatch = tuple[Any, Watch]  # a Playwright page, and what its context did

# Material draws each diagram into a closed shadow root; the test opens it so it can look inside.
OPEN_SHADOW_ROOTS = (
    "const attach = Element.prototype.attachShadow;"
    "Element.prototype.attachShadow = function (init) {"
    "  return attach.call(this, Object.assign({}, init, {mode: 'open'})); };"
)
DIAGRAM_DRAWN = """() => {
  const host = document.querySelector('article div.mermaid');
  const svg = host && host.shadowRoot && host.shadowRoot.querySelector('svg');
  return !!svg && svg.getBoundingClientRect().width > 50 && svg.querySelectorAll('.node').length > 1;
}"""
BLOCKS = [
    "breadcrumbs",
    "header",
    "debt",
    "aliases",
    "tldr",
    "explanation",
    "misconception",
    "why-it-matters",
    "mistakes",
    "code-example",
    "dates",
    "dev-intel",
    "quick-fix",
    "applies-to",
    "detection",
    "ai-agent",
    "related",
    "sources",
]


@pytest.fixture(scope="module")
def served_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("browser")
    # Material's instant navigation only follows links listed in sitemap.xml, which takes its
    # addresses from site_url (port included): build for the address the site is served at.
    server = serve_folder(root / "site")
    try:
        built = build_site(
            root,
            terms={**default_terms(), "hostile": HOSTILE_TERM},
            docs={"index.md": "# Welcome\n\nA page without diagrams.\n"},
            glossdeck="categories:\n  devops: DevOps\n",
            site_url=server.url,
        )
        assert built.ok, (built.error, built.warnings())
        yield server.origin
    finally:
        server.stop()


@pytest.fixture
def browser_page(served_site: str) -> Iterator[PageAndWatch]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        watch = Watch((served_site,))
        context = watch.attach(browser.new_context(viewport={"width": 1280, "height": 900}))
        page = context.new_page()
        page.add_init_script(OPEN_SHADOW_ROOTS)
        try:
            yield page, watch
        finally:
            browser.close()


def test_reference_term_blocks_diagrams_and_instant_navigation(browser_page: PageAndWatch, served_site: str) -> None:
    page, watch = browser_page
    page.goto(f"{served_site}/terms/immutable-infrastructure/")
    for block in BLOCKS:
        assert page.locator(f'article [data-gd-block="{block}"]').first.is_visible(), block
    assert page.get_by_text("debt(d7/e9/b9/t5)").first.is_visible()
    page.wait_for_function(DIAGRAM_DRAWN, timeout=20_000)
    labels = page.evaluate("() => document.querySelector('article div.mermaid').shadowRoot.textContent")
    assert "Unique state" in labels and "cannot reproduce" in labels and "<br" not in labels
    assert page.evaluate("() => mermaid.mermaidAPI.getConfig().securityLevel") == "strict"

    # follow a related-term link: instant navigation swaps the content without a full reload
    page.evaluate("() => { window.__samePage = true; }")
    page.locator('article [data-gd-block="related"] a', has_text="Blue-Green Deployment").click()
    page.wait_for_url("**/terms/blue-green-deployment/")
    page.wait_for_function("() => document.querySelector('article h1').textContent.includes('Blue-Green')")
    assert page.evaluate("() => window.__samePage === true"), "the link caused a full page load"
    page.wait_for_function(DIAGRAM_DRAWN, timeout=20_000)
    assert "new release" in page.evaluate("() => document.querySelector('article div.mermaid').shadowRoot.textContent")
    assert watch.outside == [] and watch.errors == [] and watch.dialogs == []


def test_diagram_after_instant_navigation_from_a_page_without_one(browser_page: PageAndWatch, served_site: str) -> None:
    page, watch = browser_page
    page.goto(f"{served_site}/")
    assert page.evaluate("() => mermaid.glossdeckStandIn === true")  # no library loaded yet
    page.evaluate("() => { window.__samePage = true; }")
    page.locator("article a", has_text="Blue-Green Deployment").first.click()
    page.wait_for_url("**/terms/blue-green-deployment/")
    page.wait_for_function(DIAGRAM_DRAWN, timeout=20_000)
    assert page.evaluate("() => window.__samePage === true")
    assert watch.outside == [] and watch.errors == []


def test_diagram_reads_in_both_palettes(browser_page: PageAndWatch, served_site: str) -> None:
    page, watch = browser_page
    page.goto(f"{served_site}/terms/immutable-infrastructure/")
    page.wait_for_function(DIAGRAM_DRAWN, timeout=20_000)
    colours = """() => {
      const root = document.querySelector('article div.mermaid').shadowRoot;
      return {label: getComputedStyle(root.querySelector('.nodeLabel')).color,
              cluster: getComputedStyle(root.querySelector('.cluster rect')).fill,
              scheme: document.body.getAttribute('data-md-color-scheme')};
    }"""
    light = page.evaluate(colours)
    page.locator("label.md-header__button[for='__palette_1']").click()
    page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'slate'")
    dark = page.evaluate(colours)
    assert light["scheme"] == "default" and dark["scheme"] == "slate"
    assert light["label"] != dark["label"] and light["cluster"] != dark["cluster"]
    assert page.evaluate(DIAGRAM_DRAWN)
    assert watch.outside == [] and watch.errors == []


def test_hostile_term_executes_nothing_in_the_browser(browser_page: PageAndWatch, served_site: str) -> None:
    page, watch = browser_page
    for path in ("terms/hostile/", "a-z/", "categories/security/"):
        page.goto(f"{served_site}/{path}")
        page.wait_for_timeout(1500)  # let Material try to draw the diagram
        injected = page.evaluate("""() => document.querySelectorAll(
            'article img[onerror], article iframe, article script, [onclick], [onmouseover]').length""")
        assert injected == 0, path
    page.goto(f"{served_site}/terms/hostile/")
    assert page.locator("article h1").inner_text().startswith('Hostile <script>alert(1)</script> "><img')
    assert page.get_by_text("<script>alert(6)</script>", exact=False).first.is_visible()
    assert watch.dialogs == [] and watch.outside == []
