"""Rendering every term page, on two cores when a one-off build can fork.

Term pages are the bulk of glossdeck's own work in a build, and each is independent of the others.
With `parallel`, a forked child (forked.py) renders the second half while this process renders the
first; the child sends its pages back through a pipe. Rendering is pure, so the pages are exactly
those of one process. If the child fails for any reason, its half is rendered here, where the same
error (a broken template, say) surfaces as it would without the child.
"""

from __future__ import annotations

from typing import Callable, Union

import jinja2

from .forked import ForkedTask, ForkedTaskError, fork_available

# Below this many terms a fork (copying page tables, copy-on-write faults) costs more than it saves.
PARALLEL_MIN_TERMS = 200

Rendered = Union[str, tuple[str]]  # the page's Markdown, or (why it could not be rendered,)


def _render_range(slugs: list[str], render_one: Callable[[str], str]) -> dict[str, Rendered]:
    out: dict[str, Rendered] = {}
    for slug in slugs:
        try:
            out[slug] = render_one(slug)
        except jinja2.TemplateError:
            raise  # every page would fail the same way: the build stops
        except Exception as exc:  # one odd term must not stop the site
            out[slug] = (repr(exc),)
    return out


def render_term_pages(slugs: list[str], render_one: Callable[[str], str], *, parallel: bool) -> dict[str, Rendered]:
    """Each slug's page Markdown, or a one-element tuple with the reason it failed."""
    if not parallel or len(slugs) < PARALLEL_MIN_TERMS or not fork_available():
        return _render_range(slugs, render_one)
    half = len(slugs) // 2
    child = ForkedTask(lambda: _render_range(slugs[half:], render_one))
    try:
        mine = _render_range(slugs[:half], render_one)
    except BaseException:
        child.cancel()
        raise
    try:
        theirs = child.result()
    except ForkedTaskError:
        theirs = _render_range(slugs[half:], render_one)
    mine.update(theirs)
    return mine
