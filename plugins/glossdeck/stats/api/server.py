"""`glossdeck api`: the ratings service on uvicorn, over SQLite (default) or PostgreSQL."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import uvicorn

from ...core.loading import find_term_files, slug_for
from ..database import DatabaseError
from ..ratings_store import PostgresRatings, RatingsStore, SqliteRatings
from .app import create_app


@dataclass(frozen=True)
class ServiceOptions:
    db: Path
    database_url: str | None
    terms: Path
    host: str = "127.0.0.1"
    port: int = 8008
    allow_origins: tuple[str, ...] = ()
    rate_limit: int = 30
    forwarded_allow_ips: str = "127.0.0.1"


def term_slugs(folder: Path) -> list[str]:
    files, _ = find_term_files([folder])
    return [slug_for(f) for f in files]


def open_store(options: ServiceOptions) -> RatingsStore:
    if options.database_url:
        try:
            return PostgresRatings(options.database_url)
        except ImportError:
            raise DatabaseError("PostgreSQL needs psycopg: pip install 'glossdeck[postgresql]'") from None
        except Exception as exc:  # psycopg.Error: cannot connect, no such database, ...
            raise DatabaseError(f"PostgreSQL: {str(exc).strip() or type(exc).__name__}") from None
    return SqliteRatings(options.db)


def serve(options: ServiceOptions) -> int:
    if not options.terms.is_dir():
        print(f"glossdeck: error: {options.terms}: no such folder of term files (--terms)", file=sys.stderr)
        return 1
    slugs = term_slugs(options.terms)
    try:
        store = open_store(options)
    except DatabaseError as exc:
        print(f"glossdeck: error: {exc}", file=sys.stderr)
        return 1
    app = create_app(store, slugs, allow_origins=options.allow_origins, per_minute=options.rate_limit)
    where = "PostgreSQL" if options.database_url else str(options.db)
    print(f"glossdeck api: {len(slugs)} terms, ratings in {where}", file=sys.stderr, flush=True)
    try:
        uvicorn.run(
            app,
            host=options.host,
            port=options.port,
            proxy_headers=True,
            forwarded_allow_ips=options.forwarded_allow_ips,
            server_header=False,
            log_level="info",
        )
    finally:
        store.close()
    return 0
