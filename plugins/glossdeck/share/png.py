"""SVG to PNG, for link previews: chat clients (Slack, Teams, Discord) refuse SVG images.

resvg (through the resvg-py wheel: a Rust library, no system libraries) draws the card with the
machine's fonts, the ones the card's font stack names (Verdana, DejaVu Sans, ...).
"""

from __future__ import annotations

import resvg_py


def svg_to_png(svg: str) -> bytes:
    """The SVG drawn at its own width and height."""
    return bytes(resvg_py.svg_to_bytes(svg_string=svg))
