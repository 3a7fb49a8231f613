"""`glossdeck api` as a real subprocess on 127.0.0.1, waited for until it answers, stopped after."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .local_server import free_port


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: Any  # parsed JSON, or the raw text when it is not JSON

    @property
    def is_json(self) -> bool:
        return self.headers.get("content-type", "").startswith("application/json")


@dataclass
class Service:
    url: str  # http://127.0.0.1:PORT
    process: subprocess.Popen[bytes]

    def request(
        self, method: str, path: str, body: bytes | None = None, headers: dict[str, str] | None = None
    ) -> Answer:
        req = urllib.request.Request(self.url + path, data=body, method=method, headers=headers or {})
        try:
            with urllib.request.urlopen(req, timeout=10) as response:
                status, raw, got = response.status, response.read(), response.headers
        except urllib.error.HTTPError as exc:
            status, raw, got = exc.code, exc.read(), exc.headers
        lower = {k.lower(): v for k, v in got.items()}
        try:
            parsed: Any = json.loads(raw)
        except ValueError:
            parsed = raw.decode("utf-8", "replace")
        return Answer(status, lower, parsed)

    def rate(self, slug: str, rating: Any, visitor: str = "visitor-0001", **headers: str) -> Answer:
        body = json.dumps({"rating": rating, "visitor": visitor}).encode()
        return self.request("POST", f"/api/ratings/{slug}", body, {"Content-Type": "application/json", **headers})


@contextmanager
def ratings_service(
    terms: Path, *, db: Path | None = None, database_url: str | None = None, extra: tuple[str, ...] = ()
) -> Iterator[Service]:
    port = free_port()
    where = ["--database-url", database_url] if database_url else ["--db", str(db)]
    log = terms.parent / f"api-{port}.log"
    with open(log, "wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "glossdeck", "api", *where, "--terms", str(terms), "--port", str(port), *extra],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    service = Service(f"http://127.0.0.1:{port}", process)
    try:
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"glossdeck api exited {process.returncode}: {log.read_text()}")
            try:
                urllib.request.urlopen(service.url + "/", timeout=1)
            except urllib.error.HTTPError:
                break  # it answers (404 for /)
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"glossdeck api did not start: {log.read_text()}") from None
                time.sleep(0.1)
            else:
                break
        yield service
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
