"""The embed page: standalone, small, no script, no request to any host, light and dark, framable."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import pytest

from glossdeck.embeds.card_view import card_view
from glossdeck.embeds.embed_page import CONTENT_SECURITY_POLICY, MAX_BYTES, STYLESHEET, render_embed_page
from glossdeck.embeds.output_paths import Linker
from glossdeck.features import SiteInfo
from tests.support.html import parse_html
from tests.support.terms import load_terms, term_data

SITE = SiteInfo("Team Glossary", "https://docs.example.com/glossary/")


def _page(tmp_path: Path, site: SiteInfo = SITE, **overrides: object) -> str:
    glossary = load_terms(tmp_path / "terms", {"term": term_data(**overrides)})
    return render_embed_page(card_view("term", glossary.term("term"), site.site_name), Linker(site))


def test_embed_page_shows_the_card_with_misconception_and_read_more(tmp_path: Path) -> None:
    html = _page(tmp_path)
    doc = parse_html(html)
    assert doc.text("h1") == "Immutable Infrastructure"
    assert doc.text(".tldr").startswith("Servers are never modified")
    assert "You can never update a server." in doc.text(".mis")
    assert "You update by replacing servers" in doc.text(".mis")
    assert doc.text("code") == "debt(d7/e9/b9/t5)"
    assert "edited 2026-03-22" in doc.text("footer")
    assert doc.text("b").startswith("DEVOPS · INTERMEDIATE")
    assert doc.text(".kicker").endswith("Team Glossary")
    more = next(a for t, a in doc.tags if t == "a" and "more" in (a.get("class") or ""))
    assert more["href"] == "https://docs.example.com/glossary/terms/term/"
    assert more["target"] == "_blank" and "noopener" in (more["rel"] or "")
    assert [a.get("class") for t, a in doc.tags if t == "li"] == ["ax-d", "ax-e", "ax-b", "ax-t"]


def test_embed_page_needs_no_script_and_requests_nothing(tmp_path: Path) -> None:
    html = _page(tmp_path)
    doc = parse_html(html)
    tags = [t for t, _ in doc.tags]
    assert "script" not in tags and "img" not in tags and "iframe" not in tags
    for tag, attrs in doc.tags:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        if tag == "link":  # canonical is a relation, not a fetch; the icon is inline
            assert attrs["rel"] in ("canonical", "icon"), attrs
            if attrs["rel"] == "icon":
                assert (attrs["href"] or "").startswith("data:")
        if tag in ("img", "source", "video", "audio", "embed", "object"):
            pytest.fail(f"{tag} would fetch")
    assert "url(" not in STYLESHEET and "@import" not in STYLESHEET


def test_content_security_policy_allows_only_its_own_stylesheet(tmp_path: Path) -> None:
    html = _page(tmp_path)
    doc = parse_html(html)
    csp = [a["content"] for t, a in doc.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert csp == [CONTENT_SECURITY_POLICY]
    assert "default-src 'none'" in CONTENT_SECURITY_POLICY
    assert "frame-ancestors" not in html  # framing is the host's decision, never refused here
    style = re.search(r"<style>(.*?)</style>", html, re.S)
    assert style is not None
    digest = base64.b64encode(hashlib.sha256(style.group(1).encode()).digest()).decode()
    assert f"'sha256-{digest}'" in CONTENT_SECURITY_POLICY  # the browser would refuse a stale hash
    assert "style=" not in html  # inline style attributes would need 'unsafe-inline'


def test_light_and_dark_follow_the_readers_preference(tmp_path: Path) -> None:
    html = _page(tmp_path)
    assert "@media (prefers-color-scheme:dark)" in html
    assert '<meta name="color-scheme" content="light dark">' in html
    assert '<meta name="referrer" content="strict-origin-when-cross-origin">' in html
    assert '<meta name="robots" content="noindex">' in html


def test_embed_page_stays_under_its_size_limit_with_maximal_text(tmp_path: Path) -> None:
    html = _page(
        tmp_path, title="Ш" * 500, tldr="漢🎉" * 6000, misconception={"belief": "&<" * 9000, "correction": "\"'" * 9000}
    )
    assert len(html.encode("utf-8")) <= MAX_BYTES


def test_without_site_url_read_more_is_relative(tmp_path: Path) -> None:
    html = _page(tmp_path, site=SiteInfo("S", None))
    doc = parse_html(html)
    more = [a for t, a in doc.tags if t == "a"][-1]
    assert more["href"] == "../../terms/term/"
