"""The learning feature: quizzes, flashcards, paths, progress, the explorer and the graph.

Importing the package registers it (features.register); the site then pulls its pages, term
sections, data files and browser assets through the `Feature` interface.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import partial
from typing import Any

from ..core.glossary import Glossary
from ..core.problems import Problem
from ..features import Build, Feature, GeneratedPage, SiteInfo, TermSection
from ..reuse import reuse
from .data import MODEL, PAGES, TERMS_JSON, LearningModel, data_files, learning_model, path_src, term_quiz_json
from .pages import (
    explorer_page,
    flashcards_page,
    graph_page,
    home_page,
    local_graph_section,
    path_next_section,
    path_page,
    progress_page,
    quiz_page,
    quiz_section,
    read_first_section,
    term_progress_section,
)
from .paths import curated_paths
from .quiz import term_page_questions
from .scripts import CORE_SCRIPT, PAGE_ONLY_SCRIPTS, PAGE_STRINGS, WIDGET_SCRIPTS, all_scripts, preload_links

# The vendored libraries a widget may load (d3-force and its dependencies, ts-fsrs).
VENDOR_SCRIPTS = [s for s in all_scripts() if s.startswith("vendor/")]
# Every script of the feature: core.js on every page, which loads the others a page's widgets need.
LEARNING_SCRIPTS = [CORE_SCRIPT, *(s for s in all_scripts() if s.startswith("learning/"))]


class Learning(Feature):
    name = "learning"
    in_markdown_export = False  # every page here runs on the site's scripts and data files
    nav_section = "Learn"

    def check(self, glossary: Glossary) -> list[Problem]:
        return curated_paths(glossary)[1]  # _paths.yml beside the terms

    def pages(self, build: Build) -> list[GeneratedPage]:
        glossary, site, memo = build.glossary, build.site, build.memo
        if not len(glossary):
            return []
        t = site.messages
        model = learning_model(build)
        # each page kept across `mkdocs serve` rebuilds by what it shows (an edit to one term's
        # explanation changes none of them; its TL;DR changes its paths' pages only)
        shown = {
            e.slug: (e.term.title, e.term.level, e.term.category, e.term.debt.string if e.term.debt else None)
            for e in glossary
        }
        home_key = (
            site,
            len(glossary),
            glossary.uses_debt,
            tuple((p.id, p.title, p.kind, len(p.terms)) for p in model.paths),
        )
        explorer_key = (site, tuple(shown.items()))
        pages = [
            GeneratedPage(
                PAGES["home"],
                t("learn.section"),
                reuse(memo, "learning.pages", "home", home_key, lambda: home_page(glossary, site, model)),
            ),
            GeneratedPage(PAGES["quiz"], t("learn.tools.quiz"), quiz_page(site, glossary.uses_debt)),
            GeneratedPage(PAGES["flashcards"], t("learn.tools.flashcards"), flashcards_page(site)),
            GeneratedPage(
                PAGES["explorer"],
                t("learn.tools.explorer"),
                reuse(memo, "learning.pages", "explorer", explorer_key, lambda: explorer_page(glossary, site)),
            ),
            GeneratedPage(PAGES["graph"], t("learn.tools.graph"), graph_page(glossary, site)),
            GeneratedPage(PAGES["progress"], t("learn.tools.progress"), progress_page(site)),
        ]
        for path in model.paths:
            key = (site, path, tuple((shown[s][:2], glossary.term(s).tldr) for s in path.terms))
            markdown = reuse(memo, "learning.pages", ("path", path.id), key, partial(path_page, glossary, site, path))
            pages.append(GeneratedPage(path_src(path), path.title, markdown, in_nav=False, lists_searched=False))
        return pages

    def term_sections(self, build: Build, slug: str) -> list[TermSection]:
        glossary, site = build.glossary, build.site
        model = learning_model(build)
        record = model.term_records[slug]
        # everything the sections show: kept across `mkdocs serve` rebuilds by these inputs
        key = (
            site,
            tuple((s, glossary.term(s).title) for s in record["readFirst"]),
            len(term_page_questions(model.questions[slug])),
            bool(record["prerequisites"] or record["related"] or record["backlinks"]),
            tuple(
                (step.path.id, step.path.title, len(step.path.terms), step.step, step.next, _title(glossary, step.next))
                for step in model.steps.get(slug, [])
            ),
        )
        return reuse(
            build.memo, "learning.sections", slug, key, lambda: self._sections(glossary, site, slug, model, record)
        )

    def _sections(
        self, glossary: Glossary, site: SiteInfo, slug: str, model: LearningModel, record: dict[str, Any]
    ) -> list[TermSection]:
        sections: list[TermSection] = []
        if record["readFirst"]:
            sections.append(TermSection("after-header", read_first_section(glossary, site, slug, record["readFirst"])))
        asked = term_page_questions(model.questions[slug])
        if asked:
            sections.append(TermSection("after-content", quiz_section(site, slug, len(asked))))
        if record["prerequisites"] or record["related"] or record["backlinks"]:
            sections.append(TermSection("after-content", local_graph_section(site, slug)))
        sections.append(TermSection("end", term_progress_section(site, slug)))
        steps = model.steps.get(slug, [])
        if steps:
            sections.append(TermSection("end", path_next_section(glossary, site, slug, steps)))
        return sections

    def head(self, build: Build, slug: str | None) -> str:
        """On a term page: preload its widgets' scripts and data, so they download with the page's
        styles instead of one round trip after another once core.js has run."""
        if slug is None or slug not in build.glossary:
            return ""
        model = learning_model(build)
        record = model.term_records[slug]
        widgets = ["term-progress"]
        if record["readFirst"]:
            widgets.append("read-first")
        if model.questions[slug]:
            widgets.append("term-quiz")
        if record["prerequisites"] or record["related"] or record["backlinks"]:
            widgets.append("local-graph")
        scripts = list(dict.fromkeys(s for w in widgets for s in WIDGET_SCRIPTS[w]))
        data = [TERMS_JSON, *([term_quiz_json(slug)] if model.questions[slug] else [])]
        return preload_links(build.site, build.site.term_src(slug), scripts, data)

    def pages_done(self, build: Build) -> None:
        build.forget(MODEL)

    def iter_files(self, build: Build) -> Iterable[tuple[str, bytes]]:
        return data_files(build).items() if len(build.glossary) else ()

    def scripts(self) -> list[str]:
        # the loader only: each widget's placeholder names the scripts it needs (learning/scripts.py)
        return [CORE_SCRIPT]

    def stylesheets(self) -> list[str]:
        return ["learning/learning.css"]

    def lazy_strings(self) -> Mapping[str, list[str]]:
        return {PAGE_STRINGS: PAGE_ONLY_SCRIPTS}


def _title(glossary: Glossary, slug: str | None) -> str | None:
    return glossary.term(slug).title if slug is not None else None


LEARNING = Learning()
