"""How wide a line of text is on a card, and how to wrap it to a width with an ellipsis.

An SVG image cannot wrap text itself and may not load fonts, so widths are estimated here.
The card's font stack starts with Verdana and DejaVu Sans (the shields.io choice, for the same
reason): two wide, widely installed faces with close metrics. The tables hold DejaVu Sans
advance widths (1/1000 em) and every estimate carries a safety margin, so text drawn in a
narrower fallback face only leaves a little more room, never overflows.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Literal

from ..text.line_break import greedy_wrap

SANS_STACK = "Verdana, 'DejaVu Sans', 'Bitstream Vera Sans', Geneva, sans-serif"
MONO_STACK = "'DejaVu Sans Mono', Menlo, Consolas, 'Liberation Mono', monospace"

Face = Literal["regular", "bold", "mono"]

_ASCII = "".join(chr(c) for c in range(32, 127))
_REGULAR = (
    "318,401,460,838,636,950,780,275,390,390,500,838,318,361,318,337,636,636,636,636,636,636,636,"
    "636,636,636,337,337,838,838,838,531,1000,684,686,698,770,632,575,775,752,295,295,656,557,863,"
    "748,787,603,787,695,635,611,732,684,989,685,611,685,390,337,390,838,500,500,613,635,550,635,"
    "615,352,635,634,278,278,579,278,974,634,612,635,635,411,521,392,634,592,818,592,592,525,636,"
    "337,636,838"
)
_BOLD = (
    "348,456,521,838,696,1002,872,306,457,457,523,838,380,415,380,365,696,696,696,696,696,696,696,"
    "696,696,696,400,400,838,838,838,580,1000,774,762,734,830,683,683,821,837,372,372,775,637,995,"
    "837,850,733,850,770,720,682,812,774,1103,771,724,725,457,365,457,838,500,500,675,716,593,716,"
    "678,435,716,712,343,343,665,343,1042,712,687,716,716,493,595,478,712,652,924,645,652,582,712,"
    "365,712,838"
)
_TABLES: dict[str, dict[str, int]] = {
    "regular": dict(zip(_ASCII, map(int, _REGULAR.split(",")))),
    "bold": dict(zip(_ASCII, map(int, _BOLD.split(",")))),
}
_PUNCTUATION = {
    "…": 1000,
    "—": 1000,
    "–": 500,
    "“": 660,
    "”": 660,
    "‘": 380,
    "’": 380,
    "·": 380,
    "•": 640,
    "→": 838,
    "←": 838,
    "×": 838,
}
_MONO = 602
_WIDE = 1000  # CJK ideographs, full-width forms
_EMOJI = 1300  # colour emoji faces draw wider than an em
_OTHER = 720  # scripts not in the table (Greek, Cyrillic, Hebrew, Arabic, ...): a generous average
_MARGIN = 1.05

ELLIPSIS = "…"


def _char_width(char: str, face: Face) -> int:
    if face == "mono":
        return _MONO * (2 if unicodedata.east_asian_width(char) in "WF" else 1)
    table = _TABLES[face]
    if char in table:
        return table[char]
    if char in _PUNCTUATION:
        return _PUNCTUATION[char]
    category = unicodedata.category(char)
    if category in ("Mn", "Me", "Cf") or char in "\u200d\ufe0f":
        return 0  # combining marks, joiners and variation selectors add no advance
    if char.isspace():
        return table[" "]
    if category == "So" and ord(char) >= 0x2600:
        return _EMOJI
    if unicodedata.east_asian_width(char) in "WF":
        return _WIDE
    base = unicodedata.normalize("NFD", char)[0]  # é -> e
    if base != char and base in table:
        return table[base]
    return _OTHER


def text_width(text: str, size: float, face: Face = "regular") -> float:
    """Estimated advance width, in pixels, of `text` drawn at `size` pixels (with margin)."""
    return sum(_char_width(c, face) for c in text) * size / 1000 * _MARGIN


@dataclass(frozen=True)
class Wrapped:
    lines: list[str]
    truncated: bool


def _fit(text: str, width: float, size: float, face: Face) -> int:
    """How many leading characters of `text` fit in `width` (at least one)."""
    total = 0.0
    for i, char in enumerate(text):
        total += _char_width(char, face) * size / 1000 * _MARGIN
        if total > width:
            return max(i, 1)
    return len(text)


def ellipsize(text: str, width: float, size: float, face: Face = "regular") -> str:
    """`text` if it fits, else its longest prefix that fits with an ellipsis after it, cut after
    a whole word when one ends in the second half of the line."""
    if text_width(text, size, face) <= width:
        return text
    room = width - text_width(ELLIPSIS, size, face)
    cut = text[: _fit(text, room, size, face)] if room > 0 else ""
    while cut and unicodedata.combining(text[len(cut)]):  # keep a base with its marks
        cut = cut[:-1]
    space = cut.rfind(" ")
    if len(cut) < len(text) and text[len(cut)] != " " and space > len(cut) / 2:
        cut = cut[:space]
    return cut.rstrip().rstrip("\u200d").rstrip(" ,;:") + ELLIPSIS


def wrap(text: str, width: float, size: float, max_lines: int, face: Face = "regular") -> Wrapped:
    """Greedy wrap to `width` at the break opportunities of Unicode line breaking (UAX #14,
    `text/line_break.py`): between words, between CJK characters but never before "。" or "，",
    after a hyphen; a piece wider than a line breaks anywhere. Beyond `max_lines` the last line
    ends in an ellipsis."""
    # the rest is only there to be cut: bound it so a 20,000-character TL;DR costs nothing
    source = text[: max_lines * int(width // max(size * 0.3, 1) + 2) + 200]
    lines, rest = greedy_wrap(source, lambda line: text_width(line, size, face) <= width, max_lines)
    truncated = bool(rest) or len(source) < len(text)
    if truncated and lines:
        tail = lines[-1] + rest[:200]
        lines[-1] = ellipsize(tail, width, size, face)
        if not lines[-1].endswith(ELLIPSIS):
            lines[-1] = ellipsize(lines[-1] + " " + ELLIPSIS * 3, width, size, face)
    return Wrapped(lines, truncated)
