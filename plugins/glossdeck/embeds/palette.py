"""The two colour schemes cards are drawn in; axis colours come from `debt.AXES`.

Text colours meet WCAG AA (4.5:1) on their background in both schemes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .card_view import AxisView

Scheme = Literal["light", "dark"]


@dataclass(frozen=True)
class Palette:
    scheme: Scheme
    background: str
    border: str
    text: str
    muted: str
    link: str
    track: str  # the empty part of a score bar

    def axis(self, axis: AxisView) -> str:
        return axis.colour if self.scheme == "light" else axis.colour_dark


LIGHT = Palette(
    "light", background="#ffffff", border="#d1d9e0", text="#1f2328", muted="#59636e", link="#0969da", track="#e6eaef"
)
DARK = Palette(
    "dark", background="#0d1117", border="#3d444d", text="#f0f6fc", muted="#9198a1", link="#4493f8", track="#262c36"
)
PALETTES: dict[Scheme, Palette] = {"light": LIGHT, "dark": DARK}
