"""`glossdeck import csv`: a table with a header row, one term a row, UTF-8 (a BOM is fine), columns
mapped to term fields with `--map title=Name,tldr=Definition,...` (columns named like the fields,
or Term/Name and Definition, need no mapping). List fields (tags, aliases, related, prerequisites,
sources, mistakes) split their cell on `--list-separator` (default ';')."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from ..core.loading import display_path
from ..core.problems import GlossdeckError, Problem, did_you_mean
from . import values
from .front_matter import decode
from .report import Kind, Report
from .source_term import Located, SourceTerm

PROSE_FIELDS = ("tldr", "explanation", "why_it_matters", "quick_fix")
LIST_FIELDS = ("tags", "aliases", "related", "prerequisites", "sources", "mistakes")
OTHER_FIELDS = (
    "title",
    "slug",
    "category",
    "level",
    "added",
    "edited",
    "misconception.belief",
    "misconception.correction",
)
FIELDS = (*OTHER_FIELDS[:2], *PROSE_FIELDS, *LIST_FIELDS, *OTHER_FIELDS[2:])
# header names that mean a field without a --map
SYNONYMS = {"term": "title", "name": "title", "definition": "tldr", "description": "tldr", "summary": "tldr"}


@dataclass
class CsvOptions:
    mapping: list[str]  # --map values: "field=Column,field=Column"
    delimiter: str | None = None
    list_separator: str = ";"


def _delimiter(text: str, source: Path) -> str:
    """Tab for .tsv; else the one of , ; and tab the header row uses most (spreadsheets set to a
    language with a decimal comma write ';')."""
    if source.suffix.lower() == ".tsv":
        return "\t"
    header = re.sub(r'"[^"]*"', "", text.split("\n", 1)[0])
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] > counts[","] else ","


def parse_mapping(specs: list[str]) -> dict[str, str]:
    """field -> column from `--map` values (several allowed; a comma inside a column name is kept
    when what follows it is no `field=`)."""
    mapping: dict[str, str] = {}
    for spec in specs:
        for part in re.split(r",(?=\s*[a-z_.]+\s*=)", spec):
            name, sep, column = part.partition("=")
            name = name.strip()
            if not sep or not column.strip():
                raise GlossdeckError([Problem("--map", 1, 1, "", f"{part!r} is not FIELD=COLUMN")])
            if name not in FIELDS:
                raise GlossdeckError(
                    [
                        Problem(
                            "--map",
                            1,
                            1,
                            "",
                            f"no field '{name}'{did_you_mean(name, FIELDS)}; fields: {', '.join(FIELDS)}",
                        )
                    ]
                )
            mapping[name] = column.strip()
    return mapping


def read_csv(source: Path, report: Report, options: CsvOptions) -> list[SourceTerm]:
    file = display_path(source)
    text = decode(values.read_source_file(source), file)
    delimiter = options.delimiter or _delimiter(text, source)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise GlossdeckError([Problem(file, reader.line_num, 1, "", f"CSV: {exc}")]) from None
    if not header or not any(h.strip() for h in header):
        raise GlossdeckError([Problem(file, 1, 1, "", "no header row: the first row names the columns")])
    header = [h.strip() for h in header]
    mapping = parse_mapping(options.mapping)
    if not options.mapping:
        for column in header:
            name = column.lower().replace(" ", "_")
            field = name if name in FIELDS else SYNONYMS.get(name)
            if field and field not in mapping:
                mapping[field] = column
        report.note(
            file, 1, Kind.DEFAULT, "columns mapped by name: " + ", ".join(f"{f}={c}" for f, c in mapping.items())
        )
    problems = [
        Problem(
            file,
            1,
            1,
            "",
            f"--map {field}={column}: no column '{column}'{did_you_mean(column, header)}; columns: {', '.join(header)}",
        )
        for field, column in mapping.items()
        if column not in header
    ]
    problems += [
        Problem(file, 1, 1, "", f"no column for the {field}: give --map {field}=COLUMN (columns: {', '.join(header)})")
        for field in ("title", "tldr")
        if field not in mapping
    ]
    if problems:
        raise GlossdeckError(problems)
    index = {field: header.index(column) for field, column in mapping.items()}
    for number, column in enumerate(header):
        if column and column not in mapping.values():
            report.note(file, 1, Kind.UNMAPPED, f"column {number + 1} '{column}' is not mapped (--map FIELD={column})")
    terms: list[SourceTerm] = []
    line = reader.line_num + 1
    while True:
        try:
            row = next(reader, None)
        except csv.Error as exc:
            raise GlossdeckError([Problem(file, reader.line_num, 1, "", f"CSV: {exc}")]) from None
        if row is None:
            break
        if any(cell.strip() for cell in row):
            if len(row) > len(header):
                problems.append(Problem(file, line, 1, "", f"{len(row)} cells but {len(header)} columns in the header"))
            else:
                term = _row(row, index, file, line, options.list_separator, problems)
                if term is not None:
                    terms.append(term)
        line = reader.line_num + 1
    if problems:
        raise GlossdeckError(problems)
    return terms


def _row(
    row: list[str], index: dict[str, int], file: str, line: int, separator: str, problems: list[Problem]
) -> SourceTerm | None:
    def cell(field: str) -> str:
        at = index.get(field)
        return row[at].strip() if at is not None and at < len(row) else ""

    def items(field: str) -> list[str]:
        return [p.strip() for p in cell(field).split(separator) if p.strip()] if cell(field) else []

    title = cell("title")
    if not title:
        problems.append(Problem(file, line, 1, "title", "the row has no title"))
        return None
    if not cell("tldr"):
        problems.append(Problem(file, line, 1, "tldr", f"'{title}' has no TL;DR"))
        return None
    term = SourceTerm(
        file=file,
        line=line,
        title=title,
        keys=[title],
        slug=cell("slug") or None,
        category=cell("category") or None,
        tags=items("tags"),
        aliases=items("aliases"),
        level=cell("level") or None,
        added=values.date(cell("added")),
        edited=values.date(cell("edited")),
        related=[Located(name, line) for name in items("related")],
        prerequisites=[Located(name, line) for name in items("prerequisites")],
        sources=[{"url": url} for url in items("sources")],
        mistakes=[Located(m, line) for m in items("mistakes")],
    )
    if term.slug:
        term.keys.append(term.slug)
    for field in PROSE_FIELDS:
        if cell(field):
            term.prose[field] = Located(cell(field), line)
    belief, correction = cell("misconception.belief"), cell("misconception.correction")
    if belief and correction:
        term.misconception = {"belief": Located(belief, line), "correction": Located(correction, line)}
    elif belief or correction:
        problems.append(Problem(file, line, 1, "misconception", "a misconception needs both a belief and a correction"))
    for field in ("added", "edited"):
        if cell(field) and values.date(cell(field)) is None:
            problems.append(Problem(file, line, 1, field, f"{cell(field)!r} is not a date (YYYY-MM-DD)"))
    return term
