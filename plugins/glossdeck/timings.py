"""Where glossdeck's own build time goes, phase by phase (load, render, autolink, features, ...).

The MkDocs plugin wraps each phase; `scripts/bench.py` reads the totals through the file named by
the GLOSSDECK_TIMINGS environment variable. Measuring costs two perf_counter() calls per phase.
"""

from __future__ import annotations

import json
import os
import time
from collections import defaultdict
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

TIMINGS_ENV = "GLOSSDECK_TIMINGS"


class PhaseTimer:
    def __init__(self) -> None:
        self.totals: dict[str, float] = defaultdict(float)

    @contextmanager
    def phase(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.totals[name] += time.perf_counter() - start

    def reset(self) -> None:
        self.totals.clear()

    def report(self) -> dict[str, float]:
        return dict(sorted(self.totals.items()))

    def write_if_requested(self) -> None:
        """Append this build's totals as one JSON line to $GLOSSDECK_TIMINGS, when it is set."""
        target = os.environ.get(TIMINGS_ENV)
        if target:
            with Path(target).open("a", encoding="utf-8") as handle:
                handle.write(json.dumps(self.report()) + "\n")


TIMER = PhaseTimer()
