"""Term cards in a real site: an MkDocs build (strict) of the starter glossary plus a hostile term,
checked file by file; then a browser test in which a "wiki" on another origin embeds the cards
through the snippets the term page offers (iframe, web component, image)."""

from __future__ import annotations

import functools
import json
import re
import shutil
import subprocess
import sys
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from html import unescape
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import yaml
from cards_support import RSVG, parse_html, rendered_size
from conftest import REPO, require_tool

from glossdeck.embeds.palette import DARK, LIGHT
from glossdeck.embeds.card_svg import CARD_HEIGHT, CARD_WIDTH
from glossdeck.embeds.embed_page import IFRAME_HEIGHT
from glossdeck.embeds.output_paths import term_paths

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
HOSTILE_SLUG = "hostile-text"
HOSTILE_TITLE = "<script>window.__pwned=1</script> \"Q\" & ]]> <img src=x onerror=window.__pwned=2> שלום 🎉"
HOSTILE_TERM: dict[str, Any] = {
    "title": HOSTILE_TITLE,
    "category": "security",
    "level": "advanced",
    "tldr": "Text with </p><script>window.__pwned=3</script> & 'quotes' \"too\", ]]> and مرحبا 👩‍💻 shows as text.",
    "misconception": {"belief": "<b>Markup</b> in YAML runs.", "correction": "It is `text`: &amp; stays &amp;."},
    "debt": {"score": "debt(d2/e0/b3/t8)",
             "rationale": {"d": "<script>alert(1)</script>", "e": "Does not apply.", "b": "Small.", "t": "A trap."}},
    "edited": "2026-04-01",
}

MKDOCS_YML = """\
site_name: {site_name}
{site_url_line}
docs_dir: docs
theme:
  name: material
  font: false
  features: [navigation.instant, content.code.copy]
  palette:
    - media: "(prefers-color-scheme: light)"
      scheme: default
    - media: "(prefers-color-scheme: dark)"
      scheme: slate
plugins:
  - search
  - glossdeck:
      terms_dir: terms
  - mermaid2:
      javascript: assets/glossdeck/vendor/mermaid.min.js
      arguments:
        securityLevel: strict
markdown_extensions:
  - attr_list
  - md_in_html
  - admonition
  - tables
  - toc
  - pymdownx.details
  - pymdownx.highlight
  - pymdownx.superfences:
      custom_fences:
        - name: mermaid
          class: mermaid
          format: !!python/name:mermaid2.fence_mermaid_custom
"""


def build_site(root: Path, terms: dict[str, dict[str, Any]], site_url: str | None, *, copy_repo_terms: bool,
               strict: bool = True) -> subprocess.CompletedProcess[str]:
    """Write a project (mkdocs.yml, docs/, terms/) under `root` and build it into root/site."""
    (root / "docs").mkdir(parents=True, exist_ok=True)
    (root / "docs" / "index.md").write_text("# Team glossary\n\nOur words.\n", encoding="utf-8")
    terms_dir = root / "terms"
    if copy_repo_terms:
        shutil.copytree(REPO / "terms", terms_dir, dirs_exist_ok=True)
    terms_dir.mkdir(exist_ok=True)
    for slug, data in terms.items():
        (terms_dir / f"{slug}.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    (root / "mkdocs.yml").write_text(MKDOCS_YML.format(
        site_name="Team Glossary", site_url_line=f"site_url: {site_url}" if site_url else ""), encoding="utf-8")
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(root / "mkdocs.yml"), "-d", str(root / "site")]
    return subprocess.run(command + (["--strict"] if strict else []), cwd=root, capture_output=True, text=True,
                          timeout=300)


class SiteHandler(SimpleHTTPRequestHandler):
    """A static host like GitHub Pages: every file with Access-Control-Allow-Origin: *."""

    def end_headers(self) -> None:
        self.send_header("Access-Control-Allow-Origin", "*")
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass


@dataclass
class Server:
    httpd: ThreadingHTTPServer
    thread: threading.Thread

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=10)


def serve(directory: Path, handler: type[SimpleHTTPRequestHandler] = SiteHandler) -> Server:
    """Bound before anything is built, so the site can be built for this exact origin."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    return Server(httpd, thread)


@dataclass
class BuiltSite:
    root: Path
    site: Path
    server: Server
    output: str

    @property
    def url(self) -> str:
        return self.server.origin + "/"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BuiltSite]:
    root = tmp_path_factory.mktemp("cards-site")
    server = serve(root / "site")
    try:
        result = build_site(root, {HOSTILE_SLUG: HOSTILE_TERM}, server.origin + "/", copy_repo_terms=True)
        output = result.stdout + result.stderr
        if "mermaid.min.js is missing" in output or "vendor" in output and result.returncode:
            pytest.fail("the Mermaid bundle is not vendored: run `make setup` (npm ci) first\n" + output)
        assert result.returncode == 0, output
        yield BuiltSite(root, root / "site", server, output)
    finally:
        server.stop()


def _slugs(root: Path) -> list[str]:
    return sorted(p.stem for p in (root / "terms").glob("*.yml"))


def test_strict_build_with_site_url_is_clean(built: BuiltSite) -> None:
    assert not re.search(r"^(WARNING|ERROR)\b", built.output, re.M), built.output
    assert len(_slugs(built.root)) >= 30  # the starter glossary and the hostile term


def test_every_term_has_every_output(built: BuiltSite) -> None:
    site = built.site
    slugs = _slugs(built.root)
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
        assert term["links"]["page"] == f"{built.url}terms/{slug}/"
        oembed = json.loads((site / paths.oembed).read_text())
        assert oembed["type"] == "rich" and f"{built.url}embed/{slug}/" in oembed["html"]
        embed = (site / paths.embed).read_bytes()
        assert len(embed) <= 20 * 1024 and b"<script" not in embed
        page = (site / "terms" / slug / "index.html").read_text(encoding="utf-8")
        head = page[:page.index("</head>")]
        links = [a for t, a in parse_html(head).tags if t == "link" and a.get("type") == "application/json+oembed"]
        assert [(a["rel"], a["href"]) for a in links] == [("alternate", f"{built.url}oembed/{slug}.json")], slug
        assert 'id="embed-this-term"' in page and f"glossdeck-snippet-{slug}-iframe" in page
        assert "glossdeck-embed.js" in page and "glossdeck-embed.css" in page


def test_every_card_renders_at_its_declared_size(built: BuiltSite, tmp_path: Path) -> None:
    require_tool(RSVG if Path(RSVG).exists() else shutil.which("rsvg-convert"), "rsvg-convert (librsvg2-bin)")
    for slug in _slugs(built.root):
        for name in ("card", "card_dark", "badge"):
            data = (built.site / getattr(term_paths(slug), name)).read_bytes()
            root = ET.fromstring(data)
            size = rendered_size(data, tmp_path / f"{slug}-{name}.png")
            assert size == (int(root.get("width") or 0), int(root.get("height") or 0))
            if name != "badge":
                assert size == (CARD_WIDTH, CARD_HEIGHT)


def test_without_site_url_the_build_says_so(tmp_path: Path) -> None:
    terms = {"only-term": {"title": "Only Term", "category": "testing", "tldr": "The only one."}}
    # a WARNING through MkDocs' log: `mkdocs build --strict` fails on it
    relaxed = build_site(tmp_path / "relaxed", terms, None, copy_repo_terms=False, strict=False)
    assert relaxed.returncode == 0, relaxed.stderr
    assert re.search(r"WARNING .*site_url is not set.*disabled_features: \[embeds\]", relaxed.stderr)
    data = json.loads((tmp_path / "relaxed/site/api/terms/only-term.json").read_text())
    assert data["links"]["page"] == "../../terms/only-term/"  # relative to the JSON file itself
    embed = (tmp_path / "relaxed/site/embed/only-term/index.html").read_text()
    assert 'href="../../terms/only-term/"' in embed


# --- the browser test ------------------------------------------------------------------------

def _snippet(page_html: str, slug: str, key: str) -> str:
    """A snippet exactly as a reader copies it from the term page."""
    match = re.search(rf'<code id="glossdeck-snippet-{slug}-{key}">(.*?)</code>', page_html, re.S)
    assert match, key
    return unescape(match.group(1))


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        require_tool(None, "chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield instance
        finally:
            instance.close()


@dataclass
class Watch:
    allowed: tuple[str, ...]
    blocked: list[str]
    errors: list[str]
    failed: list[str]


def _watched_context(browser: Any, allowed: tuple[str, ...], **options: Any) -> tuple[Any, Watch]:
    context = browser.new_context(**options)
    watch = Watch(allowed, [], [], [])

    def route(route: Any) -> None:
        url = route.request.url
        if url.startswith(tuple(origin + "/" for origin in allowed)):
            route.continue_()
        else:
            watch.blocked.append(url)
            route.abort()

    context.route("**/*", route)

    def on_page(page: Any) -> None:
        def console(message: Any) -> None:  # messages from the page's iframes arrive here too
            if message.type == "error":
                watch.errors.append(f"{page.url}: {message.text}")

        def response(answer: Any) -> None:
            if answer.status >= 400:
                watch.failed.append(f"{answer.status} {answer.url}")

        page.on("console", console)
        page.on("pageerror", lambda error: watch.errors.append(f"{page.url}: {error}"))
        page.on("response", response)

    context.on("page", on_page)
    return context, watch


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
def test_a_wiki_on_another_origin_shows_the_iframe_and_the_web_component(built: BuiltSite, browser: Any,
                                                                         tmp_path: Path, scheme: str) -> None:
    slug = "immutable-infrastructure"
    page_html = (built.site / "terms" / slug / "index.html").read_text(encoding="utf-8")
    wiki_dir = tmp_path / "wiki"
    wiki_dir.mkdir()
    (wiki_dir / "index.html").write_text(WIKI_PAGE.format(
        iframe=_snippet(page_html, slug, "iframe"), component=_snippet(page_html, slug, "component"),
        picture=_snippet(page_html, slug, "picture"), hostile=HOSTILE_SLUG), encoding="utf-8")

    class WikiHandler(SimpleHTTPRequestHandler):  # no CORS: the wiki is just another site
        def log_message(self, format: str, *args: Any) -> None:
            pass

    wiki = serve(wiki_dir, WikiHandler)
    try:
        context, watch = _watched_context(browser, (built.server.origin, wiki.origin), color_scheme=scheme)
        page = context.new_page()
        page.goto(wiki.origin + "/index.html", wait_until="load")
        expected = json.loads((built.site / term_paths(slug).json).read_text())
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
        assert card.locator(".tldr").inner_text() == expected["tldr_text"] or \
            expected["tldr_text"].startswith(card.locator(".tldr").inner_text()[:40])
        assert card.locator("li").count() == 4
        assert card.locator("code").inner_text() == expected["debt"]["string"]
        tokens = card.locator("code .tok")
        assert tokens.count() == 4
        first_axis = expected["debt"]["axes"][0]["colour" if scheme == "light" else "colour_dark"]
        assert tokens.first.evaluate("n => getComputedStyle(n).color") == "rgb({}, {}, {})".format(
            *bytes.fromhex(first_axis[1:]))  # the axis colour of the reader's scheme
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
            ".map(n => n.localName)")
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
        assert watch.blocked == [], watch.blocked
        assert watch.failed == [], watch.failed
        assert watch.errors == [], watch.errors
    finally:
        wiki.stop()


@pytest.mark.browser
def test_term_page_offers_working_copy_buttons_without_errors(built: BuiltSite, browser: Any) -> None:
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
    assert copied == f"[![Immutable Infrastructure — Team Glossary]({built.url}cards/{slug}.svg)]({built.url}terms/{slug}/)"
    assert page.locator(f"#glossdeck-snippet-{slug}-markdown").inner_text() == copied
    context.close()
    assert watch.blocked == [] and watch.failed == [], (watch.blocked, watch.failed)
    assert watch.errors == [], watch.errors
