"""The site page "Readers and crawlers": the most-read terms and crawler activity across the glossary."""

from __future__ import annotations

import posixpath

from ..core.glossary import Glossary
from ..site.layout import SiteInfo, page_folder, relative_url
from ..text.escape import md_inline
from ..text.markup import Markup, element
from .guestbook_svg import chart_svg, pings
from .sections import day_table, kind_label
from .snapshot import StatsSnapshot
from .visitor_kinds import Kind

TOP_TERMS = 25


def page_title(site: SiteInfo) -> str:
    return site.messages("stats.readers_title")


def page_src(site: SiteInfo) -> str:
    prefix = posixpath.dirname(site.terms_prefix)
    return f"{prefix}/readers.md" if prefix else "readers.md"


def _table(caption: str, head: list[str], rows: list[list[Markup | str]], css: str) -> Markup:
    return element(
        "table",
        {"class": css},
        element("caption", {}, caption),
        element("thead", {}, element("tr", {}, *(element("th", {"scope": "col"}, h) for h in head))),
        element(
            "tbody",
            {},
            *(
                element("tr", {}, element("th", {"scope": "row"}, row[0]), *(element("td", {}, c) for c in row[1:]))
                for row in rows
            ),
        ),
    )


def activity_markdown(glossary: Glossary, site: SiteInfo, snapshot: StatsSnapshot) -> str:
    src, t = page_src(site), site.messages
    folder = page_folder(site.url_of(src))
    ranked = sorted(
        (slug for slug in glossary.entries if snapshot.term(slug).views_total),
        key=lambda slug: (-snapshot.term(slug).views_total, -snapshot.term(slug).views_window, slug),
    )[:TOP_TERMS]
    term_rows: list[list[Markup | str]] = [
        [
            element("a", {"href": relative_url(site.term_url(slug), folder)}, glossary.term(slug).title),
            t.number(snapshot.term(slug).views_window),
            t.number(snapshot.term(slug).views_total),
        ]
        for slug in ranked
    ]
    overall = snapshot.glossary
    kind_of = dict(overall.names_kind)
    crawler_rows: list[list[Markup | str]] = [
        [
            name,
            kind_label(t, kind_of.get(name, Kind.BOT.value)),
            t.number(snapshot.window.get(name, 0)),
            t.number(count),
        ]
        for name, count in overall.all_time
    ]
    recent, all_time = t("stats.last_30_days"), t("stats.all_time")
    caption = t("stats.site_per_day")
    blocks: list[Markup] = [
        element(
            "p",
            {"class": "gd-readers-intro"},
            t(
                "stats.readers_intro",
                date=t.date(snapshot.today),
                views=t.number(overall.views_total),
                views_window=t.number(overall.views_window),
                pings=pings(t, overall.pings_total),
            ),
        ),
        _table(t("stats.most_read"), [t("stats.term"), recent, all_time], term_rows, "gd-readers-terms")
        if term_rows
        else element("p", {}, t("stats.no_views")),
        chart_svg(t, overall.days, t("stats.chart_summary", caption=caption, pings=pings(t, overall.pings_window))),
        _table(
            t("stats.crawler_activity"),
            [t("stats.crawler"), t("stats.kind"), recent, all_time],
            crawler_rows,
            "gd-readers-crawlers",
        )
        if crawler_rows
        else element("p", {}, t("stats.no_crawlers")),
        element(
            "details",
            {"class": "gd-guestbook-days"},
            element("summary", {}, t("stats.as_table")),
            day_table(t, overall.days, caption),
        ),
    ]
    body = element("div", {"class": "gd-readers", "data-gd-block": "readers"}, *blocks)
    return f"# {md_inline(page_title(site))}\n\n{body}\n"
