"""The deck readers take along: card kinds, stable ids, names hidden on the TL;DR side."""

from __future__ import annotations

from pathlib import Path

from glossdeck.learning.deck import deck_cards
from glossdeck.learning.quiz import MASK, mask_names
from glossdeck.site.layout import Layout
from tests.support.terms import default_terms, load_terms


def test_names_are_hidden_as_whole_words_with_plurals_longest_first() -> None:
    text = "SQL Injections differ from SQL injection-free code; sqlinjection and XSQL Injection stay."
    assert (
        mask_names(text, ["SQL Injection"])
        == f"{MASK} differ from {MASK}-free code; sqlinjection and XSQL Injection stay."
    )
    assert mask_names("Caches and a cache stampede", ["cache", "Cache Stampede"]) == f"{MASK} and a {MASK}"
    # names with characters that mean something in a regular expression are plain text here
    assert mask_names("Use C++ (or C) here", ["C++", "(or C)"]) == f"Use {MASK} {MASK} here"


def test_cards_per_term_with_ids_from_slug_and_kind(tmp_path: Path) -> None:
    glossary = load_terms(tmp_path / "terms", default_terms())
    site = Layout.create("T", "https://example.org/g/", True).site
    cards = deck_cards(glossary, site)
    keys = [c.key for c in cards]
    assert len(keys) == len(set(keys))
    assert "immutable-infrastructure:misconception" in keys
    assert {c.kind for c in cards if c.slug == "sql-injection"} == {"tldr-term", "term-tldr"}
    card = next(c for c in cards if c.key == "immutable-infrastructure:tldr-term")
    assert "Immutable Infrastructure" not in card.front and card.back == "Immutable Infrastructure"
    assert card.url == "https://example.org/g/terms/immutable-infrastructure/"
    assert all(" " not in tag for c in cards for tag in c.tags)
    assert [c.slug for c in deck_cards(glossary, site, ["security"])] == ["sql-injection", "sql-injection"]
