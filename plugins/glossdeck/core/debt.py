"""The DEBT score format (v1.0): `debt(d<N>/e<N>/b<N>/t<N>)`, four axes, digits 0-9.

A profile, never a sum: nothing here adds the axes up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DEBT_PATTERN = re.compile(r"^debt\(d([0-9])/e([0-9])/b([0-9])/t([0-9])\)$")


@dataclass(frozen=True)
class Axis:
    letter: str
    name: str
    kind: str
    question: str
    colour: str  # identity colour, used on badges, charts and filters alike
    colour_dark: str


AXES: tuple[Axis, ...] = (
    Axis("d", "Detectability", "Operational debt", "how invisible misuse is to your safety net", "#0969da", "#58a6ff"),
    Axis("e", "Effort", "Remediation debt", "work required to fix once spotted", "#9a6700", "#d29922"),
    Axis("b", "Burden", "Structural debt", "long-term weight of choosing wrong", "#8250df", "#bc8cff"),
    Axis("t", "Trap", "Cognitive debt", "how counter-intuitive correct behaviour is", "#cf222e", "#ff7b72"),
)
AXIS_BY_LETTER: dict[str, Axis] = {a.letter: a for a in AXES}
AXIS_LETTERS: tuple[str, ...] = tuple(a.letter for a in AXES)


def parse_debt_string(text: str) -> dict[str, int]:
    """`debt(d7/e9/b9/t5)` -> {'d': 7, 'e': 9, 'b': 9, 't': 5}; ValueError when malformed."""
    match = DEBT_PATTERN.match(text)
    if not match:
        raise ValueError(
            f"malformed DEBT string {text!r}: expected exactly 'debt(d<N>/e<N>/b<N>/t<N>)' "
            "with one digit 0-9 per axis, lowercase, in the order d, e, b, t, no spaces"
        )
    return {letter: int(value) for letter, value in zip(AXIS_LETTERS, match.groups())}


def format_debt_string(scores: dict[str, int]) -> str:
    return "debt(" + "/".join(f"{a}{scores[a]}" for a in AXIS_LETTERS) + ")"


def score_label(score: int) -> str:
    """What a reader sees for one axis value: 0 is 'n/a', never a low score."""
    return "n/a" if score == 0 else str(score)
