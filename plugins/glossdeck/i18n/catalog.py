"""Message catalogs: the shipped YAML files, the language a site asks for, and its own overrides.

Why YAML catalogs keyed by name, not gettext `.po` files keyed by the English text: a site
overrides a string by its key in mkdocs.yml (`strings: {term.tldr: "In short"}`), which needs keys
that stay put when the English wording changes; the browser code gets the same keys as JSON; and
authors of this project already write YAML. Each catalog lists every key of `en.yml` (a test
checks it, with the same placeholders, and the plural categories CLDR gives its language), and
Babel (CLDR data: plural rules, text direction, month names) does what a catalog cannot.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml
from babel import Locale

from ..core.problems import did_you_mean
from .messages import PLURAL_CATEGORIES, Messages, Text, placeholders

CATALOGS = Path(__file__).parent / "catalogs"
REFERENCE = "en"


class CatalogError(ValueError):
    """A catalog or a site's `strings` override that cannot be used; the message says why."""


def available() -> list[str]:
    """Language tags with a shipped catalog, e.g. ["ar", "de", "en", "ur", "zh"]."""
    return sorted(p.stem for p in CATALOGS.glob("*.yml"))


def _is_plural(value: Any) -> bool:
    return isinstance(value, dict) and "other" in value and all(k in PLURAL_CATEGORIES for k in value)


def flatten(data: Mapping[str, Any], prefix: str = "") -> dict[str, Text]:
    """Nested sections -> dotted keys; a mapping of plural categories is one counted message."""
    out: dict[str, Text] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if _is_plural(value):
            out[name] = tuple((str(k), str(v)) for k, v in value.items())
        elif isinstance(value, dict):
            out.update(flatten(value, name + "."))
        elif isinstance(value, str):
            out[name] = value
        else:
            raise CatalogError(f"{name}: a message is text, or a mapping of plural forms (one, other, ...)")
    return out


def read_catalog(language: str) -> dict[str, Text]:
    path = CATALOGS / f"{language}.yml"
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when there: 10x faster, same result
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    if not isinstance(data, dict):
        raise CatalogError(f"{path.name}: a catalog is a mapping of sections and messages")
    return flatten(data)


def resolve_language(requested: str | None) -> str | None:
    """The shipped catalog for a language tag: the exact tag ("zh"), else its language ("de-CH" ->
    "de", "zh_Hans" -> "zh"); None when none is shipped (the site is then in English)."""
    if not requested:
        return REFERENCE
    tag = requested.replace("_", "-").strip()
    shipped = {lang.lower(): lang for lang in available()}
    if tag.lower() in shipped:
        return shipped[tag.lower()]
    base = tag.split("-")[0].lower()
    return shipped.get(base)


def text_direction(language: str) -> str:
    """ "rtl" or "ltr", from CLDR (Arabic, Urdu, Hebrew, Persian... are right to left)."""
    try:
        return str(Locale.parse(language.replace("_", "-"), sep="-").text_direction)
    except (ValueError, LookupError):
        return "ltr"


def _override(key: str, value: Any, reference: dict[str, Text]) -> Text:
    if key not in reference:
        raise CatalogError(f"strings: unknown key '{key}'{did_you_mean(key, list(reference))}")
    allowed = _placeholders_of(reference[key])
    if isinstance(value, str):
        text: Text = value
    elif _is_plural(value):
        text = tuple((str(k), str(v)) for k, v in value.items())
    else:
        raise CatalogError(f"strings: {key}: give text, or plural forms such as {{one: ..., other: ...}}")
    unknown = _placeholders_of(text) - allowed
    if unknown:
        names = ", ".join("{" + n + "}" for n in sorted(allowed)) or "none"
        raise CatalogError(f"strings: {key}: unknown placeholder(s) {sorted(unknown)}; this message has {names}")
    return text


def _placeholders_of(text: Text) -> set[str]:
    if isinstance(text, str):
        return placeholders(text)
    return set().union(*(placeholders(t) for _, t in text)) | {"count"}


def load_messages(
    language: str | None = None, overrides: Mapping[str, Any] | None = None, direction: str | None = None
) -> Messages:
    """The messages of a site: the catalog of `language` (English where none is shipped), any key
    it lacks from English, then the site's `overrides` (key -> text or plural forms).
    `direction` overrides the language's own (Material's `theme.direction`)."""
    reference = read_catalog(REFERENCE)
    chosen = resolve_language(language) or REFERENCE
    table = dict(reference)
    if chosen != REFERENCE:
        table.update({k: v for k, v in read_catalog(chosen).items() if k in reference})
    for key, value in (overrides or {}).items():
        table[key] = _override(str(key), value, reference)
    tag = chosen if resolve_language(language) else (language or REFERENCE)
    return Messages(
        language=chosen,
        direction=direction or text_direction(tag),
        entries=tuple(sorted(table.items())),
    )
