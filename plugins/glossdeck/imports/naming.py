"""The one place an imported title becomes a slug (the function `glossdeck new` uses), so a change
of slug rules (e.g. Unicode slugs) reaches imports by changing this call only."""

from __future__ import annotations


def title_slug(title: str) -> str:
    from ..cli import slugify  # late: cli registers this package's command

    return slugify(title)
