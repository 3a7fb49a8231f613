"""What the browser tests share: one Chromium per test module."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, sync_playwright

from tests.support.browser import launch_chromium


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        launched = launch_chromium(p)  # skips (fails in CI) without Chromium, before building the site
        yield launched
        launched.close()
