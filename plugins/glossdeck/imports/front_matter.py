"""Front matter of Hugo pages: YAML between `---` lines or TOML between `+++` lines, with the line of
every key, and the body after it. Broken front matter is a located error."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from typing import Any

from ..core.located_yaml import MAX_FILE_BYTES, load_yaml_text
from ..core.problems import GlossdeckError, Problem
from .source_term import Located

_TOML_AT = re.compile(r"\(at line (\d+), column (\d+)\)")
_TOML_KEY = re.compile(r"^\s*([A-Za-z0-9_-]+|\"[^\"]*\")\s*=", re.M)


@dataclass
class FrontMatter:
    data: dict[str, Any]
    body: Located
    key_lines: dict[str, int] = field(default_factory=dict)  # top-level key -> its line in the file

    def line(self, key: str) -> int:
        return self.key_lines.get(key, 1)


def _fail(file: str, line: int, message: str, column: int = 1) -> GlossdeckError:
    return GlossdeckError([Problem(file, line, column, "", message)])


def decode(raw: bytes, file: str) -> str:
    """UTF-8 text (a BOM tolerated), or a located error."""
    if len(raw) > MAX_FILE_BYTES:
        raise _fail(file, 1, f"file is larger than the limit of {MAX_FILE_BYTES:,} bytes")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise _fail(file, line, f"invalid UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8") from None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        raise _fail(file, text[: text.index("\x00")].count("\n") + 1, "file contains NUL bytes; is it a binary file?")
    return text


def read_front_matter(raw: bytes, file: str) -> FrontMatter:
    text = decode(raw, file)
    lines = text.split("\n")
    fence = lines[0].rstrip() if lines else ""
    if fence not in ("---", "+++"):
        raise _fail(file, 1, "no front matter: a term page starts with '---' (YAML) or '+++' (TOML) and a title")
    closers = ("---", "...") if fence == "---" else ("+++",)
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in closers), None)
    if end is None:
        raise _fail(file, 1, f"the front matter opened with '{fence}' is never closed by a '{closers[0]}' line")
    source = "\n".join(lines[1:end]) + "\n"
    body = Located("\n".join(lines[end + 1 :]), end + 2)
    if fence == "---":
        data, key_lines = _yaml(source, file)
    else:
        data, key_lines = _toml(source, file)
    # Hugo reads front matter keys case-insensitively ("Title:" is the title)
    lowered = {key.lower(): value for key, value in data.items()}
    return FrontMatter(lowered, body, {key.lower(): line for key, line in key_lines.items()})


def _yaml(source: str, file: str) -> tuple[dict[str, Any], dict[str, int]]:
    if not source.strip():
        return {}, {}
    try:
        doc = load_yaml_text(source.encode("utf-8"), file)
    except GlossdeckError as exc:  # its lines count from the front matter's first line
        raise GlossdeckError(
            [
                Problem(p.file, p.line + 1, p.column, p.field, "front matter: " + p.message, p.severity)
                for p in exc.problems
            ]
        ) from None
    if doc.data is None:
        return {}, {}
    if not isinstance(doc.data, dict):
        raise _fail(file, 2, f"front matter must be a mapping of keys, not a {type(doc.data).__name__}")
    lines = {str(k): doc.source.locate((k,), key=True)[0] + 1 for k in doc.data if isinstance(k, (str, int))}
    return {str(k): v for k, v in doc.data.items()}, lines


def _toml(source: str, file: str) -> tuple[dict[str, Any], dict[str, int]]:
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        at = _TOML_AT.search(str(exc))
        line, column = (int(at.group(1)) + 1, int(at.group(2))) if at else (2, 1)
        message = _TOML_AT.sub("", str(exc)).strip()
        raise _fail(file, line, f"front matter: TOML syntax error: {message}", column) from None
    lines: dict[str, int] = {}
    for match in _TOML_KEY.finditer(source):
        lines.setdefault(match.group(1).strip('"'), source.count("\n", 0, match.start()) + 2)
    return data, lines
