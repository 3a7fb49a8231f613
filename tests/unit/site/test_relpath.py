"""The relative-link shortcut gives exactly what posixpath gives."""

from __future__ import annotations

import posixpath

from hypothesis import given, settings
from hypothesis import strategies as st

from glossdeck.site.layout import relpath

PATH_PARTS = st.sampled_from(["a", "b", "terms", "index.html", "x.md", ".", ""])


@settings(max_examples=3000, deadline=None)
@given(st.lists(PATH_PARTS, max_size=5).map("/".join), st.lists(PATH_PARTS, max_size=5).map("/".join))
def test_relpath_matches_posixpath(target: str, base: str) -> None:
    target, base = target or ".", base or "."
    assert relpath(target, base) == posixpath.relpath(target, base)
