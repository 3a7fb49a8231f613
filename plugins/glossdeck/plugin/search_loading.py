"""Material's search, started when a reader starts a search, typo-tolerant, term pages first.

- Material's bundle downloads the whole search index (search/search_index.json, about 100 KB gzip
  for this repository) and its Lunr worker on every page. `defer_index` inlines
  assets/search/defer-index.js in each page's <head>, which holds that one request back until the
  search field gets focus; `lazy_worker` points Material's worker setting at assets/search/worker.js
  (published beside Material's worker), which loads Material's worker with the first message and
  asks a query that found nothing again with fuzzy words.
- Term pages rank above tag, listing and documentation pages: their search entries get a boost
  (`TERM_BOOST`, Material's per-page `search.boost`) and the term's tags (Material's `tags` search
  field), so "injection" finds SQL Injection, tagged so, first; results show the tags too.

Only for Material (and themes that share its `__config` and worker layout); other themes' pages
are left as they are.
"""

from __future__ import annotations

import re
from collections.abc import MutableMapping
from pathlib import Path
from typing import Any

ASSETS = Path(__file__).parent.parent / "assets" / "search"
WORKER_SRC = "assets/javascripts/workers/glossdeck-search.js"  # beside Material's: Lunr's languages resolve
TERM_BOOST = 4.0
# Material's `__config`: "search": "<relative path>assets/javascripts/workers/search.<hash>.min.js"
_WORKER_SETTING = re.compile(r'("search": ")([^"]*?assets/javascripts/workers/)(search\.[0-9a-z]+\.min\.js)"')


def uses_material_search(config: Any) -> bool:
    """The site has Material's search plugin (the theme's `search`, or `material/search`)."""
    plugins = config.plugins
    search = plugins.get("material/search") or plugins.get("search")
    return search is not None and type(search).__module__.startswith("material.")


def defer_script() -> str:
    """The <script> that holds the index request back (read once per build, inlined in every page)."""
    return "<script>" + (ASSETS / "defer-index.js").read_text(encoding="utf-8") + "</script>"


def worker_source() -> str:
    return (ASSETS / "worker.js").read_text(encoding="utf-8")


def lazy_search(output: str, script: str) -> str:
    """A built page with the deferring script in its <head> and Material's worker setting pointing at
    glossdeck's; unchanged when the page has no Material search configuration."""
    rewritten, count = _WORKER_SETTING.subn(r'\1\2glossdeck-search.js#\3"', output, count=1)
    if not count:
        return output
    at = rewritten.find("</head>")
    return rewritten[:at] + script + rewritten[at:] if at >= 0 else rewritten


def boost_term(meta: MutableMapping[str, Any], tags: list[str]) -> None:
    """A term page's meta as search reads it: boosted, and tagged with the term's tags. The caller
    puts `tags` back before the theme renders the page (a theme's tags plugin would list them)."""
    search = meta.get("search")
    if not isinstance(search, dict):
        search = meta["search"] = {}
    search.setdefault("boost", TERM_BOOST)
    meta["tags"] = list(tags)
