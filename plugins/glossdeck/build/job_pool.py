"""Features' costly file work (`Feature.file_jobs`: link-preview PNGs) shared between processes.

A one-off build writes features' files in a forked child (output_files.py) while this process has
MkDocs render the pages. Drawing a PNG costs ~28 ms of CPU (~60 ms without the `fast` extra), so at
1,000 terms the child has up to a minute of drawing left when the pages are done. The jobs go into a pool that every process of the build
draws from: the child takes jobs once its other files are written, this process once its pages are
rendered (on_post_build), and both cores stay busy until the pool is empty.

The pool is a pipe filled with job numbers before the fork and then closed for writing: a process
takes the next job by reading one number (reads of a few bytes from a pipe are atomic), and an empty
pipe reads as the end. Nothing else is shared. A job leaves its result where the feature's
`iter_files` finds it (a file named by its content in `Build.cache_dir`); a job not done, failed, or
still running elsewhere when `iter_files` gets there is simply done there, so the pool never changes
an output, only who did the work.
"""

from __future__ import annotations

import array
import contextlib
import os
from collections.abc import Callable, Sequence

FileJob = Callable[[], bool]  # True when it did the costly work, False when it found it done

# Numbers written before the fork must fit the pipe without a reader: 1,024 four-byte numbers fill
# one page, the smallest capacity Linux gives a pipe. Larger pools hand out batches of jobs.
MAX_TICKETS = 1024
TICKET = array.array("I").itemsize


class JobPool:
    """Jobs any process forked after this pool was made may take, each job taken once."""

    def __init__(self, jobs: Sequence[FileJob]) -> None:
        self.jobs = list(jobs)
        self.batch = max(1, -(-len(self.jobs) // MAX_TICKETS))
        self.done = 0  # jobs this process did the costly work of
        self.taken = 0  # jobs this process took
        self._read: int | None = None
        if not self.jobs:
            return
        read_end, write_end = os.pipe()
        try:
            os.set_blocking(write_end, False)  # made only where processes fork (not on Windows)
            tickets = array.array("I", range(0, len(self.jobs), self.batch)).tobytes()
            with contextlib.suppress(BlockingIOError):  # jobs left out are done where they are needed
                written = 0
                while written < len(tickets):
                    written += os.write(write_end, tickets[written:])
        finally:
            os.close(write_end)  # once the numbers are read, a read is the end
        self._read = read_end

    def work(self, between: Callable[[], object] | None = None) -> int:
        """Take and do jobs until none are left; how many this call took. `between` runs before
        each job is taken (the first serve build reads what its forked child sent meanwhile)."""
        taken = 0
        while self._read is not None:
            if between is not None:
                between()
            ticket = os.read(self._read, TICKET)
            if len(ticket) < TICKET:  # the end (a short read cannot happen: numbers are written whole)
                break
            start = array.array("I", ticket)[0]
            for job in self.jobs[start : start + self.batch]:
                taken += 1
                try:
                    if job():
                        self.done += 1
                except Exception:  # the feature's iter_files does it again and reports it
                    continue
        self.taken += taken
        return taken

    def close(self) -> None:
        if self._read is not None:
            with contextlib.suppress(OSError):
                os.close(self._read)
            self._read = None
