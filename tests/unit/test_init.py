"""`glossdeck init`: the project it writes validates and builds strictly, and it never overwrites."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import yaml

REPO = Path(__file__).resolve().parents[2]
EXPECTED = {
    "mkdocs.yml",
    "requirements.txt",
    "docs/index.md",
    "terms/idempotency.yml",
    ".gitignore",
    ".github/workflows/glossary.yml",
    ".gitlab-ci.yml",
    "schema/term.schema.json",
}


def _glossdeck(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO / "plugins")}
    return subprocess.run(
        [sys.executable, "-m", "glossdeck", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )


def _files(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


def test_init_writes_a_project_that_validates_and_builds_strictly(tmp_path: Path) -> None:
    project = tmp_path / "team-notes"
    result = _glossdeck("init", str(project), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert _files(project) == EXPECTED
    assert "mkdocs serve" in result.stderr

    term = (project / "terms" / "idempotency.yml").read_text(encoding="utf-8")
    modeline = term.splitlines()[0]
    assert modeline == "# yaml-language-server: $schema=../schema/term.schema.json"
    schema = json.loads((project / "schema" / "term.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(yaml.safe_load(term), schema)  # the modeline's schema accepts the example

    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert 'site_name: "Team Notes glossary"' in config
    assert "font: false" in config and "javascript: assets/glossdeck/mermaid.mjs" in config
    assert "://" not in "".join(
        line.split("#")[0] for line in config.splitlines() if "GLOSSDECK_SITE_URL" not in line
    ), "nothing from another host"
    workflow = yaml.safe_load((project / ".github" / "workflows" / "glossary.yml").read_text(encoding="utf-8"))
    steps = [step.get("run", "") for step in workflow["jobs"]["build"]["steps"]]
    assert "glossdeck validate --strict --format github terms/" in steps and "mkdocs build --strict" in steps
    gitlab = yaml.safe_load((project / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    assert "mkdocs build --strict" in gitlab["glossary"]["script"]
    assert gitlab["glossary"]["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"

    validate = _glossdeck("validate", "--strict", "terms/", cwd=project)
    assert validate.returncode == 0, validate.stderr
    env = {**os.environ, "PYTHONPATH": str(REPO / "plugins"), "NO_MKDOCS_2_WARNING": "1"}
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert build.returncode == 0, build.stderr
    page = (project / "site" / "terms" / "idempotency" / "index.html").read_text(encoding="utf-8")
    # the diagram as HTML; glossdeck.js loads the served Mermaid for it (the install test draws it)
    assert "assets/glossdeck/glossdeck.js" in page and '<pre class="mermaid" data-gd-diagram>' in page
    assert (project / "site" / "learn" / "graph" / "index.html").is_file()


def test_init_lists_every_existing_file_and_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: mine\n", encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# mine\n", encoding="utf-8")
    (tmp_path / ".gitignore").write_text("x\n", encoding="utf-8")
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}

    result = _glossdeck("init", cwd=tmp_path)
    assert result.returncode == 1
    listed = {line.strip() for line in result.stderr.splitlines()[1:]}
    assert listed == {"mkdocs.yml", "docs/index.md", ".gitignore"}
    assert "nothing was written" in result.stderr
    assert {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()} == before


def test_a_file_where_init_needs_a_folder_blocks_it(tmp_path: Path) -> None:
    (tmp_path / "terms").write_text("not a folder\n", encoding="utf-8")
    result = _glossdeck("init", cwd=tmp_path)
    assert result.returncode == 1
    assert "terms" in result.stderr and "Traceback" not in result.stderr
    assert _files(tmp_path) == {"terms"}


def test_init_refuses_a_target_that_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "notes").write_text("", encoding="utf-8")
    result = _glossdeck("init", "notes", cwd=tmp_path)
    assert result.returncode == 1
    assert "is not a folder" in result.stderr and "Traceback" not in result.stderr
