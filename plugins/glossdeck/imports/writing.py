"""Term files written from converted entries: YAML through text/escape's helpers, read back and
validated by the core loader and the glossary checks (with the terms already in the folder) before
anything is written; then each file written whole, never over an existing one unless forced."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path
from typing import Any

from ..core.checks import check_glossary
from ..core.glossary import Glossary
from ..core.loading import LoadedTerm, display_path, find_term_files, parse_term, read_term_file
from ..core.located_yaml import load_yaml_text
from ..core.problems import GlossdeckError, Problem, Severity
from ..core.rubric import load_rubric
from ..text.escape import yaml_block, yaml_plain
from .convert import ConvertedTerm
from .report import Kind, Report

PROSE = frozenset({"tldr", "explanation", "why_it_matters", "quick_fix", "diagram", "belief", "correction", "code"})


def _value(key: str, value: Any, indent: int) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    if "\n" in str(value) and (key in PROSE or key == "mistakes"):
        return yaml_block(str(value), indent + 2)
    return yaml_plain(str(value))


def _lines(data: dict[str, Any], indent: int) -> list[str]:
    pad = " " * indent
    out: list[str] = []
    for key, value in data.items():
        if isinstance(value, dict):
            out.append(f"{pad}{key}:")
            out.extend(_lines(value, indent + 2))
        elif isinstance(value, list):
            out.append(f"{pad}{key}:")
            for item in value:
                if isinstance(item, dict):
                    inner = _lines(item, indent + 4)
                    out.append(f"{pad}  - {inner[0].lstrip()}")
                    out.extend(inner[1:])
                else:
                    out.append(f"{pad}  - {_value(key, item, indent + 2)}")
        else:
            out.append(f"{pad}{key}: {_value(key, value, indent)}")
    return out


def _comment(text: str) -> str:
    """Text safe in a YAML comment line: nothing that ends the line."""
    return "".join(c if c.isprintable() else "?" for c in text)


def render(term: ConvertedTerm, schema_path: str, how: str) -> str:
    origin = _comment(f"{term.source.file}:{term.source.line}")
    header = [
        f"# yaml-language-server: $schema={_comment(schema_path)}",
        f"# Imported by `glossdeck import {_comment(how)}` from {origin}",
    ]
    return "\n".join([*header, *_lines(term.data, 0)]) + "\n"


def _at_source(term: ConvertedTerm, problem: Problem, what: str) -> Problem:
    where = f"{problem.field}: " if problem.field else ""
    return Problem(term.source.file, term.source.line, 1, "", f"{what}: {where}{problem.message}", problem.severity)


def _existing(out: Path, replaced: set[str]) -> dict[str, LoadedTerm]:
    if not out.is_dir():
        return {}
    files, _ = find_term_files([out])
    entries: dict[str, LoadedTerm] = {}
    for path in files:
        if path.name in replaced:
            continue
        try:
            entry = read_term_file(path)
        except GlossdeckError:
            continue  # `glossdeck validate` reports it; it is not this import's business
        entries.setdefault(entry.slug, entry)
    return entries


def prepare(terms: list[ConvertedTerm], out: Path, how: str, *, force: bool, report: Report) -> dict[Path, bytes]:
    """The files to write (path -> bytes), each loaded back and checked with the folder's terms;
    GlossdeckError, at the source's lines, when any term would not load or a file would be replaced."""
    schema_path = os.path.relpath(Path("schema/term.schema.json").resolve(), out.resolve())
    problems: list[Problem] = []
    files: dict[Path, bytes] = {}
    loaded: dict[str, tuple[ConvertedTerm, LoadedTerm]] = {}
    for term in terms:
        target = out / f"{term.slug}.yml"
        if target.exists() and not force:
            problems.append(
                Problem(
                    term.source.file,
                    term.source.line,
                    1,
                    "",
                    f"{display_path(target)} exists; not replacing it without --force",
                )
            )
            continue
        raw = render(term, schema_path, how).encode("utf-8")
        shown = display_path(target)
        try:
            # read back exactly as written: the YAML says what was meant, and the term loads cleanly
            if load_yaml_text(raw, shown).data != term.data:
                raise GlossdeckError(
                    [Problem(shown, 1, 1, "", "the YAML written does not read back as the data meant")]
                )
            entry = parse_term(raw, shown, term.slug)
        except GlossdeckError as exc:
            problems.extend(_at_source(term, p, "cannot be written as a valid term") for p in exc.problems)
            continue
        if entry.problems:
            problems.extend(_at_source(term, p, "cannot be written as a valid term") for p in entry.problems)
            continue
        files[target] = raw
        loaded[shown] = (term, entry)
    if problems:
        raise GlossdeckError(problems)
    entries = _existing(out, {p.name for p in files} if force else set())
    entries.update({entry.slug: entry for _, entry in loaded.values()})
    for problem in check_glossary(Glossary(entries), load_rubric()):
        if problem.file not in loaded:
            continue
        term, _ = loaded[problem.file]
        if problem.severity is Severity.ERROR:
            problems.append(_at_source(term, problem, "conflicts with the glossary"))
        else:
            report.note(term.source.file, term.source.line, Kind.CHECK, f"{problem.field}: {problem.message}")
    if problems:
        raise GlossdeckError(problems)
    return files


def write_files(files: dict[Path, bytes], *, force: bool) -> list[Path]:
    """Write each file whole (a temporary file renamed into place); without `force` an existing file
    is never replaced, even one that appeared since the check. When a write fails, the files this
    call created are removed again, so a failed import leaves the folder as it was (files replaced
    with --force stay replaced: their new content is complete and valid)."""
    written: list[Path] = []
    created: list[Path] = []
    for target, raw in files.items():
        temporary = ""
        existed = target.exists()
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=".tmp", dir=target.parent)
            with os.fdopen(handle, "wb") as stream:
                stream.write(raw)
            if force:
                os.replace(temporary, target)
            else:
                os.link(temporary, target)  # fails if the target exists
                os.unlink(temporary)
        except OSError as exc:
            if temporary and os.path.exists(temporary):
                os.unlink(temporary)
            for path in created:
                path.unlink(missing_ok=True)
            replaced = len(written) - len(created)
            kept = f"; {replaced} file(s) replaced with --force before it stay" if replaced else ""
            raise GlossdeckError(
                [Problem(display_path(target), 1, 1, "", f"cannot write: {exc.strerror or exc}{kept}")]
            ) from None
        written.append(target)
        if not existed:
            created.append(target)
    return written
