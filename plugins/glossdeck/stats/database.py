"""The embedded database (SQLite, one file): page hits counted from access logs, and ratings.

What it holds (docs/operators.md repeats this for operators):
- `page_hits`: per page path, UTC day, visitor kind and crawler name, a count. No address, no user
  agent beyond the crawler's name, kept for good (the all-time counts).
- `seen_lines`: a salted 64-bit hash of each counted log line and how many times one log file held
  it, so re-reading a log or an overlapping rotation counts nothing twice. The salt is per day of the
  hit; both go after `--keep-days` (then the day is closed and lines of it are no longer read).
- `ratings`: per term, per anonymous visitor id (a random id the browser made), a rating 1-5.
- `meta`: the schema version and the first day still open.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

SCHEMA_VERSION = 1
DEFAULT_PATH = Path(".glossdeck") / "stats.sqlite"

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS page_hits (
    path TEXT NOT NULL, day TEXT NOT NULL, kind TEXT NOT NULL, name TEXT NOT NULL,
    hits INTEGER NOT NULL, PRIMARY KEY (path, day, kind, name)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS seen_lines (
    line INTEGER PRIMARY KEY, day TEXT NOT NULL, times INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS seen_lines_day ON seen_lines (day);
CREATE TABLE IF NOT EXISTS salts (day TEXT PRIMARY KEY, salt BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS ratings (
    slug TEXT NOT NULL, visitor TEXT NOT NULL,
    rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    updated TEXT NOT NULL, PRIMARY KEY (slug, visitor)
) WITHOUT ROWID;
"""


class DatabaseError(Exception):
    """A database that cannot be opened or is not glossdeck's: the message says which and why."""


def connect(path: Path | str, *, create: bool = True) -> sqlite3.Connection:
    """The stats database at `path` (created with its folder when `create`), schema in place.

    WAL journal: the ratings service writes while an ingest or a build reads."""
    target = Path(path)
    if not create and not target.is_file():
        raise DatabaseError(f"{target}: no such database (glossdeck stats ingest creates it)")
    try:
        if create:
            target.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(target, timeout=30, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.executescript(SCHEMA)
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        if row is None:
            conn.execute("INSERT INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
        elif row[0] != str(SCHEMA_VERSION):
            raise DatabaseError(f"{target}: schema version {row[0]}, this glossdeck reads {SCHEMA_VERSION}")
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"{target}: not a glossdeck stats database ({exc})") from None
    except OSError as exc:
        raise DatabaseError(f"{target}: {exc.strerror or exc}") from None
    return conn


def get_meta(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute("INSERT INTO meta VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, value))
