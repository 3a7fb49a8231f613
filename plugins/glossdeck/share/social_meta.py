"""Open Graph and Twitter card <meta> for a page: what Slack, Teams, Discord, X, LinkedIn or
Telegram show when its link is pasted.

Those clients want a raster image at an absolute URL with its size, and read only the start of a
page (Teams and Telegram about 16 KB): the plugin puts this markup early in <head>. Without a
site_url there is no absolute URL to give, so only the title and description are written.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..text.markup import Markup, element, join
from ..text.plain_text import one_line, truncate
from .output_paths import SOCIAL_CARD_HEIGHT, SOCIAL_CARD_WIDTH

DESCRIPTION_LIMIT = 300  # previews show two or three lines; Open Graph readers cut around here


@dataclass(frozen=True)
class SharedPage:
    title: str
    description: str  # plain text
    site_name: str
    kind: str  # og:type: "article" for a term, "website" for the home page
    url: str | None  # absolute, or None without site_url
    image: str | None  # absolute URL of the 1200x630 PNG, or None
    image_alt: str = ""


def _meta(key: str, name: str, content: str) -> Markup:
    return element("meta", {key: name, "content": content}, void=True)


def social_meta(page: SharedPage) -> Markup:
    description = truncate(one_line(page.description), DESCRIPTION_LIMIT)
    title = one_line(page.title)
    tags = [
        _meta("property", "og:type", page.kind),
        _meta("property", "og:site_name", one_line(page.site_name)),
        _meta("property", "og:title", title),
        _meta("property", "og:description", description),
    ]
    if page.url:
        tags.append(_meta("property", "og:url", page.url))
    if page.image:
        tags += [
            _meta("property", "og:image", page.image),
            _meta("property", "og:image:type", "image/png"),
            _meta("property", "og:image:width", str(SOCIAL_CARD_WIDTH)),
            _meta("property", "og:image:height", str(SOCIAL_CARD_HEIGHT)),
            _meta("property", "og:image:alt", one_line(page.image_alt or title)),
        ]
    tags += [
        _meta("name", "twitter:card", "summary_large_image" if page.image else "summary"),
        _meta("name", "twitter:title", title),
        _meta("name", "twitter:description", description),
    ]
    if page.image:
        tags += [
            _meta("name", "twitter:image", page.image),
            _meta("name", "twitter:image:alt", one_line(page.image_alt or title)),
        ]
    return join(tags)
