"""The link-preview images (Open Graph / Twitter cards), drawn as SVG then rasterised (png.py).

A term's image is the term card's own design (embeds/card_svg.py) at 600x315 drawn twice that size,
1200x630, the size and 1.91:1 shape chat clients and social sites show best. The site's image (for
the home page) uses the same palette, type and axis colours: the site's name, its description and
how many terms it holds, over the four DEBT axes.

These SVGs are drawn by resvg only, which places text as if `direction` were always ltr
(linebender/resvg#475): a right-to-left text's `start` is its left end there, where browsers (and
the card's design) take its right end. So a right-to-left text's anchor is turned into the one
resvg reads as the same side (`physical_anchors`), else Urdu and Arabic cards run off the image.
"""

from __future__ import annotations

import re

from ..core.debt import AXES
from ..embeds.card_svg import CARD_WIDTH, render_card
from ..embeds.card_view import CardView
from ..embeds.palette import LIGHT
from ..embeds.text_measure import SANS_STACK, ellipsize, wrap
from ..text.markup import Markup, element, join
from ..text.plain_text import is_rtl
from .output_paths import SOCIAL_CARD_HEIGHT, SOCIAL_CARD_WIDTH

SCALE = SOCIAL_CARD_WIDTH // CARD_WIDTH
HEIGHT = SOCIAL_CARD_HEIGHT // SCALE  # 315 in the card's own units
PAD = 24
INNER = CARD_WIDTH - 2 * PAD


# a <text> start tag of our own markup (attribute values are escaped: no ">" inside one)
_RTL_TEXT = re.compile(r'<text\b[^>]*\bdirection="rtl"[^>]*>')
_FLIPPED = {'text-anchor="end"': 'text-anchor="start"', 'text-anchor="start"': 'text-anchor="end"'}


def physical_anchors(svg: str) -> str:
    """Every right-to-left <text> anchored on the side resvg takes for its start or end."""

    def flip(match: re.Match[str]) -> str:
        tag = match.group(0)
        for old, new in _FLIPPED.items():
            if old in tag:
                return tag.replace(old, new)
        if 'text-anchor="middle"' in tag:
            return tag
        return tag[:-1] + ' text-anchor="end">'  # no anchor is `start`

    return _RTL_TEXT.sub(flip, svg)


def term_social_svg(view: CardView) -> str:
    return physical_anchors(render_card(view, "light", height=HEIGHT, scale=SCALE, framed=False))


def _text(
    source: str, lines: list[str], y: float, leading: float, attrs: dict[str, str | int | float | None]
) -> Markup:
    rtl = is_rtl(source)
    x = CARD_WIDTH - PAD if rtl else PAD
    spans = [element("tspan", {"x": x, "y": y + i * leading}, line) for i, line in enumerate(lines)]
    return element("text", {**attrs, "direction": "rtl" if rtl else None}, *spans)


def site_social_svg(site_name: str, description: str, kicker: str, host: str) -> str:
    """The home page's image. `description`: plain text (the site's description, or a sentence
    made from its categories); `kicker`: the line above the name ("GLOSSARY · 12 TERMS", in the
    site's language); `host`: the address shown in the footer ("" for none)."""
    p = LIGHT
    title = wrap(site_name, INNER, 40, 2, "bold")
    title_y = 92
    body_y = title_y + (len(title.lines) - 1) * 48 + 44
    bars_y = HEIGHT - 78
    lines_left = max(1, int((bars_y - 30 - body_y) // 26) + 1)  # the last line clears the axis names
    body = wrap(description, INNER, 19, lines_left)
    width = (INNER - 16 * (len(AXES) - 1)) / len(AXES)
    axes: list[Markup] = []
    for i, axis in enumerate(AXES):
        x = PAD + i * (width + 16)
        axes.append(element("text", {"x": x, "y": bars_y, "font-size": 13, "fill": p.text}, axis.name))
        axes.append(
            element(
                "rect",
                {"x": x, "y": bars_y + 8, "width": width, "height": 6, "rx": 3, "fill": axis.colour},
                self_closing=True,
            )
        )
    parts: list[Markup] = [
        element("title", {}, f"{site_name}: {description}"),
        element(
            "rect", {"x": 0, "y": 0, "width": CARD_WIDTH, "height": HEIGHT, "fill": p.background}, self_closing=True
        ),
        element(
            "text",
            {"x": PAD, "y": 44, "font-size": 13, "font-weight": "bold", "letter-spacing": 0.6, "fill": p.muted},
            kicker,
        ),
        _text(site_name, title.lines, title_y, 48, {"font-size": 40, "font-weight": "bold", "fill": p.text}),
        _text(description, body.lines, body_y, 26, {"font-size": 19, "fill": p.text}),
        element("g", {"aria-hidden": "true"}, *axes),
    ]
    if host:
        parts.append(
            element("text", {"x": PAD, "y": HEIGHT - 22, "font-size": 13, "fill": p.muted}, ellipsize(host, INNER, 13))
        )
    svg = element(
        "svg",
        {
            "xmlns": "http://www.w3.org/2000/svg",
            "width": SOCIAL_CARD_WIDTH,
            "height": SOCIAL_CARD_HEIGHT,
            "viewBox": f"0 0 {CARD_WIDTH} {HEIGHT}",
            "role": "img",
            "font-family": SANS_STACK,
        },
        join(parts),
    )
    return physical_anchors('<?xml version="1.0" encoding="UTF-8"?>\n' + svg + "\n")
