"""Auto-linking: mentions of term titles and aliases in rendered HTML become links to the term.

One Aho-Corasick automaton holds every name (and its simple plurals), so each page costs one pass
over its text however many terms there are. Matches are case-insensitive, whole words, the first
mention of each term per page, never inside code, pre, headings, existing links, scripts or elements
marked `gd-nolink`, and never to the page itself.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import ahocorasick  # pyahocorasick: linear-time multi-pattern matching for thousands of names

from ..core.glossary import Glossary
from ..text.escape import attr, text

SKIP_TAGS = frozenset(
    {
        "a",
        "code",
        "pre",
        "kbd",
        "samp",
        "script",
        "style",
        "textarea",
        "svg",
        "math",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "button",
        "select",
        "option",
        "label",
        "title",
        "head",
        "template",
        "noscript",
    }
)
VOID_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
)
NOLINK_MARKER = "gd-nolink"  # as a class, or in a data-gd-nolink attribute
MIN_NAME_LENGTH = 3

# A comment, a declaration, an opening tag (name and the rest captured) or any other tag.
_MARKUP = re.compile(r"<!--.*?-->|<![^>]*>|<([A-Za-z][\w:-]*)([^>]*)>|<[^>]*>", re.DOTALL)
_SPACE = re.compile(r"\s")


RAW_TEXT_TAGS = frozenset({"script", "style", "textarea", "title"})  # end at the first </name>


def _tag_pattern(name: str) -> re.Pattern[str]:
    return re.compile(rf"<(/?){re.escape(name)}(?=[\s/>])[^>]*>", re.IGNORECASE)


def _element_end(page_html: str, start: int, name: str) -> int:
    """Index just past the close tag matching an element opened before `start` (nested elements
    of the same name counted); the end of the page when it is never closed."""
    pattern = _tag_pattern(name)
    depth = 1
    for found in pattern.finditer(page_html, start):
        if found.group(1):
            depth -= 1
            if depth == 0 or name in RAW_TEXT_TAGS:
                return found.end()
        elif not found.group().endswith("/>"):
            depth += 1
    return len(page_html)


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def plural_forms(name: str) -> list[str]:
    """name, names, (boxes, classes), (policy -> policies): simple English plurals of the last word."""
    forms = [name]
    if not name[-1:].isalpha():
        return forms
    forms.append(name + "s")
    if name.endswith(("s", "x", "z", "ch", "sh")):
        forms.append(name + "es")
    if name.endswith("y") and len(name) > 1 and name[-2] not in "aeiou":
        forms.append(name[:-1] + "ies")
    return forms


def _fold(value: str) -> str:
    """Lowercase with the same length (so match positions map back onto the original text)."""
    lowered = value.lower()
    if len(lowered) == len(value):
        return _SPACE.sub(" ", lowered)
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in _SPACE.sub(" ", value))


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    slug: str


class Autolinker:
    """Built once per build from the glossary; `link_html` is then called once per page."""

    def __init__(self, names: dict[str, str]) -> None:
        """`names`: lowercased name -> slug."""
        # what the automaton matches: equal keys, equal matches (caches of mentions use it)
        self.key = hash(tuple(sorted(names.items())))
        self._automaton = ahocorasick.Automaton()
        self._empty = True
        for name, slug in names.items():
            name = " ".join(name.split())
            if len(name) < MIN_NAME_LENGTH:
                continue
            for form in plural_forms(name):
                # a title's exact form wins over another term's plural of the same spelling
                if form not in self._automaton or form == name:
                    self._automaton.add_word(form, (len(form), slug, form[:1], form[-1:]))
                    self._empty = False
        if not self._empty:
            self._automaton.make_automaton()

    @classmethod
    def from_glossary(cls, glossary: Glossary, exclude: Iterable[str] = ()) -> Autolinker:
        skipped = set(exclude)
        names: dict[str, str] = {}
        for entry in glossary:  # aliases first, so titles overwrite a clashing alias
            if entry.slug not in skipped:
                for alias in entry.term.aliases:
                    names.setdefault(alias.lower(), entry.slug)
        for entry in glossary:
            if entry.slug not in skipped:
                names[entry.term.title.lower()] = entry.slug
        return cls(names)

    def matches(self, value: str) -> list[Match]:
        """Whole-word, leftmost-longest, non-overlapping matches in plain text."""
        if self._empty or not value:
            return []
        folded = _fold(value)
        found: list[Match] = []
        for end, (length, slug, first, last) in self._automaton.iter(folded):
            start = end - length + 1
            if _is_word(first) and start > 0 and _is_word(folded[start - 1]):
                continue
            if _is_word(last) and end + 1 < len(folded) and _is_word(folded[end + 1]):
                continue
            found.append(Match(start, end + 1, slug))
        found.sort(key=lambda m: (m.start, -(m.end - m.start)))
        chosen: list[Match] = []
        last_end = 0
        for match in found:
            if match.start >= last_end:
                chosen.append(match)
                last_end = match.end
        return chosen

    def mentions(self, value: str) -> set[str]:
        """Slugs of every term named in a piece of text."""
        return {m.slug for m in self.matches(value)}

    def link_html(
        self,
        page_html: str,
        href_for: Callable[[str], str | None],
        *,
        self_slug: str | None = None,
        seen: set[str] | None = None,
        title_for: Callable[[str], str] | None = None,
        narrow: Callable[[str], str] = str,
    ) -> str:
        """Rendered HTML with the first mention of each term (not `self_slug`) turned into a link.

        `seen` carries the terms already linked on this page across several calls; `narrow` is
        applied to the text it writes (the MkDocs plugin keeps pages ASCII, see narrow_strings).
        """
        if self._empty:
            return page_html
        linked = seen if seen is not None else set()
        if self_slug:
            linked.add(self_slug)
        out: list[str] = []
        position, size = 0, len(page_html)
        while position < size:
            found = _MARKUP.search(page_html, position)
            text_end = found.start() if found else size
            if text_end > position:
                chunk = page_html[position:text_end]
                out.append(chunk if chunk.isspace() else self._link_text(chunk, href_for, linked, title_for, narrow))
            if found is None:
                break
            out.append(found.group())
            position = found.end()
            name, rest = found.group(1), found.group(2)
            if name is None:  # a closing tag, comment or declaration
                continue
            name = name.lower()
            if (name in SKIP_TAGS or NOLINK_MARKER in rest) and name not in VOID_TAGS and not rest.endswith("/"):
                # Jump over the whole element: nothing inside is linked, and highlighted code, SVG
                # charts and marked blocks hold most of a page's tags.
                end = _element_end(page_html, position, name)
                out.append(page_html[position:end])
                position = end
        return "".join(out)

    def _link_text(
        self,
        raw: str,
        href_for: Callable[[str], str | None],
        linked: set[str],
        title_for: Callable[[str], str] | None,
        narrow: Callable[[str], str],
    ) -> str:
        plain = html.unescape(raw)
        pieces: list[str] = []
        position = 0
        for match in self.matches(plain):
            if match.slug in linked:
                continue
            href = href_for(match.slug)
            if href is None:
                continue
            linked.add(match.slug)
            title = f' title="{narrow(attr(title_for(match.slug)))}"' if title_for else ""
            pieces.append(narrow(text(plain[position : match.start])))
            pieces.append(
                f'<a class="gd-autolink" href="{attr(href)}"{title}>{narrow(text(plain[match.start : match.end]))}</a>'
            )
            position = match.end
        if not pieces:
            return raw  # untouched text keeps its original entities
        pieces.append(narrow(text(plain[position:])))
        return "".join(pieces)
