"""The link-preview image is drawn with glossdeck's own fonts: its text shows on a build machine
with no fonts at all (a slim CI image)."""

from __future__ import annotations

from pathlib import Path

from glossdeck.embeds.card_view import card_view
from glossdeck.share.png import FONTS, shipped_fonts, svg_to_png
from glossdeck.share.social_card import site_social_svg, term_social_svg
from tests.support.png import Png
from tests.support.terms import load_terms, term_data


def _ink(png: Png, y0: int, y1: int) -> int:
    return sum(1 for y in range(y0, y1) for x in range(48, 700) if sum(png.pixel(x, y)[:3]) < 200)


def test_the_fonts_ship_with_the_package() -> None:
    assert [Path(p).name for p in shipped_fonts()] == list(FONTS)


def test_text_is_drawn_without_any_system_font(tmp_path: Path) -> None:
    glossary = load_terms(tmp_path / "terms", {"t": term_data(title="Immutable Infrastructure")})
    svg = term_social_svg(card_view("t", glossary.term("t"), "Site"))
    (tmp_path / "t.png").write_bytes(svg_to_png(svg, system_fonts=False))
    png = Png.read(tmp_path / "t.png")
    assert (png.width, png.height) == (1200, 630)
    assert _ink(png, 100, 150) > 2000  # the title
    assert _ink(png, 170, 200) > 500  # the TL;DR's first line


def test_the_site_card_shows_its_name(tmp_path: Path) -> None:
    svg = site_social_svg("Team Glossary", "Our words, explained.", "GLOSSARY · 3 TERMS", "glossary.example")
    (tmp_path / "s.png").write_bytes(svg_to_png(svg, system_fonts=False))
    png = Png.read(tmp_path / "s.png")
    assert (png.width, png.height) == (1200, 630) and _ink(png, 120, 190) > 3000
