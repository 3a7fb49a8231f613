"""A dozen small but complete terms (and a curated path) written into a temporary folder, and a
real MkDocs site built from them: what the learning tests run against. Nothing here assumes the
repository's own terms."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
VENDOR = REPO / "plugins" / "glossdeck" / "assets" / "vendor"

HOSTILE_TITLE = 'Hostile </script><img src=x onerror="window.__pwned=1"> & Co'

# slug: (title, category, level, debt, prerequisites, related)
TERMS: dict[str, tuple[str, str, str, str, list[str], list[str]]] = {
    "sql-injection": ("SQL Injection", "security", "beginner", "debt(d4/e3/b2/t5)", [], ["prepared-statements"]),
    "prepared-statements": ("Prepared Statements", "security", "intermediate", "debt(d3/e2/b1/t3)",
                            ["sql-injection"], []),
    "cross-site-scripting": ("Cross-Site Scripting (XSS)", "security", "beginner", "debt(d5/e3/b2/t6)", [],
                             ["output-escaping"]),
    "output-escaping": ("Output Escaping", "security", "advanced", "debt(d6/e4/b3/t7)", ["cross-site-scripting"], []),
    "type-juggling": ("Type Juggling", "language", "beginner", "debt(d7/e4/b2/t9)", [], ["strict-types"]),
    "strict-types": ("Strict Types", "language", "intermediate", "debt(d2/e2/b3/t2)", ["type-juggling"], []),
    "null-handling": ("Null Handling", "language", "advanced", "debt(d6/e3/b4/t6)", ["type-juggling"], []),
    "floating-point": ("Floating-Point Precision", "language", "beginner", "debt(d8/e5/b2/t8)", [], []),
    "immutable-infrastructure": ("Immutable Infrastructure", "devops", "intermediate", "debt(d7/e9/b9/t5)",
                                 ["configuration-drift"], ["blue-green-deployment"]),
    "configuration-drift": ("Configuration Drift", "devops", "beginner", "debt(d8/e6/b7/t4)", [], []),
    "blue-green-deployment": ("Blue-Green Deployment", "devops", "advanced", "debt(d1/e1/b0/t1)",
                              ["immutable-infrastructure"], []),
    "hostile-term": (HOSTILE_TITLE, "devops", "beginner", "debt(d2/e2/b2/t2)", [], ["configuration-drift"]),
}

PATHS_YAML = """\
paths:
  - id: web-security-basics
    title: Web security basics
    description: Start here if you write web code.
    terms: [sql-injection, prepared-statements, cross-site-scripting, output-escaping]
"""


def _term_yaml(slug: str) -> str:
    title, category, level, debt, prereqs, related = TERMS[slug]
    doc: dict[str, Any] = {
        "title": title,
        "category": category,
        "level": level,
        "tags": ["web"] if category == "security" else [category, "basics"],
        "tldr": f"{title} in one line: the {slug.replace('-', ' ')} idea, told briefly for {category} readers.",
        "explanation": f"A longer explanation of {title}. It matters in everyday code.",
        "misconception": {
            "belief": f"{title} only matters for large teams.",
            "correction": f"{title} matters in every codebase, whatever its size or age.",
        },
        "mistakes": ["Ignoring it.", "Fixing it halfway."],
        "code_examples": [
            {"kind": "vulnerable", "language": "php", "code": f"<?php echo $_GET['{slug}']; // unsafe\n"},
            {"kind": "fixed", "language": "php", "code": f"<?php echo htmlspecialchars($_GET['{slug}']);\n"},
        ],
        "debt": {"score": debt, "rationale": {a: f"Rationale for axis {a} of {title}." for a in "debt"}},
        "prerequisites": prereqs,
        "related": related,
        "added": "2026-01-10",
    }
    if slug == "sql-injection":
        doc["quiz"] = [
            {"question": "Which PHP API offers prepared statements?", "correct": "PDO",
             "wrong": ["mysql_query", "eval"], "explanation": "PDO and mysqli both do; PDO is the portable one.",
             "see": "explanation"},
            {"question": "Escaping quotes by hand is a complete defence.", "answer": False,
             "explanation": "Character sets and numeric contexts defeat hand-made escaping."},
        ]
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"  # JSON is YAML


def write_terms(folder: Path, slugs: list[str] | None = None, *, with_paths: bool = True) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for slug in slugs or list(TERMS):
        (folder / f"{slug}.yml").write_text(_term_yaml(slug), encoding="utf-8")
    if with_paths:
        (folder / "_paths.yml").write_text(PATHS_YAML, encoding="utf-8")
    return folder


MKDOCS_YML = """\
site_name: Learning test glossary
use_directory_urls: {directory_urls}
theme:
  name: material
  font: false
  palette:
    - scheme: default
      toggle: {{icon: material/weather-night, name: Switch to dark mode}}
    - scheme: slate
      toggle: {{icon: material/weather-sunny, name: Switch to light mode}}
  features: [navigation.instant]
plugins:
  - search
  - glossdeck:
      terms_dir: terms
      features: [glossdeck.learning]
      # these sites have no site_url (served on a random port); cards need one, and are tested apart
      disabled_features: [embeds]
  - mermaid2:
      javascript: assets/glossdeck/vendor/mermaid.min.js
      arguments:
        securityLevel: strict
markdown_extensions:
  - attr_list
  - md_in_html
  - toc:
      permalink: true
  - pymdownx.highlight
  - pymdownx.superfences:
      custom_fences:
        - name: mermaid
          class: mermaid
          format: !!python/name:mermaid2.fence_mermaid_custom
"""


def vendor_ready() -> bool:
    return all((VENDOR / name).is_file() for name in
               ("mermaid.min.js", "d3-force.min.js", "d3-quadtree.min.js", "d3-dispatch.min.js", "d3-timer.min.js"))


def ensure_vendor() -> None:
    """The vendored browser libraries come from `npm ci`; build them once if node_modules has them."""
    if vendor_ready():
        return
    if shutil.which("node") and (REPO / "node_modules").is_dir():
        subprocess.run(["node", "scripts/vendor-assets.mjs"], cwd=REPO, check=True, capture_output=True)
    if not vendor_ready():
        raise RuntimeError("vendored front-end libraries are missing: run `npm ci` in the repository")


def build_site(root: Path, *, directory_urls: bool = True) -> Path:
    """Write a project (terms, docs, mkdocs.yml) under `root`, build it strictly, return the site folder."""
    ensure_vendor()
    write_terms(root / "terms")
    (root / "docs").mkdir(parents=True, exist_ok=True)
    (root / "docs" / "index.md").write_text("# Test glossary\n\nA site for the learning tests.\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(MKDOCS_YML.format(directory_urls=str(directory_urls).lower()), encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(root / "site")],
                            cwd=root, capture_output=True, text=True, env=env, timeout=240)
    if result.returncode != 0:
        raise AssertionError(f"mkdocs build failed:\n{result.stdout[-3000:]}\n{result.stderr[-6000:]}")
    return root / "site"
