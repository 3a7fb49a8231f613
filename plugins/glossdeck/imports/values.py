"""Front matter and table values as the types term fields need: text lists, dates, file lists."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from ..core.loading import display_path
from ..core.problems import GlossdeckError, Problem

PAGE_SUFFIXES = (".md", ".markdown", ".mdx")


def text_list(value: Any) -> list[str]:
    """A list of non-empty strings from a list, a comma-separated string or nothing."""
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [str(v).strip() for v in value if v is not None and str(v).strip()]
    return [part.strip() for part in str(value).split(",") if part.strip()]


def text(value: Any) -> str | None:
    if value is None or isinstance(value, (list, dict)):
        return None
    return str(value).strip() or None


def date(value: Any) -> dt.date | None:
    """A date from a YAML/TOML date or datetime, or an ISO string (a time part ignored)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        match = re.match(r"\s*(\d{4}-\d{2}-\d{2})", value)
        if match:
            try:
                return dt.date.fromisoformat(match.group(1))
            except ValueError:
                return None
    return None


def truthy(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("true", "yes", "1", "on")
    return bool(value)


def page_files(source: Path) -> list[Path]:
    """The Markdown pages of a folder (recursively, sorted) or the one file given."""
    if source.is_file():
        return [source]
    if not source.is_dir():
        raise GlossdeckError([Problem(display_path(source), 1, 1, "", "no such file or folder")])
    return sorted(
        (p for p in source.rglob("*") if p.suffix.lower() in PAGE_SUFFIXES and p.is_file()),
        key=lambda p: p.relative_to(source).parts,
    )


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise GlossdeckError([Problem(display_path(path), 1, 1, "", f"cannot read: {exc.strerror or exc}")]) from None


def read_source_file(source: Path) -> bytes:
    if source.is_dir():
        raise GlossdeckError([Problem(display_path(source), 1, 1, "", "is a folder; give the file to import")])
    if not source.exists():
        raise GlossdeckError([Problem(display_path(source), 1, 1, "", "no such file")])
    return read_bytes(source)
