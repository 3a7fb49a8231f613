"""`glossdeck export FORMAT OUT`: the glossary for generators that run no MkDocs plugin.

- `markdown`: the pages as plain Markdown files (also spelled `export-markdown`);
- `zensical`: a Zensical project, zensical.toml and docs/ (see zensical.py).
"""

from __future__ import annotations

import argparse
from typing import Any

from . import markdown as export_markdown
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
