"""A term whose every field holds hostile text yields well-formed SVG, HTML and JSON that show
the text as text: nothing closes an element, ends a CDATA section, adds an attribute or runs."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import markdown
import pytest

from glossdeck.core.glossary import Glossary
from glossdeck.embeds import EMBEDS
from glossdeck.embeds.output_paths import term_paths
from glossdeck.features import Build, SiteInfo
from glossdeck.text.plain_text import one_line
from tests.support.html import parse_html
from tests.support.terms import EMOJI, HOSTILE, RTL, load_terms, term_data

NS = "{http://www.w3.org/2000/svg}"
TITLE = "<script>alert('t')</script> & \"Q\" ]]> שלום 🎉"
LONG_TLDR = (HOSTILE + " " + RTL + " " + EMOJI + " ") * 40
SITE_NAME = 'Docs </title><script>x()</script> & "co"'


@pytest.fixture
def glossary(tmp_path: Path) -> Glossary:
    loaded = load_terms(
        tmp_path / "terms",
        {
            "evil": term_data(
                title=TITLE,
                aliases=["<img src=x onerror=alert(1)>", "a]]>b", "'quoted' & \"double\""],
                tldr=LONG_TLDR[:5000],
                misconception={"belief": HOSTILE, "correction": "</p></div><script>alert(2)</script> " + RTL},
                debt={"score": "debt(d7/e0/b9/t5)", "rationale": {"d": HOSTILE, "b": RTL}},
            )
        },
    )
    assert len(loaded.term("evil").tldr) == 5000
    return loaded


SITES = [SiteInfo(SITE_NAME, 'https://x.test/a&b/"q"/'), SiteInfo(SITE_NAME, None)]


@pytest.fixture(params=SITES, ids=["site_url", "no-site_url"])
def site(request: pytest.FixtureRequest) -> SiteInfo:
    return request.param  # type: ignore[no-any-return]


@pytest.fixture
def outputs(glossary: Glossary, site: SiteInfo) -> dict[str, bytes]:
    return EMBEDS.files(Build(glossary, site))


def test_every_svg_is_well_formed_and_shows_the_text(outputs: dict[str, bytes]) -> None:
    paths = term_paths("evil")
    for path in (paths.card, paths.card_dark, paths.badge):
        root = ET.fromstring(outputs[path])  # raises on anything malformed
        assert root.tag == f"{NS}svg"
        for node in root.iter():
            assert node.tag.startswith(NS), node.tag  # no element came from the text
            assert not any(name.startswith("on") for name in node.attrib)
        title = root.find(f"{NS}title")
        assert title is not None and TITLE in (title.text or "")
    card = ET.fromstring(outputs[paths.card])
    title_block = next(t for t in card.iter(f"{NS}text") if t.get("font-size") == "24")
    shown = " ".join(span.text or "" for span in title_block.iter(f"{NS}tspan"))
    assert TITLE.startswith(shown.rstrip("…").rstrip()), shown
    tldr_block = next(t for t in card.iter(f"{NS}text") if t.get("font-size") == "15")
    shown_tldr = " ".join(span.text or "" for span in tldr_block.iter(f"{NS}tspan"))
    assert shown_tldr.endswith("…")
    # lines break where Unicode line breaking allows (after a hyphen, between emoji...), not only at
    # spaces: compare the text without its spaces
    squeezed = "".join(shown_tldr.rstrip("…").split())
    assert "".join(one_line(LONG_TLDR).split()).startswith(squeezed)
    assert "<script>alert('x')</script>" in shown_tldr
    assert len(outputs[paths.card]) <= 10 * 1024


def test_embed_page_is_well_formed_html_that_shows_the_text(outputs: dict[str, bytes]) -> None:
    html = outputs[term_paths("evil").embed].decode()
    doc = parse_html(html)
    assert [t for t, _ in doc.tags if t == "script"] == []
    for tag, attrs in doc.tags:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
    assert [t for t, _ in doc.tags if t == "img"] == []
    assert doc.text("h1") == TITLE
    assert doc.text("title") == f"{TITLE} — {one_line(SITE_NAME)}"
    assert doc.text(".tldr").startswith("<script>alert('x')</script> ]]> <![CDATA[ & &amp; \"double\"")
    assert "</p></div><script>alert(2)</script>" in doc.text(".mis")
    assert doc.text(".kicker").endswith(SITE_NAME)
    assert len(html.encode()) <= 20 * 1024


def test_every_json_parses_and_keeps_the_text_verbatim(outputs: dict[str, bytes]) -> None:
    paths = term_paths("evil")
    data = json.loads(outputs[paths.json])
    assert data["title"] == TITLE
    assert data["aliases"][0] == "<img src=x onerror=alert(1)>"
    assert data["tldr"] == LONG_TLDR[:5000].strip()
    assert data["term"]["misconception"]["belief"] == HOSTILE
    assert data["debt"]["axes"][0]["rationale"] == HOSTILE
    assert data["site"]["name"] == SITE_NAME
    oembed = json.loads(outputs[paths.oembed])
    assert oembed["title"] == TITLE and oembed["provider_name"] == SITE_NAME
    iframe = parse_html(oembed["html"])
    assert [t for t, _ in iframe.tags] == ["iframe"]
    assert iframe.tags[0][1]["title"] == f"{TITLE} — {SITE_NAME}"
    badge = json.loads(outputs[paths.badge_json])
    assert TITLE.startswith(badge["label"].rstrip("…"))
    index = json.loads(outputs["api/terms.json"])
    assert index["terms"][0]["aliases"][1] == "a]]>b"


def test_embed_section_and_head_link_show_the_text(glossary: Glossary, site: SiteInfo) -> None:
    head = parse_html(EMBEDS.head(Build(glossary, site), "evil"))
    assert [t for t, _ in head.tags] == ["link"] and head.tags[0][1]["title"] == TITLE
    [section] = EMBEDS.term_sections(Build(glossary, site), "evil")
    html = markdown.markdown(section.markdown)
    doc = parse_html(html)
    assert [t for t, _ in doc.tags if t in ("script", "iframe", "glossdeck-term", "picture", "source")] == []
    assert all(t != "img" or "glossdeck-card" in (a.get("class") or "") for t, a in doc.tags)
    codes = {(a.get("id") or "").rsplit("-", 1)[-1]: "" for t, a in doc.tags if t == "code"}
    for key in codes:
        codes[key] = doc.text(f"#glossdeck-snippet-evil-{key}")
    # the HTML snippets are themselves safe HTML: the title is an escaped attribute value in them
    iframe = parse_html(codes["iframe"])
    assert iframe.tags[0][1]["title"] == f"{TITLE} — {one_line(SITE_NAME)}"
    component = parse_html(codes["component"])
    assert [t for t, _ in component.tags] == ["script", "glossdeck-term", "a"]
    assert component.text("a") == TITLE
    assert r"\<script\>" in codes["markdown"]  # Markdown alt text escaped, not markup
