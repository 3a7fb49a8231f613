"""`glossdeck import FORMAT SOURCE --out terms/`: read, convert, validate, then write every file or
none; print what was skipped, defaulted or not mapped, each with the source file and line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..core.checks import load_glossary
from ..core.loading import display_path
from ..core.problems import GlossdeckError
from . import kubernetes
from .abbreviations import read_abbreviations
from .convert import Options, convert
from .csv_table import CsvOptions, read_csv
from .docusaurus import read_docusaurus
from .hugo import read_hugo
from .report import Kind, Report
from .section_names import SECTION_BLOCKS, with_sections
from .source_term import SourceTerm
from .writing import prepare, write_files

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2

FORMATS: dict[str, str] = {
    "hugo": "Hugo/Docsy pages, one term per Markdown file with YAML or TOML front matter (a folder or a file)",
    "kubernetes": "the Kubernetes glossary: content/en/docs/reference/glossary/*.md",
    "docusaurus": "glossary.json of docusaurus-plugin-glossary",
    "abbreviations": "Markdown abbreviations, *[TERM]: definition (Material's includes/abbreviations.md)",
    "csv": "a CSV table with a header row; --map FIELD=COLUMN,...",
}
DEFAULT_CATEGORIES = {"kubernetes": "kubernetes", "abbreviations": "abbreviations"}


def read_source(fmt: str, args: argparse.Namespace, report: Report) -> list[SourceTerm]:
    source = Path(args.source)
    readers: dict[str, Callable[[], list[SourceTerm]]] = {
        "hugo": lambda: read_hugo(source, report, args.accept_status or []),
        "kubernetes": lambda: kubernetes.read_kubernetes(source, report, args.base_url),
        "docusaurus": lambda: read_docusaurus(source, report),
        "abbreviations": lambda: read_abbreviations(source, report),
        "csv": lambda: read_csv(source, report, CsvOptions(args.map or [], args.delimiter, args.list_separator)),
    }
    return readers[fmt]()


def _existing_names(out: Path) -> dict[str, str]:
    """Names (slug, title, aliases; lowercased) of the terms already in --out, for links to them."""
    if not out.is_dir():
        return {}
    glossary, _ = load_glossary([out])
    names: dict[str, str] = {}
    for entry in glossary:
        for name in (entry.slug, entry.term.title, *entry.term.aliases):
            names.setdefault(name.casefold(), entry.slug)
    return names


def run_import(args: argparse.Namespace) -> int:
    fmt = args.format
    out = Path(args.out)
    report = Report()
    try:
        with_sections(args.section or [])
    except ValueError as exc:
        print(f"glossdeck: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    try:
        entries = read_source(fmt, args, report)
        base_url = args.base_url or (kubernetes.BASE_URL if fmt == "kubernetes" else None)
        options = Options(
            category=args.category,
            default_category=DEFAULT_CATEGORIES.get(fmt, "general"),
            base_url=base_url.rstrip("/") + "/" if base_url else None,
            existing=_existing_names(out),
            key_url=kubernetes.glossary_url(args.base_url) if fmt == "kubernetes" else None,
            section_names=with_sections(args.section or []),
        )
        converted = convert(entries, options, report)
        files = prepare(converted, out, f"{fmt} {args.source}", force=args.force, report=report)
        written = [] if args.dry_run else write_files(files, force=args.force)
    except OSError as exc:  # e.g. a folder that cannot be listed
        where = exc.filename or args.source
        print(f"{where}: error: {exc.strerror or exc}; nothing written", file=sys.stderr)
        return EXIT_PROBLEMS
    except GlossdeckError as exc:
        for note in report.all():
            print(note.format(), file=sys.stderr)
        for problem in sorted(exc.problems, key=lambda p: (p.file, p.line, p.column)):
            print(problem.format(), file=sys.stderr)
        print(f"glossdeck import: {len(exc.problems)} error(s); nothing imported", file=sys.stderr)
        return EXIT_PROBLEMS
    if args.format_report == "json":
        print(report.as_json([display_path(p) for p in (written or list(files))]))
        return EXIT_OK
    for note in report.all():
        print(note.format(), file=sys.stderr)
    verb = "would write" if args.dry_run else "wrote"
    skipped = report.count(Kind.SKIPPED)
    print(
        f"glossdeck import: {verb} {len(files)} term file(s) to {display_path(out)}"
        + (f"; skipped {skipped}" if skipped else "")
        + (f"; {len(report.all())} note(s) above" if report.all() else ""),
    )
    if not args.dry_run:
        print(f"next: glossdeck validate {display_path(out)}")
    return EXIT_OK


def register(sub: argparse._SubParsersAction[Any]) -> None:
    parser = sub.add_parser(
        "import",
        help="write term files from another tool's glossary: import FORMAT SOURCE --out terms/",
        description="Formats: " + "; ".join(f"{k}: {v}" for k, v in FORMATS.items()),
    )
    parser.add_argument("format", choices=tuple(FORMATS), metavar="FORMAT", help="one of: " + ", ".join(FORMATS))
    parser.add_argument("source", help="the folder or file to import")
    parser.add_argument("--out", default="terms", help="folder to write the term files into (default: terms/)")
    parser.add_argument("--category", help="category for terms whose source has none")
    parser.add_argument("--force", action="store_true", help="replace term files that already exist")
    parser.add_argument("--dry-run", action="store_true", help="check and report, write nothing")
    parser.add_argument(
        "--base-url",
        help="the source site's address: its links that are no imported term become absolute "
        "(kubernetes: https://kubernetes.io)",
    )
    parser.add_argument(
        "--accept-status", action="append", metavar="STATUS", help="hugo: also import pages with this status"
    )
    parser.add_argument(
        "--section",
        action="append",
        metavar="HEADING=BLOCK",
        help="hugo, kubernetes: a section heading and the block it fills (" + ", ".join(SECTION_BLOCKS) + ")",
    )
    parser.add_argument(
        "--map", action="append", metavar="FIELD=COLUMN,...", help="csv: which column gives which field"
    )
    parser.add_argument("--delimiter", help="csv: the cell separator (default ',' or tab for .tsv)")
    parser.add_argument("--list-separator", default=";", help="csv: separator inside list cells (default ';')")
    parser.add_argument(
        "--report", dest="format_report", choices=("text", "json"), default="text", help="how to print the report"
    )
    parser.set_defaults(run=run_import)
