"""Issue 14, "Readers first", in a real browser (Debian's headless Chromium): a term page opens with
its header and DEBT scores, then the TL;DR, on a phone and on a desktop; nothing is told by emoji
or colour alone; axe-core finds nothing serious or critical on the home page, the learning home
and a term page, in both palettes at both sizes; every section is in the table of contents."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, ViewportSize, expect

from tests.support.axe import axe_violations, palette_script
from tests.support.browser import Watch, serve_folder
from tests.support.sites import build_site
from tests.support.terms import default_terms

pytestmark = pytest.mark.browser

SIZES: dict[str, ViewportSize] = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
SCHEMES = ("default", "slate")
TERM = "terms/immutable-infrastructure/"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, browser: Browser) -> Iterator[str]:
    """The reference term and its neighbours with the learning feature and the embeds (whose Copy
    buttons are on term pages): a site built for the address it is served at."""
    root = tmp_path_factory.mktemp("readers-first")
    server = serve_folder(root / "site")
    try:
        built = build_site(
            root,
            terms=default_terms(),
            docs={"index.md": "# Welcome\n\nA small glossary.\n"},
            glossdeck="terms_dir: terms\nfeatures: [glossdeck.learning]\ncategories:\n  devops: DevOps\n",
            site_url=server.url,
        )
        assert built.ok, (built.error, built.warnings())
        yield server.url
    finally:
        server.stop()


def _page(browser: Browser, site: str, size: str, scheme: str = "default") -> Iterator[Page]:
    watch = Watch((site.rstrip("/"),))
    phone = size == "phone"
    context = watch.attach(browser.new_context(viewport=SIZES[size], is_mobile=phone, has_touch=phone))
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.add_init_script(palette_script(scheme))
    yield page
    context.close()
    assert watch.outside == [], f"requests to other hosts: {watch.outside}"
    assert watch.errors == [], f"console errors: {watch.errors}"


@pytest.fixture(params=list(SIZES))
def sized_page(request: pytest.FixtureRequest, browser: Browser, site: str) -> Iterator[Page]:
    yield from _page(browser, site, request.param)


def _open_term(page: Page, site: str) -> None:
    page.goto(site + TERM)
    expect(page.locator(".gd-term-quiz")).to_be_visible()  # the learning widgets are drawn


def test_tldr_starts_within_the_first_screen(sized_page: Page, site: str) -> None:
    page = sized_page
    _open_term(page, site)
    height = page.viewport_size["height"] if page.viewport_size else 0
    tldr = page.locator('[data-gd-block="tldr"]').bounding_box()
    assert tldr is not None and tldr["y"] < height, f"the TL;DR starts at {tldr} px, below the first {height} px"
    # before it: the title, the badges with the DEBT string, the chart, each axis's score, unopened
    for block in ("h1", '[data-gd-block="header"]', ".gd-debt .gd-chart", ".gd-debt-string"):
        box = page.locator(block).first.bounding_box()
        assert box is not None and box["y"] < tldr["y"], block
    scores = page.locator(".gd-debt .gd-axis-head .gd-axis")
    expect(scores).to_have_count(4)
    assert [s.inner_text() for s in scores.all()] == ["d7", "e9", "b9", "t5"]
    for score in scores.all():
        expect(score).to_be_visible()
    # every word of each rationale is on the page, folded: shown when its axis is opened
    rationale = page.locator(".gd-axis-d .gd-axis-rationale")
    expect(rationale).to_be_hidden()
    assert "Closest to 'only careful code review or runtime testing' (d7)." in (rationale.text_content() or "")
    page.locator(".gd-axis-d summary").click()
    expect(rationale).to_be_visible()
    expect(rationale).to_contain_text("fundamentally a process/discipline issue caught through review.")


def _emoji(text: str) -> list[str]:
    """Characters drawn only by an emoji font (pictographs and the like; not ✓ ✗ → of text fonts)."""
    return sorted({c for c in text if ord(c) >= 0x1F000 or 0x2600 <= ord(c) <= 0x26FF or c == "\ufe0f"})


def test_severity_is_in_words_and_no_emoji_carries_meaning(sized_page: Page, site: str) -> None:
    page = sized_page
    _open_term(page, site)
    severity = page.locator(".gd-dev-intel .gd-severity")
    expect(severity).to_have_text("Severity: Medium")  # the level in words, whatever the fonts draw
    # the icons are inline SVG, kept from assistive technology: the text beside each says it all
    icons = page.locator(".gd-dev-intel svg.gd-icon")
    assert icons.count() >= 4  # severity, quick fix, applies to, detection hints
    assert all(icon.get_attribute("aria-hidden") == "true" for icon in icons.all())
    shown = page.locator("article").inner_text()
    names = [unicodedata.name(c, hex(ord(c))) for c in _emoji(shown)]
    assert names == [], f"emoji on the term page: {names}"


def test_check_yourself_and_connections_are_in_the_table_of_contents(sized_page: Page, site: str) -> None:
    page = sized_page
    _open_term(page, site)
    toc = page.locator('nav.md-nav--secondary a.md-nav__link, nav.md-nav--secondary a[href^="#"]')
    titles = {t.strip() for t in toc.all_text_contents()}
    assert {"TL;DR", "Check yourself", "Connections"} <= titles, sorted(titles)
    for title in ("Check yourself", "Connections"):
        heading = page.get_by_role("heading", name=title, level=2)
        href = page.locator("nav.md-nav--secondary a", has_text=title).first.get_attribute("href")
        assert (href or "").endswith("#" + (heading.get_attribute("id") or "?")), href


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("size", list(SIZES))
def test_accessibility_of_home_learning_home_and_a_term_page(
    browser: Browser, site: str, size: str, scheme: str
) -> None:
    found: dict[str, list[dict[str, Any]]] = {}
    for page in _page(browser, site, size, scheme):
        page.goto(site)
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == scheme
        found["home"] = axe_violations(page)
        page.goto(site + "learn/")
        expect(page.locator(".gd-bar progress").first).to_be_attached()  # the path progress is drawn
        found["learning home"] = axe_violations(page)
        _open_term(page, site)
        for summary in page.locator(".gd-debt summary").all()[1:2]:
            summary.click()  # a rationale open too: its links are checked
        found["term page"] = axe_violations(page)
    assert not any(found.values()), json.dumps(found, indent=1)
