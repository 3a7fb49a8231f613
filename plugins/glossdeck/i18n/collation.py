"""Alphabetical order and A–Z groups for any language.

Order comes from the Unicode Collation Algorithm (pyuca, the DUCET table): "Äpfel" sorts with
"apple", not after "Zebra", and every script sorts among its own letters. Chinese has no alphabet:
dictionaries order and group it by pinyin, so for a Chinese site every Han character is read as
its pinyin (pypinyin) before it is collated and grouped: 容器 (róngqì) files under R, next to
"Redis", never in a group of its own. Arabic-script letters group by their base letter (أ, إ and
آ under ا); other scripts by their first letter without accents (É under E). Digits and symbols
group under "#", listed last.
"""

from __future__ import annotations

import unicodedata

import pyuca
from pypinyin import Style, lazy_pinyin

OTHER_GROUP = "#"
# Letters an Arabic-script alphabet (Arabic, Urdu, Persian) files under another one
_ARABIC_BASE = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ؤ": "و", "ئ": "ی", "ى": "ی", "ي": "ی", "ة": "ہ", "ك": "ک"}


def _uses_pinyin(language: str) -> bool:
    return language.replace("_", "-").split("-")[0].lower() == "zh"


class Collation:
    """Sort keys and groups for one language. Made once per A–Z page (loading the table takes a
    fifth of a second), kept by the page's memo under `mkdocs serve`."""

    def __init__(self, language: str = "en") -> None:
        self.language = language
        self._collator = pyuca.Collator()
        self._pinyin = _uses_pinyin(language)

    def _readable(self, text: str) -> str:
        text = unicodedata.normalize("NFC", text.strip())
        if self._pinyin:  # Han characters as pinyin syllables; everything else as written
            return "".join(lazy_pinyin(text, style=Style.NORMAL, errors="default"))
        return text

    def sort_key(self, text: str) -> tuple[tuple[int, ...], str]:
        # the text itself breaks ties, so the order never depends on the input's order
        return (self._collator.sort_key(self._readable(text)), text)

    def group(self, text: str) -> str:
        """The A–Z group a name is listed under: "R" for "Redis" and 容器, "#" for "10x"."""
        readable = self._readable(text)
        for char in readable:
            category = unicodedata.category(char)
            if category[0] == "L":
                return self._letter(char)
            if category[0] in "NSP" or char.isspace():
                return OTHER_GROUP
        return OTHER_GROUP

    def _letter(self, char: str) -> str:
        if char in _ARABIC_BASE:
            return _ARABIC_BASE[char]
        base = unicodedata.normalize("NFD", char)[0]
        return base.upper() if base.upper() != base.lower() else base

    def group_order(self, groups: list[str]) -> list[str]:
        """Groups in alphabetical order, "#" last."""
        return sorted(groups, key=lambda g: (g == OTHER_GROUP, self.sort_key(g)))
