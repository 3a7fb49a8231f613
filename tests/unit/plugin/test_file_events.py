"""`mkdocs serve` hears of a saved term from the operating system, and only of changes."""

from __future__ import annotations

import time
from pathlib import Path

from mkdocs.livereload import LiveReloadServer
from watchdog.observers.polling import PollingObserver

from glossdeck.plugin.file_events import use_native_events


def _wanted(server: LiveReloadServer, within: float) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        with server._rebuild_cond:
            if server._want_rebuild:
                server._want_rebuild = False
                return True
        time.sleep(0.01)
    return False


def test_a_save_is_heard_at_once_and_a_read_is_not(tmp_path: Path) -> None:
    terms = tmp_path / "terms"
    terms.mkdir()
    term = terms / "a.yml"
    term.write_text("title: A\n")
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    server.watch(str(terms))
    server.watch(str(terms))  # watched twice (two plugins): counted, as MkDocs does
    assert isinstance(server.observer, PollingObserver)
    assert use_native_events(server)
    observer: object = server.observer  # replaced by use_native_events
    assert not isinstance(observer, PollingObserver)
    assert server._watched_paths == {str(terms): 2}
    assert server.build_delay < 0.1  # events of one save come within milliseconds of each other
    server.observer.start()
    try:
        time.sleep(0.2)
        term.write_text("title: B\n")
        assert _wanted(server, within=0.2)  # polling every 0.5 s could not promise that
        _wanted(server, within=0.2)  # the same save's later events (closed after writing)
        for _ in range(3):  # a build reads every term: that must not start another build
            term.read_text()
        assert not _wanted(server, within=0.6)
        (terms / "b.yml").write_text("title: New\n")
        assert _wanted(server, within=0.5)
        (terms / "b.yml").rename(terms / "c.yml")
        assert _wanted(server, within=0.5)
        (terms / "c.yml").unlink()
        assert _wanted(server, within=0.5)
    finally:
        server.observer.stop()
        server.observer.join()


def test_a_started_or_unknown_server_is_left_as_it_is(tmp_path: Path) -> None:
    class StandIn:
        def watch(self, path: str) -> None: ...

    assert not use_native_events(StandIn())
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    server.watch(str(tmp_path))
    server.observer.start()
    try:
        assert not use_native_events(server)
        assert isinstance(server.observer, PollingObserver)
    finally:
        server.observer.stop()
        server.observer.join()
