"""Reads what a term page shows of its stats (Views, Rate this term, AI Guestbook) from its visible
text: the names and numbers a reader sees, not data attributes."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class ShownStats:
    views_total: int | None = None
    views_30: int | None = None
    no_pings_today: bool = False
    today: Counter[str] = field(default_factory=Counter)
    all_time: Counter[str] = field(default_factory=Counter)
    kinds: Counter[str] = field(default_factory=Counter)
    days: dict[str, int] = field(default_factory=dict)  # ISO day -> pings, from the text table
    rating_summary: str | None = None
    has_guestbook: bool = False
    has_rating: bool = False


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.shown = ShownStats()
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.part: str | None = None
        self.name: list[str] = []
        self.count: list[str] = []
        self.capture: str | None = None
        self.views: list[str] = []
        self.row_day: str | None = None
        self.row_count: list[str] = []
        self.summary: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if tag == "input":
            return
        self.stack.append((tag, a))
        if "gd-guestbook" in classes and tag == "section":
            self.shown.has_guestbook = True
        if "gd-rating" in classes and tag == "section":
            self.shown.has_rating = True
        if a.get("data-gd-part"):
            self.part = a["data-gd-part"]
        if "gd-guestbook-name" in classes:
            self.capture, self.name = "name", []
        elif "gd-guestbook-count" in classes:
            self.capture, self.count = "count", []
        elif "gd-views" in classes:
            self.capture, self.views = "views", []
        elif "gd-rating-summary" in classes:
            self.summary = []
        elif "gd-guestbook-none" in classes and self.part == "today":
            self.shown.no_pings_today = True
        if tag == "tr" and a.get("data-day") and self._inside("gd-guestbook-table"):
            self.row_day, self.row_count = a["data-day"], []

    def _inside(self, cls: str) -> bool:
        return any(cls in (attrs.get("class") or "").split() for _, attrs in self.stack)

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            open_tag, attrs = self.stack.pop()
            classes = (attrs.get("class") or "").split()
            if "gd-guestbook-count" in classes:
                target = {"today": self.shown.today, "all-time": self.shown.all_time, "kinds": self.shown.kinds}
                if self.part in target:
                    target[self.part]["".join(self.name)] += int("".join(self.count).replace(",", ""))
                self.capture = None
            elif "gd-guestbook-name" in classes:
                self.capture = None
            elif "gd-views" in classes:
                text = "".join(self.views)
                m = re.fullmatch(r"Views ([\d,]+) · ([\d,]+) in the last 30 days", text)
                assert m, text
                self.shown.views_total = int(m.group(1).replace(",", ""))
                self.shown.views_30 = int(m.group(2).replace(",", ""))
                self.capture = None
            elif "gd-rating-summary" in classes and self.summary is not None:
                self.shown.rating_summary = "".join(self.summary)
                self.summary = None
            elif attrs.get("data-gd-part"):
                self.part = None
            elif open_tag == "tr" and self.row_day:
                self.shown.days[self.row_day] = int("".join(self.row_count))
                self.row_day = None
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.capture == "name":
            self.name.append(data)
        elif self.capture == "count":
            self.count.append(data)
        elif self.capture == "views":
            self.views.append(data)
        if self.summary is not None:
            self.summary.append(data)
        if self.row_day and self.stack and self.stack[-1][0] == "td":
            self.row_count.append(data)


def shown_stats(html: str) -> ShownStats:
    reader = _Reader()
    reader.feed(html)
    return reader.shown
