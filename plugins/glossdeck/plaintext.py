"""Markdown prose (TL;DRs, corrections, rationales) as plain text, for places that show text only.

The browser renders learning data with textContent, never as HTML, so the little Markdown authors
write in prose (emphasis, inline code, links) is reduced to its words here instead.
"""

from __future__ import annotations

import functools
import re

_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_REF_LINK = re.compile(r"!?\[([^\]]*)\]\[[^\]]*\]")
_CODE = re.compile(r"`+([^`]*)`+")
_EMPHASIS = re.compile(r"(?<!\w)(\*\*|__|\*|_|~~)(?=\S)(.+?)(?<=\S)\1(?!\w)")  # not inside snake_case
_HTML_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_SPACES = re.compile(r"[ \t]*\n[ \t]*|[ \t]{2,}")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])")


@functools.lru_cache(maxsize=65_536)  # the same TL;DRs recur in records, questions and choices
def plain_text(markdown: str) -> str:
    """`Use **prepared** statements, see [PDO](https://...)` -> `Use prepared statements, see PDO`."""
    text = _LINK.sub(r"\1", markdown)
    text = _REF_LINK.sub(r"\1", text)
    text = _CODE.sub(r"\1", text)
    text = _EMPHASIS.sub(r"\2", text)
    text = _HTML_TAG.sub("", text)
    paragraphs = [_SPACES.sub(" ", p).strip() for p in re.split(r"\n\s*\n", text)]
    return "\n\n".join(p for p in paragraphs if p)


def first_sentence(text: str) -> str:
    """The first sentence of plain text (the whole first paragraph when it has no sentence end)."""
    paragraph = text.split("\n\n", 1)[0]
    return _SENTENCE_END.split(paragraph, maxsplit=1)[0].strip()
