"""What the deck formats (anki.py, csv.py) share: their options and loading the cards."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..core.checks import load_glossary
from ..core.glossary import Glossary
from ..core.problems import GlossdeckError
from ..core.rubric import load_rubric
from ..features import load_features
from ..learning.deck import DeckCard, deck_cards, unknown_categories
from ..site.layout import Layout


def add_deck_arguments(parser: argparse.ArgumentParser, out_help: str) -> None:
    parser.add_argument("out", metavar="OUT", help=out_help)
    parser.add_argument("--terms", nargs="+", default=["terms"], help="term files or folders (default: terms/)")
    parser.add_argument(
        "--category",
        action="append",
        default=[],
        metavar="ID",
        help="only the terms of this category (its id, as in the term files); repeat for several",
    )
    parser.add_argument("--site-name", default="Glossary", help="the deck's name (default: Glossary)")
    parser.add_argument("--site-url", default=None, help="the site's address: each card links to its term page")
    parser.add_argument("--url-prefix", default="", help="folder the site's pages go under, e.g. glossary")
    parser.add_argument("--rubric", default=None, help="a DEBT rubric YAML file replacing the shipped one")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a term has errors")


def load_deck(args: argparse.Namespace) -> tuple[Glossary, list[DeckCard], bool] | None:
    """The glossary and its cards (problems printed), or None after a message when nothing can be
    exported (no terms, an unknown category)."""
    try:
        registered = load_features()
        glossary, problems = load_glossary(
            [Path(p) for p in args.terms],
            load_rubric(args.rubric) if args.rubric else None,
            checks=[f.check for f in registered],
        )
    except GlossdeckError as exc:
        print(str(exc), file=sys.stderr)
        return None
    for problem in problems.sorted():
        print(problem.format(), file=sys.stderr)
    unknown = unknown_categories(glossary, args.category)
    if unknown:
        known = ", ".join(sorted(glossary.categories)) or "none"
        print(f"glossdeck: error: no category {', '.join(unknown)} (categories: {known})", file=sys.stderr)
        return None
    site = Layout.create(args.site_name, args.site_url, True, args.url_prefix).site
    cards = deck_cards(glossary, site, args.category)
    if not cards:
        print("glossdeck: error: no terms to make cards from", file=sys.stderr)
        return None
    return glossary, cards, not problems.errors


def write_bytes(out: Path, data: bytes) -> bool:
    try:
        if out.parent != Path():
            out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(data)
    except OSError as exc:
        print(f"glossdeck: error: cannot write {out}: {exc.strerror}", file=sys.stderr)
        return False
    return True
