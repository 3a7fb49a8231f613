"""`glossdeck export anki OUT.apkg`: the flashcard deck as an Anki package (learning/anki_package.py).

Importing a newer export into Anki updates the notes of the one before (same guids), so readers can
follow an edited glossary without duplicates or lost review history."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..learning.anki_package import anki_package
from ..learning.deck import deck_timestamp
from .deck_export import add_deck_arguments, load_deck, write_bytes

FORMAT = "anki"
HELP = "the flashcards as an Anki deck (.apkg): TL;DR -> term, term -> TL;DR, misconception true/false"


def _run(args: argparse.Namespace) -> int:
    loaded = load_deck(args)
    if loaded is None:
        return 1
    glossary, cards, ok = loaded
    out = Path(args.out)
    name = args.deck_name or args.site_name
    data = anki_package(
        cards, name, deck_timestamp(glossary, (c.slug for c in cards)), f"Flashcards from {args.site_name}"
    )
    if not write_bytes(out, data):
        return 1
    notes = len(cards)
    terms = len({c.slug for c in cards})
    print(f"{notes} note(s) for {terms} term(s) written to {out} (deck “{name}”); import it in Anki: File > Import")
    return 0 if ok or not args.strict else 1


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_deck_arguments(parser, "the .apkg file to write")
    parser.add_argument("--deck-name", default=None, help="the deck's name in Anki (default: the site name)")
    parser.set_defaults(run=_run)
