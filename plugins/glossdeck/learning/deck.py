"""The flashcard deck readers take along: the cards, their stable ids, and the CSV form.

Three kinds of card per term, the same the site's flashcards ask: `tldr-term` (the TL;DR with the
term's names hidden -> the term), `term-tldr` (the term -> its TL;DR) and, where the term has one,
`misconception` (true or false? the common belief -> false, and the correction). A card is named by
its term's slug and its kind only (`DeckCard.key`), never by its text, so an edited term keeps its
cards in Anki (see anki_package.py) and in any tool that reads the CSV's `id` column.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from ..core.glossary import Glossary
from ..core.loading import LoadedTerm
from ..features import SiteInfo
from ..text.plain_text import markdown_paragraphs_to_plain as plain_text
from .quiz import mask_names

CardKind = Literal["tldr-term", "term-tldr", "misconception"]
KINDS: tuple[CardKind, ...] = ("tldr-term", "term-tldr", "misconception")
KIND_LABELS: dict[CardKind, str] = {  # catalog keys
    "tldr-term": "deck.which_term",
    "term-tldr": "deck.what_is_it",
    "misconception": "deck.true_or_false",
}


@dataclass(frozen=True)
class DeckCard:
    slug: str
    kind: CardKind
    front: str  # plain text (escaped where it lands)
    back: str
    title: str
    category: str  # the category's title
    tags: tuple[str, ...]  # Anki-safe: no spaces
    url: str | None  # the term page's absolute address, when the site has one
    label: str = ""  # what the card asks, in the site's language ("Which term is this?")

    @property
    def key(self) -> str:
        """The card's stable id: "<slug>:<kind>"."""
        return f"{self.slug}:{self.kind}"


def _tag(value: str) -> str:
    return re.sub(r"\s+", "-", value.strip())


def term_cards(entry: LoadedTerm, site: SiteInfo, record: Mapping[str, Any] | None = None) -> list[DeckCard]:
    """One term's cards. `record`: its record in the learning data (data.py), whose plain-text
    TL;DR and misconception are used instead of rendering the Markdown again."""
    term = entry.term
    tldr = record["tldr"] if record else plain_text(term.tldr)
    category = site.category_title(term.category)
    labels = ["glossdeck", term.category, term.level or "", *term.tags]
    tags = tuple(dict.fromkeys(_tag(t) for t in labels if t.strip()))
    url = site.absolute(site.term_url(entry.slug))
    sides: list[tuple[CardKind, str, str]] = [
        ("tldr-term", mask_names(tldr, [term.title, *term.aliases]), term.title),
        ("term-tldr", term.title, tldr),
    ]
    if term.misconception:
        known = record.get("misconception") if record else None
        belief = known["belief"] if known else plain_text(term.misconception.belief)
        correction = known["correction"] if known else plain_text(term.misconception.correction)
        t = site.messages
        sides.append(
            ("misconception", t("deck.statement", belief=belief), t("deck.false_because", correction=correction))
        )
    return [
        DeckCard(entry.slug, kind, front, back, term.title, category, tags, url, site.messages(KIND_LABELS[kind]))
        for kind, front, back in sides
    ]


def deck_cards(glossary: Glossary, site: SiteInfo, categories: Iterable[str] = ()) -> list[DeckCard]:
    """Every card of the glossary (or of the given category ids), term by term in slug order."""
    wanted = set(categories)
    return [c for e in glossary if not wanted or e.term.category in wanted for c in term_cards(e, site)]


def unknown_categories(glossary: Glossary, categories: Iterable[str]) -> list[str]:
    return [c for c in categories if c not in glossary.categories]


def deck_timestamp(glossary: Glossary, slugs: Iterable[str]) -> float:
    """The time the deck's notes carry: that of the newest term file they come from. Two exports of
    unchanged files are the same bytes (same note ids); an edited term makes a newer deck, which
    Anki takes over on import. 0 when no file can be read (terms given in memory)."""
    newest = 0.0
    for slug in dict.fromkeys(slugs):
        try:
            newest = max(newest, os.stat(glossary.entries[slug].file).st_mtime)
        except OSError:
            continue
    return newest


CSV_COLUMNS = ("id", "kind", "front", "back", "term", "category", "tags", "url")


def _csv_line(values: Iterable[str]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow(values)
    return out.getvalue()


def csv_row(card: DeckCard) -> str:
    """One card's line of the CSV, its line end included."""
    c = card
    return _csv_line([c.key, c.kind, c.front, c.back, c.title, c.category, " ".join(c.tags), c.url or ""])


def deck_csv(cards: list[DeckCard], row_for: Callable[[DeckCard], str] = csv_row) -> str:
    """The cards as CSV (RFC 4180, a header row, UTF-8 text): one row per card, `id` stable.
    `row_for` makes each card's line (`mkdocs serve` passes one that keeps those of unchanged cards)."""
    return _csv_line(CSV_COLUMNS) + "".join(row_for(c) for c in cards)
