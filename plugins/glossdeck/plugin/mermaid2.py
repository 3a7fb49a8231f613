"""How glossdeck's diagrams meet mkdocs-mermaid2 and Material, checked when the site is configured.

- The site serves Mermaid itself (installed pinned from npm, its ES-module build copied to
  assets/vendor/mermaid/ at set-up). mermaid2's `javascript:` option must be MERMAID_URL, a small
  module that hands mermaid2's tag glossdeck's lazy `window.mermaid` (assets/glossdeck.js): the
  library, and only the chunks of the diagram types a page uses, load when a diagram is drawn.
  The former value (LEGACY_URL, the 5.5 MB mermaid.min.js) is taken as MERMAID_URL.
- mermaid2 looks for a local library inside docs_dir only; glossdeck serves it from the plugin
  instead, so once glossdeck has checked the file exists it tells mermaid2 the path is resolved.
- mermaid2 parses and re-serialises every page that contains the word "mermaid" (BeautifulSoup;
  most of a large build's time). glossdeck's own pages draw their diagrams without it: their
  blocks are hidden from it while it runs (`hide_diagrams`) and shown again after (`show_diagrams`),
  with mermaid2's configured arguments; Material (or glossdeck.js) draws them with the library
  glossdeck.js loads, the same file mermaid2 is set to.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..text.escape import json_for_script

MERMAID_URL = "assets/glossdeck/mermaid.mjs"
LEGACY_URL = "assets/glossdeck/vendor/mermaid.min.js"  # what sites set before glossdeck served modules
VENDOR_FILE = Path(__file__).parent.parent / "assets" / "vendor" / "mermaid" / "mermaid.esm.min.mjs"


def check_mermaid2(mermaid2: Any) -> list[str]:
    """Problems with the mermaid2 plugin's options (empty when it is set up the glossdeck way).

    When its `javascript` is glossdeck's served file, records it as resolved for mermaid2.
    """
    problems: list[str] = []
    options = mermaid2.config
    javascript = (options.get("javascript") or "").strip()
    if not javascript:
        problems.append(
            f"mermaid2 has no 'javascript' option, so it would load Mermaid from a CDN; "
            f"set `javascript: {MERMAID_URL}` (the copy glossdeck serves)"
        )
    elif javascript.lstrip("./") in (MERMAID_URL, LEGACY_URL):
        if not VENDOR_FILE.is_file():
            problems.append(f"{VENDOR_FILE} is missing: run `npm ci` (it copies Mermaid there)")
        else:
            # mermaid2 resolves a local path against docs_dir and caches it in `_javascript`; glossdeck
            # serves this one from the plugin, so it records the path as found (the former whole
            # library's path included: it gets the module too, so no page loads 5.5 MB up front)
            mermaid2._javascript = MERMAID_URL
    elif "://" in javascript or javascript.startswith("//"):
        problems.append(
            f"mermaid2 loads Mermaid from another host ({javascript}); the site must serve it "
            f"itself: set `javascript: {MERMAID_URL}`"
        )
    level = (options.get("arguments") or {}).get("securityLevel")
    if level not in (None, "strict"):
        problems.append(
            f"mermaid2 arguments set securityLevel: {level!r}; glossdeck requires 'strict' "
            "(diagram text comes from term files)"
        )
    return problems


_DIAGRAM = '<pre class="mermaid" data-gd-diagram>'
_HIDDEN = '<pre class="gd-diagram-pending" data-gd-diagram>'


def hide_diagrams(html: str) -> str:
    """glossdeck's diagram blocks in a page's content, out of mermaid2's sight."""
    return html.replace(_DIAGRAM, _HIDDEN)


def show_diagrams(output: str, arguments: dict[str, Any]) -> str:
    """The built page with its diagrams back, and mermaid2's arguments for glossdeck.js to apply."""
    if _HIDDEN not in output:
        return output
    output = output.replace(_HIDDEN, _DIAGRAM)
    config = f"<script>window.mermaidConfig = {{default: {json_for_script(arguments)}}};</script>"
    at = output.rfind("</body>")
    return output[:at] + config + output[at:] if at >= 0 else output + config
