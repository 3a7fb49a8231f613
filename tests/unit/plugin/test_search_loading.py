"""Material's search started on demand: the page rewrite and the search settings of term pages."""

from __future__ import annotations

from typing import Any

from glossdeck.plugin.search_loading import TERM_BOOST, boost_term, defer_script, lazy_search, worker_source

CONFIG = (
    '<script id="__config" type="application/json">{"base": "../..", "features": [], '
    '"search": "../../assets/javascripts/workers/search.a7633da7.min.js", "tags": null}</script>'
)
PAGE = f"<html><head><title>T</title></head><body>{CONFIG}</body></html>"


def test_the_worker_setting_points_at_glossdecks_worker_and_the_index_waits() -> None:
    script = defer_script()
    out = lazy_search(PAGE, script)
    assert '"search": "../../assets/javascripts/workers/glossdeck-search.js#search.a7633da7.min.js"' in out
    assert out.index(script) < out.index("</head>") < out.index("__config")  # before Material's bundle runs
    assert "search_index.json" in script and "XMLHttpRequest" in script
    worker = worker_source()
    assert "importScripts" in worker and "~1" in worker


def test_pages_without_materials_search_are_left_alone() -> None:
    page = "<html><head></head><body><p>no search here</p></body></html>"
    assert lazy_search(page, defer_script()) == page
    hostile = PAGE.replace("search.a7633da7.min.js", 'search.x"><script>alert(1)</script>.min.js')
    assert lazy_search(hostile, defer_script()) == hostile  # only Material's own file name is taken


def test_term_pages_are_boosted_and_tagged_for_search_unless_the_author_chose() -> None:
    meta: dict[str, Any] = {}
    boost_term(meta, ["injection", "owasp"])
    assert meta == {"search": {"boost": TERM_BOOST}, "tags": ["injection", "owasp"]} and TERM_BOOST > 1
    chosen: dict[str, Any] = {"search": {"boost": 0.5}}
    boost_term(chosen, [])
    assert chosen["search"]["boost"] == 0.5
