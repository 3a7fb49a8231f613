"""glossdeck added to an existing MkDocs site as `- glossdeck` and nothing else (issue 12, item 3).

The site configures no Mermaid fence and no mermaid2 plugin: `mkdocs build --strict` must pass,
term pages must carry the diagram's HTML themselves, and Chromium must draw it as SVG from the copy
of Mermaid the site serves. What glossdeck cannot supply is named in one message.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.support.compat import (
    DIAGRAM_SLUG,
    browser_page,
    diagram_svg_text,
    require_vendor,
    run,
    served,
    tool,
    write_project,
)

MINIMAL = """\
site_name: An existing site
theme:
  name: {theme}
{theme_extra}
plugins:
  - search
  - glossdeck
"""
SETUP_MESSAGE = re.compile(r"INFO\s+-\s+glossdeck: add to mkdocs\.yml (.*)")


def build(root: Path, theme: str = "material", theme_extra: str = "", top: str = "") -> str:
    require_vendor()
    write_project(root, "mkdocs.yml", top + MINIMAL.format(theme=theme, theme_extra=theme_extra))
    result = run([tool("mkdocs"), "build", "--strict"], root)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr and "ERROR" not in result.stderr, result.stderr
    return result.stderr


def test_only_dash_glossdeck_builds_strict_with_one_message(tmp_path: Path) -> None:
    log = build(tmp_path)
    messages = SETUP_MESSAGE.findall(log)
    assert len(messages) == 1, log  # one message naming all that is missing
    assert "`font: false` under `theme:`" in messages[0] and "`site_url:" in messages[0]
    page = (tmp_path / "site" / "terms" / DIAGRAM_SLUG / "index.html").read_text(encoding="utf-8")
    block = re.search(r'<pre class="mermaid" data-gd-diagram><code>(.*?)</code></pre>', page, re.DOTALL)
    assert block, "the diagram is not written as Mermaid's HTML"
    source = block.group(1)
    assert "flowchart LR" in source and "--&gt;|live|" in source  # HTML-escaped, not highlighted code
    assert "<b>" not in source and "#60;b#62;" in source  # tags from YAML stay text
    assert "language-mermaid" not in page  # not shown as code


def test_the_settings_the_message_names_silence_it(tmp_path: Path) -> None:
    log = build(tmp_path, theme_extra="  font: false", top="site_url: https://example.org/docs/\n")
    assert not SETUP_MESSAGE.search(log), log


@pytest.mark.browser
def test_chromium_draws_the_diagram_with_the_served_mermaid(tmp_path: Path) -> None:
    build(tmp_path)
    with served(tmp_path / "site") as base, browser_page(base) as (page, watch):
        page.goto(base + f"terms/{DIAGRAM_SLUG}/")
        text = diagram_svg_text(page)
        assert "Router" in text and "Blue" in text and "tags" in text
        assert page.locator("pre.mermaid code").count() == 0  # Material replaced the source by the drawing
        # the only requests to other hosts are the theme's Google Fonts, which the message names
        assert all(re.match(r"https://fonts\.(googleapis|gstatic)\.com/", url) for url in watch.outside), watch.outside
        # (the aborted font request is logged as a failed resource; nothing else may fail)
        assert len(watch.errors) <= len(watch.outside) and all("ERR_FAILED" in e for e in watch.errors), watch.errors


@pytest.mark.browser
@pytest.mark.parametrize(
    "theme,theme_extra",
    [("material", "  font: false"), ("mkdocs", "  highlightjs: false")],
    ids=["material-offline", "mkdocs-theme"],
)
def test_with_the_named_settings_no_request_leaves_the_site(tmp_path: Path, theme: str, theme_extra: str) -> None:
    # the MkDocs theme draws no Mermaid itself: glossdeck.js draws the diagrams glossdeck wrote
    # (its one setup message names `theme: name: material`; the pages still work)
    build(tmp_path, theme=theme, theme_extra=theme_extra)
    with served(tmp_path / "site") as base, browser_page(base) as (page, watch):
        page.goto(base + f"terms/{DIAGRAM_SLUG}/")
        assert "Router" in diagram_svg_text(page)
        page.wait_for_load_state("networkidle")
        assert watch.outside == []
        assert not watch.errors, watch.errors
