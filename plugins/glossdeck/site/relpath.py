"""Relative links between site paths, computed from the strings alone.

`posixpath.relpath` makes both paths absolute first, which asks the operating system for the working
directory on every call; a build computes tens of thousands of links (every related term, badge and
list item), so that alone cost about a second per 1,000 terms. Site paths are relative and clean, so
the common-prefix walk below gives the same answer; anything else is handed to posixpath.
"""

from __future__ import annotations

import functools
import posixpath


@functools.lru_cache(maxsize=65_536)
def relpath(target: str, base: str = ".") -> str:
    """posixpath.relpath(target, base) for relative POSIX paths."""
    if target.startswith("/") or base.startswith("/"):
        return posixpath.relpath(target, base)
    to = [part for part in target.split("/") if part and part != "."]
    start = [part for part in base.split("/") if part and part != "."]
    if ".." in to or ".." in start:
        return posixpath.relpath(target, base)
    common = 0
    for a, b in zip(to, start):
        if a != b:
            break
        common += 1
    parts = [".."] * (len(start) - common) + to[common:]
    return "/".join(parts) if parts else "."
