"""Term links in prose: `[[slug]]` (shows the term's title) and `[[slug|link text]]`.

The one definition of the syntax: prose rendering (`text/prose.py`), plain text (`text/plain_text.py`),
the checks (unknown slugs, located) and the Wanted terms page all find links with `find_term_links`.
Links inside code spans and fenced code blocks are code, not links.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .model import Term

TERM_LINK = re.compile(r"\[\[([^\[\]|\n]+?)(?:\|([^\[\]\n]*?))?\]\]")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,}).*?(?:^ {0,3}\1[`~]*[ \t]*$|\Z)", re.MULTILINE | re.DOTALL)
_CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1", re.DOTALL)


def normalize_slug(raw: str) -> str:
    """The slug a link names: trimmed, NFC, lowercase (`[[ Pod ]]` links `pod`)."""
    return unicodedata.normalize("NFC", raw.strip()).lower()


@dataclass(frozen=True)
class TermLink:
    start: int  # offsets in the prose text
    end: int
    slug: str
    text: str | None  # the link text, or None for the term's title


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match.group())


def without_code(prose: str) -> str:
    """The prose with code blocks and code spans blanked out, every offset kept."""
    return _CODE_SPAN.sub(_blank, _FENCE.sub(_blank, prose))


def find_term_links(prose: str) -> list[TermLink]:
    """Every term link in a piece of prose, in order (not those in code)."""
    if "[[" not in prose:
        return []
    visible = without_code(prose)
    links = []
    for found in TERM_LINK.finditer(visible):
        text = found.group(2)
        slug = normalize_slug(found.group(1))
        if slug:
            links.append(TermLink(found.start(), found.end(), slug, text.strip() or None if text else None))
    return links


def prose_fields(term: Term) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """(path in the file, text) of every prose field of a term, in page order."""
    yield ("tldr",), term.tldr
    if term.explanation:
        yield ("explanation",), term.explanation
    if term.misconception:
        yield ("misconception", "belief"), term.misconception.belief
        yield ("misconception", "correction"), term.misconception.correction
    if term.why_it_matters:
        yield ("why_it_matters",), term.why_it_matters
    for i, mistake in enumerate(term.mistakes):
        yield ("mistakes", i), mistake
    for i, example in enumerate(term.code_examples):
        if example.caption:
            yield ("code_examples", i, "caption"), example.caption
    if term.quick_fix:
        yield ("quick_fix",), term.quick_fix


def scan_linked_slugs(term: Term) -> list[str]:
    """The slugs a term's prose links, in order, once each, found by reading every prose field."""
    return list(dict.fromkeys(link.slug for _, value in prose_fields(term) for link in find_term_links(value)))


def linked_slugs(term: Term) -> list[str]:
    """The slugs a term's prose links, in order, once each (read once per term: `Term.prose_links`)."""
    return list(term.prose_links)


def flow_sequence_link(value: Any) -> str | None:
    """`tldr: [[pod]] ...` is YAML for a list: the term link it was meant to be, if it looks like one."""
    if isinstance(value, list) and len(value) == 1 and isinstance(value[0], list) and len(value[0]) == 1:
        inner = value[0][0]
        if isinstance(inner, str) and "\n" not in inner:
            return f"[[{inner}]]"
    return None
