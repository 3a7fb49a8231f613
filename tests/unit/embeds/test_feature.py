"""The embeds feature as front ends see it: registration, every output for every term, the
"Embed this term" section, the discovery link, build warnings and the served assets."""

from __future__ import annotations

import json
import posixpath
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import markdown
import pytest

from glossdeck.core.problems import Severity
from glossdeck.embeds import EMBEDS
from glossdeck.embeds.feature import asset_text
from glossdeck.embeds.output_paths import term_paths
from glossdeck.embeds.palette import DARK, LIGHT
from glossdeck.embeds.web_component import component_script, css_variables
from glossdeck.features import FEATURES, Build, SiteInfo
from tests.support.commands import run_cli
from tests.support.html import parse_html
from tests.support.policy import require_node
from tests.support.terms import load_terms, term_data

SITE = SiteInfo("Team Glossary", "https://docs.example.com/glossary/")
OUTPUT_NAMES = ("card", "card_dark", "badge", "badge_json", "embed", "json", "oembed")


def _glossary(tmp_path: Path):  # type: ignore[no-untyped-def]
    return load_terms(
        tmp_path / "terms",
        {
            "immutable-infrastructure": term_data(),
            "blue-green": term_data(title="Blue-Green Deployment", debt=None, misconception=None),
            "canary-release": term_data(title="Canary Release", tldr="Ship to a few users first.", edited=None),
        },
    )


def test_importing_registers_the_feature_once() -> None:
    # in a fresh interpreter, so reloading the module cannot disturb other tests
    code = (
        "import importlib, glossdeck.embeds as m; importlib.reload(m); importlib.reload(m); "
        "from glossdeck.features import FEATURES; print([f.name for f in FEATURES])"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['embeds']"
    assert EMBEDS in FEATURES


def test_the_site_plugin_loads_it_as_a_builtin_and_can_leave_it_out() -> None:
    from glossdeck.features import load_features

    assert "embeds" in [f.name for f in load_features()]
    assert "embeds" not in [f.name for f in load_features(disabled=["embeds"])]


def test_every_term_gets_every_output_and_the_site_gets_index_schemas_and_script(tmp_path: Path) -> None:
    glossary = _glossary(tmp_path)
    files = EMBEDS.files(Build(glossary, SITE))
    expected = {getattr(term_paths(slug), name) for slug in glossary.entries for name in OUTPUT_NAMES}
    expected |= {
        "api/terms.json",
        "api/schema/term-v1.json",
        "api/schema/terms-v1.json",
        "embed/glossdeck-term.js",
        "oembed/sitemap.xml",
    }
    assert set(files) == expected
    for path, data in files.items():
        assert isinstance(data, bytes) and data, path
        if path.endswith((".svg", ".xml")):
            ET.fromstring(data)
            assert len(data) <= 10 * 1024, path
        elif path.endswith(".json"):
            json.loads(data)
        elif path.endswith(".html"):
            assert len(data) <= 20 * 1024 and data.startswith(b"<!doctype html>")
    assert json.loads(files["api/terms.json"])["count"] == 3


def test_each_card_carries_the_terms_date(tmp_path: Path) -> None:
    files = EMBEDS.files(Build(_glossary(tmp_path), SITE))
    assert b"edited 2026-03-22" in files["cards/immutable-infrastructure.svg"]
    assert b"added 2026-03-15" in files["cards/canary-release-dark.svg"]  # no edit yet: the added date
    assert b"edited 2026-03-22" in files["embed/immutable-infrastructure/index.html"]
    assert json.loads(files["api/terms/canary-release.json"])["edited"] is None


def test_missing_site_url_is_a_clear_warning(tmp_path: Path) -> None:
    glossary = _glossary(tmp_path)
    assert EMBEDS.problems(Build(glossary, SITE)) == []
    [problem] = EMBEDS.problems(Build(glossary, SiteInfo("S", None)))
    assert problem.severity is Severity.WARNING and problem.field == "site_url"
    assert "site_url is not set" in problem.message and "relative" in problem.message


def test_a_slug_ending_in_dark_that_shadows_a_dark_card_is_reported(tmp_path: Path) -> None:
    glossary = load_terms(
        tmp_path / "terms", {"theme": term_data(title="Theme"), "theme-dark": term_data(title="Theme Dark")}
    )
    problems = EMBEDS.problems(Build(glossary, SITE))
    assert len(problems) == 1 and "theme-dark" in problems[0].message and problems[0].file.endswith("theme-dark.yml")
    files = EMBEDS.files(Build(glossary, SITE))
    assert b"Theme Dark" in files["cards/theme-dark.svg"]  # the term's own card wins
    assert b"#ffffff" in files["cards/theme-dark.svg"]


def test_head_has_the_oembed_discovery_link_on_term_pages_only(tmp_path: Path) -> None:
    glossary = _glossary(tmp_path)
    assert EMBEDS.head(Build(glossary, SITE), None) == ""
    attrs = parse_html(EMBEDS.head(Build(glossary, SITE), "blue-green")).tags[0][1]
    assert attrs["type"] == "application/json+oembed"
    assert attrs["href"] == "https://docs.example.com/glossary/oembed/blue-green.json"


MATERIAL_LIKE = ["attr_list", "md_in_html", "toc", "tables", "admonition", "pymdownx.superfences", "pymdownx.details"]


@pytest.mark.parametrize(
    "site",
    [SITE, SiteInfo("S", None), SiteInfo("S", None, use_directory_urls=False)],
    ids=["site_url", "no-site_url", "flat-urls"],
)
def test_embed_section_renders_preview_snippets_copy_buttons_and_advice(tmp_path: Path, site: SiteInfo) -> None:
    glossary = _glossary(tmp_path)
    [section] = EMBEDS.term_sections(Build(glossary, site), "immutable-infrastructure")
    assert section.slot == "end"
    html = markdown.markdown(section.markdown, extensions=MATERIAL_LIKE)
    doc = parse_html(html)
    assert doc.text("h2") == "Embed this term"
    files = EMBEDS.files(Build(glossary, site))
    page_dir = (
        posixpath.dirname(site.term_url("immutable-infrastructure").rstrip("/") + "/x")
        if site.use_directory_urls
        else posixpath.dirname(site.term_url("immutable-infrastructure"))
    )
    images = [a for t, a in doc.tags if t == "img"]
    assert len(images) == 2
    for img in images:  # the preview's relative URLs resolve to the generated cards
        assert posixpath.normpath(posixpath.join(page_dir, img["src"] or "")) in files
        assert img["alt"] == "Immutable Infrastructure — " + site.site_name
    code_ids = {a["id"] for t, a in doc.tags if t == "code"}
    buttons = [a for t, a in doc.tags if t == "button"]
    assert len(buttons) == len(code_ids) == 7
    assert {b["data-glossdeck-copy"] for b in buttons} == code_ids
    snippet = {
        key: doc.text(f"#glossdeck-snippet-immutable-infrastructure-{key}")
        for key in ("markdown", "picture", "iframe", "component", "url", "oembed", "badge")
    }
    image, link = re.fullmatch(r"\[!\[[^\]]+\]\(([^)]+)\)\]\(([^)]+)\)", snippet["markdown"]).groups()  # type: ignore[union-attr]
    if site.site_url:
        assert image == site.site_url + "cards/immutable-infrastructure.svg"
        assert link == site.site_url + site.term_url("immutable-infrastructure")
    else:  # relative to this page: still right on this site
        assert posixpath.normpath(posixpath.join(page_dir, image)) == "cards/immutable-infrastructure.svg"
        assert posixpath.normpath(posixpath.join(page_dir, link)) == posixpath.normpath(
            site.term_url("immutable-infrastructure")
        )
    assert parse_html(snippet["iframe"]).tags[0][0] == "iframe"
    assert [t for t, _ in parse_html(snippet["picture"]).tags] == ["a", "picture", "source", "img"]
    assert [t for t, _ in parse_html(snippet["component"]).tags] == ["script", "glossdeck-term", "a"]
    assert snippet["oembed"].endswith("oembed/immutable-infrastructure.json")
    where = doc.text(".glossdeck-embed__where")
    for wiki in ("GitHub / GitLab", "Notion", "Confluence", "MediaWiki", "$wgAllowExternalImagesFrom"):
        assert wiki in where
    warned = "This site has no site_url." in doc.text(".glossdeck-embed__warning")
    assert warned == (site.site_url is None)
    if site.site_url:
        for key in ("iframe", "component", "url", "oembed", "picture"):
            urls = re.findall(r"(?:src|href|srcset|site)=\"([^\"]+)\"|^(\S+)$", snippet[key])
            assert all((u[0] or u[1]).startswith(site.site_url) for u in urls), (key, urls)


def test_assets_exist_and_never_write_markup_from_data() -> None:
    assert EMBEDS.scripts() == ["glossdeck-embed.js"] and EMBEDS.stylesheets() == ["glossdeck-embed.css"]
    for name in ("glossdeck-term.js", "glossdeck-embed.js", "glossdeck-embed.css"):
        text = component_script() if name == "glossdeck-term.js" else asset_text(name)
        assert text.strip()
        for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
            assert sink not in text, (name, sink)
        code = re.sub(r"/\*.*?\*/", "", text, flags=re.S)  # comments may show example URLs
        assert not re.search(r"https?://", code), name  # no CDN, no other host
    component = component_script()
    assert "attachShadow" in component and "customElements.define" in component
    assert "textContent" in component
    # the palettes are the cards' own (embeds/palette.py), filled in, not copied
    assert "/*palette:" not in component
    for palette in (LIGHT, DARK):
        assert f'"{css_variables(palette)}"' in component


@pytest.mark.parametrize("name", ["glossdeck-term.js", "glossdeck-embed.js"])
def test_scripts_are_valid_javascript(tmp_path: Path, name: str) -> None:
    node = require_node()
    path = tmp_path / name
    path.write_text(component_script() if name == "glossdeck-term.js" else asset_text(name), encoding="utf-8")
    result = subprocess.run([node, "--check", str(path)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


def test_export_markdown_writes_the_cards_beside_the_pages(tmp_path: Path) -> None:
    terms = tmp_path / "terms"
    load_terms(terms, {"blue-green": term_data(title="Blue-Green Deployment")})
    result = run_cli(
        "export-markdown",
        "out",
        "--terms",
        str(terms),
        "--site-url",
        "https://g.example/",
        "--links",
        "dir",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    out = tmp_path / "out"
    for path in [getattr(term_paths("blue-green"), n) for n in OUTPUT_NAMES] + [
        "api/terms.json",
        "embed/glossdeck-term.js",
    ]:
        assert (out / path).is_file(), path
    assert (out / "assets/glossdeck/glossdeck-embed.css").is_file()
    page = (out / "terms/blue-green.md").read_text(encoding="utf-8")
    assert "## Embed this term" in page and "https://g.example/cards/blue-green.svg" in page
    unset = run_cli("export-markdown", "out2", "--terms", str(terms), cwd=tmp_path)
    assert "site_url is not set" in unset.stderr and "--site-url" in unset.stderr
