"""Learning paths: read-first, per category, and curated paths in _paths.yml."""

from __future__ import annotations

from pathlib import Path

from glossdeck.core.checks import load_glossary
from glossdeck.core.problems import Severity
from glossdeck.learning import LEARNING
from glossdeck.learning.paths import LearningPath, PathStep, all_paths, category_path, read_first, steps_of
from tests.support.learning_glossary import write_learning_terms
from tests.support.terms import write_term


def _term(
    folder: Path, slug: str, level: str | None = None, prereqs: tuple[str, ...] = (), category: str = "c"
) -> None:
    extra = (f"level: {level}\n" if level else "") + (f"prerequisites: [{', '.join(prereqs)}]\n" if prereqs else "")
    write_term(folder, slug, title=slug.upper(), category=category, tldr="t", extra=extra)


def test_read_first_is_transitive_and_in_dependency_order(tmp_path: Path) -> None:
    _term(tmp_path, "a")
    _term(tmp_path, "b", prereqs=("a",))
    _term(tmp_path, "c", prereqs=("b",))
    _term(tmp_path, "d", prereqs=("c", "a"))
    glossary, problems = load_glossary([tmp_path], checks=[LEARNING.check])
    assert not problems.errors
    assert read_first(glossary, "d") == ["a", "b", "c"]
    assert read_first(glossary, "a") == []


def test_category_path_goes_beginner_to_advanced_but_never_before_a_prerequisite(tmp_path: Path) -> None:
    _term(tmp_path, "adv-basic", "advanced")
    _term(tmp_path, "beg", "beginner")
    _term(tmp_path, "int", "intermediate")
    _term(tmp_path, "beg-needs-adv", "beginner", ("adv-basic",))
    _term(tmp_path, "unlevelled")
    _term(tmp_path, "other", "beginner", category="elsewhere")
    glossary, _ = load_glossary([tmp_path], checks=[LEARNING.check])
    assert category_path(glossary, "c") == ["beg", "int", "adv-basic", "beg-needs-adv", "unlevelled"]
    assert category_path(glossary, "elsewhere") == ["other"]


def test_curated_paths_come_first(tmp_path: Path) -> None:
    glossary, problems = load_glossary([write_learning_terms(tmp_path / "terms")], checks=[LEARNING.check])
    assert not problems.errors and not problems.warnings
    paths = all_paths(glossary)
    assert paths[0].id == "web-security-basics" and paths[0].kind == "curated"
    assert paths[0].description == "Start here if you write web code."
    assert {p.id for p in paths if p.kind == "category"} == {"security", "language", "devops"}


def test_paths_file_problems_are_located(tmp_path: Path) -> None:
    folder = write_learning_terms(tmp_path / "terms", with_paths=False)
    (folder / "_paths.yml").write_text(
        """\
paths:
  - id: first
    title: First
    terms: [prepared-statements, sql-injection, sql-injection, sql-injectoin]
  - id: first
    title: Again
    terms: [type-juggling]
  - id: security
    title: Clash
    terms: [type-juggling]
""",
        encoding="utf-8",
    )
    glossary, problems = load_glossary([folder], checks=[LEARNING.check])
    found = {(p.file.endswith("_paths.yml"), p.line, p.field, p.severity): p.message for p in problems.sorted()}
    assert (
        found[(True, 4, "paths[0].terms[2]", Severity.WARNING)]
        == "'sql-injection' is already step 2 of this path; this step is skipped"
    )
    assert found[(True, 4, "paths[0].terms[3]", Severity.WARNING)] == (
        "no term 'sql-injectoin' yet (did you mean 'sql-injection'?); the path skips this step"
    )
    assert (
        found[(True, 4, "paths[0].terms[0]", Severity.WARNING)]
        == "'prepared-statements' comes before its prerequisite 'sql-injection'"
    )
    assert "already used by paths[0]" in found[(True, 5, "paths[1].id", Severity.ERROR)]
    assert "is a category" in found[(True, 8, "paths[2].id", Severity.ERROR)]
    # a path with errors is left out; a missing or repeated step only costs that step
    curated = [p for p in all_paths(glossary) if p.kind == "curated"]
    assert [(p.id, p.terms) for p in curated] == [("first", ("prepared-statements", "sql-injection"))]


def test_paths_file_shape_errors(tmp_path: Path) -> None:
    folder = write_learning_terms(tmp_path / "terms", ["floating-point"], with_paths=False)
    (folder / "_paths.yml").write_text("paths:\n  - id: Bad Id\n    titel: x\n    terms: []\n", encoding="utf-8")
    _, problems = load_glossary([folder], checks=[LEARNING.check])
    messages = {(p.line, p.field): p.message for p in problems.errors}
    assert "is not a slug" in messages[(2, "paths[0].id")]
    assert messages[(3, "paths[0].titel")].startswith("unknown key 'titel' (did you mean 'title'?)")
    assert (4, "paths[0].terms") in messages
    (folder / "_paths.yml").write_text("- just a list\n", encoding="utf-8")
    _, problems = load_glossary([folder], checks=[LEARNING.check])
    assert [p.message for p in problems.errors] == ["a paths file is a mapping with a 'paths' list"]


def test_paths_file_is_not_read_as_a_term(tmp_path: Path) -> None:
    glossary, problems = load_glossary([write_learning_terms(tmp_path / "terms")], checks=[LEARNING.check])
    assert "_paths" not in glossary and not problems.errors


def test_steps_of_a_term_give_its_place_and_the_next_term_on_every_path() -> None:
    first = LearningPath("curated", "Curated", "curated", ("a", "b", "c"))
    category = LearningPath("cat", "Cat", "category", ("c", "a"))
    other = LearningPath("other", "Other", "category", ("x",))
    paths = [first, category, other]
    assert steps_of(paths, "a") == [PathStep(first, 1, "b"), PathStep(category, 2, None)]
    assert steps_of(paths, "c") == [PathStep(first, 3, None), PathStep(category, 1, "a")]
    assert steps_of(paths, "nowhere") == []
