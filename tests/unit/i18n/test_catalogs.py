"""Every shipped catalog has every key of the English one, with the same placeholders and the plural
forms its language needs; a site's overrides are checked the same way."""

from __future__ import annotations

import datetime as dt

import pytest
from babel import Locale

from glossdeck.i18n.catalog import CatalogError, available, load_messages, read_catalog, resolve_language
from glossdeck.i18n.messages import Text, placeholders
from glossdeck.i18n.script import strings_data_json

REFERENCE = read_catalog("en")
LANGUAGES = available()


def _forms(text: Text) -> dict[str, str]:
    return {"": text} if isinstance(text, str) else dict(text)


def test_the_promised_languages_ship() -> None:
    assert {"en", "de", "zh", "ur"} <= set(LANGUAGES)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_catalog_has_every_key_and_no_other(language: str) -> None:
    catalog = read_catalog(language)
    assert sorted(set(REFERENCE) - set(catalog)) == [], "missing"
    assert sorted(set(catalog) - set(REFERENCE)) == [], "unknown (not in en.yml)"


@pytest.mark.parametrize("language", LANGUAGES)
def test_placeholders_match_the_english_ones(language: str) -> None:
    catalog = read_catalog(language)
    for key, english in REFERENCE.items():
        wanted = set().union(*(placeholders(t) for t in _forms(english).values())) - {"count"}
        forms = _forms(catalog[key])
        for form, text in forms.items():  # a form may leave a value out ("no questions"), never add one
            assert placeholders(text) - {"count"} <= wanted, (key, form)
        main = forms.get("other", forms.get(""))
        assert main is not None and placeholders(main) - {"count"} == wanted, key


@pytest.mark.parametrize("language", LANGUAGES)
def test_counted_messages_have_the_languages_plural_forms(language: str) -> None:
    needed = set(Locale.parse(language).plural_form.tags) | {"other"}
    for key, english in REFERENCE.items():
        if isinstance(english, str):
            continue
        forms = _forms(read_catalog(language)[key])
        assert needed <= set(forms), (key, sorted(needed - set(forms)))


def test_language_tags_resolve_to_catalogs() -> None:
    assert resolve_language("zh-Hans") == "zh" and resolve_language("zh_CN") == "zh"
    assert resolve_language("de-CH") == "de" and resolve_language("DE") == "de"
    assert resolve_language("xx") is None and resolve_language(None) == "en"


def test_messages_count_format_date_and_direction() -> None:
    de, zh, ur = load_messages("de"), load_messages("zh"), load_messages("ur")
    assert de.count("count.terms", 1) == "1 Begriff" and de.count("count.terms", 2) == "2 Begriffe"
    assert zh.count("count.terms", 1) == "1 个术语"
    assert zh.date(dt.date(2026, 3, 5)) == "2026年3月5日"
    assert ur.rtl and not zh.rtl and load_messages("ar").rtl
    assert load_messages("he").direction == "rtl"  # no Hebrew catalog: English words, right to left
    assert load_messages("ur", direction="ltr").direction == "ltr"  # theme.direction wins


def test_a_site_overrides_any_string_and_is_told_about_mistakes() -> None:
    m = load_messages(
        "de", {"term.tldr": "Auf einen Blick", "count.terms": {"one": "{count} Eintrag", "other": "{count} Einträge"}}
    )
    assert m("term.tldr") == "Auf einen Blick" and m.count("count.terms", 3) == "3 Einträge"
    assert m("term.back") == "← Zurück zum Glossar"
    with pytest.raises(CatalogError, match=r"unknown key 'term\.tdlr'.*term\.tldr"):
        load_messages("en", {"term.tdlr": "x"})
    with pytest.raises(CatalogError, match="unknown placeholder"):
        load_messages("en", {"term.added": "Added {when}"})
    with pytest.raises(CatalogError, match="give text"):
        load_messages("en", {"term.tldr": ["a"]})


def test_the_browser_gets_its_strings_as_safe_json() -> None:
    data = strings_data_json(load_messages("en", {"js.right": "</script><b>"}))
    assert "<" not in data and '"right"' in data and '"direction": "ltr"' in data


def test_counted_messages_write_the_count_as_the_language_writes_numbers() -> None:
    assert load_messages("en").count("count.terms", 1234) == "1,234 terms"
    assert load_messages("de").count("count.terms", 1234).startswith("1.234 ")
    assert load_messages("en").count("count.terms", 1) == "1 term"
