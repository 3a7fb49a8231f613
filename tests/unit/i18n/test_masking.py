"""Quiz questions that hide a term's name hide it in scripts without spaces too."""

from __future__ import annotations

from glossdeck.learning.quiz import MASK, mask_names


def test_a_chinese_name_is_hidden_inside_a_run_of_characters() -> None:
    masked = mask_names("容器是一种把应用打包的技术，容器化让部署更简单。", ["容器"])
    assert "容器" not in masked and masked.count(MASK) == 2


def test_mixed_scripts_hide_latin_names_as_words_and_han_names_anywhere() -> None:
    masked = mask_names("Kubernetes 是一个容器编排平台，K8s 是它的简称。", ["Kubernetes", "K8s"])
    assert masked == f"{MASK} 是一个容器编排平台，{MASK} 是它的简称。"


def test_latin_words_still_need_word_boundaries() -> None:
    # "cache" inside "cachestampede" is another word; in "caches" it is the plural of the name
    masked = mask_names("A cache stampede happens when caches expire; cachestampede no.", ["cache stampede", "cache"])
    assert masked == f"A {MASK} happens when {MASK} expire; cachestampede no."


def test_japanese_and_thai_names_are_hidden_too() -> None:
    assert mask_names("コンテナはアプリを包む。", ["コンテナ"]) == f"{MASK}はアプリを包む。"
    assert mask_names("คอนเทนเนอร์คือเทคโนโลยี", ["คอนเทนเนอร์"]) == f"{MASK}คือเทคโนโลยี"


def test_arabic_script_names_keep_word_boundaries() -> None:
    masked = mask_names("کنٹینر ایک طریقہ ہے۔ کنٹینرز", ["کنٹینر"])
    assert masked.startswith(MASK) and masked.endswith("کنٹینرز")  # a longer word is another word
