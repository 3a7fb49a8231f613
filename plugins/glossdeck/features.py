"""How optional features (cards and embeds, learning tools, ...) plug into every front end.

A feature sees the glossary and facts about the site (a `Build`), never MkDocs. The MkDocs
plugin (and the Markdown export, where it makes sense) asks each registered feature for extra
pages, extra sections on term pages, extra <head> markup, extra files written beside the built
site, and the static assets it serves.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from typing import Any, Literal, TypeVar

from .core.glossary import Glossary
from .core.problems import Problem
from .reuse import Memo, reuse_unaffected
from .site.layout import SiteInfo as SiteInfo  # re-exported: what features see of the site

V = TypeVar("V")

SectionSlot = Literal["after-header", "after-content", "end"]


@dataclass(frozen=True)
class GeneratedPage:
    src_path: str  # e.g. "learn/explorer.md"
    title: str
    markdown: str  # Markdown (raw HTML allowed), rendered by the site like any page
    in_nav: bool = True  # False: reachable by links only (e.g. one page per learning path)
    # False for a listing (category, tag, A-Z, a learning path): search gets its title and prose, not
    # the TL;DRs it lists, which readers find on the term pages themselves
    lists_searched: bool = True


@dataclass(frozen=True)
class TermSection:
    slot: SectionSlot
    markdown: str


@dataclass(eq=False)
class Build:
    """One build as features see it: the glossary, facts about the site, and what may be reused.

    `memo` is the MkDocs plugin's memo under `mkdocs serve` (None in a one-off build): pass it to
    `reuse.reuse` for work worth keeping between rebuilds. `once` keeps a value for this build only
    (a model every page asks for); it goes when the build object does. `options` are the site's
    settings for features (the MkDocs plugin's `stats`, `ratings_endpoint`, ...), by name.
    """

    glossary: Glossary
    site: SiteInfo
    memo: Memo | None = None
    options: Mapping[str, Any] = field(default_factory=dict)
    site_description: str | None = None  # mkdocs.yml's, for what describes the whole site
    # A folder where a feature may keep costly files between builds, named by their content (the
    # plugin's `cache_dir`; None: keep nothing). Never read for anything but a file it would remake.
    cache_dir: str | None = None
    # Under `mkdocs serve`: the terms that may show differently than in the last build (edited,
    # added or removed, and the terms linked with those either way); None: any term may (a first
    # build, changed settings). `term_value` uses it.
    affected: frozenset[str] | None = None
    _values: dict[str, Any] = field(default_factory=dict, repr=False)

    def term_value(
        self,
        table: str,
        slug: str,
        key: Callable[[], Hashable],
        compute: Callable[[], V],
        checked: Hashable = None,
    ) -> V:
        """`reuse` for a value made only from term `slug`, the terms it links to or is linked from
        (their titles, TL;DRs, ...), the site (`site`, `options`) and `checked` (anything else,
        compared every build): for a term this build did not affect, the last build's value,
        without computing `key` (reuse.reuse_unaffected)."""
        return reuse_unaffected(self.memo, self.affected, table, slug, key, compute, checked)

    def once(self, name: str, compute: Callable[[], V]) -> V:
        if name not in self._values:
            self._values[name] = compute()
        return self._values[name]  # type: ignore[no-any-return]

    def forget(self, name: str) -> None:
        self._values.pop(name, None)


class Feature:
    """Base class: override what the feature contributes. Every method is called once per build,
    or once per term page, and must not do work that grows with the glossary's size per page."""

    name = "feature"
    # False for features whose pages need the built site (its scripts and data files): the plain
    # Markdown export leaves them out rather than writing widgets that cannot work there.
    in_markdown_export = True
    # Title of a navigation section for the feature's pages (nested in the glossary's section, so
    # Material's navigation.prune leaves it collapsed on other pages); "" lists them directly.
    nav_section = ""

    def check(self, glossary: Glossary) -> list[Problem]:
        """Problems with the feature's own inputs beside the terms (e.g. learning paths in
        `_paths.yml`), located in their files; `glossdeck validate` reports them too."""
        return []

    def pages(self, build: Build) -> list[GeneratedPage]:
        return []

    def term_sections(self, build: Build, slug: str) -> list[TermSection]:
        return []

    def head(self, build: Build, slug: str | None) -> str:
        """Extra HTML for <head> of a term page (slug) or of every page (None). The plugin puts it
        early in <head>, within the first kilobytes link-preview clients read."""
        return ""

    def home_head(self, build: Build) -> str:
        """Extra HTML for <head> of the site's home page (e.g. its link-preview meta)."""
        return ""

    def files(self, build: Build) -> dict[str, bytes]:
        """Files written into the built site, by site-relative path."""
        return dict(self.iter_files(build))

    def iter_files(self, build: Build) -> Iterable[tuple[str, bytes]]:
        """The same files as (path, bytes) pairs; a feature with many files yields them as it
        renders them, so the site writes each and lets it go (the MkDocs plugin uses this)."""
        return ()

    def file_jobs(self, build: Build) -> Sequence[Callable[[], bool]]:
        """Costly work `iter_files` will need, as independent jobs a build may run in any of its
        processes, in any order, before `iter_files` runs (a one-off build shares them between its
        two processes: build/job_pool.py). A job leaves its result where `iter_files` finds it (a
        file in `Build.cache_dir` named by its content), so whether and where it ran changes no
        output; `iter_files` still does whatever it does not find done. A job returns True when it
        did the costly work, False when it found it done. Only worth it for work of milliseconds
        per job (drawing a PNG); the link-preview feature has them."""
        return []

    def scripts(self) -> list[str]:
        """Asset paths (under glossdeck/assets/) each page loads as scripts."""
        return []

    def uses_assets(self, options: Mapping[str, Any]) -> bool:
        """Whether pages need this feature's scripts and stylesheets with these site options
        (`Build.options`): a feature that shows nothing unless configured keeps them off pages."""
        return True

    def stylesheets(self) -> list[str]:
        return []

    def lazy_strings(self) -> Mapping[str, list[str]]:
        """{strings file: scripts} for scripts only some pages load, after that file (a path under
        glossdeck/assets/ it lists in a widget's scripts): the interface strings only they use go
        there instead of into strings.js, which every page loads (i18n/script.py)."""
        return {}

    def pages_done(self, build: Build) -> None:
        """Every page and term section of this build exists (and the files are being written by
        another process): drop what only they needed, so a large build holds less to its end."""

    def problems(self, build: Build) -> list[Problem]:
        """Warnings (or errors) about the build this feature can see, e.g. a missing site_url.
        Front ends report them like term problems (MkDocs' log, so --strict fails on them)."""
        return []


# The registry: a feature module calls `register(FEATURE)` when imported. `load_features` imports
# them: the built-in ones (BUILTIN_MODULES), `glossdeck.features` entry points, and modules named in
# the MkDocs plugin's `features` option. (Registered features are code, not build state.)
FEATURES: list[Feature] = []


def register(feature: Feature) -> Feature:
    """Add a feature once, by name: importing or reloading its module twice registers it once."""
    if not any(f.name == feature.name for f in FEATURES):
        FEATURES.append(feature)
    return feature


ENTRY_POINT_GROUP = "glossdeck.features"
# Features shipped with glossdeck: imported on every build (importing registers them); a site
# turns one off with `disabled_features`, e.g. [embeds].
BUILTIN_MODULES: tuple[str, ...] = ("glossdeck.embeds", "glossdeck.stats", "glossdeck.share", "glossdeck.previews")


def lazy_string_groups(features: Iterable[Feature], options: Mapping[str, Any]) -> dict[str, list[str]]:
    """{strings file: scripts} of the features whose assets pages load with these options
    (`Feature.lazy_strings`)."""
    return {k: v for f in features if f.uses_assets(options) for k, v in f.lazy_strings().items()}


def load_features(modules: Iterable[str] = (), disabled: Iterable[str] = ()) -> list[Feature]:
    """Import feature modules (they append to FEATURES when imported) and return the enabled features:
    those of the built-in modules, of `glossdeck.features` entry points and of `modules`, never one a
    module imported for some other reason registered (a site that stops naming a feature under
    `mkdocs serve`, or another site built in the same process, does not get it).

    An entry point may name a module or a Feature subclass / instance; a class is instantiated.
    """
    sources: list[Feature | str] = []  # in order: a feature an entry point names, or a module
    for point in entry_points(group=ENTRY_POINT_GROUP):
        loaded = point.load()
        if isinstance(loaded, type) and issubclass(loaded, Feature):
            loaded = loaded()
        if isinstance(loaded, Feature):
            register(loaded)
            sources.append(next(f for f in FEATURES if f.name == loaded.name))
        elif hasattr(loaded, "__name__"):
            sources.append(str(loaded.__name__))
    for name in (*BUILTIN_MODULES, *modules):
        importlib.import_module(name)
        sources.append(name)
    off = set(disabled)
    # in the order of `sources`, whatever order earlier imports registered them in: a page's
    # stylesheets and scripts come in this order
    unique: dict[int, Feature] = {}
    for source in sources:
        for feature in [source] if isinstance(source, Feature) else [f for f in FEATURES if _defined_in(f, source)]:
            if feature.name not in off:
                unique.setdefault(id(feature), feature)
    return list(unique.values())


def _defined_in(feature: Feature, module: str) -> bool:
    """Whether the feature's class comes from this module or package."""
    home = type(feature).__module__
    return home == module or home.startswith(module + ".")
