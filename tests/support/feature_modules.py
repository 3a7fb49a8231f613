"""A feature module written for one test: importable while the test runs, then forgotten (its
feature off the registry, the module out of sys.modules)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def feature_module(folder: Path, name: str, source: str) -> Iterator[str]:
    """Yields the module's name, importable from `folder`."""
    from glossdeck.features import FEATURES

    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.py").write_text(source, encoding="utf-8")
    sys.path.insert(0, str(folder))
    before = list(FEATURES)
    try:
        yield name
    finally:
        FEATURES[:] = before
        sys.path.remove(str(folder))
        sys.modules.pop(name, None)
