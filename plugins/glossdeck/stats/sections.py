"""A term page's Views, Rate this term and AI Guestbook blocks (raw HTML in the page's Markdown).

Every string from the database (crawler names come from log lines) goes through `text.markup`,
which escapes it; numbers are numbers. Each block is one line of HTML, so Markdown keeps it whole.
"""

from __future__ import annotations

from ..text.markup import Markup, element
from .guestbook_svg import chart_svg, day_label, pings
from .ratings_store import Aggregate
from .snapshot import Activity
from .visitor_kinds import KIND_LABELS, Kind


def _number(value: int) -> str:
    return f"{value:,}"


def views_block(activity: Activity) -> Markup:
    return element(
        "p",
        {"class": "gd-views gd-nolink", "data-gd-block": "views"},
        "Views ",
        element("strong", {"data-gd-views": activity.views_total}, _number(activity.views_total)),
        element(
            "span",
            {"class": "gd-views-window", "data-gd-views-30": activity.views_window},
            f" · {_number(activity.views_window)} in the last 30 days",
        ),
    )


def rating_summary(aggregate: Aggregate | None) -> str:
    if aggregate is None or not aggregate.count:
        return "No ratings yet"
    ratings = "rating" if aggregate.count == 1 else "ratings"
    return f"Rated {aggregate.average:.1f} out of 5 from {_number(aggregate.count)} {ratings}"


def rating_block(slug: str, endpoint: str, aggregate: Aggregate | None) -> Markup:
    """The widget: the build-time average (right without JavaScript) and a radio group with a Rate
    button that glossdeck-stats.js shows and posts from (arrow keys choose, Enter rates)."""
    group = f"gd-rating-{slug}"
    choices = [
        element(
            "label",
            {"class": "gd-rating-star"},
            element("input", {"type": "radio", "name": group, "value": stars}, void=True),
            element("span", {"class": "gd-rating-glyph", "aria-hidden": "true"}, "★"),
            element("span", {"class": "gd-visually-hidden"}, f"{stars} star" + ("" if stars == 1 else "s")),
        )
        for stars in range(1, 6)
    ]
    return element(
        "section",
        {
            "class": "gd-rating",
            "data-gd-block": "rating",
            "data-gd-rating-endpoint": endpoint.rstrip("/") + "/" + slug,
            "aria-labelledby": f"{group}-title",
        },
        element("h3", {"id": f"{group}-title", "class": "gd-stats-title"}, "Rate this term"),
        element(
            "p",
            {
                "class": "gd-rating-summary",
                "aria-live": "polite",
                "data-gd-count": aggregate.count if aggregate else 0,
                "data-gd-average": aggregate.average if aggregate and aggregate.average is not None else "",
            },
            rating_summary(aggregate),
        ),
        element(
            "form",
            {"class": "gd-rating-form", "hidden": True},
            element(
                "fieldset",
                {},
                element("legend", {}, "Your rating, 1 to 5 stars"),
                element("span", {"class": "gd-rating-stars"}, *choices),
                element("button", {"type": "submit", "class": "md-button gd-rating-send"}, "Rate"),
            ),
            element("p", {"class": "gd-rating-status", "role": "status"}, ""),
        ),
    )


def _counts(items: tuple[tuple[str, int], ...], label: str, kind_of: dict[str, str] | None = None) -> Markup:
    return element(
        "ul",
        {"class": "gd-guestbook-counts", "aria-label": label},
        *(
            element(
                "li",
                {"data-gd-name": name, "data-gd-count": count, "data-gd-kind": (kind_of or {}).get(name)},
                element("span", {"class": "gd-guestbook-name"}, name),
                " ",
                element("span", {"class": "gd-guestbook-count"}, _number(count)),
            )
            for name, count in items
        ),
    )


def day_table(days: tuple[tuple[str, int], ...], caption: str) -> Markup:
    return element(
        "table",
        {"class": "gd-guestbook-table"},
        element("caption", {}, caption),
        element(
            "thead",
            {},
            element("tr", {}, element("th", {"scope": "col"}, "Day"), element("th", {"scope": "col"}, "Pings")),
        ),
        element(
            "tbody",
            {},
            *(
                element(
                    "tr",
                    {"data-day": day},
                    element("th", {"scope": "row"}, element("time", {"datetime": day}, day_label(day))),
                    element("td", {}, str(count)),
                )
                for day, count in reversed(days)
            ),
        ),
    )


def guestbook_block(slug: str, activity: Activity) -> Markup:
    kind_of = dict(activity.names_kind)
    summary = f"Crawler visits per day, last 30 days: {pings(activity.pings_window)}"
    today = (
        _counts(activity.today, "Crawlers today", kind_of)
        if activity.today
        else element("p", {"class": "gd-guestbook-none"}, "No pings yet today")
    )
    kinds = tuple((KIND_LABELS[Kind(kind)], count) for kind, count in activity.kinds)
    return element(
        "section",
        {"class": "gd-guestbook", "data-gd-block": "guestbook", "aria-labelledby": f"gd-guestbook-{slug}"},
        element(
            "h3",
            {"id": f"gd-guestbook-{slug}", "class": "gd-stats-title"},
            "AI Guestbook ",
            element("span", {"class": "gd-guestbook-note"}, "educational data only"),
        ),
        element(
            "p",
            {"class": "gd-guestbook-intro"},
            "Which AI crawlers and other bots read this page, counted from the web server's logs.",
        ),
        element("p", {"class": "gd-guestbook-label"}, "Last 30 days"),
        chart_svg(activity.days, summary),
        element(
            "details",
            {"class": "gd-guestbook-days"},
            element("summary", {}, "Last 30 days as a table"),
            day_table(activity.days, "Crawler visits per day, last 30 days"),
        ),
        element("h4", {"class": "gd-guestbook-heading"}, "Today"),
        element("div", {"class": "gd-guestbook-today", "data-gd-part": "today"}, today),
        element("h4", {"class": "gd-guestbook-heading"}, "All time"),
        element(
            "div",
            {"class": "gd-guestbook-all", "data-gd-part": "all-time"},
            _counts(activity.all_time, "Crawlers, all time", kind_of)
            if activity.all_time
            else element("p", {"class": "gd-guestbook-none"}, "No pings yet"),
        ),
        element("h4", {"class": "gd-guestbook-heading"}, "By kind"),
        element(
            "div",
            {"class": "gd-guestbook-kinds", "data-gd-part": "kinds"},
            _counts(kinds, "Pings by kind") if kinds else element("p", {"class": "gd-guestbook-none"}, "No pings yet"),
        ),
    )
