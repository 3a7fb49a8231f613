"""What glossdeck needs from a site it was added to with only `- glossdeck`, and the one message
naming what the plugin cannot supply itself.

glossdeck supplies its own diagrams (see text/mermaid_source.html_block when the site has no
`mermaid` fence) and its own Mermaid; it does not change the site's theme, so a theme setting that
makes the built site ask another host for something is reported, never silently overridden.
"""

from __future__ import annotations

from typing import Any

# Material and its forks: same templates, same `pre.mermaid` rendering, same CSS variables.
MATERIAL_THEMES = frozenset({"material", "materialx"})


def is_material(theme_name: str | None) -> bool:
    return (theme_name or "").lower() in MATERIAL_THEMES


def _setting(theme: Any, name: str) -> Any:
    try:
        return theme[name]
    except (KeyError, TypeError):
        return None


def missing_settings(theme: Any) -> list[str]:
    """What to add to mkdocs.yml for glossdeck's pages to look right and for the site to make no
    request to another host (empty when nothing is missing)."""
    name = getattr(theme, "name", None)
    missing: list[str] = []
    if not is_material(name):
        missing.append(
            f"`theme: name: material` (glossdeck's pages are styled for Material; theme "
            f"'{name}' shows them unstyled; diagrams are drawn either way)"
        )
    elif _setting(theme, "font") is not False:
        missing.append("`font: false` under `theme:` (Material otherwise loads Google Fonts from another host)")
    if _setting(theme, "highlightjs"):  # MkDocs' own themes
        missing.append(
            f"`highlightjs: false` under `theme:` (theme '{name}' otherwise loads highlight.js from another host)"
        )
    return missing


def is_site_url_notice(file: str, field: str) -> bool:
    """The embeds and social features' "site_url is not set": cards and snippets still work on the site itself
    (relative links), so for a site that just added glossdeck it belongs in the setup message."""
    return file == "mkdocs.yml" and field == "site_url"


SITE_URL_LINE = (
    "`site_url: https://...` (the address the site is published at: term cards and embed "
    "snippets need it to work once pasted into another site, link previews to show an image)"
)


def setup_message(missing: list[str]) -> str | None:
    """The one message naming everything glossdeck cannot supply itself."""
    return "add to mkdocs.yml " + "; ".join(missing) if missing else None
