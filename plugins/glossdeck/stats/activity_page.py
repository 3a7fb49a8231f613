"""The site page "Readers and crawlers": the most-read terms and crawler activity across the glossary."""

from __future__ import annotations

import posixpath

from ..core.glossary import Glossary
from ..site.layout import SiteInfo, page_folder, relative_url
from ..text.markup import Markup, element
from .guestbook_svg import chart_svg, pings
from .sections import day_table
from .snapshot import StatsSnapshot
from .visitor_kinds import KIND_LABELS, Kind

TITLE = "Readers and crawlers"
TOP_TERMS = 25


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
    src = page_src(site)
    folder = page_folder(site.url_of(src))
    ranked = sorted(
        (slug for slug in glossary.entries if snapshot.term(slug).views_total),
        key=lambda slug: (-snapshot.term(slug).views_total, -snapshot.term(slug).views_window, slug),
    )[:TOP_TERMS]
    term_rows: list[list[Markup | str]] = [
        [
            element("a", {"href": relative_url(site.term_url(slug), folder)}, glossary.term(slug).title),
            f"{snapshot.term(slug).views_window:,}",
            f"{snapshot.term(slug).views_total:,}",
        ]
        for slug in ranked
    ]
    overall = snapshot.glossary
    kind_of = dict(overall.names_kind)
    crawler_rows: list[list[Markup | str]] = [
        [name, KIND_LABELS[Kind(kind_of.get(name, Kind.BOT.value))], f"{snapshot.window.get(name, 0):,}", f"{count:,}"]
        for name, count in overall.all_time
    ]
    blocks: list[Markup] = [
        element(
            "p",
            {"class": "gd-readers-intro"},
            f"Counted from the web server's access logs up to {snapshot.today.isoformat()}: page views by people "
            f"({overall.views_total:,} in all, {overall.views_window:,} in the last 30 days) and visits by AI "
            f"crawlers and other bots ({pings(overall.pings_total)} in all).",
        ),
        _table("Most-read terms", ["Term", "Last 30 days", "All time"], term_rows, "gd-readers-terms")
        if term_rows
        else element("p", {}, "No page views counted yet."),
        chart_svg(
            overall.days, f"Crawler visits per day across the glossary, last 30 days: {pings(overall.pings_window)}"
        ),
        _table("Crawler activity", ["Crawler", "Kind", "Last 30 days", "All time"], crawler_rows, "gd-readers-crawlers")
        if crawler_rows
        else element("p", {}, "No crawler visits counted yet."),
        element(
            "details",
            {"class": "gd-guestbook-days"},
            element("summary", {}, "Last 30 days as a table"),
            day_table(overall.days, "Crawler visits per day across the glossary, last 30 days"),
        ),
    ]
    body = element("div", {"class": "gd-readers", "data-gd-block": "readers"}, *blocks)
    return f"# {TITLE}\n\n{body}\n"
