"""Rendering every term page, on two cores when a one-off build can fork.

Term pages are the bulk of glossdeck's own work in a build, and each is independent of the others.
With `parallel`, a forked child (forked.py) renders the second half while this process renders the
first; the child sends its pages back through a pipe. Rendering is pure, so the pages are exactly
those of one process. If the child fails for any reason, its half is rendered here, where the same
error (a broken template, say) surfaces as it would without the child.

Under `mkdocs serve` only the first build can fork (later ones run beside the server's threads);
given the memo, the child's pages and everything else it computed are taken into it
(memo.py: `recorded_run`, `preload`), so the first edit re-renders one page, not half of them.
"""

from __future__ import annotations

from collections.abc import Callable

from ..site.index_pages import Rendered, render_one_by_one
from .forked import ForkedTask, ForkedTaskError, fork_available
from .memo import BuildMemo, recorded_run

# Below this many terms a fork (copying page tables, copy-on-write faults) costs more than it saves.
PARALLEL_MIN_TERMS = 200


def render_on_two_cores(
    slugs: list[str], render_one: Callable[[str], str], memo: BuildMemo | None = None
) -> dict[str, Rendered]:
    """Each slug's page Markdown, or a one-element tuple with the reason it failed (a
    `site.index_pages.RenderTerms`)."""
    if len(slugs) < PARALLEL_MIN_TERMS or not fork_available():
        return render_one_by_one(slugs, render_one)
    half = len(slugs) // 2
    child = ForkedTask(recorded_run(memo, lambda: render_one_by_one(slugs[half:], render_one)))
    try:
        mine = render_one_by_one(slugs[:half], render_one)
    except BaseException:
        child.cancel()
        raise
    try:
        theirs, entries = child.result()
        if memo is not None:
            memo.preload(entries)
    except ForkedTaskError:
        theirs = render_one_by_one(slugs[half:], render_one)
    mine.update(theirs)
    return mine
