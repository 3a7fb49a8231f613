"""The interface strings of one site, in its language: `Messages`.

Every label glossdeck writes (headings, buttons, quiz prompts, card labels...) is looked up here by
key; the text comes from the catalog of the site's language (`i18n/catalogs/<language>.yml`) with
the site's own `strings:` from mkdocs.yml on top (`i18n/catalog.py`). A message may hold named
placeholders, `{count}`, filled by `format`-style substitution, and a counted message has one text
per CLDR plural category of the language ("one", "other"; Arabic also "zero", "two", "few",
"many"), chosen by Babel's plural rules. The browser code gets the `js.*` messages as JSON and
fills them the same way (Intl.PluralRules picks the plural form).
"""

from __future__ import annotations

import datetime as dt
import string
from dataclasses import dataclass, field
from typing import Any

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal

# A message: one text, or (for counted messages) a text per plural category
Text = str | tuple[tuple[str, str], ...]
PLURAL_CATEGORIES = ("zero", "one", "two", "few", "many", "other")


def placeholders(text: str) -> set[str]:
    """The `{name}` placeholders of a message text."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


class _Values(dict[str, Any]):
    def __missing__(self, key: str) -> str:  # a placeholder the caller did not fill stays visible
        return "{" + key + "}"


@dataclass(frozen=True)
class Messages:
    """One site's interface strings. Hashable (it is part of the site's settings, which key what
    `mkdocs serve` rebuilds reuse); look-ups go through a table made once."""

    language: str = "en"  # the catalog's language tag, e.g. "zh", "ur"
    direction: str = "ltr"  # "rtl" for Arabic, Urdu, Hebrew, ...
    entries: tuple[tuple[str, Text], ...] = ()
    _table: dict[str, Text] = field(init=False, compare=False, hash=False, repr=False)
    _locale: Locale = field(init=False, compare=False, hash=False, repr=False)
    _hash: int = field(init=False, compare=False, hash=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_table", dict(self.entries))
        try:
            locale = Locale.parse(self.language, sep="-")
        except (ValueError, LookupError):
            locale = Locale.parse("en")
        object.__setattr__(self, "_locale", locale)
        # hashed as part of the site's settings for every term a serve rebuild may reuse: once
        object.__setattr__(self, "_hash", hash((self.language, self.direction, self.entries)))

    def __hash__(self) -> int:
        return self._hash

    @property
    def rtl(self) -> bool:
        return self.direction == "rtl"

    @property
    def locale(self) -> Locale:
        return self._locale

    def has(self, key: str) -> bool:
        return key in self._table

    def __call__(self, key: str, **values: Any) -> str:
        """The message `key`, its placeholders filled. A counted message given here uses "other"."""
        found = self._table.get(key)
        if found is None:
            raise KeyError(f"no interface string '{key}' (add it to i18n/catalogs/en.yml)")
        text = found if isinstance(found, str) else dict(found)["other"]
        return text.format_map(_Values(values)) if values else text

    def count(self, key: str, count: int, **values: Any) -> str:
        """A counted message in the plural form the language uses for `count`, {count} filled as the
        language writes numbers (1,234 / 1.234), as the browser's GD.n does."""
        found = self._table.get(key)
        if found is None:
            raise KeyError(f"no interface string '{key}' (add it to i18n/catalogs/en.yml)")
        if isinstance(found, str):
            text = found
        else:
            forms = dict(found)
            text = forms.get(self.plural_category(count)) or forms["other"]
        return text.format_map(_Values({"count": self.number(count), **values}))

    def plural_category(self, count: int) -> str:
        return str(self.locale.plural_form(count))

    def date(self, value: dt.date) -> str:
        """A date as the language writes it, in the catalog's `date.format` (a CLDR pattern)."""
        return format_date(value, self("date.format"), locale=self.locale)

    def number(self, value: float, pattern: str | None = None) -> str:
        """A number as the language writes it (digit grouping, decimal sign): 12,345 / 12.345."""
        return str(format_decimal(value, format=pattern, locale=self.locale))

    def day(self, value: dt.date, pattern: str) -> str:
        """A date in a CLDR pattern of the caller's (e.g. "EEE d MMM y"), in the language's words."""
        return format_date(value, pattern, locale=self.locale)

    def weekday_letter(self, value: dt.date) -> str:
        """The one-letter (narrow) name of the date's weekday: M, T, W... in English."""
        return str(self.locale.days["stand-alone"]["narrow"][value.weekday()])

    def for_browser(self) -> dict[str, Any]:
        """The messages the browser code uses (keys starting "js."), as JSON-ready data."""
        out: dict[str, Any] = {}
        for key, text in self.entries:
            if key.startswith("js."):
                out[key[3:]] = text if isinstance(text, str) else dict(text)
        return {"language": self.language, "direction": self.direction, "strings": out}


def english() -> Messages:
    """The shipped English strings (tests and front ends without a site configuration)."""
    from .catalog import load_messages  # the catalog module reads the files; this one only formats

    return load_messages("en")
