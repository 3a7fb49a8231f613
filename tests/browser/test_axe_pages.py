"""axe-core on every kind of page a reader meets (issue 14): the home page, a term page, the quiz,
flashcards, explorer, graph and progress pages and the iframe card, in both palettes (Material's
default and slate; the card follows the reader's colour-scheme preference) at 1280×900 and 390×844:
no serious or critical violation, with the widgets drawn and a question answered."""

from __future__ import annotations

import json
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


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, browser: Browser) -> Iterator[str]:
    root = tmp_path_factory.mktemp("axe-pages")
    server = serve_folder(root / "site")
    try:
        built = build_site(
            root,
            terms=default_terms(),
            docs={"index.md": "# Welcome\n\nA small glossary.\n"},
            glossdeck="terms_dir: terms\nfeatures: [glossdeck.learning]\ncategories:\n  devops: DevOps\n",
            site_url=server.url,
            embeds=True,
        )
        assert built.ok, (built.error, built.warnings())
        yield server.url
    finally:
        server.stop()


def _check(page: Page, found: dict[str, list[dict[str, Any]]], name: str) -> None:
    violations = axe_violations(page)
    if violations:
        found[name] = violations


@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize("size", list(SIZES))
def test_no_serious_or_critical_violation_on_any_page(browser: Browser, site: str, size: str, scheme: str) -> None:
    watch = Watch((site.rstrip("/"),))
    phone = size == "phone"
    context = watch.attach(
        browser.new_context(
            viewport=SIZES[size],
            is_mobile=phone,
            has_touch=phone,
            color_scheme="dark" if scheme == "slate" else "light",
            bypass_csp=True,  # the card forbids every script, axe-core included
        )
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.add_init_script(palette_script(scheme))
    found: dict[str, list[dict[str, Any]]] = {}

    page.goto(site)
    _check(page, found, "home")
    page.goto(site + "terms/immutable-infrastructure/")
    expect(page.locator(".gd-term-quiz .gd-q").first).to_be_visible()
    page.locator(".gd-term-quiz .gd-q button.gd-choice").first.click()  # feedback shown too
    expect(page.locator(".gd-diagram__open")).to_be_visible()
    _check(page, found, "term")
    page.locator(".gd-diagram__open").click()
    expect(page.locator("dialog.gd-diagram-dialog")).to_be_visible()
    _check(page, found, "term, diagram full size")
    page.keyboard.press("Escape")

    page.goto(site + "learn/quiz/?deck=all")
    expect(page.locator(".gd-quiz-runner .gd-q")).to_be_visible()
    _check(page, found, "quiz")
    page.goto(site + "learn/flashcards/")
    expect(page.locator("[data-gd-widget=flashcards]")).to_be_visible()
    _check(page, found, "flashcards")
    page.goto(site + "learn/explorer/")
    expect(page.locator(".gd-debt-map svg")).to_be_visible()
    page.locator(".gd-debt-map__list summary").click()
    _check(page, found, "explorer")
    page.goto(site + "learn/graph/")
    expect(page.locator(".gd-graph .gd-node").first).to_be_attached()
    _check(page, found, "graph")
    page.goto(site + "learn/progress/")
    expect(page.locator("[data-gd-widget=progress]")).to_be_visible()
    _check(page, found, "progress")
    page.goto(site + "embed/immutable-infrastructure/")
    _check(page, found, "embed")

    context.close()
    assert watch.outside == [] and watch.errors == [], (watch.outside, watch.errors)
    assert found == {}, json.dumps(found, indent=1)
