"""Raw HTML blocks of a generated page, handed to the site as they are instead of through Markdown.

A term page is mostly raw HTML (prose already converted, badges, panels) around a few headings and
code fences. Python-Markdown would parse every one of those blocks again only to copy it through
(with `md_in_html`, walking each element), which costs a built term page several times a
hand-written one. So the template marks its finished HTML blocks (`mark`), the MkDocs plugin
swaps each for a short placeholder comment before MkDocs renders the page (`split`), and puts the
blocks back into the page's HTML afterwards (`fill`). Headings and fences stay Markdown: the
site's own table of contents, permalinks and highlighting apply to them exactly as before.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from .escape import md_inline

OPEN = "<!--gd-html-->"
CLOSE = "<!--/gd-html-->"
_MARKED = re.compile(re.escape(OPEN) + r"(.*?)" + re.escape(CLOSE), re.DOTALL)
_PLACEHOLDER = re.compile(r"<!--gd-block:(\d+)-->")


def mark(html: str) -> str:
    """One finished HTML block (its trailing newlines stay outside the mark, for Markdown's blank lines)."""
    body = html.rstrip("\n")
    if not body.strip():
        return html
    return f"{OPEN}{body}{CLOSE}{html[len(body) :]}"


_TAG_TOKEN = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s[^>]*)?)>")
_MARKED_HEADING = re.compile(r"<h([1-6]) data-gd-heading>(.*?)</h\1>", re.DOTALL)
_VOID = frozenset({"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
_ANY_TAG = re.compile(r"<[^>]*>")


def lift_headings(block: str) -> list[str]:
    """A finished HTML block cut at each heading of its prose (marked by `text.prose.nest_headings`):
    the parts of the block, each closed and reopened with the elements it sits in, around Markdown
    headings. The site's Markdown then gives those headings ids, permalinks and table-of-contents
    entries, like any heading of the page. A block without such headings is one part."""
    if "data-gd-heading" not in block:
        return [block]
    block = str.__str__(block)  # plain text: a Markup (from a template) would escape what is added to it
    parts: list[str] = []
    open_tags: list[tuple[str, str]] = []  # (name, opening tag) of the elements open where we are
    position = 0
    for heading in _MARKED_HEADING.finditer(block):
        before = block[position : heading.start()]
        for tag in _TAG_TOKEN.finditer(before):
            closing, name = tag.group(1), tag.group(2).lower()
            if name in _VOID or tag.group().endswith("/>"):
                continue
            if closing:
                while open_tags:
                    if open_tags.pop()[0] == name:
                        break
            else:
                open_tags.append((name, tag.group()))
        reopen = "".join(opening for _, opening in open_tags)
        piece = ("" if position == 0 else reopen) + before + "".join(f"</{name}>" for name, _ in reversed(open_tags))
        if _ANY_TAG.sub("", piece).strip():
            parts.append(piece.strip("\n"))
        words = " ".join(html.unescape(_ANY_TAG.sub("", heading.group(2))).split())
        parts.append("#" * int(heading.group(1)) + " " + md_inline(words))
        position = heading.end()
    rest = "".join(opening for _, opening in open_tags) + block[position:]
    if _ANY_TAG.sub("", rest).strip():
        parts.append(rest.strip("\n"))
    return parts


def mark_blocks(markdown: str) -> str:
    """Marks each top-level raw HTML block of a Markdown fragment (a feature's section): blocks are
    separated by blank lines, and a section's HTML blocks are complete (the features' contract)."""
    parts = markdown.split("\n\n")
    return "\n\n".join(mark(p) if p.lstrip().startswith("<") and p.rstrip().endswith(">") else p for p in parts)


# Tags that open a raw HTML block in Python-Markdown (a paragraph starting with any other tag, such
# as <a> or <span>, is Markdown prose and must stay Markdown)
BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "details",
        "div",
        "dl",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "ul",
    ]
)
_OPENING_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)[\s>]")


def mark_raw_blocks(markdown: str) -> str:
    """Marks each complete raw HTML block of a generated page (a listing: category, tag, A-Z):
    a blank-line-separated part that opens with a block-level tag and closes that same tag. A page
    that already has marked blocks (a term page, marked by its template) is returned as it is."""
    if OPEN in markdown:
        return markdown
    parts = markdown.split("\n\n")
    for index, part in enumerate(parts):
        body = part.strip()
        opening = _OPENING_TAG.match(body)
        if opening and opening[1].lower() in BLOCK_TAGS and body.endswith(f"</{opening[1]}>"):
            parts[index] = mark(part)
    return "\n\n".join(parts)


def split(markdown: str) -> tuple[str, tuple[str, ...]]:
    """(the Markdown with each marked block replaced by a placeholder comment, the blocks in order)."""
    blocks: list[str] = []

    def stash(match: re.Match[str]) -> str:
        blocks.append(match.group(1))
        return f"<!--gd-block:{len(blocks) - 1}-->"

    return _MARKED.sub(stash, markdown), tuple(blocks)


def fill(html: str, blocks: Sequence[str]) -> str:
    """The page's HTML with every placeholder replaced by its block."""
    if not blocks:
        return html
    return _PLACEHOLDER.sub(lambda m: blocks[int(m.group(1))], html)


def without_blocks(html: str) -> str:
    """A page rendered with placeholders, without its blocks: what search gets of a listing page
    (its title and prose; the TL;DRs it lists are found on their own term pages)."""
    return _PLACEHOLDER.sub("", html)


_HEADING = re.compile(r"(?=<h[1-6][\s>])")
_BLOCK_NAME = re.compile(r'data-gd-block="([^"]+)"')


def block_name(block: str) -> str | None:
    """The `data-gd-block` name of a block's first element, if it has one."""
    found = _BLOCK_NAME.search(block, 0, block.find(">") + 1)
    return found[1] if found else None


def searchable(page_html: str, blocks: Sequence[str], searched: frozenset[str], lead: str | None = None) -> str:
    """What a search index should hold of a page rendered with placeholders: each heading with the
    blocks under it whose name is in `searched`; a section left with nothing is dropped. The `lead`
    block (e.g. a term's TL;DR) goes under the page's title, so a result for the page previews it."""
    sections = _HEADING.split(page_html)
    kept_sections: list[tuple[str, list[str]]] = []
    lead_block = ""
    for section in sections:
        heading_end = section.find("</h") if section.startswith("<h") else -1
        heading = section[: section.find(">", heading_end) + 1] if heading_end >= 0 else ""
        kept = []
        for match in _PLACEHOLDER.finditer(section):
            block = blocks[int(match[1])]
            name = block_name(block)
            if lead is not None and name == lead and not lead_block:
                lead_block = block
            elif name in searched:
                kept.append(block)
        kept_sections.append((heading, kept))
    out: list[str] = []
    for index, (heading, kept) in enumerate(kept_sections):
        is_title = heading.startswith("<h1") and not any(h.startswith("<h1") for h, _ in kept_sections[:index])
        if is_title:
            out.append("\n".join([heading, lead_block, *kept]))
        elif kept:
            out.append("\n".join([heading, *kept]))
    return "\n".join(out)
