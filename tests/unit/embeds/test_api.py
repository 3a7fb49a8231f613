"""The JSON API (term files, index, schemas), oEmbed responses and the shields.io endpoint."""

from __future__ import annotations

import json
import posixpath
from pathlib import Path
from urllib.parse import urljoin

import jsonschema
import pytest

from glossdeck.embeds import EMBEDS
from glossdeck.embeds.badge_svg import render_badge, shields_endpoint
from glossdeck.embeds.card_view import card_view
from glossdeck.embeds.embed_page import IFRAME_HEIGHT, IFRAME_WIDTH
from glossdeck.embeds.oembed import discovery_link, oembed_json
from glossdeck.embeds.output_paths import Linker, term_paths
from glossdeck.embeds.term_api import INDEX_SCHEMA, SCHEMA_VERSION, TERM_SCHEMA, index_json, term_json
from glossdeck.features import Build, SiteInfo
from tests.support.html import parse_html
from tests.support.terms import load_terms, term_data

SITE = SiteInfo("Team Glossary", "https://docs.example.com/glossary/")
NO_URL = SiteInfo("Team Glossary", None)
FLAT = SiteInfo("Team Glossary", "https://docs.example.com/glossary/", use_directory_urls=False)


def _glossary(tmp_path: Path):  # type: ignore[no-untyped-def]
    return load_terms(
        tmp_path / "terms",
        {
            "immutable-infrastructure": term_data(tags=["deployment"]),
            "blue-green": term_data(
                title="Blue-Green Deployment",
                aliases=["blue/green"],
                debt="debt(d3/e4/b0/t2)",
                misconception=None,
                level=None,
                related=["immutable-infrastructure"],
            ),
        },
    )


def test_term_json_carries_the_card_view_the_links_and_the_whole_term(tmp_path: Path) -> None:
    glossary = _glossary(tmp_path)
    term = glossary.term("immutable-infrastructure")
    data = json.loads(term_json(card_view("immutable-infrastructure", term, SITE.site_name), term, Linker(SITE)))
    jsonschema.validate(data, TERM_SCHEMA)
    assert data["schema_version"] == SCHEMA_VERSION == 1
    assert data["title"] == "Immutable Infrastructure" and data["aliases"] == ["immutable servers"]
    assert data["debt"]["string"] == "debt(d7/e9/b9/t5)"
    assert [a["letter"] for a in data["debt"]["axes"]] == ["d", "e", "b", "t"]
    assert data["edited"] == "2026-03-22" and data["added"] == "2026-03-15"
    assert data["misconception"]["belief"] == "You can never update a server."
    assert data["links"]["page"] == "https://docs.example.com/glossary/terms/immutable-infrastructure/"
    assert data["links"]["card_svg_dark"] == "https://docs.example.com/glossary/cards/immutable-infrastructure-dark.svg"
    assert data["links"]["embed"] == "https://docs.example.com/glossary/embed/immutable-infrastructure/"
    assert data["links"]["script"] == "https://docs.example.com/glossary/embed/glossdeck-term.js"
    assert {k: data["site"][k] for k in ("name", "url", "language", "direction")} == {
        "name": "Team Glossary",
        "url": "https://docs.example.com/glossary/",
        "language": "en",
        "direction": "ltr",
    }
    assert data["site"]["labels"]["read_more"] == "Read more →"
    assert data["term"]["tags"] == ["deployment"] and data["term"]["debt"]["d"]["score"] == 7


def test_zero_axis_is_labelled_na_in_json(tmp_path: Path) -> None:
    glossary = _glossary(tmp_path)
    term = glossary.term("blue-green")
    data = json.loads(term_json(card_view("blue-green", term, "S"), term, Linker(SITE)))
    burden = data["debt"]["axes"][2]
    assert (burden["score"], burden["label"]) == (0, "n/a")
    assert data["misconception"] is None and data["level"] is None


def test_index_lists_every_term_in_slug_order(tmp_path: Path) -> None:
    glossary = _glossary(tmp_path)
    views = {e.slug: card_view(e.slug, e.term, SITE.site_name) for e in glossary}
    data = json.loads(index_json(views, Linker(SITE), SITE.site_name))
    jsonschema.validate(data, INDEX_SCHEMA)
    assert data["count"] == 2
    assert [t["slug"] for t in data["terms"]] == ["blue-green", "immutable-infrastructure"]
    first = data["terms"][0]
    assert first == {
        "slug": "blue-green",
        "title": "Blue-Green Deployment",
        "aliases": ["blue/green"],
        "category": "devops",
        "level": None,
        "debt": "debt(d3/e4/b0/t2)",
        "edited": "2026-03-22",
        "url": "https://docs.example.com/glossary/terms/blue-green/",
        "json": "https://docs.example.com/glossary/api/terms/blue-green.json",
    }


@pytest.mark.parametrize("site", [NO_URL, SiteInfo("S", None, use_directory_urls=False)], ids=["dirs", "flat"])
def test_without_site_url_links_are_relative_to_the_file_that_holds_them(tmp_path: Path, site: SiteInfo) -> None:
    glossary = _glossary(tmp_path)
    files = EMBEDS.files(Build(glossary, site))
    base = "https://anywhere.test/sub/"  # wherever the site ends up, relative links resolve inside it
    term_file = term_paths("blue-green").json
    data = json.loads(files[term_file])
    page = site.term_url("blue-green")
    assert urljoin(base + term_file, data["links"]["page"]) == base + page
    for name, link in data["links"].items():
        target = urljoin(base + term_file, link)[len(base) :]
        target_file = target + "index.html" if target.endswith("/") else target
        if name != "page":
            assert target_file in files, (name, link)
    index = json.loads(files["api/terms.json"])
    assert urljoin(base + "api/terms.json", index["terms"][0]["url"]) == base + page
    oembed = json.loads(files[term_paths("blue-green").oembed])
    src = parse_html(oembed["html"]).tags[0][1]["src"] or ""
    assert urljoin(base + term_paths("blue-green").oembed, src)[len(base) :] in (
        "embed/blue-green/",
        "embed/blue-green/index.html",
    )
    embed_page = files[term_paths("blue-green").embed].decode()
    more = [a for t, a in parse_html(embed_page).tags if t == "a"][-1]["href"] or ""
    assert urljoin(base + term_paths("blue-green").embed, more) == base + page


def test_flat_urls_point_at_html_files(tmp_path: Path) -> None:
    glossary = _glossary(tmp_path)
    data = json.loads(EMBEDS.files(Build(glossary, FLAT))[term_paths("blue-green").json])
    assert data["links"]["page"] == "https://docs.example.com/glossary/terms/blue-green.html"
    assert data["links"]["embed"] == "https://docs.example.com/glossary/embed/blue-green/index.html"


def test_oembed_is_a_rich_iframe_response(tmp_path: Path) -> None:
    glossary = _glossary(tmp_path)
    view = card_view("immutable-infrastructure", glossary.term("immutable-infrastructure"), SITE.site_name)
    data = json.loads(oembed_json(view, Linker(SITE)))
    assert data["version"] == "1.0" and data["type"] == "rich"
    assert (data["width"], data["height"]) == (IFRAME_WIDTH, IFRAME_HEIGHT)
    assert data["title"] == "Immutable Infrastructure"
    assert data["provider_name"] == "Team Glossary"
    assert data["provider_url"] == "https://docs.example.com/glossary/"
    assert isinstance(data["cache_age"], int) and data["cache_age"] > 0
    tags = parse_html(data["html"]).tags
    assert [t for t, _ in tags] == ["iframe"]
    attrs = tags[0][1]
    assert attrs["src"] == "https://docs.example.com/glossary/embed/immutable-infrastructure/"
    assert (attrs["width"], attrs["height"]) == (str(IFRAME_WIDTH), str(IFRAME_HEIGHT))
    assert attrs["title"] == "Immutable Infrastructure — Team Glossary"


def test_discovery_link_points_at_the_oembed_file(tmp_path: Path) -> None:
    glossary = _glossary(tmp_path)
    view = card_view("blue-green", glossary.term("blue-green"), "S")
    tag, attrs = parse_html(discovery_link(view, Linker(SITE))).tags[0]
    assert tag == "link" and attrs["rel"] == "alternate" and attrs["type"] == "application/json+oembed"
    assert attrs["href"] == "https://docs.example.com/glossary/oembed/blue-green.json"
    _, relative = parse_html(discovery_link(view, Linker(NO_URL))).tags[0]
    page_dir = posixpath.dirname(NO_URL.term_url("blue-green").rstrip("/") + "/x")
    assert posixpath.normpath(posixpath.join(page_dir, relative["href"] or "")) == "oembed/blue-green.json"


def test_shields_endpoint_json(tmp_path: Path) -> None:
    glossary = _glossary(tmp_path)
    view = card_view("blue-green", glossary.term("blue-green"), "S")
    data = json.loads(shields_endpoint(view))
    assert data["schemaVersion"] == 1
    assert data["label"] == "Blue-Green Deployment"
    assert data["message"] == "debt(d3/e4/b0/t2)"
    assert data["cacheSeconds"] >= 300  # shields.io's minimum
    # shields.io takes hex colours without '#': those of the SVG badge's label and message backgrounds
    assert (data["labelColor"], data["color"]) == ("555555", "1f2328")
    assert 'fill="#555555"' in render_badge(view) and 'fill="#1f2328"' in render_badge(view)


def test_shields_endpoint_of_an_unscored_term_is_grey_and_says_so(tmp_path: Path) -> None:
    glossary = load_terms(tmp_path / "terms", {"plain": term_data(title="Plain Term", debt=None)})
    view = card_view("plain", glossary.term("plain"), "S")
    data = json.loads(shields_endpoint(view))
    assert (data["label"], data["message"]) == ("Plain Term", "not scored")
    assert (data["labelColor"], data["color"]) == ("555555", "6e7781")
    assert 'fill="#6e7781"' in render_badge(view)


def test_published_schemas_are_valid_json_schema(tmp_path: Path) -> None:
    files = EMBEDS.files(Build(_glossary(tmp_path), SITE))
    for path in ("api/schema/term-v1.json", "api/schema/terms-v1.json"):
        jsonschema.Draft202012Validator.check_schema(json.loads(files[path]))
