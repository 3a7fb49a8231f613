"""Term links in rendered prose: placeholders made by `text/prose.py`, resolved for one page.

Prose is converted once per source text (and kept between `mkdocs serve` rebuilds), but where a
`[[slug]]` link points depends on the page showing it, and the title it shows on the glossary.
So a conversion leaves `<a class="gd-termlink" href="gd-term:SLUG">` and, for a link without its
own text, the title placeholder `TITLE_OPEN SLUG TITLE_CLOSE`; `resolve_html` (per page) and
`resolve_plain` (plain text) put in the real URL and title.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass

from ..core.glossary import Glossary
from ..core.term_links import find_term_links
from .escape import attr, commonmark_text, markdown_url, text

HREF_PREFIX = "gd-term:"
TITLE_OPEN, TITLE_CLOSE = "\ue010", "\ue011"  # private-use: never in prose (prose.py removes them)
_LINK = re.compile(r'<a class="gd-termlink" href="gd-term:([^"]*)">(.*?)</a>', re.DOTALL)
_TITLE = re.compile(f"{TITLE_OPEN}([^{TITLE_CLOSE}]*){TITLE_CLOSE}")


@dataclass(frozen=True)
class Target:
    """Where a term link goes from one page, and the title it shows."""

    href: str
    title: str
    missing: bool = False  # no term file defines the slug (yet): the link goes to the Wanted terms page
    note: str = ""  # a missing term's tooltip, in the site's language ("(not written yet)")


def title_placeholder(slug: str) -> str:
    return f"{TITLE_OPEN}{slug}{TITLE_CLOSE}"


def strip_placeholders(source: str) -> str:
    """Prose as written, without the private-use characters placeholders are made of."""
    return source.replace(TITLE_OPEN, "").replace(TITLE_CLOSE, "")


def resolve_html(fragment: str, target: Callable[[str], Target]) -> str:
    """Rendered prose with every term link pointing at its term (or its Wanted terms entry)."""
    if HREF_PREFIX not in fragment:
        return fragment

    def link(found: re.Match[str]) -> str:
        slug = html.unescape(found.group(1))
        goal = target(slug)
        inner = _TITLE.sub(lambda m: text(target(html.unescape(m.group(1))).title), found.group(2))
        if goal.missing:
            note = f' title="{attr(goal.note)}"' if goal.note else ""
            return f'<a class="gd-termlink gd-missing-term" href="{attr(goal.href)}" rel="nofollow"{note}>{inner}</a>'
        return f'<a class="gd-termlink" href="{attr(goal.href)}">{inner}</a>'

    return _LINK.sub(link, fragment)


def resolve_plain(value: str, title_for: Callable[[str], str]) -> str:
    """Plain text with each title placeholder replaced by the term's title."""
    if TITLE_OPEN not in value:
        return value
    return _TITLE.sub(lambda m: title_for(m.group(1)), value)


def resolve_markdown(prose: str, link_for: Callable[[str], tuple[str, str | None]]) -> str:
    """Markdown prose with each term link written as a plain Markdown link, for outputs read as
    Markdown elsewhere (the JSON API): `link_for(slug)` gives the term's title and its URL (None for a
    term not written yet: its title, unlinked). Code keeps `[[...]]` as written."""
    links = find_term_links(prose)
    if not links:
        return prose
    out, position = [], 0
    for found in links:
        title, url = link_for(found.slug)
        shown = commonmark_text(found.text or title)
        out += [prose[position : found.start], f"[{shown}]({markdown_url(url)})" if url else shown]
        position = found.end
    out.append(prose[position:])
    return "".join(out)


def titles_from(glossary: Glossary) -> Callable[[str], str]:
    """The title a term link (`[[slug]]`) shows in plain text: the term's, or a stand-in for one
    not written yet."""
    return lambda slug: glossary.term(slug).title if slug in glossary else guess_title(slug)


def guess_title(slug: str) -> str:
    """A readable stand-in title for a term not written yet: "sql-injection" -> "Sql injection"."""
    return slug.replace("-", " ").capitalize()
