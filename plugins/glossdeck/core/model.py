"""The term model: one YAML file in `terms/` is one `Term`.

Pydantic gives both validation and the JSON Schema editors use for autocompletion.
Every model forbids unknown keys, so a misspelled key is an error, never silently ignored.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from functools import cached_property
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from .debt import AXIS_LETTERS, DEBT_PATTERN, format_debt_string, parse_debt_string
from .slugs import MAX_SLUG_LENGTH, SCHEMA_PATTERN, slug_problem


def _check_slug(value: str) -> str:
    # YAML may hold a decomposed "ü" (copied from a macOS file name): NFC first, so it is the same
    # slug; any other difference (a capital, a space) is the author's to fix, with a suggestion.
    value = unicodedata.normalize("NFC", value)
    problem = slug_problem(value)
    if problem:
        raise ValueError(problem)
    return value


# Any script (core/slugs.py); editors get a looser pattern ECMAScript can express
Slug = Annotated[
    str,
    AfterValidator(_check_slug),
    WithJsonSchema({"type": "string", "pattern": SCHEMA_PATTERN, "maxLength": MAX_SLUG_LENGTH}),
]
Line = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]
Prose = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=20_000)]
Level = Literal["beginner", "intermediate", "advanced"]
Rating = Literal["low", "medium", "high"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)


class AppliesTo(Strict):
    """Where the concept applies: languages with versions, and contexts."""

    languages: list[Line] = Field(default_factory=list, description='Languages with versions, e.g. "PHP 5.0+".')
    contexts: list[Line] = Field(default_factory=list, description="Contexts such as web, cli, api.")


class Misconception(Strict):
    """The wrong belief readers often hold, and its correction."""

    belief: Prose = Field(description="The common wrong belief, stated as a reader would hold it.")
    correction: Prose = Field(description="What is actually true.")


class CodeExample(Strict):
    kind: Literal["vulnerable", "fixed", "before", "after", "example"] = Field(
        description="vulnerable/fixed for security-like pairs, before/after for refactorings."
    )
    language: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_+#.-]{1,30}$")] = Field(
        description="Highlighting language, e.g. php, bash, sql, yaml."
    )
    code: Annotated[str, StringConstraints(min_length=1, max_length=20_000)]
    caption: Line | None = None


class AxisScore(Strict):
    score: int = Field(ge=0, le=9, description="0 = the axis does not apply; 1 least cost, 9 most.")
    rationale: Prose | None = Field(
        default=None,
        description="Why this score; name the rubric level, e.g. \"Closest to 'architectural rework' (e9).\"",
    )


_AXIS_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["score"],
    "properties": {
        "score": {"type": "integer", "minimum": 0, "maximum": 9},
        "rationale": {"type": "string", "minLength": 1},
    },
}
_DEBT_STRING_SCHEMA = {
    "type": "string",
    "pattern": DEBT_PATTERN.pattern,
    "description": "debt(d<N>/e<N>/b<N>/t<N>), one digit 0-9 per axis.",
}
DEBT_JSON_SCHEMA: dict[str, Any] = {
    "description": "The DEBT score: four axes 0-9 (0 = does not apply), each with a rationale. "
    "Write the compact string with rationales beside it, or one block per axis.",
    "oneOf": [
        _DEBT_STRING_SCHEMA,
        {
            "type": "object",
            "additionalProperties": False,
            "required": ["score"],
            "properties": {
                "score": _DEBT_STRING_SCHEMA,
                "rationale": {
                    "type": "object",
                    "additionalProperties": False,
                    "properties": {a: {"type": "string", "minLength": 1} for a in AXIS_LETTERS},
                },
            },
        },
        {
            "type": "object",
            "additionalProperties": False,
            "required": list(AXIS_LETTERS),
            "properties": {a: _AXIS_SCHEMA for a in AXIS_LETTERS},
        },
    ],
}


class Debt(Strict):
    """Canonical DEBT profile. Loaded from either authoring form (see DEBT_JSON_SCHEMA)."""

    d: AxisScore
    e: AxisScore
    b: AxisScore
    t: AxisScore

    @model_validator(mode="before")
    @classmethod
    def _accept_compact_forms(cls, value: Any) -> Any:
        if isinstance(value, str):
            scores = parse_debt_string(value)
            return {a: {"score": s} for a, s in scores.items()}
        if isinstance(value, dict) and "score" in value:
            extra = set(value) - {"score", "rationale"}
            if extra:
                raise ValueError(f"unknown key(s) {sorted(extra)} beside 'score'; allowed: score, rationale")
            if not isinstance(value["score"], str):
                raise ValueError("'score' must be a string such as debt(d7/e9/b9/t5)")
            scores = parse_debt_string(value["score"])
            rationale = value.get("rationale") or {}
            if not isinstance(rationale, dict):
                raise ValueError("'rationale' must map axis letters (d, e, b, t) to text")
            unknown = set(rationale) - set(AXIS_LETTERS)
            if unknown:
                raise ValueError(f"rationale has unknown axis {sorted(map(str, unknown))}; the axes are d, e, b, t")
            return {a: {"score": s, "rationale": rationale.get(a)} for a, s in scores.items()}
        return value

    @property
    def scores(self) -> dict[str, int]:
        return {a: getattr(self, a).score for a in AXIS_LETTERS}

    @property
    def string(self) -> str:
        return format_debt_string(self.scores)

    def axis(self, letter: str) -> AxisScore:
        score: AxisScore = getattr(self, letter)
        return score


class Detection(Strict):
    hints: list[Line] = Field(default_factory=list, description="Signs that reveal the problem in code or operations.")
    automated: bool | None = Field(default=None, description="Can tools detect it automatically?")
    tools: list[Line] = Field(default_factory=list, description="Tools that help detect it.")


class DevIntel(Strict):
    severity: Literal["low", "medium", "high", "critical"] | None = None
    fix_effort: Rating | None = None
    detection: Detection | None = None
    related_problems: list[Slug] = Field(default_factory=list, description="Slugs of terms for related problems.")


class AiAgent(Strict):
    """How well an automated agent can find and fix this."""

    confidence: Rating | None = None
    false_positives: Rating | None = None
    manual_fix: bool | None = Field(default=None, description="true when a human must make the fix.")
    fix_effort: Rating | None = None
    context: Literal["line", "function", "file", "module", "project"] | None = Field(
        default=None, description="How much code an agent must read to judge it."
    )


# Parts of a term page a quiz explanation can point the reader at ("see" in a quiz question).
QuizSection = Literal[
    "tldr",
    "explanation",
    "why_it_matters",
    "misconception",
    "mistakes",
    "quick_fix",
    "diagram",
    "code_examples",
    "debt",
    "dev_intel",
]


class QuizQuestion(Strict):
    """An author's own question: true-or-false (`answer`) or multiple choice (`correct` + `wrong`)."""

    # Tell editors about the two forms too; the validator below gives the located message.
    model_config = ConfigDict(
        json_schema_extra={
            "oneOf": [
                {"required": ["answer"], "not": {"anyOf": [{"required": ["correct"]}, {"required": ["wrong"]}]}},
                {"required": ["correct", "wrong"], "not": {"required": ["answer"]}},
            ]
        }
    )

    question: Line = Field(description="The question, or for true/false the statement to judge.")
    answer: bool | None = Field(default=None, description="For a true-or-false statement: true or false.")
    correct: Line | None = Field(default=None, description="For multiple choice: the right answer.")
    wrong: list[Line] = Field(
        default_factory=list, max_length=5, description="For multiple choice: 1 to 5 wrong answers (distractors)."
    )
    explanation: Prose = Field(description="Shown after answering, right or wrong: why the answer is what it is.")
    see: QuizSection | None = Field(
        default=None, description="The part of the term page that answers it (default: explanation, else tldr)."
    )

    @field_validator("wrong")
    @classmethod
    def _distinct_wrong(cls, value: list[str]) -> list[str]:
        seen: set[str] = set()
        for choice in value:
            if choice.casefold() in seen:
                raise ValueError(f"wrong answer {choice!r} is listed twice")
            seen.add(choice.casefold())
        return value

    @model_validator(mode="after")
    def _one_form(self) -> QuizQuestion:
        if self.answer is not None and (self.correct is not None or self.wrong):
            raise ValueError("give either 'answer: true/false' or 'correct' with 'wrong' choices, not both")
        if self.answer is None and self.correct is None:
            raise ValueError("a question needs 'answer: true' or 'answer: false', or 'correct' with 'wrong' choices")
        if self.correct is not None and not self.wrong:
            raise ValueError("'correct' needs at least one 'wrong' choice beside it")
        if self.correct is not None and self.correct.casefold() in {w.casefold() for w in self.wrong}:
            raise ValueError(f"the correct answer {self.correct!r} is also listed under 'wrong'")
        return self


def _check_url(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in url):
        raise ValueError(f"not an http(s) URL: {url!r}")
    return url


class Source(Strict):
    url: Annotated[str, StringConstraints(max_length=2000)]
    title: Line | None = None

    @field_validator("url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        return _check_url(value)

    @model_validator(mode="before")
    @classmethod
    def _accept_bare_url(cls, value: Any) -> Any:
        return {"url": value} if isinstance(value, str) else value


class Term(Strict):
    """One glossary term. Only title, category and tldr are required."""

    @cached_property
    def prose_links(self) -> tuple[str, ...]:
        """The slugs this term's prose links (`[[slug]]`), in order, once each. Found once per term
        (a term is read-only, and under `mkdocs serve` a file's term outlives rebuilds while its
        bytes stay the same): pages, cards and keys ask for them thousands of times a build."""
        from .term_links import scan_linked_slugs  # term_links reads this module's models

        return tuple(scan_linked_slugs(self))

    title: Line = Field(description="The term's name as readers know it.")
    aliases: list[Line] = Field(default_factory=list, description="Also known as: other names for the same concept.")
    autolink: bool | Literal["aliases"] = Field(
        default=True,
        description=(
            "Where other pages' prose names this term, link it: true (title and aliases), "
            '"aliases" (only the aliases: for a generic title such as "Host"), or false (never).'
        ),
    )
    category: Slug = Field(
        description="Category slug in any script, e.g. security, devops, 容器 (its title: `categories` in mkdocs.yml)."
    )
    tags: list[Slug] = Field(
        default_factory=list, description="Tag slugs in any script (their titles: `tags` in mkdocs.yml)."
    )
    level: Level | None = None
    applies_to: AppliesTo | None = None
    tldr: Prose = Field(description="One or two sentences: the whole idea in brief. Markdown allowed.")
    explanation: Prose | None = None
    why_it_matters: Prose | None = None
    misconception: Misconception | None = None
    mistakes: list[Prose] = Field(default_factory=list, description="Common mistakes, one per item.")
    quick_fix: Prose | None = None
    diagram: Annotated[str, StringConstraints(min_length=1, max_length=20_000)] | None = Field(
        default=None, description="Mermaid diagram source (flowchart, sequenceDiagram, ...)."
    )
    code_examples: list[CodeExample] = Field(default_factory=list)
    debt: Annotated[Debt | None, WithJsonSchema(DEBT_JSON_SCHEMA)] = None
    dev_intel: DevIntel | None = None
    prerequisites: list[Slug] = Field(default_factory=list, description="Slugs of terms to read first.")
    related: list[Slug] = Field(default_factory=list, description="Slugs of related terms.")
    ai_agent: AiAgent | None = None
    added: dt.date | None = Field(default=None, description="ISO date the term was added, e.g. 2026-03-15.")
    edited: dt.date | None = Field(default=None, description="ISO date of the last edit.")
    sources: list[Source] = Field(default_factory=list, description="URLs (or {url, title}) a reader can check.")
    quiz: list[QuizQuestion] = Field(
        default_factory=list, max_length=20, description="Your own quiz questions, shown with the generated ones."
    )

    @field_validator("added", "edited", mode="before")
    @classmethod
    def _iso_date_only(cls, value: Any) -> Any:
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                raise ValueError(f"not an ISO date (YYYY-MM-DD): {value!r}") from None
        return value


TERM_FIELDS: tuple[str, ...] = tuple(Term.model_fields)
