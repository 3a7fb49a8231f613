"""Where glossdeck's <head> markup goes in a built page.

Link-preview clients read only the start of a page (Teams and Telegram about 16 KB), and a theme's
<head> can be longer than that with its stylesheets, scripts and a term's JSON-LD. Features'
markup (Open Graph meta, alternate links) therefore goes right after the charset declaration, which
must itself stay within the first 1024 bytes; JSON-LD, which no preview reads, goes at the end.
"""

from __future__ import annotations

import re

_HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
_CHARSET = re.compile(r"\s*<meta\s+charset\s*=\s*[\"']?[\w-]+[\"']?\s*/?>", re.IGNORECASE)


def insert_early(page: str, markup: str) -> str:
    """`markup` just inside <head> (after <meta charset> when that comes first); the page unchanged
    when it has no <head>."""
    if not markup:
        return page
    found = _HEAD.search(page)
    if found is None:
        return page
    at = found.end()
    charset = _CHARSET.match(page, at)
    if charset is not None:
        at = charset.end()
    return page[:at] + markup + page[at:]


def insert_late(page: str, markup: str) -> str:
    """`markup` just before </head>."""
    at = page.find("</head>")
    return page[:at] + markup + page[at:] if markup and at >= 0 else page
