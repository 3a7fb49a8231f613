"""Link-preview PNGs kept on disk between builds, each named by what it was drawn from.

Drawing one costs about 28 ms of CPU (60 ms without svg2png-py, see png.py); the SVG it is drawn
from costs about one. So a build looks for `<sha256 of the SVG and the renderer>.png` in the cache
folder (the plugin's `cache_dir`, like Material's social cards) before drawing, and a one-off build
removes the files it did not use. The name changes with every byte of the SVG and with the renderer
(wheel, version and PNG encoding: `png.renderer`), so a file found is the file drawing would make.
"""

from __future__ import annotations

import contextlib
import hashlib
import os

from .png import renderer, svg_to_png

SUFFIX = ".png"


def cache_name(svg: str) -> str:
    return hashlib.sha256((renderer() + "\n" + svg).encode()).hexdigest() + SUFFIX


def cached_png(folder: str | None, svg: str, used: set[str] | None = None) -> bytes:
    """The PNG of `svg`, from `folder` when an earlier build (or a job of this one) drew it, else
    drawn (and kept there). `used` collects the names this build asked for (see `prune`)."""
    if folder is None:
        return svg_to_png(svg)
    name = cache_name(svg)
    if used is not None:
        used.add(name)
    path = os.path.join(folder, name)
    return _read(path) or _draw(path, svg)


def draw_into_cache(folder: str, svg: str) -> bool:
    """Draw the PNG of `svg` into `folder` unless it is there: a build's job (`Feature.file_jobs`),
    run by whichever of its processes is free, before `cached_png` asks for it. True when drawn."""
    path = os.path.join(folder, cache_name(svg))
    if os.path.exists(path):
        return False
    _draw(path, svg)
    return True


def _read(path: str) -> bytes | None:
    with contextlib.suppress(OSError), open(path, "rb") as handle:
        data = handle.read()
        if data.startswith(b"\x89PNG\r\n\x1a\n"):
            return data
    return None


def _draw(path: str, svg: str) -> bytes:
    data = svg_to_png(svg)
    # Written whole under a name of this process's own, then renamed: two processes of one build
    # may draw the same image at once, and neither ever reads the other's half-written file.
    temporary = f"{path}.{os.getpid()}.new"
    with contextlib.suppress(OSError):  # a read-only or full disk costs time, never the build
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(temporary, "wb") as handle:
            handle.write(data)
        os.replace(temporary, path)
    return data


def prune(folder: str | None, used: set[str]) -> int:
    """Remove the cached PNGs a build did not ask for (terms deleted or edited); how many."""
    if folder is None or not os.path.isdir(folder):
        return 0
    removed = 0
    for name in os.listdir(folder):
        if name.endswith(SUFFIX) and len(name) == 64 + len(SUFFIX) and name not in used:
            with contextlib.suppress(OSError):
                os.remove(os.path.join(folder, name))
                removed += 1
    return removed
