"""`glossdeck stats ingest` and `glossdeck api`: the stats feature's command line front ends."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from .database import DEFAULT_PATH, DatabaseError, connect
from .log_formats import FORMATS

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def _positive(text: str) -> int:
    """An argument that is a whole number of at least 1 (argparse reports anything else)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value}: at least 1")
    return value


def _ingest(args: argparse.Namespace) -> int:
    # imported when used: the crawler-detection patterns load with them
    from .ingest import IngestReport, forget_old_lines, ingest_file
    from .visitor_kinds import Classifier, CrawlerTableError, load_table

    try:
        table = load_table(Path(args.crawlers)) if args.crawlers else None
        classifier = Classifier(table)
    except (OSError, CrawlerTableError) as exc:
        print(f"glossdeck: error: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    try:
        conn = connect(args.db)
    except DatabaseError as exc:
        print(f"glossdeck: error: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    failed = False
    report = IngestReport()
    try:
        for source in args.logs:
            try:
                report.files.append(ingest_file(conn, source, classifier, args.format))
            except (OSError, EOFError) as exc:  # unreadable, or a truncated .gz: that file only
                print(f"glossdeck: error: {source}: {getattr(exc, 'strerror', None) or exc}", file=sys.stderr)
                failed = True
        forget_old_lines(conn, args.keep_days)
    finally:
        conn.close()
    for f in report.files:
        print(
            f"{f.source} ({f.format}): {f.lines} lines, {f.counted} page views counted, {f.repeated} already "
            f"counted, {f.ignored} not page views, {f.malformed} malformed"
            + (f", {f.too_old} older than the kept line hashes" if f.too_old else "")
        )
    return EXIT_PROBLEMS if failed else EXIT_OK


def _api(args: argparse.Namespace) -> int:
    from .api.server import ServiceOptions, serve

    options = ServiceOptions(
        db=Path(args.db),
        database_url=args.database_url,
        terms=Path(args.terms),
        host=args.host,
        port=args.port,
        allow_origins=tuple(args.allow_origin),
        rate_limit=args.rate_limit,
        forwarded_allow_ips=args.forwarded_allow_ips,
    )
    return serve(options)


def register(sub: argparse._SubParsersAction[Any]) -> None:
    stats = sub.add_parser("stats", help="count page views and crawler visits from web server logs")
    stats_sub = stats.add_subparsers(dest="stats_command", required=True, parser_class=type(stats))
    ingest = stats_sub.add_parser(
        "ingest", help="read access logs (nginx/Apache combined, Caddy JSON; .gz too) into the stats database"
    )
    ingest.add_argument("logs", nargs="+", metavar="LOG", help="log files; - reads standard input")
    ingest.add_argument("--db", default=str(DEFAULT_PATH), help=f"the database (default: {DEFAULT_PATH})")
    ingest.add_argument("--format", choices=FORMATS, help="the log format (default: detected per file)")
    ingest.add_argument(
        "--keep-days",
        type=_positive,
        default=40,
        help="days of line hashes kept to recognise a log read again (default: 40; older days are closed)",
    )
    ingest.add_argument("--crawlers", help="a crawler table replacing the shipped one (same YAML format)")
    ingest.set_defaults(run=_ingest)

    api = sub.add_parser("api", help="run the ratings service (POST/GET /api/ratings/<slug>)")
    where = api.add_mutually_exclusive_group()
    where.add_argument("--db", default=str(DEFAULT_PATH), help=f"SQLite database (default: {DEFAULT_PATH})")
    where.add_argument("--database-url", help="PostgreSQL instead, e.g. postgresql://user@host/glossdeck")
    api.add_argument("--terms", default="terms", help="the term files' folder: only these slugs are rated")
    api.add_argument("--host", default="127.0.0.1")
    api.add_argument("--port", type=_positive, default=8008)
    api.add_argument(
        "--allow-origin",
        action="append",
        default=[],
        metavar="ORIGIN",
        help="the site's origin (e.g. https://glossary.example.org) allowed to call the service from a "
        "browser (CORS); repeat for several; none: same origin only",
    )
    api.add_argument("--rate-limit", type=_positive, default=30, help="ratings one address may post per minute")
    api.add_argument(
        "--forwarded-allow-ips",
        default="127.0.0.1",
        help="reverse proxies whose X-Forwarded-For is trusted for the client address (default: 127.0.0.1)",
    )
    api.set_defaults(run=_api)
