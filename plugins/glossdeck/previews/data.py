"""The preview of each term as a tiny JSON file beside its page.

`terms/<slug>.preview.json` holds what a preview shows (title, TL;DR as plain text, DEBT string,
the page's site-relative URL): a few hundred bytes, fetched by the browser the first time a reader
shows interest in a link to that term, never the whole page and never the whole glossary. Its
address comes from the link itself (the page URL without its trailing "/" or ".html", plus
PREVIEW_SUFFIX), so the script needs no index and works under any site sub-path.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import unquote

from ..core.glossary import Glossary
from ..features import SiteInfo
from ..text.plain_text import markdown_paragraphs_to_plain as plain_text

PREVIEW_SUFFIX = ".preview.json"
PREVIEW_VERSION = 1


def preview_path(site: SiteInfo, slug: str) -> str:
    """Where a term's preview file is written, site-relative (see the module's docstring): a file
    path, so a slug in another script (容器) is written as itself; the page's URL is percent-encoded,
    and the browser's request for terms/%E5%AE%B9%E5%99%A8.preview.json is decoded by the server."""
    page = unquote(site.url_of(site.term_src(slug)))
    return page.removesuffix("/").removesuffix(".html") + PREVIEW_SUFFIX


def preview_record(glossary: Glossary, site: SiteInfo, slug: str) -> dict[str, Any]:
    term = glossary.term(slug)
    record: dict[str, Any] = {
        "version": PREVIEW_VERSION,
        "slug": slug,
        "title": term.title,
        "tldr": plain_text(term.tldr),
        "url": site.term_url(slug),
    }
    if term.debt:
        record["debt"] = term.debt.string
    return record


def preview_bytes(record: dict[str, Any]) -> bytes:
    # ensure_ascii: the file is safe whatever encoding a server declares for it
    return json.dumps(record, ensure_ascii=True, separators=(",", ":")).encode("ascii")
