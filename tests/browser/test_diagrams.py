"""Diagrams a reader can read (issue 14, item 3), in Debian's headless Chromium: at 390 px wide no
label is under 12 px (the diagram scrolls sideways instead, and its frame can be scrolled from the
keyboard), and a Full size view opens with a tap or the keyboard, has a name, closes with Esc and
gives focus back; on a desktop no label is under 10 px; the authors' colours stay, with every node
label at WCAG AA contrast on its fill in both palettes, and again after the reader switches palette.
The last test sweeps every diagram of the repository's own glossary."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, ViewportSize, expect

from tests.support.axe import palette_script
from tests.support.browser import Watch, serve_folder
from tests.support.paths import REPO
from tests.support.sites import build_project, build_site
from tests.support.terms import default_terms

pytestmark = pytest.mark.browser

SIZES: dict[str, ViewportSize] = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
TERM = "terms/immutable-infrastructure/"

# Material draws each diagram into a closed shadow root; the tests open them to measure what is drawn.
OPEN_SHADOWS = (
    "const attach = Element.prototype.attachShadow;"
    "Element.prototype.attachShadow = function (init) { return attach.call(this, Object.assign({}, init, {mode: 'open'})); };"
)

# Every label of every drawn diagram: its text, the size it is drawn at on screen (its font size
# times the scale of the SVG around it), and for a label on a node or subgraph the contrast of its
# colour on the node's fill (composited on the page's background); measured independently of
# glossdeck.js.
FACTS = """(scope) => {
  const rgba = (v) => { const m = /rgba?\\(([^)]+)\\)/.exec(v || ''); if (!m) return null;
    const p = m[1].split(/[\\s,/]+/).filter(Boolean).map(Number); return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1}; };
  const over = (t, b) => ({r: t.r * t.a + b.r * (1 - t.a), g: t.g * t.a + b.g * (1 - t.a), b: t.b * t.a + b.b * (1 - t.a), a: 1});
  const lum = (c) => [c.r, c.g, c.b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
    .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
  const ratio = (a, b) => { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
  const page = rgba(getComputedStyle(document.body).backgroundColor);
  const root = document.querySelector(scope) || document;
  return [...root.querySelectorAll('.mermaid')].filter((h) => h.shadowRoot || h.querySelector('svg')).map((host) => {
    const svg = (host.shadowRoot || host).querySelector('svg');
    const labels = [];
    const walker = document.createTreeWalker(svg, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!n.nodeValue.trim() || el.closest('style, title, desc, defs')) continue;
      const holder = el instanceof SVGGraphicsElement ? el : el.closest('foreignObject');
      const ctm = holder.getScreenCTM();
      const cs = getComputedStyle(el);
      const fact = {text: n.nodeValue.trim(), px: parseFloat(cs.fontSize) * Math.hypot(ctm.a, ctm.b)};
      const node = el.closest('g.node, g.cluster');
      const shape = node && node.querySelector('.label-container, :scope > rect, :scope > polygon, :scope > circle, :scope > path');
      const fill = shape && rgba(getComputedStyle(shape).fill);
      if (fill && fill.a > 0) {
        const ground = over(fill, page);
        const ink = rgba(el instanceof SVGElement ? cs.fill : cs.color);
        fact.fill = getComputedStyle(shape).fill;
        fact.ink = el instanceof SVGElement ? cs.fill : cs.color;
        fact.contrast = ratio(over(ink, ground), ground);
      }
      labels.push(fact);
    }
    return {labels, width: svg.getBoundingClientRect().width};
  });
}"""

WIDE_SEQUENCE = """\
title: Request Lifecycle
category: devops
tldr: What happens between a browser's request and the response it gets.
diagram: |
  sequenceDiagram
    participant Browser
    participant LoadBalancer as Load balancer
    participant WebServer as Web server
    participant App as Application
    participant Cache
    participant Database
    Browser->>LoadBalancer: GET /products?page=2
    LoadBalancer->>WebServer: forward to a healthy node
    WebServer->>App: run the front controller
    App->>Cache: look the page up
    Cache-->>App: miss
    App->>Database: SELECT the second page of products
    Database-->>App: twenty rows
    App-->>Browser: 200 OK with the rendered page
"""

# the authors' own colours, including pairs that fail AA and a light fill with no text colour
COLOURED = """\
title: Colour Check
category: devops
tldr: A diagram with the colours authors write.
diagram: |
  flowchart LR
    A[Pale fill, no colour] --> B[Dark text on pale] --> C[White on red] --> D[Only a colour]
    style A fill:#fff3b0
    style B fill:#e0f0ff,color:#222
    style C fill:#f85149,color:#fff
    style D color:#fff
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, browser: Browser) -> Iterator[str]:
    root = tmp_path_factory.mktemp("diagrams")
    server = serve_folder(root / "site")
    try:
        terms = {**default_terms(), "request-lifecycle": WIDE_SEQUENCE, "colour-check": COLOURED}
        built = build_site(root, terms=terms, site_url=server.url, glossdeck="terms_dir: terms\n")
        assert built.ok, (built.error, built.warnings())
        yield server.url
    finally:
        server.stop()


def _pages(browser: Browser, site: str, size: str, scheme: str = "default") -> Iterator[Page]:
    watch = Watch((site.rstrip("/"),))
    phone = size == "phone"
    context = watch.attach(browser.new_context(viewport=SIZES[size], is_mobile=phone, has_touch=phone))
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.add_init_script(OPEN_SHADOWS)
    page.add_init_script(palette_script(scheme))
    yield page
    context.close()
    assert watch.outside == [], f"requests to other hosts: {watch.outside}"
    assert watch.errors == [], f"console errors: {watch.errors}"


def _open(page: Page, url: str) -> list[dict[str, Any]]:
    page.goto(url)
    page.locator("article .mermaid svg").first.wait_for(state="attached")
    page.wait_for_function("document.querySelectorAll('article pre.mermaid').length === 0")
    page.wait_for_timeout(100)  # the frame is sized once the diagram is in the page
    facts: list[dict[str, Any]] = page.evaluate(FACTS, "article")
    return facts


def _smallest(facts: list[dict[str, Any]]) -> tuple[float, str]:
    return min((label["px"], label["text"]) for diagram in facts for label in diagram["labels"])


@pytest.mark.parametrize("slug", ["immutable-infrastructure", "request-lifecycle"])
def test_labels_are_at_least_12px_on_a_phone_and_the_diagram_scrolls_sideways(
    browser: Browser, site: str, slug: str
) -> None:
    for page in _pages(browser, site, "phone"):
        facts = _open(page, f"{site}terms/{slug}/")
        assert len(facts) == 1 and facts[0]["labels"]
        px, text = _smallest(facts)
        assert px >= 12 - 0.05, f"{text!r} is drawn at {px:.1f} px on a 390 px screen"
        frame = page.locator("article .gd-diagram__frame")
        sizes = frame.evaluate("f => [f.scrollWidth, f.clientWidth]")
        assert sizes[1] <= 390 and page.evaluate("document.documentElement.scrollWidth") <= 390, sizes
        if sizes[0] <= sizes[1]:
            # with Mermaid's dagre layout this one fits a phone at 12 px: nothing to scroll
            assert slug == "immutable-infrastructure", f"{slug} should be wider than a phone: {sizes}"
            continue
        # wider than the screen: scrolled, not shrunk, and the page itself does not scroll
        # the frame can be focused and scrolled from the keyboard
        expect(frame).to_have_attribute("tabindex", "0")
        frame.focus()
        page.keyboard.press("ArrowRight")
        page.keyboard.press("End")
        page.wait_for_function("document.querySelector('article .gd-diagram__frame').scrollLeft > 0")


def test_full_size_view_opens_by_tap_and_keyboard_closes_with_escape_and_returns_focus(
    browser: Browser, site: str
) -> None:
    for page in _pages(browser, site, "phone"):
        _open(page, site + TERM)
        button = page.get_by_role("button", name="Show the diagram full size")
        expect(button).to_have_count(1)
        button.tap()
        dialog = page.get_by_role("dialog", name="Diagram: Immutable Infrastructure")
        expect(dialog).to_be_visible()
        facts = page.evaluate(FACTS, "dialog[open]")
        assert len(facts) == 1
        px, text = _smallest(facts)
        assert px >= 16 - 0.05, f"{text!r} at {px:.1f} px in the full-size view"
        assert page.evaluate("document.querySelectorAll('article .mermaid').length") == 0  # moved, not copied
        page.keyboard.press("Escape")
        expect(dialog).to_be_hidden()
        expect(button).to_be_focused()
        assert page.evaluate("document.querySelectorAll('article .mermaid').length") == 1  # back in place
        # from the keyboard: Enter opens it, the Close button closes it
        button.focus()
        page.keyboard.press("Enter")
        expect(dialog).to_be_visible()
        page.get_by_role("button", name="Close").click()
        expect(dialog).to_be_hidden()
        expect(button).to_be_focused()
        px, text = _smallest(page.evaluate(FACTS, "article"))
        assert px >= 12 - 0.05, f"after the full-size view, {text!r} is at {px:.1f} px"


@pytest.mark.parametrize("slug", ["immutable-infrastructure", "request-lifecycle", "colour-check"])
def test_no_label_under_10px_on_a_desktop(browser: Browser, site: str, slug: str) -> None:
    for page in _pages(browser, site, "desktop"):
        px, text = _smallest(_open(page, f"{site}terms/{slug}/"))
        assert px >= 10, f"{text!r} is drawn at {px:.1f} px at 1280 px wide"
        expect(page.get_by_role("button", name="Show the diagram full size")).to_be_visible()


def _node_labels(facts: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {label["text"]: label for diagram in facts for label in diagram["labels"] if "contrast" in label}


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_authors_colours_are_kept_with_aa_contrast_in_both_palettes(browser: Browser, site: str, scheme: str) -> None:
    for page in _pages(browser, site, "desktop", scheme):
        labels = _node_labels(_open(page, site + TERM))
        new = labels["New instances"]
        assert new["fill"] == "rgb(35, 134, 54)"  # the author's green, in both palettes
        assert new["ink"] == "rgb(255, 255, 255)", new  # and the author's white text on it (4.6:1)
        faint = {text: round(label["contrast"], 2) for text, label in labels.items() if label["contrast"] < 4.5}
        assert faint == {}, f"labels under 4.5:1 on their fill: {faint}"
        assert labels["Unique state"]["fill"] == "rgb(248, 81, 73)"  # white on it is 3.3:1: the text changes
        labels = _node_labels(_open(page, site + "terms/colour-check/"))
        assert labels["Dark text on pale"]["ink"] == "rgb(34, 34, 34)"  # the author's pair passes: kept
        faint = {text: round(label["contrast"], 2) for text, label in labels.items() if label["contrast"] < 4.5}
        assert faint == {}, f"labels under 4.5:1 on their fill: {faint}"
        # the reader switches palette: the labels follow
        page.locator("form[data-md-component=palette] label:visible").first.click()
        other = "slate" if scheme == "default" else "default"
        page.wait_for_function(f"document.body.getAttribute('data-md-color-scheme') === '{other}'")
        page.wait_for_timeout(100)
        labels = _node_labels(page.evaluate(FACTS, "article"))
        faint = {text: round(label["contrast"], 2) for text, label in labels.items() if label["contrast"] < 4.5}
        assert faint == {}, f"after switching to {other}, labels under 4.5:1: {faint}"


@pytest.fixture(scope="module")
def repository_site(tmp_path_factory: pytest.TempPathFactory, browser: Browser) -> Iterator[tuple[str, list[str]]]:
    site_dir = tmp_path_factory.mktemp("repository") / "site"
    server = serve_folder(site_dir)
    try:
        with pytest.MonkeyPatch.context() as env:  # mkdocs.yml reads its site_url from there
            env.setenv("GLOSSDECK_SITE_URL", server.url)
            built = build_project(REPO, site_dir=site_dir)
        assert built.ok, built.error
        pages = sorted(
            p.parent.relative_to(site_dir).as_posix() + "/"
            for p in (site_dir / "terms").glob("*/index.html")
            if "data-gd-diagram" in p.read_text(encoding="utf-8")
        )
        yield server.url, pages
    finally:
        server.stop()


def test_every_diagram_of_the_repository_glossary_is_legible(
    browser: Browser, repository_site: tuple[str, list[str]]
) -> None:
    """On a phone (and so on a desktop too: a diagram is never drawn narrower than on a phone) no
    label under 12 px; every node label at 4.5:1 on its fill, in the light palette and after
    switching to the dark one."""
    url, pages = repository_site
    assert len(pages) >= 30
    small: dict[str, str] = {}
    faint: dict[str, str] = {}
    for page in _pages(browser, url, "phone"):
        for path in pages:
            facts = _open(page, url + path)
            px, text = _smallest(facts)
            if px < 12 - 0.05:
                small[path] = f"{text!r} at {px:.1f} px"
            page.locator("form[data-md-component=palette] label:visible").first.click()
            page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
            page.wait_for_timeout(50)
            for scheme, found in (("default", facts), ("slate", page.evaluate(FACTS, "article"))):
                for text, label in _node_labels(found).items():
                    if label["contrast"] < 4.5:
                        faint[f"{path} ({scheme})"] = f"{text!r} at {label['contrast']:.2f}:1"
    assert small == {}, small
    assert faint == {}, faint
