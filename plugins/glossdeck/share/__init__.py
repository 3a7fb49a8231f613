"""Terms everywhere: link previews (social_feature.py), AI readers (readers_feature.py) and the
exchange formats published by the site (exchange_feature.py). Importing this package registers
the three features; a site turns one off with `disabled_features`, e.g. [social]."""

from ..features import register
from .exchange_feature import EXCHANGE, ExchangeFeature
from .readers_feature import LLMS, AiReadersFeature
from .social_feature import SOCIAL, SocialCardsFeature

register(SOCIAL)
register(LLMS)
register(EXCHANGE)

__all__ = ["EXCHANGE", "LLMS", "SOCIAL", "AiReadersFeature", "ExchangeFeature", "SocialCardsFeature"]
