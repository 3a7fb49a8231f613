"""The memo the MkDocs plugin keeps across `mkdocs serve` rebuilds (see `glossdeck.reuse`).

One object, owned by the plugin instance: tables of entries keyed by the content they came from.
One eviction rule for every table: an entry that a rebuild did not ask for is dropped when that
rebuild ends (its term, page or file is gone or no longer shown). Hits and misses are counted per
table, so tests and the bench can check that an edit re-does only the work it invalidates.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

V = TypeVar("V")


class KeyedCache(Generic[V]):
    """Values by name, each stored with the key it was computed from."""

    def __init__(self) -> None:
        self._entries: dict[Hashable, tuple[Hashable, V]] = {}
        self._used: set[Hashable] = set()
        self.hits = 0
        self.misses = 0

    def get(self, name: Hashable, key: Hashable, compute: Callable[[], V]) -> V:
        self._used.add(name)
        found = self._entries.get(name)
        if found is not None and found[0] == key:
            self.hits += 1
            return found[1]
        self.misses += 1
        value = compute()
        self._entries[name] = (key, value)
        return value

    def sweep(self) -> None:
        """Drop the entries not asked for since the last sweep."""
        for name in [n for n in self._entries if n not in self._used]:
            del self._entries[name]
        self._used = set()

    def reset_counts(self) -> None:
        self.hits = self.misses = 0

    def __len__(self) -> int:
        return len(self._entries)


class BuildMemo:
    """Every table the plugin keeps between serve rebuilds; implements `reuse.Memo`."""

    def __init__(self) -> None:
        self.tables: dict[str, KeyedCache[object]] = {}
        self._kept: dict[str, object] = {}

    def table(self, name: str) -> KeyedCache[object]:
        found = self.tables.get(name)
        if found is None:
            found = self.tables[name] = KeyedCache()
        return found

    def get(self, table: str, name: Hashable, key: Hashable, compute: Callable[[], V]) -> V:
        return self.table(table).get(name, key, compute)  # type: ignore[return-value]

    def kept(self, name: str, factory: Callable[[], V]) -> V:
        """One long-lived object by name (e.g. the prose renderer and its memo of pure conversions)."""
        found = self._kept.get(name)
        if found is None:
            found = self._kept[name] = factory()
        return found  # type: ignore[return-value]

    def start_build(self) -> None:
        for table in self.tables.values():
            table.reset_counts()

    def end_build(self) -> None:
        for table in self.tables.values():
            table.sweep()

    def hits(self, table: str) -> int:
        return self.tables[table].hits if table in self.tables else 0

    def misses(self, table: str) -> int:
        return self.tables[table].misses if table in self.tables else 0
