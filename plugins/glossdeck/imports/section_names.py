"""Section headings and the glossdeck block each one maps to, in English and in the languages the
CNCF glossary is translated into (its template's headings, as its translations write them), so a
translated glossary maps like the English one. `--section "HEADING=BLOCK"` adds more."""

from __future__ import annotations

import re
import unicodedata

# the blocks a section can go to; "intro" gives the TL;DR, "part" goes into the explanation under
# its own heading
SECTION_BLOCKS = (
    "intro",
    "explanation",
    "part",
    "why_it_matters",
    "misconception",
    "mistakes",
    "quick_fix",
    "related",
    "sources",
    "diagram",
    "code_examples",
)

_ANCHOR = re.compile(r"\s*\{\s*#([^}\s]+)[^}]*\}\s*$")
# Arabic-script letters written two ways (Arabic and Persian/Urdu yeh and kaf) read as one
_SAME_LETTER = str.maketrans({"\u064a": "\u06cc", "\u0643": "\u06a9", "\u0649": "\u06cc"})


def heading_key(heading: str) -> str:
    """A heading compared loosely: Unicode-normalised, case-folded, no punctuation or heading id."""
    text = _ANCHOR.sub("", heading)
    text = unicodedata.normalize("NFKC", text).casefold().translate(_SAME_LETTER)
    return " ".join(re.sub(r"[^\w\s]|_", " ", text).split())


def heading_anchor(heading: str) -> str | None:
    """The id a heading gives itself (`## Title {#problem-it-addresses}`), as words."""
    match = _ANCHOR.search(heading)
    return match.group(1).replace("-", " ").replace("_", " ") if match else None


_NAMES: dict[str, tuple[str, ...]] = {
    "intro": (
        "what it is",
        "what is it",
        "definition",
        "summary",
        "overview",
        "tldr",
        "tl dr",
        "in short",
        "是什么",
        "是什麼",
        "cos'è",
        "che cos'è",
        "یہ کیا ہے",
        "यह क्या है",
        "개념",
        "qué es",
        "was es ist",
        "o que é",
        "что это",
    ),
    "explanation": ("explanation", "description", "details", "in depth", "more"),
    "part": (
        "how it helps",
        "how it works",
        "how to use it",
        "usage",
        "background",
        "history",
        "如何帮助",
        "如何幫助我們",
        "如何幫助",
        "এটা কিভাবে সাহায্য করে",
        "এটি কিভাবে সাহায্য করে",
        "wie es das problem löst",
        "¿cómo ayuda?",
        "cómo ayuda",
        "quelle en est l'utilité",
        "in che modo aiuta",
        "どのように役に立つのでしょうか",
        "como isso ajuda",
        "como ajuda",
        "как именно решает проблему",
        "nasıl yardımcı olur",
        "lợi ích mang lại",
        "lợi ích mà nó mang lại",
        "یہ کس طرح مدد کرتا ہے",
        "समाधान",
        "यह कैसे मदद करता है",
        "문제 해결 방식",
    ),
    "why_it_matters": (
        "why it matters",
        "why does it matter",
        "problem it addresses",
        "the problem",
        "problem",
        "motivation",
        "解决的问题",
        "解決的問題",
        "এটা যেসব সমস্যাতে দৃষ্টিপাত করে",
        "এটি যেই সমস্যাটি নির্দেশ করে",
        "welches problem es löst",
        "problema que aborda",
        "problemas que aborda",
        "problème auquel il répond",
        "problème auquel cela répond",
        "quali problematiche affronta",
        "解決すべき問題はなんですか",
        "解決すべき問題は何ですか",
        "problema relacionado",
        "какую проблему решает",
        "hangi sorunları çözer",
        "vấn đề nó giải quyết",
        "vấn đề mà nó giải quyết",
        "یہ کیا مسئلہ حل کرتا ہے",
        "समस्या",
        "다루는 문제",
    ),
    "misconception": ("misconception", "common misconception", "misconceptions", "myth", "myths"),
    "mistakes": (
        "mistakes",
        "common mistakes",
        "pitfalls",
        "common pitfalls",
        "anti-patterns",
        "antipatterns",
        "gotchas",
    ),
    "quick_fix": ("quick fix", "the fix", "fix", "how to fix it", "how to fix", "remedy"),
    "related": (
        "related terms",
        "related",
        "see also",
        "related concepts",
        "相关词汇",
        "相关术语",
        "相關術語",
        "সম্পর্কিত পদ",
        "términos relacionados",
        "termes liés",
        "termini correlati",
        "関連する用語はありますか",
        "termos relacionados",
        "связанные термины",
        "ilgili terimler",
        "thuật ngữ liên quan",
        "관련 용어",
        "verwandte begriffe",
    ),
    "sources": ("sources", "references", "further reading", "learn more", "external links", "resources"),
    "diagram": ("diagram",),
    "code_examples": ("example", "examples", "code example", "code examples", "code"),
}

SECTION_NAMES: dict[str, str] = {heading_key(name): block for block, names in _NAMES.items() for name in names}


def with_sections(specs: list[str]) -> dict[str, str]:
    """SECTION_NAMES plus `--section "HEADING=BLOCK"` values (ValueError naming a wrong one)."""
    names = dict(SECTION_NAMES)
    for spec in specs:
        heading, sep, block = spec.rpartition("=")
        block = block.strip()
        if not sep or not heading.strip():
            raise ValueError(f"--section {spec!r}: give HEADING=BLOCK")
        if block not in SECTION_BLOCKS:
            raise ValueError(f"--section {spec!r}: no block '{block}'; blocks: {', '.join(SECTION_BLOCKS)}")
        names[heading_key(heading)] = block
    return names
