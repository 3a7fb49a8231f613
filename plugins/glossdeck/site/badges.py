"""Badges: the DEBT string, one per axis score, level and severity, as accessible HTML.

Every badge has visible text, and a text alternative where the text is short (aria-label and title);
no badge tells anything by colour or by an emoji alone (severity is "Severity: High"); colours come from CSS
classes with a light and a dark variant, so badges read well in both palettes. A score of 0 is shown
as "n/a" (the axis does not apply), and no badge ever shows a total.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core.debt import AXES
from ..core.model import Debt
from ..i18n.messages import Messages, english
from ..text.escape import attr, text
from .icons import severity_meter


def axis_anchor(letter: str) -> str:
    return f"axis-{letter}"


@dataclass(frozen=True)
class AxisWords:
    name: str
    kind: str
    question: str


def axis_words(t: Messages, letter: str) -> AxisWords:
    """An axis's name, kind of debt and question in the site's language."""
    return AxisWords(t(f"debt.axes.{letter}.name"), t(f"debt.axes.{letter}.kind"), t(f"debt.axes.{letter}.question"))


def axis_description(letter: str, score: int, t: Messages | None = None) -> str:
    t = t or english()
    words = axis_words(t, letter)
    if score == 0:
        return t("debt.axis_na", axis=words.name)
    return t("debt.axis_score", axis=words.name, score=score, kind=words.kind.lower())


def axis_badge(letter: str, score: int, href: str | None, t: Messages | None = None) -> str:
    """`d7` (or `d n/a`) in the axis's colour, linking to the rubric's explanation of the axis."""
    t = t or english()
    shown = f"{letter}{score}" if score else f"{letter} {t('debt.na')}"
    # the name holds the visible text (WCAG 2.5.3)
    label = t("debt.shown_as", label=axis_description(letter, score, t), shown=shown)
    classes = f"gd-badge gd-axis gd-axis-{letter}" + (" gd-na" if score == 0 else "")
    inner = f'<span aria-hidden="true">{text(shown)}</span>'
    if href:
        return f'<a class="{classes}" href="{attr(href)}" title="{attr(label)}" aria-label="{attr(label)}">{inner}</a>'
    return f'<span class="{classes}" role="img" title="{attr(label)}" aria-label="{attr(label)}">{inner}</span>'


def debt_label(debt: Debt, t: Messages | None = None) -> str:
    t = t or english()
    parts = [axis_description(a.letter, debt.axis(a.letter).score, t).replace(" (", ", ").split(";")[0] for a in AXES]
    return t("debt.profile_label", debt=debt.string, axes="; ".join(parts))


def debt_string_badge(debt: Debt, href: str | None, t: Messages | None = None) -> str:
    """The verbatim `debt(d7/e9/b9/t5)` string, readable without a legend, linking to the rubric."""
    label = debt_label(debt, t)
    inner = f"<code>{text(debt.string)}</code>"
    if href:
        return f'<a class="gd-debt-string" href="{attr(href)}" title="{attr(label)}" aria-label="{attr(label)}">{inner}</a>'
    return f'<span class="gd-debt-string" title="{attr(label)}">{inner}</span>'


def level_badge(level: str, t: Messages | None = None) -> str:
    t = t or english()
    name = t(f"badge.levels.{level}")
    title = t("badge.level", level=name)
    return f'<span class="gd-badge gd-level gd-level-{attr(level)}" title="{attr(title)}">{text(name)}</span>'


def severity_badge(severity: str, t: Messages | None = None) -> str:
    """The level in words ("Severity: Medium"), with a four-bar meter (decorative) beside it; the
    colour of the border only repeats what the words say."""
    t = t or english()
    shown = t("badge.severity", severity=t(f"badge.severities.{severity}"))
    return (
        f'<span class="gd-badge gd-severity gd-severity-{attr(severity)}" title="{attr(shown)}">'
        f"{severity_meter(severity)} {text(shown)}</span>"
    )


def rating_badge(label: str, value: str, css: str = "gd-rating", t: Messages | None = None) -> str:
    """A labelled low/medium/high (or line/function/...) value, e.g. "Fix effort: High"; `label`
    is in the site's language already, `value` is the YAML value."""
    t = t or english()
    key = next((k for k in (f"badge.ratings.{value}", f"badge.contexts.{value}") if t.has(k)), None)
    shown = t(key) if key else value.capitalize()
    both = t("badge.rated", label=label, value=shown)
    return f'<span class="gd-badge {css} gd-rating-{attr(value)}" title="{attr(both)}">{text(both)}</span>'


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
