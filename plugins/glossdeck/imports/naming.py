"""The one place an imported title becomes a slug: the core's rule `glossdeck new` uses too (slugs in
any script, NFC and case-folded), so imported and hand-made terms are named alike."""

from __future__ import annotations

from ..core.slugs import slugify


def title_slug(title: str) -> str:
    return slugify(title)
