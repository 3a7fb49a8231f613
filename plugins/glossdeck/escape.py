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
