"""Access logs into the stats database: each GET of a page answered 200 or 304, counted once.

Counting once: a log line is identified by a salted hash of its bytes (the salt is per day of the
hit). For each line the database keeps how many times one log file held it; a file that holds it
as often or less adds nothing. So reading a log again, or a rotation that overlaps the last one
(app.log.1 and app.log.2.gz share lines), counts nothing twice, while the same request made twice
in one second (two identical lines in one file) counts twice. Each file is one transaction: an
ingest stopped half-way leaves the database as it was before that file.

No address is stored: the client's address is part of the hashed line, and nothing else.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import sqlite3
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from .database import get_meta, set_meta
from .log_formats import PARSERS, TOO_LONG, Format, detect_format, lines, open_log
from .page_paths import page_key
from .visitor_kinds import Classifier

COUNTED_STATUS = frozenset((200, 304))
BATCH = 20_000
CACHE_KIB = 256 * 1024  # at most; SQLite takes pages as it needs them
DEFAULT_KEEP_DAYS = 40  # how long line hashes (and their salts) are kept to recognise a re-read


@dataclass
class FileReport:
    source: str
    format: Format
    lines: int = 0
    malformed: int = 0  # not a line of the format (or too long): skipped
    counted: int = 0  # new page hits
    repeated: int = 0  # page hits an earlier ingest already counted
    too_old: int = 0  # page hits on a day whose line hashes are gone (see --keep-days)
    ignored: int = 0  # well-formed, but not a counted page view (assets, 404s, POSTs, ...)


@dataclass
class IngestReport:
    files: list[FileReport] = field(default_factory=list)

    def total(self, name: str) -> int:
        return sum(getattr(f, name) for f in self.files)


def _day(when: int) -> str:
    return dt.date.fromordinal(_EPOCH_ORDINAL + when // 86400).isoformat()


_EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()
KEYS_KEPT = 100_000  # request targets whose page key one ingest remembers (a log repeats few)


class _Salts:
    """The salt of each day (made on first use, random, kept in the database until the day closes)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.known: dict[str, bytes] = {}

    def of(self, day: str) -> bytes:
        salt = self.known.get(day)
        if salt is None:
            row = self.conn.execute("SELECT salt FROM salts WHERE day = ?", (day,)).fetchone()
            if row is None:
                salt = os.urandom(16)
                self.conn.execute("INSERT INTO salts VALUES (?, ?)", (day, salt))
            else:
                salt = bytes(row[0])
            self.known[day] = salt
        return salt


def _line_id(salt: bytes, line: bytes) -> int:
    """A signed 64-bit key (SQLite's INTEGER) for the salted line."""
    digest = hashlib.blake2b(line, digest_size=8, key=salt).digest()
    return int.from_bytes(digest, "big", signed=True)


def _flush(conn: sqlite3.Connection, rows: list[tuple[int, int, str, str, str, str]], report: FileReport) -> None:
    if not rows:
        return
    conn.executemany("INSERT INTO temp.batch VALUES (?, ?, ?, ?, ?, ?)", rows)
    # one look-up per line: the hits no earlier ingest counted
    fresh = conn.execute(
        "INSERT INTO temp.fresh SELECT path, day, kind, name FROM temp.batch b WHERE b.occurrence > "
        "COALESCE((SELECT times FROM seen_lines s WHERE s.line = b.line), 0)"
    ).rowcount
    conn.execute(
        "INSERT INTO page_hits (path, day, kind, name, hits) "
        "SELECT path, day, kind, name, COUNT(*) FROM temp.fresh WHERE true "
        "GROUP BY path, day, kind, name "
        "ON CONFLICT (path, day, kind, name) DO UPDATE SET hits = hits + excluded.hits"
    )
    conn.execute(
        "INSERT INTO seen_lines (line, day, times) SELECT line, MIN(day), MAX(occurrence) FROM temp.batch "
        "GROUP BY line ON CONFLICT (line) DO UPDATE SET times = MAX(times, excluded.times)"
    )
    conn.execute("DELETE FROM temp.batch")
    conn.execute("DELETE FROM temp.fresh")
    report.counted += fresh
    report.repeated += len(rows) - fresh
    rows.clear()


def ingest_file(conn: sqlite3.Connection, source: str, classifier: Classifier, fmt: Format | None = None) -> FileReport:
    """Count one log file ("-": standard input) into the database, in one transaction."""
    closed_before = get_meta(conn, "open_from") or ""
    salts = _Salts(conn)
    occurrences: Counter[int] = Counter()
    keys: dict[str, str | None] = {}
    days: dict[int, str] = {}
    rows: list[tuple[int, int, str, str, str, str]] = []
    with open_log(source) as stream:
        iterator = iter(lines(stream))
        first = next(iterator, None)
        chosen: Format = fmt or (detect_format(first) if first is not None else "combined")
        report = FileReport(source, chosen)
        parse = PARSERS[chosen]
        # the line hashes are looked up in random order: a page cache that holds them keeps the
        # time per line flat as the table grows (SQLite's default is 2 MB)
        conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute(
            "CREATE TEMP TABLE IF NOT EXISTS batch (line INTEGER, occurrence INTEGER, day TEXT, "
            "path TEXT, kind TEXT, name TEXT)"
        )
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS fresh (path TEXT, day TEXT, kind TEXT, name TEXT)")
        conn.execute("BEGIN IMMEDIATE")
        try:
            for raw in _with_first(first, iterator):
                report.lines += 1
                if raw is TOO_LONG or not raw:
                    report.malformed += 1
                    continue
                request = parse(raw.decode("utf-8", errors="replace"))
                if request is None:
                    report.malformed += 1
                    continue
                if request.method != "GET" or request.status not in COUNTED_STATUS:
                    report.ignored += 1
                    continue
                path = keys.get(request.target, "")
                if path == "":
                    if len(keys) >= KEYS_KEPT:
                        keys.clear()
                    path = keys[request.target] = page_key(request.target)
                if path is None:
                    report.ignored += 1
                    continue
                day = days.get(request.when // 86400) or days.setdefault(request.when // 86400, _day(request.when))
                if day < closed_before:
                    report.too_old += 1
                    continue
                line = _line_id(salts.of(day), raw)
                occurrences[line] += 1
                visitor = classifier.classify(request.user_agent)
                rows.append((line, occurrences[line], day, path, visitor.kind.value, visitor.name))
                if len(rows) >= BATCH:
                    _flush(conn, rows, report)
            _flush(conn, rows, report)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return report


def _with_first(first: bytes | None, rest: Iterable[bytes]) -> Iterable[bytes]:
    if first is not None:
        yield first
        yield from rest


def forget_old_lines(conn: sqlite3.Connection, keep_days: int) -> str | None:
    """Close the days older than `keep_days` before the newest day counted: their line hashes and
    salts are deleted (the counts stay). Returns the first day still open."""
    newest = conn.execute("SELECT MAX(day) FROM seen_lines").fetchone()[0]
    if newest is None:
        return get_meta(conn, "open_from")
    open_from = (dt.date.fromisoformat(newest) - dt.timedelta(days=keep_days)).isoformat()
    conn.execute("BEGIN IMMEDIATE")
    try:
        if open_from > (get_meta(conn, "open_from") or ""):
            set_meta(conn, "open_from", open_from)
        conn.execute("DELETE FROM seen_lines WHERE day < ?", (open_from,))
        conn.execute("DELETE FROM salts WHERE day < ?", (open_from,))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return get_meta(conn, "open_from")


def ingest(
    conn: sqlite3.Connection,
    sources: Iterable[str],
    *,
    fmt: Format | None = None,
    keep_days: int = DEFAULT_KEEP_DAYS,
    classifier: Classifier | None = None,
) -> IngestReport:
    classifier = classifier or Classifier()
    report = IngestReport()
    for source in sources:
        report.files.append(ingest_file(conn, source, classifier, fmt))
    forget_old_lines(conn, keep_days)
    return report
