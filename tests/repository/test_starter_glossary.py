"""The glossary the repository ships: complete, connected, and with code that parses."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from glossdeck.core.checks import load_glossary
from glossdeck.core.glossary import Glossary
from tests.support.paths import REPO
from tests.support.policy import require_tool

LEVEL_RANK = {"beginner": 0, "intermediate": 1, "advanced": 2}


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    loaded, problems = load_glossary([REPO / "terms"])
    assert not problems, [p.format() for p in problems.items]
    return loaded


def test_size_and_breadth(glossary: Glossary) -> None:
    assert len(glossary) >= 40
    assert len(glossary.categories) >= 7


def test_every_term_is_complete(glossary: Glossary) -> None:
    for entry in glossary:
        term, where = entry.term, entry.file
        assert term.debt is not None, where
        assert all(term.debt.axis(a).rationale for a in "debt"), where
        assert len(term.mistakes) >= 3, where
        assert term.explanation and term.why_it_matters and term.misconception and term.quick_fix, where
        assert term.level and term.applies_to and term.added and term.edited, where
        assert term.dev_intel and term.dev_intel.detection and term.dev_intel.detection.hints, where
        assert term.sources, where


def test_scores_use_the_scale_honestly(glossary: Glossary) -> None:
    strings = {e.term.debt.string for e in glossary if e.term.debt}
    assert "debt(d9/e9/b9/t9)" not in strings
    assert len(strings) >= len(glossary) * 0.8, "profiles should differ from term to term"
    used = {e.term.debt.axis(a).score for e in glossary if e.term.debt for a in "debt"}
    assert len(used) >= 7


def test_graph_is_connected_both_ways(glossary: Glossary) -> None:
    for entry in glossary:
        assert len(Glossary.outgoing(entry.term)) >= 2, f"{entry.file} links to fewer than two terms"
        assert glossary.backlinks(entry.slug), f"{entry.file} is an orphan: no term links to it"


def test_prerequisites_lead_from_basic_to_advanced(glossary: Glossary) -> None:
    glossary.prerequisite_order()  # raises on a cycle
    for entry in glossary:
        for slug in entry.term.prerequisites:
            prereq = glossary.term(slug)
            assert LEVEL_RANK[prereq.level or "beginner"] <= LEVEL_RANK[entry.term.level or "advanced"], (
                f"{entry.file}: prerequisite {slug} is more advanced than the term"
            )


def test_enough_code_pairs_and_diagrams(glossary: Glossary) -> None:
    pairs = [
        e
        for e in glossary
        if {"vulnerable", "fixed"} <= {c.kind for c in e.term.code_examples}
        or {"before", "after"} <= {c.kind for c in e.term.code_examples}
    ]
    assert len(pairs) >= 30
    assert sum(1 for e in glossary if e.term.diagram) >= 20


def _php_examples() -> list[tuple[str, int, str]]:
    loaded, _ = load_glossary([REPO / "terms"])
    return [(e.slug, i, c.code) for e in loaded for i, c in enumerate(e.term.code_examples) if c.language == "php"]


PHP = shutil.which("php")


def test_every_php_example_passes_php_lint(tmp_path: Path) -> None:
    require_tool(PHP, "php-cli")
    examples = _php_examples()
    assert len(examples) >= 30
    failures = []
    for slug, index, code in examples:
        path = tmp_path / f"{slug}-{index}.php"
        path.write_text(code, encoding="utf-8")
        result = subprocess.run([PHP, "-l", str(path)], capture_output=True, text=True)  # type: ignore[list-item]
        if result.returncode != 0:
            failures.append(f"{slug} code_examples[{index}]: {result.stdout.strip()} {result.stderr.strip()}")
    assert not failures, "\n".join(failures)
