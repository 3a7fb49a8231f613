"""Where the sharing outputs live in the built site (link previews, AI readers, exchange formats).

The Markdown versions sit in one folder of their own, md/, not beside each page: Material for MkDocs
fetches "sitemap.xml" next to every <link rel="alternate"> a page names (its language selector),
so one folder needs one empty sitemap (MARKDOWN_SITEMAP_PATH) instead of one per term folder.
"""

from __future__ import annotations

SOCIAL_CARD_WIDTH, SOCIAL_CARD_HEIGHT = 1200, 630  # what Slack, Teams, Discord, X and LinkedIn show best
HOME_CARD_PATH = "cards/og-site.png"
MARKDOWN_SITEMAP_PATH = "md/sitemap.xml"
LLMS_PATH = "llms.txt"
LLMS_FULL_PATH = "llms-full.txt"
SKOS_TURTLE_PATH = "api/glossary.skos.ttl"
SKOS_JSONLD_PATH = "api/glossary.skos.jsonld"
TBX_PATH = "api/glossary.tbx"


def social_card_path(slug: str) -> str:
    """The term's link-preview image: in a folder of its own, so no slug can collide with the SVG
    cards beside it (cards/<slug>.svg, cards/<slug>-dark.svg) or with the site's card."""
    return f"cards/og/{slug}.png"


def markdown_path(slug: str) -> str:
    """The term's Markdown version (for AI readers and tools): the same URL whatever
    use_directory_urls and url_prefix are."""
    return f"md/{slug}.md"
