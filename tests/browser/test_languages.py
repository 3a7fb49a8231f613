"""The Chinese and Urdu glossaries in Chromium: the interface in their language (the browser's own
strings included), Urdu laid out right to left on pages, cards and embed pages; screenshots are
saved for a person to look at (GLOSSDECK_SCREENSHOTS=folder keeps them)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from playwright.sync_api import Browser

from tests.support.browser import Watch, serve_folder
from tests.support.language_sites import build_language_site

pytestmark = pytest.mark.browser


def _served(tmp_path_factory: pytest.TempPathFactory, language: str) -> Iterator[str]:
    root = tmp_path_factory.mktemp(language)
    server = serve_folder(root / "site")
    try:
        built = build_language_site(root, language, server.url)
        assert built.ok, (built.error, built.warnings())
        assert built.warnings() == []
        # an English page of a wiki on the same host, showing the Urdu card as a web component
        (built.site_dir / "wiki.html").write_text(HOST_PAGE, encoding="utf-8")
        yield server.url
    finally:
        server.stop()


@pytest.fixture(scope="module")
def zh_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from _served(tmp_path_factory, "zh")


@pytest.fixture(scope="module")
def ur_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from _served(tmp_path_factory, "ur")


HOST_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Wiki</title>
<link rel="icon" href="data:,"><script src="embed/glossdeck-term.js" defer></script></head>
<body><h1>Team wiki</h1><glossdeck-term slug="کنٹینر"></glossdeck-term></body></html>"""


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("GLOSSDECK_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _page(browser: Browser, origin: str) -> tuple[Any, Watch]:
    watch = Watch((origin.rstrip("/"),))
    context = watch.attach(browser.new_context(viewport={"width": 1100, "height": 900}))
    return context.new_page(), watch


def test_chinese_term_page_and_quiz_speak_chinese(browser: Browser, zh_site: str, shots: Path) -> None:
    page, watch = _page(browser, zh_site)
    page.goto(zh_site + f"terms/{quote('容器')}/")
    page.wait_for_selector("[data-gd-widget='term-quiz']:not([hidden])")
    assert page.locator("[data-gd-block='breadcrumbs']").inner_text().startswith("← 返回术语表")
    assert page.locator("article h2").first.inner_text().startswith("一句话概括")  # the TL;DR heading
    quiz = page.locator("[data-gd-widget='term-quiz']")
    assert "判断对错" in quiz.inner_text()  # "True or false?" from strings.js
    assert quiz.locator("[data-gd-question='容器:tldr']").count() == 0  # not asked under its own title
    # the TL;DR question is not asked under the title it names (learning/quiz.py): the quiz page's data has it
    tldr = page.evaluate(
        "() => fetch('../../learn/data/quiz/' + encodeURIComponent('容器') + '.json').then((r) => r.json())"
        ".then((d) => d.questions.find((q) => q.id === '容器:tldr').prompt)"
    )
    assert tldr.startswith("这段描述的是哪个术语？") and "容器" not in tldr.split("？", 1)[1]
    quiz.locator("[data-gd-question='容器:misconception-false'] button").nth(1).click()  # 错误 (false)
    assert "答对了。" in quiz.locator("[data-gd-question='容器:misconception-false'] .gd-q__verdict").inner_text()
    page.screenshot(path=str(shots / "zh-term.png"), full_page=False)
    page.goto(zh_site + "a-z/")
    letters = page.locator("nav.gd-letters a").all_inner_texts()
    assert letters == ["C", "F", "K", "L", "O", "R"]
    page.screenshot(path=str(shots / "zh-a-z.png"))
    assert not watch.errors and not watch.failed and not watch.outside


def _box(page: Any, selector: str) -> dict[str, float]:
    box = page.locator(selector).first.bounding_box()
    assert box is not None, selector
    return dict(box)


def test_urdu_pages_run_right_to_left(browser: Browser, ur_site: str, shots: Path) -> None:
    page, watch = _page(browser, ur_site)
    page.goto(ur_site + f"terms/{quote('کنٹینر')}/")
    page.wait_for_selector("[data-gd-widget='term-quiz']:not([hidden])")
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    article = _box(page, "article.md-content__inner")
    crumbs = page.locator("[data-gd-block='breadcrumbs'] a").first
    crumb = crumbs.bounding_box()
    assert crumbs.inner_text().endswith("فرہنگ پر واپس")
    # the breadcrumb starts at the right edge of the text column, not the left
    assert crumb is not None and article["x"] + article["width"] - (crumb["x"] + crumb["width"]) < 40
    # the axis rows' colour bar is on their right (border-inline-start)
    row = page.locator(".gd-axis-row").first
    assert row.evaluate("e => parseFloat(getComputedStyle(e).borderRightWidth)") > 0
    assert row.evaluate("e => parseFloat(getComputedStyle(e).borderLeftWidth)") == 0
    assert "درست یا غلط؟" in page.locator("[data-gd-widget='term-quiz']").inner_text()
    page.screenshot(path=str(shots / "ur-term.png"))
    page.goto(ur_site + "learn/quiz/")
    page.wait_for_selector("[data-gd-widget='quiz-runner']:not([hidden])")
    assert page.get_by_role("button", name="کوئز شروع کریں").is_visible()
    page.screenshot(path=str(shots / "ur-quiz.png"))
    assert not watch.errors and not watch.failed and not watch.outside


def test_urdu_card_and_embed_page_run_right_to_left(browser: Browser, ur_site: str, shots: Path) -> None:
    page, watch = _page(browser, ur_site)
    page.goto(ur_site + f"cards/{quote('کنٹینر')}.svg")
    title = page.locator("text[font-size='24']").bounding_box()
    assert title is not None and title["x"] + title["width"] > 560  # ends at the right edge (x 576)
    page.screenshot(path=str(shots / "ur-card.png"), clip={"x": 0, "y": 0, "width": 600, "height": 300})
    page.goto(ur_site + f"embed/{quote('کنٹینر')}/")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.evaluate("document.documentElement.lang") == "ur"
    heading, card = _box(page, "h1"), _box(page, "article")
    assert card["x"] + card["width"] - (heading["x"] + heading["width"]) < 40  # the title sits at the right
    assert "مزید پڑھیں" in page.locator("a.more").inner_text()
    page.screenshot(path=str(shots / "ur-embed.png"))
    assert not watch.errors and not watch.failed and not watch.outside


def test_urdu_web_component_runs_right_to_left_in_an_english_page(browser: Browser, ur_site: str, shots: Path) -> None:
    page, watch = _page(browser, ur_site)
    page.goto(ur_site + "wiki.html")
    page.wait_for_selector("glossdeck-term[data-state=ready]", timeout=15000)
    component = page.locator("glossdeck-term")
    assert component.get_attribute("dir") == "rtl" and component.get_attribute("lang") == "ur"
    card = page.locator("glossdeck-term .card")  # Playwright pierces the open shadow root
    assert card.evaluate("e => getComputedStyle(e).direction") == "rtl"
    assert "کلاؤڈ کمپیوٹنگ" in card.locator(".kicker").inner_text()  # the category's title, not its slug
    assert "مزید پڑھیں" in card.locator("a.more").inner_text()
    assert card.locator(".mis").evaluate("e => parseFloat(getComputedStyle(e).borderRightWidth)") > 0
    title, box = card.locator("h1, .title").first.bounding_box(), card.bounding_box()
    assert title is not None and box is not None and box["x"] + box["width"] - (title["x"] + title["width"]) < 40
    page.screenshot(path=str(shots / "ur-web-component.png"))
    assert not watch.errors and not watch.failed and not watch.outside


# Words of the English interface that must not show on a Chinese or Urdu page's widgets.
ENGLISH = (
    "Again",
    "Hard",
    "Good",
    "Easy",
    "minute",
    "day",
    "Space",
    "Show the answer",
    "due today",
    "streak",
    "retention",
    "Reversed",
    "Start",
    "Open ",
    "Loading",
    "Preview of",
    "Full size",
    "Close",
    "Diagram",
)


def _no_english(text: str) -> None:
    left = [word for word in ENGLISH if word in text]
    assert left == [], f"English left: {left} in {text!r}"


def _flashcards(page: Any, origin: str) -> Any:
    page.goto(origin + "learn/flashcards/?deck=all")
    cards = page.locator(".gd-flashcards")
    cards.locator(".gd-card__turn").click()
    cards.locator(".gd-card__grades").wait_for()
    return cards


def _names_and_whens(cards: Any) -> tuple[list[str], list[str]]:
    grades = cards.locator(".gd-grade")
    names = [grades.nth(i).locator(".gd-grade__name").inner_text() for i in range(4)]
    whens = [grades.nth(i).locator(".gd-grade__when").inner_text() for i in range(4)]
    return names, whens


def _hover_preview(page: Any, link: Any, name: str, tldr: str) -> Any:
    link.hover()
    card = page.locator("#gd-term-preview")
    card.wait_for(state="visible")
    # the title is the link's at once; the TL;DR comes from the term's preview file
    page.wait_for_function(
        "() => document.querySelector('#gd-term-preview .gd-preview__title').textContent === " + repr(name)
    )
    page.wait_for_function(
        "() => document.querySelector('#gd-term-preview .gd-preview__tldr').textContent.startsWith(" + repr(tldr) + ")"
    )
    return card


def _full_size(page: Any, origin: str, slug: str) -> tuple[Any, Any]:
    page.goto(origin + f"terms/{quote(slug)}/")
    button = page.locator(".gd-diagram__open")
    button.wait_for(timeout=20000)  # Mermaid loads on first draw
    return button, page.locator("dialog.gd-diagram-dialog")


def test_chinese_flashcards_previews_and_diagrams_speak_chinese(browser: Browser, zh_site: str, shots: Path) -> None:
    page, watch = _page(browser, zh_site)
    cards = _flashcards(page, zh_site)
    names, whens = _names_and_whens(cards)
    assert names == ["重来", "困难", "良好", "简单"]
    assert whens == ["1分钟后", "6分钟后", "10分钟后", "8天后"]  # Intl.RelativeTimeFormat("zh")
    assert cards.locator(".gd-card__grades").get_attribute("aria-label") == "你记得怎么样？"
    page.screenshot(path=str(shots / "zh-flashcards.png"))
    _no_english(cards.inner_text())
    page.keyboard.press("3")  # 良好
    result = cards.locator(".gd-cards__result")
    result.locator("strong").wait_for()
    assert "下次复习：10分钟后。" in result.inner_text() and "本轮稍后会再次出现" in result.inner_text()
    assert cards.locator('[data-gd-summary="reviewed"]').inner_text() == "1"
    assert "连续 1 天" in cards.locator(".gd-cards__summary").inner_text()
    _no_english(cards.inner_text())
    # reversed: the TL;DR with the term's name hidden, also inside a run of characters (no spaces)
    page.goto(zh_site + "learn/flashcards/")
    cards.locator("select").first.select_option(f"category:{'云原生'}")
    cards.get_by_label("反向：先看一句话概括").check()
    cards.get_by_role("button", name="开始复习").click()
    front = cards.locator(".gd-card__front .gd-card__text").inner_text()
    cards.locator(".gd-card__turn").click()
    title = cards.locator(".gd-card__back .gd-card__title").inner_text()
    assert not any("a" <= c.lower() <= "z" for c in title), title  # a Chinese name, to test the masking
    assert "_____" in front and title not in front, (title, front)

    page.goto(zh_site + f"terms/{quote('容器')}/")
    # the term's own preview file (terms/容器编排.preview.json) is found and shown
    card = _hover_preview(
        page, page.locator(f".gd-related a[href*='{quote('容器编排')}']").first, "容器编排", "容器编排是自动部署"
    )
    assert card.locator(".gd-preview__open").inner_text() == "打开“容器编排”"
    _no_english(card.inner_text())
    page.screenshot(path=str(shots / "zh-preview.png"))

    button, dialog = _full_size(page, zh_site, "容器编排")
    assert button.inner_text() == "全尺寸" and button.get_attribute("aria-label") == "以全尺寸显示图表"
    button.click()
    assert dialog.locator("h2").inner_text() == "图表：容器编排"
    assert dialog.get_by_role("button", name="关闭").is_visible()
    page.screenshot(path=str(shots / "zh-diagram-dialog.png"))
    _no_english(dialog.inner_text())
    page.keyboard.press("Escape")
    assert not watch.errors and not watch.failed and not watch.outside


def test_urdu_flashcards_previews_and_diagrams_run_right_to_left(browser: Browser, ur_site: str, shots: Path) -> None:
    page, watch = _page(browser, ur_site)
    cards = _flashcards(page, ur_site)
    names, whens = _names_and_whens(cards)
    assert names == ["دوبارہ", "مشکل", "اچھا", "آسان"]
    assert whens == ["1 منٹ میں", "6 منٹ میں", "10 منٹ میں", "8 دنوں میں"]  # Intl.RelativeTimeFormat("ur")
    assert cards.evaluate("e => getComputedStyle(e).direction") == "rtl"
    # the grades run right to left: Again (1) on the right, Easy (4) on the left
    again, easy = _box(page, ".gd-grade--again"), _box(page, ".gd-grade--easy")
    assert again["x"] > easy["x"]
    _no_english(cards.inner_text())
    page.screenshot(path=str(shots / "ur-flashcards.png"))

    page.goto(ur_site + f"terms/{quote('کنٹینر')}/")
    link = page.locator(f".gd-related a[href*='{quote('آرکیسٹریشن')}']").first
    card = _hover_preview(page, link, "کنٹینر آرکیسٹریشن", "بہت سے کنٹینرز")
    assert card.locator(".gd-preview__open").inner_text() == "کنٹینر آرکیسٹریشن کھولیں"
    _no_english(card.inner_text())
    # the card starts where the link starts: at its right edge, text aligned to the right
    link_box, card_box = link.bounding_box(), card.bounding_box()
    assert link_box is not None and card_box is not None
    assert abs((card_box["x"] + card_box["width"]) - (link_box["x"] + link_box["width"])) < 2
    assert card.evaluate("e => getComputedStyle(e).direction") == "rtl"
    title = card.locator(".gd-preview__title").bounding_box()
    assert title is not None and card_box["x"] + card_box["width"] - (title["x"] + title["width"]) < 20
    page.screenshot(path=str(shots / "ur-preview.png"))

    button, dialog = _full_size(page, ur_site, "آرکیسٹریشن")
    assert button.inner_text() == "پورا سائز" and button.get_attribute("aria-label") == "خاکہ پورے سائز میں دکھائیں"
    figure = _box(page, ".gd-diagram")
    shown = button.bounding_box()
    assert shown is not None and shown["x"] - figure["x"] < 2  # at the inline end: the left in Urdu
    button.scroll_into_view_if_needed()
    page.screenshot(path=str(shots / "ur-diagram.png"))
    button.click()
    assert dialog.locator("h2").inner_text() == "خاکہ: کنٹینر آرکیسٹریشن"
    close = dialog.get_by_role("button", name="بند کریں")
    heading, closing = dialog.locator("h2").bounding_box(), close.bounding_box()
    assert heading is not None and closing is not None and closing["x"] < heading["x"]  # Close on the left
    _no_english(dialog.inner_text())
    page.screenshot(path=str(shots / "ur-diagram-dialog.png"))
    page.keyboard.press("Escape")
    assert not watch.errors and not watch.failed and not watch.outside


def test_urdu_progress_import_says_what_is_wrong_in_urdu(browser: Browser, ur_site: str, shots: Path) -> None:
    page, watch = _page(browser, ur_site)
    page.goto(ur_site + "learn/progress/")
    page.wait_for_selector("input[type=file]", state="attached")
    bad = {"format": "glossdeck-progress", "version": 2, "site": "", "read": {"کنٹینر": "پچھلا منگل"}}
    payload = {"name": "progress.json", "mimeType": "application/json", "buffer": json.dumps(bad).encode()}
    page.locator("input[type=file]").set_input_files(payload)
    alert = page.locator(".gd-progress__message [role=alert]")
    alert.wait_for()
    text = alert.inner_text()
    assert "«progress.json» درآمد نہیں ہوئی" in text
    assert 'read["کنٹینر"] تاریخ اور وقت ہونا چاہیے (ISO 8601)۔' in text  # the field as in the file, the rest in Urdu
    assert "must be" not in text and "not imported" not in text
    # a good file of this site, its term named in Urdu, is taken in
    good = {"format": "glossdeck-progress", "version": 2, "site": "", "read": {"کنٹینر": "2026-03-01T10:00:00Z"}}
    payload = {"name": "good.json", "mimeType": "application/json", "buffer": json.dumps(good).encode()}
    page.locator("input[type=file]").set_input_files(payload)
    page.wait_for_function("() => !document.querySelector('.gd-progress__message [role=alert]')")
    assert "good.json" in page.locator(".gd-progress__message").inner_text()
    page.screenshot(path=str(shots / "ur-progress.png"))
    assert not watch.errors and not watch.failed and not watch.outside
