"""What an import did not take over as it was: skipped files, defaults chosen, parts not mapped,
links turned into text. Each note names the source file and line."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from enum import StrEnum


class Kind(StrEnum):
    SKIPPED = "skipped"  # a whole entry left out (draft, unfinished status, template, duplicate)
    DEFAULT = "default"  # a required field filled in by the importer
    UNMAPPED = "unmapped"  # source data with no place in a term file
    LINK = "link"  # a link that is not a link between imported terms
    CHANGED = "changed"  # moved or rewritten to fit glossdeck (TL;DR shortened, section into explanation)
    CHECK = "check"  # what `glossdeck validate` will warn about in the written term


@dataclass(frozen=True)
class Note:
    file: str
    line: int
    kind: Kind
    message: str

    def format(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.kind.value}: {self.message}"


@dataclass
class _Group:
    first: Note
    count: int = 0


@dataclass
class Report:
    notes: list[Note] = field(default_factory=list)
    # notes that would repeat for every file (an unmapped front matter key), by (kind, key)
    grouped: dict[tuple[Kind, str], _Group] = field(default_factory=dict)

    def note(self, file: str, line: int, kind: Kind, message: str) -> None:
        self.notes.append(Note(file, line, kind, message))

    def note_once(self, file: str, line: int, kind: Kind, key: str, message: str) -> None:
        """A note reported once with a count ("in 12 files, first ...") however often it occurs."""
        self.grouped.setdefault((kind, key), _Group(Note(file, line, kind, message))).count += 1

    def all(self) -> list[Note]:
        merged = list(self.notes)
        for group in self.grouped.values():
            first = group.first
            suffix = f" ({group.count} times; the first is here)" if group.count > 1 else ""
            merged.append(Note(first.file, first.line, first.kind, first.message + suffix))
        return sorted(merged, key=lambda n: (n.file, n.line, n.kind.value, n.message))

    def count(self, kind: Kind) -> int:
        return sum(1 for n in self.notes if n.kind is kind) + sum(
            g.count for (k, _), g in self.grouped.items() if k is kind
        )

    def as_json(self, written: list[str]) -> str:
        return json.dumps(
            {
                "written": written,
                "notes": [
                    {"file": n.file, "line": n.line, "kind": n.kind.value, "message": n.message} for n in self.all()
                ],
            },
            indent=2,
            ensure_ascii=False,
        )
