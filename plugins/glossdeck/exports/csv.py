"""`glossdeck export csv OUT.csv`: the flashcard deck as CSV for other tools (learning/deck.py): one
row per card with a stable `id` ("<slug>:<kind>"), kind, front, back, term, category, tags, url."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..learning.deck import deck_csv
from .deck_export import add_deck_arguments, load_deck, write_bytes

FORMAT = "csv"
HELP = "the flashcards as CSV (id, kind, front, back, term, category, tags, url) for other tools"


def _run(args: argparse.Namespace) -> int:
    loaded = load_deck(args)
    if loaded is None:
        return 1
    _, cards, ok = loaded
    out = Path(args.out)
    if not write_bytes(out, deck_csv(cards).encode("utf-8")):
        return 1
    print(f"{len(cards)} card(s) written to {out}")
    return 0 if ok or not args.strict else 1


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_deck_arguments(parser, "the .csv file to write")
    parser.set_defaults(run=_run)
