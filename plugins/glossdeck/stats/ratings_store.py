"""Ratings, one per visitor per term: in the SQLite stats database or in PostgreSQL.

The same two statements run on both (an upsert and an aggregate); only the placeholders and the
connection differ. A store is used from the service's worker threads, one statement at a time.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from .database import connect

UPSERT = (
    "INSERT INTO ratings (slug, visitor, rating, updated) VALUES ({p}, {p}, {p}, {p}) "
    "ON CONFLICT (slug, visitor) DO UPDATE SET rating = excluded.rating, updated = excluded.updated"
)
AGGREGATE = "SELECT COUNT(*), AVG(rating) FROM ratings WHERE slug = {p}"
ALL_AGGREGATES = "SELECT slug, COUNT(*), AVG(rating) FROM ratings GROUP BY slug"
POSTGRES_SCHEMA = """
CREATE TABLE IF NOT EXISTS ratings (
    slug TEXT NOT NULL, visitor TEXT NOT NULL,
    rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    updated TEXT NOT NULL, PRIMARY KEY (slug, visitor)
)
"""


@dataclass(frozen=True)
class Aggregate:
    count: int
    average: float | None  # None: no ratings yet

    def as_dict(self, slug: str) -> dict[str, Any]:
        return {"slug": slug, "count": self.count, "average": self.average}


def _aggregate(row: tuple[Any, ...] | None) -> Aggregate:
    if row is None or not row[0]:
        return Aggregate(0, None)
    return Aggregate(int(row[0]), round(float(row[1]), 2))


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class RatingsStore(Protocol):
    def rate(self, slug: str, visitor: str, rating: int) -> Aggregate: ...

    def aggregate(self, slug: str) -> Aggregate: ...

    def close(self) -> None: ...


class SqliteRatings:
    def __init__(self, path: Path) -> None:
        self.conn = connect(path)
        self.lock = threading.Lock()

    def rate(self, slug: str, visitor: str, rating: int) -> Aggregate:
        with self.lock:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                self.conn.execute(UPSERT.format(p="?"), (slug, visitor, rating, _now()))
                row = self.conn.execute(AGGREGATE.format(p="?"), (slug,)).fetchone()
                self.conn.execute("COMMIT")
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
        return _aggregate(row)

    def aggregate(self, slug: str) -> Aggregate:
        with self.lock:
            return _aggregate(self.conn.execute(AGGREGATE.format(p="?"), (slug,)).fetchone())

    def close(self) -> None:
        self.conn.close()


class PostgresRatings:
    """PostgreSQL through psycopg 3: several service instances behind a load balancer share it."""

    def __init__(self, url: str) -> None:
        import psycopg  # only for PostgreSQL: the extra `glossdeck[postgresql]`

        self.url = url
        self.psycopg = psycopg
        self.lock = threading.Lock()
        self.conn = self._connect()
        with self.conn.transaction():
            self.conn.execute(POSTGRES_SCHEMA)

    def _connect(self) -> Any:
        return self.psycopg.connect(self.url, autocommit=True, connect_timeout=10)

    def _run(self, statements: list[tuple[str, tuple[Any, ...]]]) -> Any:
        with self.lock:
            if self.conn.closed or self.conn.broken:  # the server restarted: connect again
                self.conn = self._connect()
            row = None
            with self.conn.transaction():
                for sql, params in statements:
                    cursor = self.conn.execute(sql, params)
                    if sql.startswith("SELECT"):
                        row = cursor.fetchone()
            return row

    def rate(self, slug: str, visitor: str, rating: int) -> Aggregate:
        return _aggregate(
            self._run(
                [
                    (UPSERT.format(p="%s"), (slug, visitor, rating, _now())),
                    (AGGREGATE.format(p="%s"), (slug,)),
                ]
            )
        )

    def aggregate(self, slug: str) -> Aggregate:
        return _aggregate(self._run([(AGGREGATE.format(p="%s"), (slug,))]))

    def close(self) -> None:
        self.conn.close()


def read_all(conn: sqlite3.Connection) -> dict[str, Aggregate]:
    """Every term's aggregate from the SQLite database (what the build renders)."""
    return {slug: _aggregate((count, average)) for slug, count, average in conn.execute(ALL_AGGREGATES)}


def read_all_postgres(url: str) -> dict[str, Aggregate]:
    """Every term's aggregate from PostgreSQL, read only (no table yet: no ratings yet)."""
    import psycopg

    with psycopg.connect(url, connect_timeout=10) as conn:
        try:
            rows = conn.execute(ALL_AGGREGATES).fetchall()
        except psycopg.errors.UndefinedTable:
            rows = []
    return {slug: _aggregate((count, average)) for slug, count, average in rows}
