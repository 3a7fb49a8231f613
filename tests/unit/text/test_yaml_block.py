"""yaml_block: multi-line prose as a YAML literal block that reads back exactly, else a quoted scalar."""

from __future__ import annotations

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from glossdeck.text.escape import yaml_block, yaml_plain


def _read_back(value: str) -> object:
    return yaml.safe_load(f"key: {yaml_block(value, 2)}\n")["key"]


def test_prose_becomes_a_readable_literal_block() -> None:
    text = "First line.\n\n- a list item\n\n```yaml\nkey: value  # not a comment\n```"
    block = yaml_block(text, 2)
    assert block.startswith("|-\n  First line.\n\n  - a list item")
    assert _read_back(text) == text


def test_what_a_block_cannot_say_is_quoted() -> None:
    for text in ("one line", "  leading spaces\nsecond", "a\n  \nb", "two trailing\n\n", "bell\x07\nx", "bom\ufeff\nx"):
        assert yaml_block(text, 2).startswith('"'), text
        assert _read_back(text) == text


def test_a_trailing_newline_is_kept() -> None:
    assert yaml_block("a\nb\n", 2).startswith("|\n")
    assert _read_back("a\nb\n") == "a\nb\n"


def test_hostile_lines_stay_inside_the_block() -> None:
    text = 'line\n---\n...\nkey: "value"\n# comment\n- item\n!!python/object:os.system ls\n&anchor *alias'
    assert _read_back(text) == text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=80), st.sampled_from([2, 4, 6]))
def test_any_text_reads_back_exactly(text: str, indent: int) -> None:
    # the value of a key nested (indent - 2) / 2 levels deep, as term files nest misconception.belief
    parents = "".join(f"{' ' * level}k{level}:\n" for level in range(0, indent - 2, 2))
    data = yaml.safe_load(f"{parents}{' ' * (indent - 2)}key: {yaml_block(text, indent)}\n")
    for level in range(0, indent - 2, 2):
        data = data[f"k{level}"]
    assert data["key"] == text


def test_plain_values_only_when_they_read_back_the_same() -> None:
    assert yaml_plain("Cluster") == "Cluster"
    assert yaml_plain("Container Image (OCI), v2.1") == "Container Image (OCI), v2.1"
    assert yaml_plain("集群") == "集群"
    for value in ("true", "No", "null", "Off", "1.5", "2026-01-01", "a: b", "a #b", "-x", "x ", "x  y", "'q'", ""):
        assert yaml_plain(value).startswith('"'), value
        assert yaml.safe_load(f"k: {yaml_plain(value)}")["k"] == value


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=40))
def test_any_value_reads_back_plain_or_quoted(text: str) -> None:
    assert yaml.safe_load(f"k: {yaml_plain(text)}\n")["k"] == text
