"""A throwaway PostgreSQL server for a test: initdb into a temporary folder, started with pg_ctl on a
free local port (and a Unix socket in that folder), stopped and deleted afterwards. PostgreSQL
refuses to run as root, so as root the server runs as Debian's `postgres` user (runuser).
Needs Debian's `postgresql` package (scripts/setup-system.sh, .ci/run); missing, it skips locally
and fails in CI (policy.py)."""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .local_server import free_port
from .policy import unavailable


def _bin_dir() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    if initdb is None:
        unavailable("PostgreSQL is not installed (postgresql; make test installs it via scripts/setup-system.sh)")
    return Path(initdb).parent


@contextmanager
def postgres_server() -> Iterator[str]:
    """Yields a database URL (trust authentication, user `glossdeck`, database `postgres`)."""
    bin_dir = _bin_dir()
    as_user: list[str] = []
    folder = Path(tempfile.mkdtemp(prefix="glossdeck-pg-"))
    if os.geteuid() == 0:
        try:
            import pwd

            account = pwd.getpwnam("postgres")
        except KeyError:
            unavailable("running as root without a `postgres` user to start PostgreSQL as")
        os.chown(folder, account.pw_uid, account.pw_gid)
        as_user = ["runuser", "-u", "postgres", "--"]
    data, log = folder / "data", folder / "server.log"
    port = free_port()
    try:
        subprocess.run(
            [*as_user, str(bin_dir / "initdb"), "-D", str(data), "-U", "glossdeck", "--auth=trust", "-E", "UTF8"],
            check=True,
            capture_output=True,
            timeout=120,
        )
        options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        subprocess.run(
            [*as_user, str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(log), "-w", "start"],
            check=True,
            capture_output=True,
            timeout=120,
        )
        try:
            yield f"postgresql://glossdeck@127.0.0.1:{port}/postgres"
        finally:
            subprocess.run(
                [*as_user, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"],
                capture_output=True,
                timeout=60,
            )
    finally:
        shutil.rmtree(folder, ignore_errors=True)
