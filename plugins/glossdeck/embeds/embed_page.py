"""The embed page `embed/<slug>/index.html`: the card as a tiny standalone HTML page for iframes
(Notion, Confluence's iframe macro, MediaWiki iframe extensions, oEmbed consumers).

No site chrome, no script, no request to any host: one inline stylesheet, allowed by its hash
in a Content-Security-Policy that forbids everything else, so even a mistake in escaping could
not run code or load anything. Light or dark follows the reader's preference. Nothing here
restricts who may frame it: the page is static and the host's headers decide (docs/embedding.md).
"""

from __future__ import annotations

import base64
import hashlib

from ..core.debt import AXES
from ..text.markup import Markup, attributes, element, join
from ..text.plain_text import truncate
from .card_view import AxisView, CardView
from .output_paths import Linker, term_paths
from .palette import DARK, LIGHT, Palette

MAX_BYTES = 20 * 1024
IFRAME_WIDTH = 600
IFRAME_HEIGHT = 400
TLDR_CHARS = 360  # cut here first; CSS line clamps take care of narrow frames
MISCONCEPTION_CHARS = 220
TITLE_CHARS = 140


def _palette_vars(p: Palette) -> str:
    axes = "".join(f"--{a.letter}:{a.colour if p is LIGHT else a.colour_dark};" for a in AXES)
    return (
        f"--bg:{p.background};--border:{p.border};--text:{p.text};--muted:{p.muted};"
        f"--link:{p.link};--track:{p.track};{axes}"
    )


def _stylesheet() -> str:
    # constant text, so its hash is constant: the CSP names it and allows no other style
    bars = "".join(f".s{n}{{width:{round(n * 100 / 9, 1)}%}}" for n in range(10))
    axis_colours = "".join(f".ax-{a.letter}{{--c:var(--{a.letter})}}" for a in AXES)
    return (
        f":root{{color-scheme:light dark;{_palette_vars(LIGHT)}}}"
        f"@media (prefers-color-scheme:dark){{:root{{{_palette_vars(DARK)}}}}}"
        "*{box-sizing:border-box}"
        "html,body{margin:0;height:100%;background:var(--bg);color:var(--text)}"
        "body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans',Helvetica,Arial,sans-serif;"
        "overflow:auto}"
        # The card is exactly the frame's height; the TL;DR takes the room it needs (3 lines at
        # least) and the misconception what is left, one whole line at a time: each is a one-column multicol box of the
        # height it is given, whose lines past that height flow into a hidden second column. So
        # the text fills what room there is, never stops early above blank space, never halves a line.
        ".card{height:100%;padding:18px 22px;border:1px solid var(--border);border-radius:12px;"
        "display:flex;flex-direction:column;gap:8px;overflow:hidden}"
        ".card>*{flex:none}"
        ".fit{columns:1;column-gap:40px;column-fill:auto;overflow:hidden;min-height:0;orphans:1;widows:1}"
        ".kicker{display:flex;justify-content:space-between;gap:12px;margin:0;font-size:12px;color:var(--muted)}"
        ".kicker b{letter-spacing:.05em;text-transform:uppercase}"
        ".kicker>*{overflow:hidden;text-overflow:ellipsis;white-space:nowrap;min-width:0}"
        ".kicker span{flex-shrink:2}"
        "h1{margin:0;font-size:22px;line-height:1.25;overflow-wrap:anywhere;-webkit-line-clamp:2;line-clamp:2}"
        "a{color:var(--link)}h1 a{color:inherit;text-decoration:none}h1 a:hover{text-decoration:underline}"
        "p{margin:0;overflow-wrap:anywhere}"
        ".clamp{display:-webkit-box;-webkit-box-orient:vertical;overflow:hidden}"
        ".card>.tldr{flex:0 1 auto;min-height:calc(3 * 1.45em + 2px)}"  # 3 lines at least, all if room allows
        ".card>.mis{flex:1 1 0;min-height:0;border-inline-start:3px solid var(--border);padding-inline-start:10px;font-size:14px}"
        ".mis p+p{margin-top:2px}.mis b{color:var(--muted);font-weight:600}"
        ".axes{list-style:none;margin:4px 0 0;padding:0;display:grid;grid-template-columns:repeat(4,1fr);gap:6px 14px}"
        "@media (max-width:420px){.axes{grid-template-columns:repeat(2,1fr)}}"
        "@media (max-height:260px){.card>.mis{display:none}}"
        ".axes li{font-size:12px;display:flex;flex-wrap:wrap;justify-content:space-between;min-width:0}"
        ".axes .v{font-weight:700;color:var(--c)}.axes .na{color:var(--muted)}"
        ".bar{flex-basis:100%;height:6px;border-radius:3px;background:var(--track);margin-top:3px}"
        ".bar i{display:block;height:100%;border-radius:3px;background:var(--c)}"
        f"{bars}{axis_colours}"
        "footer{margin-top:auto;display:flex;flex-wrap:wrap;gap:6px 14px;align-items:baseline;font-size:12px;"
        "color:var(--muted)}"
        "code{font:700 13px/1 ui-monospace,'DejaVu Sans Mono',Menlo,Consolas,monospace;color:var(--text)}"
        "code .d{color:var(--d)}code .e{color:var(--e)}code .b{color:var(--b)}code .t{color:var(--t)}"
        ".more{margin-inline-start:auto;font-weight:600}"
    )


STYLESHEET = _stylesheet()
STYLE_HASH = "sha256-" + base64.b64encode(hashlib.sha256(STYLESHEET.encode()).digest()).decode()
CONTENT_SECURITY_POLICY = (
    f"default-src 'none'; style-src '{STYLE_HASH}'; img-src data:; base-uri 'none'; form-action 'none'"
)


def iframe_html(view: CardView, src: str) -> Markup:
    """The <iframe> that shows an embed page (oEmbed's `html` and the HTML snippet)."""
    return element(
        "iframe",
        {
            "src": src,
            "title": f"{view.title} — {view.site_name}",
            "width": IFRAME_WIDTH,
            "height": IFRAME_HEIGHT,
            "style": "border:0;max-width:100%",
            "loading": "lazy",
            "referrerpolicy": "strict-origin-when-cross-origin",
        },
    )


def _axis(axis: AxisView) -> Markup:
    value_class = "v" if axis.applies else "v na"
    return element(
        "li",
        {"class": f"ax-{axis.letter}", "title": f"{axis.kind}: {axis.spoken}"},
        element("span", {}, axis.name),
        element("span", {"class": value_class}, axis.label),
        element("span", {"class": "bar", "aria-hidden": "true"}, element("i", {"class": f"s{axis.score}"})),
    )


def _debt_string(view: CardView) -> Markup:
    pieces: list[Markup | str] = ["debt("]
    for i, axis in enumerate(view.axes):
        if i:
            pieces.append("/")
        pieces.append(element("span", {"class": axis.letter}, f"{axis.letter}{axis.score}"))
    pieces.append(")")
    return element("code", {"title": view.debt_spoken}, *pieces)


def render_embed_page(view: CardView, linker: Linker) -> str:
    here = term_paths(view.slug).embed
    page = linker.url(linker.site.term_url(view.slug), here)
    title = truncate(view.title, TITLE_CHARS)
    open_new = {"target": "_blank", "rel": "noopener"}
    t = view.messages

    blocks: list[Markup] = [
        element("p", {"class": "kicker"}, element("b", {}, view.kicker), element("span", {}, view.site_name)),
        element("h1", {"id": "term", "class": "clamp", "dir": "auto"}, element("a", {"href": page, **open_new}, title)),
        element("p", {"class": "tldr fit", "dir": "auto"}, truncate(view.tldr, TLDR_CHARS)),
    ]
    if view.belief is not None and view.correction is not None:
        blocks.append(
            element(
                "div",
                {"class": "mis fit"},
                element(
                    "p",
                    {"dir": "auto"},
                    element("b", {}, t("embed.belief")),
                    truncate(view.belief, MISCONCEPTION_CHARS),
                ),
                element(
                    "p",
                    {"dir": "auto"},
                    element("b", {}, t("embed.correction")),
                    truncate(view.correction, MISCONCEPTION_CHARS),
                ),
            )
        )
    if view.axes:
        blocks.append(element("ul", {"class": "axes", "aria-label": view.debt_spoken}, *(_axis(a) for a in view.axes)))
    footer: list[Markup] = []
    if view.debt:
        footer.append(_debt_string(view))
    if view.date_line:
        footer.append(element("span", {}, view.date_line))
    footer.append(element("a", {"class": "more", "href": page, **open_new}, t("embed.read_more")))
    blocks.append(element("footer", {}, *footer))

    head = join(
        [
            element("meta", {"charset": "utf-8"}, void=True),
            element("meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"}, void=True),
            element("meta", {"http-equiv": "Content-Security-Policy", "content": CONTENT_SECURITY_POLICY}, void=True),
            element("meta", {"name": "color-scheme", "content": "light dark"}, void=True),
            element("meta", {"name": "referrer", "content": "strict-origin-when-cross-origin"}, void=True),
            # the term page is the one to index; this is only its card
            element("meta", {"name": "robots", "content": "noindex"}, void=True),
            element("title", {}, f"{view.title} — {view.site_name}"),
            element("link", {"rel": "canonical", "href": page}, void=True),
            element("link", {"rel": "icon", "href": "data:,"}, void=True),  # no favicon request
            element("style", {}, Markup(STYLESHEET)),
        ]
    )
    body = element("article", {"class": "card", "aria-labelledby": "term"}, *blocks)
    # the site's language and direction: an Urdu card reads right to left inside any host page
    html_attrs = attributes({"lang": t.language, "dir": t.direction})
    return f"<!doctype html>\n<html{html_attrs}>\n<head>{head}</head>\n<body>{body}</body>\n</html>\n"
