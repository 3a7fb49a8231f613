"""SVG cards and badges: well-formed, self-contained, small, drawn at their declared size, text
inside the card, scores in their axis colours, 0 shown as n/a."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from glossdeck.core.debt import AXES
from glossdeck.embeds.badge_svg import render_badge
from glossdeck.embeds.card_svg import CARD_HEIGHT, CARD_WIDTH, MAX_BYTES, PAD, render_card
from glossdeck.embeds.card_view import card_view
from glossdeck.embeds.palette import DARK, LIGHT
from tests.support.png import hex_rgb, render_png
from tests.support.terms import EMOJI, RTL, load_terms, term_data

NS = "{http://www.w3.org/2000/svg}"


def _card(tmp_path: Path, scheme: str = "light", **overrides: object) -> tuple[str, ET.Element]:
    glossary = load_terms(tmp_path / "terms", {"term": term_data(**overrides)})
    svg = render_card(card_view("term", glossary.term("term"), "Team Glossary"), scheme)  # type: ignore[arg-type]
    return svg, ET.fromstring(svg.encode("utf-8"))


def _texts(root: ET.Element) -> list[str]:
    return ["".join(t.itertext()) for t in root.iter(f"{NS}text")]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_card_shows_title_kicker_tldr_scores_site_and_date(tmp_path: Path, scheme: str) -> None:
    svg, root = _card(tmp_path, scheme)
    assert root.tag == f"{NS}svg"
    assert (root.get("width"), root.get("height")) == (str(CARD_WIDTH), str(CARD_HEIGHT))
    assert root.get("viewBox") == f"0 0 {CARD_WIDTH} {CARD_HEIGHT}"
    texts = _texts(root)
    assert "DEVOPS · INTERMEDIATE" in texts
    assert "Immutable Infrastructure" in texts
    assert "Team Glossary" in texts
    assert "debt(d7/e9/b9/t5)" in texts
    assert "edited 2026-03-22" in texts
    tldr = next(t for t in texts if t.startswith("Servers"))
    assert tldr.replace("…", "")  # the TL;DR is there, wrapped over tspans
    assert [t for t in texts if t in {a.name for a in AXES}] == [a.name for a in AXES]
    palette = LIGHT if scheme == "light" else DARK
    assert f'fill="{palette.background}"' in svg
    for axis in AXES:  # each score in its identity colour (lighter shade on dark)
        assert f'fill="{axis.colour if scheme == "light" else axis.colour_dark}"' in svg
    assert root.find(f"{NS}title").text == "Immutable Infrastructure — Team Glossary"  # type: ignore[union-attr]
    desc = root.find(f"{NS}desc").text or ""  # type: ignore[union-attr]
    assert "Detectability 7 of 9" in desc and "edited 2026-03-22" in desc


def test_card_is_self_contained_and_small(tmp_path: Path) -> None:
    svg, root = _card(tmp_path, tldr="word " * 3900, title="T" * 500)
    assert len(svg.encode("utf-8")) <= MAX_BYTES
    for node in root.iter():
        assert node.tag.split("}")[-1] not in {"image", "use", "foreignObject", "script", "a", "style"}
        for name, value in node.attrib.items():
            assert "href" not in name, (node.tag, name)
            assert "url(" not in value or value.startswith("url(#"), (node.tag, name, value)
    assert "@import" not in svg and "@font-face" not in svg


def test_zero_scores_show_as_not_applicable_never_as_low(tmp_path: Path) -> None:
    _svg, root = _card(tmp_path, debt="debt(d1/e1/b0/t1)")
    texts = _texts(root)
    assert texts.count("n/a") == 1
    assert "debt(d1/e1/b0/t1)" in texts  # the string stays verbatim
    desc = root.find(f"{NS}desc").text or ""  # type: ignore[union-attr]
    assert "Burden not applicable" in desc
    burden = next(g for g in root.iter(f"{NS}g") if "Burden" in "".join(g.itertext()))
    assert len(burden.findall(f"{NS}rect")) == 1  # the empty track only, no score bar


def test_card_without_debt_or_dates_leaves_those_parts_out(tmp_path: Path) -> None:
    svg, root = _card(tmp_path, debt=None, edited=None, added=None, level=None)
    texts = _texts(root)
    assert not any("debt(" in t for t in texts)
    assert not any(t.startswith(("edited", "added")) for t in texts)
    assert "DEVOPS" in texts
    assert len(svg.encode()) <= MAX_BYTES


def test_long_tldr_ends_in_an_ellipsis(tmp_path: Path) -> None:
    _, root = _card(tmp_path, tldr="Long sentence about servers. " * 300)
    tldr_text = next(t for t in root.iter(f"{NS}text") if "".join(t.itertext()).startswith("Long"))
    lines = [span.text or "" for span in tldr_text.iter(f"{NS}tspan")]
    assert 3 <= len(lines) <= 8
    assert lines[-1].endswith("…") and not any(line.endswith("…") for line in lines[:-1])


def test_right_to_left_text_is_anchored_at_the_right_edge(tmp_path: Path) -> None:
    _, root = _card(tmp_path, tldr=RTL, title=EMOJI)
    blocks = {("".join(t.itertext()))[:5]: t for t in root.iter(f"{NS}text")}
    rtl_block = blocks[RTL[:5]]
    assert rtl_block.get("direction") == "rtl"
    assert all(span.get("x") == str(CARD_WIDTH - PAD) for span in rtl_block.iter(f"{NS}tspan"))
    title_block = blocks[EMOJI[:5]]
    assert title_block.get("direction") is None


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("case", ["reference", "wide", "emoji-cjk", "rtl"])
def test_card_renders_at_its_declared_size_with_text_inside_the_margins(tmp_path: Path, scheme: str, case: str) -> None:
    overrides = {
        "reference": {},
        "wide": {"title": "WWWW MMMM " * 30, "tldr": "WWW MMM @@@ %%% " * 200, "category": "wide-category-name"},
        "emoji-cjk": {"title": "漢字 🎉 " * 40, "tldr": EMOJI * 30 + "漢字" * 300},
        "rtl": {"title": "שלום " * 30, "tldr": RTL * 40},
    }[case]
    svg, _ = _card(tmp_path, scheme, **overrides)
    png = render_png(svg.encode(), tmp_path / "card.png")
    assert (png.width, png.height) == (CARD_WIDTH, CARD_HEIGHT)
    background = hex_rgb((LIGHT if scheme == "light" else DARK).background)
    # between the border (x 0-1; rows below its rounded corners) and the text column nothing is drawn
    inked = png.ink_columns(background, 14, CARD_HEIGHT - 14)
    margins = set(range(3, PAD - 4)) | set(range(CARD_WIDTH - PAD + 4, CARD_WIDTH - 3))
    assert not inked & margins, sorted(inked & margins)
    assert inked, "nothing was drawn"


def test_badge_is_small_valid_and_spells_the_score(tmp_path: Path) -> None:
    glossary = load_terms(tmp_path / "terms", {"term": term_data(title='A <b>&</b> "title" ' * 20)})
    view = card_view("term", glossary.term("term"), "Site")
    svg = render_badge(view)
    root = ET.fromstring(svg.encode())
    texts = ["".join(t.itertext()) for t in root.iter(f"{NS}text")]
    assert texts[1] == "debt(d7/e9/b9/t5)"
    assert texts[0].endswith("…") and texts[0].startswith("A <b>&</b>")
    assert root.get("role") == "img" and "Detectability 7 of 9" in (root.get("aria-label") or "")
    assert int(root.get("height") or 0) == 20 and len(svg.encode()) < 3000
    png = render_png(svg.encode(), tmp_path / "badge.png")
    assert (png.width, png.height) == (int(root.get("width") or 0), 20)
    # the message text ends inside the badge
    assert not png.ink_columns((0x1F, 0x23, 0x28), 2, 18) & set(range(png.width - 3, png.width))


def test_unscored_badge_says_so(tmp_path: Path) -> None:
    glossary = load_terms(tmp_path / "terms", {"term": term_data(debt=None)})
    root = ET.fromstring(render_badge(card_view("term", glossary.term("term"), "Site")).encode())
    assert ["".join(t.itertext()) for t in root.iter(f"{NS}text")][1] == "not scored"
