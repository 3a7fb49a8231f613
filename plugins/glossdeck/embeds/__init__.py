"""The embeds feature: term cards other sites embed (SVG card and badge, iframe page, oEmbed,
JSON API, web component). Importing this package registers it (see `features.register`)."""

from ..features import register
from .feature import EMBEDS, EmbedsFeature

register(EMBEDS)

__all__ = ["EMBEDS", "EmbedsFeature"]
