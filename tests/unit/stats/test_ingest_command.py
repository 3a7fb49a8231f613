"""`glossdeck stats ingest` as a user runs it: standard input, retention of line hashes, no address
stored, a file that cannot be read."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from tests.support.access_logs import Hit, combined_line
from tests.support.commands import run_cli

NOON = dt.datetime(2026, 3, 27, 12, tzinfo=dt.UTC)


def _log(days: range, client: str = "192.0.2.77") -> str:
    hits = [Hit(NOON - dt.timedelta(days=d), "/terms/x/", "person", client=client) for d in days]
    return "\n".join(combined_line(h) for h in hits) + "\n"


def _views(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute("SELECT COALESCE(SUM(hits), 0) FROM page_hits").fetchone()[0])


def test_standard_input_and_no_address_kept(tmp_path: Path) -> None:
    db = tmp_path / "stats.sqlite"
    done = run_cli("stats", "ingest", "--db", str(db), "-", input_text=_log(range(3)))
    assert done.returncode == 0, done.stderr
    assert "- (combined): 3 lines, 3 page views counted" in done.stdout
    assert _views(db) == 3
    assert (
        run_cli("stats", "ingest", "--db", str(db), "-", input_text=_log(range(3))).stdout.count(" 0 page views") == 1
    )
    for file in tmp_path.iterdir():  # the database and its write-ahead log
        assert b"192.0.2.77" not in file.read_bytes(), file


def test_line_hashes_go_after_keep_days_and_those_days_close(tmp_path: Path) -> None:
    db, log = tmp_path / "stats.sqlite", tmp_path / "access.log"
    log.write_text(_log(range(0, 100, 10)))  # ten days, 90 days apart at most
    assert run_cli("stats", "ingest", "--db", str(db), "--keep-days", "35", str(log)).returncode == 0
    assert _views(db) == 10
    with sqlite3.connect(db) as conn:
        kept_days = sorted(d for (d,) in conn.execute("SELECT DISTINCT day FROM seen_lines"))
        salt_days = sorted(d for (d,) in conn.execute("SELECT day FROM salts"))
    assert kept_days == salt_days == [(NOON.date() - dt.timedelta(days=d)).isoformat() for d in (30, 20, 10, 0)]
    again = run_cli("stats", "ingest", "--db", str(db), "--keep-days", "35", str(log))
    assert "6 older than the kept line hashes" in again.stdout and " 0 page views counted" in again.stdout
    assert _views(db) == 10  # the counts stay; nothing counted twice


def test_a_file_that_cannot_be_read_fails_alone(tmp_path: Path) -> None:
    db, log = tmp_path / "stats.sqlite", tmp_path / "access.log"
    log.write_text(_log(range(2)))
    done = run_cli("stats", "ingest", "--db", str(db), str(tmp_path / "missing.log"), str(log))
    assert done.returncode == 1 and "missing.log" in done.stderr and "Traceback" not in done.stderr
    assert _views(db) == 2
    not_a_db = tmp_path / "other.sqlite"
    not_a_db.write_bytes(b"not a database" * 100)
    refused = run_cli("stats", "ingest", "--db", str(not_a_db), str(log))
    assert refused.returncode == 1 and "not a glossdeck stats database" in refused.stderr
    assert not_a_db.read_bytes() == b"not a database" * 100
