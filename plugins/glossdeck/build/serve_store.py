"""Features' files under `mkdocs serve`: a store beside the site folder, linked back after every rebuild."""

from __future__ import annotations

import atexit
import contextlib
import itertools
import marshal
import os
import select
import shutil
import tempfile
from collections.abc import Callable, Iterable

from ..features import Feature
from .forked import ForkedTask, ForkedTaskError
from .memo import BuildMemo
from .output_files import FolderMaker, SharedJobs, WriteReport, unsafe_path

Items = Iterable[tuple[Feature, str, bytes]]
Folders = dict[str, list[str]]  # top-level folder ("" for files at the top) -> site-relative paths


class LinkedStore:
    """Under `mkdocs serve`: features' files kept in a store folder beside the site folder and put
    back into the site after every rebuild (MkDocs empties it first).

    A file is written to the store only when its bytes changed (to a new file, then renamed over
    the old one); files no longer produced are removed. A top-level folder only features write
    into (cards/, api/, embed/, ...) becomes one symbolic link to the store's copy: one system call
    however many files it holds. MkDocs' cleaning leaves such a link alone (shutil.rmtree refuses
    links) or removes it; either way it is checked, and made again if missing, on every rebuild.
    Files in folders MkDocs also writes into (learn/data/ beside the learning pages) are hard-linked
    one by one; where links fail (Windows without the privilege, another file system) they are
    written into the site instead."""

    def __init__(self) -> None:
        self.root: str | None = None
        self.fingerprints: dict[str, tuple[int, int]] = {}
        self.store_folders = FolderMaker()
        self.can_link = True
        self.removed: list[str] = []  # files the last `store` removed: `link` removes them from the site too
        # rel -> the inode of the stored file linked into the site at rel, while it is that file: a
        # dirty rebuild keeps the site folder, so a link still in place is not made again
        self.inodes: dict[str, int] = {}

    def prepare(self, site_dir: str) -> str:
        """The store folder for this site folder, made now if need be (and removed at exit)."""
        return self._store_root(site_dir)

    def _store_root(self, site_dir: str) -> str:
        if self.root is None or not os.path.isdir(self.root):
            parent = os.path.dirname(os.path.abspath(site_dir))
            try:
                self.root = tempfile.mkdtemp(prefix=".glossdeck-files-", dir=parent)
            except OSError:
                self.root = tempfile.mkdtemp(prefix="glossdeck-files-")
            atexit.register(shutil.rmtree, self.root, True)
            self.fingerprints, self.store_folders, self.inodes = {}, FolderMaker(), {}
        return self.root

    def sync(self, items: Iterable[tuple[Feature, str, bytes]], site_dir: str) -> WriteReport:
        report, by_folder = self.store(items, site_dir)
        self.link(by_folder, site_dir, report)
        return report

    def store(self, items: Iterable[tuple[Feature, str, bytes]], site_dir: str) -> tuple[WriteReport, Folders]:
        """The files written into the store (those whose bytes changed) and the ones no longer
        produced removed; returns the produced paths by top-level folder ("" for files), for `link`."""
        report = WriteReport()
        store = self._store_root(site_dir)
        by_folder: Folders = {}
        for feature, rel, data in items:
            if unsafe_path(rel):
                report.errors.append(f"feature '{feature.name}' tried to write outside the site: {rel}")
                continue
            fingerprint = (hash(data), len(data))  # a bytes object caches its hash
            if self.fingerprints.get(rel) != fingerprint:
                stored = self.store_folders.folder_for(store, rel)
                with open(stored + ".new", "wb") as handle:
                    handle.write(data)
                os.replace(stored + ".new", stored)
                self.fingerprints[rel] = fingerprint
                self.inodes.pop(rel, None)
                report.written += 1
            top = rel.split("/", 1)[0] if "/" in rel else ""
            by_folder.setdefault(top, []).append(rel)
        produced = {rel for files in by_folder.values() for rel in files}
        self.removed = [r for r in self.fingerprints if r not in produced]
        for rel in self.removed:
            del self.fingerprints[rel]
            self.inodes.pop(rel, None)
            with contextlib.suppress(OSError):
                os.remove(os.path.join(store, *rel.split("/")))
        return report, by_folder

    def link(self, by_folder: Folders, site_dir: str, report: WriteReport) -> None:
        """Put the stored files into the site folder. Only once MkDocs has written its pages: a
        folder it writes into (terms/, learn/) must not become a link to the store."""
        store = self._store_root(site_dir)
        site_folders = FolderMaker()
        # a dirty rebuild keeps the site folder: a file no longer produced (a deleted term's card,
        # preview, ...) goes from it too, not only from the store behind a folder link
        for rel in self.removed:
            with contextlib.suppress(OSError):
                os.remove(os.path.join(site_dir, *rel.split("/")))
        self.removed = []
        for top, files in by_folder.items():
            if top and self._link_folder(os.path.join(store, top), os.path.join(site_dir, top)):
                report.linked += len(files)
                continue
            for rel in files:
                target = site_folders.folder_for(site_dir, rel)
                if self._still_linked(rel, target):
                    report.linked += 1
                    continue
                stored = os.path.join(store, *rel.split("/"))
                if self.can_link and self._link(stored, target):
                    report.linked += 1
                    with contextlib.suppress(OSError):
                        self.inodes[rel] = os.stat(target).st_ino
                else:
                    with contextlib.suppress(FileNotFoundError):
                        os.remove(target)  # a link left by an earlier build: never write through it
                    shutil.copyfile(stored, target)

    def _still_linked(self, rel: str, target: str) -> bool:
        ino = self.inodes.get(rel)
        if ino is None:
            return False
        try:
            return os.stat(target, follow_symlinks=False).st_ino == ino
        except OSError:
            return False

    @staticmethod
    def _link_folder(stored: str, target: str) -> bool:
        """True when `target` is (now) a symbolic link to `stored`; False when MkDocs uses that
        folder too, or links cannot be made here."""
        if os.path.islink(target):
            if os.readlink(target) == stored:
                return True
            os.remove(target)
        elif os.path.lexists(target):
            return False
        try:
            os.symlink(stored, target, target_is_directory=True)
            return True
        except OSError:
            return False

    def _link(self, stored: str, target: str) -> bool:
        for _ in range(2):
            try:
                os.link(stored, target)
                return True
            except FileExistsError:  # a dirty rebuild keeps the site folder: replace the old file
                os.remove(target)
            except OSError:
                self.can_link = False
                return False
        return False


class ForkedSync:
    """The first `mkdocs serve` build's `LinkedStore.sync`, in a forked child (forked.py) while
    MkDocs renders the pages; only that build can fork, before the server's threads start.

    The child stores the files of the features that need no shared jobs (`items`), then sends what
    it learnt at once, through a pipe of its own: each file's fingerprint, the folders made and the
    memo entries it computed (cards, API JSON, learning data), so the first edit writes and renders
    only what it changed. Then it draws its share of the jobs. This process takes that message in
    between its own jobs (`poll`), so decoding it (a hundred MB at 1,000 terms) is done while both
    cores are busy, not after. Once the jobs are done, this process stores the files of the features
    that needed them (`later`: the link-preview PNGs, read from the cache the jobs filled), so their
    bytes never cross the pipe; it links everything into the site in `finish()`. If the child fails,
    the sync runs here instead."""

    def __init__(
        self,
        store: LinkedStore,
        items: Callable[[], Items],
        site_dir: str,
        memo: BuildMemo | None,
        shared: SharedJobs | None = None,
        later: Callable[[], Items] | None = None,
    ) -> None:
        store.prepare(site_dir)  # made, and its removal at exit registered, by this process
        self.store, self.items, self.site_dir, self.memo = store, items, site_dir, memo
        self.later = later or (lambda: ())
        self._sent: tuple[list[str], int, Folders, dict[str, tuple[int, int]], list[str]] | None = None
        self._here: tuple[WriteReport, Folders] | None = None
        early_read, early_write = os.pipe()

        # The child only fills the store: it runs while MkDocs has written no page yet, and linking a
        # folder MkDocs writes into later (terms/, learn/) would send MkDocs' pages into the store.
        # The parent links the files into the site in finish(), after the pages.
        def sync() -> tuple[int, bytes]:
            os.close(early_read)
            if memo is not None:
                memo.record()
            report, by_folder = store.store(items(), site_dir)
            made = sorted(store.store_folders.made)
            entries = memo.recorded() if memo is not None else b""
            sent = marshal.dumps((report.errors, report.written, by_folder, store.fingerprints, made, entries))
            with os.fdopen(early_write, "wb") as pipe:
                pipe.write(sent)
            if memo is not None:
                memo.record()  # whatever the jobs compute comes back with the result
            if shared is not None:
                shared.pool.work()
            return (shared.pool.done if shared is not None else 0), (memo.recorded() if memo is not None else b"")

        try:
            self.task = ForkedTask(sync)
        except BaseException:
            os.close(early_read)
            raise
        finally:
            os.close(early_write)
        self._early: int | None = early_read

    def poll(self) -> None:
        """Take in what the child sent, if it has (never waits for it)."""
        if self._early is not None and select.select([self._early], [], [], 0)[0]:
            self._receive()

    def _receive(self) -> None:
        """Read the child's message (it writes it whole, then closes the pipe: reading to the end
        takes as long as copying it), keep its store state for finish() and preload its memo entries."""
        if self._early is None:
            return
        early, self._early = self._early, None
        with os.fdopen(early, "rb") as pipe:
            data = pipe.read()
        try:
            errors, written, by_folder, fingerprints, made, entries = marshal.loads(data)
        except (EOFError, ValueError, TypeError):
            return  # the child failed before sending it: finish() finds out
        self._sent = (list(errors), int(written), dict(by_folder), dict(fingerprints), list(made))
        if self.memo is not None:
            self.memo.preload(entries)  # entries are keyed by content: right even if the child fails later

    def write_here(self) -> None:
        """Store the `later` features' files in this process, once the shared jobs are done. The
        store knows no file yet (this is the session's first build), so nothing the child stored
        is removed as no longer produced."""
        if self._here is None:
            self._here = self.store.store(self.later(), self.site_dir)

    def finish(self) -> WriteReport:
        self.write_here()
        self._receive()
        try:
            jobs_done, entries = self.task.result()
        except ForkedTaskError:
            self.store.fingerprints = {}  # nothing is known of what the child wrote: write it all
            return self.store.sync(itertools.chain(self.items(), self.later()), self.site_dir)
        if self._sent is None:  # a result without the message cannot happen; be safe anyway
            self.store.fingerprints = {}
            return self.store.sync(itertools.chain(self.items(), self.later()), self.site_dir)
        errors, written, by_folder, fingerprints, made = self._sent
        assert self._here is not None
        here, here_folders = self._here
        if self.memo is not None:
            self.memo.preload(entries)
        self.store.fingerprints = {**fingerprints, **self.store.fingerprints}  # this process stored last
        self.store.store_folders.made.update(made)
        for top, files in here_folders.items():
            by_folder.setdefault(top, []).extend(files)
        report = WriteReport(errors=errors + here.errors, written=written + here.written, jobs_done=int(jobs_done))
        self.store.link(by_folder, self.site_dir, report)
        report.cpu_seconds = self.task.cpu_seconds
        return report

    def cancel(self) -> None:
        self.task.cancel()
        if self._early is not None:
            with contextlib.suppress(OSError):
                os.close(self._early)
            self._early = None
