"""A-Z order and groups per language: pinyin initials for Chinese, base letters elsewhere."""

from __future__ import annotations

from glossdeck.i18n.collation import OTHER_GROUP, Collation


def test_chinese_groups_by_pinyin_initial_among_latin_names() -> None:
    zh = Collation("zh")
    names = ["容器", "Redis", "数据库", "服务网格", "API 网关", "10x", "编排", "蓝绿部署", "Kubernetes", "可观测性"]
    assert sorted(names, key=zh.sort_key) == [
        "10x",
        "API 网关",
        "编排",
        "服务网格",
        "可观测性",
        "Kubernetes",
        "蓝绿部署",
        "Redis",
        "容器",
        "数据库",
    ]
    assert {n: zh.group(n) for n in names} == {
        "容器": "R",
        "Redis": "R",
        "数据库": "S",
        "服务网格": "F",
        "API 网关": "A",
        "10x": OTHER_GROUP,
        "编排": "B",
        "蓝绿部署": "L",
        "Kubernetes": "K",
        "可观测性": "K",
    }
    # far fewer groups than characters: 67 Chinese terms cannot make more than 26 letters + "#"
    assert zh.group_order([OTHER_GROUP, "R", "B"]) == ["B", "R", OTHER_GROUP]


def test_accents_sort_with_their_letter() -> None:
    de = Collation("de")
    assert sorted(["Zebra", "Übung", "apple", "Äpfel"], key=de.sort_key) == ["Äpfel", "apple", "Übung", "Zebra"]
    assert de.group("Übung") == "U" and de.group("élan") == "E"


def test_arabic_script_groups_by_base_letter() -> None:
    ur = Collation("ur")
    assert ur.group("آپریٹر") == ur.group("اپلیکیشن") == "ا"
    assert ur.group("ٹیسٹ") == "ٹ"  # Urdu's own letters are groups of their own
    assert sorted(["کنٹینر", "سروس", "آپریٹر"], key=ur.sort_key) == ["آپریٹر", "سروس", "کنٹینر"]
