"""Term cards in a real site: an MkDocs build (strict) of the starter glossary plus a hostile term,
checked file by file (the browser test that embeds them: tests/browser/test_cards_embedded.py)."""

from __future__ import annotations

import json
import logging
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from glossdeck.embeds.card_svg import CARD_HEIGHT, CARD_WIDTH
from glossdeck.embeds.output_paths import term_paths
from tests.support.cards_site import SITE_NAME, build_cards_site, term_slugs
from tests.support.html import parse_html
from tests.support.png import rendered_size, require_rsvg
from tests.support.sites import BuiltSite, build_site

SITE_URL = "https://glossary.example/team/"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    site = build_cards_site(tmp_path_factory.mktemp("cards-site"), SITE_URL)
    assert site.ok, (site.error, site.warnings())
    return site


def test_strict_build_with_site_url_is_clean(built: BuiltSite) -> None:
    assert built.ok and built.warnings() == [], (built.error, built.warnings())
    assert len(term_slugs(built)) >= 30  # the starter glossary and the hostile term


def test_every_term_has_every_output(built: BuiltSite) -> None:
    site = built.site_dir
    slugs = term_slugs(built)
    index = json.loads((site / "api/terms.json").read_text())
    assert [t["slug"] for t in index["terms"]] == slugs and index["count"] == len(slugs)
    assert (site / "embed/glossdeck-term.js").is_file()
    for slug in slugs:
        paths = term_paths(slug)
        for name in ("card", "card_dark", "badge"):
            data = (site / getattr(paths, name)).read_bytes()
            root = ET.fromstring(data)
            assert len(data) <= 10 * 1024, (slug, name, len(data))
            assert root.get("width") and root.get("height")
        assert json.loads((site / paths.badge_json).read_text())["schemaVersion"] == 1
        term = json.loads((site / paths.json).read_text())
        assert term["schema_version"] == 1 and term["slug"] == slug
        assert term["links"]["page"] == f"{SITE_URL}terms/{slug}/"
        oembed = json.loads((site / paths.oembed).read_text())
        assert oembed["type"] == "rich" and f"{SITE_URL}embed/{slug}/" in oembed["html"]
        embed = (site / paths.embed).read_bytes()
        assert len(embed) <= 20 * 1024 and b"<script" not in embed
        page = (site / "terms" / slug / "index.html").read_text(encoding="utf-8")
        head = page[: page.index("</head>")]
        links = [a for t, a in parse_html(head).tags if t == "link" and a.get("type") == "application/json+oembed"]
        assert [(a["rel"], a["href"]) for a in links] == [("alternate", f"{SITE_URL}oembed/{slug}.json")], slug
        assert 'id="embed-this-term"' in page and f"glossdeck-snippet-{slug}-iframe" in page
        assert "glossdeck-embed.js" in page and "glossdeck-embed.css" in page


def test_every_card_renders_at_its_declared_size(built: BuiltSite, tmp_path: Path) -> None:
    require_rsvg()
    for slug in term_slugs(built):
        for name in ("card", "card_dark", "badge"):
            data = (built.site_dir / getattr(term_paths(slug), name)).read_bytes()
            root = ET.fromstring(data)
            size = rendered_size(data, tmp_path / f"{slug}-{name}.png")
            assert size == (int(root.get("width") or 0), int(root.get("height") or 0))
            if name != "badge":
                assert size == (CARD_WIDTH, CARD_HEIGHT)


def test_without_site_url_the_build_says_so(tmp_path: Path) -> None:
    terms = {"only-term": {"title": "Only Term", "category": "testing", "tldr": "The only one."}}
    # one setup message (INFO) names what to add; a site that just added `- glossdeck` still builds
    # strictly, and the cards work on the site itself through relative links
    relaxed = build_site(
        tmp_path / "relaxed",
        terms=terms,
        site_name=SITE_NAME,
        embeds=True,
        strict=False,
        docs={"index.md": "# Team glossary\n\nOur words.\n"},
    )
    assert relaxed.ok, (relaxed.error, relaxed.warnings())
    told = [message for level, message in relaxed.messages if "`site_url" in message]
    assert len(told) == 1 and re.search(r"add to mkdocs.yml .*`site_url: https://", told[0]), relaxed.messages
    assert all(level == logging.INFO for level, message in relaxed.messages if "`site_url" in message)
    strict = build_site(tmp_path / "strict", terms=terms, site_name=SITE_NAME, embeds=True)
    assert strict.ok, (strict.error, strict.warnings())
    data = json.loads((tmp_path / "relaxed/site/api/terms/only-term.json").read_text())
    assert data["links"]["page"] == "../../terms/only-term/"  # relative to the JSON file itself
    embed = (tmp_path / "relaxed/site/embed/only-term/index.html").read_text()
    assert 'href="../../terms/only-term/"' in embed
