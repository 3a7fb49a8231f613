"""Each import format's fixture imported with `glossdeck import`, checked with `glossdeck validate
--strict` and built into a real site (strict MkDocs build) with no broken link.

The YAML must hold term links (`[[slug]]`) between the imported terms, and the built pages real
links to those terms' pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.support.imports import SOURCES, glossdeck, import_fixture
from tests.support.linkcheck import check_links
from tests.support.sites import build_project, write_project

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

# format -> (a term file, the term link it must hold, the term page that shows it, its target's slug)
EXPECTED = {
    "hugo": ("cluster", "[[immutable-infrastructure]]", "immutable-infrastructure"),
    "hugo-zh": ("cluster", "[[container]]", "container"),
    "kubernetes": ("cluster", "[[node|nodes]]", "node"),
    "docusaurus": ("api", "[[rest]]", "rest"),
    "csv": ("idempotency", "[[retry|retries]]", "retry"),
}
TERM_COUNTS = {"hugo": 5, "hugo-zh": 3, "kubernetes": 6, "docusaurus": 4, "abbreviations": 5, "csv": 3}


@pytest.mark.parametrize("fmt", list(SOURCES))
def test_import_validates_and_builds_with_no_broken_link(fmt: str, tmp_path: Path) -> None:
    root = write_project(tmp_path, terms={}, docs={"index.md": "# Imported glossary\n"})
    imported = import_fixture(fmt, root)
    assert imported.code == 0, imported.err
    assert "Traceback" not in imported.err
    files = sorted((root / "terms").glob("*.yml"))
    assert len(files) == TERM_COUNTS[fmt], [f.name for f in files]
    for file in files:
        assert file.read_text(encoding="utf-8").startswith(
            "# yaml-language-server: $schema=../schema/term.schema.json\n"
        )

    validated = glossdeck(root, "validate", "--strict", "terms")
    assert validated.code == 0, validated.err + validated.out
    assert f"{len(files)} term(s) checked: 0 error(s), 0 warning(s)" in validated.out

    built = build_project(root)
    assert built.ok, (built.error, built.warnings())
    assert built.warnings() == []
    assert check_links(built.site_dir) == []
    for file in files:
        assert (built.site_dir / "terms" / file.stem / "index.html").is_file()

    if fmt in EXPECTED:
        slug, term_link, target = EXPECTED[fmt]
        assert term_link in (root / "terms" / f"{slug}.yml").read_text(encoding="utf-8")
        page = built.page(f"terms/{slug}/")
        assert re.search(rf'<a class="gd-termlink" href="\.\./{re.escape(target)}/">', page), (
            f"no term link to {target}"
        )
        assert "[[" not in page  # every term link was resolved


def test_import_into_a_project_made_by_glossdeck_init(tmp_path: Path) -> None:
    """A team's path: `glossdeck init`, import their glossary beside the example term, validate, build."""
    project = tmp_path / "team"
    assert glossdeck(tmp_path, "init", str(project)).code == 0
    imported = import_fixture("kubernetes", project)
    assert imported.code == 0, imported.err
    assert (project / "terms" / "idempotency.yml").is_file() and (project / "terms" / "node.yml").is_file()
    validated = glossdeck(project, "validate", "--strict", "terms")
    assert validated.code == 0, validated.err
    assert "7 term(s) checked: 0 error(s), 0 warning(s)" in validated.out
    built = build_project(project)
    assert built.ok and built.warnings() == [], (built.error, built.warnings())
    assert check_links(built.site_dir) == []
    assert (built.site_dir / "terms" / "cri-o" / "index.html").is_file()
    page = built.page("terms/cluster/")
    assert '<a class="gd-termlink" href="../node/">nodes</a>' in page
