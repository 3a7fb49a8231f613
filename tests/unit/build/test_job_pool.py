"""Features' file jobs (link-preview PNGs) shared between the build's processes: each job is taken
once, both processes take part, and the site is byte for byte the one a single process builds.
Counted, never timed."""

from __future__ import annotations

import functools
import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from glossdeck.build.forked import ForkedTask
from glossdeck.build.job_pool import MAX_TICKETS, JobPool
from tests.support.policy import needs_fork
from tests.support.sites import files_in, write_synthetic_project


def _job(folder: Path, k: int, wait_for_both: bool = False) -> bool:
    """Job k: records which process took it. With wait_for_both, the first job each process takes
    waits (at most a minute) until the other process has taken one too: each then holds one job,
    so neither can have taken them all."""
    (folder / f"job-{k}").write_text(str(os.getpid()))
    if wait_for_both:
        deadline = time.monotonic() + 60
        while len({p.read_text() for p in folder.glob("job-*")}) < 2 and time.monotonic() < deadline:
            time.sleep(0.01)
    return k % 2 == 0  # even jobs "draw", odd ones "find their result done"


@needs_fork
def test_two_processes_share_the_jobs_and_each_job_is_done_once(tmp_path: Path) -> None:
    pool = JobPool([functools.partial(_job, tmp_path, k, wait_for_both=k < 2) for k in range(40)])
    child = ForkedTask(lambda: (pool.work(), pool.done))
    mine = pool.work()
    theirs, theirs_done = child.result()
    pool.close()
    takers = {int(p.name.split("-")[1]): int(p.read_text()) for p in tmp_path.glob("job-*")}
    assert sorted(takers) == list(range(40))  # every job taken...
    assert mine + theirs == 40  # ...once
    assert set(takers.values()) == {os.getpid(), child.pid} and mine > 0 and theirs > 0
    assert pool.done + theirs_done == 20  # the jobs that report doing the work, counted where done


def test_a_pool_of_more_jobs_than_a_pipe_holds_hands_out_batches(tmp_path: Path) -> None:
    count = MAX_TICKETS * 3 + 5
    seen: list[int] = []

    def job(k: int) -> bool:
        seen.append(k)
        return True

    pool = JobPool([functools.partial(job, k) for k in range(count)])
    assert pool.batch == 4
    assert pool.work() == count and seen == list(range(count)) and pool.done == count
    assert pool.work() == 0  # empty: nothing is done twice
    pool.close()


def test_a_failing_job_is_left_to_the_file_that_needs_it() -> None:
    def fails() -> bool:
        raise RuntimeError("resvg could not draw it")

    pool = JobPool([fails, lambda: True])
    assert pool.work() == 2 and pool.done == 1
    pool.close()
    assert JobPool([]).work() == 0


BUILD = """
import json, sys, threading
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config

if sys.argv[1] == "one-process":  # another thread runs: glossdeck does not fork (forked.py)
    stop = threading.Event()
    threading.Thread(target=stop.wait, daemon=True).start()
config = load_config(config_file="mkdocs.yml", site_dir=str(Path.cwd() / "site"))
config.plugins.on_startup(command="build", dirty=False)
build(config)
print(json.dumps(config.plugins["glossdeck"].cache_stats()))
"""


def _build(root: Path, how: str) -> dict[str, int]:
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(BUILD), how], cwd=root, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr[-3000:]
    stats: dict[str, int] = json.loads(done.stdout.splitlines()[-1])
    return stats


@needs_fork
def test_a_cold_build_shares_the_link_previews_and_builds_the_site_one_process_builds(tmp_path: Path) -> None:
    sites = {}
    for how in ("forked", "one-process"):
        root = tmp_path / how
        write_synthetic_project(root, 24, site_url="https://example.org/g/")
        for term in (root / "terms").iterdir():  # the same file times in both projects (the deck's dates)
            os.utime(term, (1_600_000_000, 1_600_000_000))
        stats = _build(root, how)
        cache = root / ".cache" / "glossdeck" / "social"
        sites[how] = (files_in(root / "site"), files_in(cache), stats)
    forked, alone = sites["forked"], sites["one-process"]
    assert forked[0] == alone[0]  # every page and file, byte for byte
    assert forked[1] == alone[1] and len(forked[1]) == 25  # the same images kept: 24 terms and the site
    # forked: the 25 images were drawn as jobs, by the writer and by this process (however they
    # split), each at most once; one process has no pool and draws them as it writes them
    stats = forked[2]
    assert 0 < stats["file_jobs_done_here"] + stats["file_jobs_done_forked"] <= 25
    assert alone[2]["file_jobs_done_here"] == alone[2]["file_jobs_done_forked"] == 0
    # warm: every image is found in the cache, none drawn again, the same site
    again = _build(tmp_path / "forked", "forked")
    assert again["file_jobs_done_here"] == again["file_jobs_done_forked"] == 0
    assert files_in(tmp_path / "forked" / "site") == alone[0]
