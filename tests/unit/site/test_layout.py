"""Layout: page URLs and the relative links between pages."""

from __future__ import annotations

import pytest

from glossdeck.site.layout import Layout


@pytest.mark.parametrize("directory_urls,expected", [(True, "../../debt/#axis-d"), (False, "../debt.html#axis-d")])
def test_layout_links_are_relative(directory_urls: bool, expected: str) -> None:
    layout = Layout.create("x", "https://example.org/sub/", directory_urls)
    assert layout.href(layout.term("a"), layout.debt, "axis-d") == expected
    assert layout.absolute(layout.term("a")).startswith("https://example.org/sub/terms/a")  # type: ignore[union-attr]
