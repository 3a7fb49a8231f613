"""Which terms a serve rebuild may show differently (core/term_changes.py)."""

from __future__ import annotations

from glossdeck.core.term_changes import TermFacts, affected_terms


def _facts(digest: int, title: str, *linked: str) -> TermFacts:
    return TermFacts((digest, f"terms/{title}.yml"), title, frozenset(linked))


# a -> b -> c (a links b, b links c); d names c; e stands alone; f links b
BEFORE = {
    "a": _facts(1, "A", "b"),
    "b": _facts(2, "B", "c"),
    "c": _facts(3, "C"),
    "d": _facts(4, "D", "c"),
    "e": _facts(5, "E"),
    "f": _facts(6, "F", "b"),
}


def test_nothing_edited_affects_nothing() -> None:
    assert affected_terms(BEFORE, dict(BEFORE)) == frozenset()


def test_an_edit_affects_the_term_and_the_terms_linked_with_it_either_way() -> None:
    after = {**BEFORE, "b": _facts(20, "B", "c")}  # b's prose changed, not its title
    assert affected_terms(BEFORE, after) == {"a", "b", "c", "f"}


def test_a_link_removed_still_affects_the_term_it_pointed_at() -> None:
    after = {**BEFORE, "d": _facts(40, "D")}  # d no longer names c: c's "Referenced by" changes
    assert affected_terms(BEFORE, after) == {"c", "d"}


def test_a_renamed_term_also_affects_the_neighbours_of_the_terms_linking_it() -> None:
    # c's title shows in b's prose, which a and f show (a related term's TL;DR)
    after = {**BEFORE, "c": _facts(30, "C renamed")}
    assert affected_terms(BEFORE, after) == {"a", "b", "c", "d", "f"}


def test_added_and_removed_terms_count_as_renamed() -> None:
    removed = {k: v for k, v in BEFORE.items() if k != "c"}
    assert affected_terms(BEFORE, removed) == {"a", "b", "d", "f"}  # "not written yet" in b's prose
    added = {**BEFORE, "g": _facts(7, "G", "e")}
    assert affected_terms(BEFORE, added) == {"e", "g"}
    assert "e" not in affected_terms(BEFORE, {**BEFORE, "a": _facts(10, "A", "b")})
