"""What a term card shows, in one place: plain, cleaned text and the DEBT axes.

The SVG card, the badge, the embed page, the JSON API and the web component all render this
view of a term, so they agree on wording and on the "0 is n/a" rule. Every string here has
passed through `clean_text`; each renderer still escapes it for its own format.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from ..core.debt import AXES, score_label
from ..core.model import Term
from ..i18n.messages import Messages, english
from ..text.plain_text import markdown_to_plain, one_line
from ..text.term_links import guess_title


def _isolated(iso_date: str) -> str:
    """An ISO date kept left to right inside right-to-left text: after Arabic letters, "2026-03-20"
    would otherwise show as "20-03-2026" (the bidi algorithm's Arabic-number rules). Left-to-right
    isolate ... pop directional isolate; invisible, and of no width."""
    return f"\u2066{iso_date}\u2069"


@dataclass(frozen=True)
class AxisView:
    letter: str
    name: str
    kind: str
    score: int
    label: str  # "n/a" for 0, never a low score
    rationale: str | None
    colour: str
    colour_dark: str
    messages: Messages = field(default_factory=english, repr=False)

    @property
    def applies(self) -> bool:
        return self.score != 0

    @property
    def spoken(self) -> str:
        """Text alternative, e.g. "Detectability 7 of 9" or "Burden not applicable"."""
        t = self.messages
        return (
            t("card.axis_spoken", axis=self.name, score=self.score)
            if self.applies
            else t("card.axis_na", axis=self.name)
        )


@dataclass(frozen=True)
class CardView:
    slug: str
    title: str
    aliases: tuple[str, ...]
    category: str  # the slug (the API's value)
    level: str | None
    tldr: str  # plain text, one line
    belief: str | None
    correction: str | None
    debt: str | None  # the verbatim debt(...) string
    axes: tuple[AxisView, ...]
    added: dt.date | None
    edited: dt.date | None
    site_name: str
    category_title: str = ""  # the category's title in the site's language (the slug when none)
    messages: Messages = field(default_factory=english, repr=False)

    @property
    def kicker(self) -> str:
        """The small upper line: category title and level (upper-cased where the script has case)."""
        parts = [self.category_title or self.category.replace("-", " ")]
        if self.level:
            parts.append(self.messages(f"badge.levels.{self.level}"))
        return " · ".join(parts).upper()

    @property
    def date_line(self) -> str | None:
        """Which version of the term the card shows: readers of a cached card can tell its age."""
        day = self.edited or self.added
        if day is None:
            return None
        shown = _isolated(day.isoformat()) if self.rtl else day.isoformat()
        return self.messages("card.edited" if self.edited else "card.added", date=shown)

    @property
    def rtl(self) -> bool:
        return self.messages.rtl

    @property
    def debt_spoken(self) -> str | None:
        if not self.debt:
            return None
        return self.messages("card.debt_spoken", debt=self.debt, axes=", ".join(a.spoken for a in self.axes))


def card_view(
    slug: str,
    term: Term,
    site_name: str,
    category_title: str = "",
    messages: Messages | None = None,
    title_for: Callable[[str], str] = guess_title,
) -> CardView:
    """What a card shows of a term; `title_for` gives the titles its term links (`[[slug]]`) show."""
    t = messages or english()
    axes: tuple[AxisView, ...] = ()
    if term.debt is not None:
        axes = tuple(
            AxisView(
                a.letter,
                t(f"debt.axes.{a.letter}.name"),
                t(f"debt.axes.{a.letter}.kind"),
                term.debt.axis(a.letter).score,
                score_label(term.debt.axis(a.letter).score),
                one_line(r) if (r := term.debt.axis(a.letter).rationale) else None,
                a.colour,
                a.colour_dark,
                t,
            )
            for a in AXES
        )
    misconception = term.misconception
    return CardView(
        slug=slug,
        title=one_line(term.title),
        aliases=tuple(one_line(a) for a in term.aliases),
        category=term.category,
        level=term.level,
        tldr=markdown_to_plain(term.tldr, title_for),
        belief=markdown_to_plain(misconception.belief, title_for) if misconception else None,
        correction=markdown_to_plain(misconception.correction, title_for) if misconception else None,
        debt=term.debt.string if term.debt else None,
        axes=axes,
        added=term.added,
        edited=term.edited,
        site_name=one_line(site_name) or "Glossary",
        category_title=one_line(category_title),
        messages=t,
    )
