"""What a term card shows, in one place: plain, cleaned text and the DEBT axes.

The SVG card, the badge, the embed page, the JSON API and the web component all render this
view of a term, so they agree on wording and on the "0 is n/a" rule. Every string here has
passed through `clean_text`; each renderer still escapes it for its own format.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from ..core.debt import AXES, score_label
from ..core.model import Term
from ..text.plain_text import markdown_to_plain, one_line
from ..text.term_links import guess_title


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

    @property
    def applies(self) -> bool:
        return self.score != 0

    @property
    def spoken(self) -> str:
        """Text alternative, e.g. "Detectability 7 of 9" or "Burden not applicable"."""
        return f"{self.name} {self.score} of 9" if self.applies else f"{self.name} not applicable"


@dataclass(frozen=True)
class CardView:
    slug: str
    title: str
    aliases: tuple[str, ...]
    category: str  # slug, shown upper-cased
    level: str | None
    tldr: str  # plain text, one line
    belief: str | None
    correction: str | None
    debt: str | None  # the verbatim debt(...) string
    axes: tuple[AxisView, ...]
    added: dt.date | None
    edited: dt.date | None
    site_name: str

    @property
    def kicker(self) -> str:
        """The small upper line: category and level."""
        parts = [self.category.replace("-", " ")]
        if self.level:
            parts.append(self.level)
        return " · ".join(parts).upper()

    @property
    def date_line(self) -> str | None:
        """Which version of the term the card shows: readers of a cached card can tell its age."""
        if self.edited:
            return f"edited {self.edited.isoformat()}"
        if self.added:
            return f"added {self.added.isoformat()}"
        return None

    @property
    def debt_spoken(self) -> str | None:
        if not self.debt:
            return None
        return f"DEBT score {self.debt}: " + ", ".join(a.spoken for a in self.axes)


def card_view(slug: str, term: Term, site_name: str, title_for: Callable[[str], str] = guess_title) -> CardView:
    """What a card shows of a term; `title_for` gives the titles its term links (`[[slug]]`) show."""
    axes: tuple[AxisView, ...] = ()
    if term.debt is not None:
        axes = tuple(
            AxisView(
                a.letter,
                a.name,
                a.kind,
                term.debt.axis(a.letter).score,
                score_label(term.debt.axis(a.letter).score),
                one_line(r) if (r := term.debt.axis(a.letter).rationale) else None,
                a.colour,
                a.colour_dark,
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
    )
