"""Reusing work between `mkdocs serve` rebuilds: the one interface every package calls.

The memo itself (`build.memo.BuildMemo`) belongs to the MkDocs plugin instance, which keeps it across
rebuilds and passes it in each build's context; a one-off build passes None, and `reuse` then simply
computes. An entry lives in a table under a name (a term, a page) together with the key it was
computed from (a hash of the file's bytes, of the names it shows, ...): a different key computes
again and replaces it, so nothing stale is ever returned. Reusing never changes an output.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, Protocol, TypeVar

V = TypeVar("V")


class Memo(Protocol):
    def get(self, table: str, name: Hashable, key: Hashable, compute: Callable[[], V]) -> V:
        """The value stored under (table, name) if it was computed from `key`, else compute() (stored)."""
        ...

    def previous(self, table: str, name: Hashable) -> tuple[bool, Any]:
        """(True, value) stored under (table, name) by the last build, whatever its key, kept for
        this build; (False, None) when there is none."""
        ...


def reuse(memo: Memo | None, table: str, name: Hashable, key: Hashable, compute: Callable[[], V]) -> V:
    """compute(), or the value an earlier rebuild computed from the same key."""
    return compute() if memo is None else memo.get(table, name, key, compute)


def reuse_unaffected(
    memo: Memo | None,
    affected: frozenset[str] | None,
    table: str,
    slug: str,
    key: Callable[[], Hashable],
    compute: Callable[[], V],
    checked: Hashable = None,
) -> V:
    """`reuse` for a value made from one term, the terms it is linked with (either way) and the
    site's settings, and from `checked`: whatever else it depends on (a chain of prerequisites, a
    question count), cheap to compare and compared on every build. When the build knows that none
    of the rest changed since the last build (`affected` is the set of terms that may show
    differently, and `slug` is not in it), the last build's value is returned without computing its
    key: at a thousand terms, the keys (titles of linked terms, ...) are most of a rebuild's work.
    Otherwise as `reuse(memo, table, slug, (key(), checked))`."""
    if memo is None:
        return compute()
    if affected is not None and slug not in affected:
        found, kept = memo.previous(table, slug)
        if found and kept[0] == checked:
            return kept[1]  # type: ignore[no-any-return]
    made: tuple[Hashable, V] = memo.get(table, slug, (key(), checked), lambda: (checked, compute()))
    return made[1]


def text_key(value: str) -> tuple[int, int]:
    """A short fingerprint of a long text (a page's HTML), stored instead of the text: Python's
    64-bit string hash and the length. Valid within one process, which is all a memo lives."""
    return hash(value), len(value)
