"""Readers and crawlers: page views and AI crawler visits counted from access logs (`glossdeck stats
ingest`), ratings from a small service (`glossdeck api`), shown on term pages and a site page.
Importing this package registers the feature (see `features.register`)."""

from ..features import register
from .feature import STATS, StatsFeature

register(STATS)

__all__ = ["STATS", "StatsFeature"]
