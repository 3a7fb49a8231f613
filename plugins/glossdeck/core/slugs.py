"""Slugs in any script: the names of term files, categories and tags, and so of pages and URLs.

A slug is text in Unicode Normalization Form C, case-folded, made of letters, combining marks and
digits of any script, with single hyphens between runs: `sql-injection`, `übung`, `容器`,
`کنٹینر`. NFC and case folding make one spelling per name, so `Übung.yml` and a decomposed
`übung.yml` (as macOS writes file names) name the same term. URLs percent-encode slugs
(`site/layout.py`); the file system and YAML keep them as they are.
"""

from __future__ import annotations

import unicodedata

MAX_SLUG_LENGTH = 120

# For editors (JSON Schema, ECMAScript regex without the `u` flag, where \p{L} is not available):
# no ASCII space, punctuation, control character or capital, no leading, trailing or doubled hyphen.
# Looser than `is_slug` (a capital Ü passes here); glossdeck itself checks with `is_slug`.
SCHEMA_PATTERN = r"^[^\x00-,./:-`{-\x7f\s]+(?:-[^\x00-,./:-`{-\x7f\s]+)*$"


def canonical(text: str) -> str:
    """NFC, case-folded, NFC again (folding can decompose): the one spelling a slug has."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", text).casefold())


def _slug_char(char: str) -> bool:
    return unicodedata.category(char)[0] in "LMN"


def is_slug(text: str) -> bool:
    """Letters, marks and digits of any script in single-hyphen-separated runs, in canonical form."""
    if not text or len(text) > MAX_SLUG_LENGTH or text != canonical(text):
        return False
    for run in text.split("-"):
        if not run or not all(_slug_char(c) for c in run) or unicodedata.category(run[0])[0] == "M":
            return False
    return True


def slugify(text: str) -> str:
    """A slug made from any text (a title, a bad file name): canonical form, every run of other
    characters (spaces, punctuation, symbols) one hyphen; "" when the text has no letter or digit."""
    out: list[str] = []
    gap = False
    for char in canonical(text):
        if unicodedata.category(char) == "Cf":
            continue  # zero-width joiners and non-joiners shape a word; they don't split it
        if _slug_char(char) and not (unicodedata.category(char)[0] == "M" and not out):
            if gap and out:
                out.append("-")
            out.append(char)
            gap = False
        else:
            gap = True
    return "".join(out)[:MAX_SLUG_LENGTH].strip("-")


def slug_problem(value: str) -> str | None:
    """Why `value` is not a slug, with the slug it could be; None when it is one."""
    if is_slug(value):
        return None
    suggestion = slugify(value)
    shown = value if len(value) <= 60 else value[:57] + "..."
    message = (
        f"{shown!r} is not a slug: use lowercase letters (any script), digits and single hyphens"
        if len(value) <= MAX_SLUG_LENGTH
        else f"{shown!r} is longer than {MAX_SLUG_LENGTH} characters"
    )
    return message + (f", e.g. '{suggestion}'" if suggestion and suggestion != value else "")
