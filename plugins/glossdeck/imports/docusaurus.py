"""`glossdeck import docusaurus`: a `glossary.json` as docusaurus-plugin-glossary reads it:
`{"title"?, "description"?, "terms": [{"term", "definition", "abbreviation"?, "relatedTerms"?,
"id"?, "aliases"?, ...}]}` (a bare list of terms is taken too).

`term` is the title, `definition` the TL;DR (its first paragraph; further paragraphs the
explanation), `abbreviation` (the long form) and `aliases` become aliases, `relatedTerms` related
terms; `id` is a key other entries' links may use (the plugin's anchors on its glossary page)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from ..core.loading import display_path
from ..core.problems import GlossdeckError, Problem
from . import values
from .front_matter import decode
from .report import Kind, Report
from .source_term import Located, SourceTerm

_TERM_KEY = re.compile(r'"term"\s*:')
_USED = {"term", "definition", "abbreviation", "relatedTerms", "id", "aliases"}


def read_docusaurus(source: Path, report: Report) -> list[SourceTerm]:
    file = display_path(source)
    text = decode(values.read_source_file(source), file)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise GlossdeckError([Problem(file, exc.lineno, exc.colno, "", f"invalid JSON: {exc.msg}")]) from None
    if isinstance(data, dict):
        for key in data:
            if key not in ("terms", "title", "description"):
                report.note(file, 1, Kind.UNMAPPED, f"top-level '{key}' has no place in a glossary; not kept")
        if "title" in data or "description" in data:
            report.note(
                file,
                1,
                Kind.UNMAPPED,
                "the glossary's own title and description are not kept (mkdocs.yml has the site's)",
            )
        items = data.get("terms")
    else:
        items = data
    if not isinstance(items, list):
        raise GlossdeckError([Problem(file, 1, 1, "terms", 'expected {"terms": [...]} or a list of terms')])
    # json keeps no positions: the n-th "term" key is the n-th term's line (keys cannot hide in strings)
    lines = [text.count("\n", 0, m.start()) + 1 for m in _TERM_KEY.finditer(text)]
    problems: list[Problem] = []
    terms: list[SourceTerm] = []
    for index, item in enumerate(items):
        line = lines[index] if index < len(lines) else 1
        where = f"terms[{index}]"
        if not isinstance(item, dict):
            problems.append(Problem(file, line, 1, where, f"a term is an object, not {type(item).__name__}"))
            continue
        missing = [k for k in ("term", "definition") if not isinstance(item.get(k), str) or not item[k].strip()]
        if missing:
            problems.append(Problem(file, line, 1, where, f"needs a non-empty text {' and '.join(map(repr, missing))}"))
            continue
        terms.append(_term(item, file, line, report))
    if problems:
        raise GlossdeckError(problems)
    return terms


def _term(item: dict[str, Any], file: str, line: int, report: Report) -> SourceTerm:
    title = item["term"].strip()
    paragraphs = [p.strip() for p in re.split(r"\n[ \t]*\n", item["definition"].strip()) if p.strip()]
    term = SourceTerm(
        file=file,
        line=line,
        title=title,
        keys=[k for k in (values.text(item.get("id")), title.lower().replace(" ", "-")) if k],
        aliases=[*values.text_list([item.get("abbreviation")]), *values.text_list(item.get("aliases"))],
        related=[Located(name, line) for name in values.text_list(item.get("relatedTerms"))],
        summary=Located(paragraphs[0], line),
    )
    if len(paragraphs) > 1:
        term.prose["explanation"] = Located("\n\n".join(paragraphs[1:]), line)
    for key in item:
        if key not in _USED:
            report.note_once(file, line, Kind.UNMAPPED, f"key:{key}", f"'{key}' has no place in a term; not kept")
    return term
