"""Which terms a rebuild may show differently: the ones whose files changed, and their neighbours.

Under `mkdocs serve`, most of what a term's page and files show comes from its own file; the rest
comes from the terms it is linked with, either way: the titles and TL;DRs of the terms it links to
or names, and which terms link to it or name it ("Referenced by"). So after an edit, a term that was
not edited and is not linked with an edited term (before or after the edit) shows what it showed.
One more step when a term's title changes, or a term is added or removed: the terms whose prose
links it show it differently (a link's text is the title; "not written yet"), and so do their
neighbours, which show that prose (a related term's TL;DR).

`affected_terms` finds the terms that may show differently; work kept for the others is reused
without even computing its key (`reuse.reuse_unaffected`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from .loading import LoadedTerm


@dataclass(frozen=True)
class TermFacts:
    file: tuple[int, str]  # the term file's digest and path
    title: str
    linked: frozenset[str]  # the slugs it is linked with from its side (links, references, names)


TermsSnapshot = Mapping[str, TermFacts]


def snapshot(entries: Iterable[LoadedTerm], neighbours: Callable[[LoadedTerm], Iterable[str]]) -> dict[str, TermFacts]:
    """What the next build compares with: each term's file, title and the slugs `neighbours` gives."""
    return {e.slug: TermFacts((e.digest, e.file), e.term.title, frozenset(neighbours(e))) for e in entries}


def affected_terms(before: TermsSnapshot, after: TermsSnapshot) -> frozenset[str]:
    """The terms of `after` that may show differently than in `before` (see the module docstring)."""
    edited = {s for s, facts in after.items() if s not in before or before[s].file != facts.file}
    edited |= before.keys() - after.keys()
    renamed = {s for s in edited if s not in before or s not in after or before[s].title != after[s].title}
    shown_differently = edited | _linked_with(renamed, before, after)
    return frozenset(s for s in shown_differently | _linked_with(shown_differently, before, after) if s in after)


def _linked_with(slugs: set[str], before: TermsSnapshot, after: TermsSnapshot) -> set[str]:
    """The terms linked with any of `slugs`, either way, in either snapshot."""
    if not slugs:
        return set()
    found: set[str] = set()
    for snap in (before, after):
        for slug, facts in snap.items():
            if slug in slugs:
                found |= facts.linked
            elif not facts.linked.isdisjoint(slugs):
                found.add(slug)
    return found
