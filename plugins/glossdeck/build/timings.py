"""Where glossdeck's own build time goes, phase by phase (load, render, autolink, features, ...).

The MkDocs plugin wraps each phase; `scripts/bench.py` reads the totals through the file named by
the GLOSSDECK_TIMINGS environment variable. Phases may nest: time spent in an inner phase counts for
the inner phase only, so the totals add up to glossdeck's own time. Measuring costs two
perf_counter() calls per phase.
"""

from __future__ import annotations

import json
import os
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

TIMINGS_ENV = "GLOSSDECK_TIMINGS"


class PhaseTimer:
    def __init__(self) -> None:
        self.totals: dict[str, float] = defaultdict(float)
        self._inner: list[float] = []  # per open phase: seconds spent in phases nested inside it

    @contextmanager
    def phase(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        self._inner.append(0.0)
        try:
            yield
        finally:
            elapsed = time.perf_counter() - start
            nested = self._inner.pop()
            self.totals[name] += elapsed - nested
            if self._inner:
                self._inner[-1] += elapsed

    def reset(self) -> None:
        self.totals.clear()
        self._inner.clear()

    def report(self) -> dict[str, float]:
        return dict(sorted(self.totals.items()))

    def write_if_requested(self) -> None:
        """Append this build's totals as one JSON line to $GLOSSDECK_TIMINGS, when it is set."""
        target = os.environ.get(TIMINGS_ENV)
        if target:
            with Path(target).open("a", encoding="utf-8") as handle:
                handle.write(json.dumps(self.report()) + "\n")


TIMER = PhaseTimer()
