"""Safe YAML loading that remembers where every value came from.

PyYAML's safe composer builds a node tree with line marks; we turn it into plain
Python values ourselves so that (a) every value's dotted path maps to a line and
column, (b) alias expansion is bounded (no "billion laughs"), (c) duplicate keys
are reported instead of silently overwritten, and (d) only the safe scalar types
are ever constructed (no `!!python/...` tags).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from .problems import GlossdeckError, Problem

# libyaml's parser is several times faster; it yields the same nodes and marks.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_STR_TAG = "tag:yaml.org,2002:str"
# `key: [[slug]] ...` or `- [[slug]] ...`: prose starting with a term link, read by YAML as a list
_FLOW_LINK = re.compile(r"(?:^|:|-)\s+\[\[[^\[\]]+\]\]")

MAX_FILE_BYTES = 1_000_000
MAX_NODES = 20_000
MAX_DEPTH = 64

Path = tuple[str | int, ...]


@dataclass
class SourceMap:
    """Positions of values (1-based line and column) by their path inside the document."""

    file: str
    positions: dict[Path, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Path, tuple[int, int]] = field(default_factory=dict)

    def locate(self, path: Path, *, key: bool = False) -> tuple[int, int]:
        """The closest known position: the value itself, else its nearest ancestor (the document's
        root is always known: it is recorded first)."""
        table = self.key_positions if key else self.positions
        probe = tuple(path)
        while True:
            if probe in table:
                return table[probe]
            if key and probe in self.positions:
                return self.positions[probe]
            if not probe:
                raise LookupError(f"{self.file}: no position recorded for {path!r} or any parent")
            probe = probe[:-1]


@dataclass
class LoadedDocument:
    data: Any
    source: SourceMap


def _fail(file: str, line: int, column: int, message: str, field_path: str = "") -> GlossdeckError:
    return GlossdeckError([Problem(file, line, column, field_path, message)])


def _dotted(path: Path) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


class _Builder:
    def __init__(self, file: str) -> None:
        self.file = file
        self.source = SourceMap(file)
        self.nodes = 0
        self.constructor = yaml.constructor.SafeConstructor()

    def build(self, node: yaml.Node, path: Path, depth: int) -> Any:
        self.nodes += 1
        mark = node.start_mark
        if self.nodes > MAX_NODES:
            raise _fail(
                self.file,
                mark.line + 1,
                mark.column + 1,
                f"document expands to more than {MAX_NODES} values (an alias bomb?)",
                _dotted(path),
            )
        if depth > MAX_DEPTH:
            raise _fail(
                self.file,
                mark.line + 1,
                mark.column + 1,
                f"values nested more than {MAX_DEPTH} deep (a recursive alias?)",
                _dotted(path[:3]) + "...",
            )
        self.source.positions.setdefault(path, (mark.line + 1, mark.column + 1))
        if isinstance(node, yaml.ScalarNode):
            if node.tag == _STR_TAG:  # the common case: no constructor needed
                return node.value
            try:
                return self.constructor.construct_object(node, deep=True)
            except yaml.YAMLError as exc:
                raise _fail(
                    self.file, mark.line + 1, mark.column + 1, f"unsupported value: {_reason(exc)}", _dotted(path)
                ) from None
            except (ValueError, OverflowError, TypeError) as exc:  # e.g. a date like 2026-13-01
                raise _fail(
                    self.file,
                    mark.line + 1,
                    mark.column + 1,
                    f"invalid value {node.value[:40]!r}: {exc}",
                    _dotted(path),
                ) from None
        if isinstance(node, yaml.SequenceNode):
            if node.tag not in ("tag:yaml.org,2002:seq",):
                raise _fail(self.file, mark.line + 1, mark.column + 1, f"unsupported tag {node.tag}", _dotted(path))
            return [self.build(child, (*path, i), depth + 1) for i, child in enumerate(node.value)]
        if isinstance(node, yaml.MappingNode):
            if node.tag not in ("tag:yaml.org,2002:map",):
                raise _fail(self.file, mark.line + 1, mark.column + 1, f"unsupported tag {node.tag}", _dotted(path))
            result: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    km = key_node.start_mark
                    raise _fail(self.file, km.line + 1, km.column + 1, "mapping keys must be plain text", _dotted(path))
                key = self.build(key_node, (*path, "<key>"), depth + 1)
                if not isinstance(key, (str, int, float, bool)) and key is not None:
                    key = str(key)
                km = key_node.start_mark
                child_path = (*path, key if isinstance(key, (str, int)) else str(key))
                if key in result:
                    raise _fail(self.file, km.line + 1, km.column + 1, f"duplicate key '{key}'", _dotted(child_path))
                self.source.key_positions[child_path] = (km.line + 1, km.column + 1)
                result[key] = self.build(value_node, child_path, depth + 1)
            self.source.positions.pop((*path, "<key>"), None)
            return result
        raise _fail(self.file, mark.line + 1, mark.column + 1, "unsupported YAML node", _dotted(path))


def _reason(exc: yaml.YAMLError) -> str:
    problem = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None)
    return f"{context}: {problem}" if context and context not in problem else str(problem)


def load_yaml_text(raw: bytes, file: str) -> LoadedDocument:
    """Parse bytes as one safe YAML document, or raise GlossdeckError with a location."""
    if len(raw) > MAX_FILE_BYTES:
        raise _fail(file, 1, 1, f"file is larger than the limit of {MAX_FILE_BYTES:,} bytes")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise _fail(file, line, column, f"invalid UTF-8 (byte 0x{raw[exc.start]:02x})") from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise _fail(file, line, 1, "file contains NUL bytes; is it a binary file?")
    try:
        loader = _LOADER(text)
        try:
            root = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        hint = ""
        lines = text.splitlines()
        if _FLOW_LINK.search(lines[line - 1] if 0 < line <= len(lines) else ""):
            hint = (
                " (a value starting with '[' is a YAML list: to start prose with a term link such as"
                " [[slug]], quote the value or use a block scalar |)"
            )
        raise _fail(file, line, column, f"YAML syntax error: {_reason(exc)}{hint}") from None
    except yaml.YAMLError as exc:
        raise _fail(file, 1, 1, f"YAML error: {_reason(exc)}") from None
    except RecursionError:
        raise _fail(file, 1, 1, f"values nested more than {MAX_DEPTH} deep") from None
    if root is None:
        raise _fail(file, 1, 1, "file is empty; a term file is a mapping with at least title, category and tldr")
    builder = _Builder(file)
    try:
        data = builder.build(root, (), 0)
    except RecursionError:
        raise _fail(file, 1, 1, f"values nested more than {MAX_DEPTH} deep") from None
    return LoadedDocument(data, builder.source)
