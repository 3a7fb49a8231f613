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
from markdown.treeprocessors import Treeprocessor

SAFE_LINK_SCHEMES = {"http", "https", "mailto", ""}
_TAG = re.compile(r"<[^>]*>")


class _SafeUrls(Treeprocessor):
    """Drops unsafe link targets and turns remote images into plain links."""

    def run(self, root: etree.Element) -> None:
        for parent in root.iter():
            for index, child in enumerate(list(parent)):
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


def _new_markdown() -> markdown.Markdown:
    md = markdown.Markdown(extensions=["fenced_code", "tables", "sane_lists"], output_format="html")
    # No raw HTML: both the block and the inline HTML handlers go, so "<script>" stays text.
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    md.treeprocessors.register(_SafeUrls(md), "glossdeck-safe-urls", 0)
    return md


_local = threading.local()


def _md() -> markdown.Markdown:
    md = getattr(_local, "md", None)
    if md is None:
        md = _local.md = _new_markdown()
    return md


def to_html(source: str) -> str:
    """Markdown prose -> HTML fragment (block level, e.g. "<p>...</p>")."""
    md = _md()
    try:
        return md.reset().convert(source)
    finally:
        md.reset()


def to_inline_html(source: str) -> str:
    """Markdown prose of one line -> HTML without the surrounding <p>."""
    out = to_html(source).strip()
    if out.startswith("<p>") and out.endswith("</p>") and out.count("<p>") == 1:
        return out[3:-4]
    return out


def to_plain_text(source: str) -> str:
    """Prose as plain text (for descriptions and structured data)."""
    return " ".join(html.unescape(_TAG.sub(" ", to_html(source))).split())
