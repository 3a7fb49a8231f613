"""What survives between builds under `mkdocs serve`: values keyed by the content they came from.

Each entry is stored under a name (a file, a term, a page) together with the key it was computed
from: a hash of the file's bytes, of the prose and the names it links to, of the page's HTML. A
lookup whose key differs recomputes and replaces the entry, so nothing stale is ever returned, and
names no longer present are dropped after each build. Hits and misses are counted so tests can
check that an edit re-does only the work it invalidates.
"""

from __future__ import annotations

from typing import Callable, Generic, Hashable, Iterable, TypeVar

V = TypeVar("V")


class Session:
    """Whether this process rebuilds the same site again (`mkdocs serve`): set by the MkDocs plugin.

    Caches that only pay off across rebuilds (a term's rendered files, its sections) store nothing
    in a one-off build, where they would only hold a second copy of every output in memory.
    """

    keep_between_builds = False


def text_key(value: str) -> tuple[int, int]:
    """A short fingerprint of a long text (a page's HTML), stored instead of the text: Python's
    64-bit string hash (the fastest one at hand) and the length. Valid within one process."""
    return hash(value), len(value)


class KeyedCache(Generic[V]):
    def __init__(self) -> None:
        self._entries: dict[Hashable, tuple[Hashable, V]] = {}
        self.hits = 0
        self.misses = 0

    def get(self, name: Hashable, key: Hashable, compute: Callable[[], V]) -> V:
        found = self._entries.get(name)
        if found is not None and found[0] == key:
            self.hits += 1
            return found[1]
        self.misses += 1
        value = compute()
        self._entries[name] = (key, value)
        return value

    def retain(self, names: Iterable[Hashable]) -> None:
        """Forget every entry whose name is not in `names` (deleted files, removed pages)."""
        keep = set(names)
        for name in [n for n in self._entries if n not in keep]:
            del self._entries[name]

    def reset_counts(self) -> None:
        self.hits = self.misses = 0

    def clear(self) -> None:
        self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)
