"""Card text layout without a font engine: width estimates, wrapping, ellipsis."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossdeck.embeds.text_measure import ELLIPSIS, ellipsize, text_width, wrap
from glossdeck.text.plain_text import one_line


def test_widths_are_estimated_generously() -> None:
    assert text_width("", 15) == 0
    assert text_width("W" * 10, 15) > text_width("i" * 10, 15)
    assert text_width("漢字", 15) >= 2 * 15  # wide characters take a full em
    assert text_width("🎉", 15) > 15
    assert text_width("e\u0301", 15) == text_width("e", 15)  # combining mark adds nothing
    assert text_width("abc", 15, "bold") > text_width("abc", 15)


def test_wrap_fits_every_line_and_keeps_all_words_when_there_is_room() -> None:
    text = "Servers are never modified after deployment: to update, you build a new image and replace it."
    wrapped = wrap(text, 200, 15, 10)
    assert not wrapped.truncated
    assert " ".join(wrapped.lines) == text
    assert all(text_width(line, 15) <= 200 for line in wrapped.lines)


def test_wrap_cuts_with_an_ellipsis_after_max_lines() -> None:
    text = "word " * 5000
    wrapped = wrap(text, 300, 15, 3)
    assert wrapped.truncated and len(wrapped.lines) == 3
    assert wrapped.lines[-1].endswith(ELLIPSIS)
    assert all(text_width(line, 15) <= 300 for line in wrapped.lines)


@pytest.mark.parametrize("text", ["a" * 3000, "漢字" * 500, "https://example.com/" + "x" * 500, "🎉" * 300])
def test_wrap_breaks_words_longer_than_a_line(text: str) -> None:
    wrapped = wrap(text, 250, 15, 4)
    assert len(wrapped.lines) == 4 and wrapped.truncated
    assert all(text_width(line, 15) <= 250 for line in wrapped.lines)
    assert "".join(wrapped.lines).rstrip(ELLIPSIS) == text[: len("".join(wrapped.lines)) - 1]


def test_ellipsize_prefers_a_word_boundary() -> None:
    assert ellipsize("fits", 100, 12) == "fits"
    cut = ellipsize("Immutable Infrastructure replaces servers", 200, 12)
    assert cut.endswith(ELLIPSIS) and text_width(cut, 12) <= 200
    assert cut[:-1].split()[-1] in ["Immutable", "Infrastructure", "replaces", "servers"]


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=400), st.integers(min_value=40, max_value=600), st.integers(1, 6))
def test_wrap_never_overflows_or_exceeds_its_lines(text: str, width: int, lines: int) -> None:
    text = one_line(text)
    wrapped = wrap(text, width, 15, lines)
    assert len(wrapped.lines) <= lines
    for line in wrapped.lines:
        # one character wider than the line is the only way to exceed it (it has to go somewhere)
        assert text_width(line, 15) <= width or len(line.rstrip(ELLIPSIS)) <= 1
