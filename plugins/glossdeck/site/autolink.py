"""Auto-linking: mentions of term titles and aliases in rendered HTML become links to the term.

One Aho-Corasick automaton holds every name (and its simple plurals), so each page costs one pass
over its text however many terms there are. Matches are case-insensitive, whole words, the first
mention of each term per page, never inside code, pre, headings, existing links, scripts or elements
marked `gd-nolink`, and never to the page itself.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Mapping
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
# A list entry or table row: an auto-link never goes beside an explicit link to the same term in it
ENTRY_TAGS = frozenset({"li", "tr"})
_HREF = re.compile(r"""<a\s[^>]*?href=["']([^"']*)["']""", re.IGNORECASE)
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


# Scripts written without spaces between words (Han, kana, Thai, Lao, Khmer, Myanmar, Tibetan,
# Yi): a name in them matches anywhere, and their characters are no word boundary for other names.
_UNSPACED = re.compile(
    "[\u0e00-\u0eff\u0f00-\u0fff\u1000-\u109f\u1780-\u17ff\u19e0-\u19ff\u2e80-\u2fdf"
    "\u3005-\u3007\u3021-\u3029\u3031-\u3035\u3038-\u303c\u3040-\u30ff\u31c0-\u31ff"
    "\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uf900-\ufaff\uff66-\uff9f"
    "\U00016fe0-\U00016fff\U0001b000-\U0001b16f\U00020000-\U0003134f]"
)
HYPHENS = "-\u2010\u2011"  # hyphen-minus, hyphen, non-breaking hyphen: "self-healing" is "self healing"
_SEPARATORS = re.compile("[\\s\\-\u2010\u2011]")
# "Application Programming Interface (API)": the full name and the abbreviation
_BRACKETED = re.compile(r"^(?P<full>.*\S)\s*[(\uff08](?P<short>[^()\uff08\uff09]+)[)\uff09]$")
# The suffixes a multi-word name's last word may wear in prose ("Site Reliability Engineering" ->
# "Site Reliability Engineers"): such a near-miss is not linked, but nothing shorter links inside it.
_LAST_WORD_SUFFIX = re.compile(r"(?:ings?|ers?|ed|ions?|ments?|ies|es|s)$")


def is_unspaced(char: str) -> bool:
    """True for a character of a script written without spaces between words."""
    return bool(_UNSPACED.match(char))


def _is_word(char: str) -> bool:
    """A character that continues a word of a spaced script (so a name cannot start or end next to it)."""
    return (char.isalnum() or char == "_") and not _UNSPACED.match(char)


def _is_acronym(name: str) -> bool:
    """All caps with at least two capitals (API, CI/CD, K8S): matched in this exact case only."""
    return sum(c.isupper() for c in name) >= 2 and not any(c.islower() for c in name)


def plural_forms(name: str) -> list[str]:
    """name, names, (boxes, classes), (policy -> policies): simple English plurals of the last word."""
    forms = [name]
    if not name[-1:].isalpha() or is_unspaced(name[-1]):
        return forms
    if _is_acronym(name):
        return [name, name + "s"]  # APIs
    forms.append(name + "s")
    if name.endswith(("s", "x", "z", "ch", "sh")):
        forms.append(name + "es")
    if name.endswith("y") and len(name) > 1 and name[-2] not in "aeiou":
        forms.append(name[:-1] + "ies")
    return forms


def _fold(value: str) -> str:
    """Lowercase with the same length (so match positions map back onto the original text); every
    space and hyphen becomes one space, so "self-healing" and "Self Healing" fold alike."""
    lowered = value.lower()
    if len(lowered) != len(value):
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in value)
    return _SEPARATORS.sub(" ", lowered)


def _same_case(value: str) -> str:
    return _SEPARATORS.sub(" ", value)


@dataclass(frozen=True)
class Name:
    """A name auto-linking looks for."""

    text: str
    slug: str | None  # None: a name that links nowhere but keeps shorter names from linking inside it
    exact: bool = False  # matched in this case only (acronyms)
    title: bool = False  # a title (or part of one) wins over another term's alias of the same spelling
    prefix: bool = False  # matches up to the end of the word it starts ("site reliability engineer…")


def term_names(slug: str, title: str, aliases: Iterable[str], mode: bool | str = True) -> list[Name]:
    """The names a term is linked by: its title (and a bracketed abbreviation in it), its aliases;
    acronyms in their exact case. `mode` is the term's `autolink` switch: with `"aliases"` the title
    only blocks (nothing shorter links inside it), with False every name only blocks. A multi-word
    name's last word, stripped of its ending, blocks too: nothing links inside "Site Reliability
    Engineers" when "Site Reliability Engineering" is a term."""
    names: list[Name] = []

    def add(name: str, linked: bool, is_title: bool) -> None:
        name = " ".join(name.split())
        if name:
            names.append(Name(name, slug if linked else None, _is_acronym(name), is_title))

    title_links = mode is True
    add(title, title_links, True)
    bracketed = _BRACKETED.match(title)
    if bracketed:
        add(bracketed["full"], title_links, True)
        add(bracketed["short"], title_links, True)
    for alias in aliases:
        add(alias, mode is not False, False)
    for name in list(names):
        words = _fold(name.text).split(" ")
        stem = _LAST_WORD_SUFFIX.sub("", words[-1])
        if len(words) >= 2 and len(stem) >= 4 and stem != words[-1] and not name.exact and _is_word(stem[-1]):
            names.append(Name(" ".join([*words[:-1], stem]), None, prefix=True))
    return names


def _long_enough(name: str) -> bool:
    if is_unspaced(name[0]) or is_unspaced(name[-1]):
        return len(name) >= 2
    return len(name) >= (2 if _is_acronym(name) else MIN_NAME_LENGTH)


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    slug: str | None  # None: a name that only blocks shorter ones


@dataclass(frozen=True)
class _Entry:
    """What the automaton holds for one folded spelling."""

    length: int
    slug: str | None
    check_start: bool  # the name starts with a word character of a spaced script
    check_end: bool
    prefix: bool
    exact_forms: frozenset[str]  # for acronyms: the spellings that match (case kept)


class Autolinker:
    """Built once per build from the glossary; `link_html` is then called once per page."""

    def __init__(self, names: Mapping[str, str] | Iterable[Name]) -> None:
        """`names`: `Name`s, or a mapping of name -> slug (any case, whole names)."""
        specs = [Name(k, v) for k, v in names.items()] if isinstance(names, Mapping) else list(names)
        # what the automaton matches: equal keys, equal matches (caches of mentions use it)
        self.key = hash(tuple(sorted((n.text, n.slug or "", n.exact, n.title, n.prefix) for n in specs)))
        self._automaton = ahocorasick.Automaton()
        # One entry per folded spelling. Ranked: a linked name beats a blocking one, a name's own
        # form beats another's plural, a title beats an alias, any case beats an acronym's case.
        ranked: dict[str, tuple[tuple[int, ...], _Entry]] = {}
        for spec in specs:
            text = " ".join(spec.text.split())
            if not text or not _long_enough(text):
                continue
            for form in [text] if spec.prefix else plural_forms(text):
                folded = _fold(form)
                rank = (spec.slug is not None, form == text, spec.title, not spec.exact)
                exact_forms = frozenset({_same_case(form)}) if spec.exact else frozenset()
                held = ranked.get(folded)
                if held is not None:
                    if held[0] > rank:
                        continue
                    if held[0] == rank and held[1].slug == spec.slug and spec.exact:
                        exact_forms |= held[1].exact_forms  # two acronym spellings of one term
                    elif held[0] == rank:
                        continue  # first come, first kept
                entry = _Entry(
                    len(folded),
                    spec.slug,
                    _is_word(folded[0]),
                    not spec.prefix and _is_word(folded[-1]),
                    spec.prefix,
                    exact_forms,
                )
                ranked[folded] = (tuple(int(r) for r in rank), entry)
        for folded, (_rank, entry) in ranked.items():
            self._automaton.add_word(folded, entry)
        self._empty = not ranked
        if ranked:
            self._automaton.make_automaton()

    @classmethod
    def from_glossary(cls, glossary: Glossary, exclude: Iterable[str] = ()) -> Autolinker:
        """Every term's names (see `term_names`); excluded terms' names only block shorter ones."""
        skipped = set(exclude)
        names: list[Name] = []
        for entry in glossary:
            term = entry.term
            mode = False if entry.slug in skipped else term.autolink
            names.extend(term_names(entry.slug, term.title, term.aliases, mode))
        return cls(names)

    def matches(self, value: str) -> list[Match]:
        """Whole-word, leftmost-longest, non-overlapping matches in plain text. A name never matches
        inside a hyphenated compound ("service" in "self-service"); names in scripts written
        without spaces match anywhere."""
        if self._empty or not value:
            return []
        folded = _fold(value)
        size = len(value)
        found: list[Match] = []
        entry: _Entry
        for end, entry in self._automaton.iter(folded):
            start = end - entry.length + 1
            stop = end + 1
            if entry.check_start and start > 0:
                before = value[start - 1]
                if _is_word(before) or (before in HYPHENS and start > 1 and _is_word(value[start - 2])):
                    continue
            if entry.prefix:
                while stop < size and _is_word(value[stop]):
                    stop += 1
            elif entry.check_end and stop < size:
                after = value[stop]
                if _is_word(after) or (after in HYPHENS and stop + 1 < size and _is_word(value[stop + 1])):
                    continue
            if entry.exact_forms and _same_case(value[start:stop]) not in entry.exact_forms:
                continue
            found.append(Match(start, stop, entry.slug))
        found.sort(key=lambda m: (m.start, -(m.end - m.start), m.slug is None))
        chosen: list[Match] = []
        last_end = 0
        for match in found:
            if match.start >= last_end:
                chosen.append(match)
                last_end = match.end
        return chosen

    def mentions(self, value: str) -> set[str]:
        """Slugs of every term named in a piece of text."""
        return {m.slug for m in self.matches(value) if m.slug is not None}

    def link_html(
        self,
        page_html: str,
        href_for: Callable[[str], str | None],
        *,
        self_slug: str | None = None,
        seen: set[str] | None = None,
        title_for: Callable[[str], str] | None = None,
        narrow: Callable[[str], str] = str,
        record: Callable[[str, str, str], None] | None = None,
    ) -> str:
        """Rendered HTML with the first mention of each term (not `self_slug`) turned into a link.

        `seen` carries the terms already linked on this page across several calls; `narrow` is
        applied to the text it writes (the MkDocs plugin keeps pages ASCII, see narrow_strings).
        A list entry (or table row) that links a term explicitly gets no auto-link to it beside
        that link. `record(slug, words, text)` hears of every link made (`glossdeck links`).
        """
        if self._empty:
            return page_html
        linked = seen if seen is not None else set()
        if self_slug:
            linked.add(self_slug)
        out: list[str] = []
        # open list entries: (where it ends, the hrefs it links explicitly)
        scopes: list[tuple[int, frozenset[str]]] = []
        position, size = 0, len(page_html)
        while position < size:
            found = _MARKUP.search(page_html, position)
            text_end = found.start() if found else size
            if text_end > position:
                if scopes:
                    scopes = [scope for scope in scopes if scope[0] > position]
                chunk = page_html[position:text_end]
                if chunk.isspace():
                    out.append(chunk)
                else:
                    beside = frozenset().union(*(hrefs for _, hrefs in scopes)) if scopes else frozenset()
                    out.append(self._link_text(chunk, href_for, linked, title_for, narrow, beside, record))
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
            elif name in ENTRY_TAGS:
                end = _element_end(page_html, position, name)
                hrefs = frozenset(html.unescape(h) for h in _HREF.findall(page_html, position, end))
                if hrefs:
                    scopes.append((end, hrefs))
        return "".join(out)

    def _link_text(
        self,
        raw: str,
        href_for: Callable[[str], str | None],
        linked: set[str],
        title_for: Callable[[str], str] | None,
        narrow: Callable[[str], str],
        beside: frozenset[str] = frozenset(),
        record: Callable[[str, str, str], None] | None = None,
    ) -> str:
        plain = html.unescape(raw)
        pieces: list[str] = []
        position = 0
        for match in self.matches(plain):
            slug = match.slug
            if slug is None or slug in linked:
                continue
            href = href_for(slug)
            if href is None or href in beside:
                continue
            linked.add(slug)
            words = plain[match.start : match.end]
            if record is not None:
                record(slug, words, plain)
            title = f' title="{narrow(attr(title_for(slug)))}"' if title_for else ""
            pieces.append(narrow(text(plain[position : match.start])))
            pieces.append(f'<a class="gd-autolink" href="{attr(href)}"{title}>{narrow(text(words))}</a>')
            position = match.end
        if not pieces:
            return raw  # untouched text keeps its original entities
        pieces.append(narrow(text(plain[position:])))
        return "".join(pieces)
