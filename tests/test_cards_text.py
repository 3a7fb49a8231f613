"""Card text: Markdown to plain text, characters XML cannot hold, width estimates and wrapping."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossdeck.text.markup import Markup, element, escape
from glossdeck.text.plain_text import clean_text, is_rtl, markdown_to_plain, one_line, truncate
from glossdeck.embeds.text_measure import ELLIPSIS, ellipsize, text_width, wrap


@pytest.mark.parametrize("source, plain", [
    ("Use **immutable** images, not *mutable* _servers_.", "Use immutable images, not mutable servers."),
    ("Run `docker build -t app:*latest* .` first", "Run docker build -t app:*latest* . first"),
    ("See [Fowler's bliki](https://martinfowler.com/bliki/ImmutableServer.html) now",
     "See Fowler's bliki now"),
    ("Read <https://example.com/x> please", "Read https://example.com/x please"),
    ("An ![diagram](x.png) inline", "An diagram inline"),
    ("Two\nlines  and\ttabs", "Two lines and tabs"),
    ("snake_case_names stay", "snake_case_names stay"),
    ("2 * 3 * 4 is arithmetic", "2 * 3 * 4 is arithmetic"),
    (r"Escaped \*stars\* and \[brackets\]", "Escaped *stars* and [brackets]"),
    ("~~old~~ new", "old new"),
    ("<script>alert(1)</script> & <b>bold</b>", "<script>alert(1)</script> & <b>bold</b>"),
    ("`` code with ` tick ``", "code with ` tick"),
])
def test_markdown_is_reduced_to_the_words_a_reader_sees(source: str, plain: str) -> None:
    assert markdown_to_plain(source) == plain


def test_characters_xml_cannot_hold_are_removed_and_everything_else_kept() -> None:
    text = "a\x00b\x01c\x0bd\x1fe\ud800f\ufffeg\uffff h\u202ei\tj\nk 🎉 שלום"
    cleaned = clean_text(text)
    assert cleaned == "abcdefg hi\tj\nk 🎉 שלום"
    ET.fromstring(f"<t>{escape(text)}</t>")  # parses
    json.dumps(cleaned, ensure_ascii=False).encode("utf-8")  # no lone surrogate left to choke on


def test_escape_and_element_treat_plain_strings_as_text() -> None:
    hostile = "<script>\"x\" & 'y'</script>]]>"
    built = element("text", {"data-x": hostile}, hostile, Markup("<tspan/>"))
    node = ET.fromstring(built)
    assert node.attrib["data-x"] == hostile
    assert node.text == hostile
    assert node.find("tspan") is not None
    assert "<script>" not in built


def test_truncate_cuts_at_a_word_with_an_ellipsis() -> None:
    assert truncate("short", 10) == "short"
    cut = truncate("one two three four five six seven", 20)
    assert cut.endswith("…") and len(cut) <= 20 and cut == "one two three four…"
    assert truncate("e\u0301" * 10, 4).endswith("…")
    assert not truncate("e\u0301" * 10, 4)[:-1].endswith("e")  # never a base without its accent


def test_rtl_is_decided_by_the_first_strong_character() -> None:
    assert is_rtl("שלום world")
    assert is_rtl("123 مرحبا")
    assert not is_rtl("hello שלום")
    assert not is_rtl("🎉 emoji")


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
    assert "".join(wrapped.lines).rstrip(ELLIPSIS) == text[:len("".join(wrapped.lines)) - 1]


def test_ellipsize_prefers_a_word_boundary() -> None:
    assert ellipsize("fits", 100, 12) == "fits"
    cut = ellipsize("Immutable Infrastructure replaces servers", 200, 12)
    assert cut.endswith(ELLIPSIS) and text_width(cut, 12) <= 200
    assert cut[:-1].split()[-1] in "Immutable Infrastructure replaces servers".split()


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=400), st.integers(min_value=40, max_value=600), st.integers(1, 6))
def test_wrap_never_overflows_or_exceeds_its_lines(text: str, width: int, lines: int) -> None:
    text = one_line(text)
    wrapped = wrap(text, width, 15, lines)
    assert len(wrapped.lines) <= lines
    for line in wrapped.lines:
        # one character wider than the line is the only way to exceed it (it has to go somewhere)
        assert text_width(line, 15) <= width or len(line.rstrip(ELLIPSIS)) <= 1
