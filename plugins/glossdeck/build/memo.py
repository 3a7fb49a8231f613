"""The memo the MkDocs plugin keeps across `mkdocs serve` rebuilds (see `glossdeck.reuse`).

One object, owned by the plugin instance: tables of entries keyed by the content they came from.
One eviction rule for every table: an entry that a rebuild did not ask for is dropped when that
rebuild ends (its term, page or file is gone or no longer shown). Hits and misses are counted per
table, so tests and the bench can check that an edit re-does only the work it invalidates.

The first `mkdocs serve` build may fork (no server thread runs yet) to render half the term pages
and write features' files on the other core. A forked child's memo is its own copy, so what it
computes would be lost, and the first edit would do it all again: the child records its new entries
(`record`, `recorded`) and the parent takes them in (`preload`). They travel as a pickle through
the pipe between the two processes, never through a file, so no one else's data is unpickled.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable, Hashable
from typing import Any, Generic, TypeVar

V = TypeVar("V")


class KeyedCache(Generic[V]):
    """Values by name, each stored with the key it was computed from."""

    def __init__(self) -> None:
        self._entries: dict[Hashable, tuple[Hashable, V]] = {}
        self._used: set[Hashable] = set()
        self.hits = 0
        self.misses = 0
        self.unchecked = 0  # of the hits, those returned by `previous` (no key compared)

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

    def previous(self, name: Hashable) -> tuple[bool, V | None]:
        """(True, the value) stored under `name` whatever its key, kept for this build too; (False,
        None) when there is none. For a caller that knows the key is the one it was stored with."""
        found = self._entries.get(name)
        if found is None:
            return False, None
        self._used.add(name)
        self.hits += 1
        self.unchecked += 1
        return True, found[1]

    def put(self, name: Hashable, key: Hashable, value: V) -> None:
        """Store an entry computed elsewhere (a forked child), as used by this build; one this
        build computed itself under the same name is kept."""
        if name not in self._used or name not in self._entries:
            self._entries[name] = (key, value)
        self._used.add(name)

    def sweep(self) -> None:
        """Drop the entries not asked for since the last sweep."""
        for name in [n for n in self._entries if n not in self._used]:
            del self._entries[name]
        self._used = set()

    def reset_counts(self) -> None:
        self.hits = self.misses = self.unchecked = 0

    def __len__(self) -> int:
        return len(self._entries)


class BuildMemo:
    """Every table the plugin keeps between serve rebuilds; implements `reuse.Memo`."""

    def __init__(self) -> None:
        self.tables: dict[str, KeyedCache[object]] = {}
        self._kept: dict[str, object] = {}
        self._recording: list[tuple[str, Hashable, Hashable, object]] | None = None

    def table(self, name: str) -> KeyedCache[object]:
        found = self.tables.get(name)
        if found is None:
            found = self.tables[name] = KeyedCache()
        return found

    def get(self, table: str, name: Hashable, key: Hashable, compute: Callable[[], V]) -> V:
        cache = self.table(table)
        if self._recording is None:
            return cache.get(name, key, compute)  # type: ignore[return-value]
        misses = cache.misses
        value = cache.get(name, key, compute)
        if cache.misses != misses:  # computed here, not found
            self._recording.append((table, name, key, value))
        return value  # type: ignore[return-value]

    def previous(self, table: str, name: Hashable) -> tuple[bool, Any]:
        """The entry stored under (table, name) by the last build, unchecked (`KeyedCache.previous`)."""
        return self.table(table).previous(name)

    # --- a forked child's entries, handed to its parent ---
    def record(self) -> None:
        """From now on, keep a list of every entry computed (in a forked child)."""
        self._recording = []

    def recorded(self) -> bytes:
        """The entries computed since `record()`, pickled. One that cannot be pickled is left out:
        the parent computes it again when it is next asked for."""
        entries = self._recording or []
        try:
            return pickle.dumps(entries, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # a value's own pickling may fail in any way
            return pickle.dumps([e for e in entries if _picklable(e)], protocol=pickle.HIGHEST_PROTOCOL)

    def preload(self, recorded: bytes) -> int:
        """Take in a child's `recorded()` entries as computed by this build; returns how many."""
        entries = pickle.loads(recorded)  # bytes from our own forked child's pipe
        for table, name, key, value in entries:
            self.table(table).put(name, key, value)
        return len(entries)

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

    def unchecked(self, table: str) -> int:
        """The entries of `table` this build reused without computing their keys (`previous`)."""
        return self.tables[table].unchecked if table in self.tables else 0


def _picklable(value: Any) -> bool:
    try:
        pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        return True
    except Exception:
        return False


def recorded_run(memo: BuildMemo | None, run: Callable[[], V]) -> Callable[[], tuple[V, bytes]]:
    """`run` for a forked child: its result, with the memo entries it computed (empty without a memo)."""

    def child() -> tuple[V, bytes]:
        if memo is None:
            return run(), b""
        memo.record()
        value = run()
        return value, memo.recorded()

    return child
