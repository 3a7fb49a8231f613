"""Readers and crawlers as a glossdeck feature: importing the package registers it.

With the plugin option `stats` (the database `glossdeck stats ingest` fills) each term page gets
Views and the AI Guestbook, and the site a "Readers and crawlers" page; with `ratings_endpoint` it
gets the Rate this term widget (its build-time average read from the same database, or from
`ratings_database_url`). Without them the feature adds nothing: no empty widgets.

Options reach the feature through `Build.options` (the plugin fills them): `stats` (an absolute
path), `stats_today` (an ISO date: the day the blocks count "today" and "the last 30 days" to; the
build date by default), `ratings_endpoint`, `ratings_database_url`.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..core.problems import Problem, Severity
from ..features import Build, Feature, GeneratedPage, TermSection
from ..reuse import reuse
from ..site.context import build_date
from ..text.markup import join
from .activity_page import activity_markdown, page_src, page_title
from .database import DatabaseError, connect
from .page_paths import term_page_key
from .ratings_store import read_all_postgres
from .sections import guestbook_block, rating_block, views_block
from .snapshot import Activity, StatsSnapshot, load_snapshot

SCRIPT_ASSET = "glossdeck-stats.js"
STYLESHEET_ASSET = "glossdeck-stats.css"


def _today(build: Build) -> dt.date:
    value = build.options.get("stats_today")
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value:
        return dt.date.fromisoformat(value)  # checked by the plugin's option
    return build_date()


def _file_key(path: Path) -> tuple[object, ...]:
    """What says the database changed: the file and its write-ahead log (size and time of each)."""
    key: list[object] = [str(path)]
    for name in (path, Path(f"{path}-wal")):
        try:
            st = os.stat(name)
            key += [st.st_mtime_ns, st.st_size]
        except OSError:
            key += [None, None]
    return tuple(key)


def _load(build: Build) -> StatsSnapshot | Problem | None:
    """This build's snapshot (read once per build; under `mkdocs serve`, again only when the database
    or the day changed), a problem saying why there is none, or None without the option."""
    stats = build.options.get("stats")
    url = build.options.get("ratings_database_url")
    if not stats and not url:
        return None

    def compute() -> StatsSnapshot | Problem:
        today = _today(build)
        paths = {slug: term_page_key(build.site.site_url, build.site.term_url(slug)) for slug in build.glossary.entries}
        snapshot = StatsSnapshot(today, {}, Activity(), {}, {})
        if stats:
            try:
                conn = connect(Path(str(stats)), create=False)
                try:
                    snapshot = load_snapshot(conn, paths, today, ratings=not url)
                finally:
                    conn.close()
            except DatabaseError as exc:
                return Problem("mkdocs.yml", 1, 1, "stats", str(exc), Severity.WARNING)
            except sqlite3.Error as exc:  # locked for longer than the timeout, damaged, ...
                return Problem("mkdocs.yml", 1, 1, "stats", f"{stats}: cannot read it: {exc}", Severity.WARNING)
        if url:
            try:
                ratings = read_all_postgres(str(url))
            except Exception as exc:  # psycopg's errors (not importable, cannot connect, ...)
                message = f"cannot read the ratings: {str(exc).strip() or type(exc).__name__}"
                return Problem("mkdocs.yml", 1, 1, "ratings_database_url", message, Severity.WARNING)
            snapshot = StatsSnapshot(snapshot.today, snapshot.terms, snapshot.glossary, snapshot.window, ratings)
        return snapshot

    def kept() -> StatsSnapshot | Problem:
        if url:  # a server's database has no file to compare: read once per build
            return compute()
        key = (_file_key(Path(str(stats))), _today(build), tuple(build.glossary.entries), build.site)
        return reuse(build.memo, "stats.snapshot", "snapshot", key, compute)

    return build.once("stats.snapshot", kept)


class StatsFeature(Feature):
    name = "stats"

    def _snapshot(self, build: Build) -> StatsSnapshot | None:
        found = _load(build)
        return found if isinstance(found, StatsSnapshot) else None

    def problems(self, build: Build) -> list[Problem]:
        found = _load(build)
        return [found] if isinstance(found, Problem) else []

    def term_sections(self, build: Build, slug: str) -> list[TermSection]:
        snapshot = self._snapshot(build)
        endpoint = build.options.get("ratings_endpoint")
        blocks = []
        if snapshot is not None and build.options.get("stats"):
            blocks.append(views_block(build.site.messages, snapshot.term(slug)))
        if endpoint:
            aggregate = snapshot.ratings.get(slug) if snapshot is not None else None
            blocks.append(rating_block(build.site.messages, slug, str(endpoint), aggregate))
        if snapshot is not None and build.options.get("stats"):
            blocks.append(guestbook_block(build.site.messages, slug, snapshot.term(slug)))
        if not blocks:
            return []
        body = join(blocks)
        return [TermSection("after-content", f'<div class="gd-stats" data-gd-block="stats">{body}</div>\n')]

    def pages(self, build: Build) -> list[GeneratedPage]:
        snapshot = self._snapshot(build)
        if snapshot is None or not build.options.get("stats"):
            return []
        markdown = activity_markdown(build.glossary, build.site, snapshot)
        return [GeneratedPage(page_src(build.site), page_title(build.site), markdown)]

    def scripts(self) -> list[str]:
        return [SCRIPT_ASSET]

    def uses_assets(self, options: Mapping[str, Any]) -> bool:
        # the blocks exist only with a database or a ratings service: without them no page pays
        return bool(options.get("stats") or options.get("ratings_endpoint") or options.get("ratings_database_url"))

    def stylesheets(self) -> list[str]:
        return [STYLESHEET_ASSET]


STATS = StatsFeature()
