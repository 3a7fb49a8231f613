"""Checks across the whole glossary: references, duplicates, cycles, rubric citations, quiz blocks."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping
from pathlib import Path

from ..reuse import Memo, reuse
from .debt import AXIS_BY_LETTER, AXIS_LETTERS
from .glossary import RESERVED_TAGS, Glossary
from .loading import LoadedTerm, display_path, find_term_files, read_term_file
from .model import Term
from .problems import GlossdeckError, Problem, ProblemList, Severity, did_you_mean, field_name
from .rubric import Rubric, load_rubric
from .term_links import find_term_links, prose_fields

TLDR_SOFT_LIMIT = 400


def _warn(entry: LoadedTerm, path: tuple[str | int, ...], field: str, message: str) -> Problem:
    line, col = entry.locate(*path)
    return Problem(entry.file, line, col, field, message, Severity.WARNING)


def _error(entry: LoadedTerm, path: tuple[str | int, ...], field: str, message: str) -> Problem:
    line, col = entry.locate(*path)
    return Problem(entry.file, line, col, field, message)


def _check_references(glossary: Glossary, entry: LoadedTerm) -> list[Problem]:
    problems: list[Problem] = []
    term = entry.term
    lists: list[tuple[tuple[str, ...], list[str]]] = [
        (("prerequisites",), term.prerequisites),
        (("related",), term.related),
    ]
    if term.dev_intel:
        lists.append((("dev_intel", "related_problems"), term.dev_intel.related_problems))
    for path, slugs in lists:
        seen: set[str] = set()
        for i, slug in enumerate(slugs):
            field = ".".join(path) + f"[{i}]"
            if slug == entry.slug:
                problems.append(
                    _warn(entry, (*path, i), field, "a term cannot refer to itself; the entry is not shown")
                )
            elif slug not in glossary:
                # the term keeps its page: the entry shows as "not written yet" and on the Wanted terms page
                found = glossary.lookup(slug.replace("-", " "))
                hint = f" (did you mean '{found.slug}'?)" if found else did_you_mean(slug, glossary.entries)
                problems.append(_warn(entry, (*path, i), field, f"no term '{slug}' yet{hint}"))
            if slug in seen:
                problems.append(_warn(entry, (*path, i), field, f"'{slug}' is listed twice"))
            seen.add(slug)
    return problems


def locate_in_value(entry: LoadedTerm, path: tuple[str | int, ...], needle: str, nth: int) -> tuple[int, int]:
    """Line and column of the `nth` occurrence of `needle` in a value (a link inside prose), found
    in the file from where the value starts; the value's own position when the file cannot say."""
    line, col = entry.locate(*path)
    try:
        lines = Path(entry.file).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return line, col
    row, start = line - 1, col - 1
    seen = 0
    while row < len(lines):
        found = lines[row].find(needle, start)
        if found >= 0:
            if seen == nth:
                return row + 1, found + 1
            seen += 1
            start = found + 1
            continue
        row, start = row + 1, 0
    return line, col


def _check_term_links(glossary: Glossary, entry: LoadedTerm) -> list[Problem]:
    """`[[slug]]` links in prose to terms not written yet: warnings, like other references."""
    problems: list[Problem] = []
    for path, value in prose_fields(entry.term):
        counts: dict[str, int] = {}
        for link in find_term_links(value):
            raw = value[link.start : link.end]
            nth = counts.get(raw, 0)
            counts[raw] = nth + 1
            if link.slug in glossary:
                continue
            found = glossary.lookup(link.slug.replace("-", " "))
            hint = f" (did you mean '{found.slug}'?)" if found else did_you_mean(link.slug, glossary.entries)
            line, col = locate_in_value(entry, path, raw, nth)
            field = field_name(path)
            problems.append(
                Problem(
                    entry.file, line, col, field, f"term link {raw}: no term '{link.slug}' yet{hint}", Severity.WARNING
                )
            )
    return problems


def _check_names(glossary: Glossary) -> list[Problem]:
    """Titles and aliases must name one term only."""
    problems: list[Problem] = []
    owners: dict[str, tuple[LoadedTerm, str]] = {}
    for entry in glossary:
        key = entry.term.title.lower()
        if key in owners:
            other, _ = owners[key]
            problems.append(
                _error(entry, ("title",), "title", f"title '{entry.term.title}' is also the title of {other.file}")
            )
        owners.setdefault(key, (entry, "title"))
    for entry in glossary:
        for i, alias in enumerate(entry.term.aliases):
            key = alias.lower()
            field = f"aliases[{i}]"
            owner = owners.get(key)
            if owner is None:
                owners[key] = (entry, "alias")
                continue
            other, what = owner
            if other.slug == entry.slug:
                problems.append(_error(entry, ("aliases", i), field, f"alias '{alias}' repeats this term's own {what}"))
            elif what == "title":
                problems.append(
                    _error(entry, ("aliases", i), field, f"alias '{alias}' is the title of another term ({other.file})")
                )
            else:
                problems.append(
                    _error(entry, ("aliases", i), field, f"alias '{alias}' is also an alias of {other.file}")
                )
    return problems


def _check_cycles(glossary: Glossary) -> list[Problem]:
    cycle = glossary.prerequisite_cycle
    if cycle is None:
        return []
    chain = " -> ".join(reversed(cycle))  # [a, ..., a], each listed before the one it depends on
    problems = []
    for slug in dict.fromkeys(cycle):
        entry = glossary.entries[slug]
        problems.append(_error(entry, ("prerequisites",), "prerequisites", f"prerequisites form a cycle: {chain}"))
    return problems


def _check_term(entry: LoadedTerm, rubric: Rubric) -> list[Problem]:
    problems: list[Problem] = []
    term = entry.term
    if term.debt is not None:
        for letter in AXIS_LETTERS:
            axis = term.debt.axis(letter)
            # point at the rationale in whichever authoring form the file uses
            compact = ("debt", "rationale", letter)
            path = compact if compact in entry.source.positions else ("debt", letter)
            field = f"debt.{letter}.rationale"
            if axis.rationale is None:
                problems.append(_warn(entry, path, field, f"{AXIS_BY_LETTER[letter].name} score has no rationale"))
                continue
            for message in rubric.check_rationale(letter, axis.score, axis.rationale):
                problems.append(_warn(entry, path if path == compact else (*path, "rationale"), field, message))
    for i, tag in enumerate(term.tags):
        if tag in RESERVED_TAGS:  # tags/<tag>.md would replace the tags index page
            problems.append(
                _error(
                    entry,
                    ("tags", i),
                    f"tags[{i}]",
                    f"tag '{tag}' is reserved for the tags index page; choose another name",
                )
            )
    if term.added and term.edited and term.edited < term.added:
        problems.append(_error(entry, ("edited",), "edited", f"edited ({term.edited}) is before added ({term.added})"))
    if len(term.tldr) > TLDR_SOFT_LIMIT:
        problems.append(
            _warn(
                entry,
                ("tldr",),
                "tldr",
                f"TL;DR is {len(term.tldr)} characters; keep it under {TLDR_SOFT_LIMIT} (one or two sentences)",
            )
        )
    return problems


_SECTION_PRESENT: dict[str, Callable[[Term], bool]] = {
    "tldr": lambda t: True,
    "explanation": lambda t: t.explanation is not None,
    "why_it_matters": lambda t: t.why_it_matters is not None,
    "misconception": lambda t: t.misconception is not None,
    "mistakes": lambda t: bool(t.mistakes),
    "quick_fix": lambda t: t.quick_fix is not None,
    "diagram": lambda t: t.diagram is not None,
    "code_examples": lambda t: bool(t.code_examples),
    "debt": lambda t: t.debt is not None,
    "dev_intel": lambda t: t.dev_intel is not None,
}


def check_quiz(entry: LoadedTerm) -> list[Problem]:
    """Cross-field checks of a term's own questions: their `see` must point at a block the page shows,
    and two questions may not share a text (their progress would be mixed up)."""
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for i, q in enumerate(entry.term.quiz):
        if q.see is not None and not _SECTION_PRESENT[q.see](entry.term):
            line, col = entry.locate("quiz", i, "see")
            problems.append(
                Problem(
                    entry.file,
                    line,
                    col,
                    f"quiz[{i}].see",
                    f"this term has no {q.see.replace('_', ' ')}, so the link would lead nowhere",
                )
            )
        if q.question in seen:
            line, col = entry.locate("quiz", i, "question")
            problems.append(
                Problem(entry.file, line, col, f"quiz[{i}].question", f"same question as quiz[{seen[q.question]}]")
            )
        seen.setdefault(q.question, i)
    return problems


def _own_problems(entry: LoadedTerm, rubric: Rubric, rubric_key: Hashable, memo: Memo | None) -> list[Problem]:
    """A term's own checks (rubric citations, tags, dates, its quiz); under `mkdocs serve` kept by the
    file's content, so a rebuild re-checks the edited file only. Checks across terms always run."""
    return reuse(
        memo,
        "term-checks",
        entry.file,
        (entry.digest, rubric_key),
        lambda: [*_check_term(entry, rubric), *check_quiz(entry)],
    )


GlossaryCheck = Callable[[Glossary], list[Problem]]


def check_glossary(glossary: Glossary, rubric: Rubric, memo: Memo | None = None) -> list[Problem]:
    problems: list[Problem] = []
    rubric_key = tuple((axis, tuple(sorted(levels.items()))) for axis, levels in sorted(rubric.levels.items()))
    for entry in glossary:
        problems.extend(_check_references(glossary, entry))
        problems.extend(_check_term_links(glossary, entry))
        problems.extend(_own_problems(entry, rubric, rubric_key, memo))
    problems.extend(_check_names(glossary))
    problems.extend(_check_cycles(glossary))
    return problems


def load_glossary(
    paths: list[Path],
    rubric: Rubric | None = None,
    read: Callable[[Path], LoadedTerm] = read_term_file,
    *,
    checks: Iterable[GlossaryCheck] = (),
    memo: Memo | None = None,
    last_good: Mapping[str, LoadedTerm] | None = None,
) -> tuple[Glossary, ProblemList]:
    """Load every term file under `paths`, check the whole, and return what loaded plus all problems.

    Only a file that cannot be used at all (no YAML, no title, ...) is left out; every other problem
    is reported and costs at most the part of a page it is in, never another term's page. With
    `last_good` (file as shown -> the entry last loaded from it; `mkdocs serve` passes it), a file
    that cannot be used keeps its last good entry, marked stale in `Glossary.stale` with the reasons.
    `read` turns one file into a LoadedTerm (the MkDocs plugin passes one that reuses terms parsed by
    an earlier build); `checks` are features' own checks (e.g. learning paths, `Feature.check`).
    """
    problems = ProblemList()
    files, path_problems = find_term_files(paths)
    problems.extend(path_problems)
    entries: dict[str, LoadedTerm] = {}
    stale: dict[str, tuple[Problem, ...]] = {}
    for path in files:
        try:
            entry = read(path)
        except GlossdeckError as exc:
            problems.extend(exc.problems)
            previous = last_good.get(display_path(path)) if last_good is not None else None
            if previous is None or previous.slug in entries:
                continue
            entry = previous
            stale[entry.slug] = tuple(exc.problems)
        else:
            problems.extend(entry.problems)  # parts of the file left off its page
        if entry.slug in entries:
            problems.add(
                Problem(
                    entry.file,
                    1,
                    1,
                    "",
                    f"duplicate slug '{entry.slug}': {entries[entry.slug].file} has the same file name",
                )
            )
            continue
        entries[entry.slug] = entry
    glossary = Glossary(entries, roots=tuple(paths), stale=stale)
    problems.extend(check_glossary(glossary, rubric or load_rubric(), memo))
    for check in checks:
        problems.extend(check(glossary))
    return glossary, problems
