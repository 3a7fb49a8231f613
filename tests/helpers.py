"""Small builders for term files used across tests."""

from __future__ import annotations

import textwrap
from pathlib import Path

MINIMAL = """\
title: {title}
category: {category}
tldr: {tldr}
"""


def write_term(folder: Path, slug: str, body: str | None = None, *, title: str | None = None,
               category: str = "testing", extra: str = "") -> Path:
    """Write terms/<slug>.yml; `body` replaces the whole file when given."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{slug}.yml"
    if body is None:
        body = MINIMAL.format(title=title or slug.replace("-", " ").title(), category=category,
                              tldr=f"What {slug} means.") + textwrap.dedent(extra)
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path
