"""Plain text for cards and attributes: Markdown reduced to words, characters XML cannot hold, escaping
and element building, truncation, writing direction."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

from glossdeck.text.markup import Markup, element, escape
from glossdeck.text.plain_text import clean_text, is_rtl, markdown_to_plain, truncate


@pytest.mark.parametrize(
    "source, plain",
    [
        ("Use **immutable** images, not *mutable* _servers_.", "Use immutable images, not mutable servers."),
        ("Run `docker build -t app:*latest* .` first", "Run docker build -t app:*latest* . first"),
        ("See [Fowler's bliki](https://martinfowler.com/bliki/ImmutableServer.html) now", "See Fowler's bliki now"),
        ("Read <https://example.com/x> please", "Read https://example.com/x please"),
        ("An ![diagram](x.png) inline", "An diagram inline"),
        ("Two\nlines  and\ttabs", "Two lines and tabs"),
        ("snake_case_names stay", "snake_case_names stay"),
        ("2 * 3 * 4 is arithmetic", "2 * 3 * 4 is arithmetic"),
        (r"Escaped \*stars\* and \[brackets\]", "Escaped *stars* and [brackets]"),
        ("~~old~~ new", "old new"),
        ("<script>alert(1)</script> & <b>bold</b>", "<script>alert(1)</script> & <b>bold</b>"),
        ("`` code with ` tick ``", "code with ` tick"),
    ],
)
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
