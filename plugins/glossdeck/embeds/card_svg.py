"""The SVG term card: an image any wiki that shows images can show (GitHub, GitLab, Confluence...).

Fixed size (CARD_WIDTH x CARD_HEIGHT), self-contained (system fonts only, no external
references), text wrapped and cut here because SVG cannot wrap. Layout, top to bottom:
category and level with the site name; the title (up to two lines); the TL;DR (as many lines
as the room left allows, ending in an ellipsis when cut); the four DEBT axes as labelled score
bars in their identity colours; the debt(...) string and the edited date.
"""

from __future__ import annotations

from ..text.markup import Markup, element, join
from ..text.plain_text import is_rtl, truncate
from .card_view import AxisView, CardView
from .palette import PALETTES, Palette, Scheme
from .text_measure import MONO_STACK, SANS_STACK, ellipsize, text_width, wrap

CARD_WIDTH = 600
CARD_HEIGHT = 300
MAX_BYTES = 10 * 1024

PAD = 24
INNER = CARD_WIDTH - 2 * PAD
KICKER_SIZE, KICKER_SPACING = 12, 0.6
TITLE_SIZE, TITLE_LEADING, TITLE_LINES = 24, 30, 2
TLDR_SIZE, TLDR_LEADING = 15, 21
AXIS_GAP, AXIS_LABEL_SIZE, AXIS_SCORE_SIZE = 16, 12, 13
FOOT_SIZE = 12
DEBT_SIZE = 14


def _lines(
    source: str,
    lines: list[str],
    y: float,
    leading: float,
    attrs: dict[str, str | int | float | None],
    rtl_site: bool = False,
) -> Markup:
    """A text block, one tspan per line. Right-to-left text (Hebrew, Arabic, Urdu; any text on a
    right-to-left site) starts at the right edge with an RTL base direction, so its punctuation
    lands where a reader expects it."""
    rtl = rtl_site or is_rtl(source)
    x = CARD_WIDTH - PAD if rtl else PAD
    spans = [element("tspan", {"x": x, "y": y + i * leading}, line) for i, line in enumerate(lines)]
    block = {**attrs, "direction": "rtl" if rtl else None}
    return element("text", block, *spans)


def _axis(axis: AxisView, x: float, y: float, width: float, palette: Palette, rtl: bool = False) -> Markup:
    """One axis: name and score above a bar filled in proportion to the score (empty for n/a);
    mirrored on a right-to-left card (name at the right, the bar filling from the right)."""
    colour = palette.axis(axis)
    score_width = text_width(axis.label, AXIS_SCORE_SIZE, "bold")
    label = ellipsize(axis.name, width - score_width - 4, AXIS_LABEL_SIZE)
    fill_width = width * axis.score / 9
    parts = [
        element(
            "text",
            {
                "x": x + width if rtl else x,
                "y": y,
                "font-size": AXIS_LABEL_SIZE,
                "direction": "rtl" if rtl else None,
                "fill": palette.text,
            },
            label,
        ),
        element(
            "text",
            {
                "x": x if rtl else x + width,
                "y": y,
                "font-size": AXIS_SCORE_SIZE,
                "font-weight": "bold",
                "text-anchor": None if rtl else "end",
                "fill": colour if axis.applies else palette.muted,
            },
            axis.label,
        ),
        element(
            "rect", {"x": x, "y": y + 7, "width": width, "height": 6, "rx": 3, "fill": palette.track}, self_closing=True
        ),
    ]
    if axis.applies:
        parts.append(
            element(
                "rect",
                {
                    "x": x + width - fill_width if rtl else x,
                    "y": y + 7,
                    "width": fill_width,
                    "height": 6,
                    "rx": 3,
                    "fill": colour,
                },
                self_closing=True,
            )
        )
    return element("g", {"aria-hidden": "true"}, *parts)


def _debt_string(view: CardView, x: float, y: float, palette: Palette, anchor: str | None = None) -> Markup:
    """debt(d7/e9/b9/t5) verbatim, each axis token in its colour."""
    pieces: list[Markup | str] = ["debt("]
    for i, axis in enumerate(view.axes):
        if i:
            pieces.append("/")
        pieces.append(element("tspan", {"fill": palette.axis(axis)}, f"{axis.letter}{axis.score}"))
    pieces.append(")")
    return element(
        "text",
        {
            "x": x,
            "y": y,
            "font-family": MONO_STACK,
            "font-size": DEBT_SIZE,
            "font-weight": "bold",
            "text-anchor": anchor,
            "fill": palette.text,
        },
        *pieces,
    )


def _description(view: CardView) -> str:
    parts = [truncate(view.tldr, 400)]
    if view.debt_spoken:
        parts.append(view.debt_spoken + ".")
    if view.date_line:
        parts.append(view.messages("card.term_date", date=view.date_line))
    return " ".join(parts)


def render_card(
    view: CardView, scheme: Scheme = "light", *, height: int = CARD_HEIGHT, scale: int = 1, framed: bool = True
) -> str:
    """The card, CARD_WIDTH wide and `height` tall in its own units, drawn `scale` times that size.

    The link-preview image (share/social_card.py) is this design at 600x315 drawn at 1200x630, with
    no frame: chat clients crop and round images themselves, and a transparent corner shows as black.
    """
    palette = PALETTES[scheme]
    ids = f"gd-{view.slug}-{scheme}"  # unique even when both variants are inlined in one page
    body: list[Markup] = [
        element("title", {"id": f"{ids}-title"}, f"{view.title} — {view.site_name}"),
        element("desc", {"id": f"{ids}-desc"}, _description(view)),
        element(
            "rect",
            {
                "x": 0.5,
                "y": 0.5,
                "width": CARD_WIDTH - 1,
                "height": height - 1,
                "rx": 12,
                "fill": palette.background,
                "stroke": palette.border,
            }
            if framed
            else {"x": 0, "y": 0, "width": CARD_WIDTH, "height": height, "fill": palette.background},
            self_closing=True,
        ),
    ]

    # top line: kicker at the left, site name at the right, sharing the width
    site = ellipsize(view.site_name, INNER * 0.4, KICKER_SIZE)
    site_width = text_width(site, KICKER_SIZE)
    kicker_room = INNER - site_width - 16
    kicker = ellipsize(view.kicker, kicker_room - KICKER_SPACING * len(view.kicker), KICKER_SIZE, "bold")
    rtl = view.rtl
    # right to left: the kicker starts at the right edge, the site name sits at the left
    start_x, end_x = (CARD_WIDTH - PAD, PAD) if rtl else (PAD, CARD_WIDTH - PAD)
    direction = "rtl" if rtl else None
    body.append(
        element(
            "text",
            {
                "x": start_x,
                "y": 36,
                "font-size": KICKER_SIZE,
                "font-weight": "bold",
                # joined scripts (Arabic, Urdu) must not be letter-spaced: it breaks the joins
                "letter-spacing": None if rtl else KICKER_SPACING,
                "direction": direction,
                "fill": palette.muted,
            },
            kicker,
        )
    )
    body.append(
        element(
            "text",
            {
                "x": end_x,
                "y": 36,
                "font-size": KICKER_SIZE,
                "text-anchor": "end",
                "direction": direction,
                "fill": palette.muted,
            },
            site,
        )
    )

    title = wrap(view.title, INNER, TITLE_SIZE, TITLE_LINES, "bold")
    title_y = 70
    body.append(
        _lines(
            view.title,
            title.lines,
            title_y,
            TITLE_LEADING,
            {"font-size": TITLE_SIZE, "font-weight": "bold", "fill": palette.text},
            rtl,
        )
    )

    # the TL;DR takes whatever height the title and the axes leave
    footer_y = height - 20
    axes_top = footer_y - 56 if view.axes else footer_y - 16
    tldr_y = title_y + (len(title.lines) - 1) * TITLE_LEADING + 32
    room = int((axes_top - tldr_y) // TLDR_LEADING) + 1
    tldr = wrap(view.tldr, INNER, TLDR_SIZE, max(room, 1))
    body.append(
        _lines(view.tldr, tldr.lines, tldr_y, TLDR_LEADING, {"font-size": TLDR_SIZE, "fill": palette.text}, rtl)
    )

    if view.axes:
        width = (INNER - AXIS_GAP * (len(view.axes) - 1)) / len(view.axes)
        for i, axis in enumerate(view.axes):
            slot = len(view.axes) - 1 - i if rtl else i  # right to left: d at the right
            body.append(_axis(axis, PAD + slot * (width + AXIS_GAP), axes_top + 12, width, palette, rtl))
        # debt(d7/...) is code, always left to right; on a right-to-left card it ends at the right edge
        body.append(_debt_string(view, CARD_WIDTH - PAD if rtl else PAD, footer_y, palette, "end" if rtl else None))
    if view.date_line:
        body.append(
            element(
                "text",
                {
                    "x": end_x,
                    "y": footer_y,
                    "font-size": FOOT_SIZE,
                    "text-anchor": "end",
                    "direction": direction,
                    "fill": palette.muted,
                },
                view.date_line,
            )
        )

    svg = element(
        "svg",
        {
            "xmlns": "http://www.w3.org/2000/svg",
            "width": CARD_WIDTH * scale,
            "height": height * scale,
            "viewBox": f"0 0 {CARD_WIDTH} {height}",
            "role": "img",
            "aria-labelledby": f"{ids}-title {ids}-desc",
            "font-family": SANS_STACK,
        },
        join(body),
    )
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + svg + "\n"
