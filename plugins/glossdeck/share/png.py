"""SVG to PNG, for link previews: chat clients (Slack, Teams, Discord) refuse SVG images.

resvg (through the resvg-py wheel: a Rust library, no system libraries) draws the card with the
faces its font stack names. glossdeck ships DejaVu Sans (regular and bold) and DejaVu Sans Mono
bold (assets/vendor/fonts/, from npm's dejavu-fonts-ttf), so the text is drawn the same on a
build machine with no fonts at all (a slim CI image); the machine's own fonts are loaded too,
for Verdana where installed and for scripts and emoji DejaVu lacks.
"""

from __future__ import annotations

from importlib import resources

import resvg_py

FONTS = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSansMono-Bold.ttf")


def shipped_fonts() -> list[str]:
    """The shipped faces that are present (all of them once `npm ci` has run)."""
    folder = resources.files("glossdeck") / "assets" / "vendor" / "fonts"
    return [str(folder / name) for name in FONTS if (folder / name).is_file()]


def svg_to_png(svg: str, *, system_fonts: bool = True) -> bytes:
    """The SVG drawn at its own width and height."""
    return bytes(resvg_py.svg_to_bytes(svg_string=svg, font_files=shipped_fonts(), skip_system_fonts=not system_fonts))
