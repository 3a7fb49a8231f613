"""llms.txt and llms-full.txt at the site's root (the llmstxt.org convention, shipped by the CNCF
glossary, Mintlify, Zensical and Hugo): what an AI reader fetches to learn what a site holds.

llms.txt: an H1 with the site's name, a blockquote summary, then one section per category listing
every term as `- [Title](URL of its Markdown version): TL;DR`. llms-full.txt: the same heading and
summary followed by every term's whole Markdown document, so one request reads the glossary.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..core.glossary import Glossary
from ..core.loading import LoadedTerm
from ..site.layout import SiteInfo
from ..text.escape import commonmark_text, markdown_url
from ..text.plain_text import markdown_to_plain, one_line
from .output_paths import LLMS_FULL_PATH, LLMS_PATH, markdown_path
from .term_markdown import page_link


def summary(glossary: Glossary, site: SiteInfo, description: str | None) -> str:
    """One plain-text line saying what the site is."""
    if description and description.strip():
        return one_line(description)
    return site.messages("index.home_intro", count=len(glossary))


def _heading(glossary: Glossary, site: SiteInfo, description: str | None) -> list[str]:
    return [
        f"# {commonmark_text(one_line(site.site_name) or 'Glossary')}",
        "",
        f"> {commonmark_text(summary(glossary, site, description))}",
        "",
    ]


def term_line(site: SiteInfo, entry: LoadedTerm) -> str:
    """A term's line in llms.txt: its title, linked to its Markdown version, and its TL;DR."""
    url = markdown_url(page_link(site, markdown_path(entry.slug), LLMS_PATH))
    title = commonmark_text(one_line(entry.term.title))
    tldr = commonmark_text(markdown_to_plain(entry.term.tldr))
    return f"- [{title}]({url}): {tldr}"


def llms_txt(
    glossary: Glossary,
    site: SiteInfo,
    description: str | None,
    line_for: Callable[[LoadedTerm], str] | None = None,
) -> str:
    """`line_for`: each term's line (default term_line; `mkdocs serve` keeps those of unchanged terms)."""
    line = line_for or (lambda entry: term_line(site, entry))
    out = _heading(glossary, site, description)
    t = site.messages
    full = f"[{LLMS_FULL_PATH}]({markdown_url(page_link(site, LLMS_FULL_PATH, LLMS_PATH))})"
    out += [f"{commonmark_text(t('markdown.llms_intro'))} {t('markdown.llms_full', link=full)}", ""]
    by_category = glossary.categories
    for category in site.category_order(list(by_category)):
        out += [f"## {commonmark_text(one_line(site.category_title(category)))}", ""]
        out += [line(entry) for entry in by_category[category]]
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def llms_full_txt(glossary: Glossary, site: SiteInfo, description: str | None, documents: Iterable[str]) -> str:
    """`documents`: each term's Markdown written from the site root, its heading an H2 (see
    term_markdown's `from_path` and `depth`)."""
    parts = ["\n".join(_heading(glossary, site, description)).rstrip("\n")]
    parts += [doc.strip("\n") for doc in documents]
    return "\n\n".join(parts) + "\n"
