"""Small inline SVG icons for term pages, drawn in the text's colour (`currentColor`).

Emoji used as icons need an emoji font, and where none is installed they show as empty boxes; an
inline SVG draws everywhere. Icons here are decorative: the text beside them says what they mean,
so each is hidden from assistive technology (`aria-hidden`) and never takes keyboard focus.
"""

from __future__ import annotations

# 24x24 outlines, stroked; each one a few shapes, drawn for this project
_SHAPES = {
    "quick-fix": '<path d="M13 2 4 14h7l-1 8 9-12h-7z"/>',
    "applies-to": '<path d="M12 2.5 3.5 7v10l8.5 4.5 8.5-4.5V7z"/><path d="m3.5 7 8.5 4.5L20.5 7M12 11.5v10"/>',
    "prerequisites": (
        '<path d="M10 14a4 4 0 0 0 5.7 0l3.5-3.5a4 4 0 0 0-5.7-5.7L12 6.3"/>'
        '<path d="M14 10a4 4 0 0 0-5.7 0l-3.5 3.5a4 4 0 0 0 5.7 5.7l1.5-1.5"/>'
    ),
    "detection": '<circle cx="10.5" cy="10.5" r="6.5"/><path d="m15.5 15.5 5.5 5.5"/>',
    "related-problems": '<path d="M12 3 2 20.5h20z"/><path d="M12 9.5v5M12 17.5v.5"/>',
}
SEVERITY_LEVEL = {"low": 1, "medium": 2, "high": 3, "critical": 4}


def icon(name: str) -> str:
    """The named icon (see `_SHAPES`), decorative."""
    return (
        '<svg class="gd-icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false" '
        'fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">'
        f"{_SHAPES[name]}</svg>"
    )


def severity_meter(severity: str) -> str:
    """Four bars of rising height, as many filled as the level (low 1 ... critical 4): the level
    told by shape as well as by colour; decorative, since the badge says the level in words."""
    filled = SEVERITY_LEVEL.get(severity, 0)
    empty = ' fill-opacity="0"'
    bars = "".join(
        f'<rect x="{1 + i * 6}" y="{19 - 4 * (i + 1)}" width="4" height="{4 * (i + 1) + 2}" rx="1"'
        f"{'' if i < filled else empty}/>"
        for i in range(4)
    )
    return (
        '<svg class="gd-icon gd-severity-meter" viewBox="0 0 24 24" width="14" height="14" aria-hidden="true" '
        f'focusable="false" fill="currentColor" stroke="currentColor" stroke-width="1.2">{bars}</svg>'
    )
