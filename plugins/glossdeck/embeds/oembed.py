"""oEmbed for a static site: `oembed/<slug>.json` per term and the discovery <link> in the term
page's <head>.

A static host cannot answer `?url=...` queries, so each term has its own response file and the
term page points at it (oEmbed spec, section 4 "Discovery"). Consumers that discover embeds
(Notion, Iframely-, Embedly-based tools) then show the embed page in an iframe.
"""

from __future__ import annotations

import json

from ..text.markup import Markup, element
from .card_view import CardView
from .embed_page import IFRAME_HEIGHT, IFRAME_WIDTH, iframe_html
from .output_paths import Linker, term_paths

CACHE_AGE_SECONDS = 86400  # a day: terms change rarely, and each card shows its edited date

# Material for MkDocs reads every <link rel="alternate"> as a language version of the site and
# fetches "sitemap.xml" next to it, i.e. oembed/sitemap.xml: without this file every term page
# logs a 404 in the console. An empty URL set gives Material nothing to act on.
SITEMAP_STUB_PATH = "oembed/sitemap.xml"
SITEMAP_STUB = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>\n'
)


def oembed_json(view: CardView, linker: Linker) -> str:
    here = term_paths(view.slug).oembed
    data = {
        "version": "1.0",
        "type": "rich",
        "title": view.title,
        "provider_name": view.site_name,
        "provider_url": linker.site_root(here),
        "cache_age": CACHE_AGE_SECONDS,
        "width": IFRAME_WIDTH,
        "height": IFRAME_HEIGHT,
        "html": str(iframe_html(view, linker.url(linker.embed_url(view.slug), here))),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def discovery_link(view: CardView, linker: Linker) -> Markup:
    """<link rel="alternate" type="application/json+oembed"> for the term page's <head>."""
    href = linker.from_page(term_paths(view.slug).oembed, linker.site.term_src(view.slug))
    return element(
        "link", {"rel": "alternate", "type": "application/json+oembed", "href": href, "title": view.title}, void=True
    )
