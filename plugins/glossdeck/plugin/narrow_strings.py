"""Generated pages as ASCII strings: a memory trick of the MkDocs front end only.

CPython stores a string at the width of its widest character, so one emoji or arrow in a page's
chrome makes MkDocs hold that page's Markdown and HTML at four bytes per character through the whole
build. Written as numeric character references, the characters look the same in the browser and the
strings stay one byte per character. Outputs meant for people to read (the Markdown export, JSON,
cards) are never narrowed.
"""

from __future__ import annotations

import re

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
            if (
                found
                and found.group(1)[0] == fence[0]
                and len(found.group(1)) >= len(fence)
                and not line.strip().strip(fence[0])
            ):
                fence = ""
            continue
        if found and not (found.group(1)[0] == "`" and "`" in line[found.end() :]):
            fence = found.group(1)
            continue
        # left as they are: headings (anchors are made from their text), lines that may hold inline
        # code (a backtick) and indented code
        if (
            not line.isascii()
            and not line.lstrip().startswith("#")
            and "`" not in line
            and not line.startswith(("    ", "\t"))
        ):
            lines[i] = line.encode("ascii", "xmlcharrefreplace").decode("ascii")
    return "\n".join(lines)


def ascii_html(value: str) -> str:
    """HTML text or attribute content with non-ASCII characters as numeric references."""
    return value if value.isascii() else value.encode("ascii", "xmlcharrefreplace").decode("ascii")
