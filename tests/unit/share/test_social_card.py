"""Right-to-left link previews: resvg places text as if every text ran left to right, so the
link-preview SVG anchors each right-to-left text on the side resvg reads the same way as a browser
reads the card's design, and an Urdu card's texts sit inside the image on the side they belong."""

from __future__ import annotations

from pathlib import Path

from glossdeck.core.checks import load_glossary
from glossdeck.embeds.card_svg import render_card
from glossdeck.embeds.card_view import card_view
from glossdeck.i18n.catalog import load_messages
from glossdeck.share.png import svg_to_png
from glossdeck.share.social_card import physical_anchors, site_social_svg, term_social_svg
from tests.support.png import Png

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "i18n"
WHITE = (255, 255, 255)


def test_only_right_to_left_texts_change_anchor() -> None:
    svg = (
        '<svg><text x="1">a</text><text x="2" direction="rtl">b</text>'
        '<text x="3" text-anchor="end" direction="rtl">c</text><text x="4" direction="rtl" text-anchor="middle">d</text>'
        '<text x="5" text-anchor="end">e</text><text x="6" direction="rtl" text-anchor="start">&gt;f</text></svg>'
    )
    assert physical_anchors(svg) == (
        '<svg><text x="1">a</text><text x="2" direction="rtl" text-anchor="end">b</text>'
        '<text x="3" text-anchor="start" direction="rtl">c</text><text x="4" direction="rtl" text-anchor="middle">d</text>'
        '<text x="5" text-anchor="end">e</text><text x="6" direction="rtl" text-anchor="end">&gt;f</text></svg>'
    )


def test_the_embedded_card_keeps_the_logical_anchors() -> None:
    """Browsers draw the embed's SVG: only the link preview's copy is changed."""
    glossary, _ = load_glossary([FIXTURES / "ur"])
    view = card_view("کنٹینر", glossary.term("کنٹینر"), "فرہنگ", messages=load_messages("ur"))
    card = render_card(view, "light")
    assert 'direction="rtl"' in card and physical_anchors(card) != card
    assert 'text-anchor="end" direction="rtl"' in card  # the site's name, at the left edge in a browser
    assert 'text-anchor="start" direction="rtl"' in term_social_svg(view)


def _ink(png: Png, x0: int, x1: int, y0: int, y1: int) -> int:
    return sum(
        1
        for y in range(y0, y1)
        for x in range(x0, x1)
        if sum(abs(c - w) for c, w in zip(png.pixel(x, y)[:3], WHITE, strict=True)) > 60
    )


def test_an_urdu_cards_texts_stay_inside_the_image_on_their_side(tmp_path: Path) -> None:
    """Title and TL;DR end at the right margin, the site's name starts at the left one, and nothing
    runs past either margin (before, resvg drew the title and TL;DR from the right margin outwards)."""
    glossary, _ = load_glossary([FIXTURES / "ur"])
    view = card_view("کنٹینر", glossary.term("کنٹینر"), "فرہنگ", messages=load_messages("ur"))
    (tmp_path / "ur.png").write_bytes(svg_to_png(term_social_svg(view)))
    png = Png.read(tmp_path / "ur.png")
    assert _ink(png, 0, 44, 0, 630) == 0 and _ink(png, 1156, 1200, 0, 630) == 0  # inside the margins
    assert _ink(png, 900, 1152, 95, 150) > 1000 and _ink(png, 48, 600, 95, 150) == 0  # the title, right
    assert _ink(png, 900, 1152, 180, 300) > 2000  # the TL;DR ends at the right margin
    assert _ink(png, 48, 100, 45, 80) > 100 and _ink(png, 300, 900, 45, 80) == 0  # site name left, kicker right


def test_an_urdu_site_card_keeps_its_name_inside_the_image(tmp_path: Path) -> None:
    svg = site_social_svg("فرہنگ", "اصطلاحات کی ایک فہرست۔", "GLOSSARY · 5 TERMS", "example.org")
    (tmp_path / "site.png").write_bytes(svg_to_png(svg))
    png = Png.read(tmp_path / "site.png")
    assert _ink(png, 1156, 1200, 0, 630) == 0 and _ink(png, 900, 1152, 120, 200) > 1000
