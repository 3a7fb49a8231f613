"""Issue 16 in a real browser: a reader rates a term on the built site (served from one origin)
against the running ratings service (`glossdeck api` on another, CORS for the site only), with the
keyboard alone, then changes the rating; the page shows the live average and says so to screen
readers. The Views and AI Guestbook blocks render with the site's styles."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser

from tests.support.access_logs import Hit, combined_line
from tests.support.axe import axe_violations, palette_script
from tests.support.browser import Watch, serve_folder
from tests.support.commands import run_cli
from tests.support.ratings_service import Service, ratings_service
from tests.support.sites import build_site
from tests.support.terms import default_terms, write_terms

pytestmark = pytest.mark.browser
SLUG = "sql-injection"
TODAY = dt.date(2026, 3, 27)


@pytest.fixture(scope="module")
def site_and_service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Service, Path]]:
    root = tmp_path_factory.mktemp("rating")
    db = root / "stats.sqlite"
    noon = dt.datetime(2026, 3, 27, 12, tzinfo=dt.UTC)
    hits = [
        Hit(noon + dt.timedelta(seconds=n), f"/terms/{SLUG}/", agent)
        for n, agent in enumerate(["person", "person", "ChatGPT", "Claude", "Google", "curl"])
    ]
    log = root / "access.log"
    log.write_text("\n".join(combined_line(h) for h in hits) + "\n")
    assert run_cli("stats", "ingest", "--db", str(db), str(log)).returncode == 0
    static = serve_folder(root / "site")
    terms = write_terms(root / "terms", default_terms())
    try:
        with ratings_service(terms, db=db, extra=("--allow-origin", static.origin)) as api:
            built = build_site(
                root,
                terms=default_terms(),
                site_url=static.url,
                glossdeck=f'terms_dir: terms\nstats: {db}\nstats_today: "{TODAY}"\n'
                f"ratings_endpoint: {api.url}/api/ratings/",
            )
            assert built.ok, (built.error, built.warnings())
            yield static.origin, api, root
    finally:
        static.stop()


def _open(browser: Browser, origin: str, api: Service) -> tuple[Any, Watch, Any]:
    watch = Watch((origin, api.url))
    context = watch.attach(browser.new_context(viewport={"width": 1280, "height": 900}))
    page = context.new_page()
    page.goto(f"{origin}/terms/{SLUG}/")
    return page, watch, context


def test_a_reader_rates_a_term_with_the_keyboard_and_changes_it(
    browser: Browser, site_and_service: tuple[str, Service, Path]
) -> None:
    origin, api, root = site_and_service
    page, watch, context = _open(browser, origin, api)
    widget = page.locator("section.gd-rating")
    form = widget.locator("form.gd-rating-form")
    form.wait_for(state="visible")
    summary = widget.locator(".gd-rating-summary")
    assert summary.inner_text() == "No ratings yet"
    assert summary.get_attribute("aria-live") == "polite"
    assert widget.locator("legend").inner_text() == "Your rating, 1 to 5 stars"
    # keyboard only: into the radio group, arrows to four stars, Tab to the button, Enter
    widget.locator('input[value="1"]').focus()
    page.keyboard.press("Space")
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    assert widget.locator("input:checked").get_attribute("value") == "4"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Rate"
    page.keyboard.press("Enter")
    page.wait_for_function(
        "document.querySelector('.gd-rating-summary').textContent.startsWith('Rated 4.0')", timeout=10_000
    )
    assert summary.inner_text() == "Rated 4.0 out of 5 from 1 rating"
    assert widget.locator("[role=status]").inner_text() == "Thank you: your rating of 4 is saved."
    assert api.request("GET", f"/api/ratings/{SLUG}").body == {"slug": SLUG, "count": 1, "average": 4.0}
    widget.screenshot(path=str(root / "rated.png"))

    # the same reader comes back: the rating is remembered and changed, not added
    page.reload()
    form.wait_for(state="visible")
    page.wait_for_function("document.querySelector('.gd-rating-summary').textContent.startsWith('Rated 4.0')")
    assert widget.locator("input:checked").get_attribute("value") == "4"
    widget.locator("input:checked").focus()
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_function(
        "document.querySelector('.gd-rating-summary').textContent.startsWith('Rated 2.0')", timeout=10_000
    )
    assert summary.inner_text() == "Rated 2.0 out of 5 from 1 rating"
    assert api.request("GET", f"/api/ratings/{SLUG}").body["count"] == 1
    assert watch.outside == [] and watch.errors == [] and watch.failed == [], watch
    context.close()


def test_a_refused_rating_says_why(browser: Browser, site_and_service: tuple[str, Service, Path]) -> None:
    origin, api, _ = site_and_service
    page, _, context = _open(browser, origin, api)
    widget = page.locator("section.gd-rating")
    widget.locator("form.gd-rating-form").wait_for(state="visible")
    widget.locator("button[type=submit]").click()
    assert widget.locator("[role=status]").inner_text() == "Choose 1 to 5 stars first."
    context.close()


def test_the_guestbook_renders_on_the_page(browser: Browser, site_and_service: tuple[str, Service, Path]) -> None:
    origin, api, root = site_and_service
    page, _, context = _open(browser, origin, api)
    book = page.locator("section.gd-guestbook")
    assert book.locator("[data-gd-part=today] li").all_inner_texts() == ["ChatGPT 1", "Claude 1", "curl 1", "Google 1"]
    chart = book.locator("svg.gd-guestbook-chart")
    assert chart.bounding_box()["width"] > 200
    assert page.locator(".gd-views").inner_text() == "Views 2 · 2 in the last 30 days"
    book.screenshot(path=str(root / "guestbook.png"))
    context.close()


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_axe_finds_nothing_serious_in_the_stats_blocks(
    browser: Browser, site_and_service: tuple[str, Service, Path], scheme: str
) -> None:
    origin, api, _ = site_and_service
    watch = Watch((origin, api.url))
    context = watch.attach(browser.new_context(viewport={"width": 390, "height": 844}))
    context.add_init_script(palette_script(scheme))
    page = context.new_page()
    for path in [f"/terms/{SLUG}/", "/readers/"]:
        page.goto(origin + path)
        if path.startswith("/terms/"):
            page.locator("form.gd-rating-form").wait_for(state="visible")
        found = axe_violations(page)
        assert found == [], (path, found)
    context.close()


@pytest.fixture(scope="module")
def german_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Service]]:
    root = tmp_path_factory.mktemp("rating-de")
    static = serve_folder(root / "site")
    terms = write_terms(root / "terms", default_terms())
    try:
        with ratings_service(terms, db=root / "ratings.sqlite", extra=("--allow-origin", static.origin)) as api:
            built = build_site(
                root,
                terms=default_terms(),
                site_url=static.url,
                glossdeck=f"terms_dir: terms\nratings_endpoint: {api.url}/api/ratings/",
                extra="  language: de",
            )
            assert built.ok, (built.error, built.warnings())
            yield static.origin, api
    finally:
        static.stop()


def test_the_widget_speaks_the_sites_language(browser: Browser, german_site: tuple[str, Service]) -> None:
    origin, api = german_site
    page, watch, context = _open(browser, origin, api)
    widget = page.locator("section.gd-rating")
    widget.locator("form.gd-rating-form").wait_for(state="visible")
    summary = widget.locator(".gd-rating-summary")
    page.wait_for_function("document.querySelector('.gd-rating-summary').textContent === 'Noch keine Bewertungen'")
    widget.locator("button[type=submit]").click()
    assert widget.locator("[role=status]").inner_text() == "Wählen Sie zuerst 1 bis 5 Sterne."
    widget.locator('input[value="4"]').check()
    widget.locator("button[type=submit]").click()
    page.wait_for_function(
        "document.querySelector('.gd-rating-summary').textContent.startsWith('Bewertet')", timeout=10_000
    )
    assert summary.inner_text() == "Bewertet mit 4,0 von 5 aus 1 Bewertung"  # the German decimal comma
    assert widget.locator("[role=status]").inner_text() == "Danke: Ihre Bewertung 4 ist gespeichert."
    assert watch.outside == [] and watch.errors == [] and watch.failed == [], watch
    context.close()
