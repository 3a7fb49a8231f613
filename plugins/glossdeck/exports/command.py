"""`glossdeck export FORMAT OUT [options]`: one command shape for every export format.

Each format is one module of this package with `FORMAT` (its name on the command line), `HELP` and
`add_arguments(parser)` (which sets `run`); add a format by writing its module and naming it in
FORMAT_MODULES. Today:

- `markdown`: the pages as plain Markdown files (also spelled `export-markdown`);
- `zensical`: a Zensical project, zensical.toml and docs/ (see zensical.py);
- `anki`: the flashcards as an Anki package (anki.py);
- `csv`: the flashcards as CSV (csv.py);
- `skos`: a SKOS concept scheme, Turtle or JSON-LD (skos.py);
- `tbx`: a TBX-Basic termbase (tbx.py).
"""

from __future__ import annotations

import argparse
import importlib
from typing import Any

FORMAT_MODULES: tuple[str, ...] = ("markdown", "zensical", "anki", "csv", "skos", "tbx")


def register(sub: argparse._SubParsersAction[Any]) -> None:
    parser = sub.add_parser("export", help="write the glossary in another format: export FORMAT OUT")
    formats = parser.add_subparsers(dest="format", metavar="FORMAT", required=True, parser_class=type(parser))
    for name in FORMAT_MODULES:
        module = importlib.import_module(f"{__package__}.{name}")
        module.add_arguments(formats.add_parser(module.FORMAT, help=module.HELP))
