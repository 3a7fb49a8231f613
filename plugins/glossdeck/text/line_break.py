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


def units(text: str) -> list[str]:
    """The unbreakable pieces of `text`, in order; joined they give the text back."""
    return list(line_break_units(text)) if text else []


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
