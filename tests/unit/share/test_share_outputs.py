"""The share features' outputs from hostile YAML, with and without a site_url: every file parses
in its own format and shows the text as text; a `mkdocs serve` rebuild redraws only the PNG of the
term that changed."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import rdflib
from rdflib.namespace import RDF, SKOS

from glossdeck.build.memo import BuildMemo
from glossdeck.core.glossary import Glossary
from glossdeck.features import Build, SiteInfo
from glossdeck.share import EXCHANGE, LLMS, SOCIAL
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
from glossdeck.share.social_meta import DESCRIPTION_LIMIT
from glossdeck.text.plain_text import markdown_to_plain, one_line, truncate
from tests.support.html import parse_html
from tests.support.png import Png
from tests.support.tbx import NS, validate_tbx
from tests.support.terms import EMOJI, HOSTILE, RTL, load_terms, term_data

TITLE = "<script>alert('t')</script> & \"Q\" ]]> שלום 🎉\n"
SITE_NAME = 'Docs </title><script>x()</script> & "co"'
CODE = "```\n<script>alert('code')</script>\n````"


def _hostile_terms() -> dict[str, object]:
    return {
        "evil": term_data(
            title=TITLE,
            aliases=["<img src=x onerror=alert(1)>", "a]]>b", "'quoted' & \"double\""],
            tldr=HOSTILE + " " + RTL + " " + EMOJI + " [x](javascript:alert(4))",
            explanation="Line one\n\n<div onclick=alert(5)>raw</div> and `<b>code</b>`\n\n```html\n<i>fenced</i>\n```",
            misconception={"belief": HOSTILE, "correction": "</p></div><script>alert(2)</script> " + RTL},
            debt={"score": "debt(d7/e0/b9/t5)", "rationale": {"d": HOSTILE, "b": RTL}},
            code_examples=[{"kind": "before", "language": "html", "code": CODE, "caption": "<b>cap</b>"}],
            related=["plain"],
            prerequisites=["plain"],
        ),
        "plain": term_data(title="Plain term", tldr="Nothing odd.", category="testing"),
    }


@pytest.fixture
def glossary(tmp_path: Path) -> Glossary:
    return load_terms(tmp_path / "terms", _hostile_terms())  # type: ignore[arg-type]


SITES = [SiteInfo(SITE_NAME, 'https://x.test/a&b/"q"/'), SiteInfo(SITE_NAME, None)]


@pytest.fixture(params=SITES, ids=["site_url", "no-site_url"])
def site(request: pytest.FixtureRequest) -> SiteInfo:
    return request.param  # type: ignore[no-any-return]


def test_the_meta_is_well_formed_and_holds_the_text(glossary: Glossary, site: SiteInfo) -> None:
    build = Build(glossary, site, site_description='A <b>"site"</b> & more')
    for markup in (SOCIAL.head(build, "evil"), SOCIAL.home_head(build), LLMS.head(build, "evil")):
        tags = parse_html(markup).tags
        assert tags and {t for t, _ in tags} <= {"meta", "link"}, markup
        assert "<script" not in markup and "<b>" not in markup and "<img" not in markup
    meta = {a.get("property") or a.get("name"): a["content"] for _, a in parse_html(SOCIAL.head(build, "evil")).tags}
    assert meta["og:title"] == one_line(TITLE)
    assert meta["og:description"] == truncate(markdown_to_plain(glossary.term("evil").tldr), DESCRIPTION_LIMIT)
    if site.site_url:
        assert meta["og:image"] == f"{site.site_url}{social_card_path('evil')}"
        assert meta["twitter:card"] == "summary_large_image"
    else:  # no absolute URL to give: no image, a plain summary card
        assert "og:image" not in meta and "og:url" not in meta and meta["twitter:card"] == "summary"
    home = {a.get("property") or a.get("name"): a["content"] for _, a in parse_html(SOCIAL.home_head(build)).tags}
    assert home["og:description"] == 'A <b>"site"</b> & more'


def test_the_pngs_are_drawn_only_with_a_site_url(glossary: Glossary, site: SiteInfo, tmp_path: Path) -> None:
    files = SOCIAL.files(Build(glossary, site))
    if not site.site_url:
        assert files == {}
        assert [p.field for p in SOCIAL.problems(Build(glossary, site))] == ["site_url"]
        return
    assert set(files) == {social_card_path("evil"), social_card_path("plain"), HOME_CARD_PATH}
    for path, data in files.items():
        (tmp_path / "x.png").write_bytes(data)
        assert Png.size(tmp_path / "x.png") == (1200, 630), path


def test_the_markdown_shows_hostile_text_as_text(glossary: Glossary, site: SiteInfo) -> None:
    files = LLMS.files(Build(glossary, site))
    doc = files[markdown_path("evil")].decode()
    assert not re.search(r"(?<!\\)<(script|img|div|/p|b>)", doc.replace("`<b>code</b>`", "").split("```html")[0])
    assert "`<b>code</b>`" in doc  # code spans as written
    assert "```html\n<i>fenced</i>\n```" in doc  # fenced code as written
    assert "`````html\n```\n<script>alert('code')</script>\n````\n`````" in doc  # a fence longer than the code's
    assert "(javascript:" not in doc and "](#javascript:" in doc
    assert "שלום" in doc and "👩‍💻" in doc
    assert doc.startswith("# ") and "\n" not in doc.split("\n", 1)[0].strip()  # the title's newline is gone
    listing = files[LLMS_PATH].decode()
    assert len([line for line in listing.splitlines() if line.startswith("- [")]) == 2
    assert "(javascript:" not in listing and not re.search(r"(?<!\\)<(script|img)", listing)
    assert files[LLMS_FULL_PATH].decode().count("\n## ") == 2


def test_the_exchange_files_parse_and_round_trip_the_text(glossary: Glossary, site: SiteInfo) -> None:
    files = EXCHANGE.files(Build(glossary, site, site_description="</p> & <x>"))
    for path, fmt in ((SKOS_TURTLE_PATH, "turtle"), (SKOS_JSONLD_PATH, "json-ld")):
        graph = rdflib.Graph().parse(data=files[path].decode(), format=fmt)
        concepts = set(graph.subjects(RDF.type, SKOS.Concept))
        assert len(concepts) == 2, path
        labels = {str(o) for s in concepts for o in graph.objects(s, SKOS.prefLabel)}
        assert labels == {one_line(TITLE), "Plain term"}
        alt = {str(o) for s in concepts for o in graph.objects(s, SKOS.altLabel)}
        assert "a]]>b" in alt and "'quoted' & \"double\"" in alt
        evil = next(s for s in concepts if str(graph.value(s, SKOS.prefLabel)) == one_line(TITLE))
        assert {str(graph.value(o, SKOS.prefLabel)) for o in graph.objects(evil, SKOS.broader)} == {"Plain term"}
    json.loads(files[SKOS_JSONLD_PATH])
    entries = validate_tbx(files[TBX_PATH])
    assert [e.get("id") for e in entries] == ["term-evil", "term-plain"]
    terms = [t.text for t in entries[0].iter(f"{{{NS}}}term")]
    assert terms == [one_line(TITLE), "<img src=x onerror=alert(1)>", "a]]>b", "'quoted' & \"double\""]


def test_a_serve_rebuild_draws_only_the_changed_terms_png(tmp_path: Path) -> None:
    site = SiteInfo("Site", "https://x.test/")
    memo = BuildMemo()
    terms = {f"t{i}": term_data(title=f"Term {i}", tldr=f"About {i}.") for i in range(3)}
    first = load_terms(tmp_path / "a", terms)  # type: ignore[arg-type]
    memo.start_build()
    before = SOCIAL.files(Build(first, site, memo))
    memo.end_build()
    assert memo.misses("social.cards") == 4  # three terms and the site
    edited = load_terms(tmp_path / "b", {**terms, "t1": term_data(title="Term 1", tldr="Changed.")})  # type: ignore[arg-type]
    memo.start_build()
    after = SOCIAL.files(Build(edited, site, memo))
    memo.end_build()
    assert memo.misses("social.cards") == 1 and memo.hits("social.cards") == 3
    changed = {path for path in after if after[path] != before[path]}
    assert changed == {social_card_path("t1")}


def test_the_next_build_reads_the_pngs_from_the_cache_and_drops_the_unused(tmp_path: Path) -> None:
    site, cache = SiteInfo("Site", "https://x.test/"), tmp_path / "cache"
    terms = {f"t{i}": term_data(title=f"Term {i}", tldr=f"About {i}.") for i in range(3)}
    first = SOCIAL.files(Build(load_terms(tmp_path / "a", terms), site, cache_dir=str(cache)))  # type: ignore[arg-type]
    kept = sorted((cache / "social").iterdir())
    assert len(kept) == 4 and all(p.suffix == ".png" for p in kept)
    for path in kept:  # a cached file is what drawing gives: mark them to see they are read
        path.write_bytes(path.read_bytes() + b"cached")
    edited = {**terms, "t1": term_data(title="Term 1", tldr="Changed.")}
    second = SOCIAL.files(Build(load_terms(tmp_path / "b", edited), site, cache_dir=str(cache)))  # type: ignore[arg-type]
    assert {p for p in second if second[p].endswith(b"cached")} == set(first) - {social_card_path("t1")}
    assert second[social_card_path("t1")] != first[social_card_path("t1")]
    assert len(list((cache / "social").iterdir())) == 4  # t1's old image is gone, its new one kept
    assert SOCIAL.files(Build(load_terms(tmp_path / "c", edited), site)) == {
        p: d.removesuffix(b"cached") for p, d in second.items()
    }  # the same images as drawing them, without a cache
