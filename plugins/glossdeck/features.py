"""How optional features (cards and embeds, learning tools, ...) plug into every front end.

A feature is core code: it sees the glossary and facts about the site, never MkDocs. The MkDocs
plugin (and the Markdown export, where it makes sense) asks each registered feature for extra
pages, extra sections on term pages, extra <head> markup, extra files written beside the built
site, and the static assets it serves.
"""

from __future__ import annotations

import importlib
import posixpath
from importlib.metadata import entry_points
from dataclasses import dataclass
from typing import Iterable, Literal

from .core.glossary import Glossary
from .core.problems import Problem
from .site.relpath import relpath

SectionSlot = Literal["after-header", "after-content", "end"]


@dataclass(frozen=True)
class SiteInfo:
    """What features need to know about the site being built."""

    site_name: str
    site_url: str | None  # absolute base URL ending in "/", or None when the site has none
    use_directory_urls: bool = True
    terms_prefix: str = "terms"  # term pages live at <terms_prefix>/<slug>.md
    category_titles: tuple[tuple[str, str], ...] = ()  # configured (slug, title), in the site's order

    def category_title(self, category: str) -> str:
        return dict(self.category_titles).get(category) or category.replace("-", " ").capitalize()

    def category_order(self, used: list[str]) -> list[str]:
        """Configured categories first, in their order, then the others alphabetically."""
        configured = [c for c, _ in self.category_titles if c in used]
        return configured + sorted(c for c in used if c not in configured)

    def term_src(self, slug: str) -> str:
        """Source path of a term page, as MkDocs knows it ("terms/<slug>.md")."""
        return f"{self.terms_prefix}/{slug}.md" if self.terms_prefix else f"{slug}.md"

    def url_of(self, src_path: str) -> str:
        """Site-relative URL of a Markdown source path ("terms/x.md" -> "terms/x/" or "terms/x.html")."""
        stem = src_path.removesuffix(".md")
        name = posixpath.basename(stem)
        if name in ("index", "README"):
            parent = posixpath.dirname(stem)
            return f"{parent}/" if parent else ""
        return f"{stem}/" if self.use_directory_urls else f"{stem}.html"

    def term_url(self, slug: str) -> str:
        return self.url_of(self.term_src(slug))

    def absolute(self, site_relative_url: str) -> str | None:
        return self.site_url + site_relative_url if self.site_url else None

    def relative(self, from_src: str, to_url: str) -> str:
        """A link from the page built from `from_src` to a site-relative URL, as written in HTML."""
        page = self.url_of(from_src)
        base = page.rstrip("/") if page.endswith("/") else posixpath.dirname(page)
        target = relpath(to_url or ".", base or ".")
        return target + "/" if to_url.endswith("/") or not to_url else target


@dataclass(frozen=True)
class GeneratedPage:
    src_path: str  # e.g. "learn/explorer.md"
    title: str
    markdown: str  # Markdown (raw HTML allowed), rendered by the site like any page
    in_nav: bool = True  # False: reachable by links only (e.g. one page per learning path)


@dataclass(frozen=True)
class TermSection:
    slot: SectionSlot
    markdown: str


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

    def pages(self, glossary: Glossary, site: SiteInfo) -> list[GeneratedPage]:
        return []

    def term_sections(self, glossary: Glossary, site: SiteInfo, slug: str) -> list[TermSection]:
        return []

    def head(self, glossary: Glossary, site: SiteInfo, slug: str | None) -> str:
        """Extra HTML for <head> of a term page (slug) or of every page (None)."""
        return ""

    def files(self, glossary: Glossary, site: SiteInfo) -> dict[str, bytes]:
        """Files written into the built site, by site-relative path."""
        return {}

    def iter_files(self, glossary: Glossary, site: SiteInfo) -> Iterable[tuple[str, bytes]]:
        """The same files as (path, bytes) pairs; a feature with many files yields them as it
        renders them, so the site writes each and lets it go (the MkDocs plugin uses this)."""
        return self.files(glossary, site).items()

    def scripts(self) -> list[str]:
        """Asset paths (under glossdeck/assets/) each page loads as scripts."""
        return []

    def stylesheets(self) -> list[str]:
        return []

    def pages_done(self) -> None:
        """Every page and term section of this build exists (and the files are being written by
        another process): drop what only they needed, so a large build holds less to its end."""

    def problems(self, glossary: Glossary, site: SiteInfo) -> list[Problem]:
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
BUILTIN_MODULES: tuple[str, ...] = ("glossdeck.embeds",)


def load_features(modules: Iterable[str] = (), disabled: Iterable[str] = ()) -> list[Feature]:
    """Import feature modules (they append to FEATURES when imported) and return the enabled features.

    An entry point may name a module or a Feature subclass / instance; a class is instantiated.
    """
    for point in entry_points(group=ENTRY_POINT_GROUP):
        loaded = point.load()
        if isinstance(loaded, type) and issubclass(loaded, Feature):
            loaded = loaded()
        if isinstance(loaded, Feature):
            register(loaded)
    for name in (*BUILTIN_MODULES, *modules):
        importlib.import_module(name)
    off = set(disabled)
    unique: dict[int, Feature] = {}
    for feature in FEATURES:
        if feature.name not in off:
            unique.setdefault(id(feature), feature)
    return list(unique.values())
