"""What every renderer of one build shares: the glossary, the rubric, the layout and site options."""

from __future__ import annotations

import datetime as dt
import os
from collections import defaultdict
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from ..core.glossary import Glossary
from ..core.loading import LoadedTerm
from ..core.model import Term
from ..core.rubric import Rubric
from ..core.term_links import linked_slugs
from ..features import Build, Feature
from ..i18n.messages import Messages
from ..reuse import Memo, reuse
from ..text.prose import ProseRenderer
from ..text.term_links import Target, guess_title, resolve_plain
from .autolink import Autolinker
from .layout import Layout, default_title


def build_date() -> dt.date:
    """Today, or the date of SOURCE_DATE_EPOCH when set (reproducible builds, golden tests)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.date.today()


def default_category_title(slug: str) -> str:
    return default_title(slug)


@dataclass
class SiteContext:
    glossary: Glossary
    rubric: Rubric
    layout: Layout
    category_titles: dict[str, str] = field(default_factory=dict)  # in the order categories are listed
    features: list[Feature] = field(default_factory=list)
    mermaid_raw_html_fence: bool = True  # the site's mermaid fence copies its body into HTML unescaped
    mermaid_fence: bool = True  # the site has a `mermaid` fence; without one, diagrams are written as HTML
    # mark finished HTML blocks, which the MkDocs plugin hands to the page without a Markdown pass
    mark_html_blocks: bool = False
    autolink_exclude: tuple[str, ...] = ()
    recent_days: int = 7
    recent_count: int = 10
    today: dt.date = field(default_factory=build_date)
    site_description: str | None = None
    terms_dir: str = "terms"  # where term files live, as the project's commands name it (Wanted terms)
    cache_dir: str | None = None  # features' content-named files kept between builds (Build.cache_dir)
    # What `mkdocs serve` rebuilds reuse (the plugin's memo); None in a one-off build
    memo: Memo | None = None
    # Prose conversions of this build (the plugin passes the one its memo keeps under serve)
    prose: ProseRenderer = field(default_factory=ProseRenderer)
    # Settings for features (Build.options): the plugin's stats and ratings options
    feature_options: dict[str, Any] = field(default_factory=dict)
    # Wraps each phase of work so a front end can time it (the plugin's timer; by default nothing)
    phase: Callable[[str], AbstractContextManager[object]] = lambda name: nullcontext()
    # Under `mkdocs serve`: the terms this build may show differently than the last (Build.affected)
    affected: frozenset[str] | None = None

    def category_title(self, category: str) -> str:
        return self.category_titles.get(category) or default_category_title(category)

    def tag_title(self, tag: str) -> str:
        return self.layout.site.tag_title(tag)

    @property
    def t(self) -> Messages:
        """The site's interface strings: `ctx.t("term.tldr")`, `ctx.t.count("count.terms", n)`."""
        return self.layout.site.messages

    @cached_property
    def build(self) -> Build:
        """This build as features see it."""
        return Build(
            self.glossary,
            self.layout.site,
            self.memo,
            options=self.feature_options,
            site_description=self.site_description,
            cache_dir=self.cache_dir,
            affected=self.affected,
        )

    @cached_property
    def category_order(self) -> list[str]:
        """Configured categories first (in their order), then the others alphabetically; only used ones."""
        used = self.glossary.categories
        ordered = [c for c in self.category_titles if c in used]
        return ordered + [c for c in used if c not in ordered]

    @cached_property
    def autolinker(self) -> Autolinker:
        # under `mkdocs serve`, built again only when a name changes (tens of milliseconds a build)
        return reuse(
            self.memo,
            "autolinker",
            "site",
            self.autolink_key,
            lambda: Autolinker.from_glossary(self.glossary, self.autolink_exclude),
        )

    def neighbours(self, entry: LoadedTerm) -> list[str]:
        """The terms a term's page or files may show something of, from its side: those it points
        at (references, term links) and those its prose names (core/term_changes.py)."""
        return [*Glossary.references(entry.term), *self.mentions(entry.slug)]

    @cached_property
    def _backlinks(self) -> dict[str, list[str]]:
        """Who points at each term: explicit references first, then terms whose prose names it."""
        back: dict[str, dict[str, None]] = defaultdict(dict)
        for entry in self.glossary:
            for target in self.glossary.references(entry.term):
                if target in self.glossary and target != entry.slug:
                    back[target][entry.slug] = None
        for entry in self.glossary:
            for target in self.mentions(entry.slug):
                if target != entry.slug:
                    back[target][entry.slug] = None
        return {slug: list(sources) for slug, sources in back.items()}

    def mentions(self, slug: str) -> list[str]:
        """The terms a term's prose names, sorted (scanned once per build, or once per edit)."""
        entry = self.glossary.entries[slug]

        def scan() -> list[str]:
            return sorted(self.autolinker.mentions(prose_text(entry.term)))

        return reuse(self.memo, "mentions", slug, (entry.digest, self.autolinker.key), scan)

    @cached_property
    def autolink_key(self) -> int:
        """Everything auto-linking a page depends on besides the page: names, titles, exclusions,
        layout. Pages linked by an earlier build with the same key and HTML are reused."""
        names = tuple((e.slug, e.term.title, tuple(e.term.aliases), e.term.autolink) for e in self.glossary)
        return hash((names, self.autolink_exclude, self.layout))

    def backlinks(self, slug: str) -> list[str]:
        return self._backlinks.get(slug, [])

    def title_for(self, slug: str) -> str:
        """A term's title; for a slug not written yet, a stand-in made from it."""
        entry = self.glossary.entries.get(slug)
        return entry.term.title if entry is not None else guess_title(slug)

    def term_target(self, from_src: str) -> Callable[[str], Target]:
        """Where a term link (`[[slug]]`) on the page `from_src` goes: the term's page, or for a
        term not written yet its entry on the Wanted terms page."""
        layout = self.layout

        def target(slug: str) -> Target:
            if slug in self.glossary:
                return Target(layout.href(from_src, layout.term(slug)), self.glossary.term(slug).title)
            href = layout.href(from_src, layout.wanted, f"wanted-{slug}")
            return Target(href, guess_title(slug), missing=True, note=self.t("term.not_written"))

        return target

    def link_titles(self, slug: str) -> tuple[tuple[str, str], ...]:
        """The titles a term's term links show (`[[slug]]`): part of the key of anything kept
        between `mkdocs serve` rebuilds that shows its prose as text (list items, JSON-LD)."""
        return tuple((s, self.title_for(s)) for s in linked_slugs(self.glossary.term(slug)))

    def plain_text(self, source: str) -> str:
        """Prose as plain text (descriptions, list excerpts, structured data), term links as their titles."""
        return resolve_plain(self.prose.to_plain_text(source), self.title_for)


def prose_text(term: Term) -> str:
    """All the prose of a term, joined: what auto-linking would scan on its page."""
    parts = [term.tldr, term.explanation or "", term.why_it_matters or "", term.quick_fix or "", *term.mistakes]
    if term.misconception:
        parts += [term.misconception.belief, term.misconception.correction]
    return "\n".join(parts)
