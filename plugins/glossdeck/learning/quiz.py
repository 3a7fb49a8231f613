"""Quiz questions generated from term data, plus the ones authors write in a term's `quiz` block.

Every question is plain data (JSON for the browser) with a stable id, so a reader's answers survive
rebuilds. Generated kinds:

- the misconception as a true-or-false statement (the belief is false; the correction's first
  sentence, when it reads as a statement, is true);
- "which of these examples is the vulnerable one" (a vulnerable/before example among fixed/after);
- match a TL;DR (the term's own names masked) to its term, distractors from the same category;
- guess one axis of the DEBT score; within one point counts, but 0 ("does not apply") is exact.

Questions must not give each other away. The two misconception questions share a `group`: the
answer to one (its explanation) is the other's answer, so a term page or a quiz round shows at most
one question of a group. The TL;DR question ("Which term does this describe?") is never shown on the
term's own page, under the title it asks for (`term_page` is False). `term_page_questions` is the
one rule for what a term page shows.

Choices are shuffled at build time with a seed taken from the question id: the same glossary always
gives the same quiz, so builds are reproducible and tests can know the right answer.
"""

from __future__ import annotations

import functools
import hashlib
import random
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from ..core.debt import AXIS_LETTERS
from ..core.glossary import Glossary
from ..core.loading import LoadedTerm
from ..core.model import QuizQuestion, Term
from ..i18n.messages import Messages, english
from ..reuse import Memo, reuse
from ..text.plain_text import first_sentence
from ..text.plain_text import markdown_paragraphs_to_plain as plain_text
from ..text.term_links import titles_from

QuestionKind = Literal["true-false", "choice", "debt"]
MASK = "_____"
MAX_DISTRACTORS = 3
MAX_CODE_CHOICES = 4
DEBT_TOLERANCE = 1  # "within one point counts"
# A correction that opens like this is a rebuttal ("No, ...") or leans on the belief it answers
# ("It only ...", "Only if ..."): out of context it is not a statement a reader can judge.
_REBUTTAL = re.compile(
    r"^(no|not|nope|yes|actually|wrong|false|true|in fact|on the contrary|only if|"
    r"it|its|it's|they|this|that|these|those|but|and|so)\b",
    re.IGNORECASE,
)
_PROBLEM_KINDS = {"vulnerable": "fixed", "before": "after"}


@dataclass(frozen=True)
class Choice:
    text: str
    language: str | None = None  # set when the choice is a code example


@dataclass(frozen=True)
class Question:
    id: str  # "<slug>:<source>", stable across builds; progress is stored under it
    term: str
    kind: QuestionKind
    source: str  # misconception-false, misconception-true, tldr, code, debt-<axis>, author-<hash>
    prompt: str
    explanation: str
    see: str  # the term-page section that answers it (a QuizSection key)
    answer: bool | int  # true-false: the truth; choice: index into choices; debt: the score
    choices: tuple[Choice, ...] = field(default_factory=tuple)
    axis: str | None = None  # debt questions only
    group: str | None = None  # questions that answer each other: at most one per page or round
    term_page: bool = True  # shown under "Check yourself" on the term's own page

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "term": self.term,
            "kind": self.kind,
            "source": self.source,
            "prompt": self.prompt,
            "explanation": self.explanation,
            "see": self.see,
            "answer": self.answer,
        }
        if self.choices:
            data["choices"] = [
                {"text": c.text, **({"language": c.language} if c.language else {})} for c in self.choices
            ]
        if self.axis is not None:
            data["axis"] = self.axis
        if self.group is not None:
            data["group"] = self.group
        if not self.term_page:
            data["termPage"] = False
        return data


def term_page_questions(questions: list[Question]) -> list[Question]:
    """What "Check yourself" on the term's page asks: the questions meant for it, the first of each group."""
    seen: set[str] = set()
    out = []
    for q in questions:
        if not q.term_page or (q.group is not None and q.group in seen):
            continue
        if q.group is not None:
            seen.add(q.group)
        out.append(q)
    return out


def is_debt_answer_right(truth: int, guess: int) -> bool:
    """Within one point counts on the 1-9 grid; 0 means "does not apply" and is only right exactly."""
    if truth == 0 or guess == 0:
        return truth == guess
    return abs(truth - guess) <= DEBT_TOLERANCE


def _rng(question_id: str) -> random.Random:
    return random.Random(int.from_bytes(hashlib.sha256(question_id.encode()).digest()[:8], "big"))


def _default_see(term: Term) -> str:
    return "explanation" if term.explanation else "tldr"


def names_of(term: Term) -> list[str]:
    """The term's title, aliases and a parenthesised short form ("Cross-Site Scripting (XSS)")."""
    names = [term.title, *term.aliases]
    short = re.match(r"^(.*?)\s*\(([^)]+)\)\s*$", term.title)
    if short:
        names += [short.group(1), short.group(2)]
    return sorted({n.strip() for n in names if n.strip()}, key=len, reverse=True)


def _spaced(char: str) -> bool:
    """Whether a script writes spaces between words around this character: not for Han, kana,
    Thai, Lao, Khmer, Myanmar... (there a name is a run of characters inside a longer run)."""
    if not char.isalnum():
        return True
    return unicodedata.east_asian_width(char) not in "WF" and not ("\u0e00" <= char <= "\u109f")


def _is_word(text: str, index: int) -> bool:
    return 0 <= index < len(text) and (text[index].isalnum() or text[index] == "_")


def _joins(text: str, index: int, inside: str) -> bool:
    """Whether the character at `index` would make the name part of a longer word: a letter or
    digit of a script with spaces, next to a name edge of such a script (in Chinese, 容器 inside
    容器化 is still the name)."""
    return _is_word(text, index) and _spaced(text[index]) and _spaced(inside)


def mask_names(text: str, names: Iterable[str]) -> str:
    """Hide a term's own names (whole words, any case, simple plurals) so a TL;DR doesn't answer
    itself; in scripts without spaces (Chinese, Japanese, Thai) every occurrence is hidden. The
    longest name first: "Cache Stampede" is hidden whole, not as a hidden "cache" and a stampede.
    The quiz and the flashcard deck (deck.py) both use this."""
    # A plain scan, not one regex per term: compiling thousands of patterns dominated big builds.
    for name in sorted(dict.fromkeys(names), key=len, reverse=True):
        wanted, start = name.casefold(), 0
        if not wanted:
            continue
        while (at := text.casefold().find(wanted, start)) >= 0:
            end = at + len(wanted)
            for suffix in ("es", "s"):
                if text.lower().startswith(suffix, end) and not _is_word(text, end + len(suffix)):
                    end += len(suffix)
                    break
            if _joins(text, at - 1, text[at]) or _joins(text, end, text[end - 1]):
                start = at + 1
                continue
            text = text[:at] + MASK + text[end:]
            start = at + len(MASK)
    return text


def _misconception_questions(entry: LoadedTerm, t: Messages, plain: Callable[[str], str]) -> list[Question]:
    term = entry.term
    if term.misconception is None:
        return []
    correction = plain(term.misconception.correction)
    out = [
        Question(
            id=f"{entry.slug}:misconception-false",
            term=entry.slug,
            kind="true-false",
            source="misconception-false",
            prompt=plain(term.misconception.belief),
            answer=False,
            explanation=t("quiz.false_because", correction=correction),
            see="misconception",
            group="misconception",
        )
    ]
    statement = first_sentence(correction)
    # six words, or in a script without spaces about as many characters' worth
    long_enough = len(statement.split()) >= 6 or (len(statement) >= 12 and not _spaced(statement[0]))
    if long_enough and not _REBUTTAL.match(statement) and len(statement) <= 400:
        out.append(
            Question(
                id=f"{entry.slug}:misconception-true",
                term=entry.slug,
                kind="true-false",
                source="misconception-true",
                prompt=statement,
                answer=True,
                explanation=t("quiz.true_because", belief=plain(term.misconception.belief)),
                see="misconception",
                group="misconception",
                term_page=False,  # the first of its group is the one a term page shows
            )
        )
    return out


def _code_question(entry: LoadedTerm, t: Messages, plain: Callable[[str], str]) -> list[Question]:
    examples = entry.term.code_examples
    for bad_kind, good_kind in _PROBLEM_KINDS.items():
        bad = next((e for e in examples if e.kind == bad_kind), None)
        good = [e for e in examples if e.kind == good_kind][: MAX_CODE_CHOICES - 1]
        if bad is None or not good:
            continue
        qid = f"{entry.slug}:code"
        order = [bad, *good]
        _rng(qid).shuffle(order)
        prompt = t("quiz.which_vulnerable") if bad_kind == "vulnerable" else t("quiz.which_before")
        kind = t(f"term.code.{bad_kind}").lower()
        why = (
            t("quiz.the_example_caption", kind=kind, caption=bad.caption)
            if bad.caption
            else t("quiz.the_example", kind=kind)
        )
        if entry.term.quick_fix:
            why += " " + t("quiz.the_fix", fix=plain(entry.term.quick_fix))
        return [
            Question(
                id=qid,
                term=entry.slug,
                kind="choice",
                source="code",
                prompt=prompt,
                choices=tuple(Choice(e.code.rstrip("\n"), e.language) for e in order),
                answer=order.index(bad),
                explanation=why,
                see="code_examples",
            )
        ]
    return []


def _all_slugs(glossary: Glossary) -> tuple[str, ...]:
    return glossary.slugs


def _tldr_question(glossary: Glossary, entry: LoadedTerm, t: Messages, plain: Callable[[str], str]) -> list[Question]:
    if len(glossary) < 2:
        return []
    qid = f"{entry.slug}:tldr"
    rng = _rng(qid)
    # Seeded samples of a few, not shuffles of whole lists: the cost per term stays constant.
    category = glossary.categories.get(entry.term.category, [])
    picks = rng.sample(range(len(category)), min(len(category), MAX_DISTRACTORS + 1))
    distractors = [category[i].slug for i in picks if category[i].slug != entry.slug][:MAX_DISTRACTORS]
    if len(distractors) < MAX_DISTRACTORS:  # a small category: fill from the others, by seeded draws
        others = _all_slugs(glossary)
        for i in rng.sample(range(len(others)), min(len(others), 2 * MAX_DISTRACTORS + 1)):
            if len(distractors) == MAX_DISTRACTORS:
                break
            if others[i] != entry.slug and others[i] not in distractors:
                distractors.append(others[i])
    order = [entry.slug, *distractors]
    rng.shuffle(order)
    tldr = mask_names(plain(entry.term.tldr), names_of(entry.term))
    return [
        Question(
            id=qid,
            term=entry.slug,
            kind="choice",
            source="tldr",
            prompt=t("quiz.which_term", tldr=tldr),
            choices=tuple(Choice(glossary.term(s).title) for s in order),
            answer=order.index(entry.slug),
            explanation=t("quiz.tldr_why", term=entry.term.title, tldr=plain(entry.term.tldr)),
            see="tldr",
            term_page=False,  # under the term's own title it would answer itself
        )
    ]


def _debt_question(entry: LoadedTerm, t: Messages, plain: Callable[[str], str]) -> list[Question]:
    debt = entry.term.debt
    if debt is None:
        return []
    # One axis per term (chosen by seed) keeps the page short; prefer axes with a rationale to explain.
    explained = [a for a in AXIS_LETTERS if debt.axis(a).rationale] or list(AXIS_LETTERS)
    letter = _rng(f"{entry.slug}:debt").choice(explained)
    name, kind, question = (t(f"debt.axes.{letter}.{part}") for part in ("name", "kind", "question"))
    score = debt.axis(letter).score
    rationale = debt.axis(letter).rationale
    shown = t("quiz.debt_shown_na") if score == 0 else str(score)
    why = t("quiz.debt_why", axis=name, shown=shown, debt=debt.string)
    if rationale:
        why += " " + plain(rationale)
    return [
        Question(
            id=f"{entry.slug}:debt-{letter}",
            term=entry.slug,
            kind="debt",
            source=f"debt-{letter}",
            prompt=t("quiz.debt_prompt", term=entry.term.title, axis=name, kind=kind.lower(), question=question),
            answer=score,
            axis=letter,
            explanation=why,
            see="debt",
        )
    ]


def author_question_id(slug: str, question: QuizQuestion) -> str:
    """Ids of authors' questions follow their text, not their position, so reordering keeps progress."""
    digest = hashlib.sha256(question.question.encode()).hexdigest()[:10]
    return f"{slug}:author-{digest}"


def _author_questions(entry: LoadedTerm) -> list[Question]:
    out: list[Question] = []
    for q in entry.term.quiz:
        qid = author_question_id(entry.slug, q)
        see = q.see or _default_see(entry.term)
        if q.answer is not None:
            out.append(
                Question(
                    id=qid,
                    term=entry.slug,
                    kind="true-false",
                    source=qid.split(":", 1)[1],
                    prompt=q.question,
                    answer=q.answer,
                    explanation=q.explanation,
                    see=see,
                )
            )
            continue
        assert q.correct is not None  # the model guarantees one of the two forms
        order = [q.correct, *q.wrong]
        _rng(qid).shuffle(order)
        out.append(
            Question(
                id=qid,
                term=entry.slug,
                kind="choice",
                source=qid.split(":", 1)[1],
                prompt=q.question,
                choices=tuple(Choice(c) for c in order),
                answer=order.index(q.correct),
                explanation=q.explanation,
                see=see,
            )
        )
    return out


def questions_for(glossary: Glossary, slug: str, t: Messages | None = None) -> list[Question]:
    """Every question about one term: generated ones first, then the author's; worded in the
    site's language (`t`, English by default)."""
    entry = glossary.entries[slug]
    t = t or english()
    plain = functools.partial(plain_text, title_for=titles_from(glossary))  # [[slug]] shows the term's title
    return [
        *_misconception_questions(entry, t, plain),
        *_code_question(entry, t, plain),
        *_tldr_question(glossary, entry, t, plain),
        *_debt_question(entry, t, plain),
        *_author_questions(entry),
    ]


def question_bank(glossary: Glossary, memo: Memo | None = None, t: Messages | None = None) -> dict[str, list[Question]]:
    """Questions for every term, by slug (in slug order).

    Under `mkdocs serve` (a memo), each term's questions are kept by what they are made of: the
    term file's bytes, plus, for the TL;DR question, the titles its distractors may be drawn from
    (the term's category, or the whole glossary for a small one); an edit re-generates only the
    questions it can change."""
    t = t or english()
    if memo is None:
        return {entry.slug: questions_for(glossary, entry.slug, t) for entry in glossary}
    everyone = hash(tuple((e.slug, e.term.title) for e in glossary))
    by_category = {
        c: hash(tuple((e.slug, e.term.title) for e in entries)) for c, entries in glossary.categories.items()
    }
    bank: dict[str, list[Question]] = {}
    for entry in glossary:
        key = (entry.file, entry.digest, by_category[entry.term.category], everyone, t)
        bank[entry.slug] = reuse(
            memo, "learning.questions", entry.slug, key, functools.partial(questions_for, glossary, entry.slug, t)
        )
    return bank
