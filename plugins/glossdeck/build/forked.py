"""Work done on the machine's other core by a forked child process.

A one-off build is single-threaded; a forked child gets a copy-on-write view of everything the
parent has loaded (the glossary, its indexes), so nothing is sent to it. Its result comes back
through a pipe with `marshal` (plain str/bytes/int/float/list/dict/tuple/None values: fast, and
nothing in it can run code), and it leaves with os._exit so none of the parent's exit handlers or
buffered output runs twice. Only used while this is the sole thread: a lock held by another thread
would stay locked forever in the child.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import signal
import threading
import time
from collections.abc import Callable
from typing import Any


class ForkedTaskError(Exception):
    """The child failed: its exception, as text."""


def fork_available() -> bool:
    return hasattr(os, "fork") and threading.active_count() == 1


class ForkedTask:
    """`run()` in a forked child; `result()` waits for it and returns what it returned."""

    def __init__(self, run: Callable[[], Any]) -> None:
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child
            os.close(read_end)
            status, cpu = 0, time.process_time()
            try:
                outcome, value = "ok", run()
            except BaseException as exc:
                outcome, value, status = "failed", f"{type(exc).__name__}: {exc}", 1
            try:
                with os.fdopen(write_end, "wb") as pipe:
                    marshal.dump((outcome, value, time.process_time() - cpu), pipe)
            finally:
                os._exit(status)
        os.close(write_end)
        self.pid, self.read_end = pid, read_end
        self.cpu_seconds = 0.0  # the child's CPU time, known once it is done

    def result(self) -> Any:
        with os.fdopen(self.read_end, "rb") as pipe:
            data = pipe.read()  # read before waiting: a full pipe would block the child
        _, status = os.waitpid(self.pid, 0)
        try:
            outcome, value, self.cpu_seconds = marshal.loads(data)
        except (EOFError, ValueError, TypeError):
            raise ForkedTaskError(
                f"the child process ended with status {os.waitstatus_to_exitcode(status)} and no result"
            ) from None
        if outcome != "ok":
            raise ForkedTaskError(value)
        return value

    def cancel(self) -> None:
        try:
            os.kill(self.pid, signal.SIGTERM)
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        with contextlib.suppress(OSError):
            os.close(self.read_end)
