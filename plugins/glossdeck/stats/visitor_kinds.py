"""Who sent a request, from its User-Agent: a person, a named AI crawler, a search or SEO bot, or
an unknown bot.

Two sources: the crawler table (`data/ai-crawlers.yml`, the names readers know, the one file to
update when a crawler appears) and the maintained `crawlerdetect` library, which recognises some
thousand other bots. A user agent neither knows is a person's browser.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml

from ..text.plain_text import one_line

TABLE_RESOURCE = "stats/data/ai-crawlers.yml"
NAME_LIMIT = 40  # an unknown bot is named by what the library matched: kept short
CACHE_LIMIT = 50_000  # distinct user agents remembered by one classifier (a log repeats few)


class Kind(enum.StrEnum):
    PERSON = "person"
    AI = "ai"
    SEARCH = "search"
    BOT = "bot"


@dataclass(frozen=True)
class Visitor:
    kind: Kind
    name: str  # "" for a person; the name readers know for a crawler


@dataclass(frozen=True)
class CrawlerEntry:
    token: str
    name: str
    kind: Kind


class CrawlerTableError(ValueError):
    pass


def load_table(path: Path | None = None) -> list[CrawlerEntry]:
    """The crawler table (the shipped one, or `path`), checked entry by entry."""
    if path is None:
        name = f"glossdeck/{TABLE_RESOURCE}"
        raw = (resources.files("glossdeck") / TABLE_RESOURCE).read_text(encoding="utf-8")
    else:
        name, raw = str(path), path.read_text(encoding="utf-8")
    data = yaml.safe_load(raw)
    if not isinstance(data, list):
        raise CrawlerTableError(f"{name}: the crawler table is a list of {{token, name, kind}} entries")
    entries: list[CrawlerEntry] = []
    for index, item in enumerate(data, 1):
        if (
            not isinstance(item, dict)
            or not isinstance(item.get("token"), str)
            or not item["token"].strip()
            or not isinstance(item.get("name"), str)
            or item.get("kind") not in (Kind.AI.value, Kind.SEARCH.value)
        ):
            raise CrawlerTableError(f"{name}: entry {index}: needs a token, a name and kind 'ai' or 'search'")
        entries.append(CrawlerEntry(item["token"], one_line(item["name"]), Kind(item["kind"])))
    return entries


class Classifier:
    """Classifies user agents; remembers the answers for the user agents it has seen (one ingest)."""

    def __init__(self, table: list[CrawlerEntry] | None = None) -> None:
        # imported here: a site build reads the kinds but never classifies, so it does not need it
        from crawlerdetect import CrawlerDetect

        self.table = load_table() if table is None else table
        # one regular expression for the whole table; the first alternative that matches wins
        self._tokens = re.compile("|".join(f"({re.escape(e.token)})" for e in self.table), re.IGNORECASE)
        self._detector = CrawlerDetect()
        self._seen: dict[str, Visitor] = {}

    def classify(self, user_agent: str) -> Visitor:
        found = self._seen.get(user_agent)
        if found is None:
            found = self._classify(user_agent)
            if len(self._seen) >= CACHE_LIMIT:
                self._seen.clear()
            self._seen[user_agent] = found
        return found

    def _classify(self, user_agent: str) -> Visitor:
        agent = user_agent.strip()
        if self.table:
            match = self._tokens.search(agent)
            if match is not None and match.lastindex is not None:
                entry = self.table[match.lastindex - 1]
                return Visitor(entry.kind, entry.name)
        if not agent or agent == "-":
            return Visitor(Kind.BOT, "no user agent")  # browsers always send one
        if self._detector.is_crawler(agent):
            matched = one_line(self._detector.get_matches() or "")[:NAME_LIMIT]
            return Visitor(Kind.BOT, matched or "unknown bot")
        return Visitor(Kind.PERSON, "")
