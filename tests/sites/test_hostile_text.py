"""Text from YAML renders as text: nothing a term author writes executes or changes a page's structure."""

from __future__ import annotations

import html as html_module
import json
import re
from html.parser import HTMLParser

import pytest

from tests.support.sites import build_site
from tests.support.terms import HOSTILE_TERM, reference_term_text


class Scan(HTMLParser):
    """Collects what would execute: scripts' text, event-handler attributes, javascript: URLs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.script = False
        self.scripts: list[str] = []
        self.handlers: list[tuple[str, str, str]] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "script":
            self.script = True
            self.scripts.append("" if dict(attrs).get("type") != "application/ld+json" else "(data)")
        for name, value in attrs:
            if name.startswith("on") or (value or "").strip().lower().startswith("javascript:"):
                self.handlers.append((tag, name, value or ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.script = False

    def handle_data(self, data: str) -> None:
        if self.script and self.scripts[-1] != "(data)":
            self.scripts[-1] += data


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):  # type: ignore[no-untyped-def]
    built = build_site(
        tmp_path_factory.mktemp("hostile"),
        terms={"hostile": HOSTILE_TERM, "immutable-infrastructure": reference_term_text("")},
    )
    assert built.ok, built.error
    return built


def _found(pattern: str, html: str) -> str:
    """The first group of `pattern` in the page, failing the test when it is not there."""
    match = re.search(pattern, html, re.S)
    assert match is not None, pattern
    return match.group(1)


def _pages(site):  # type: ignore[no-untyped-def]
    return {
        p.relative_to(site.site_dir).as_posix(): p.read_text(encoding="utf-8") for p in site.site_dir.rglob("*.html")
    }


def test_nothing_from_yaml_executes_anywhere(hostile_site) -> None:  # type: ignore[no-untyped-def]
    for path, html in _pages(hostile_site).items():
        scan = Scan()
        scan.feed(html)
        assert not any(re.search(r"alert\(\d+\)", s) for s in scan.scripts), path
        assert scan.handlers == [], (path, scan.handlers)
        assert "iframe" not in scan.tags and "style" not in scan.tags[scan.tags.index("body") :], path


def test_hostile_text_is_visible_as_text(hostile_site) -> None:  # type: ignore[no-untyped-def]
    html = hostile_site.page("terms/hostile/")
    assert "&lt;script&gt;alert(6)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(7)&gt;" in html
    assert "&lt;/div&gt;&lt;/section&gt;&lt;script&gt;alert(9)&lt;/script&gt;" in html
    assert "<code>&lt;b&gt;code&lt;/b&gt;</code>" in html
    assert "&lt;script&gt;alert(17)&lt;/script&gt;" in html
    assert "https://tracker.example/x.png" not in re.findall(r'src="([^"]+)"', html)  # no remote image
    title = _found(r"<title>(.*?)</title>", html)
    assert "&lt;script&gt;" in title and "<script>" not in title
    h1 = _found(r"<h1[^>]*>(.*?)</h1>", html)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in h1 and "{: onclick" in h1.replace("&#58;", ":")


def test_diagram_cannot_break_out_or_add_callbacks(hostile_site) -> None:  # type: ignore[no-untyped-def]
    html = hostile_site.page("terms/hostile/")
    diagram = _found(r'<pre class="mermaid" data-gd-diagram><code>(.*?)</code></pre>', html)
    assert "<" not in diagram
    assert "click" not in diagram and "javascript" not in diagram and "%%{" not in diagram
    assert "#60;img src=x onerror=alert(13)#62;" in diagram


def test_json_ld_cannot_close_its_script(hostile_site) -> None:  # type: ignore[no-untyped-def]
    html = hostile_site.page("terms/hostile/")
    block = _found(r'<script type="application/ld\+json">(.*?)</script>', html)
    assert "<" not in block and ">" not in block
    data = json.loads(block)
    assert data["name"].startswith("Hostile <script>alert(1)</script>")
    assert data["alternateName"][0] == "</script><script>alert(4)</script>"
    a_z = hostile_site.page("a-z/")
    assert "</script><script>alert(4)" not in a_z


def test_code_example_cannot_close_its_fence(hostile_site) -> None:  # type: ignore[no-untyped-def]
    html = hostile_site.page("terms/hostile/")
    code = html.split('data-gd-block="code-example"')[1].split("</pre>")[0]
    shown = html_module.unescape(re.sub(r"<[^>]+>", "", code))
    assert "</script><script>alert(18)</script>\n```\n<img src=x onerror=alert(19)>" in shown
    assert "<script>alert(18)" not in code
