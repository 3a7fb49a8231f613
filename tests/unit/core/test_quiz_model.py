"""The author's `quiz` block: both forms load, mistakes are located errors, the schema knows it."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from glossdeck.core.checks import load_glossary
from glossdeck.core.problems import Severity
from tests.support.paths import REPO
from tests.support.terms import write_term

BASE = "title: Example\ncategory: testing\ntldr: An example term.\nexplanation: Longer text.\n"


def _problems(tmp_path: Path, quiz_yaml: str) -> list[str]:
    write_term(tmp_path, "example", BASE + quiz_yaml)
    _, problems = load_glossary([tmp_path])
    return [f"{p.line}:{p.field}: {p.message}" for p in problems.sorted() if p.severity is Severity.ERROR]


def test_both_forms_load(tmp_path: Path) -> None:
    write_term(
        tmp_path,
        "example",
        BASE
        + """\
quiz:
  - question: Tests prove the absence of bugs.
    answer: false
    explanation: They show the presence of bugs, never their absence.
  - question: Which one is a test double?
    correct: A stub
    wrong: [A linter, A profiler]
    explanation: Stubs stand in for real collaborators.
    see: explanation
""",
    )
    glossary, problems = load_glossary([tmp_path])
    assert not problems.errors
    quiz = glossary.term("example").quiz
    assert quiz[0].answer is False and quiz[1].correct == "A stub" and quiz[1].see == "explanation"


@pytest.mark.parametrize(
    ("quiz_yaml", "expected"),
    [
        (
            "quiz:\n  - question: Q?\n    answer: true\n    correct: a\n    wrong: [b]\n    explanation: e\n",
            "6:quiz[0]: give either 'answer: true/false' or 'correct' with 'wrong' choices, not both",
        ),
        (
            "quiz:\n  - question: Q?\n    explanation: e\n",
            "6:quiz[0]: a question needs 'answer: true' or 'answer: false', or 'correct' with 'wrong' choices",
        ),
        (
            "quiz:\n  - question: Q?\n    correct: a\n    explanation: e\n",
            "6:quiz[0]: 'correct' needs at least one 'wrong' choice beside it",
        ),
        (
            "quiz:\n  - question: Q?\n    correct: a\n    wrong: [b, A]\n    explanation: e\n",
            "6:quiz[0]: the correct answer 'a' is also listed under 'wrong'",
        ),
        (
            "quiz:\n  - question: Q?\n    correct: a\n    wrong: [b, B]\n    explanation: e\n",
            "8:quiz[0].wrong: wrong answer 'B' is listed twice",
        ),
        (
            "quiz:\n  - question: Q?\n    answer: true\n",
            "6:quiz[0].explanation: required field 'explanation' is missing",
        ),
        (
            "quiz:\n  - question: Q?\n    answer: true\n    explanation: e\n    hint: h\n",
            "9:quiz[0].hint: unknown key 'hint'; allowed here: question, answer, correct, wrong, explanation, see",
        ),
        (
            "quiz:\n  - question: Q?\n    answer: true\n    explanation: e\n    see: diagram\n",
            "9:quiz[0].see: this term has no diagram, so the link would lead nowhere",
        ),
        (
            "quiz:\n  - question: Q?\n    answer: true\n    explanation: e\n  - question: Q?\n    answer: false\n"
            "    explanation: f\n",
            "9:quiz[1].question: same question as quiz[0]",
        ),
    ],
)
def test_mistakes_are_located(tmp_path: Path, quiz_yaml: str, expected: str) -> None:
    assert expected in _problems(tmp_path, quiz_yaml)


def test_schema_file_is_current_and_describes_quiz() -> None:
    from glossdeck.core.json_schema import term_json_schema

    on_disk = json.loads((REPO / "schema" / "term.schema.json").read_text(encoding="utf-8"))
    assert on_disk == term_json_schema(), "regenerate: python -m glossdeck schema -o schema/term.schema.json"
    validator = jsonschema.Draft7Validator(on_disk)
    good = {
        "title": "t",
        "category": "c",
        "tldr": "x",
        "quiz": [
            {"question": "q", "answer": True, "explanation": "e"},
            {"question": "q2", "correct": "a", "wrong": ["b"], "explanation": "e"},
        ],
    }
    assert not list(validator.iter_errors(good))
    both = {**good, "quiz": [{"question": "q", "answer": True, "correct": "a", "explanation": "e"}]}
    assert list(validator.iter_errors(both))
