"""Incremental rebuilds: under `mkdocs serve` a term page is rendered again only when its inputs change.

A term page depends on its own file, on what it shows of the terms it names (their title and TL;DR,
and which terms point back at it), on the sections features add to it, and on the site's settings
and templates. `CachingRenderer` keys each rendered page by all of these, so editing one term's
explanation re-renders that term only, and changing its title re-renders it and the pages that list
it, nothing else.
"""

from __future__ import annotations

import functools
from collections.abc import Hashable, Sequence
from pathlib import Path

import jinja2

from ..features import TermSection
from ..reuse import reuse
from ..site.context import SiteContext
from ..site.term_page import TermPageRenderer, template_environment, template_fingerprint
from .memo import BuildMemo


def settings_key(ctx: SiteContext, templates: bytes) -> tuple[Hashable, ...]:
    """The site-wide inputs of every term page: layout, category titles, fence style, features,
    templates (hashed anew each build, so an edited template invalidates every page)."""
    return (
        ctx.layout,
        tuple(ctx.category_titles.items()),
        ctx.mermaid_raw_html_fence,
        ctx.mermaid_fence,
        ctx.mark_html_blocks,
        tuple(type(f).__qualname__ + ":" + f.name for f in ctx.features),
        templates,
    )


class CachingRenderer(TermPageRenderer):
    """A TermPageRenderer that reuses pages rendered by an earlier build with the same inputs."""

    def __init__(self, ctx: SiteContext, override_dirs: Sequence[str | Path], memo: BuildMemo) -> None:
        templates = template_fingerprint(override_dirs)
        # Compiling the page template is the largest fixed cost of a rebuild: the environment is
        # kept by override folders and template contents (any template edit makes a new key).
        env: jinja2.Environment = reuse(
            memo,
            "templates",
            "environment",
            (tuple(str(d) for d in override_dirs), templates),
            lambda: template_environment(override_dirs),
        )
        super().__init__(ctx, override_dirs, env=env)
        self.memo = memo
        self.settings = settings_key(ctx, templates)

    def render(self, slug: str, sections: Sequence[TermSection] = ()) -> str:
        entry = self.ctx.glossary.entries[slug]
        stale = self.ctx.glossary.stale.get(slug)
        # what the page shows of other terms: for a term no edit touched, the last build's, unread
        # (made twice for a term that changed: a handful per rebuild)
        dependencies = functools.partial(self.dependencies, slug)
        shown = self.ctx.build.term_value("term-page-dependencies", slug, dependencies, dependencies)
        key = (self.settings, entry.file, entry.digest, shown, tuple(sections), stale)
        return reuse(self.memo, "term-pages", slug, key, lambda: TermPageRenderer.render(self, slug, sections))
