"""Card text wraps where Unicode line breaking (UAX #14) allows: never before closing punctuation."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from glossdeck.embeds.text_measure import text_width, wrap
from glossdeck.text.line_break import units

CLOSING = "。，、；：？！）」』"


def test_units_keep_closing_punctuation_with_the_character_before() -> None:
    assert units("容器。它") == ["容", "器。", "它"]
    assert units("foo-bar baz") == ["foo-", "bar ", "baz"]
    assert "".join(units("Hello, 世界！")) == "Hello, 世界！"


def test_chinese_wraps_at_every_width_without_a_line_starting_with_closing_punctuation() -> None:
    text = "容器是一种轻量级的虚拟化技术。它把应用和依赖打包在一起，方便部署到任何地方。调度器决定每个容器运行在哪个节点上，并在失败时重新调度。"
    for width in range(60, 400, 7):
        wrapped = wrap(text, width, 15, 80)
        assert not wrapped.truncated
        assert "".join(wrapped.lines) == text
        assert all(line[0] not in CLOSING for line in wrapped.lines), (width, wrapped.lines)
        assert all(text_width(line, 15) <= width for line in wrapped.lines)


def test_mixed_text_breaks_between_words_and_characters() -> None:
    wrapped = wrap("Kubernetes 是一个开源的容器编排平台，用于自动化部署。", 120, 15, 5)
    assert wrapped.lines[0].startswith("Kubernetes 是") and "".join(wrapped.lines).startswith("Kubernetes 是一个开源")
    assert all(line[0] not in CLOSING for line in wrapped.lines)


def _breaks(pieces: list[str]) -> set[int]:
    ends, at = set(), 0
    for piece in pieces[:-1]:
        at += len(piece)
        ends.add(at)
    return ends


SPACED_ALPHABET = "aZé9 -,.;:!?/()[]{}'\"«»“”‘’—–…¡¿ ·"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=SPACED_ALPHABET, max_size=40))
def test_text_with_spaces_breaks_only_where_uniseg_allows(text: str) -> None:
    """The fast cut of Latin-script text (no uniseg) never breaks where UAX #14 forbids it."""
    from uniseg.linebreak import line_break_units

    fast = units(text)
    assert "".join(fast) == text
    assert _breaks(fast) <= _breaks(list(line_break_units(text))), (text, fast)


def test_english_prose_breaks_as_uniseg_does() -> None:
    from uniseg.linebreak import line_break_units

    prose = (
        "Infrastructure that is replaced, never changed in place (once deployed): servers are rebuilt "
        "from images; e-mail, self-healing — and “quoted” words! Isn't it? 10-20 items [see below]."
    )
    assert units(prose) == list(line_break_units(prose))
