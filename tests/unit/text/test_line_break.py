"""Card text wraps where Unicode line breaking (UAX #14) allows: never before closing punctuation."""

from __future__ import annotations

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
