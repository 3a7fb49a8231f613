"""The previews feature's files: one small JSON per term, where the script looks for it."""

from __future__ import annotations

import json
from pathlib import Path

from glossdeck.features import Build
from glossdeck.previews.data import preview_path
from glossdeck.previews.feature import PREVIEWS
from glossdeck.site.layout import Layout
from tests.support.terms import HOSTILE_TERM, default_terms, load_terms


def test_one_small_file_per_term_beside_its_page(tmp_path: Path) -> None:
    glossary = load_terms(tmp_path / "terms", default_terms())
    site = Layout.create("Test", None, True).site
    files = PREVIEWS.files(Build(glossary, site))
    assert set(files) == {f"terms/{slug}.preview.json" for slug in glossary.entries}
    record = json.loads(files["terms/immutable-infrastructure.preview.json"])
    assert record == {
        "version": 1,
        "slug": "immutable-infrastructure",
        "title": "Immutable Infrastructure",
        "tldr": record["tldr"],
        "url": "terms/immutable-infrastructure/",
        "debt": "debt(d7/e9/b9/t5)",
    }
    assert record["tldr"].startswith("Servers are never modified")
    assert all(len(data) < 1024 for data in files.values()), "a preview is a few hundred bytes"


def test_paths_follow_the_page_urls(tmp_path: Path) -> None:
    # the script strips the trailing "/" or ".html" from the link and adds ".preview.json"
    assert preview_path(Layout.create("T", None, True).site, "x") == "terms/x.preview.json"
    assert preview_path(Layout.create("T", None, False).site, "x") == "terms/x.preview.json"
    assert preview_path(Layout.create("T", None, True, "glossary").site, "x") == "glossary/terms/x.preview.json"
    # a slug in another script is written as itself (its URL is percent-encoded; servers decode it)
    assert preview_path(Layout.create("T", None, True).site, "容器") == "terms/容器.preview.json"


def test_hostile_text_stays_data(tmp_path: Path) -> None:
    glossary = load_terms(tmp_path / "terms", {**default_terms(), "hostile": HOSTILE_TERM})
    site = Layout.create("Test", None, True).site
    data = PREVIEWS.files(Build(glossary, site))["terms/hostile.preview.json"]
    text = data.decode("ascii")  # ASCII JSON: safe whatever charset a server declares
    record = json.loads(text)
    assert "<script>alert(1)</script>" in record["title"], "kept as text; the script sets it with textContent"
    assert "javascript:" not in record["tldr"], "Markdown links become their text"
