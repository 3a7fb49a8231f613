"""The `<glossdeck-term>` web component (`embed/glossdeck-term.js`), with the cards' palettes.

The script's source is templates/glossdeck-term.js; its two colour schemes come from palette.py,
like the site's axes.css comes from debt.AXES, so the component and the SVG card never disagree.
"""

from __future__ import annotations

from importlib import resources

from .palette import DARK, LIGHT, Palette

SOURCE = "templates/glossdeck-term.js"


def css_variables(palette: Palette) -> str:
    return (
        f"--bg:{palette.background};--border:{palette.border};--text:{palette.text};"
        f"--muted:{palette.muted};--link:{palette.link};--track:{palette.track};"
    )


def component_script() -> str:
    source = (resources.files("glossdeck") / SOURCE).read_text(encoding="utf-8")
    for marker, palette in (("/*palette:light*/", LIGHT), ("/*palette:dark*/", DARK)):
        if marker not in source:
            raise RuntimeError(f"{SOURCE} lost its {marker} placeholder")
        source = source.replace(marker, css_variables(palette))
    return source
