"""Features' files: written by a forked child in a one-off build, linked from a store under serve."""

from __future__ import annotations

import functools
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from glossdeck.build.job_pool import JobPool
from glossdeck.build.memo import BuildMemo
from glossdeck.build.output_files import ForkedWriter, SharedJobs, WriteReport, write_files
from glossdeck.build.serve_store import ForkedSync, LinkedStore
from glossdeck.features import Feature
from tests.support.policy import needs_fork
from tests.support.sites import files_in, write_synthetic_project


class Named(Feature):
    name = "demo"


DEMO = Named()


def items(files: dict[str, bytes]) -> list[tuple[Feature, str, bytes]]:
    return [(DEMO, rel, data) for rel, data in files.items()]


def test_write_files_refuses_paths_outside_the_site(tmp_path: Path) -> None:
    site = tmp_path / "site"
    report = write_files(items({"a/b.json": b"1", "../escape.txt": b"x", "/abs.txt": b"x", "c\\d": b"x"}), str(site))
    assert files_in(site) == {"a/b.json": b"1"}
    assert report.written == 1 and len(report.errors) == 3
    assert all("feature 'demo' tried to write outside the site" in e for e in report.errors)
    assert not (tmp_path / "escape.txt").exists()


def test_store_writes_only_changed_files_and_puts_every_file_back_into_a_cleaned_site(tmp_path: Path) -> None:
    from mkdocs.utils import clean_directory  # what `mkdocs serve` does to the site before each rebuild

    site = tmp_path / "site"
    store = LinkedStore()
    first = store.sync(
        items({"cards/a.svg": b"<svg>a</svg>", "cards/b.svg": b"<svg>b</svg>", "api/x.json": b"{}", "top.txt": b"top"}),
        str(site),
    )
    assert (first.written, first.linked) == (4, 4)
    clean_directory(str(site))
    second = store.sync(
        items({"cards/a.svg": b"<svg>a</svg>", "cards/b.svg": b"<svg>B!</svg>", "top.txt": b"top"}), str(site)
    )
    assert (second.written, second.linked) == (1, 3)
    assert files_in(site) == {"cards/a.svg": b"<svg>a</svg>", "cards/b.svg": b"<svg>B!</svg>", "top.txt": b"top"}
    assert store.root is not None and files_in(Path(store.root)) == files_in(
        site
    )  # api/x.json is gone from the store too
    # a folder only features write into is one link to the store; a top-level file is hard-linked
    assert (site / "cards").is_symlink() and os.path.samefile(site / "cards", Path(store.root) / "cards")
    assert os.path.samefile(site / "top.txt", Path(store.root) / "top.txt")


def test_store_links_file_by_file_into_folders_mkdocs_also_writes(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "learn" / "quiz").mkdir(parents=True)
    (site / "learn" / "quiz" / "index.html").write_text("<p>MkDocs' page</p>", encoding="utf-8")
    store = LinkedStore()
    report = store.sync(items({"learn/data/terms.json": b"[]", "learn/data/quiz.json": b"{}"}), str(site))
    assert report.linked == 2 and not (site / "learn").is_symlink()
    assert files_in(site) == {
        "learn/quiz/index.html": b"<p>MkDocs' page</p>",
        "learn/data/quiz.json": b"{}",
        "learn/data/terms.json": b"[]",
    }


def test_store_replaces_files_a_dirty_rebuild_left_in_the_site(tmp_path: Path) -> None:
    site = tmp_path / "site"
    store = LinkedStore()
    store.sync(items({"a.json": b"old"}), str(site))
    report = store.sync(items({"a.json": b"new"}), str(site))  # the site folder was not emptied
    assert report.written == 1 and (site / "a.json").read_bytes() == b"new"
    store.sync(items({"a.json": b"new"}), str(site))
    assert (site / "a.json").read_bytes() == b"new"


def test_store_writes_into_the_site_where_links_fail(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_links(*args: object, **kwargs: object) -> None:
        raise PermissionError("no links here")

    monkeypatch.setattr(os, "link", no_links)
    monkeypatch.setattr(os, "symlink", no_links)
    site = tmp_path / "site"
    store = LinkedStore()
    report = store.sync(items({"x/a.txt": b"A", "x/b.txt": b"B"}), str(site))
    assert report.linked == 0 and files_in(site) == {"x/a.txt": b"A", "x/b.txt": b"B"}
    assert not store.can_link


@needs_fork
def test_forked_writer_writes_in_a_child_process(tmp_path: Path) -> None:
    site = tmp_path / "site"
    parent = os.getpid()

    def write() -> WriteReport:
        (tmp_path / "writer-pid").write_text(str(os.getpid()))
        return write_files(items({"one.txt": b"1", "../bad": b"x"}), str(site))

    report = ForkedWriter(write).finish()
    assert int((tmp_path / "writer-pid").read_text()) != parent
    assert files_in(site) == {"one.txt": b"1"}
    assert report.written == 1 and report.errors and "outside the site" in report.errors[0]


@needs_fork
def test_forked_writer_reports_the_child_failure(tmp_path: Path) -> None:
    def write() -> WriteReport:
        raise RuntimeError("disk on fire")

    with pytest.raises(OSError, match="RuntimeError: disk on fire"):
        ForkedWriter(write).finish()


@needs_fork
def test_a_one_off_build_writes_cards_from_a_forked_child(tmp_path: Path) -> None:
    """`mkdocs build` as a user runs it: the cards' files come from the forked writer, whose CPU time
    is reported in the `files-forked` phase, and the site has every term's files."""
    write_synthetic_project(tmp_path, 6, site_url="https://example.org/g/")
    timings = tmp_path / "timings.jsonl"
    env = dict(os.environ, GLOSSDECK_TIMINGS=str(timings))
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    phases = json.loads(timings.read_text(encoding="utf-8").splitlines()[-1])
    assert phases.get("files-forked", 0) > 0 and "files" not in phases
    site = tmp_path / "site"
    for slug in (f"term-{i:05d}" for i in range(6)):
        assert (site / "cards" / f"{slug}.svg").read_text(encoding="utf-8").rstrip().endswith("</svg>")
        assert json.loads((site / "api" / "terms" / f"{slug}.json").read_text(encoding="utf-8"))["slug"] == slug


def _wait_for(path: Path) -> bool:
    """A child's job that waits (at most a minute) for the parent to leave `path`: the job is
    still running when the parent gets there."""
    deadline = time.monotonic() + 60
    while not path.exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    return True


@needs_fork
def test_first_serve_sync_sends_the_childs_work_before_its_jobs_and_stores_the_jobs_files_here(
    tmp_path: Path,
) -> None:
    """The first serve build's forked sync: the child stores its features' files and sends their
    fingerprints and memo entries before it takes its share of the jobs, so this process takes them
    in while the child is still drawing; the files of the features that needed the jobs are stored
    by this process, and everything is linked into the site."""
    site, received = tmp_path / "site", tmp_path / "received"
    site.mkdir()
    memo, store = BuildMemo(), LinkedStore()
    parent = os.getpid()
    pool = JobPool([functools.partial(_wait_for, received)])
    shared = SharedJobs(pool, [DEMO])

    def childs_files() -> Iterator[tuple[Feature, str, bytes]]:
        yield DEMO, "api/a.json", memo.get("demo.api", "a", 1, f"from {os.getpid()}".encode)
        yield DEMO, "learn/data/x.json", b"x"

    def later_files() -> Iterator[tuple[Feature, str, bytes]]:
        assert os.getpid() == parent  # stored by this process, after the jobs
        yield DEMO, "social/a.png", memo.get("demo.png", "a", 1, lambda: b"png")

    sync = ForkedSync(store, childs_files, str(site), memo, shared, later=later_files)
    deadline = time.monotonic() + 60
    while memo.misses("demo.api") + len(memo.table("demo.api")) == 0 and time.monotonic() < deadline:
        sync.poll()
        time.sleep(0.01)
    # taken in while the child's job still runs (it waits for `received`)
    assert len(memo.table("demo.api")) == 1 and not received.exists()
    received.write_text("yes")
    pool.work(between=sync.poll)
    pool.close()
    sync.write_here()
    report = sync.finish()

    assert files_in(site) == {
        "api/a.json": b"from %d" % sync.task.pid,
        "learn/data/x.json": b"x",
        "social/a.png": b"png",
    }
    assert report.written == 3 and report.jobs_done == 1 and not report.errors
    # the child's entry came back: asked again with the same key, it is not computed here
    assert memo.get("demo.api", "a", 1, lambda: b"again") == b"from %d" % sync.task.pid
    # the store knows every file: syncing the same files again writes nothing
    again = store.sync([*childs_files(), *later_files()], str(site))
    assert again.written == 0 and files_in(site)["api/a.json"] == b"from %d" % sync.task.pid


@needs_fork
def test_first_serve_sync_writes_everything_here_when_the_child_fails(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    parent = os.getpid()

    def childs_files() -> Iterator[tuple[Feature, str, bytes]]:
        if os.getpid() != parent:
            raise RuntimeError("disk on fire")
        yield DEMO, "api/a.json", b"a"

    sync = ForkedSync(LinkedStore(), childs_files, str(site), BuildMemo(), later=lambda: [(DEMO, "social/a.png", b"p")])
    sync.poll()
    report = sync.finish()
    assert files_in(site) == {"api/a.json": b"a", "social/a.png": b"p"} and report.written == 2
