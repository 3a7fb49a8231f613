"""An HTML reader for tests: start tags with their attributes, and the text inside elements picked
by tag, .class or #id."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import ClassVar


class HtmlText(HTMLParser):
    """Collects start tags, attributes and the text inside elements picked by a predicate."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.texts: dict[str, list[str]] = {}
        self.all_text: list[str] = []

    VOID: ClassVar[set[str]] = {"meta", "link", "img", "br", "source", "input", "hr"}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag not in self.VOID:
            self.stack.append((tag, attributes))

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data: str) -> None:
        self.all_text.append(data)
        for tag, attrs in self.stack:
            for key in [
                tag,
                *(f".{c}" for c in (attrs.get("class") or "").split()),
                *([f"#{attrs['id']}"] if attrs.get("id") else []),
            ]:
                self.texts.setdefault(key, []).append(data)

    def text(self, key: str) -> str:
        return "".join(self.texts.get(key, []))


def parse_html(text: str) -> HtmlText:
    parser = HtmlText()
    parser.feed(text)
    parser.close()
    return parser
