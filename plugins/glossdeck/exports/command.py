"""`glossdeck export FORMAT OUT`: the glossary for generators that run no MkDocs plugin.

- `markdown`: the pages as plain Markdown files (also spelled `export-markdown`);
- `zensical`: a Zensical project, zensical.toml and docs/ (see zensical.py);
- `skos`: a SKOS concept scheme, Turtle or JSON-LD (skos.py);
- `tbx`: a TBX-Basic termbase (tbx.py).
"""

from __future__ import annotations

import argparse
from typing import Any

from . import markdown as export_markdown
from . import skos as export_skos
from . import tbx as export_tbx
from . import zensical as export_zensical


def register(sub: argparse._SubParsersAction[Any]) -> None:
    parser = sub.add_parser("export", help="write the glossary for another site generator: export FORMAT OUT")
    formats = parser.add_subparsers(dest="format", metavar="FORMAT", required=True, parser_class=type(parser))
    export_markdown.add_arguments(
        formats.add_parser("markdown", help="the site's pages as plain Markdown files in OUT")
    )
    export_zensical.add_arguments(
        formats.add_parser(
            "zensical", help="a Zensical project in OUT (zensical.toml and docs/): then `zensical build`"
        )
    )
    export_skos.add_arguments(
        formats.add_parser("skos", help="a SKOS concept scheme in OUT: Turtle for .ttl, JSON-LD for .jsonld/.json")
    )
    export_tbx.add_arguments(
        formats.add_parser("tbx", help="a TBX-Basic termbase in OUT (.tbx), for translation tools")
    )
