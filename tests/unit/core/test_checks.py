"""Checks across the whole glossary, and the glossary's look-ups."""

from __future__ import annotations

from pathlib import Path

from glossdeck.core.checks import load_glossary
from glossdeck.core.problems import Severity
from glossdeck.core.rubric import load_rubric
from tests.support.paths import REPO
from tests.support.terms import write_term, write_terms


def messages(folder: Path) -> list[str]:
    _, problems = load_glossary([folder])
    return [p.format() for p in problems.sorted()]


def test_unknown_references_are_located_with_suggestions(tmp_path: Path) -> None:
    write_term(tmp_path, "sql-injection")
    write_term(
        tmp_path, "xss", extra="related:\n  - sql-injection\n  - sql-injectoin\nprerequisites: [nothing-like-it]\n"
    )
    found = messages(tmp_path)
    assert any(
        m.endswith("xss.yml:6:5: warning: related[1]: no term 'sql-injectoin' yet (did you mean 'sql-injection'?)")
        for m in found
    ), found
    assert any(m.endswith("xss.yml:7:17: warning: prerequisites[0]: no term 'nothing-like-it' yet") for m in found)


def test_missing_references_keep_every_term_and_are_wanted(tmp_path: Path) -> None:
    write_term(tmp_path, "a", extra="related: [b, not-yet]\nprerequisites: [also-not-yet, a]\n")
    write_term(tmp_path, "b", extra="related: [not-yet]\ndev_intel:\n  related_problems: [third]\n")
    glossary, problems = load_glossary([tmp_path])
    assert sorted(glossary.entries) == ["a", "b"]
    assert not problems.errors, [p.format() for p in problems.errors]
    assert glossary.wanted == {"also-not-yet": ["a"], "not-yet": ["a", "b"], "third": ["b"]}
    assert any(p.field == "prerequisites[1]" and "cannot refer to itself" in p.message for p in problems.warnings)


def test_one_unusable_file_removes_no_other_term(tmp_path: Path) -> None:
    write_term(tmp_path, "good", extra="related: [broken, typo]\n")
    write_term(tmp_path, "typo", extra="related: [good, ../../etc]\n")  # not a slug: that entry only
    (tmp_path / "broken.yml").write_text("title: [unclosed\n", encoding="utf-8")
    write_term(tmp_path, "loop-a", extra="prerequisites: [loop-b]\n")
    write_term(tmp_path, "loop-b", extra="prerequisites: [loop-a]\n")
    glossary, problems = load_glossary([tmp_path])
    assert sorted(glossary.entries) == ["good", "loop-a", "loop-b", "typo"]
    assert glossary.term("typo").related == ["good"]
    assert glossary.wanted == {"broken": ["good"]}
    errors = {(Path(p.file).name, p.field) for p in problems.errors}
    assert ("typo.yml", "related[1]") in errors and ("loop-a.yml", "prerequisites") in errors
    assert any(Path(p.file).name == "broken.yml" for p in problems.errors)
    assert glossary.prerequisite_cycle is not None
    assert sorted(glossary.prerequisite_order()) == ["good", "loop-a", "loop-b", "typo"]
    assert glossary.read_first("loop-a") == ["loop-b"]


def test_a_file_broken_mid_edit_keeps_its_last_good_entry_when_asked(tmp_path: Path) -> None:
    write_term(tmp_path, "draft", extra="related: [other]\n")
    write_term(tmp_path, "other")
    first, _ = load_glossary([tmp_path])
    last_good = {e.file: e for e in first}
    (tmp_path / "draft.yml").write_text("title: Draft\ntldr: [half typed\n", encoding="utf-8")
    glossary, problems = load_glossary([tmp_path], last_good=last_good)
    assert glossary.entries["draft"] is first.entries["draft"]
    assert [p.file for p in glossary.stale["draft"]] == [first.entries["draft"].file]
    assert problems.errors and all(p.file.endswith("draft.yml") for p in problems.errors)
    without, _ = load_glossary([tmp_path])  # a one-off build has no last good version
    assert "draft" not in without and not without.stale


def test_duplicate_slugs_and_aliases_and_title_collisions(tmp_path: Path) -> None:
    write_term(tmp_path / "a", "same", extra="aliases: [Shared Name]\n")
    write_term(tmp_path / "b", "same")
    write_term(tmp_path, "other", extra="aliases: [shared name, Same]\n")
    found = messages(tmp_path)
    assert any("duplicate slug 'same'" in m for m in found), found
    assert any(
        "same.yml:4:11: aliases[0]: alias 'Shared Name' is also an alias of" in m and m.endswith("other.yml")
        for m in found
    ), found
    assert any("aliases[1]: alias 'Same' is the title of another term" in m for m in found), found


def test_prerequisite_cycles_are_errors_on_every_term_in_the_cycle(tmp_path: Path) -> None:
    write_term(tmp_path, "a", extra="prerequisites: [b]\n")
    write_term(tmp_path, "b", extra="prerequisites: [c]\n")
    write_term(tmp_path, "c", extra="prerequisites: [a]\n")
    write_term(tmp_path, "d", extra="prerequisites: [a]\n")
    cyc = [m for m in messages(tmp_path) if "prerequisites form a cycle" in m]
    assert len(cyc) == 3 and all("a.yml" in m or "b.yml" in m or "c.yml" in m for m in cyc), cyc


def test_self_reference_and_edited_before_added(tmp_path: Path) -> None:
    write_term(tmp_path, "a", extra="related: [a]\nadded: 2026-05-02\nedited: 2026-05-01\n")
    found = messages(tmp_path)
    assert any("related[0]: a term cannot refer to itself" in m for m in found)
    assert any("edited: edited (2026-05-01) is before added (2026-05-02)" in m for m in found)


RATIONALES = """\
debt:
  score: debt(d7/e9/b0/t5)
  rationale:
    d: Closest to 'only careful code review or runtime testing' (d7). Fine.
    e: Closest to 'architectural rework' (e8). Level does not match the score.
    b: Closest to 'no such anchor' (b0). Unknown anchor.
"""


def test_rubric_citations_are_checked_and_are_warnings(tmp_path: Path) -> None:
    write_term(tmp_path, "a", extra=RATIONALES)
    _, problems = load_glossary([tmp_path])
    found = {p.format().split(": ", 1)[1] for p in problems.items}
    assert all(p.severity is Severity.WARNING for p in problems.items)
    assert not any("debt.d.rationale" in m for m in found)
    assert "warning: debt.e.rationale: rationale says closest to (e8) but the score is e9" in found, found
    assert "warning: debt.e.rationale: anchor 'architectural rework' is level e9 in the rubric, not e8" in found
    assert any(
        m.startswith(
            "warning: debt.b.rationale: rationale names anchor 'no such anchor', which the rubric does not have"
        )
        for m in found
    )
    assert "warning: debt.t.rationale: Trap score has no rationale" in found
    lines = {p.field: p.line for p in problems.items}
    assert lines["debt.e.rationale"] == 8 and lines["debt.b.rationale"] == 9


def test_a_glossary_can_replace_the_rubric(tmp_path: Path) -> None:
    rubric_file = tmp_path / "rubric.yml"
    rubric_file.write_text("d: {7: seen only by humans}\ne: {9: rewrite}\nb: {0: n/a}\nt: {5: surprising}\n")
    rubric = load_rubric(rubric_file)
    assert rubric.anchor("d", 7) == "seen only by humans"
    assert rubric.check_rationale("d", 7, "Closest to 'seen only by humans' (d7).") == []
    assert rubric.check_rationale("d", 7, "Closest to 'only careful code review or runtime testing' (d7).")


def test_lookups_backlinks_categories_and_prerequisite_order(tmp_path: Path) -> None:
    write_term(tmp_path, "basics", title="Basics", category="intro", extra="aliases: [The Basics]\n")
    write_term(tmp_path, "middle", category="intro", extra="prerequisites: [basics]\ntags: [core]\n")
    write_term(
        tmp_path, "advanced", category="deep", extra="prerequisites: [middle]\nrelated: [basics]\ntags: [core]\n"
    )
    glossary, problems = load_glossary([tmp_path])
    assert not problems
    assert glossary.lookup("THE BASICS").slug == "basics"  # type: ignore[union-attr]
    assert glossary.lookup("basics").slug == "basics"  # type: ignore[union-attr]
    assert glossary.lookup("nope") is None
    assert glossary.backlinks("basics") == ["advanced", "middle"]
    assert list(glossary.categories) == ["deep", "intro"]
    assert [e.slug for e in glossary.tags["core"]] == ["advanced", "middle"]
    assert glossary.read_first("advanced") == ["basics", "middle"]
    order = glossary.prerequisite_order()
    assert order.index("basics") < order.index("middle") < order.index("advanced")


def test_files_with_errors_are_left_out_but_the_rest_still_load(tmp_path: Path) -> None:
    write_term(tmp_path, "good")
    write_terms(tmp_path, {"bad": "title: [\n"})
    glossary, problems = load_glossary([tmp_path])
    assert list(glossary.entries) == ["good"]
    assert len(problems.errors) == 1


def test_repository_terms_are_valid_strictly() -> None:
    repo_terms = REPO / "terms"
    glossary, problems = load_glossary([repo_terms])
    assert not problems, [p.format() for p in problems.items]
    assert "immutable-infrastructure" in glossary


def test_a_tag_that_would_replace_the_tags_index_is_a_located_error(tmp_path: Path) -> None:
    write_term(tmp_path, "a", extra="tags: [ok, index]\n")
    found = messages(tmp_path)
    assert any(
        m.endswith("a.yml:4:12: tags[1]: tag 'index' is reserved for the tags index page; choose another name")
        for m in found
    ), found
