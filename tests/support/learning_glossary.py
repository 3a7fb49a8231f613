"""A dozen small but complete terms and a curated path, written into a temporary folder: what the
learning tests run against (`sites.build_learning_site` builds a site from them). Nothing here
assumes the repository's own terms."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .terms import write_terms

HOSTILE_TITLE = 'Hostile </script><img src=x onerror="window.__pwned=1"> & Co'

# slug: (title, category, level, debt, prerequisites, related)
TERMS: dict[str, tuple[str, str, str, str, list[str], list[str]]] = {
    "sql-injection": ("SQL Injection", "security", "beginner", "debt(d4/e3/b2/t5)", [], ["prepared-statements"]),
    "prepared-statements": (
        "Prepared Statements",
        "security",
        "intermediate",
        "debt(d3/e2/b1/t3)",
        ["sql-injection"],
        [],
    ),
    "cross-site-scripting": (
        "Cross-Site Scripting (XSS)",
        "security",
        "beginner",
        "debt(d5/e3/b2/t6)",
        [],
        ["output-escaping"],
    ),
    "output-escaping": ("Output Escaping", "security", "advanced", "debt(d6/e4/b3/t7)", ["cross-site-scripting"], []),
    "type-juggling": ("Type Juggling", "language", "beginner", "debt(d7/e4/b2/t9)", [], ["strict-types"]),
    "strict-types": ("Strict Types", "language", "intermediate", "debt(d2/e2/b3/t2)", ["type-juggling"], []),
    "null-handling": ("Null Handling", "language", "advanced", "debt(d6/e3/b4/t6)", ["type-juggling"], []),
    "floating-point": ("Floating-Point Precision", "language", "beginner", "debt(d8/e5/b2/t8)", [], []),
    "immutable-infrastructure": (
        "Immutable Infrastructure",
        "devops",
        "intermediate",
        "debt(d7/e9/b9/t5)",
        ["configuration-drift"],
        ["blue-green-deployment"],
    ),
    "configuration-drift": ("Configuration Drift", "devops", "beginner", "debt(d8/e6/b7/t4)", [], []),
    "blue-green-deployment": (
        "Blue-Green Deployment",
        "devops",
        "advanced",
        "debt(d1/e1/b0/t1)",
        ["immutable-infrastructure"],
        [],
    ),
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
            {
                "question": "Which PHP API offers prepared statements?",
                "correct": "PDO",
                "wrong": ["mysql_query", "eval"],
                "explanation": "PDO and mysqli both do; PDO is the portable one.",
                "see": "explanation",
            },
            {
                "question": "Escaping quotes by hand is a complete defence.",
                "answer": False,
                "explanation": "Character sets and numeric contexts defeat hand-made escaping.",
            },
        ]
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"  # JSON is YAML


def learning_terms(slugs: list[str] | None = None) -> dict[str, str]:
    """slug: YAML text of the terms named (all by default)."""
    return {slug: _term_yaml(slug) for slug in slugs or list(TERMS)}


def write_learning_terms(folder: Path, slugs: list[str] | None = None, *, with_paths: bool = True) -> Path:
    """The terms named (all by default) and, unless told not to, the curated paths file."""
    write_terms(folder, learning_terms(slugs))
    if with_paths:
        (folder / "_paths.yml").write_text(PATHS_YAML, encoding="utf-8")
    return folder
