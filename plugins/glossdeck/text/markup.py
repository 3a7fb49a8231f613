"""Building SVG and HTML markup in which every value is escaped unless it is already markup.

A plain `str` is always text: `element()` escapes it, in content and in attributes alike. Only
`Markup` (what `element()` returns, or a literal the code itself wrote) passes through. So YAML
text can never become markup by forgetting a call.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping

from .plain_text import clean_text


class Markup(str):
    """A string that is already markup; never built from data without escaping. Jinja2 (the term
    page's templates) takes it as safe through `__html__`, like its own markup type."""

    __slots__ = ()

    def __html__(self) -> str:
        return self


Child = str | Markup | None
AttrValue = str | int | float | bool | None


def escape(text: str) -> Markup:
    """Text -> markup that shows it: &, <, >, both quotes escaped; characters XML forbids removed."""
    if text.isascii() and text.isprintable():  # the common case: nothing for clean_text to remove
        return Markup(html.escape(text, quote=True))
    return Markup(html.escape(clean_text(text), quote=True))


def _attribute_name(name: str) -> str:
    return name.rstrip("_").replace("_", "-")  # class_ -> class, font_size -> font-size


def number(value: float) -> str:
    """Compact coordinates: 12 not 12.0, 12.5 not 12.500001."""
    rounded = round(value, 1)
    return str(int(rounded)) if rounded == int(rounded) else str(rounded)


def attributes(attrs: Mapping[str, AttrValue]) -> Markup:
    out = []
    for name, value in attrs.items():
        if value is None or value is False:
            continue
        name = _attribute_name(name)
        if value is True:
            out.append(f" {name}")
        elif isinstance(value, (int, float)):
            out.append(f' {name}="{number(value)}"')
        else:
            out.append(f' {name}="{escape(value)}"')
    return Markup("".join(out))


def join(children: Iterable[Child]) -> Markup:
    return Markup("".join(c if isinstance(c, Markup) else escape(c) for c in children if c is not None))


def element(
    tag: str,
    attrs: dict[str, AttrValue] | None = None,
    *children: Child,
    void: bool = False,
    self_closing: bool = False,
) -> Markup:
    """<tag attrs>children</tag>; `void` for HTML void elements, `self_closing` for empty XML."""
    opening = f"<{tag}{attributes(attrs or {})}"
    if void:
        return Markup(opening + ">")
    if self_closing and not children:
        return Markup(opening + "/>")
    return Markup(f"{opening}>{join(children)}</{tag}>")


_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def fill(template: str, values: Mapping[str, object]) -> Markup:
    """An interface string (plain text with `{name}` placeholders) as markup: the text escaped,
    each value escaped unless it is `Markup` (a `<time>` element, a link); unknown names stay."""

    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in values:
            return escape(match.group(0))
        found = values[name]
        return found if isinstance(found, Markup) else escape(str(found))

    parts: list[str] = []
    last = 0
    for match in _PLACEHOLDER.finditer(template):
        parts += [escape(template[last : match.start()]), value(match)]
        last = match.end()
    parts.append(escape(template[last:]))
    return Markup("".join(parts))
