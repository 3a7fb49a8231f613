"""The small DEBT profile chart: four bars, one per axis, in the axes' colours (an inline SVG).

The shape is the point of a DEBT profile, so the chart shows four separate bars and never a sum.
"""

from __future__ import annotations

from ..core.debt import AXES, score_label
from ..core.model import Debt
from ..i18n.messages import Messages, english
from ..text.escape import attr, text

WIDTH, HEIGHT, BAR, GAP, TOP, LABEL = 120, 64, 22, 8, 12, 14


def profile_svg(debt: Debt, t: Messages | None = None) -> str:
    """An accessible SVG bar chart of the four scores (0 drawn as an empty dashed box marked n/a)."""
    t = t or english()
    names = {a.letter: t(f"debt.axes.{a.letter}.name") for a in AXES}
    summary = t(
        "debt.chart_label", axes=", ".join(f"{names[a.letter]} {score_label(debt.axis(a.letter).score)}" for a in AXES)
    )
    parts = [
        f'<svg class="gd-chart" role="img" aria-label="{attr(summary)}" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{text(summary)}</title>",
    ]
    plot = HEIGHT - TOP - LABEL
    for index, axis in enumerate(AXES):
        score = debt.axis(axis.letter).score
        x = GAP // 2 + index * (BAR + GAP)
        # a CSS variable (style, not a presentation attribute) so the dark palette can recolour it
        colour = f"var(--gd-axis-{axis.letter}, {axis.colour})"
        if score == 0:
            parts.append(
                f'<rect x="{x}" y="{TOP}" width="{BAR}" height="{plot}" style="fill:none;stroke:{colour}" '
                f'stroke-dasharray="3 3"/>'
            )
            parts.append(
                f'<text x="{x + BAR / 2}" y="{TOP + plot / 2 + 3}" text-anchor="middle" '
                f'font-size="8" style="fill:{colour}">n/a</text>'
            )
        else:
            height = round(plot * score / 9, 1)
            parts.append(
                f'<rect class="gd-bar gd-axis-{axis.letter}" x="{x}" y="{TOP + plot - height}" '
                f'width="{BAR}" height="{height}" rx="2" style="fill:{colour}"/>'
            )
            parts.append(
                f'<text x="{x + BAR / 2}" y="{TOP + plot - height - 2}" text-anchor="middle" '
                f'font-size="9" fill="currentColor">{score}</text>'
            )
        parts.append(
            f'<text x="{x + BAR / 2}" y="{HEIGHT - 3}" text-anchor="middle" font-size="10" '
            f'font-weight="bold" style="fill:{colour}">{axis.letter}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
