"""The compact DEBT badge of a term: `badges/<slug>.svg`, and the same badge as a shields.io
"endpoint" JSON (`badges/<slug>.json`) for READMEs that already use shields.io styles.

Label: the term's title; message: the verbatim debt(...) string, each axis token in its colour
(shields.io can only colour the message as a whole, so its JSON uses one neutral colour).
"""

from __future__ import annotations

import json

from ..text.markup import Markup, element
from .card_view import CardView
from .text_measure import MONO_STACK, SANS_STACK, Face, ellipsize, text_width

HEIGHT = 20
SIZE = 11
PAD_X = 6
LABEL_MAX = 200
LABEL_BG, MESSAGE_BG, UNSCORED_BG, INK, PUNCTUATION = "#555555", "#1f2328", "#6e7781", "#ffffff", "#d1d9e0"
SHIELDS_CACHE_SECONDS = 3600  # shields.io refetches at most this often; 300 is its minimum


def badge_message(view: CardView) -> str:
    return view.debt or "not scored"


def render_badge(view: CardView) -> str:
    label = ellipsize(view.title, LABEL_MAX, SIZE)
    label_w = text_width(label, SIZE) + 2 * PAD_X
    message = badge_message(view)
    face: Face = "mono" if view.debt else "regular"
    message_w = text_width(message, SIZE, face) + 2 * PAD_X
    width = label_w + message_w
    spoken = f"{view.title}: {view.debt_spoken or view.messages('card.no_debt')}"
    baseline = 14
    clip = f"gd-badge-{view.slug}"

    if view.debt:
        pieces: list[Markup | str] = ["debt("]
        for i, axis in enumerate(view.axes):
            if i:
                pieces.append("/")
            pieces.append(element("tspan", {"fill": axis.colour_dark}, f"{axis.letter}{axis.score}"))
        pieces.append(")")
        message_text = element(
            "text",
            {
                "x": label_w + PAD_X,
                "y": baseline,
                "font-family": MONO_STACK,
                "font-weight": "bold",
                "fill": PUNCTUATION,
            },
            *pieces,
        )
    else:
        message_text = element("text", {"x": label_w + PAD_X, "y": baseline, "fill": INK}, message)

    svg = element(
        "svg",
        {
            "xmlns": "http://www.w3.org/2000/svg",
            "width": round(width),
            "height": HEIGHT,
            "viewBox": f"0 0 {round(width)} {HEIGHT}",
            "role": "img",
            "aria-label": spoken,
            "font-family": SANS_STACK,
            "font-size": SIZE,
        },
        element("title", {}, spoken),
        # rounded ends; the id carries the slug so two badges inlined in one page do not clash
        element(
            "clipPath",
            {"id": clip},
            element("rect", {"width": round(width), "height": HEIGHT, "rx": 3}, self_closing=True),
        ),
        element(
            "g",
            {"clip-path": f"url(#{clip})"},
            element("rect", {"width": label_w, "height": HEIGHT, "fill": LABEL_BG}, self_closing=True),
            element(
                "rect",
                {
                    "x": label_w,
                    "width": round(width) - label_w,
                    "height": HEIGHT,
                    "fill": MESSAGE_BG if view.debt else UNSCORED_BG,
                },
                self_closing=True,
            ),
        ),
        element("text", {"x": PAD_X, "y": baseline, "fill": INK}, label),
        message_text,
    )
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + svg + "\n"


def shields_endpoint(view: CardView) -> str:
    """shields.io endpoint JSON: https://img.shields.io/endpoint?url=<absolute URL of this file>."""
    data = {
        "schemaVersion": 1,
        "label": ellipsize(view.title, LABEL_MAX, SIZE),
        "message": badge_message(view),
        "color": MESSAGE_BG.lstrip("#") if view.debt else UNSCORED_BG.lstrip("#"),
        "labelColor": LABEL_BG.lstrip("#"),
        "cacheSeconds": SHIELDS_CACHE_SECONDS,
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
