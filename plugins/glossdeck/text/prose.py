"""Prose fields (Markdown) rendered to HTML with one fixed, safe configuration.

Prose is rendered here rather than by the site's Markdown so that a term cannot use the site's
extensions against it (attr_list attributes, snippets includes, raw HTML). Raw HTML in prose is shown
as text, links keep only safe schemes, and images from other hosts become links (a built site makes
no request to any host but its own).
"""

from __future__ import annotations

import html
import re
import threading
import xml.etree.ElementTree as etree
from urllib.parse import urlsplit

import markdown
from markdown.inlinepatterns import InlineProcessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from ..core.term_links import TERM_LINK, normalize_slug
from .term_links import HREF_PREFIX, strip_placeholders, title_placeholder

SAFE_LINK_SCHEMES = {"http", "https", "mailto", ""}
_TAG = re.compile(r"<[^>]*>")


class _SafeUrls(Treeprocessor):
    """Drops unsafe link targets and turns remote images into plain links."""

    def run(self, root: etree.Element) -> None:
        for parent in root.iter():
            for index, child in enumerate(list(parent)):
                if child.tag == "a" and child.get("class") == "gd-termlink":
                    continue  # a term link: its href is resolved for each page (text/term_links.py)
                if child.tag == "a":
                    href = child.get("href", "")
                    if urlsplit(href.strip()).scheme.lower() not in SAFE_LINK_SCHEMES:
                        child.attrib.pop("href", None)
                    elif urlsplit(href).netloc:
                        child.set("rel", "nofollow noopener")
                elif child.tag == "img":
                    src = child.get("src", "")
                    parts = urlsplit(src.strip())
                    if parts.scheme or parts.netloc or src.strip().startswith("//"):
                        link = etree.Element("a")
                        if parts.scheme.lower() in ("http", "https"):
                            link.set("href", src)
                            link.set("rel", "nofollow noopener")
                        link.text = child.get("alt") or src
                        link.tail = child.tail
                        parent.remove(child)
                        parent.insert(index, link)


_LIST_ITEM = re.compile(r"^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+\S")
_FENCE_LINE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


class _ListsWithoutBlankLine(Preprocessor):
    """A list right under a line of text is a list, as in CommonMark and on GitHub (Python-Markdown
    wants a blank line before it): the blank line is added. Fenced code is left alone."""

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        fence: str | None = None
        in_list = False
        for line in lines:
            opening = _FENCE_LINE.match(line)
            if fence is not None:
                if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                    fence = None
            elif opening:
                fence = opening.group(1)
            elif _LIST_ITEM.match(line):
                previous = out[-1] if out else ""
                if previous.strip() and not in_list and not previous.startswith((" ", "\t")):
                    out.append("")
                in_list = True
            elif not line.strip():
                in_list = False
            out.append(line)
        return out


class _TermLinks(InlineProcessor):
    """`[[slug]]` and `[[slug|text]]` -> a term link placeholder (see text/term_links.py)."""

    def handleMatch(self, m: re.Match[str], data: str) -> tuple[etree.Element | None, int, int]:  # type: ignore[override]
        slug = normalize_slug(m.group(1))
        if not slug:
            return None, m.start(0), m.end(0)
        link = etree.Element("a")
        link.set("class", "gd-termlink")
        link.set("href", HREF_PREFIX + slug)
        shown = (m.group(2) or "").strip()
        link.text = AtomicString(shown or title_placeholder(slug))
        return link, m.start(0), m.end(0)


def _new_markdown() -> markdown.Markdown:
    md = markdown.Markdown(extensions=["fenced_code", "tables", "sane_lists"], output_format="html")
    # No raw HTML: both the block and the inline HTML handlers go, so "<script>" stays text.
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    md.treeprocessors.register(_SafeUrls(md), "glossdeck-safe-urls", 0)
    md.preprocessors.register(_ListsWithoutBlankLine(md), "glossdeck-lists", 25)  # after normalize_whitespace (30)
    # before links and references (160, 170), after code spans and escapes (190, 180)
    md.inlinePatterns.register(_TermLinks(TERM_LINK.pattern, md), "glossdeck-term-links", 175)
    return md


_local = threading.local()


def _md() -> markdown.Markdown:
    md = getattr(_local, "md", None)
    if md is None:
        md = _local.md = _new_markdown()
    return md


# Prose with none of Markdown's syntax (about half of real prose fields: plain sentences) becomes
# <p> paragraphs without running Python-Markdown. Anything that could be syntax takes the full path:
# markup characters, a line starting like a list, a heading underline or an indented code block,
# trailing spaces (line breaks), control and separator characters. tests/unit/text/test_fast_paths.py checks
# that both paths give the same HTML.
_NOT_PLAIN = re.compile(
    r"[\\`*_\[\]<>!#|~{}&=+:\t\r\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]"
    r"|^ *(?:-|\d+[.)])|^ {4}| $",
    re.MULTILINE,
)
_BLANK_LINES = re.compile(r"\n{2,}")


def plain_paragraphs(source: str) -> str | None:
    """The HTML Python-Markdown gives prose without syntax, or None when `source` might have some."""
    if _NOT_PLAIN.search(source):
        return None
    blocks = [block.lstrip(" ") for block in _BLANK_LINES.split(source.strip("\n"))]
    if not blocks or not all(blocks):
        return None
    return "\n".join(f"<p>{block}</p>" for block in blocks)


def markdown_to_html(source: str) -> str:
    """Python-Markdown with the safe configuration, uncached."""
    md = _md()
    try:
        return md.reset().convert(source)
    finally:
        md.reset()


def to_html(source: str) -> str:
    """Markdown prose -> HTML fragment (block level, e.g. "<p>...</p>"), uncached. Term links are
    placeholders until `text.term_links.resolve_html` places them on a page."""
    source = strip_placeholders(source)
    out = plain_paragraphs(source)
    return markdown_to_html(source) if out is None else out


_PROSE_HEADING = re.compile(r"<(/?)h([1-6])>")
HEADING_MARK = "data-gd-heading"


def nest_headings(html_fragment: str, below: int) -> str:
    """Headings of a prose block moved under the block's own heading (level `below`): the highest
    becomes `below + 1`, the others keep their distance (at most h6), each marked `data-gd-heading`
    so the page can make it a heading of its own (`html_blocks.lift_headings`). Prose cannot hold raw
    HTML, so every bare `<hN>` in it comes from a Markdown heading."""
    levels = [int(level) for closing, level in _PROSE_HEADING.findall(html_fragment) if not closing]
    if not levels:
        return html_fragment
    shift = below + 1 - min(levels)

    def moved(found: re.Match[str]) -> str:
        level = min(int(found.group(2)) + shift, 6)
        return f"</h{level}>" if found.group(1) else f"<h{level} {HEADING_MARK}>"

    return _PROSE_HEADING.sub(moved, html_fragment)


def inline(html_fragment: str) -> str:
    """A one-paragraph fragment without its surrounding <p>."""
    out = html_fragment.strip()
    if out.startswith("<p>") and out.endswith("</p>") and out.count("<p>") == 1:
        return out[3:-4]
    return out


# Tags that end a run of words (blocks, line breaks, cells): a space where they were. Any other tag
# (a link, emphasis, code) sits inside the words: nothing where it was, so "<a>nodes</a>," stays "nodes,".
_BREAKING_TAG = re.compile(
    r"</?(?:p|div|br|hr|li|ul|ol|dl|dt|dd|h[1-6]|pre|blockquote|table|thead|tbody|tr|td|th|section|figure"
    r"|figcaption|details|summary)\b[^>]*>",
    re.IGNORECASE,
)


def html_to_plain_text(html_fragment: str) -> str:
    return " ".join(html.unescape(_TAG.sub("", _BREAKING_TAG.sub(" ", html_fragment))).split())


def to_inline_html(source: str) -> str:
    """Markdown prose of one line -> HTML without the surrounding <p>, uncached."""
    return inline(to_html(source))


def to_plain_text(source: str) -> str:
    """Prose as plain text (for descriptions and structured data), uncached."""
    return html_to_plain_text(to_html(source))


class ProseRenderer:
    """Prose conversions memoised by source text, for one build (or, kept by the plugin's memo,
    for a `mkdocs serve` session: conversions are pure, so reusing one never changes a page).

    A term's TL;DR is shown on its own page, in its JSON-LD and in every list and "related" block
    that names it; without the memo each showing is another conversion. Bounded, so an editing
    session cannot grow it without limit. `conversions` counts the real ones (tests check it stays
    linear in the terms; the bench reports it).
    """

    LIMIT = 200_000

    def __init__(self) -> None:
        self._html: dict[str, str] = {}
        self._plain: dict[str, str] = {}
        self._lock = threading.Lock()  # the files' thread and the pages may convert at once
        self.conversions = 0

    def to_html(self, source: str) -> str:
        cached = self._html.get(source)
        if cached is not None:
            return cached
        out = to_html(source)
        with self._lock:
            self.conversions += 1
            if len(self._html) >= self.LIMIT:
                self._html.clear()
                self._plain.clear()
            self._html[source] = out
        return out

    def to_inline_html(self, source: str) -> str:
        """Markdown prose of one line -> HTML without the surrounding <p>."""
        return inline(self.to_html(source))

    def to_plain_text(self, source: str) -> str:
        """Prose as plain text (for descriptions and structured data)."""
        cached = self._plain.get(source)
        if cached is None:
            cached = self._plain[source] = html_to_plain_text(self.to_html(source))
        return cached
