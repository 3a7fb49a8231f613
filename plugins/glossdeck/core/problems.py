"""Problems found in term files: every one names a file, a line, a field and a message."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One located finding. `field` is a dotted path such as `debt.d.rationale`."""

    file: str
    line: int
    column: int
    field: str
    message: str
    severity: Severity = Severity.ERROR

    def format(self) -> str:
        kind = "" if self.severity is Severity.ERROR else "warning: "
        where = f"{self.file}:{self.line}:{self.column}"
        subject = f"{self.field}: " if self.field else ""
        return f"{where}: {kind}{subject}{self.message}"

    def as_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "field": self.field,
            "message": self.message,
            "severity": self.severity.value,
        }


@dataclass
class ProblemList:
    """Problems collected across files, so all of them are reported together."""

    items: list[Problem] = field(default_factory=list)

    def add(self, problem: Problem) -> None:
        self.items.append(problem)

    def extend(self, problems: Iterable[Problem]) -> None:
        self.items.extend(problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity is Severity.WARNING]

    def sorted(self) -> list[Problem]:
        return sorted(set(self.items), key=lambda p: (p.file, p.line, p.column, p.field, p.message))

    def __len__(self) -> int:
        return len(self.items)

    def __bool__(self) -> bool:
        return bool(self.items)


class GlossdeckError(Exception):
    """The one exception type glossdeck raises for bad input; it carries located problems."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(p.format() for p in problems))


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """A ' (did you mean ...?)' suffix for a near miss, or an empty string."""
    pool = list(candidates)
    lowered = {c.lower(): c for c in pool}
    matches = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)
    return f" (did you mean '{lowered[matches[0]]}'?)" if matches else ""


def field_name(path: tuple[str | int, ...]) -> str:
    """A field's path as messages print it: ("mistakes", 2) -> "mistakes[2]", ("a", "b") -> "a.b"."""
    return "".join(f"[{p}]" if isinstance(p, int) else (f".{p}" if i else p) for i, p in enumerate(path))
