"""Badges: the DEBT string, one per axis score, level and severity, as accessible HTML.

Every badge has visible text, and a text alternative where the text is short (aria-label and title);
no badge tells anything by colour or by an emoji alone (severity is "Severity: High"); colours come from CSS
classes with a light and a dark variant, so badges read well in both palettes. A score of 0 is shown
as "n/a" (the axis does not apply), and no badge ever shows a total.
"""

from __future__ import annotations

from ..core.debt import AXES, AXIS_BY_LETTER
from ..core.model import Debt
from ..text.escape import attr, text
from .icons import severity_meter


def axis_anchor(letter: str) -> str:
    return f"axis-{letter}"


def axis_description(letter: str, score: int) -> str:
    axis = AXIS_BY_LETTER[letter]
    if score == 0:
        return f"{axis.name}: not applicable"
    return f"{axis.name}: {score} of 9 ({axis.kind.lower()}; 1 least, 9 most cost)"


def axis_badge(letter: str, score: int, href: str | None) -> str:
    """`d7` (or `d n/a`) in the axis's colour, linking to the rubric's explanation of the axis."""
    shown = f"{letter}{score}" if score else f"{letter} n/a"
    label = f"{axis_description(letter, score)}, shown as {shown}"  # the name holds the visible text (WCAG 2.5.3)
    classes = f"gd-badge gd-axis gd-axis-{letter}" + (" gd-na" if score == 0 else "")
    inner = f'<span aria-hidden="true">{text(shown)}</span>'
    if href:
        return f'<a class="{classes}" href="{attr(href)}" title="{attr(label)}" aria-label="{attr(label)}">{inner}</a>'
    return f'<span class="{classes}" role="img" title="{attr(label)}" aria-label="{attr(label)}">{inner}</span>'


def debt_label(debt: Debt) -> str:
    parts = [axis_description(a.letter, debt.axis(a.letter).score).replace(" (", ", ").split(";")[0] for a in AXES]
    return "DEBT profile " + debt.string + ": " + "; ".join(parts)


def debt_string_badge(debt: Debt, href: str | None) -> str:
    """The verbatim `debt(d7/e9/b9/t5)` string, readable without a legend, linking to the rubric."""
    label = debt_label(debt)
    inner = f"<code>{text(debt.string)}</code>"
    if href:
        return f'<a class="gd-debt-string" href="{attr(href)}" title="{attr(label)}" aria-label="{attr(label)}">{inner}</a>'
    return f'<span class="gd-debt-string" title="{attr(label)}">{inner}</span>'


def level_badge(level: str) -> str:
    name = level.capitalize()
    return f'<span class="gd-badge gd-level gd-level-{attr(level)}" title="Level: {attr(name)}">{text(name)}</span>'


def severity_badge(severity: str) -> str:
    """The level in words ("Severity: Medium"), with a four-bar meter (decorative) beside it; the
    colour of the border only repeats what the words say."""
    name = severity.capitalize()
    return (
        f'<span class="gd-badge gd-severity gd-severity-{attr(severity)}" title="Severity: {attr(name)}">'
        f"{severity_meter(severity)} Severity: {text(name)}</span>"
    )


def rating_badge(label: str, value: str, css: str = "gd-rating") -> str:
    """A labelled low/medium/high value, e.g. "Fix effort: High"."""
    shown = value.capitalize()
    return (
        f'<span class="gd-badge {css} gd-rating-{attr(value)}" title="{attr(label)}: {attr(shown)}">'
        f"{text(label)}: {text(shown)}</span>"
    )


def yes_no(value: bool, yes: str, no: str) -> str:
    mark, word, css = ("✓", yes, "gd-yes") if value else ("✗", no, "gd-no")
    return f'<span class="gd-badge {css}"><span aria-hidden="true">{mark}</span> {text(word)}</span>'


def axes_css() -> str:
    """Axis identity colours for both palettes, from debt.AXES (the one place they are defined)."""
    light = "\n".join(f"  --gd-axis-{a.letter}: {a.colour};" for a in AXES)
    dark = "\n".join(f"  --gd-axis-{a.letter}: {a.colour_dark};" for a in AXES)
    per_axis = "\n".join(f".gd-axis-{a.letter} {{ --gd-axis: var(--gd-axis-{a.letter}); }}" for a in AXES)
    return (
        f':root, [data-md-color-scheme="default"] {{\n{light}\n}}\n'
        f'[data-md-color-scheme="slate"] {{\n{dark}\n}}\n'
        f"@media (prefers-color-scheme: dark) {{ :root:not([data-md-color-scheme]) {{\n{dark}\n}} }}\n"
        f"{per_axis}\n"
    )
