"""SVG to PNG, for link previews: chat clients (Slack, Teams, Discord) refuse SVG images.

resvg (a Rust library, no system libraries) draws the card with the faces its font stack names.
glossdeck ships DejaVu Sans (regular and bold) and DejaVu Sans Mono bold (assets/vendor/fonts/,
from npm's dejavu-fonts-ttf), so the text is drawn the same on a build machine with no fonts at all
(a slim CI image); the machine's own fonts are loaded too, for Verdana where installed and for
scripts and emoji DejaVu lacks.

Two wheels of resvg, one picture. `resvg-py` (always installed) is built for size and returns only
its own PNG: about 60 ms of CPU a card, half of it encoding. `svg2png-py` (the optional `fast`
extra, where a wheel exists) is built for speed and can return the raw pixels: about 18 ms to draw
(half of it laying out the text); a card is opaque, so its pixels go straight into an RGB PNG with
no filter, compressed by zlib at level 3 (about 8 ms, files no larger than resvg-py's): about 28 ms
a card in all (scripts/bench_png.py). Pillow would add a dependency to encode slower (it tries
every row filter). `renderer()` names the path taken; the PNG cache's
file names include it, so a file drawn one way is never reused as the other's.
"""

from __future__ import annotations

import struct
import zlib
from importlib import import_module, resources
from importlib.metadata import PackageNotFoundError, version
from types import ModuleType

import resvg_py


def _import_fast() -> ModuleType | None:
    try:
        return import_module("svg2png_py")
    except ImportError:  # the `fast` extra is not installed (or has no wheel for this machine)
        return None


FAST = _import_fast()

FONTS = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSansMono-Bold.ttf")
ZLIB_LEVEL = 3  # level 6 makes files a fifth smaller for twice the compression time
# what the fast path writes; change it with any change of encoding, so cached files are drawn again
ENCODING = f"rgb-nofilter-zlib{ZLIB_LEVEL}"


def shipped_fonts() -> list[str]:
    """The shipped faces that are present (all of them once `npm ci` has run)."""
    folder = resources.files("glossdeck") / "assets" / "vendor" / "fonts"
    return [str(folder / name) for name in FONTS if (folder / name).is_file()]


def _version(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return "?"


def renderer(*, use_fast: bool | None = None) -> str:
    """What draws the PNGs (wheel, version, encoding): part of each cached PNG's name."""
    if _fast(use_fast) is not None:
        return f"svg2png-py {_version('svg2png-py')} {ENCODING}"
    return f"resvg-py {_version('resvg-py')}"


def _fast(use_fast: bool | None) -> ModuleType | None:
    if use_fast is None or use_fast:
        if use_fast and FAST is None:
            raise RuntimeError("svg2png-py is not installed (pip install 'glossdeck[fast]')")
        return FAST
    return None


def svg_to_png(svg: str, *, system_fonts: bool = True, use_fast: bool | None = None) -> bytes:
    """The SVG drawn at its own width and height. `use_fast`: None takes svg2png-py where it is
    installed, True requires it, False draws with resvg-py (tests compare the two)."""
    module = _fast(use_fast)
    if module is None:
        return bytes(
            resvg_py.svg_to_bytes(svg_string=svg, font_files=shipped_fonts(), skip_system_fonts=not system_fonts)
        )
    # the system faces are scanned once per process by svg2png-py itself; this database adds
    # glossdeck's faces to a copy of it (about 0.1 ms: font files are read when a glyph is needed)
    fonts = module.FontDatabase.system() if system_fonts else module.FontDatabase()
    for path in shipped_fonts():
        fonts.load_font_file(path)
    pixels, width, height = module.svg_to_rgba(svg, fonts)
    if pixels[3::4].count(255) != width * height:  # a see-through pixel: its own encoder un-premultiplies
        return bytes(module.svg_to_png(svg, fonts))
    return rgb_png(pixels, width, height)


def rgb_png(rgba: bytes, width: int, height: int) -> bytes:
    """An 8-bit RGB PNG of opaque RGBA pixels (alpha dropped), rows unfiltered: filtering each row
    well costs more in Python than zlib gains from it."""
    rgb = bytearray(width * height * 3)
    for channel in range(3):
        rgb[channel::3] = rgba[channel::4]
    stride = width * 3
    rows = memoryview(rgb)
    raw = b"".join(b"\x00" + rows[y * stride : (y + 1) * stride] for y in range(height))  # filter 0: none
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8 bits, RGB, deflate, no interlace
    return b"".join(
        (
            b"\x89PNG\r\n\x1a\n",
            _chunk(b"IHDR", header),
            _chunk(b"IDAT", zlib.compress(raw, ZLIB_LEVEL)),
            _chunk(b"IEND", b""),
        )
    )


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
