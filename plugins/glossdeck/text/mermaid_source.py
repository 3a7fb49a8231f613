"""Making a diagram's Mermaid source safe to put in a page.

A diagram comes from YAML, so it must not be able to add HTML to the page or interactivity to the
diagram: interactive directives (click, call, href, link) and init/config directives are removed,
and every HTML tag other than <br/> is turned into Mermaid's entity codes so it shows as text.
The page also keeps Mermaid's `securityLevel: 'strict'` (see the plugin), a second line of defence.
"""

from __future__ import annotations

import html
import re

INTERACTIVE = re.compile(r"^\s*(click|call|callback|href|link|links)\b", re.IGNORECASE)
DIRECTIVE = re.compile(r"%%\s*\{")
_BR = re.compile(r"<\s*br\s*/?\s*>", re.IGNORECASE)
_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")
_BR_MARK = "\x00br\x00"
REMOVED_NOTE = "%% glossdeck removed an interactive or config directive here"


def sanitize(source: str) -> tuple[str, list[str]]:
    """Safe Mermaid source and the lines that were removed (for warnings)."""
    removed: list[str] = []
    lines: list[str] = []
    for line in source.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if INTERACTIVE.match(line) or DIRECTIVE.search(line):
            removed.append(line.strip())
            indent = line[: len(line) - len(line.lstrip())]
            lines.append(indent + REMOVED_NOTE)
            continue
        line = _BR.sub(_BR_MARK, line)
        # "<tag" -> "#60;tag": Mermaid shows the entity as "<" but never parses it as HTML.
        line = _TAG_START.sub("#60;", line)
        # a ">" closing such a tag: only where a neutralised tag is open on this line
        out, open_tag = [], False
        for index, char in enumerate(line):
            if line.startswith("#60;", index):
                open_tag = True
            if char == ">" and open_tag:
                out.append("#62;")
                open_tag = False
                continue
            out.append(char)
        lines.append("".join(out).replace(_BR_MARK, "<br/>"))
    return "\n".join(lines).strip("\n"), removed


def for_raw_html_fence(safe_source: str) -> str:
    """Body of a fence whose formatter copies it into HTML unescaped (mermaid2's fence_mermaid_custom).

    Escaped here, the browser's textContent gives Mermaid back exactly the safe source, <br/> included.
    """
    return html.escape(safe_source, quote=False)


def html_block(safe_source: str) -> str:
    """The diagram as the HTML a Mermaid fence would give (`<pre class="mermaid"><code>`), for sites
    with no `mermaid` fence: Material draws every `pre.mermaid`, glossdeck.js does on other themes.
    `data-gd-diagram` marks it as glossdeck's, so glossdeck.js never draws a site's own blocks."""
    return f'<pre class="mermaid" data-gd-diagram><code>{html.escape(safe_source, quote=False)}</code></pre>'


def fence(body: str, language: str = "mermaid") -> str:
    """A Markdown code fence long enough that the body cannot close it."""
    longest = max((len(m) for m in re.findall(r"`+", body)), default=0)
    ticks = "`" * max(3, longest + 1)
    return f"{ticks}{language}\n{body}\n{ticks}"
