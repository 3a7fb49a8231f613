"""The learning feature: quizzes, flashcards, paths, progress, the explorer and the graph.

Importing the package registers it (features.register); the site then pulls its pages, term
sections, data files and browser assets through the `Feature` interface.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import Any

from ..core.glossary import Glossary
from ..core.problems import Problem
from ..features import Build, Feature, GeneratedPage, SiteInfo, TermSection
from ..reuse import reuse
from .data import MODEL, PAGES, LearningModel, data_files, learning_model, path_src
from .pages import (
    explorer_page,
    flashcards_page,
    graph_page,
    home_page,
    local_graph_section,
    path_page,
    progress_page,
    quiz_page,
    quiz_section,
    read_first_section,
    term_progress_section,
)
from .paths import curated_paths

# Classic scripts, in load order: d3's modules extend one global `d3`; core.js defines the
# namespace the others add to, and each widget module registers itself with it.
VENDOR_SCRIPTS = [
    "vendor/d3-dispatch.min.js",
    "vendor/d3-quadtree.min.js",
    "vendor/d3-timer.min.js",
    "vendor/d3-force.min.js",
]
LEARNING_SCRIPTS = [
    "learning/core.js",
    "learning/sm2.js",
    "learning/progress-store.js",
    "learning/quiz.js",
    "learning/flashcards.js",
    "learning/paths.js",
    "learning/explorer.js",
    "learning/graph.js",
    "learning/progress-page.js",
]


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
        home_key = (site, len(glossary), tuple((p.id, p.title, p.kind, len(p.terms)) for p in model.paths))
        explorer_key = (site, tuple(shown.items()))
        pages = [
            GeneratedPage(
                PAGES["home"],
                t("learn.section"),
                reuse(memo, "learning.pages", "home", home_key, lambda: home_page(glossary, site, model)),
            ),
            GeneratedPage(PAGES["quiz"], t("learn.tools.quiz"), quiz_page(site)),
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
            len(model.questions[slug]),
            bool(record["prerequisites"] or record["related"] or record["backlinks"]),
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
        if model.questions[slug]:
            sections.append(TermSection("after-content", quiz_section(site, slug, len(model.questions[slug]))))
        if record["prerequisites"] or record["related"] or record["backlinks"]:
            sections.append(TermSection("after-content", local_graph_section(site, slug)))
        sections.append(TermSection("end", term_progress_section(site, slug)))
        return sections

    def pages_done(self, build: Build) -> None:
        build.forget(MODEL)

    def iter_files(self, build: Build) -> Iterable[tuple[str, bytes]]:
        return data_files(build).items() if len(build.glossary) else ()

    def scripts(self) -> list[str]:
        return [*VENDOR_SCRIPTS, *LEARNING_SCRIPTS]

    def stylesheets(self) -> list[str]:
        return ["learning/learning.css"]


LEARNING = Learning()
