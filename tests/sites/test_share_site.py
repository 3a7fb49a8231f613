"""Terms everywhere, in a real site (strict MkDocs build of the starter glossary plus a hostile
term, with a site_url): link-preview PNGs and meta early in every page, llms.txt and each term's
Markdown, and the SKOS and TBX files under api/."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import rdflib
from rdflib.namespace import RDF, SKOS

from glossdeck.share.output_paths import (
    HOME_CARD_PATH,
    LLMS_FULL_PATH,
    LLMS_PATH,
    SKOS_JSONLD_PATH,
    SKOS_TURTLE_PATH,
    TBX_PATH,
    markdown_path,
    social_card_path,
)
from glossdeck.text.plain_text import markdown_to_plain, one_line
from tests.support.cards_site import HOSTILE_SLUG, HOSTILE_TERM, HOSTILE_TITLE, build_cards_site, term_slugs
from tests.support.html import parse_html
from tests.support.png import Png
from tests.support.sites import BuiltSite
from tests.support.tbx import NS, validate_tbx

SITE_URL = "https://glossary.example/team/"
PREVIEW_BYTES = 16 * 1024  # Teams and Telegram read about this much of a page


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    site = build_cards_site(tmp_path_factory.mktemp("share-site"), SITE_URL)
    assert site.ok and site.warnings() == [], (site.error, site.warnings())
    return site


def _early_meta(page: Path) -> dict[str, str]:
    """The <meta property|name> within the first 16 KB of the page (bytes, as a client reads it)."""
    start = page.read_bytes()[:PREVIEW_BYTES].decode("utf-8", errors="ignore")
    found: dict[str, str] = {}
    for tag, attrs in parse_html(start).tags:
        key = attrs.get("property") or attrs.get("name")
        if tag == "meta" and key and key.startswith(("og:", "twitter:")):
            found[key] = attrs.get("content") or ""
    return found


def test_every_term_has_a_1200x630_png_card_and_the_site_has_one(built: BuiltSite) -> None:
    slugs = term_slugs(built)
    assert len(slugs) >= 30
    for path in [*(social_card_path(s) for s in slugs), HOME_CARD_PATH]:
        assert Png.size(built.site_dir / path) == (1200, 630), path
    assert not (built.site_dir / "assets/glossdeck/vendor/fonts").exists()  # drawn with, never served


def test_the_png_card_shows_its_text(built: BuiltSite) -> None:
    """The renderer found fonts: the title band holds ink in the text colour, not only the background."""
    png = Png.read(built.site_dir / social_card_path("sql-injection"))
    assert png.pixel(5, 5)[:3] == (255, 255, 255)  # full-bleed background, no transparent corner
    dark = sum(
        1
        for y in range(100, 150)  # the title's line (70 of 315 units, drawn twice the size)
        for x in range(48, 600)
        if sum(png.pixel(x, y)[:3]) < 200
    )
    assert dark > 2000, dark


def test_every_term_page_and_the_home_page_have_the_meta_in_their_first_16_kb(built: BuiltSite) -> None:
    for slug in term_slugs(built):
        page = built.site_dir / "terms" / slug / "index.html"
        meta = _early_meta(page)
        assert meta.get("og:image") == f"{SITE_URL}{social_card_path(slug)}", slug
        assert meta["og:image:width"] == "1200" and meta["og:image:height"] == "630"
        assert meta["og:url"] == f"{SITE_URL}terms/{slug}/"
        assert meta["og:type"] == "article" and meta["twitter:card"] == "summary_large_image"
        assert meta["twitter:image"] == meta["og:image"]
        assert meta["og:title"] and meta["og:description"] and meta["og:site_name"] == "Team Glossary"
        assert page.read_bytes()[:1024].count(b'<meta charset="utf-8">') == 1  # still where browsers look
    home = _early_meta(built.site_dir / "index.html")
    assert home["og:image"] == f"{SITE_URL}{HOME_CARD_PATH}" and home["og:type"] == "website"
    assert home["og:url"] == SITE_URL and home["og:title"] == "Team Glossary"
    assert home["og:description"] == "Our words." or home["og:description"].startswith("A glossary of")


def test_the_meta_of_a_hostile_term_is_its_text(built: BuiltSite) -> None:
    meta = _early_meta(built.site_dir / "terms" / HOSTILE_SLUG / "index.html")
    assert meta["og:title"] == one_line(HOSTILE_TITLE)
    assert meta["og:description"] == markdown_to_plain(HOSTILE_TERM["tldr"])
    head = (built.site_dir / "terms" / HOSTILE_SLUG / "index.html").read_text()[:PREVIEW_BYTES]
    assert "<script>window.__pwned" not in head and "<img src=x" not in head


def test_llms_txt_lists_every_term_with_its_markdown_version(built: BuiltSite) -> None:
    site = built.site_dir
    text = (site / LLMS_PATH).read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0] == "# Team Glossary" and lines[2].startswith("> ")
    items = [line for line in lines if line.startswith("- [")]
    slugs = term_slugs(built)
    assert len(items) == len(slugs)
    for slug in slugs:
        url = f"{SITE_URL}{markdown_path(slug)}"
        assert sum(f"]({url}): " in item for item in items) == 1, slug
        document = (site / markdown_path(slug)).read_text(encoding="utf-8")
        assert document.startswith("# ") and f"({SITE_URL}terms/{slug}/)" in document
        head = (site / "terms" / slug / "index.html").read_bytes()[:PREVIEW_BYTES].decode("utf-8", "ignore")
        links = [a for t, a in parse_html(head).tags if t == "link" and a.get("type") == "text/markdown"]
        assert [(a["rel"], a["href"]) for a in links] == [("alternate", url)], slug
    full = (site / LLMS_FULL_PATH).read_text(encoding="utf-8")
    assert full.startswith("# Team Glossary\n") and full.count("\n## ") == len(slugs)
    assert (site / "md/sitemap.xml").is_file()  # Material asks for it beside each alternate link


def test_hostile_text_stays_text_in_the_markdown(built: BuiltSite) -> None:
    site = built.site_dir
    for path in (markdown_path(HOSTILE_SLUG), LLMS_PATH, LLMS_FULL_PATH):
        text = (site / path).read_text(encoding="utf-8")
        # the hostile term's part (other terms quote HTML in code spans)
        if path == LLMS_PATH:
            text = next(line for line in text.splitlines() if "pwned=1" in line)
        elif path == LLMS_FULL_PATH:
            text = next(part for part in text.split("\n## ") if "pwned=1" in part.split("\n", 1)[0])
        # a "<" is written &lt; or backslash-escaped: Markdown shows it, never reads a tag
        assert not re.search(r"(?<!\\)<(script|img|/p)", text), path
        assert "pwned=3" in text, path  # shown, not dropped
        assert "שלום" in text and "🎉" in text, path


def test_the_skos_files_load_with_one_concept_per_term(built: BuiltSite) -> None:
    slugs = term_slugs(built)
    for path, fmt in ((SKOS_TURTLE_PATH, "turtle"), (SKOS_JSONLD_PATH, "json-ld")):
        graph = rdflib.Graph().parse(built.site_dir / path, format=fmt)
        concepts = set(graph.subjects(RDF.type, SKOS.Concept))
        assert concepts == {rdflib.URIRef(f"{SITE_URL}terms/{s}/") for s in slugs}, path
        hostile = rdflib.URIRef(f"{SITE_URL}terms/{HOSTILE_SLUG}/")
        assert str(graph.value(hostile, SKOS.prefLabel)) == one_line(HOSTILE_TITLE)
        assert str(graph.value(hostile, SKOS.definition)) == markdown_to_plain(HOSTILE_TERM["tldr"])
        assert set(graph.objects(hostile, SKOS.inScheme)) == {rdflib.URIRef(SITE_URL)}
    json.loads((built.site_dir / SKOS_JSONLD_PATH).read_text())


def test_the_tbx_file_validates_with_one_entry_per_term(built: BuiltSite) -> None:
    entries = validate_tbx((built.site_dir / TBX_PATH).read_bytes())
    assert [e.get("id") for e in entries] == [f"term-{s}" for s in term_slugs(built)]
    hostile = next(e for e in entries if e.get("id") == f"term-{HOSTILE_SLUG}")
    assert hostile.findtext(f".//{{{NS}}}term") == one_line(HOSTILE_TITLE)


def test_without_a_site_url_the_set_up_message_says_so_and_pages_carry_no_image(tmp_path: Path) -> None:
    from tests.support.sites import build_site

    # strict, the default three terms; `home: false` (no glossary sections) still gets the home meta
    site = build_site(tmp_path, docs={"index.md": "# Home\n"}, glossdeck="terms_dir: terms\nhome: false")
    assert site.ok and site.warnings() == [], (site.error, site.warnings())
    told = [m for level, m in site.messages if "add to mkdocs.yml" in m]
    assert len(told) == 1 and told[0].count("site_url") == 1 and "link previews" in told[0]
    assert not (site.site_dir / "cards/og").exists() and not (site.site_dir / HOME_CARD_PATH).exists()
    meta = _early_meta(site.site_dir / "terms/blue-green-deployment/index.html")
    assert meta["og:title"] == "Blue-Green Deployment" and meta["twitter:card"] == "summary"
    assert "og:image" not in meta and "og:url" not in meta
    home = _early_meta(site.site_dir / "index.html")
    assert home["og:title"] == "Test glossary" and home["og:type"] == "website" and "og:image" not in home
    assert (site.site_dir / LLMS_PATH).is_file() and (site.site_dir / TBX_PATH).is_file()
    assert "](md/blue-green-deployment.md)" in (site.site_dir / LLMS_PATH).read_text()
