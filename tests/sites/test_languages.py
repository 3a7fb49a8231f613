"""A Chinese and an Urdu glossary (tests/fixtures/i18n/) build strictly in their own language:
translated interface, Unicode slugs with percent-encoded links, A-Z by pinyin initial, category
and tag titles in any script, right-to-left pages and cards for Urdu."""

from __future__ import annotations

import html as html_text
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import quote, unquote

import pytest

from tests.support.language_sites import build_language_site
from tests.support.sites import BuiltSite, build_project, write_project


def _site(tmp: Path, language: str) -> BuiltSite:
    built = build_language_site(tmp, language)
    assert built.ok, built.error
    assert built.warnings() == []
    return built


def page(site: BuiltSite, path: str) -> str:
    """A page's text with its character references decoded (the plugin writes non-ASCII as them)."""
    return html_text.unescape(site.page(path))


@pytest.fixture(scope="module")
def zh(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return _site(tmp_path_factory.mktemp("zh"), "zh")


@pytest.fixture(scope="module")
def ur(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return _site(tmp_path_factory.mktemp("ur"), "ur")


def test_chinese_term_page_is_in_chinese_with_encoded_links(zh: BuiltSite) -> None:
    html = page(zh, "terms/容器/")
    assert '<html lang="zh"' in html
    for label in ("← 返回术语表", "一句话概括", "常见误解", "常见错误", "相关术语", "云原生技术", "入门"):
        assert label in html, label
    for english in ("Back to glossary", "TL;DR", "Common mistakes", "Related terms"):
        assert english not in html, english
    # links to Unicode slugs are percent-encoded, as MkDocs writes its own URLs and the sitemap
    assert f'href="../{quote("容器编排")}/"' in html
    assert "添加于 2026年3月20日" in re.sub(r"<[^>]+>", "", html)
    sitemap = (zh.site_dir / "sitemap.xml").read_text(encoding="utf-8")
    assert f"https://example.org/glossary/terms/{quote('容器')}/" in sitemap


def test_chinese_a_to_z_groups_by_pinyin_initial(zh: BuiltSite) -> None:
    html = page(zh, "a-z/")
    groups = re.findall(r'<h2 id="letter-[^"]+">([^<]+)', html)
    # 容器 (rongqi) and Redis share R; 可观测性 (keguance) and Kubernetes share K
    assert groups == ["C", "F", "K", "L", "O", "R"], groups
    section = html.split('id="letter-r"')[1].split("<h2")[0]
    assert section.index("Redis") < section.index("容器") < section.index("容器编排")


def test_tags_and_categories_show_their_titles(zh: BuiltSite) -> None:
    tags = page(zh, "tags/")
    assert "容器技术" in tags and "基础概念" in tags
    assert f'href="{quote("容器")}/"' in tags
    assert "标签：容器技术" in page(zh, "tags/容器/")
    assert "运维与可观测性" in page(zh, "categories/运维/")


def test_chinese_cards_print_the_category_title_and_wrap_cleanly(zh: BuiltSite) -> None:
    card = ET.fromstring((zh.site_dir / "cards" / "容器.svg").read_bytes())
    ns = "{http://www.w3.org/2000/svg}"
    texts = ["".join(t.itertext()) for t in card.iter(f"{ns}text")]
    assert any("云原生技术 · 入门" in t for t in texts), texts
    lines = [s.text or "" for s in card.iter(f"{ns}tspan") if s.text and not s.text.startswith(("d", "e", "b", "t"))]
    assert lines and not any(line.startswith(("。", "，")) for line in lines), lines
    api = json.loads((zh.site_dir / "api" / "terms" / "容器.json").read_text(encoding="utf-8"))
    assert api["links"]["page"] == f"https://example.org/glossary/terms/{quote('容器')}/"
    assert unquote(api["links"]["card_svg"]) == "https://example.org/glossary/cards/容器.svg"
    assert api["category"] == "云原生"  # the API keeps the slug


def test_chinese_quiz_masks_the_name_and_speaks_chinese(zh: BuiltSite) -> None:
    data = json.loads((zh.site_dir / "learn" / "data" / "quiz.json").read_text("utf-8"))
    questions = [q for qs in data["questions"].values() for q in qs]
    tldr = [q for q in questions if q.get("source") == "tldr"]
    assert tldr, "no TL;DR questions"
    for q in tldr:
        assert q["prompt"].startswith("这段描述的是哪个术语？")
    own = next(q for q in tldr if q["term"] == "容器")
    assert "容器" not in own["prompt"] and "_____" in own["prompt"]


def test_browser_strings_follow_the_language(zh: BuiltSite, ur: BuiltSite) -> None:
    assert "\\u6b63\\u786e" in (zh.site_dir / "assets" / "glossdeck" / "strings.js").read_text()  # 正确
    assert '"direction": "rtl"' in (ur.site_dir / "assets" / "glossdeck" / "strings.js").read_text()


def test_urdu_pages_are_right_to_left_and_in_urdu(ur: BuiltSite) -> None:
    html = page(ur, "terms/کنٹینر/")
    assert 'dir="rtl"' in html and '<html lang="ur"' in html
    for label in ("فرہنگ پر واپس", "خلاصہ", "عام غلط فہمی", "کلاؤڈ کمپیوٹنگ", "ابتدائی"):
        assert label in html, label
    az = page(ur, "a-z/")
    groups = re.findall(r'<h2 id="letter-[^"]+">([^<]+)', az)
    assert groups == ["A", "C", "ٹ", "س", "ک"], groups  # C: the alias "Container"


def test_urdu_cards_run_right_to_left(ur: BuiltSite) -> None:
    svg = (ur.site_dir / "cards" / "کنٹینر.svg").read_text(encoding="utf-8")
    card = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    title = next(t for t in card.iter(f"{ns}text") if t.get("font-size") == "24")
    assert title.get("direction") == "rtl" and next(iter(title)).get("x") == "576"
    kicker = next(t for t in card.iter(f"{ns}text") if t.get("font-size") == "12")
    assert kicker.get("direction") == "rtl" and "کلاؤڈ کمپیوٹنگ" in "".join(kicker.itertext())


HOSTILE = '<script>alert(1)</script> & "quotes"'


def test_a_sites_own_wording_is_escaped_wherever_it_lands(tmp_path: Path) -> None:
    options = (
        "terms_dir: terms\n"
        "strings:\n"
        f"  term.tldr: {json.dumps(HOSTILE)}\n"
        f"  term.back: {json.dumps(HOSTILE)}\n"
        f"  index.a_z: {json.dumps(HOSTILE)}\n"
        f"  js.right: {json.dumps(HOSTILE + '</script>')}\n"
    )
    built = build_project(write_project(tmp_path, glossdeck=options))
    assert built.ok, built.error
    term = built.page("terms/immutable-infrastructure/")
    assert "<script>alert(1)" not in term and "&lt;script&gt;alert(1)&lt;/script&gt;" in term
    assert "<script>alert(1)" not in built.page("a-z/")
    script = (built.site_dir / "assets" / "glossdeck" / "strings.js").read_text()
    assert "</script>" not in script and "<" not in script.split("(", 2)[-1]


def test_a_misspelled_string_key_stops_the_build_with_the_key_meant(tmp_path: Path) -> None:
    built = build_project(write_project(tmp_path, glossdeck="terms_dir: terms\nstrings: {term.tdlr: x}\n"))
    assert not built.ok
    assert any("unknown key 'term.tdlr' (did you mean 'term.tldr'?)" in m for _, m in built.messages)


def test_learning_pages_decks_and_ai_readers_follow_the_language(zh: BuiltSite) -> None:
    flashcards = page(zh, "learn/flashcards/")
    assert "带走这套卡片" in flashcards and "Anki 卡组 (.apkg)" in flashcards
    assert "FSRS-6" in flashcards and "Take the deck along" not in flashcards
    # the deck readers download asks in Chinese, and hides the term's name inside Chinese text
    deck = (zh.site_dir / "learn" / "data" / "flashcards.csv").read_text(encoding="utf-8")
    assert "对还是错？" in deck and "True or false?" not in deck
    # the term as Markdown for AI readers: headings and facts in Chinese, term links as links
    markdown = (zh.site_dir / "md" / "容器.md").read_text(encoding="utf-8")
    assert "## 常见误解" in markdown and "- 分类：" in markdown  # Chinese punctuation after a label
    for english in ("Common misconception", "Related terms", "Web page", "Category:", "分类: "):
        assert english not in markdown, english
    llms = (zh.site_dir / "llms.txt").read_text(encoding="utf-8")
    assert "所有术语合为一个文件" in llms and "Every term in one file" not in llms


def test_chinese_prose_is_auto_linked_without_spaces(zh: BuiltSite) -> None:
    html = page(zh, "terms/kubernetes/")
    links = re.findall(r'<a class="gd-autolink" href="([^"]+)"[^>]*>([^<]+)</a>', html)
    # 容器编排 is linked whole (the longest name), and 容器 on its own where it stands alone
    assert (f"../{quote('容器编排')}/", "容器编排") in links, links
    assert (f"../{quote('容器')}/", "容器") in links, links
