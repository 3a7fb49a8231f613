"""Where a line of text may break, by the Unicode Line Breaking Algorithm (UAX #14, via uniseg).

Splitting at spaces is right for English and wrong for most of the world: Chinese and Japanese
break between almost any two characters but never before closing punctuation ("。", "，", "」")
nor after opening punctuation; Thai has no spaces at all; a hyphen or a slash in a URL is a
break opportunity. `units` cuts text into the pieces no line may split (each keeps the spaces
after it); `greedy_wrap` fills lines with them.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from uniseg.linebreak import line_break_units

# Text in the scripts written with spaces between words (Latin, Greek, Cyrillic, with their marks and
# the general punctuation) is cut without uniseg, which costs about 0.15 ms per character (50 ms
# for a TL;DR; three cards per term): after a run of spaces (UAX #14 LB18), unless the next
# character may not start a line (LB13: closing brackets, "!", "?", ",", ".", ":", ";", "/") or
# the last one before the spaces may not end one (LB14: opening brackets; LB15, LB17), and after a
# hyphen inside a word before a letter (LB20a, LB21, LB25). Every such break is one UAX #14 allows
# (tests/unit/text/test_line_break.py checks it against uniseg); any other text goes to uniseg.
_SPACED_SCRIPTS_END = 0x0590
_GENERAL_PUNCTUATION = range(0x2010, 0x2030)
_NO_LINE_START = set(")]}!?,.:;/\u2044\u2046\u2019\u201d\u00bb\u203a")  # CL, CP, EX, IS, SY; final quotes (LB15b)
_NO_LINE_END = set(
    "([{\u00a1\u00bf\u201a\u201e\u2045\u2018\u201c\u00ab\u2039\u201b\u201f"
)  # OP; initial quotes (LB15a)
_QUOTES = set("\"'\u00ab\u00bb\u2018\u2019\u201b\u201c\u201d\u201f\u2039\u203a")  # QU
_EM_DASH = "\u2014"  # B2


def _spaced(text: str) -> bool:
    """Whether `text` can be cut without uniseg: every character below U+0590 or general
    punctuation, printable, and none of the few whose rules differ (no-break space, soft hyphen)."""
    for char in text:
        code = ord(char)
        if code < 0x20 or 0x7F <= code < 0xA0 or code in (0xA0, 0xAD):
            return False
        if code >= _SPACED_SCRIPTS_END and code not in _GENERAL_PUNCTUATION:
            return False
    return True


def _spaced_units(text: str) -> list[str]:
    pieces: list[str] = []
    start, i, n = 0, 0, len(text)
    while i < n:
        char = text[i]
        if char == " ":
            end = i
            while end < n and text[end] == " ":
                end += 1
            before = text[i - 1] if i > 0 else ""
            after = text[end] if end < n else ""
            blocked = (
                not after
                or not before
                or after in _NO_LINE_START
                or before in _NO_LINE_END
                or (before in _QUOTES and after in _NO_LINE_END)
                or (before == _EM_DASH and after == _EM_DASH)
            )
            if not blocked:
                pieces.append(text[start:end])
                start = end
            i = end
            continue
        if (
            char == "-"
            and 0 < i < n - 1
            and text[i - 1] != " "
            and text[i + 1].isalpha()
            and text[i - 1] not in _NO_LINE_END
        ):
            pieces.append(text[start : i + 1])
            start = i + 1
        i += 1
    if start < n:
        pieces.append(text[start:])
    return pieces


def units(text: str) -> list[str]:
    """The unbreakable pieces of `text`, in order; joined they give the text back."""
    if not text:
        return []
    return _spaced_units(text) if _spaced(text) else list(line_break_units(text))


def _split_point(piece: str, fits: Callable[[str], bool]) -> int:
    """How many leading characters of a piece wider than a line fit (at least one, never between
    a base character and its combining marks)."""
    cut = 1
    while cut < len(piece) and fits(piece[: cut + 1]):
        cut += 1
    while 1 < cut < len(piece) and unicodedata.combining(piece[cut]):
        cut -= 1
    return cut


def greedy_wrap(text: str, fits: Callable[[str], bool], max_lines: int) -> tuple[list[str], str]:
    """Lines of `text`, each as full as `fits` allows, broken only where UAX #14 allows (a piece
    wider than a whole line is split by character). Returns (at most `max_lines` lines, without
    trailing spaces; the text left over, "" when all of it fits, starting with a space when one
    stood between it and the last line)."""
    if text.strip() and fits(text.rstrip()):  # one line: no need to know where it could break
        return [text.rstrip()], ""
    pieces = units(text)
    lines: list[str] = []
    current = ""
    index = 0
    spaced = False  # whether the last line ended in a space (before it was stripped)
    while index < len(pieces) and len(lines) < max_lines:
        piece = pieces[index]
        candidate = current + piece
        if fits(candidate.rstrip()):
            current = candidate
            index += 1
            continue
        if current.strip():
            lines.append(current.rstrip())
            spaced = current != lines[-1]
            current = ""
            continue
        cut = _split_point(piece, fits)  # a single piece wider than the line
        lines.append(piece[:cut].rstrip())
        spaced = False
        pieces[index] = piece[cut:]
    if current.strip() and len(lines) < max_lines:
        lines.append(current.rstrip())
        current = ""
    rest = (current + "".join(pieces[index:])).strip()
    return lines, (" " + rest if rest and spaced and not current else rest)
