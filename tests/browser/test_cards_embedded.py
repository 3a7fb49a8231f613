"""Term cards embedded in a browser (headless Chromium): a "wiki" on another origin embeds the cards
of a real site through the snippets the term page offers (iframe, web component, image); the term
page's copy buttons copy them. Nothing runs from YAML, nothing is fetched from a third host."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html import unescape
from pathlib import Path
from typing import Any

import pytest

from glossdeck.embeds.card_svg import CARD_HEIGHT, CARD_WIDTH
from glossdeck.embeds.embed_page import IFRAME_HEIGHT
from glossdeck.embeds.output_paths import term_paths
from glossdeck.embeds.palette import DARK, LIGHT
from tests.support.browser import StaticServer, Watch, launch_chromium, serve_folder
from tests.support.cards_site import HOSTILE_SLUG, HOSTILE_TITLE, build_cards_site
from tests.support.sites import BuiltSite


@dataclass
class ServedSite:
    site: BuiltSite
    server: StaticServer

    @property
    def site_dir(self) -> Path:
        return self.site.site_dir

    @property
    def url(self) -> str:
        return self.server.url


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    root = tmp_path_factory.mktemp("cards-site")
    server = serve_folder(root / "site", cors=True)  # bound first: the site is built for its origin
    try:
        site = build_cards_site(root, server.url)
        assert site.ok, (site.error, site.warnings())
        yield ServedSite(site, server)
    finally:
        server.stop()


def _snippet(page_html: str, slug: str, key: str) -> str:
    """A snippet exactly as a reader copies it from the term page."""
    match = re.search(rf'<code id="glossdeck-snippet-{slug}-{key}">(.*?)</code>', page_html, re.S)
    assert match, key
    return unescape(match.group(1))


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = launch_chromium(playwright)
        try:
            yield instance
        finally:
            instance.close()


def _watched_context(browser: Any, allowed: tuple[str, ...], **options: Any) -> tuple[Any, Watch]:
    watch = Watch(allowed)
    return watch.attach(browser.new_context(**options)), watch


WIKI_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Team wiki: review guidelines</title>
<link rel="icon" href="data:,"></head>
<body>
<h1>Code review guidelines</h1>
<p>Before approving a deploy script, read:</p>
<section id="iframe-embed">{iframe}</section>
<section id="component-embed">{component}</section>
<section id="hostile-embed"><glossdeck-term slug="{hostile}"></glossdeck-term></section>
<section id="image-embed">{picture}</section>
</body></html>
"""


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_wiki_on_another_origin_shows_the_iframe_and_the_web_component(
    built: ServedSite, browser: Any, tmp_path: Path, scheme: str
) -> None:
    slug = "immutable-infrastructure"
    page_html = (built.site_dir / "terms" / slug / "index.html").read_text(encoding="utf-8")
    wiki_dir = tmp_path / "wiki"
    wiki_dir.mkdir()
    (wiki_dir / "index.html").write_text(
        WIKI_PAGE.format(
            iframe=_snippet(page_html, slug, "iframe"),
            component=_snippet(page_html, slug, "component"),
            picture=_snippet(page_html, slug, "picture"),
            hostile=HOSTILE_SLUG,
        ),
        encoding="utf-8",
    )

    wiki = serve_folder(wiki_dir)  # no CORS: the wiki is just another site
    try:
        context, watch = _watched_context(browser, (built.server.origin, wiki.origin), color_scheme=scheme)
        page = context.new_page()
        page.goto(wiki.origin + "/index.html", wait_until="load")
        expected = json.loads((built.site_dir / term_paths(slug).json).read_text())
        palette = LIGHT if scheme == "light" else DARK

        # 1. the iframe shows the embed page, fitting its frame, in the reader's scheme
        frame = page.frame_locator("#iframe-embed iframe")
        frame.locator("h1").wait_for()
        assert frame.locator("h1").inner_text() == expected["title"]
        assert frame.locator(".tldr").inner_text().startswith(expected["tldr_text"][:40])
        assert frame.locator("code").inner_text() == expected["debt"]["string"]
        embed_frame = next(f for f in page.frames if f.url.startswith(built.url + "embed/"))
        assert embed_frame.evaluate("document.documentElement.scrollHeight") <= IFRAME_HEIGHT
        background = embed_frame.evaluate("getComputedStyle(document.body).backgroundColor")
        assert background == "rgb({}, {}, {})".format(*bytes.fromhex(palette.background[1:]))
        more = frame.locator("a.more")
        assert more.get_attribute("href") == expected["links"]["page"] and more.get_attribute("target") == "_blank"

        # 2. the web component fetched the JSON across origins and drew the card in its shadow root
        page.wait_for_selector("#component-embed glossdeck-term[data-state=ready]", timeout=15000)
        card = page.locator("#component-embed glossdeck-term .card")  # Playwright pierces open shadow roots
        assert card.locator(".title").inner_text() == expected["title"]
        assert card.locator(".tldr").inner_text() == expected["tldr_text"] or expected["tldr_text"].startswith(
            card.locator(".tldr").inner_text()[:40]
        )
        assert card.locator("li").count() == 4
        assert card.locator("code").inner_text() == expected["debt"]["string"]
        tokens = card.locator("code .tok")
        assert tokens.count() == 4
        first_axis = expected["debt"]["axes"][0]["colour" if scheme == "light" else "colour_dark"]
        assert tokens.first.evaluate("n => getComputedStyle(n).color") == "rgb({}, {}, {})".format(
            *bytes.fromhex(first_axis[1:])
        )  # the axis colour of the reader's scheme
        assert card.locator("a.more").get_attribute("href") == expected["links"]["page"]
        card_bg = card.evaluate("node => getComputedStyle(node).backgroundColor")
        assert card_bg == "rgb({}, {}, {})".format(*bytes.fromhex(palette.background[1:]))
        assert card.bounding_box()["height"] > 150  # type: ignore[index]

        # 3. hostile text from YAML is shown as text, in the component and nothing runs
        page.wait_for_selector("#hostile-embed glossdeck-term[data-state=ready]", timeout=15000)
        hostile = page.locator("#hostile-embed glossdeck-term .card")
        assert hostile.locator(".title").inner_text() == HOSTILE_TITLE
        assert "</p><script>window.__pwned=3</script>" in hostile.locator(".tldr").inner_text()
        assert hostile.locator(".v.na").inner_text() == "n/a"
        shadow_tags = page.evaluate(
            "[...document.querySelector('#hostile-embed glossdeck-term').shadowRoot.querySelectorAll('*')]"
            ".map(n => n.localName)"
        )
        assert "script" not in shadow_tags and "img" not in shadow_tags and "b" in shadow_tags
        assert page.evaluate("window.__pwned") is None

        # 4. the light/dark image snippet loads the right card at its size
        image = page.locator("#image-embed img")
        image.scroll_into_view_if_needed()
        page.wait_for_function("document.querySelector('#image-embed img').complete")
        assert image.evaluate("img => [img.naturalWidth, img.naturalHeight]") == [CARD_WIDTH, CARD_HEIGHT]
        wanted = "-dark.svg" if scheme == "dark" else f"{slug}.svg"
        assert image.evaluate("img => img.currentSrc").endswith(wanted)

        context.close()
        assert watch.outside == [], watch.outside
        assert watch.failed == [], watch.failed
        assert watch.errors == [], watch.errors
    finally:
        wiki.stop()


@pytest.mark.browser
def test_term_page_offers_working_copy_buttons_without_errors(built: ServedSite, browser: Any) -> None:
    slug = "immutable-infrastructure"
    context, watch = _watched_context(browser, (built.server.origin,))
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=built.server.origin)
    page = context.new_page()
    page.goto(f"{built.url}terms/{slug}/", wait_until="load")
    section = page.locator(".glossdeck-embed")
    section.scroll_into_view_if_needed()
    preview = section.locator("img.glossdeck-card-light").element_handle()
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=preview)  # lazy-loaded
    assert preview.evaluate("img => img.naturalWidth") == CARD_WIDTH  # type: ignore[union-attr]
    button = section.locator(f"[data-glossdeck-copy=glossdeck-snippet-{slug}-markdown]")
    assert button.is_visible()  # shown only once the script runs
    button.click()
    page.wait_for_function("b => b.textContent === 'Copied'", arg=button.element_handle())
    copied = page.evaluate("navigator.clipboard.readText()")
    assert (
        copied
        == f"[![Immutable Infrastructure — Team Glossary]({built.url}cards/{slug}.svg)]({built.url}terms/{slug}/)"
    )
    assert page.locator(f"#glossdeck-snippet-{slug}-markdown").inner_text() == copied
    context.close()
    assert watch.outside == [] and watch.failed == [], (watch.outside, watch.failed)
    assert watch.errors == [], watch.errors
