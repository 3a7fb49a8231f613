"""The learning tools in a real browser (Debian's headless Chromium), on a site built from a dozen terms.

Every request to a host other than the local server is aborted and counted (there must be none),
and no page may log a console error. Skipped only where Chromium is missing outside CI.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.support.axe import axe_violations, palette_script
from tests.support.browser import Watch, serve_folder
from tests.support.learning_glossary import TERMS
from tests.support.sites import build_learning_site

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, browser: Browser) -> Iterator[str]:
    built = build_learning_site(tmp_path_factory.mktemp("learning-site"))
    server = serve_folder(built.site_dir)
    yield server.url
    server.stop()


def _open_context(browser: Browser, watch: Watch, **options: Any) -> BrowserContext:
    return watch.attach(browser.new_context(accept_downloads=True, **options))


def _new_page(context: BrowserContext) -> Page:
    page = context.new_page()
    page.set_default_timeout(10_000)
    return page


@pytest.fixture
def watch(site: str) -> Iterator[Watch]:
    """Requests to other hosts (aborted) and console errors, checked after every test."""
    w = Watch((site,))
    yield w
    assert w.outside == [], f"requests to other hosts: {w.outside}"
    assert w.errors == [], f"console errors: {w.errors}"


@pytest.fixture
def page(browser: Browser, site: str, watch: Watch) -> Iterator[Page]:
    context = _open_context(browser, watch, viewport={"width": 1280, "height": 900})
    yield _new_page(context)
    context.close()


def _no_junk(page: Page) -> None:
    """Widgets never print a JavaScript value's stringification instead of content."""
    text = page.locator("article").inner_text()
    for junk in ("[object ", "undefined", "NaN"):
        assert junk not in text, f"{junk!r} on {page.url}"
    assert not any(line.strip() == "null" for line in text.splitlines()), f"'null' on {page.url}"


def _quiz_bank(page: Page, site: str) -> dict[str, dict[str, Any]]:
    bank = page.request.get(site + "learn/data/quiz.json").json()
    return {q["id"]: q for qs in bank["questions"].values() for q in qs}


def _right_value(q: dict[str, Any]) -> str:
    """The label of the button that answers `q` right."""
    if q["kind"] == "true-false":
        return "True" if q["answer"] else "False"
    if q["kind"] == "debt":
        return "n/a" if q["answer"] == 0 else str(q["answer"])
    return q["choices"][q["answer"]]["text"]


def _answer(page: Page, box: Any, q: dict[str, Any], right: bool) -> None:
    if q["kind"] == "choice":
        index = q["answer"] if right else (q["answer"] + 1) % len(q["choices"])
        box.locator("button.gd-choice").nth(index).click()
    elif q["kind"] == "true-false":
        label = _right_value(q) if right else ("False" if q["answer"] else "True")
        box.get_by_role("button", name=label, exact=True).click()
    else:
        truth = q["answer"]
        guess = truth if right else (truth + 3 if truth <= 5 else truth - 3)
        box.locator("button.gd-choice").nth(guess).click()  # buttons: n/a, 1 ... 9


def test_term_quiz_feedback_right_and_wrong(page: Page, site: str) -> None:
    page.goto(site + "terms/sql-injection/")
    quiz = page.locator(".gd-term-quiz")
    expect(quiz).to_be_visible()
    bank = _quiz_bank(page, site)
    right_q = bank["sql-injection:misconception-false"]
    box = quiz.locator('[data-gd-question="sql-injection:misconception-false"]')
    _answer(page, box, right_q, right=True)
    expect(box).to_have_class("gd-q gd-q--right")
    feedback = box.locator(".gd-q__feedback")
    expect(feedback).to_contain_text("Right.")
    expect(feedback).to_contain_text("matters in every codebase")
    see = feedback.locator("a.gd-q__see")
    href = see.get_attribute("href")
    assert href is not None and href.endswith("terms/sql-injection/#common-misconception")
    assert page.locator("#common-misconception").count() == 1, "the link leads to the section that answers it"

    debt_id = next(i for i in bank if i.startswith("sql-injection:debt-"))
    box = quiz.locator(f'[data-gd-question="{debt_id}"]')
    _answer(page, box, bank[debt_id], right=False)
    expect(box).to_have_class("gd-q gd-q--wrong")
    expect(box.locator(".gd-q__feedback")).to_contain_text("Not quite.")
    expect(box.locator(".gd-q__feedback")).to_contain_text(f"It is {bank[debt_id]['answer']}")
    expect(box.locator("button.gd-choice").first).to_be_disabled()

    # both answers are kept: after a reload the page says so
    page.reload()
    expect(page.locator(".gd-term-quiz .gd-q__history")).to_have_count(2)


def test_quiz_page_round(page: Page, site: str) -> None:
    bank = _quiz_bank(page, site)
    page.goto(site + "learn/quiz/?deck=path:web-security-basics")
    runner = page.locator(".gd-quiz-runner")
    expect(runner.locator(".gd-quiz__status")).to_contain_text("Question 1 of 5")
    for n in range(5):
        box = runner.locator(".gd-q")
        q = bank[box.get_attribute("data-gd-question") or ""]
        assert q["term"] in TERMS and q["term"] in {
            "sql-injection",
            "prepared-statements",
            "cross-site-scripting",
            "output-escaping",
        }
        _answer(page, box, q, right=n != 0)
        expect(box.locator(".gd-q__verdict")).to_contain_text("Not quite." if n == 0 else "Right.")
        next_button = runner.locator(".gd-quiz__next")
        expect(next_button).to_be_focused()
        next_button.click()
    expect(runner.locator(".gd-quiz__status")).to_have_text("Done: 4 of 5 right.")
    expect(runner.locator(".gd-quiz__stage li")).to_have_count(1)  # the one to read again
    _no_junk(page)
    # the missed question is now in "My mistakes"
    runner.locator("select").first.select_option("mistakes")
    runner.get_by_role("button", name="Start the quiz").click()
    expect(runner.locator(".gd-quiz__status")).to_contain_text("Question 1 of 1")
    page.goto(site + "learn/progress/")
    expect(page.locator(".gd-progress__mistakes li")).to_have_count(1)
    _no_junk(page)


def test_flashcard_grades_show_their_intervals_and_progress_survives_reload(page: Page, site: str) -> None:
    page.goto(site + "learn/flashcards/?deck=category:security")
    cards = page.locator(".gd-flashcards")
    expect(cards.locator(".gd-card__title")).to_be_visible()
    expect(cards.locator(".gd-cards__status")).to_contain_text("4 cards left")
    expect(cards.locator('[data-gd-summary="reviewed"]')).to_have_text("0")
    page.keyboard.press("Space")
    expect(cards.locator(".gd-card__back")).to_be_visible()
    expect(cards.locator(".gd-grade--good")).to_be_focused()
    # a new card: each grade says how far ahead it brings the card back, and no two say the same
    # (FSRS-6 defaults: 1 and 10 minute learning steps; Easy graduates at once)
    grades = cards.locator(".gd-grade")
    whens = [grades.nth(i).locator(".gd-grade__when").inner_text() for i in range(4)]
    assert whens == ["in 1 minute", "in 6 minutes", "in 10 minutes", "in 8 days"], whens
    page.keyboard.press("4")  # Easy
    in_8_days = page.evaluate("glossdeck.scheduler.addDays(glossdeck.scheduler.dayString(), 8)")
    expect(cards.locator("[data-gd-next-due]")).to_have_attribute("data-gd-next-due", in_8_days)
    expect(cards.locator(".gd-cards__result")).to_contain_text("Next review in 8 days")
    expect(cards.locator(".gd-cards__status")).to_contain_text("3 cards left")
    expect(cards.locator('[data-gd-summary="reviewed"]')).to_have_text("1")
    expect(cards.locator('[data-gd-summary="streak"]')).to_have_text("1 day")
    # Again: the card is in its learning steps and comes back in this session
    cards.get_by_role("button", name="Show the answer").click()
    cards.locator(".gd-grade--again").click()
    expect(cards.locator(".gd-cards__result")).to_contain_text("Next review in 1 minute")
    expect(cards.locator(".gd-cards__result")).to_contain_text("comes back later in this session")
    expect(cards.locator(".gd-cards__status")).to_contain_text("3 cards left")
    expect(cards.locator('[data-gd-summary="reviewed"]')).to_have_text("2")

    page.reload()
    expect(cards.locator(".gd-cards__status")).to_contain_text("2 cards left")  # the two reviewed are not due
    expect(cards.locator('[data-gd-summary="reviewed"]')).to_have_text("2")
    page.goto(site + "learn/progress/")
    expect(page.locator(".gd-progress__overview")).to_contain_text("2 flashcards in review")
    expect(page.locator(f'[data-gd-due="{in_8_days}"]')).to_have_count(1)
    _no_junk(page)


def test_desired_retention_changes_the_intervals_and_is_kept(page: Page, site: str) -> None:
    page.goto(site + "learn/flashcards/?deck=all")
    cards = page.locator(".gd-flashcards")
    cards.get_by_role("button", name="Show the answer").click()
    easy = cards.locator(".gd-grade--easy .gd-grade__when")
    expect(easy).to_have_text("in 8 days")
    field = cards.get_by_label("Desired retention")
    field.fill("97")
    field.dispatch_event("change")
    expect(easy).not_to_have_text("in 8 days")
    shorter = easy.inner_text()
    assert shorter in {"tomorrow", "in 2 days", "in 3 days"}, shorter
    page.reload()
    expect(cards.get_by_label("Desired retention")).to_have_value("97")
    stored = page.evaluate("Object.entries(localStorage).find(([k]) => k.startsWith('glossdeck:progress:'))[1]")
    assert json.loads(stored)["settings"]["retention"] == 0.97


def _sm2_card(due: str, reps: int, interval: int, ease: float, lapses: int, last: str, grade: str) -> dict[str, Any]:
    """One card as glossdeck's SM-2 scheduler stored it (progress format version 1)."""
    return {
        "reps": reps,
        "interval": interval,
        "ease": ease,
        "lapses": lapses,
        "due": due,
        "last": last,
        "grade": grade,
    }


def _store_sm2_progress(page: Page, cards: dict[str, dict[str, Any]]) -> tuple[str, dict[str, Any]]:
    """Version-1 progress with these cards in this site's localStorage key: (the key, the document)."""
    old = {"format": "glossdeck-progress", "version": 1, "site": "", "read": {}, "quiz": {}, "cards": cards}
    key: str = page.evaluate(
        "'glossdeck:progress:' + new URL(document.querySelector('[data-gd-root]').dataset.gdRoot, location.href).pathname"
    )
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, json.dumps(old)])
    return key, old


def test_sm2_progress_in_the_browser_becomes_fsrs_on_the_same_days(page: Page, site: str) -> None:
    page.goto(site + "learn/")
    expect(page.locator(".gd-random")).to_be_visible()
    today = page.evaluate("glossdeck.days.dayString()")
    later = page.evaluate("glossdeck.days.addDays(glossdeck.days.dayString(), 5)")
    key, old = _store_sm2_progress(
        page,
        {
            "sql-injection": _sm2_card(today, 3, 15, 2.5, 0, "2026-01-01T10:00:00.000Z", "good"),
            "type-juggling:reverse": _sm2_card(later, 2, 6, 2.36, 1, "2026-01-02T10:00:00.000Z", "hard"),
        },
    )
    page.goto(site + "learn/progress/")
    expect(page.locator(".gd-progress__overview")).to_contain_text("2 flashcards in review, 1 due today")
    expect(page.locator(".gd-progress__overview")).to_contain_text("now follow FSRS")
    expect(page.locator(f'[data-gd-due="{later}"]')).to_have_count(1)
    saved = json.loads(page.evaluate("(k) => localStorage.getItem(k)", key))
    assert saved["version"] == 2
    assert saved["cards"]["type-juggling:reverse"]["sm2"]["ease"] == 2.36
    assert json.loads(page.evaluate("(k) => localStorage.getItem(k + ':version-1')", key)) == old
    # the due card is in today's session
    page.goto(site + "learn/flashcards/?deck=all")
    expect(page.locator(".gd-cards__status")).to_contain_text("this card was due")


def test_flashcards_page_offers_the_deck_as_anki_and_csv(page: Page, site: str, tmp_path: Path) -> None:
    page.goto(site + "learn/flashcards/")
    link = page.get_by_role("link", name="Anki deck (.apkg)")
    expect(link).to_have_attribute("download", re.compile(r"-flashcards\.apkg$"))
    with page.expect_download() as info:
        link.click()
    saved = tmp_path / "deck.apkg"
    info.value.save_as(saved)
    with zipfile.ZipFile(saved) as z:
        (tmp_path / "c.anki2").write_bytes(z.read("collection.anki2"))
    with sqlite3.connect(tmp_path / "c.anki2") as db:
        notes = db.execute("SELECT COUNT(*) FROM notes").fetchone()[0]
    expected = 2 * len(TERMS) + sum(
        1
        for t in page.evaluate(
            "fetch('../data/cards.json').then((r) => r.json())"
            ".then((d) => Object.values(d.terms).filter((t) => t.misconception))"
        )
    )
    assert notes == expected
    csv_link = page.get_by_role("link", name="CSV")
    href = csv_link.get_attribute("href") or ""
    text = page.evaluate("(u) => fetch(u).then((r) => r.text())", href)
    assert text.startswith("id,kind,front,back,term,category,tags,url") and text.count("\r\n") == expected + 1


def test_export_clear_import_and_a_bad_file(page: Page, site: str, tmp_path: Path) -> None:
    page.goto(site + "terms/type-juggling/")
    page.get_by_role("button", name="Mark as read").click()
    expect(page.locator(".gd-read-toggle")).to_have_attribute("aria-pressed", "true")
    page.goto(site + "terms/strict-types/")  # its read-first list marks type juggling read
    expect(page.locator(".gd-read-first .gd-read-mark")).to_have_count(1)

    page.goto(site + "learn/progress/")
    overview = page.locator(".gd-progress__overview")
    expect(overview).to_contain_text("1 of 12 terms read")
    with page.expect_download() as info:
        page.get_by_role("button", name="Export progress").click()
    exported = tmp_path / info.value.suggested_filename
    info.value.save_as(exported)
    data = json.loads(exported.read_text())
    assert data["format"] == "glossdeck-progress" and list(data["read"]) == ["type-juggling"]

    page.evaluate("localStorage.clear()")
    page.reload()
    expect(overview).to_contain_text("0 of 12 terms read")

    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({**data, "read": {"type-juggling": "last tuesday"}}))
    page.locator("input[type=file]").set_input_files(str(bad))
    alert = page.locator(".gd-progress__message [role=alert]")
    expect(alert).to_contain_text("was not imported; your progress is unchanged")
    expect(alert).to_contain_text('read["type-juggling"] must be a date and time')
    expect(overview).to_contain_text("0 of 12 terms read")

    page.locator("input[type=file]").set_input_files(str(exported))
    expect(page.locator(".gd-progress__message")).to_contain_text("Imported")
    expect(overview).to_contain_text("1 of 12 terms read")
    page.reload()
    expect(overview).to_contain_text("1 of 12 terms read")
    expect(page.locator(".gd-progress__paths")).to_contain_text("1 of 4 read")  # the language path
    _no_junk(page)
    page.goto(site + "learn/paths/language/")
    expect(page.locator("ol.gd-path li.gd-is-read")).to_have_count(1)
    expect(page.locator(".gd-path-steps")).to_contain_text("Next up:")
    _no_junk(page)


def test_explorer_filters_count_and_debt_map(page: Page, site: str) -> None:
    page.goto(site + "learn/explorer/")
    explorer = page.locator(".gd-explorer")
    count = explorer.locator(".gd-explorer__count")
    points = explorer.locator(".gd-debt-map svg a.gd-point")
    expect(count).to_have_text("12 of 12 terms")
    expect(points).to_have_count(len(TERMS))
    assert sorted(points.evaluate_all("els => els.map(e => e.dataset.gdSlug)")) == sorted(TERMS)

    explorer.get_by_label("Category").select_option("security")
    expect(count).to_have_text("4 of 12 terms")
    expect(points).to_have_count(4)
    expect(page.locator(".gd-explorer__static tbody tr:not([hidden])")).to_have_count(4)

    explorer.locator("fieldset", has_text="Trap").get_by_label("from").select_option("6")
    expect(count).to_have_text("2 of 12 terms")  # XSS t6, output escaping t7
    explorer.get_by_label("Sort by").select_option("t-desc")
    first = page.locator(".gd-explorer__static tbody tr:not([hidden])").first
    expect(first).to_have_attribute("data-gd-slug", "output-escaping")
    explorer.get_by_role("button", name="Clear filters").click()
    expect(count).to_have_text("12 of 12 terms")
    explorer.get_by_label("Name").fill("drift")
    expect(count).to_have_text("1 of 12 terms")

    explorer.get_by_role("button", name="Random term from these").click()
    page.wait_for_url("**/terms/configuration-drift/")


def test_graph_one_mark_per_term_and_instant_navigation(page: Page, site: str) -> None:
    page.goto(site + "learn/graph/")
    nodes = page.locator(".gd-graph svg a.gd-node")
    expect(nodes).to_have_count(len(TERMS))
    assert sorted(nodes.evaluate_all("els => els.map(e => e.dataset.gdSlug)")) == sorted(TERMS)
    assert page.locator(".gd-graph svg line.gd-edge").count() > 0
    page.evaluate("window.__sameDocument = true")
    page.locator('.gd-graph svg a.gd-node[data-gd-slug="immutable-infrastructure"]').click()
    page.wait_for_url("**/terms/immutable-infrastructure/")
    assert page.evaluate("window.__sameDocument === true"), "Material's instant navigation kept the document"
    local = page.locator(".gd-local-graph svg a.gd-node")
    expect(local).to_have_count(3)  # itself, configuration drift, blue-green deployment
    expect(page.locator(".gd-local-graph .gd-node--current")).to_have_attribute(
        "data-gd-slug", "immutable-infrastructure"
    )
    page.get_by_label("up to two steps away").check()
    expect(local).to_have_count(4)  # + hostile-term, related to configuration drift
    expect(page.locator(".gd-term-quiz .gd-q").first).to_be_visible()  # widgets initialised after navigation


def test_phone_sized_screen_has_no_sideways_scroll(browser: Browser, site: str, watch: Watch) -> None:
    context = _open_context(browser, watch, viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page = _new_page(context)
    for path in (
        "learn/explorer/",
        "learn/flashcards/?deck=all",
        "learn/quiz/?deck=all",
        "terms/sql-injection/",
        "learn/progress/",
    ):
        page.goto(site + path)
        page.locator("[data-gd-ready]").first.wait_for(state="attached")
        page.wait_for_timeout(100)
        width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert width[0] <= width[1], f"{path} scrolls sideways on a phone: {width}"
    context.close()


def test_without_javascript_term_pages_read_well(browser: Browser, site: str, watch: Watch) -> None:
    context = _open_context(browser, watch, java_script_enabled=False)
    page = _new_page(context)
    page.goto(site + "terms/blue-green-deployment/")
    expect(page.locator(".gd-read-first")).to_be_visible()
    expect(page.locator(".gd-read-first a")).to_have_count(2)
    for hidden in (".gd-term-quiz", ".gd-local-graph", ".gd-term-progress"):
        expect(page.locator(hidden)).to_be_hidden()
    page.goto(site + "learn/explorer/")
    expect(page.locator(".gd-explorer__static tbody tr")).to_have_count(len(TERMS))
    context.close()


def test_hostile_text_stays_text(page: Page, site: str) -> None:
    page.goto(site + "learn/graph/")
    expect(page.locator(".gd-graph svg a.gd-node")).to_have_count(len(TERMS))
    page.goto(site + "learn/explorer/")
    expect(page.locator(".gd-debt-map svg a.gd-point")).to_have_count(len(TERMS))
    assert page.evaluate("window.__pwned") is None
    assert page.locator(".gd-explorer img").count() == 0


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_accessibility(page: Page, site: str, scheme: str) -> None:
    page.add_init_script(palette_script(scheme))
    found: dict[str, list[dict[str, Any]]] = {}

    page.goto(site + "terms/sql-injection/")
    expect(page.locator(".gd-term-quiz")).to_be_visible()
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == scheme
    bank = _quiz_bank(page, site)
    box = page.locator('[data-gd-question="sql-injection:misconception-false"]')
    _answer(page, box, bank["sql-injection:misconception-false"], right=False)  # feedback shown too
    found["term page"] = axe_violations(page)

    page.goto(site + "learn/quiz/?deck=all")
    expect(page.locator(".gd-quiz-runner .gd-q")).to_be_visible()
    found["quiz"] = axe_violations(page)

    page.goto(site + "learn/flashcards/?deck=all")
    page.get_by_role("button", name="Show the answer").click()
    expect(page.locator(".gd-card__back")).to_be_visible()
    found["flashcards"] = axe_violations(page)

    page.goto(site + "learn/explorer/")
    expect(page.locator(".gd-debt-map svg")).to_be_visible()
    found["explorer"] = axe_violations(page)

    page.goto(site + "learn/progress/")
    expect(page.locator(".gd-progress__overview")).to_be_visible()
    found["progress"] = axe_violations(page)
    assert not any(found.values()), json.dumps(found, indent=1)


def test_day_arithmetic_matches_python(page: Page, site: str) -> None:
    page.goto(site + "learn/")
    expect(page.locator(".gd-random")).to_be_visible()
    today = page.evaluate("glossdeck.days.dayString()")
    assert today in {
        str(dt.date.today()),
        str(dt.date.today() - dt.timedelta(days=1)),
        str(dt.date.today() + dt.timedelta(days=1)),
    }
    assert page.evaluate("glossdeck.days.addDays('2026-03-28', 3)") == "2026-03-31"


def test_another_tab_sees_progress_at_once(page: Page, site: str) -> None:
    other = page.context.new_page()
    other.goto(site + "terms/strict-types/")
    expect(other.locator(".gd-read-first a")).to_have_count(1)
    page.goto(site + "terms/type-juggling/")
    page.get_by_role("button", name="Mark as read").click()
    expect(other.locator(".gd-read-first .gd-read-mark")).to_have_count(1)  # no reload needed
    other.close()


def test_sm2_progress_first_read_on_a_term_page_migrates_and_only_then_loads_the_scheduler_library(
    page: Page, site: str
) -> None:
    """Term pages leave the scheduler and ts-fsrs out (learning/scripts.py) unless stored progress is
    still SM-2's."""
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(site + "terms/sql-injection/")
    expect(page.locator(".gd-term-quiz")).to_be_visible()
    assert not [url for url in fetched if url.endswith(("vendor/ts-fsrs.js", "learning/scheduler.js"))]
    key, _ = _store_sm2_progress(
        page, {"sql-injection": _sm2_card("2030-01-01", 3, 15, 2.5, 0, "2026-01-01T10:00:00.000Z", "good")}
    )
    fetched.clear()
    page.goto(site + "terms/type-juggling/")
    page.wait_for_function("(k) => JSON.parse(localStorage.getItem(k)).version === 2", arg=key)
    assert [url for url in fetched if url.endswith("vendor/ts-fsrs.js")]
    assert [url for url in fetched if url.endswith("learning/scheduler.js")]
    saved = json.loads(page.evaluate("(k) => localStorage.getItem(k)", key))
    assert saved["cards"]["sql-injection"]["sm2"]["ease"] == 2.5
    assert saved["cards"]["sql-injection"]["due"].startswith("2030-01-01")
