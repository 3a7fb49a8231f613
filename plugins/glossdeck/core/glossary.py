"""The glossary as a whole: look-ups, categories, tags, backlinks, prerequisite order, wanted terms."""

from __future__ import annotations

import graphlib
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .loading import LoadedTerm
from .model import Term
from .problems import Problem
from .term_links import linked_slugs

# tags/<tag>.md would replace the tags index page: checks report such a tag, and it gets no page
RESERVED_TAGS = frozenset({"index"})


@dataclass
class Glossary:
    """Terms by slug, in slug order. Built once per load; read-only afterwards."""

    entries: dict[str, LoadedTerm] = field(default_factory=dict)
    roots: tuple[Path, ...] = ()  # the folders (or files) it was loaded from; side files live there
    # slug -> why its file cannot be used now: the entry is its last good version (under `mkdocs serve`)
    stale: dict[str, tuple[Problem, ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.entries = dict(sorted(self.entries.items()))

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, slug: object) -> bool:
        return slug in self.entries

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.entries.values())

    def term(self, slug: str) -> Term:
        return self.entries[slug].term

    @cached_property
    def slugs(self) -> tuple[str, ...]:
        """Every slug, in order; listed once per glossary (per-term code must not copy the whole list)."""
        return tuple(self.entries)

    @cached_property
    def _names(self) -> dict[str, str]:
        """lowercased slug, title and alias -> slug (titles win over aliases)."""
        names: dict[str, str] = {}
        for entry in self.entries.values():
            for alias in entry.term.aliases:
                names.setdefault(alias.lower(), entry.slug)
        for entry in self.entries.values():
            names[entry.slug] = entry.slug
            names[entry.term.title.lower()] = entry.slug
        return names

    def lookup(self, name: str) -> LoadedTerm | None:
        """A term by slug, title or alias, case-insensitively."""
        slug = self._names.get(name.strip().lower())
        return self.entries.get(slug) if slug else None

    @cached_property
    def uses_debt(self) -> bool:
        """True when at least one term has a DEBT score: only then do pages explain DEBT."""
        return any(entry.term.debt is not None for entry in self.entries.values())

    @cached_property
    def categories(self) -> dict[str, list[LoadedTerm]]:
        grouped: dict[str, list[LoadedTerm]] = defaultdict(list)
        for entry in self.entries.values():
            grouped[entry.term.category].append(entry)
        return {c: sorted(v, key=lambda e: e.term.title.lower()) for c, v in sorted(grouped.items())}

    @cached_property
    def tags(self) -> dict[str, list[LoadedTerm]]:
        grouped: dict[str, list[LoadedTerm]] = defaultdict(list)
        for entry in self.entries.values():
            for tag in entry.term.tags:
                if tag not in RESERVED_TAGS:
                    grouped[tag].append(entry)
        return {t: sorted(v, key=lambda e: e.term.title.lower()) for t, v in sorted(grouped.items())}

    @staticmethod
    def outgoing(term: Term) -> list[str]:
        """Slugs this term points at (prerequisites, related, related problems), in order, once each."""
        refs = [*term.prerequisites, *term.related, *(term.dev_intel.related_problems if term.dev_intel else [])]
        return list(dict.fromkeys(refs))

    @staticmethod
    def references(term: Term) -> list[str]:
        """Everything a term points at: its reference lists, then the term links in its prose."""
        return list(dict.fromkeys([*Glossary.outgoing(term), *linked_slugs(term)]))

    def linked_titles(self, slug: str) -> tuple[tuple[str, str | None], ...]:
        """The slugs a term's prose links and their titles (None for a term not written yet): what
        its prose shows of other terms, part of the key of anything kept that shows it."""
        return tuple(
            (s, self.entries[s].term.title if s in self.entries else None) for s in self.term(slug).prose_links
        )

    @cached_property
    def _backlinks(self) -> dict[str, list[str]]:
        back: dict[str, list[str]] = defaultdict(list)
        for entry in self.entries.values():
            for target in self.references(entry.term):
                if target in self.entries and target != entry.slug:
                    back[target].append(entry.slug)
        return back

    def backlinks(self, slug: str) -> list[str]:
        """Slugs of the terms that point at this one."""
        return list(self._backlinks.get(slug, []))

    @cached_property
    def wanted(self) -> dict[str, list[str]]:
        """Slugs that terms refer to but no term file defines (yet) -> the slugs of the terms that want
        them, in order. These references show as "not written yet" and are listed on one page."""
        wants: dict[str, list[str]] = defaultdict(list)
        for entry in self.entries.values():
            for target in self.references(entry.term):
                if target not in self.entries:
                    wants[target].append(entry.slug)
        return dict(sorted(wants.items()))

    def _prerequisites_present(self, slug: str) -> list[str]:
        return [p for p in self.entries[slug].term.prerequisites if p in self.entries and p != slug]

    @cached_property
    def prerequisite_cycle(self) -> list[str] | None:
        """One cycle among prerequisites as [a, ..., a], each listed before the one it depends on; None if none."""
        sorter: graphlib.TopologicalSorter[str] = graphlib.TopologicalSorter()
        for slug in self.entries:
            sorter.add(slug, *self._prerequisites_present(slug))
        try:
            sorter.prepare()
        except graphlib.CycleError as exc:
            return list(exc.args[1])
        return None

    @cached_property
    def _prerequisite_order(self) -> list[str]:
        # Depth first, prerequisites before the term, in slug order; an edge back into the chain being
        # walked (a cycle, which checks report) is skipped, so the order exists for every glossary.
        order: list[str] = []
        done: set[str] = set()
        for root in self.entries:
            if root in done:
                continue
            walking = {root}
            stack: list[tuple[str, list[str]]] = [(root, self._prerequisites_present(root))]
            while stack:
                slug, pending = stack[-1]
                while pending and (pending[0] in done or pending[0] in walking):
                    pending.pop(0)
                if pending:
                    nxt = pending.pop(0)
                    walking.add(nxt)
                    stack.append((nxt, self._prerequisites_present(nxt)))
                    continue
                stack.pop()
                walking.discard(slug)
                done.add(slug)
                order.append(slug)
        return order

    def prerequisite_order(self) -> list[str]:
        """Every slug, prerequisites before the terms that need them (on a cycle, the edge that closes
        it is ignored). Sorted once per glossary: `read_first` asks for it once per term."""
        return list(self._prerequisite_order)

    @cached_property
    def _order_index(self) -> dict[str, int]:
        return {slug: i for i, slug in enumerate(self._prerequisite_order)}

    def read_first(self, slug: str) -> list[str]:
        """All transitive prerequisites of a term, in dependency order (not the term itself)."""
        needed: set[str] = set()
        stack = list(self.entries[slug].term.prerequisites)
        while stack:
            current = stack.pop()
            if current in needed or current not in self.entries or current == slug:
                continue
            needed.add(current)
            stack.extend(self.entries[current].term.prerequisites)
        return sorted(needed, key=self._order_index.__getitem__)  # O(needed), not O(glossary)
