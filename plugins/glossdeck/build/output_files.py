"""Writing features' files (cards, API JSON, learning data) into the built site.

Features yield thousands of small files (seven per term for the cards). How they reach the site
folder depends on the kind of build:

- a one-off build (`mkdocs build`) hands them to a forked child process (forked.py), which renders
  and writes them on the machine's other core while MkDocs renders the pages; on_post_build waits.
  Costly work some files need (`Feature.file_jobs`: link-preview PNGs) is shared: this process takes
  jobs too once the pages are rendered (job_pool.py), then waits.
  Where fork is unavailable (Windows) or unsafe (other threads are running, e.g. under a test
  runner), they are written in-process at the end instead.
- `mkdocs serve` empties the site folder before every rebuild. The files are kept in a store
  folder beside it and linked back into the site each time (serve_store.LinkedStore); only files
  whose bytes changed are written again, so a rebuild after one edit writes that term's files only.

Paths are checked as text (no `..`, not absolute) rather than resolved, and each folder is created
once: resolving and mkdir per file cost a millisecond a file.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ..features import Build, Feature
from .forked import ForkedTask, ForkedTaskError, fork_available
from .job_pool import FileJob, JobPool


def unsafe_path(rel: str) -> bool:
    parts = rel.split("/")
    return rel.startswith("/") or "\\" in rel or any(p in ("", ".", "..") for p in parts)


@dataclass
class WriteReport:
    """What a write produced: messages for the build log (one per refused path)."""

    errors: list[str] = field(default_factory=list)
    written: int = 0
    linked: int = 0
    cpu_seconds: float = 0.0  # a forked writer's CPU time (not part of the parent's)
    jobs_done: int = 0  # shared file jobs (job_pool.py) whose work the writer did


@dataclass
class SharedJobs:
    """Features' file jobs (`Feature.file_jobs`) in a pool the build's processes share (job_pool.py),
    and the features whose files need them."""

    pool: JobPool
    features: list[Feature]


def share_file_jobs(features: list[Feature], build: Build) -> SharedJobs:
    """Made before the fork, so every process of the build can take jobs from it."""
    jobs: list[FileJob] = []
    having: list[Feature] = []
    for feature in features:
        mine = feature.file_jobs(build)
        if mine:
            jobs += mine
            having.append(feature)
    return SharedJobs(JobPool(jobs), having)


def feature_files(
    features: list[Feature], build: Build, shared: SharedJobs | None = None
) -> Iterable[tuple[Feature, str, bytes]]:
    """Every feature's files. With `shared` jobs: the other features' files first, then this
    process's share of the jobs, then the files of the features that needed them (by then the
    other process has drawn the rest)."""
    later = shared.features if shared is not None else []
    for feature in [f for f in features if f not in later]:
        for rel, data in feature.iter_files(build):
            yield feature, rel, data
    if shared is not None:
        shared.pool.work()
    for feature in later:
        for rel, data in feature.iter_files(build):
            yield feature, rel, data


class FolderMaker:
    """os.makedirs once per folder."""

    def __init__(self) -> None:
        self.made: set[str] = set()

    def folder_for(self, root: str, rel: str) -> str:
        parts = rel.split("/")
        folder = os.path.join(root, *parts[:-1])
        if folder not in self.made:
            os.makedirs(folder, exist_ok=True)
            self.made.add(folder)
        return os.path.join(folder, parts[-1])


def write_files(items: Iterable[tuple[Feature, str, bytes]], site_dir: str) -> WriteReport:
    report, folders = WriteReport(), FolderMaker()
    for feature, rel, data in items:
        if unsafe_path(rel):
            report.errors.append(f"feature '{feature.name}' tried to write outside the site: {rel}")
            continue
        with open(folders.folder_for(site_dir, rel), "wb") as handle:
            handle.write(data)
        report.written += 1
    return report


class ForkedWriter:
    """write_files in a forked child (see forked.py); `finish()` waits for it and returns its report."""

    def __init__(self, write: Callable[[], WriteReport], shared: SharedJobs | None = None) -> None:
        self.task = ForkedTask(lambda: _report_fields(write(), shared))

    @staticmethod
    def available() -> bool:
        return fork_available()

    def finish(self) -> WriteReport:
        try:
            errors, written, jobs_done = self.task.result()
        except ForkedTaskError as exc:
            raise OSError(str(exc)) from None
        return WriteReport(
            errors=list(errors), written=int(written), cpu_seconds=self.task.cpu_seconds, jobs_done=int(jobs_done)
        )

    def cancel(self) -> None:
        self.task.cancel()


def _report_fields(report: WriteReport, shared: SharedJobs | None) -> tuple[list[str], int, int]:
    return report.errors, report.written, shared.pool.done if shared is not None else 0
