"""An Anki package (.apkg) of the deck, written with genanki (a zip holding a SQLite collection).

Each card is one note of glossdeck's note type (fields Front, Back, Term, Source; one card template).
A note's guid, which Anki matches on import to update a note instead of adding a duplicate, is
genanki's `guid_for` of the card's term slug and kind: stable across exports and text edits. The note
type's and the deck's ids are fixed numbers (the deck's from its name), so importing again updates
the same deck and note type. Every text is HTML-escaped here: Anki renders fields as HTML.
"""

from __future__ import annotations

import hashlib
import io
import itertools
import json
import sqlite3
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

import genanki

from ..text.escape import attr, text
from .deck import DeckCard

# Fixed: changing them would make Anki import a second note type / deck.
NOTE_TYPE_ID = 1_607_392_319
DECK_ID_SPACE = 1 << 30

CARD_CSS = """.card { font-family: system-ui, sans-serif; font-size: 20px; line-height: 1.45;
  max-width: 40em; margin: 0 auto; text-align: left; color: black; background-color: white; }
.nightMode.card, .night_mode .card { color: #eee; background-color: #222; }
.gd-kind { font-size: .7em; opacity: .7; }
.gd-source { font-size: .75em; }"""

NOTE_TYPE = genanki.Model(
    NOTE_TYPE_ID,
    "glossdeck card",
    fields=[{"name": "Front"}, {"name": "Back"}, {"name": "Term"}, {"name": "Source"}],
    templates=[
        {
            "name": "Card",
            "qfmt": "{{Front}}",
            "afmt": '{{FrontSide}}<hr id="answer">{{Back}}{{#Source}}<p class="gd-source">{{Source}}</p>{{/Source}}',
        }
    ],
    css=CARD_CSS,
    sort_field_index=2,
)


def note_guid(card: DeckCard) -> str:
    return str(genanki.guid_for(card.slug, card.kind))


def deck_id(name: str) -> int:
    return DECK_ID_SPACE + int.from_bytes(hashlib.sha256(name.encode("utf-8")).digest()[:4], "big") % DECK_ID_SPACE


class _Note(genanki.Note):  # type: ignore[misc]  # genanki is untyped
    """A note of NOTE_TYPE: its one template's Front is never empty, so it has exactly one card
    (genanki works that out by rendering the template for every note: seconds for thousands)."""

    @property
    def cards(self) -> list[genanki.Card]:
        return [genanki.Card(0)]


def anki_note(card: DeckCard) -> genanki.Note:
    front = f'<p class="gd-kind">{text(card.label)}</p><p>{text(card.front)}</p>'
    back = f"<p>{text(card.back)}</p>"
    source = f'<a href="{attr(card.url)}">{text(card.title)}</a>' if card.url else ""
    return _Note(
        model=NOTE_TYPE, fields=[front, back, text(card.title), source], tags=list(card.tags), guid=note_guid(card)
    )


@dataclass(frozen=True)
class NoteRow:
    """What the collection holds of one card's note, less the ids and time each package gives it:
    the values genanki's `Note.write_to_db` inserts (tests/unit/learning/test_anki_package.py
    checks the package is byte for byte the one genanki writes from `anki_note`)."""

    guid: str
    tags: str  # " tag tag "
    fields: str  # joined by U+001F
    sort_field: str


def note_row(card: DeckCard) -> NoteRow:
    note = anki_note(card)  # genanki's Note checks the tags (no spaces)
    return NoteRow(note.guid, " " + " ".join(note.tags) + " ", "\x1f".join(note.fields), note.sort_field)


NOTE_INSERT = "INSERT INTO notes VALUES(?,?,?,?,?,?,?,?,?,?,?);"
CARD_INSERT = "INSERT INTO cards VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?);"


def anki_package(
    cards: list[DeckCard],
    deck_name: str,
    timestamp: float,
    description: str = "",
    row_for: Callable[[DeckCard], NoteRow] | None = None,
) -> bytes:
    """The .apkg bytes. `timestamp` (seconds) becomes the notes' modification time and the base of
    their row ids, so the same cards and timestamp give the same file.

    genanki fills the collection (its schema, note type and deck); each card's note and card rows
    are inserted here as genanki's Note and Card would insert them, from a `NoteRow` made once per
    card (`row_for`, default note_row: `mkdocs serve` passes one that keeps the rows of unchanged
    cards, so an edit makes its term's rows only, and the package costs SQLite's inserts and the
    zip). The database is kept in memory and zipped here, as genanki's own writer would, with the
    members dated `timestamp` (genanki's writer goes through temporary files, several times slower
    for thousands of notes, and dates the members with the moment of writing)."""
    deck = genanki.Deck(deck_id(deck_name), deck_name, text(description))
    if cards:  # genanki lists the note types of the deck's notes
        deck.add_model(NOTE_TYPE)
    make = row_for or note_row
    connection = sqlite3.connect(":memory:")
    try:
        cursor = connection.cursor()
        ids = itertools.count(int(timestamp * 1000))
        genanki.Package(deck).write_to_db(cursor, timestamp, ids)
        mod, did = int(timestamp), deck.deck_id
        for card in cards:
            row = make(card)
            note_id = next(ids)
            cursor.execute(
                NOTE_INSERT, (note_id, row.guid, NOTE_TYPE_ID, mod, -1, row.tags, row.fields, row.sort_field, 0, 0, "")
            )
            cursor.execute(CARD_INSERT, (next(ids), note_id, did, 0, mod, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, ""))
        connection.commit()
        collection = connection.serialize()
    finally:
        connection.close()
    return package_zip(collection, timestamp)


def package_zip(collection: bytes, timestamp: float) -> bytes:
    """The .apkg around a collection database: its members dated `timestamp`."""
    when = time.gmtime(max(timestamp, 315_532_800))[:6]  # zip dates start in 1980
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        # level 1: a third of the time of the default for a few per cent more bytes (rebuilt on every
        # edit under `mkdocs serve`)
        for name, data in (("collection.anki2", collection), ("media", json.dumps({}).encode())):
            archive.writestr(zipfile.ZipInfo(name, date_time=when), data, zipfile.ZIP_DEFLATED, compresslevel=1)
    return out.getvalue()
