"""The DEBT rubric as data, and the check that rationales cite it truthfully."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .debt import AXIS_LETTERS
from .located_yaml import load_yaml_text
from .problems import GlossdeckError, Problem

# "Closest to 'architectural rework' (e9)" -> anchor text and level
CITATION = re.compile(
    r"""closest to ['"‘“](?P<anchor>[^'"’”]+)['"’”]\s*\((?P<axis>[debt])(?P<level>[0-9])\)""", re.IGNORECASE
)


@dataclass(frozen=True)
class Rubric:
    levels: dict[str, dict[int, str]]  # axis letter -> level -> anchor description

    def anchor(self, axis: str, level: int) -> str | None:
        return self.levels.get(axis, {}).get(level)

    def level_of(self, axis: str, anchor_text: str) -> int | None:
        wanted = anchor_text.strip().lower()
        for level, text in self.levels.get(axis, {}).items():
            if text.lower() == wanted:
                return level
        return None

    def check_rationale(self, axis: str, score: int, rationale: str) -> list[str]:
        """Warnings for a rationale that cites a level its score does not have."""
        messages: list[str] = []
        for match in CITATION.finditer(rationale):
            cited_axis, level = match["axis"].lower(), int(match["level"])
            anchor = match["anchor"].strip()
            if cited_axis != axis:
                messages.append(f"rationale cites '{cited_axis}{level}' but this is the '{axis}' axis")
                continue
            if level != score:
                messages.append(f"rationale says closest to ({axis}{level}) but the score is {axis}{score}")
            known = self.level_of(axis, anchor)
            if known is None:
                choices = "; ".join(f"{axis}{lv} '{t}'" for lv, t in sorted(self.levels.get(axis, {}).items()))
                messages.append(
                    f"rationale names anchor '{anchor}', which the rubric does not have (anchors: {choices})"
                )
            elif known != level:
                messages.append(f"anchor '{anchor}' is level {axis}{known} in the rubric, not {axis}{level}")
        return messages


def load_rubric(path: str | Path | None = None) -> Rubric:
    """The shipped rubric, or a glossary's own file in the same shape."""
    if path is None:
        raw = resources.files("glossdeck").joinpath("data/debt-rubric.yml").read_bytes()
        name = "glossdeck/data/debt-rubric.yml"
    else:
        try:
            raw = Path(path).read_bytes()
        except OSError as exc:
            raise GlossdeckError([Problem(str(path), 1, 1, "", f"cannot read rubric: {exc.strerror}")]) from None
        name = str(path)
    doc = load_yaml_text(raw, name)
    problems: list[Problem] = []
    levels: dict[str, dict[int, str]] = {}
    if not isinstance(doc.data, dict):
        raise GlossdeckError([Problem(name, 1, 1, "", "a rubric is a mapping of axis letter to levels")])
    for axis in AXIS_LETTERS:
        table = doc.data.get(axis)
        line, col = doc.source.locate((axis,))
        if not isinstance(table, dict):
            problems.append(Problem(name, line, col, axis, "missing or not a mapping of level to description"))
            continue
        levels[axis] = {}
        for level, text in table.items():
            if not isinstance(level, int) or not 0 <= level <= 9 or not isinstance(text, str):
                l2, c2 = doc.source.locate((axis, level))
                problems.append(Problem(name, l2, c2, f"{axis}.{level}", "levels are 0-9 with a text description"))
                continue
            levels[axis][level] = text.strip()
    for key in doc.data:
        if key not in AXIS_LETTERS:
            line, col = doc.source.locate((key,), key=True)
            problems.append(Problem(name, line, col, str(key), "unknown axis; the axes are d, e, b, t"))
    if problems:
        raise GlossdeckError(problems)
    return Rubric(levels)
