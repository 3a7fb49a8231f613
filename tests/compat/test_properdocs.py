"""glossdeck under ProperDocs (the maintained fork of MkDocs 1.6) and with the MaterialX theme
(issue 12, item 5): real `properdocs build --strict` and `properdocs serve` runs, side by side with
MkDocs 1.6 (the rest of the suite), on a small test site and on this repository's own site.

MaterialX installs into Material's package folder (`material/`), so it cannot share a virtualenv
with mkdocs-material: its test builds in a virtualenv of its own (GLOSSDECK_MATERIALX_VENV, or one
made once per test session).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import time
import urllib.error
import urllib.request
import venv
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.compat import (
    DIAGRAM_SLUG,
    REPO,
    TERMS,
    browser_page,
    diagram_svg_text,
    require,
    require_vendor,
    run,
    served,
    tool,
    tool_env,
    write_project,
)
from tests.support.local_server import free_port

MATERIALX = "mkdocs-materialx==10.2.2"

# The way this repository's site is set up: Material, mermaid2 serving the site's own Mermaid,
# the learning feature.
FULL_SITE = """\
site_name: ProperDocs test glossary
site_url: http://127.0.0.1:8000/
theme:
  name: {theme}
  font: false
plugins:
  - search
  - glossdeck:
      features: [glossdeck.learning]
  - mermaid2:
      javascript: assets/glossdeck/mermaid.mjs
      arguments: {{securityLevel: strict}}
markdown_extensions:
  - attr_list
  - md_in_html
  - pymdownx.superfences:
      custom_fences:
        - name: mermaid
          class: mermaid
          format: !!python/name:mermaid2.fence_mermaid_custom
"""
# What a site that just added glossdeck has (see test_existing_mkdocs_site.py).
MINIMAL_SITE = """\
site_name: MaterialX test glossary
site_url: http://127.0.0.1:8000/
theme:
  name: {theme}
  font: false
plugins:
  - search
  - glossdeck
"""


def assert_glossary_built(site: Path) -> None:
    """Every term has its page; the diagram and the quiz are in the term page's markup."""
    for name in TERMS:
        assert (site / "terms" / Path(name).stem / "index.html").is_file(), name
    page = (site / "terms" / DIAGRAM_SLUG / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<pre class="mermaid"[^>]*><code>flowchart LR', page), "no diagram markup"
    assert 'data-gd-widget="term-quiz"' in page, "no quiz on the term page"
    for index in ("a-z", "categories", "debt", "learn/quiz"):
        assert (site / index / "index.html").is_file(), index
    assert (site / "assets" / "glossdeck" / "vendor" / "mermaid" / "mermaid.esm.min.mjs").is_file()
    assert list((site / "learn" / "data").glob("*.json")), "the learning data files are missing"


def properdocs_build(root: Path, config_text: str) -> subprocess.CompletedProcess[str]:
    require_vendor()
    write_project(root, "properdocs.yml", config_text)
    return run([tool("properdocs"), "build", "--strict"], root)


def test_properdocs_build_strict_builds_the_glossary(tmp_path: Path) -> None:
    result = properdocs_build(tmp_path, FULL_SITE.format(theme="material"))
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr and "ERROR" not in result.stderr, result.stderr
    assert_glossary_built(tmp_path / "site")
    generator = re.search(r"<meta[^>]*generator[^>]*>", (tmp_path / "site/index.html").read_text())
    assert generator and "ProperDocs" in generator.group(0)  # really built by ProperDocs


def test_properdocs_strict_fails_on_a_term_warning_like_mkdocs(tmp_path: Path) -> None:
    write_project(tmp_path, "properdocs.yml", FULL_SITE.format(theme="material"))
    (tmp_path / "terms" / "sql-injection.yml").write_text(
        TERMS["sql-injection.yml"] + "related: [not-written-yet]\n", encoding="utf-8"
    )
    result = run([tool("properdocs"), "build", "--strict"], tmp_path)
    assert result.returncode != 0
    assert re.search(r"terms/sql-injection\.yml:\d+:\d+", result.stderr), result.stderr


def test_properdocs_builds_this_repository_like_mkdocs(tmp_path: Path) -> None:
    require_vendor()
    for part in ("docs", "terms", "schema"):
        shutil.copytree(REPO / part, tmp_path / part)
    shutil.copyfile(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    result = run([tool("properdocs"), "build", "--strict", "-f", "mkdocs.yml"], tmp_path, timeout=600)
    assert result.returncode == 0, result.stderr[-4000:]
    terms = sorted(p.stem for p in (REPO / "terms").glob("*.yml") if not p.name.startswith("_"))
    built = sorted(p.parent.name for p in (tmp_path / "site" / "terms").glob("*/index.html"))
    assert built == terms


def _fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def test_properdocs_serve_serves_term_pages(tmp_path: Path) -> None:
    require_vendor()
    port = free_port()
    write_project(
        tmp_path,
        "properdocs.yml",
        FULL_SITE.format(theme="material").replace("http://127.0.0.1:8000/", f"http://127.0.0.1:{port}/"),
    )
    server = subprocess.Popen(
        [tool("properdocs"), "serve", "--no-livereload", "-a", f"127.0.0.1:{port}"],
        cwd=tmp_path,
        env=tool_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        url = f"http://127.0.0.1:{port}/terms/{DIAGRAM_SLUG}/"
        deadline, page = time.monotonic() + 120, None
        while time.monotonic() < deadline and server.poll() is None:
            try:
                page = _fetch(url)
                break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.5)
        assert page is not None, f"properdocs serve never served {url}"
        assert "Blue-Green Deployment" in page and 'class="mermaid"' in page
        assert 'data-gd-widget="term-quiz"' in page
        quiz = json.loads(_fetch(f"http://127.0.0.1:{port}/learn/data/quiz.json"))  # a feature's file, served
        assert quiz
    finally:
        server.terminate()
        try:
            output, _ = server.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            output, _ = server.communicate()
    assert "ERROR" not in output and "Traceback" not in output, output[-4000:]


# --- MaterialX ----------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def materialx_python(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A Python with MaterialX, ProperDocs and glossdeck (its code from this checkout, via PYTHONPATH;
    installed without dependencies so mkdocs-material never overwrites MaterialX's `material/`)."""
    given = os.environ.get("GLOSSDECK_MATERIALX_VENV")
    if given:
        yield Path(given) / "bin" / "python"
        return
    folder = tmp_path_factory.mktemp("materialx-venv")
    venv.create(folder, with_pip=True)
    python = folder / "bin" / "python"
    copy = tmp_path_factory.mktemp("glossdeck-copy")
    # what a build of the package reads: its metadata, the in-tree build backend and the file list it
    # checks the vendored files against (scripts/vendor-assets.mjs)
    for part in ("pyproject.toml", "README.md", "MANIFEST.in", "package.json", "package-lock.json"):
        shutil.copyfile(REPO / part, copy / part)
    (copy / "scripts").mkdir()
    shutil.copyfile(REPO / "scripts" / "vendor-assets.mjs", copy / "scripts" / "vendor-assets.mjs")
    shutil.copytree(REPO / "build_backend", copy / "build_backend", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(REPO / "plugins", copy / "plugins", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    # glossdeck's own dependencies except Material and mermaid2 (this site uses neither)
    install = subprocess.run(
        [
            str(python),
            "-m",
            "pip",
            "install",
            "-q",
            MATERIALX,
            "properdocs==1.6.7",
            "pyyaml>=6.0",
            "pydantic>=2.6,<3",
            "markdown>=3.5",
            "pymdown-extensions>=10.0",
            "jinja2>=3.1",
            "pyahocorasick>=2.0",
            "resvg-py>=0.5,<0.6",
            "rdflib>=7.1,<8",
            "genanki>=0.13.1,<0.14",
            "babel>=2.12",
            "pyuca>=1.2",
            "pypinyin>=0.50",
            "uniseg>=0.10",
        ],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    require(install.returncode == 0, f"{MATERIALX} ({install.stderr.strip()[-500:]})")
    own = subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--no-deps", str(copy)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert own.returncode == 0, own.stderr
    yield python


@pytest.mark.browser
def test_materialx_theme_is_treated_like_material(tmp_path: Path, materialx_python: Path) -> None:
    require_vendor()
    write_project(tmp_path, "properdocs.yml", MINIMAL_SITE.format(theme="materialx"))
    properdocs = materialx_python.with_name("properdocs")
    result = run([str(properdocs), "build", "--strict"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    assert "glossdeck: add to mkdocs.yml" not in result.stderr  # materialx counts as Material
    site = tmp_path / "site"
    assert "mkdocs-materialx" in (site / "index.html").read_text(encoding="utf-8")
    for name in TERMS:
        assert (site / "terms" / Path(name).stem / "index.html").is_file(), name
    with served(site) as base, browser_page(base) as (page, watch):
        page.goto(base + f"terms/{DIAGRAM_SLUG}/")
        assert "Router" in diagram_svg_text(page)
        page.wait_for_load_state("networkidle")
        assert watch.outside == []
        assert not watch.errors, watch.errors
