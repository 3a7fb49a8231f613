"""The Anki package is put together from one row per card (kept between `mkdocs serve` rebuilds),
byte for byte the package genanki writes from its own notes."""

from __future__ import annotations

import itertools
import sqlite3
from pathlib import Path

import genanki

from glossdeck.learning.anki_package import NoteRow, anki_note, anki_package, deck_id, note_row, package_zip
from glossdeck.learning.deck import DeckCard, deck_cards
from glossdeck.site.layout import Layout
from glossdeck.text.escape import text
from tests.support.terms import HOSTILE_TERM, default_terms, load_terms


def _genanki_package(cards: list[DeckCard], name: str, timestamp: float, description: str) -> bytes:
    """The package as genanki alone writes it: its Note objects, its Deck and Package."""
    deck = genanki.Deck(deck_id(name), name, text(description))
    for card in cards:
        deck.add_note(anki_note(card))
    connection = sqlite3.connect(":memory:")
    try:
        genanki.Package(deck).write_to_db(connection.cursor(), timestamp, itertools.count(int(timestamp * 1000)))
        connection.commit()
        collection = connection.serialize()
    finally:
        connection.close()
    return package_zip(collection, timestamp)


def test_the_package_from_kept_rows_is_the_package_genanki_writes(tmp_path: Path) -> None:
    glossary = load_terms(tmp_path / "terms", {**default_terms(), "hostile": HOSTILE_TERM})
    site = Layout.create('T <&> "x"', "https://example.org/g/", True).site
    cards = deck_cards(glossary, site)
    assert len(cards) >= 9
    rows = {card.key: note_row(card) for card in cards}
    made: list[str] = []

    def kept(card: DeckCard) -> NoteRow:
        made.append(card.key)
        return rows[card.key]

    for timestamp in (1_700_000_000.25, 0.0):
        expected = _genanki_package(cards, "T <&>", timestamp, "Flashcards from T <&>")
        assert anki_package(cards, "T <&>", timestamp, "Flashcards from T <&>") == expected
        made.clear()
        assert anki_package(cards, "T <&>", timestamp, "Flashcards from T <&>", kept) == expected
        assert made == [card.key for card in cards]  # each card's row asked for once
    assert anki_package([], "Empty", 1.0) == _genanki_package([], "Empty", 1.0, "")
