"""What every format reads its entries into, before slugs, links and sections are worked out."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Located:
    """Source text and the line (1-based) of its first character in `SourceTerm.file`."""

    text: str
    line: int


@dataclass
class SourceTerm:
    file: str  # the source file as shown in messages
    line: int  # where the entry starts in it
    title: str
    # how other entries of the same source refer to this one: file stem, id, Hugo slug or alias path,
    # Docusaurus id; the title is always one
    keys: list[str] = field(default_factory=list)
    category: str | None = None
    tags: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    level: str | None = None
    added: dt.date | None = None
    edited: dt.date | None = None
    sources: list[dict[str, str]] = field(default_factory=list)
    related: list[Located] = field(default_factory=list)  # names or keys as the source wrote them
    prerequisites: list[Located] = field(default_factory=list)
    summary: Located | None = None  # a TL;DR the source keeps apart from the body (description, ...)
    body: Located | None = None  # a Markdown page whose headings sections.py maps to blocks
    prose: dict[str, Located] = field(default_factory=dict)  # prose fields given one by one (JSON, CSV)
    mistakes: list[Located] = field(default_factory=list)
    misconception: dict[str, Located] | None = None  # belief and correction given apart (CSV)
    slug: str | None = None  # an explicit slug (CSV `slug=` column); else from the title
