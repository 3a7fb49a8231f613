"""What the build shows of the stats database: per term and across the glossary, as of one day.

The day ("today") is an input, never the clock read here: the plugin passes `stats_today` or the
build date (SOURCE_DATE_EPOCH when set), so a build is reproducible and tests are exact. Views are
hits by people; pings are hits by crawlers and other bots (the AI Guestbook).
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

from .ratings_store import Aggregate, read_all
from .visitor_kinds import Kind

WINDOW_DAYS = 30
BOT_KINDS = (Kind.AI, Kind.SEARCH, Kind.BOT)


def _ranked(counts: Mapping[str, int]) -> tuple[tuple[str, int], ...]:
    """Largest count first, then by name: a stable order for pages and tests."""
    return tuple(
        sorted(((k, v) for k, v in counts.items() if v), key=lambda item: (-item[1], item[0].casefold(), item[0]))
    )


@dataclass(frozen=True)
class Activity:
    """One page's (or the whole glossary's) counts as of `today`."""

    views_total: int = 0
    views_window: int = 0
    days: tuple[tuple[str, int], ...] = ()  # (ISO day, pings), the last 30 days, oldest first
    today: tuple[tuple[str, int], ...] = ()  # (crawler name, pings today), most first
    all_time: tuple[tuple[str, int], ...] = ()  # (crawler name, pings)
    kinds: tuple[tuple[str, int], ...] = ()  # (kind, pings) of the bot kinds, all time
    names_kind: tuple[tuple[str, str], ...] = ()  # crawler name -> kind

    @property
    def pings_total(self) -> int:
        return sum(n for _, n in self.all_time)

    @property
    def pings_window(self) -> int:
        return sum(n for _, n in self.days)


@dataclass
class _Tally:
    views_total: int = 0
    views_window: int = 0
    days: Counter[str] = field(default_factory=Counter)
    today: Counter[str] = field(default_factory=Counter)
    all_time: Counter[str] = field(default_factory=Counter)
    window: Counter[str] = field(default_factory=Counter)
    kinds: Counter[str] = field(default_factory=Counter)
    names_kind: dict[str, str] = field(default_factory=dict)

    def add(self, day: str, kind: str, name: str, hits: int, first: str, today: str) -> None:
        in_window = first <= day <= today
        if kind == Kind.PERSON:
            self.views_total += hits
            self.views_window += hits if in_window else 0
            return
        label = name or "unknown bot"
        self.all_time[label] += hits
        self.kinds[kind] += hits
        self.names_kind.setdefault(label, kind)
        if in_window:
            self.days[day] += hits
            self.window[label] += hits
        if day == today:
            self.today[label] += hits

    def freeze(self, window_days: list[str]) -> Activity:
        return Activity(
            self.views_total,
            self.views_window,
            tuple((d, self.days[d]) for d in window_days),
            _ranked(self.today),
            _ranked(self.all_time),
            tuple((k.value, self.kinds[k.value]) for k in BOT_KINDS if self.kinds[k.value]),
            tuple(sorted(self.names_kind.items())),
        )


@dataclass(frozen=True)
class StatsSnapshot:
    today: dt.date
    terms: dict[str, Activity]  # every slug asked for, with or without hits
    glossary: Activity  # all term pages together
    window: dict[str, int]  # crawler name -> pings over the last 30 days, all term pages
    ratings: dict[str, Aggregate]

    def term(self, slug: str) -> Activity:
        return self.terms.get(slug) or Activity()


def window_days(today: dt.date) -> list[str]:
    return [(today - dt.timedelta(days=offset)).isoformat() for offset in range(WINDOW_DAYS - 1, -1, -1)]


def load_snapshot(
    conn: sqlite3.Connection, paths: Mapping[str, str], today: dt.date, *, ratings: bool = True
) -> StatsSnapshot:
    """The counts of the term pages `paths` (slug -> page key) as of `today`."""
    slug_of = {path: slug for slug, path in paths.items()}
    days = window_days(today)
    first, last = days[0], days[-1]
    tallies: dict[str, _Tally] = defaultdict(_Tally)
    overall = _Tally()
    rows = conn.execute(
        "SELECT path, day, kind, name, SUM(hits) FROM page_hits "
        "WHERE path IN (SELECT value FROM json_each(?)) GROUP BY path, day, kind, name",
        (json.dumps(sorted(slug_of)),),
    )
    for path, day, kind, name, hits in rows:
        slug = slug_of[path]
        tallies[slug].add(day, kind, name, hits, first, last)
        overall.add(day, kind, name, hits, first, last)
    return StatsSnapshot(
        today,
        {slug: tallies[slug].freeze(days) for slug in paths},
        overall.freeze(days),
        dict(_ranked(overall.window)),
        read_all(conn) if ratings else {},
    )
