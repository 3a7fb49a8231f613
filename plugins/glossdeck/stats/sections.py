"""A term page's Views, Rate this term and AI Guestbook blocks (raw HTML in the page's Markdown).

Every string from the database (crawler names come from log lines) goes through `text.markup`,
which escapes it; numbers are numbers. Each block is one line of HTML, so Markdown keeps it whole.
"""

from __future__ import annotations

from ..i18n.messages import Messages
from ..text.markup import Markup, element
from .guestbook_svg import chart_svg, day_label, pings
from .ratings_store import Aggregate
from .snapshot import Activity
from .visitor_kinds import Kind


def kind_label(t: Messages, kind: str) -> str:
    return t(f"stats.kinds.{Kind(kind).value}")


def views_block(t: Messages, activity: Activity) -> Markup:
    return element(
        "p",
        {"class": "gd-views gd-nolink", "data-gd-block": "views"},
        t("stats.views") + " ",
        element("strong", {"data-gd-views": activity.views_total}, t.number(activity.views_total)),
        element(
            "span",
            {"class": "gd-views-window", "data-gd-views-30": activity.views_window},
            t("stats.views_window", count=t.number(activity.views_window)),
        ),
    )


def rating_summary(t: Messages, aggregate: Aggregate | None) -> str:
    if aggregate is None or not aggregate.count or aggregate.average is None:
        return t("stats.no_ratings")
    average = t.number(aggregate.average, "0.0")
    return t.count("stats.rated", aggregate.count, average=average)


def rating_block(t: Messages, slug: str, endpoint: str, aggregate: Aggregate | None) -> Markup:
    """The widget: the build-time average (right without JavaScript) and a radio group with a Rate
    button that glossdeck-stats.js shows and posts from (arrow keys choose, Enter rates)."""
    group = f"gd-rating-{slug}"
    choices = [
        element(
            "label",
            {"class": "gd-rating-star"},
            element("input", {"type": "radio", "name": group, "value": stars}, void=True),
            element("span", {"class": "gd-rating-glyph", "aria-hidden": "true"}, "★"),
            element("span", {"class": "gd-visually-hidden"}, t.count("stats.stars", stars)),
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
        element("h3", {"id": f"{group}-title", "class": "gd-stats-title"}, t("stats.rate_title")),
        element(
            "p",
            {
                "class": "gd-rating-summary",
                "aria-live": "polite",
                "data-gd-count": aggregate.count if aggregate else 0,
                "data-gd-average": aggregate.average if aggregate and aggregate.average is not None else "",
            },
            rating_summary(t, aggregate),
        ),
        element(
            "form",
            {"class": "gd-rating-form", "hidden": True},
            element(
                "fieldset",
                {},
                element("legend", {}, t("stats.your_rating")),
                element("span", {"class": "gd-rating-stars"}, *choices),
                element("button", {"type": "submit", "class": "md-button gd-rating-send"}, t("stats.rate")),
            ),
            element("p", {"class": "gd-rating-status", "role": "status"}, ""),
        ),
    )


def _counts(
    t: Messages, items: tuple[tuple[str, int], ...], label: str, kind_of: dict[str, str] | None = None
) -> Markup:
    return element(
        "ul",
        {"class": "gd-guestbook-counts", "aria-label": label},
        *(
            element(
                "li",
                {"data-gd-name": name, "data-gd-count": count, "data-gd-kind": (kind_of or {}).get(name)},
                element("span", {"class": "gd-guestbook-name"}, name),
                " ",
                element("span", {"class": "gd-guestbook-count"}, t.number(count)),
            )
            for name, count in items
        ),
    )


def day_table(t: Messages, days: tuple[tuple[str, int], ...], caption: str) -> Markup:
    return element(
        "table",
        {"class": "gd-guestbook-table"},
        element("caption", {}, caption),
        element(
            "thead",
            {},
            element(
                "tr",
                {},
                element("th", {"scope": "col"}, t("stats.day")),
                element("th", {"scope": "col"}, t("stats.pings_column")),
            ),
        ),
        element(
            "tbody",
            {},
            *(
                element(
                    "tr",
                    {"data-day": day},
                    element("th", {"scope": "row"}, element("time", {"datetime": day}, day_label(t, day))),
                    element("td", {}, t.number(count)),
                )
                for day, count in reversed(days)
            ),
        ),
    )


def _none(t: Messages, key: str) -> Markup:
    return element("p", {"class": "gd-guestbook-none"}, t(key))


def guestbook_block(t: Messages, slug: str, activity: Activity) -> Markup:
    kind_of = dict(activity.names_kind)
    caption = t("stats.per_day")
    summary = t("stats.chart_summary", caption=caption, pings=pings(t, activity.pings_window))
    today = (
        _counts(t, activity.today, t("stats.crawlers_today"), kind_of)
        if activity.today
        else _none(t, "stats.no_pings_today")
    )
    kinds = tuple((kind_label(t, kind), count) for kind, count in activity.kinds)
    return element(
        "section",
        {"class": "gd-guestbook", "data-gd-block": "guestbook", "aria-labelledby": f"gd-guestbook-{slug}"},
        element(
            "h3",
            {"id": f"gd-guestbook-{slug}", "class": "gd-stats-title"},
            t("stats.guestbook") + " ",
            element("span", {"class": "gd-guestbook-note"}, t("stats.guestbook_note")),
        ),
        element("p", {"class": "gd-guestbook-intro"}, t("stats.guestbook_intro")),
        element("p", {"class": "gd-guestbook-label"}, t("stats.last_30_days")),
        chart_svg(t, activity.days, summary),
        element(
            "details",
            {"class": "gd-guestbook-days"},
            element("summary", {}, t("stats.as_table")),
            day_table(t, activity.days, caption),
        ),
        element("h4", {"class": "gd-guestbook-heading"}, t("stats.today")),
        element("div", {"class": "gd-guestbook-today", "data-gd-part": "today"}, today),
        element("h4", {"class": "gd-guestbook-heading"}, t("stats.all_time")),
        element(
            "div",
            {"class": "gd-guestbook-all", "data-gd-part": "all-time"},
            _counts(t, activity.all_time, t("stats.crawlers_all_time"), kind_of)
            if activity.all_time
            else _none(t, "stats.no_pings"),
        ),
        element("h4", {"class": "gd-guestbook-heading"}, t("stats.by_kind")),
        element(
            "div",
            {"class": "gd-guestbook-kinds", "data-gd-part": "kinds"},
            _counts(t, kinds, t("stats.pings_by_kind")) if kinds else _none(t, "stats.no_pings"),
        ),
    )
