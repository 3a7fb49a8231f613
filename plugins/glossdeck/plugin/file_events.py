"""`mkdocs serve` told of a saved file by the operating system, not by polling every half second.

MkDocs' live-reload server finds changes with watchdog's PollingObserver: every 0.5 s it lists and
stats every watched file, so a save waits 0.25 s on average (0.5 s at worst) before a rebuild even
starts, and the wait grows with the number of files listed. MkDocs chose polling for Docker volumes
and network folders, which deliver no change events. glossdeck moves the server's watches to
watchdog's native observer (inotify, FSEvents, ReadDirectoryChangesW) when the platform has one,
before the server starts; the `serve_watcher: polling` option keeps MkDocs' polling for folders
that send no events.

This uses two attributes of MkDocs' LiveReloadServer that are not public API (`_watched_paths`,
`_watch_refs`); MkDocs 1.x is frozen, and anything unexpected leaves the server as it was.
"""

from __future__ import annotations

import logging
from typing import Any

import watchdog.observers
from watchdog.events import (
    FileAttribEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
)
from watchdog.observers.api import BaseObserver, ObservedWatch
from watchdog.observers.polling import PollingObserver

log = logging.getLogger(__name__)

MKDOCS_BUILD_DELAY = 0.1  # LiveReloadServer's own, for polled changes
QUIET_SPELL = 0.03

# What a save, a new file, a rename, a deletion or `touch` sends. Native observers also report files
# being opened and read, and every build reads the terms: those events would start a rebuild after
# every rebuild, for ever (the polling observer only ever saw changes).
CHANGES: list[type[FileSystemEvent]] = [
    FileCreatedEvent,
    FileModifiedEvent,
    FileClosedEvent,
    FileMovedEvent,
    FileDeletedEvent,
    FileAttribEvent,
]


def _changes_only(observer_class: Any) -> BaseObserver:
    class ChangesObserver(observer_class):  # type: ignore[misc]
        def schedule(self, event_handler: Any, path: Any, *, recursive: bool = False, **options: Any) -> ObservedWatch:
            options.setdefault("event_filter", CHANGES)
            options.setdefault("follow_symlink", True)  # as the polling observer did
            watch: ObservedWatch = super().schedule(event_handler, path, recursive=recursive, **options)
            return watch

    return ChangesObserver()


def use_native_events(server: Any) -> bool:
    """Moves a not yet started LiveReloadServer's watches to the native observer; True when done."""
    native = watchdog.observers.Observer
    polling = getattr(server, "observer", None)
    paths = getattr(server, "_watched_paths", None)
    refs = getattr(server, "_watch_refs", None)
    if (
        native is PollingObserver  # this platform has nothing better
        or not isinstance(polling, PollingObserver)
        or polling.is_alive()
        or not isinstance(paths, dict)
        or not isinstance(refs, dict)
        or not callable(getattr(server, "watch", None))
    ):
        return False
    counts, old_refs = dict(paths), dict(refs)
    server.observer = _changes_only(native)
    paths.clear()
    refs.clear()
    try:
        for path, count in counts.items():
            server.watch(path)
            paths[path] = count
    except OSError as error:  # e.g. the system's limit on inotify watches: keep polling
        log.warning(f"glossdeck: file change events unavailable ({error}); MkDocs polls for changes instead")
        server.observer = polling
        paths.clear()
        paths.update(counts)
        refs.clear()
        refs.update(old_refs)
        return False
    # MkDocs waits until no event came for 0.1 s, so that one save's events (written, closed,
    # renamed over the old file) start one build; native events of one save arrive within
    # milliseconds of each other, so a shorter quiet spell suffices
    if getattr(server, "build_delay", None) == MKDOCS_BUILD_DELAY:
        server.build_delay = QUIET_SPELL
    return True
