"""`glossdeck import abbreviations`: a Markdown file of abbreviations as Python-Markdown's `abbr`
extension (and Material for MkDocs' glossary snippet, e.g. includes/abbreviations.md) reads them:
`*[HTML]: Hyper Text Markup Language`, one a line.

The abbreviation is the title and its definition the TL;DR; a definition that spells the
abbreviation out (its words' initials give it) is an alias too, so prose using the long form links
to the term. An empty definition (Python-Markdown's way to undo one) is skipped; when an
abbreviation is defined twice the last definition wins, as in Python-Markdown."""

from __future__ import annotations

import re
from pathlib import Path

from ..core.loading import display_path
from . import values
from .front_matter import decode
from .report import Kind, Report
from .source_term import Located, SourceTerm

_ABBREVIATION = re.compile(r"^[*]\[(?P<abbr>[^\]]+)\]:[ \t]*(?P<title>.*)$")


def spells_out(abbreviation: str, definition: str) -> bool:
    """Whether the definition's words' initials (or capitals) give the abbreviation: "Hyper Text
    Markup Language" for HTML, "JavaScript Object Notation" for JSON."""
    letters = re.sub(r"[^A-Za-z0-9]", "", abbreviation).lower()
    words = re.findall(r"[A-Za-z0-9]+", definition)
    if not letters or not words or len(definition) > 120:
        return False
    initials = "".join(w[0] for w in words).lower()
    capitals = "".join(re.findall(r"[A-Z0-9]", definition)).lower()
    significant = "".join(
        w[0] for w in words if w.lower() not in ("of", "and", "the", "for", "a", "an", "in", "to")
    ).lower()
    return letters in (initials, capitals, significant)


def read_abbreviations(source: Path, report: Report) -> list[SourceTerm]:
    file = display_path(source)
    text = decode(values.read_source_file(source), file)
    found: dict[str, SourceTerm] = {}
    for number, line in enumerate(text.split("\n"), start=1):
        match = _ABBREVIATION.match(line.strip())
        if not match:
            if line.strip() and not line.lstrip().startswith("<!--"):
                report.note(file, number, Kind.UNMAPPED, "not an abbreviation line (*[TERM]: definition); not kept")
            continue
        abbreviation, definition = match.group("abbr").strip(), match.group("title").strip().strip("\"'")
        if abbreviation in found:
            report.note(
                file,
                found[abbreviation].line,
                Kind.SKIPPED,
                f"'{abbreviation}' is defined again on line {number}; the last wins",
            )
            del found[abbreviation]
        if not definition:
            report.note(file, number, Kind.SKIPPED, f"'{abbreviation}' has an empty definition")
            continue
        long_form = re.split(r"\s*[,;:(\u2013\u2014]|\s+-\s+", definition, maxsplit=1)[0].strip()
        found[abbreviation] = SourceTerm(
            file=file,
            line=number,
            title=abbreviation,
            keys=[abbreviation],
            aliases=[long_form] if spells_out(abbreviation, long_form) else [],
            summary=Located(definition, number),
        )
    return list(found.values())
