"""`mkdocs serve --dirty` (what `make serve` runs), as MkDocs does it in this process: a rebuild
renders only the pages whose output changed, and search, navigation and the index pages stay right
when terms are added, renamed and deleted. Pages are counted, never timed."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.serve.test_rebuilds import ServeSite

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture
def dirty_site(tmp_path: Path) -> Iterator[ServeSite]:
    site = ServeSite(tmp_path, 30, dirty=True)
    yield site
    site.close()


def _rendered(site: ServeSite) -> set[str]:
    assert site.plugin.dirty is not None
    return set(site.plugin.dirty.rendered)


def _search_pages(site: ServeSite) -> dict[str, int]:
    index = json.loads((site.root / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    pages: dict[str, int] = {}
    for doc in index["docs"]:
        page = doc["location"].split("#", 1)[0]
        pages[page] = pages.get(page, 0) + 1
    return pages


def _page(site: ServeSite, url: str) -> str:
    return (site.root / "site" / url / "index.html").read_text(encoding="utf-8")


def test_an_edited_explanation_renders_at_most_ten_pages_and_search_stays_whole(dirty_site: ServeSite) -> None:
    first = _search_pages(dirty_site)
    assert len(_rendered(dirty_site)) > 30  # the first build renders everything
    dirty_site.edit("term-00005", "explanation: |\n  ", "explanation: |\n  Zanzibarish first words. ")
    dirty_site.build()
    rendered = _rendered(dirty_site)
    assert "terms/term-00005/" in rendered and len(rendered) <= 10, rendered
    assert "Zanzibarish" in _page(dirty_site, "terms/term-00005")
    pages = _search_pages(dirty_site)
    assert pages == first  # every page once, with as many entries as before: no duplicates, none lost
    index = (dirty_site.root / "site" / "search" / "search_index.json").read_text(encoding="utf-8")
    assert index.count("Zanzibarish") == 1
    dirty_site.build()  # nothing changed: nothing rendered
    assert _rendered(dirty_site) == set()


def test_adding_renaming_and_deleting_terms_keep_navigation_search_and_indexes_right(dirty_site: ServeSite) -> None:
    terms = dirty_site.root / "terms"
    new = terms / "term-00003.yml"
    (terms / "brand-new-term.yml").write_text(
        "title: Brand New Term\ncategory: brandnew\ntldr: Quokkafied words.\nrelated: [term-00001]\n",
        encoding="utf-8",
    )
    dirty_site.build()
    assert "brandnew" in _page(dirty_site, "categories/brandnew")
    assert "Brand New Term" in _page(dirty_site, "a-z") and "Brand New Term" in _page(dirty_site, "terms/term-00001")
    assert "categories/brandnew/" in _page(dirty_site, "terms/term-00010")  # a new category: every page's nav
    assert "terms/brand-new-term/" in _search_pages(dirty_site)

    text = new.read_text(encoding="utf-8")
    new.write_text(re.sub(r"^title: .*$", "title: Renamed Wombat", text, count=1, flags=re.M), encoding="utf-8")
    dirty_site.build()
    assert "Renamed Wombat" in _page(dirty_site, "a-z")
    index = (dirty_site.root / "site" / "search" / "search_index.json").read_text(encoding="utf-8")
    assert index.count('"Renamed Wombat"') == 1

    (terms / "brand-new-term.yml").unlink()
    dirty_site.build()
    site = dirty_site.root / "site"
    assert not (site / "terms" / "brand-new-term").exists()  # its output is removed
    assert not (site / "categories" / "brandnew").exists()
    assert "Brand New Term" not in _page(dirty_site, "a-z")
    assert "categories/brandnew/" not in _page(dirty_site, "terms/term-00010")
    pages = _search_pages(dirty_site)
    assert "terms/brand-new-term/" not in pages and "categories/brandnew/" not in pages


def test_generated_assets_are_written_again_only_when_their_bytes_change(dirty_site: ServeSite) -> None:
    # a reloading browser keeps a stylesheet as long as its modification time stays (serve_revalidation.py)
    assets = dirty_site.root / "site" / "assets" / "glossdeck"
    made = [assets / "axes.css", assets / "strings.js"]
    before = {path: (path.stat().st_mtime_ns, path.read_bytes()) for path in made}
    dirty_site.edit("term-00005", "tldr: >-\n  ", "tldr: >-\n  Quokkaish first words. ")
    dirty_site.build()
    assert "Quokkaish" in _page(dirty_site, "terms/term-00005")
    assert {path: (path.stat().st_mtime_ns, path.read_bytes()) for path in made} == before
    (assets / "axes.css").unlink()  # gone (or different): written again, with the same bytes
    (assets / "strings.js").write_text("stale", encoding="utf-8")
    dirty_site.build()
    assert {path: path.read_bytes() for path in made} == {path: content for path, (_, content) in before.items()}
