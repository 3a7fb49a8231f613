"""The data the browser's learning tools read: two JSON files, built once per build.

- `learn/data/terms.json`: every term's facts for the explorer, flashcards, paths, the DEBT map and
  the graph (nodes and edges), plus site facts (axes and their colours, page URLs); every term page
  loads it, so it holds no long text;
- `learn/data/cards.json`: each term's TL;DR and misconception as plain text, for the flashcards
  (two thirds of the bytes terms.json would have, and no term page needs them);
- `learn/data/quiz.json`: the question bank, by term, for the quiz page;
- `learn/data/quiz/<slug>.json`: one term's questions, all its "Check yourself" section loads.
- `learn/data/flashcards.apkg` and `.csv`: the deck readers take into Anki or other tools (deck.py).

Questions live apart because they carry code examples and are the bulk of the bytes; pages that
don't quiz never load them, and a term page loads its own term's only. URLs in the data are site-relative; the page gives the browser the way
back to the site root (`data-gd-root`, see pages.widget).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from functools import cached_property, partial
from typing import Any

from ..core.debt import AXES
from ..core.glossary import Glossary
from ..features import Build, SiteInfo
from ..reuse import Memo, reuse, reuse_unaffected
from ..text.plain_text import markdown_paragraphs_to_plain as plain_text
from ..text.term_links import titles_from
from .anki_package import NoteRow, anki_package, note_row
from .deck import DeckCard, csv_row, deck_csv, deck_timestamp, term_cards
from .paths import LearningPath, PathStep, all_paths, all_steps, read_first_all
from .quiz import Question, question_bank

DATA_VERSION = 1
DATA_DIR = "learn/data"
TERMS_JSON = f"{DATA_DIR}/terms.json"
CARDS_JSON = f"{DATA_DIR}/cards.json"
CARD_FIELDS = ("tldr", "misconception")  # a record's texts that go to cards.json, not terms.json
QUIZ_JSON = f"{DATA_DIR}/quiz.json"
# the deck readers take along (learning/deck.py), offered on the flashcards page
ANKI_DECK = f"{DATA_DIR}/flashcards.apkg"
CSV_DECK = f"{DATA_DIR}/flashcards.csv"


def term_quiz_json(slug: str) -> str:
    """Where one term's questions are written (core.js's `termQuiz` reads the same place)."""
    return f"{DATA_DIR}/quiz/{slug}.json"


# Generated pages, by the name the browser code uses for them.
PAGES: dict[str, str] = {
    "home": "learn/index.md",
    "quiz": "learn/quiz.md",
    "flashcards": "learn/flashcards.md",
    "progress": "learn/progress.md",
    "explorer": "learn/explorer.md",
    "graph": "learn/graph.md",
}

# Where each part of a term page starts: the ids Material gives the headings of the term page
# template (templates/term_page.md.j2). "" = the top of the page (the DEBT block has no heading).
SECTION_ANCHORS: dict[str, str] = {
    "tldr": "tldr",
    "explanation": "explanation",
    "why_it_matters": "why-it-matters",
    "misconception": "common-misconception",
    "mistakes": "common-mistakes",
    "quick_fix": "dev-intel",
    "diagram": "diagram",
    "code_examples": "code-examples",
    "debt": "",
    "dev_intel": "dev-intel",
}


def path_src(path: LearningPath) -> str:
    return f"learn/paths/{path.id}.md"


def categories_in_order(glossary: Glossary, site: SiteInfo) -> list[str]:
    return site.category_order(list(glossary.categories))


@dataclass(frozen=True)
class LearningModel:
    """Everything the learning feature derives from one glossary, computed once."""

    paths: list[LearningPath]
    questions: dict[str, list[Question]]
    terms_json: dict[str, Any]
    term_records: dict[str, dict[str, Any]]  # the records of terms_json["terms"], by slug

    @cached_property
    def steps(self) -> dict[str, list[PathStep]]:
        """Where each term stands on the paths it is on (paths.all_steps)."""
        return all_steps(self.paths)

    def term_quiz(self, slug: str) -> dict[str, Any]:
        """One term's file: what its page's "Check yourself" shows."""
        return {"version": DATA_VERSION, "term": slug, "questions": [q.as_json() for q in self.questions[slug]]}

    @property
    def quiz_json(self) -> dict[str, Any]:
        """quiz.json's content, built when asked (serve rebuilds join kept fragments instead)."""
        return {
            "version": DATA_VERSION,
            "questions": {slug: [q.as_json() for q in qs] for slug, qs in self.questions.items() if qs},
        }


def _term_record(
    glossary: Glossary, site: SiteInfo, slug: str, question_count: int, read_first: list[str]
) -> dict[str, Any]:
    term = glossary.term(slug)
    title_for = titles_from(glossary)
    record: dict[str, Any] = {
        "slug": slug,
        "title": term.title,
        "url": site.term_url(slug),
        "category": term.category,
        "level": term.level,
        "tags": list(term.tags),
        "aliases": list(term.aliases),
        "tldr": plain_text(term.tldr, title_for),
        "prerequisites": [p for p in term.prerequisites if p in glossary],
        "related": [r for r in Glossary.outgoing(term) if r in glossary and r not in term.prerequisites],
        "backlinks": glossary.backlinks(slug),
        "readFirst": read_first,
        "questions": question_count,
    }
    if term.misconception:
        record["misconception"] = {
            "belief": plain_text(term.misconception.belief, title_for),
            "correction": plain_text(term.misconception.correction, title_for),
        }
    if term.debt:
        record["debt"] = term.debt.scores
        record["debtString"] = term.debt.string
    if term.added:
        record["added"] = term.added.isoformat()
    return record


def _record(
    glossary: Glossary,
    site: SiteInfo,
    slug: str,
    question_count: int,
    read_first: list[str],
    memo: Memo | None,
    affected: frozenset[str] | None = None,
) -> dict[str, Any]:
    """A term's record, kept across `mkdocs serve` rebuilds by everything it shows: the term file's
    bytes, the terms pointing at it, what to read first, its question count, the site. What to
    read first (a chain of prerequisites) and the question count (distractors come from the
    category) reach beyond the terms linked with it, so they are compared on every build."""
    if memo is None:
        return _term_record(glossary, site, slug, question_count, read_first)
    entry = glossary.entries[slug]

    def key() -> Hashable:
        related = tuple(r for r in Glossary.outgoing(entry.term) if r in glossary)
        return entry.file, entry.digest, site, related, glossary.linked_titles(slug), tuple(glossary.backlinks(slug))

    return reuse_unaffected(
        memo,
        affected,
        "learning.records",
        slug,
        key,
        lambda: _term_record(glossary, site, slug, question_count, read_first),
        checked=(tuple(read_first), question_count),
    )


def _edges(glossary: Glossary) -> list[dict[str, str]]:
    """One edge per linked pair: prerequisite edges are directed; related ones are not, and a pair
    linked both ways (or also as prerequisite) is drawn once."""
    edges: list[dict[str, str]] = []
    seen: set[frozenset[str]] = set()
    for entry in glossary:
        for prereq in entry.term.prerequisites:
            if prereq in glossary and prereq != entry.slug:
                edges.append({"source": prereq, "target": entry.slug, "kind": "prerequisite"})
                seen.add(frozenset((prereq, entry.slug)))
    for entry in glossary:
        for other in Glossary.outgoing(entry.term):
            pair = frozenset((entry.slug, other))
            if other in glossary and other != entry.slug and pair not in seen:
                edges.append({"source": entry.slug, "target": other, "kind": "related"})
                seen.add(pair)
    return edges


def _kept_edges(glossary: Glossary, memo: Memo | None) -> list[dict[str, str]]:
    """The graph's edges; under `mkdocs serve` the very same list while no link changed (so its
    JSON is not encoded again either)."""
    if memo is None:
        return _edges(glossary)
    key = tuple((e.slug, tuple(e.term.prerequisites), tuple(Glossary.outgoing(e.term))) for e in glossary)
    return reuse(memo, "learning.edges", "edges", key, lambda: _edges(glossary))


def build_learning_model(
    glossary: Glossary, site: SiteInfo, memo: Memo | None = None, affected: frozenset[str] | None = None
) -> LearningModel:
    paths = all_paths(glossary, site)
    questions = question_bank(glossary, memo, site.messages)
    read_first = read_first_all(glossary)
    terms_json: dict[str, Any] = {
        "version": DATA_VERSION,
        "site": site.site_name,
        "axes": [
            {
                "letter": a.letter,
                "name": site.messages(f"debt.axes.{a.letter}.name"),
                "kind": site.messages(f"debt.axes.{a.letter}.kind"),
                "question": site.messages(f"debt.axes.{a.letter}.question"),
                "colour": a.colour,
                "colourDark": a.colour_dark,
            }
            for a in AXES
        ],
        "levels": ["beginner", "intermediate", "advanced"],
        "categories": [
            {"id": c, "title": site.category_title(c), "count": len(glossary.categories[c])}
            for c in categories_in_order(glossary, site)
        ],
        "tags": sorted(glossary.tags),
        "tagTitles": {g: site.tag_title(g) for g in sorted(glossary.tags)},
        "levelTitles": {lv: site.messages(f"badge.levels.{lv}") for lv in ("beginner", "intermediate", "advanced")},
        "terms": [
            _record(glossary, site, e.slug, len(questions[e.slug]), read_first[e.slug], memo, affected)
            for e in glossary
        ],
        "edges": _kept_edges(glossary, memo),
        "paths": [
            {
                "id": p.id,
                "title": p.title,
                "kind": p.kind,
                "url": site.page_url(path_src(p)),
                "terms": list(p.terms),
                **({"description": plain_text(p.description)} if p.description else {}),
            }
            for p in paths
        ],
        "pages": {name: site.page_url(src) for name, src in PAGES.items()},
        "anchors": SECTION_ANCHORS,
    }
    records = {r["slug"]: r for r in terms_json["terms"]}
    return LearningModel(paths, questions, terms_json, records)


MODEL = "learning.model"


def learning_model(build: Build) -> LearningModel:
    """The build's model: pages(), term_sections() and files() all ask for it in one build."""
    return build.once(MODEL, lambda: build_learning_model(build.glossary, build.site, build.memo, build.affected))


def to_json_bytes(data: dict[str, Any]) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False).encode("utf-8")


def deck_files(build: Build, model: LearningModel) -> dict[str, bytes]:
    """The whole glossary's deck as an Anki package and as CSV. Under `mkdocs serve` each term's
    cards and each card's note row and CSV line are kept by what they come from, and the files by
    every term file's bytes and time, so an edit makes the cards of that term again and puts the
    files together from the kept rows (SQLite's inserts and the zip: no note made again)."""
    glossary, site, memo = build.glossary, build.site, build.memo
    records = model.term_records
    cards = [
        card
        for e in glossary
        for card in build.term_value(  # by the term's text and the texts its record shows (linked terms' titles)
            "learning.deck-cards",
            e.slug,
            partial(_deck_key, e.digest, site, records[e.slug]),
            partial(term_cards, e, site, records[e.slug]),
        )
    ]
    timestamp = deck_timestamp(glossary, glossary.slugs)

    def rows(card: DeckCard) -> tuple[NoteRow, str]:
        return reuse(memo, "learning.deck-rows", card.key, card, partial(_deck_rows, card))

    def make() -> dict[str, bytes]:
        made = {card.key: rows(card) for card in cards}
        name, description = site.site_name, site.messages("deck.description", site=site.site_name)
        apkg = anki_package(cards, name, timestamp, description, lambda card: made[card.key][0])
        return {ANKI_DECK: apkg, CSV_DECK: deck_csv(cards, lambda card: made[card.key][1]).encode("utf-8")}

    if memo is None:
        return make()
    return reuse(memo, "learning.deck", "files", (site, tuple(cards), timestamp), make)


def _deck_key(digest: int, site: SiteInfo, record: dict[str, Any]) -> Hashable:
    return digest, site, json.dumps([record["tldr"], record.get("misconception")])


def _deck_rows(card: DeckCard) -> tuple[NoteRow, str]:
    """A card's note in the Anki package and its line in the CSV: under `mkdocs serve` kept by the
    card, so an edit makes those of its term's cards only and the files are put together again."""
    return note_row(card), csv_row(card)


def data_files(build: Build) -> dict[str, bytes]:
    model = learning_model(build)
    if build.memo is None:
        files = {
            TERMS_JSON: to_json_bytes(pages_terms_json(model.terms_json)),
            CARDS_JSON: to_json_bytes(cards_json(model.terms_json)),
            QUIZ_JSON: to_json_bytes(model.quiz_json),
        }
        files.update(
            (term_quiz_json(slug), to_json_bytes(model.term_quiz(slug))) for slug, qs in model.questions.items() if qs
        )
        files.update(deck_files(build, model))
        return files
    fragments = reuse(build.memo, "learning.fragments", "data", build.site, FragmentMemo)
    return {
        TERMS_JSON: fragments.terms_json(model.terms_json),
        CARDS_JSON: fragments.cards_json(model.terms_json),
        **fragments.quiz_files(model),
        **deck_files(build, model),
    }


def _page_record(record: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if k not in CARD_FIELDS}


def _card_texts(record: dict[str, Any]) -> dict[str, Any]:
    return {k: record[k] for k in CARD_FIELDS if k in record}


def pages_terms_json(data: dict[str, Any]) -> dict[str, Any]:
    """terms.json as written: the records without their card texts."""
    return {k: [_page_record(r) for r in v] if k == "terms" else v for k, v in data.items()}


def cards_json(data: dict[str, Any]) -> dict[str, Any]:
    """cards.json: {"version", "terms": {slug: {"tldr", "misconception"}}}."""
    return {"version": DATA_VERSION, "terms": {r["slug"]: _card_texts(r) for r in data["terms"]}}


def _json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=False).encode("utf-8")


def _json_object(members: list[tuple[str, bytes]]) -> bytes:
    """{"key":<encoded value>,...} from values already encoded: the bytes to_json_bytes gives."""
    pieces: list[bytes] = []
    for key, encoded in members:
        pieces += (b",", _json(key), b":", encoded)
    return b"{" + b"".join(pieces[1:]) + b"}"


def _json_array(encoded: list[bytes]) -> bytes:
    return b"[" + b",".join(encoded) + b"]"


class FragmentMemo:
    """Under `mkdocs serve` both data files are encoded again after every edit. The JSON of each
    term's record and of each term's questions is kept by what it encodes (records are the very
    objects the memo keeps; questions are frozen and compared by value), so a rebuild encodes the
    edited terms' parts only and joins the rest; the bytes equal those of to_json_bytes."""

    def __init__(self) -> None:
        self.records: dict[int, tuple[dict[str, Any], bytes]] = {}
        self.cards: dict[int, tuple[dict[str, Any], bytes]] = {}
        self.members: dict[str, tuple[Any, bytes]] = {}  # e.g. "edges": (the kept list, its JSON)
        self.questions: dict[tuple[Question, ...], bytes] = {}
        self.term_files: dict[str, tuple[bytes, bytes]] = {}  # slug -> (its questions' JSON, its file)

    @staticmethod
    def _kept(
        kept: dict[int, tuple[dict[str, Any], bytes]],
        record: dict[str, Any],
        part: Callable[[dict[str, Any]], dict[str, Any]],
    ) -> bytes:
        """The JSON of `part` of a record, encoded once while the memo keeps that record object."""
        found = kept.get(id(record))
        if found is not None and found[0] is record:
            return found[1]
        encoded = _json(part(record))
        kept[id(record)] = (record, encoded)
        return encoded

    def _record(self, record: dict[str, Any]) -> bytes:
        return self._kept(self.records, record, _page_record)

    def _card(self, record: dict[str, Any]) -> bytes:
        return self._kept(self.cards, record, _card_texts)

    def cards_json(self, data: dict[str, Any]) -> bytes:
        parts = [(r["slug"], self._card(r)) for r in data["terms"]]
        live = {id(r) for r in data["terms"]}
        self.cards = {k: v for k, v in self.cards.items() if k in live}
        return _json_object([("version", _json(DATA_VERSION)), ("terms", _json_object(parts))])

    def _member(self, key: str, value: Any) -> bytes:
        found = self.members.get(key)
        if found is not None and found[0] is value:
            return found[1]
        encoded = _json(value)
        self.members[key] = (value, encoded)
        return encoded

    def terms_json(self, data: dict[str, Any]) -> bytes:
        members = [
            (key, _json_array([self._record(r) for r in value]) if key == "terms" else self._member(key, value))
            for key, value in data.items()
        ]
        live = {id(r) for r in data["terms"]}
        self.records = {k: v for k, v in self.records.items() if k in live}
        return _json_object(members)

    def quiz_files(self, model: LearningModel) -> dict[str, bytes]:
        """quiz.json and each term's questions file, from the same kept encodings."""
        kept: dict[tuple[Question, ...], bytes] = {}
        kept_files: dict[str, tuple[bytes, bytes]] = {}
        parts: list[tuple[str, bytes]] = []
        files: dict[str, bytes] = {}
        version = _json(DATA_VERSION)
        for slug, questions in model.questions.items():
            if not questions:
                continue
            key = tuple(questions)
            encoded = self.questions.get(key) or _json_array([_json(q.as_json()) for q in questions])
            kept[key] = encoded
            parts.append((slug, encoded))
            file = self.term_files.get(slug)
            if file is None or file[0] is not encoded:  # the same kept bytes: the same file
                file = (encoded, _json_object([("version", version), ("term", _json(slug)), ("questions", encoded)]))
            kept_files[slug] = file
            files[term_quiz_json(slug)] = file[1]
        self.questions, self.term_files = kept, kept_files
        return {QUIZ_JSON: _json_object([("version", version), ("questions", _json_object(parts))]), **files}
