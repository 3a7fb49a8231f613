"""Compiled theme templates kept between `mkdocs serve` rebuilds.

MkDocs makes a new Jinja environment for every rebuild, so the theme's templates (Material's are
dozens of files) are parsed and compiled again each time: most of a small rebuild's time. Jinja's
bytecode cache keeps each compiled template with a checksum of its source, and compiles again
when the source changed, so reusing it never changes a page.
"""

from __future__ import annotations

import jinja2


class CompiledTemplates(jinja2.BytecodeCache):
    """Jinja bytecode by template, in memory (one `mkdocs serve` session, kept by the plugin's memo)."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        found = self._code.get(bucket.key)
        if found is not None:
            bucket.bytecode_from_string(found)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self._code.clear()

    def __len__(self) -> int:
        return len(self._code)
