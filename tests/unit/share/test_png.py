"""The link-preview image is drawn with glossdeck's own fonts: its text shows on a build machine
with no fonts at all (a slim CI image). Where svg2png-py is installed (the `fast` extra) it draws
the image, written as glossdeck's own RGB PNG: the pixels are resvg-py's, in any script."""

from __future__ import annotations

import platform
import struct
import sys
from pathlib import Path

import pytest

from glossdeck.core.checks import load_glossary
from glossdeck.embeds.card_view import card_view
from glossdeck.share import png_cache
from glossdeck.share.png import FAST, FONTS, renderer, rgb_png, shipped_fonts, svg_to_png
from glossdeck.share.social_card import site_social_svg, term_social_svg
from tests.support.png import Png
from tests.support.terms import load_terms, term_data

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "i18n"
# where the `fast` extra has a wheel (pyproject.toml): there the test extra installs it
FAST_WHEEL = (sys.platform, platform.machine()) in {("linux", "x86_64"), ("darwin", "arm64"), ("win32", "AMD64")}
BOTH = [pytest.param(False, id="resvg-py"), pytest.param(True, id="svg2png-py")]


def _require_fast(use_fast: bool) -> None:
    if use_fast and FAST is None:
        assert not FAST_WHEEL, "svg2png-py is missing: pip install -e '.[test]'"
        pytest.skip("svg2png-py has no wheel for this machine")  # resvg-py alone draws here


def _ink(png: Png, y0: int, y1: int) -> int:
    return sum(1 for y in range(y0, y1) for x in range(48, 700) if sum(png.pixel(x, y)[:3]) < 200)


def _read(tmp_path: Path, name: str, data: bytes) -> Png:
    (tmp_path / name).write_bytes(data)
    return Png.read(tmp_path / name)


def test_the_fonts_ship_with_the_package() -> None:
    assert [Path(p).name for p in shipped_fonts()] == list(FONTS)


@pytest.mark.parametrize("use_fast", BOTH)
def test_text_is_drawn_without_any_system_font(tmp_path: Path, use_fast: bool) -> None:
    _require_fast(use_fast)
    glossary = load_terms(tmp_path / "terms", {"t": term_data(title="Immutable Infrastructure")})
    svg = term_social_svg(card_view("t", glossary.term("t"), "Site"))
    png = _read(tmp_path, "t.png", svg_to_png(svg, system_fonts=False, use_fast=use_fast))
    assert (png.width, png.height) == (1200, 630)
    assert _ink(png, 100, 150) > 2000  # the title
    assert _ink(png, 170, 200) > 500  # the TL;DR's first line


@pytest.mark.parametrize("use_fast", BOTH)
def test_the_site_card_shows_its_name(tmp_path: Path, use_fast: bool) -> None:
    _require_fast(use_fast)
    svg = site_social_svg("Team Glossary", "Our words, explained.", "GLOSSARY · 3 TERMS", "glossary.example")
    png = _read(tmp_path, "s.png", svg_to_png(svg, system_fonts=False, use_fast=use_fast))
    assert (png.width, png.height) == (1200, 630) and _ink(png, 120, 190) > 3000


def _differences(a: Png, b: Png) -> list[int]:
    """The largest channel difference of every pixel that differs (colours only: both are opaque)."""
    assert (a.width, a.height) == (b.width, b.height)
    found: list[int] = []
    for row_a, row_b in zip(a.rows, b.rows, strict=True):
        rgb_a = row_a if a.channels == 3 else bytes(c for i, c in enumerate(row_a) if i % 4 != 3)
        rgb_b = row_b if b.channels == 3 else bytes(c for i, c in enumerate(row_b) if i % 4 != 3)
        if rgb_a != rgb_b:
            for x in range(0, len(rgb_a), 3):
                if rgb_a[x : x + 3] != rgb_b[x : x + 3]:
                    found.append(max(abs(p - q) for p, q in zip(rgb_a[x : x + 3], rgb_b[x : x + 3], strict=True)))
    return found


def _card(language: str, slug: str) -> str:
    glossary, problems = load_glossary([FIXTURES / language])
    assert not problems.errors
    return term_social_svg(card_view(slug, glossary.term(slug), "Site"))


def test_the_fast_renderer_draws_the_pixels_resvg_py_draws(tmp_path: Path) -> None:
    """A Latin card with its DEBT bars, a Chinese and an Urdu card (system fonts: CI installs WenQuanYi
    and Scheherazade), the site's card: the same picture to within anti-aliasing noise."""
    _require_fast(True)
    glossary = load_terms(tmp_path / "terms", {"t": term_data(title="Immutable Infrastructure")})
    cards = {
        "latin": term_social_svg(card_view("t", glossary.term("t"), "Site")),
        "chinese": _card("zh", "可观测性"),
        "urdu": _card("ur", "کنٹینر"),
        "site": site_social_svg("Team Glossary", "Our words, explained.", "GLOSSARY · 3 TERMS", "glossary.example"),
    }
    for name, svg in cards.items():
        before = _read(tmp_path, f"{name}-resvg-py.png", svg_to_png(svg, use_fast=False))
        after = _read(tmp_path, f"{name}-svg2png-py.png", svg_to_png(svg, use_fast=True))
        assert (after.width, after.height, after.channels) == (1200, 630, 3), name  # opaque: RGB
        differences = _differences(before, after)
        # the two wheels' resvg versions may place an anti-aliased edge a shade apart, no more
        assert len(differences) < 200 and max(differences, default=0) <= 32, (name, len(differences))


def test_a_see_through_svg_keeps_its_alpha(tmp_path: Path) -> None:
    """Not a card (cards are opaque), but the fast path still draws any SVG right: half-transparent
    red stays red at half alpha, the bare corner stays clear."""
    _require_fast(True)
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20">'
        '<rect x="10" y="0" width="30" height="20" fill="#ff0000" fill-opacity="0.5"/></svg>'
    )
    png = _read(tmp_path, "a.png", svg_to_png(svg, use_fast=True))
    assert png.channels == 4 and png.pixel(0, 0)[3] == 0
    red, green, blue, alpha = png.pixel(20, 10)
    assert red >= 250 and green == blue == 0 and abs(alpha - 128) <= 1


def test_rgb_png_is_a_png_of_those_pixels(tmp_path: Path) -> None:
    pixels = bytes([255, 0, 0, 255, 0, 128, 255, 255] * 3)  # 2 x 3 pixels: red, blue-ish
    data = rgb_png(pixels, 2, 3)
    assert data[12:16] == b"IHDR" and struct.unpack(">IIBB", data[16:26]) == (2, 3, 8, 2)
    png = _read(tmp_path, "p.png", data)
    assert [png.pixel(x, y) for y in range(3) for x in range(2)] == [(255, 0, 0), (0, 128, 255)] * 3


def test_a_cached_png_is_named_by_its_renderer() -> None:
    """Files drawn by resvg-py (or by an older encoding) are never taken for svg2png-py's."""
    assert renderer(use_fast=False).startswith("resvg-py ")
    if FAST is not None:
        assert renderer().startswith("svg2png-py ") and renderer() != renderer(use_fast=False)
    assert png_cache.cache_name("<svg/>") != png_cache.cache_name("<svg />")
