"""Which browser scripts each learning widget needs, so a page loads only those of its widgets.

Every page loads `learning/core.js` alone (a few KB). Each placeholder lists the scripts its widget
needs (`data-gd-needs`, paths under assets/glossdeck/); core.js loads the ones not loaded yet, in this
order, on the first visit and after each instant navigation, then starts the widget. So a term page
loads paths, quiz and graph code (and d3 for its graph), and no page loads flashcards, explorer or
progress code unless it shows them.
"""

from __future__ import annotations

from ..features import SiteInfo
from ..text.escape import attr

ASSETS_URL = "assets/glossdeck"  # where the site serves glossdeck's assets (plugin.ASSETS_URL)
CORE_SCRIPT = "learning/core.js"

# d3's modules extend one global `d3`: dependencies first.
D3 = ["vendor/d3-dispatch.min.js", "vendor/d3-quadtree.min.js", "vendor/d3-timer.min.js", "vendor/d3-force.min.js"]
# Most widgets read and write progress (progress-store.js), which needs only days.js (calendar days,
# grades, retention). Scheduling cards needs scheduler.js over ts-fsrs (FSRS-6, the global `FSRS`,
# 15 KB gzip; scheduler.js itself 3 KB): the flashcards and progress pages; core.js adds both on any
# page where stored progress is still SM-2's, to turn it into FSRS cards.
SCHEDULING = ["vendor/ts-fsrs.js", "learning/days.js", "learning/scheduler.js"]
PROGRESS = ["learning/days.js", "learning/progress-store.js"]
PATHS = [*PROGRESS, "learning/paths.js"]
# The learning pages' own scripts (no term page runs them): their interface strings are kept out of
# strings.js, which every page loads, in a file they load first (i18n/script.py, Feature.lazy_strings).
PAGE_STRINGS = "strings-pages.js"
PAGE_ONLY_SCRIPTS = ["learning/flashcards.js", "learning/explorer.js", "learning/progress-page.js"]

WIDGET_SCRIPTS: dict[str, list[str]] = {
    "read-first": PATHS,
    "path-progress": PATHS,
    "path-steps": PATHS,
    "term-progress": PATHS,
    "random-term": PATHS,
    "term-quiz": [*PROGRESS, "learning/quiz.js"],
    "quiz-runner": [*PROGRESS, "learning/quiz.js"],
    "flashcards": [PAGE_STRINGS, *SCHEDULING, *PROGRESS, "learning/flashcards.js"],
    "explorer": [PAGE_STRINGS, *PATHS, "learning/explorer.js"],
    "graph": [*PROGRESS, *D3, "learning/graph.js"],
    "local-graph": [*PROGRESS, *D3, "learning/graph.js"],
    "progress": [PAGE_STRINGS, *SCHEDULING, *PATHS, "learning/progress-page.js"],
}


def needs(widget: str) -> str:
    """The widget's scripts, as its placeholder's `data-gd-needs` lists them."""
    return " ".join(dict.fromkeys(WIDGET_SCRIPTS[widget]))


def all_scripts() -> list[str]:
    """Every script a widget may load, once each, in a working load order."""
    seen: dict[str, None] = {}
    for scripts in WIDGET_SCRIPTS.values():
        seen.update(dict.fromkeys(scripts))
    return list(seen)


def preload_links(site: SiteInfo, src: str, scripts: list[str], data: list[str]) -> str:
    """<link rel=preload> for a page's widget scripts and data files (site-relative), which core.js
    then takes from the cache. Data as `fetch` with crossorigin=anonymous: what core.js's same-origin
    fetch() asks, so the preloaded response is the one it gets."""
    links = [
        f'<link rel="preload" as="script" fetchpriority="low" href="{attr(site.relative(src, f"{ASSETS_URL}/{path}"))}">'
        for path in scripts
    ]
    links += [
        f'<link rel="preload" as="fetch" crossorigin="anonymous" fetchpriority="low" href="{attr(site.relative(src, path))}">'
        for path in data
    ]
    return "".join(links)
