"""Slugs in any script: NFC, case-folded, hyphen-separated runs of letters, marks and digits."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from glossdeck.core.loading import parse_term, slug_for
from glossdeck.core.problems import GlossdeckError
from glossdeck.core.slugs import is_slug, slug_problem, slugify


@pytest.mark.parametrize("slug", ["sql-injection", "übung", "容器", "کنٹینر", "数据库-索引", "k8s", "संगणक"])
def test_slugs_of_any_script(slug: str) -> None:
    assert is_slug(slug) and slug_problem(slug) is None


@pytest.mark.parametrize("text", ["Übung", "a--b", "-a", "a b", "STRASSE", "u\u0308bung", "", "a_b", "x" * 121])
def test_not_slugs(text: str) -> None:
    assert not is_slug(text)


def test_slugify_keeps_the_script_and_never_gives_an_empty_slug_for_words() -> None:
    assert slugify("容器") == "容器"
    assert slugify("Übung macht den Meister") == "übung-macht-den-meister"
    assert slugify("Infrastructure as a Service (IaaS)") == "infrastructure-as-a-service-iaas"
    assert slugify("数据库 索引") == "数据库-索引"
    assert slugify("Straße") == "strasse"
    assert slugify("می‌خواهم") == "میخواهم"  # a zero-width non-joiner shapes the word, it does not split it
    assert slugify("!!!") == ""


def test_a_decomposed_file_name_is_the_same_slug() -> None:
    assert slug_for(Path("terms/u\u0308bung.yml")) == "übung" == unicodedata.normalize("NFC", "übung")


def test_file_name_errors_suggest_a_real_slug() -> None:
    with pytest.raises(GlossdeckError) as caught:
        parse_term(b"title: x\ncategory: a\ntldr: y\n", "terms/Übung.yml", "Übung")
    assert "rename it to 'übung.yml'" in str(caught.value)
    loaded = parse_term(
        "title: 容器\ncategory: 云原生\ntags: [容器]\ntldr: 容器。\n".encode(), "terms/容器.yml", "容器"
    )
    assert loaded.term.category == "云原生" and loaded.term.tags == ["容器"]
    with pytest.raises(GlossdeckError, match=r"e\.g\. 'übungen'"):
        parse_term(b"title: x\ncategory: \xc3\x9cbungen\ntldr: y\n", "terms/x.yml", "x")
