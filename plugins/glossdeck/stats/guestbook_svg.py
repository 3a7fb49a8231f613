"""The AI Guestbook's chart: crawler visits per day over the last 30 days, as an inline SVG.

Every bar has a <title> (its day and count, shown on hover); the whole chart is one image with a
summary for screen readers, and the page gives the same numbers as a table (sections.py).
"""

from __future__ import annotations

import datetime as dt

from ..i18n.messages import Messages
from ..text.markup import Markup, element, join

WIDTH, HEIGHT, LABEL, TOP = 300, 72, 12, 6


def pings(t: Messages, count: int) -> str:
    return t.count("stats.pings", count)


def day_label(t: Messages, day: str) -> str:
    return t.day(dt.date.fromisoformat(day), "EEE d MMM y")


def chart_svg(t: Messages, days: tuple[tuple[str, int], ...], summary: str) -> Markup:
    """Bars of `days` ((ISO day, count), oldest first), scaled to the largest count."""
    most = max((n for _, n in days), default=0)
    step = WIDTH / max(len(days), 1)
    bar = max(step - 2, 1)
    plot = HEIGHT - LABEL - TOP
    parts: list[Markup] = [element("title", {}, summary)]
    for index, (day, count) in enumerate(days):
        x = index * step + 1
        height = max(round(plot * count / most, 1), 1.5) if most and count else 0
        label = f"{day_label(t, day)}: {pings(t, count)}"
        # an empty day is a faint tick, so the 30 days read as a timeline
        parts.append(
            element(
                "rect",
                {
                    "class": "gd-guestbook-bar" if count else "gd-guestbook-bar gd-guestbook-empty",
                    "x": x,
                    "y": TOP + plot - (height or 1),
                    "width": bar,
                    "height": height or 1,
                    "rx": 1,
                    "data-day": day,
                    "data-count": count,
                },
                element("title", {}, label),
            )
        )
        parts.append(
            element(
                "text",
                {"x": x + bar / 2, "y": HEIGHT - 2, "text-anchor": "middle", "font-size": 8, "fill": "currentColor"},
                t.weekday_letter(dt.date.fromisoformat(day)),
            )
        )
    return element(
        "svg",
        {
            "class": "gd-guestbook-chart",
            "role": "img",
            "aria-label": summary,
            "viewBox": f"0 0 {WIDTH} {HEIGHT}",
            "width": WIDTH,
            "height": HEIGHT,
            "xmlns": "http://www.w3.org/2000/svg",
            "preserveAspectRatio": "none",
        },
        join(parts),
    )
