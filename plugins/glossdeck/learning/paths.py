"""Learning paths: "read these first" for a term, beginner-to-advanced per category, and curated
paths that authors write in `_paths.yml` beside the term files.

`_paths.yml` (the leading underscore keeps the term loader away from it)::

    paths:
      - id: secure-php-basics          # a slug: the path's page is learn/paths/<id>
        title: Secure PHP basics
        description: Optional, one paragraph of Markdown.
        terms: [output-escaping, sql-injection, prepared-statements]

Problems are located in the file like term problems, so `glossdeck validate` and the site build
report them the same way.
"""

from __future__ import annotations

import graphlib
import heapq
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError

from ..core.glossary import Glossary
from ..core.loading import display_path, problems_from_validation
from ..core.located_yaml import SourceMap, load_yaml_text
from ..core.model import Line, Prose, Slug, Strict
from ..core.problems import GlossdeckError, Problem, Severity, did_you_mean
from ..features import SiteInfo

PATHS_FILE_NAMES = ("_paths.yml", "_paths.yaml")
LEVEL_RANK = {"beginner": 0, "intermediate": 1, "advanced": 2, None: 3}  # unlevelled terms last


class CuratedPathSpec(Strict):
    """One curated path as written in `_paths.yml`."""

    id: Slug = Field(description="The path's slug; its page is learn/paths/<id>.")
    title: Line
    description: Prose | None = None
    terms: list[Slug] = Field(min_length=1, max_length=200, description="Term slugs in reading order.")


class PathsFile(Strict):
    paths: list[CuratedPathSpec] = Field(default_factory=list)


@dataclass(frozen=True)
class LearningPath:
    id: str
    title: str
    kind: Literal["category", "curated"]
    terms: tuple[str, ...]
    description: str | None = None


def read_first(glossary: Glossary, slug: str) -> list[str]:
    """Every transitive prerequisite of a term, in dependency order."""
    return glossary.read_first(slug)


def read_first_all(glossary: Glossary) -> dict[str, list[str]]:
    """`read_first` of every term at once: one topological order and memoised closures, instead of
    a whole-glossary sort per term (which is quadratic)."""
    if glossary.prerequisite_cycle is not None:  # checks report it; fall back to the per-term walk
        return {entry.slug: glossary.read_first(entry.slug) for entry in glossary}
    order = glossary.prerequisite_order()
    rank = {slug: i for i, slug in enumerate(order)}
    closure: dict[str, frozenset[str]] = {}
    for slug in order:  # prerequisites come first, so their closures are ready
        needed: set[str] = set()
        for prereq in glossary.term(slug).prerequisites:
            if prereq in glossary and prereq != slug:
                needed.add(prereq)
                needed |= closure[prereq]
        closure[slug] = frozenset(needed)
    return {slug: sorted(closure[slug], key=rank.__getitem__) for slug in glossary.entries}


def category_path(glossary: Glossary, category: str) -> list[str]:
    """A category's terms from beginner to advanced, never a term before its prerequisites.

    Among the terms whose prerequisites (inside the category) are done, the lowest level comes
    next, then the title in alphabetical order.
    """
    members = {e.slug: e.term for e in glossary.categories.get(category, [])}

    def key(slug: str) -> tuple[int, str, str]:
        term = members[slug]
        return (LEVEL_RANK[term.level], term.title.lower(), slug)

    sorter: graphlib.TopologicalSorter[str] = graphlib.TopologicalSorter()
    for slug, term in members.items():
        sorter.add(slug, *(p for p in term.prerequisites if p in members and p != slug))
    try:
        sorter.prepare()
    except graphlib.CycleError:  # validation reports the cycle; still give a usable order
        return sorted(members, key=key)
    ready: list[tuple[tuple[int, str, str], str]] = []
    order: list[str] = []
    while sorter.is_active():
        for slug in sorter.get_ready():
            heapq.heappush(ready, (key(slug), slug))
        _, slug = heapq.heappop(ready)
        order.append(slug)
        sorter.done(slug)
    return order


def category_paths(glossary: Glossary, site: SiteInfo | None = None) -> list[LearningPath]:
    """One path per category, in the site's category order, titled with the site's category titles."""
    site = site or SiteInfo("", None)
    return [
        LearningPath(
            id=category,
            title=site.messages("learn.category_path", category=site.category_title(category)),
            kind="category",
            terms=tuple(category_path(glossary, category)),
        )
        for category in site.category_order(list(glossary.categories))
    ]


def find_paths_files(roots: tuple[Path, ...]) -> list[Path]:
    found: list[Path] = []
    for root in roots:
        folder = root if root.is_dir() else root.parent
        for name in PATHS_FILE_NAMES:
            candidate = folder / name
            if candidate.is_file() and candidate not in found:
                found.append(candidate)
    return found


def _check_paths(spec: PathsFile, glossary: Glossary, file: str, source: SourceMap) -> list[Problem]:
    problems: list[Problem] = []

    def add(path: tuple[str | int, ...], field: str, message: str, severity: Severity = Severity.ERROR) -> None:
        line, col = source.locate(path)
        problems.append(Problem(file, line, col, field, message, severity))

    ids: dict[str, int] = {}
    for i, path in enumerate(spec.paths):
        if path.id in ids:
            add(("paths", i, "id"), f"paths[{i}].id", f"path id '{path.id}' is already used by paths[{ids[path.id]}]")
        ids.setdefault(path.id, i)
        if path.id in glossary.categories:
            add(
                ("paths", i, "id"),
                f"paths[{i}].id",
                f"path id '{path.id}' is a category, whose beginner-to-advanced path has that id; choose another",
            )
        position: dict[str, int] = {}
        for j, slug in enumerate(path.terms):
            field = f"paths[{i}].terms[{j}]"
            if slug in position:
                add(
                    ("paths", i, "terms", j),
                    field,
                    f"'{slug}' is already step {position[slug] + 1} of this path; this step is skipped",
                    Severity.WARNING,
                )
                continue
            position[slug] = j
            if slug not in glossary:  # the path goes on without that step until the term is written
                add(
                    ("paths", i, "terms", j),
                    field,
                    f"no term '{slug}' yet{did_you_mean(slug, glossary.entries)}; the path skips this step",
                    Severity.WARNING,
                )
        for j, slug in enumerate(path.terms):
            if slug not in glossary or position.get(slug) != j:
                continue
            for prereq in glossary.term(slug).prerequisites:
                if position.get(prereq, -1) > j:
                    add(
                        ("paths", i, "terms", j),
                        f"paths[{i}].terms[{j}]",
                        f"'{slug}' comes before its prerequisite '{prereq}'",
                        Severity.WARNING,
                    )
    return problems


def load_curated_paths(file: Path, glossary: Glossary) -> tuple[list[LearningPath], list[Problem]]:
    """The curated paths in one `_paths.yml`, and located problems (paths with errors are left out)."""
    shown = display_path(file)
    try:
        doc = load_yaml_text(file.read_bytes(), shown)
    except OSError as exc:
        return [], [Problem(shown, 1, 1, "", f"cannot read file: {exc.strerror or exc}")]
    except GlossdeckError as exc:
        return [], list(exc.problems)
    if not isinstance(doc.data, dict):
        return [], [Problem(shown, 1, 1, "", "a paths file is a mapping with a 'paths' list")]
    try:
        spec = PathsFile.model_validate(doc.data)
    except ValidationError as exc:
        return [], problems_from_validation(exc, shown, doc.source, doc.data, PathsFile)
    problems = _check_paths(spec, glossary, shown, doc.source)
    bad = {p.field.split(".")[0] for p in problems if p.severity is Severity.ERROR}
    paths = [
        LearningPath(
            id=p.id,
            title=p.title,
            kind="curated",
            terms=tuple(t for t in dict.fromkeys(p.terms) if t in glossary),
            description=p.description,
        )
        for i, p in enumerate(spec.paths)
        if f"paths[{i}]" not in bad
    ]
    return [p for p in paths if p.terms], problems


def curated_paths(glossary: Glossary) -> tuple[list[LearningPath], list[Problem]]:
    paths: list[LearningPath] = []
    problems: list[Problem] = []
    for file in find_paths_files(glossary.roots):
        found, trouble = load_curated_paths(file, glossary)
        known = {p.id for p in paths}
        paths.extend(p for p in found if p.id not in known)
        problems.extend(trouble)
    return paths, problems


def all_paths(glossary: Glossary, site: SiteInfo | None = None) -> list[LearningPath]:
    """Curated paths first (authors chose them), then one per category."""
    curated, _ = curated_paths(glossary)
    return [*curated, *category_paths(glossary, site)]


@dataclass(frozen=True)
class PathStep:
    """Where a term stands on one path: its step (1-based) and the term after it, if any."""

    path: LearningPath
    step: int
    next: str | None


def steps_of(paths: list[LearningPath], slug: str) -> list[PathStep]:
    """Every path a term is on (in the paths' order: curated first), with the term after it there."""
    return all_steps(paths).get(slug, [])


def all_steps(paths: list[LearningPath]) -> dict[str, list[PathStep]]:
    """`steps_of` for every term at once (one pass over the paths, not one per term)."""
    steps: dict[str, list[PathStep]] = {}
    for path in paths:
        seen: set[str] = set()
        for at, slug in enumerate(path.terms):
            if slug in seen:  # a term listed twice stands at its first place
                continue
            seen.add(slug)
            following = path.terms[at + 1] if at + 1 < len(path.terms) else None
            steps.setdefault(slug, []).append(PathStep(path, at + 1, following))
    return steps
