"""How many requests one client may make in a minute: a sliding window per client address.

The windows live in the service process (each instance behind a load balancer counts its own); the
number of clients remembered is bounded, the least recently seen forgotten first.
"""

from __future__ import annotations

import time
from collections import OrderedDict, deque
from collections.abc import Callable

WINDOW = 60.0
MAX_CLIENTS = 100_000


class RateLimiter:
    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.per_minute = per_minute
        self.clock = clock
        self.windows: OrderedDict[str, deque[float]] = OrderedDict()

    def allow(self, client: str) -> float:
        """0 when the request may go ahead (and is counted), else the seconds until it may."""
        now = self.clock()
        window = self.windows.pop(client, None) or deque()
        while window and window[0] <= now - WINDOW:
            window.popleft()
        self.windows[client] = window  # most recently seen last
        if len(self.windows) > MAX_CLIENTS:
            self.windows.popitem(last=False)
        if len(window) >= self.per_minute:
            return max(window[0] + WINDOW - now, 0.001)
        window.append(now)
        return 0.0
