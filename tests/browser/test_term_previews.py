"""Term previews in a real browser (Debian's headless Chromium): a card with the term's title, TL;DR,
DEBT string and link opens on hover after a short delay, on keyboard focus and through a tap
toggle; it stays while the pointer is on it, closes on Esc, passes axe-core, works after Material's
instant navigation, reads only the small preview files and keeps to its per-page budget."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.support.axe import axe_violations, palette_script
from tests.support.browser import Watch, serve_folder
from tests.support.sites import build_site
from tests.support.terms import default_terms

pytestmark = pytest.mark.browser
OPEN = "() => document.getElementById('gd-term-preview')?.matches(':popover-open') === true"
CLOSED = "() => !document.getElementById('gd-term-preview')?.matches(':popover-open')"
BUDGET = 60
# a hand-written page with more prose term links than a page may set up
MANY_LINKS = "# Many links\n\n" + "\n\n".join(
    f'<p>Link {i}: <a class="gd-termlink" href="../terms/sql-injection/">SQL injection</a></p>' for i in range(80)
)

# a term whose prose links another with the [[slug]] syntax (rendered as a.gd-termlink)
TERM_LINK_DEMO = """title: Term link demo
category: security
tldr: A term that points at another in its prose.
explanation: Read [[sql-injection]] first, then [[not-written-yet]].
"""

# a related list as term pages write it, with a term not written yet (it links to the Wanted page)
MISSING_LINK = (
    "# Missing\n\n"
    '<ul class="gd-related"><li><a class="gd-missing-term" rel="nofollow" href="../wanted/#not-yet">Not yet</a> '
    '<span class="gd-missing-note">(not written yet)</span></li>'
    '<li><a href="../terms/sql-injection/">SQL Injection</a></li></ul>\n'
)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("previews")
    server = serve_folder(root / "site")  # instant navigation needs site_url to be this address
    try:
        built = build_site(
            root,
            terms={**default_terms(), "term-link-demo": TERM_LINK_DEMO},
            docs={"index.md": "# Welcome\n\nA home page.\n", "many.md": MANY_LINKS, "missing.md": MISSING_LINK},
            site_url=server.url,
            embeds=False,
            strict=False,  # the demo term links a term not written yet, on purpose
        )
        assert built.error is None and len(built.warnings()) == 1, (built.error, built.warnings())
        yield server.origin
    finally:
        server.stop()


@pytest.fixture
def watch(site: str) -> Iterator[Watch]:
    w = Watch((site,))
    yield w
    assert w.outside == [], f"requests to other hosts: {w.outside}"
    assert w.errors == [], f"console errors: {w.errors}"


def _page(browser: Browser, watch: Watch, **options: Any) -> Page:
    context = watch.attach(browser.new_context(**options))
    page = context.new_page()
    page.set_default_timeout(10_000)
    return page


@pytest.fixture
def page(browser: Browser, watch: Watch) -> Iterator[Page]:
    p = _page(browser, watch, viewport={"width": 1280, "height": 900})
    yield p
    p.context.close()


@pytest.fixture
def phone(browser: Browser, watch: Watch) -> Iterator[Page]:
    p = _page(browser, watch, viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    yield p
    p.context.close()


def _autolink(page: Page) -> Any:
    return page.locator('article a.gd-autolink[href*="immutable-infrastructure"]').first


def _card(page: Page) -> Any:
    return page.locator("#gd-term-preview")


def _expect_immutable_preview(page: Page) -> None:
    card = _card(page)
    expect(card).to_be_visible()
    expect(card.locator(".gd-preview__title")).to_have_text("Immutable Infrastructure")
    expect(card.locator(".gd-preview__tldr")).to_contain_text("never modified after deployment")
    expect(card.locator(".gd-preview__debt")).to_contain_text("debt(d7/e9/b9/t5)")
    expect(card.get_by_role("link", name="Open Immutable Infrastructure")).to_have_attribute(
        "href", re.compile(r"/terms/immutable-infrastructure/$")
    )


def test_hover_opens_after_a_delay_stays_on_the_card_and_esc_closes(page: Page, site: str) -> None:
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(f"{site}/terms/blue-green-deployment/")
    link = _autolink(page)
    expect(link).to_have_attribute("data-gd-preview", "on")
    assert link.get_attribute("title") is None, "the preview replaces the native tooltip"
    link.hover()
    assert page.evaluate(CLOSED), "not at once: only after a short delay"
    page.wait_for_function(OPEN)
    _expect_immutable_preview(page)
    # the pointer moves onto the card: it stays open
    box = _card(page).bounding_box()
    assert box is not None
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, steps=5)
    page.wait_for_timeout(1000)
    assert page.evaluate(OPEN), "the card closed while the pointer was on it"
    page.keyboard.press("Escape")
    page.wait_for_function(CLOSED)
    # the pointer leaves the link for the page's blank margin: the card closes
    link.hover()
    page.wait_for_function(OPEN)
    page.mouse.move(5, 880, steps=5)
    page.wait_for_function(CLOSED)
    # only the term's small preview file was read, never its page; no polyfill where the APIs exist
    assert any(u.endswith("/terms/immutable-infrastructure.preview.json") for u in requested), requested
    assert not any(u.rstrip("/").endswith("/terms/immutable-infrastructure") for u in requested)
    assert not any("polyfill" in u or "interestfor" in u for u in requested)


def test_keyboard_focus_opens_and_esc_closes(page: Page, site: str) -> None:
    page.goto(f"{site}/terms/blue-green-deployment/")
    link = _autolink(page)
    expect(link).to_have_attribute("data-gd-preview", "on")
    link.focus()
    page.wait_for_function(OPEN)
    _expect_immutable_preview(page)
    page.keyboard.press("Escape")
    page.wait_for_function(CLOSED)
    assert page.evaluate("document.activeElement.classList.contains('gd-autolink')"), "focus stays on the link"


def test_tap_toggle_opens_and_closes_on_a_phone(phone: Page, site: str) -> None:
    phone.goto(f"{site}/terms/blue-green-deployment/")
    toggle = phone.locator('article a.gd-autolink[href*="immutable-infrastructure"] + button').first
    expect(toggle).to_have_accessible_name("Preview of Immutable Infrastructure")
    expect(toggle).to_be_visible()
    box = toggle.bounding_box()
    assert box is not None and box["width"] >= 24 and box["height"] >= 24, box
    expect(toggle).to_have_attribute("aria-expanded", "false")
    toggle.tap()
    phone.wait_for_function(OPEN)
    _expect_immutable_preview(phone)
    expect(toggle).to_have_attribute("aria-expanded", "true")
    card = _card(phone).bounding_box()
    assert card is not None and card["x"] >= 0 and card["x"] + card["width"] <= 390, card
    found = axe_violations(phone)
    assert found == [], found
    toggle.tap()
    phone.wait_for_function(CLOSED)
    expect(toggle).to_have_attribute("aria-expanded", "false")
    assert phone.url.endswith("/terms/blue-green-deployment/"), "tapping the toggle does not follow the link"


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_open_preview_passes_axe_in_both_palettes(browser: Browser, watch: Watch, site: str, scheme: str) -> None:
    page = _page(browser, watch, viewport={"width": 1280, "height": 900})
    page.add_init_script(palette_script(scheme))
    page.goto(f"{site}/terms/blue-green-deployment/")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == scheme
    _autolink(page).focus()
    page.wait_for_function(OPEN)
    _expect_immutable_preview(page)
    found = axe_violations(page)
    assert found == [], found
    card = _card(page)
    assert card.get_attribute("role") == "dialog"
    assert card.get_attribute("aria-labelledby") == "gd-term-preview-title"
    page.context.close()


def test_related_links_and_instant_navigation(page: Page, site: str) -> None:
    page.goto(f"{site}/terms/immutable-infrastructure/")
    related = page.locator('article [data-gd-block="related"] a', has_text="Blue-Green Deployment")
    related.hover()
    page.wait_for_function(OPEN)
    expect(_card(page).locator(".gd-preview__title")).to_have_text("Blue-Green Deployment")
    expect(_card(page).locator(".gd-preview__tldr")).to_contain_text("switch traffic")
    page.evaluate("() => { window.__samePage = true; }")
    related.click()
    page.wait_for_url("**/terms/blue-green-deployment/")
    page.wait_for_function("() => document.querySelector('article h1').textContent.includes('Blue-Green')")
    assert page.evaluate("() => window.__samePage === true"), "the link caused a full page load"
    assert page.evaluate(CLOSED), "the last page's card does not stay open"
    link = _autolink(page)
    expect(link).to_have_attribute("data-gd-preview", "on")
    link.hover()
    page.wait_for_function(OPEN)
    _expect_immutable_preview(page)


def test_a_long_page_sets_up_no_more_than_its_budget(page: Page, site: str) -> None:
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(f"{site}/many/")
    expect(page.locator("a.gd-termlink[data-gd-preview=on]")).to_have_count(BUDGET)
    assert page.locator("a.gd-termlink[interestfor]").count() == BUDGET
    assert page.locator("a.gd-termlink:not([data-gd-preview])").count() == 80 - BUDGET
    assert not any(u.endswith(".preview.json") for u in requested), "nothing fetched before interest"
    page.locator("a.gd-termlink").first.hover()
    page.wait_for_function(OPEN)
    expect(_card(page).locator(".gd-preview__title")).to_have_text("SQL Injection")


def test_browsers_without_the_apis_load_the_polyfills(browser: Browser, watch: Watch, site: str) -> None:
    # Chromium has both APIs; hiding their feature tests makes the script take the polyfill path
    page = _page(browser, watch, viewport={"width": 1280, "height": 900})
    page.add_init_script(
        "delete HTMLButtonElement.prototype.interestForElement;"
        "delete HTMLAnchorElement.prototype.interestForElement;"
        "delete HTMLElement.prototype.popover;"
    )
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(f"{site}/terms/blue-green-deployment/")
    link = _autolink(page)
    expect(link).to_have_attribute("data-gd-preview", "on")
    loaded = [u.rsplit("/", 1)[-1] for u in requested if "/vendor/" in u]
    polyfills = [name for name in loaded if name in ("popover-polyfill.js", "interestfor.js")]
    assert polyfills == ["popover-polyfill.js", "interestfor.js"], loaded
    link.focus()
    page.wait_for_function(OPEN)
    _expect_immutable_preview(page)
    page.context.close()


def test_terms_not_written_yet_get_no_preview(page: Page, site: str) -> None:
    page.goto(f"{site}/missing/")
    expect(page.locator(".gd-related a", has_text="SQL Injection")).to_have_attribute("data-gd-preview", "on")
    missing = page.locator("a.gd-missing-term")
    expect(missing).to_have_attribute("data-gd-preview", "off")
    assert missing.get_attribute("interestfor") is None


def test_prose_term_links_get_previews(page: Page, site: str) -> None:
    page.goto(f"{site}/terms/term-link-demo/")
    link = page.locator('article a.gd-termlink[href*="sql-injection"]').first
    expect(link).to_have_attribute("data-gd-preview", "on")
    expect(page.locator("article a.gd-termlink.gd-missing-term")).to_have_attribute("data-gd-preview", "off")
    link.hover()
    page.wait_for_function(OPEN)
    expect(_card(page).locator(".gd-preview__title")).to_have_text("SQL Injection")
    expect(_card(page).locator(".gd-preview__debt")).to_contain_text("debt(")
