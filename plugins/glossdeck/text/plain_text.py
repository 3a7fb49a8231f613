"""What a card shows of a YAML string: plain text, safe to put into XML, HTML and JSON.

Cards (SVG, embed page, web component) show text, never rendered Markdown: the light inline
syntax authors use in a TL;DR is stripped, and raw HTML is kept as visible text, the same way
the term page treats it. Escaping for each output format is the renderer's job; this module
only guarantees that every character can be escaped at all.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from ..core.term_links import TERM_LINK, normalize_slug
from .term_links import guess_title, resolve_plain, strip_placeholders, title_placeholder

# XML 1.0 forbids C0 controls but tab/newline/CR, lone surrogates, U+FFFE and U+FFFF; YAML's
# double-quoted escapes ("\x01", "\ud800") can produce every one of them.
_NOT_XML_CHAR = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
# Bidi embeddings/overrides could reorder text outside their own line in some renderers; the
# isolates (U+2066-2069) are bounded, so they stay.
_BIDI_EMBEDDING = re.compile("[\u202a-\u202e]")
_SPACE = re.compile(r"\s+")

_CODE = re.compile(r"(`+)(.+?)\1", re.DOTALL)
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", re.DOTALL)
_EMPHASIS = re.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])", re.DOTALL)
_STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~", re.DOTALL)
_BACKSLASH_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>|~])")
_PLACEHOLDER = re.compile("\ue000(\\d+)\ue001")


def clean_text(text: str) -> str:
    """Remove the characters no XML document (and no UTF-8 encoder) can hold."""
    return _BIDI_EMBEDDING.sub("", _NOT_XML_CHAR.sub("", text))


def one_line(text: str) -> str:
    """Cleaned text with every run of whitespace (newlines included) made one space."""
    return _SPACE.sub(" ", clean_text(text)).strip()


def markdown_to_plain(text: str, title_for: Callable[[str], str] = guess_title) -> str:
    """Inline Markdown -> the words a reader sees, on one line.

    Code spans keep their content verbatim (set aside first so no other rule touches them);
    links keep their text, term links (`[[slug]]`) their text or the term's title (`title_for`);
    emphasis markers go; anything that looks like HTML stays as text.
    """
    text = strip_placeholders(clean_text(text).replace("\ue000", "").replace("\ue001", ""))
    kept: list[str] = []

    def set_aside(match: re.Match[str]) -> str:
        kept.append(match.group(match.lastindex or 0).strip() or match.group(match.lastindex or 0))
        return f"\ue000{len(kept) - 1}\ue001"

    text = _CODE.sub(set_aside, text)
    text = _BACKSLASH_ESCAPE.sub(set_aside, text)  # an escaped * is a literal star, not emphasis

    def term_link(match: re.Match[str]) -> str:
        shown = (match.group(2) or "").strip()
        if shown:
            return shown
        kept.append(title_placeholder(normalize_slug(match.group(1))))
        return f"\ue000{len(kept) - 1}\ue001"

    text = TERM_LINK.sub(term_link, text)
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _REF_LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    for _ in range(2):  # nested emphasis such as ***both***
        text = _STRONG.sub(r"\2", text)
        text = _EMPHASIS.sub(r"\2", text)
    text = _STRIKE.sub(r"\1", text)
    text = _PLACEHOLDER.sub(lambda m: kept[int(m.group(1))], text)
    return _SPACE.sub(" ", resolve_plain(text, title_for)).strip()


_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])")


def markdown_paragraphs_to_plain(text: str, title_for: Callable[[str], str] = guess_title) -> str:
    """Markdown prose -> plain text that keeps its paragraph breaks (as blank lines)."""
    paragraphs = (markdown_to_plain(p, title_for) for p in _PARAGRAPH_BREAK.split(text))
    return "\n\n".join(p for p in paragraphs if p)


def first_sentence(text: str) -> str:
    """The first sentence of plain text (the whole first paragraph when it has no sentence end)."""
    paragraph = text.split("\n\n", 1)[0]
    return _SENTENCE_END.split(paragraph, maxsplit=1)[0].strip()


def truncate(text: str, limit: int) -> str:
    """At most `limit` characters, cut at a word boundary with an ellipsis when it had to be cut.

    Counts grapheme-ish units loosely: never splits a base character from its combining marks.
    """
    if len(text) <= limit:
        return text
    cut = text[: max(limit - 1, 0)]
    while cut and unicodedata.combining(text[len(cut)]):
        cut = cut[:-1]
    # surrogate pairs cannot occur in Python str; a ZWJ emoji sequence may still be cut at a joiner
    cut = cut.rstrip("\u200d")
    space = cut.rfind(" ")
    if space > limit * 0.6:
        cut = cut[:space]
    return cut.rstrip(" ,;:-–—") + "…"


def is_rtl(text: str) -> bool:
    """True when the first strongly directional character is right-to-left (Hebrew, Arabic, ...)."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False
