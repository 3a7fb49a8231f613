"""`glossdeck export-markdown`: the site's pages as plain Markdown, with links that work where they land."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

from tests.support.commands import run_cli
from tests.support.terms import default_terms, write_terms


def test_export_markdown_writes_the_same_pages_with_working_links(tmp_path: Path) -> None:
    write_terms(tmp_path / "terms", default_terms())
    result = run_cli("export-markdown", "out", "--terms", "terms", "--site-name", "Test", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = tmp_path / "out"
    for path in (
        "index.md",
        "terms/immutable-infrastructure.md",
        "categories/devops.md",
        "a-z.md",
        "tags/index.md",
        "debt.md",
        "assets/glossdeck/glossdeck.css",
    ):
        assert (out / path).is_file(), path
    page = (out / "terms/blue-green-deployment.md").read_text()
    assert page.startswith('---\ntitle: "Blue-Green Deployment"')
    assert "```mermaid\nflowchart LR\n  R[Router] -->|live| B[Blue]" in page  # a standard fence
    assert '<a class="gd-autolink" href="immutable-infrastructure.md"' in page
    for md in out.rglob("*.md"):
        for href in re.findall(r'href="([^"#]+)(?:#[^"]*)?"', md.read_text()):
            if "://" not in href:
                assert (md.parent / href).resolve().is_file(), (md, href)


def test_export_markdown_with_built_urls(tmp_path: Path) -> None:
    write_terms(tmp_path / "terms", default_terms())
    result = run_cli("export-markdown", "out", "--links", "html", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "out/terms/sql-injection.md").read_text()
    assert 'href="../debt.html#axis-d"' in page and 'href="blue-green-deployment.html"' in page


def test_export_markdown_in_another_language_with_unicode_slugs(tmp_path: Path) -> None:
    fixtures = Path(__file__).resolve().parents[2] / "fixtures" / "i18n" / "zh"
    result = run_cli("export-markdown", "out", "--terms", str(fixtures), "--language", "zh", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = tmp_path / "out"
    page = (out / "terms" / "容器.md").read_text(encoding="utf-8")
    assert "← 返回术语表" in page and "## 一句话概括" in page and "TL;DR" not in page
    for md in out.rglob("*.md"):  # percent-encoded links to Unicode file names resolve
        for href in re.findall(r'href="([^"#]+)(?:#[^"]*)?"', md.read_text(encoding="utf-8")):
            if "://" not in href:
                assert (md.parent / unquote(href)).resolve().is_file(), (md, href)


def test_export_markdown_leaves_out_the_assets_of_features_not_configured(tmp_path: Path) -> None:
    write_terms(tmp_path / "terms", default_terms())
    result = run_cli("export-markdown", "out", "--terms", "terms", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assets = tmp_path / "out" / "assets" / "glossdeck"
    assert (assets / "glossdeck.css").is_file() and (assets / "glossdeck-embed.js").is_file()
    # no stats database or ratings service in an export: Views and Rate this term show nothing
    assert not (assets / "glossdeck-stats.js").exists() and not (assets / "glossdeck-stats.css").exists()
