"""Escaping text from YAML for every place it lands: HTML text, attributes, inline Markdown, <script> JSON.

Nothing a term author writes may change the structure of a page; every renderer goes through here.
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

# Python-Markdown's backslash-escapable characters ...
_MD_BACKSLASH = re.compile(r"([\\`*_{}\[\]()#+\-.!])")
# ... and those extensions give meaning to (tables, pymdownx tilde/caret/mark, emoji), as entities.
_MD_ENTITY = re.compile(r"[|~^=:]")


def text(value: object) -> str:
    """Plain text as HTML element content."""
    return html.escape(str(value), quote=False)


def attr(value: object) -> str:
    """Plain text as an HTML attribute value (always written between double quotes)."""
    return html.escape(str(value), quote=True)


def md_inline(value: object) -> str:
    """Plain text as inline Markdown: HTML-escaped, Markdown syntax backslash-escaped.

    Escaping "{" and ":" also stops attr_list (`{: onclick=...}`) from adding attributes.
    """
    escaped = _MD_BACKSLASH.sub(r"\\\1", html.escape(" ".join(str(value).split()), quote=False))
    return _MD_ENTITY.sub(lambda m: f"&#{ord(m.group())};", escaped)


def json_for_script(data: Any) -> str:
    """JSON that is safe inside <script type="application/ld+json">: no "</script>", "<!--" or "&" entity."""
    out = json.dumps(data, ensure_ascii=False, sort_keys=False, indent=None, separators=(",", ":"))
    return (out.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def yaml_scalar(value: str) -> str:
    """A YAML front-matter value: a JSON string is a valid YAML double-quoted scalar."""
    return json.dumps(value, ensure_ascii=False)


# A fence opens with 3+ backticks or tildes (up to 3 spaces of indent) and closes with at least as many.
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def ascii_page(markdown: str) -> str:
    """A generated page's Markdown with every non-ASCII character written as a numeric character
    reference, except where a reference would show literally or change a name: front matter, fenced
    code (and diagrams) and heading lines.

    Why: CPython stores a string at the width of its widest character, so one emoji in a page's
    chrome makes MkDocs hold that page's Markdown and HTML at four bytes per character through the
    whole build. The browser shows references as the characters themselves.
    """
    if markdown.isascii():
        return markdown
    lines = markdown.split("\n")
    fence = ""
    in_front_matter = bool(lines) and lines[0] == "---"
    for i, line in enumerate(lines):
        if in_front_matter:
            in_front_matter = not (i > 0 and line in ("---", "..."))
            continue
        found = _FENCE.match(line)
        if fence:
            if found and found.group(1)[0] == fence[0] and len(found.group(1)) >= len(fence) \
                    and not line.strip().strip(fence[0]):
                fence = ""
            continue
        if found and not (found.group(1)[0] == "`" and "`" in line[found.end():]):
            fence = found.group(1)
            continue
        # left as they are: headings (anchors are made from their text), lines that may hold inline
        # code (a backtick) and indented code
        if not line.isascii() and not line.lstrip().startswith("#") and "`" not in line \
                and not line.startswith(("    ", "\t")):
            lines[i] = line.encode("ascii", "xmlcharrefreplace").decode("ascii")
    return "\n".join(lines)


def ascii_html(value: str) -> str:
    """HTML text or attribute content with non-ASCII characters as numeric references."""
    return value if value.isascii() else value.encode("ascii", "xmlcharrefreplace").decode("ascii")
