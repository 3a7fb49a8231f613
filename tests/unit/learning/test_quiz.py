"""Questions generated from term data."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossdeck.core.checks import load_glossary
from glossdeck.core.glossary import Glossary
from glossdeck.learning.quiz import (
    MASK,
    Question,
    is_debt_answer_right,
    mask_names,
    question_bank,
    questions_for,
    term_page_questions,
)
from tests.support.learning_glossary import TERMS, write_learning_terms
from tests.support.terms import write_term


@pytest.fixture(scope="module")
def glossary(tmp_path_factory: pytest.TempPathFactory) -> Glossary:
    folder = write_learning_terms(tmp_path_factory.mktemp("terms"))
    loaded, problems = load_glossary([folder])
    assert not problems.errors, problems.errors
    return loaded


def _by_source(glossary: Glossary, slug: str) -> dict[str, Question]:
    return {q.source: q for q in questions_for(glossary, slug)}


def test_misconception_true_and_false(glossary: Glossary) -> None:
    qs = _by_source(glossary, "type-juggling")
    false_q, true_q = qs["misconception-false"], qs["misconception-true"]
    assert false_q.kind == "true-false" and false_q.answer is False
    assert false_q.prompt == "Type Juggling only matters for large teams."
    assert "matters in every codebase" in false_q.explanation and false_q.see == "misconception"
    assert true_q.answer is True and true_q.prompt.startswith("Type Juggling matters in every codebase")


def test_rebuttal_corrections_make_no_true_statement(tmp_path: Path) -> None:
    write_term(
        tmp_path,
        "a",
        "title: A\ncategory: c\ntldr: t\nmisconception:\n  belief: It is slow.\n"
        "  correction: No. It is fast enough for nearly every program you write.\n",
    )
    glossary, _ = load_glossary([tmp_path])
    assert [q.source for q in questions_for(glossary, "a")] == ["misconception-false"]
    write_term(
        tmp_path,
        "a",
        "title: A\ncategory: c\ntldr: t\nmisconception:\n  belief: It is slow.\n"
        "  correction: It only helps when the data is often not needed at all.\n",
    )
    glossary, _ = load_glossary([tmp_path])
    assert [q.source for q in questions_for(glossary, "a")] == ["misconception-false"]


def test_vulnerable_example_question(glossary: Glossary) -> None:
    q = _by_source(glossary, "sql-injection")["code"]
    assert q.kind == "choice" and len(q.choices) == 2
    assert "unsafe" in q.choices[q.answer].text and q.choices[q.answer].language == "php"
    assert q.see == "code_examples"


def test_tldr_match_masks_names_and_takes_distractors_from_the_category(glossary: Glossary) -> None:
    for slug, (title, category, *_rest) in TERMS.items():
        q = _by_source(glossary, slug)["tldr"]
        titles = [c.text for c in q.choices]
        assert titles[q.answer] == title
        assert len(titles) == 4 and len(set(titles)) == 4
        same = {glossary.term(s).title for s, t in TERMS.items() if t[1] == category and s != slug}
        distractors = set(titles) - {title}
        assert distractors <= same or same <= distractors, "same category first"
        assert title.lower() not in q.prompt.lower()
    xss = _by_source(glossary, "cross-site-scripting")["tldr"]
    assert "XSS" not in xss.prompt and MASK in xss.prompt


def test_mask_names_whole_words_plurals_any_case() -> None:
    assert mask_names("Mocks and mockery; a MOCK.", ["mock"]) == f"{MASK} and mockery; a {MASK}."


def test_debt_question_and_tolerance(glossary: Glossary) -> None:
    q = next(q for q in questions_for(glossary, "immutable-infrastructure") if q.kind == "debt")
    debt = glossary.term("immutable-infrastructure").debt
    assert debt is not None and q.axis is not None
    scores = debt.scores
    assert q.axis in scores and q.answer == scores[q.axis] and q.see == "debt"
    assert q.explanation.startswith(f"{q.explanation.split(' is ')[0]} is ")
    assert is_debt_answer_right(5, 4) and is_debt_answer_right(5, 6) and not is_debt_answer_right(5, 7)
    assert is_debt_answer_right(0, 0) and not is_debt_answer_right(0, 1) and not is_debt_answer_right(1, 0)


def test_author_questions_keep_ids_when_reordered(glossary: Glossary) -> None:
    authored = [q for q in questions_for(glossary, "sql-injection") if q.source.startswith("author-")]
    assert [q.kind for q in authored] == ["choice", "true-false"]
    choice = authored[0]
    assert choice.choices[choice.answer].text == "PDO" and choice.see == "explanation"
    assert authored[1].see == "explanation"  # default: the explanation, which this term has


def test_ids_unique_and_builds_reproducible(glossary: Glossary) -> None:
    bank = question_bank(glossary)
    ids = [q.id for qs in bank.values() for q in qs]
    assert len(ids) == len(set(ids))
    assert [q.as_json() for qs in question_bank(glossary).values() for q in qs] == [
        q.as_json() for qs in bank.values() for q in qs
    ]


def test_a_lone_term_gets_no_tldr_question(tmp_path: Path) -> None:
    write_term(tmp_path, "solo", "title: Solo\ncategory: c\ntldr: Alone.\n")
    glossary, _ = load_glossary([tmp_path])
    assert questions_for(glossary, "solo") == []


def test_questions_that_answer_each_other_share_a_group_and_a_term_page_asks_one(glossary: Glossary) -> None:
    """The false belief's explanation is the true statement's answer (and the other way round): they
    are one group, and the term page asks only the first; the TL;DR question ("Which term does this
    describe?") is never asked under the term's own title."""
    qs = questions_for(glossary, "type-juggling")
    by = {q.source: q for q in qs}
    assert by["misconception-false"].group == by["misconception-true"].group == "misconception"
    assert by["misconception-true"].prompt in by["misconception-false"].explanation  # why they are grouped
    asked = [q.source for q in term_page_questions(qs)]
    assert "misconception-false" in asked and "misconception-true" not in asked and "tldr" not in asked
    assert "tldr" in by and by["tldr"].as_json()["termPage"] is False
    assert by["misconception-false"].as_json()["group"] == "misconception"
    assert "termPage" not in by["misconception-false"].as_json()  # shown: the default, left out of the JSON
    for slug in TERMS:
        page = term_page_questions(questions_for(glossary, slug))
        groups = [q.group for q in page if q.group]
        assert len(groups) == len(set(groups)) and all(q.source != "tldr" for q in page), slug
