"""The MkDocs front end: a thin plugin over the core (loading, rendering, linking).

Build order, and what each event does:
- on_config: options, rubric, features, layout; checks mermaid2; adds glossdeck's CSS/JS to every page.
- on_files: loads and checks the terms (every problem logged with file:line, so `--strict` fails on
  them; a term with errors is left out) and adds every generated page and asset in memory
  (`File.generated`); nothing is written into docs/.
- on_nav: adds a small "Glossary" section (categories and indexes; never every term).
- on_page_markdown: appends the glossary sections to the site's own home page.
- on_page_content: auto-links term names in every page (one Aho-Corasick pass per page).
- on_post_page: features' <head> markup (early: link previews read only a page's start), JSON-LD.
- on_post_build: features' extra files (build/output_files.py, build/serve_store.py).
- on_serve: reload when a term file changes (told by the operating system: plugin/file_events.py).

Under `mkdocs serve` the plugin instance lives across rebuilds (it defines on_startup) and owns the
one memo (build/memo.py) that every package reuses work through (`glossdeck.reuse`): parsed terms,
rendered term pages, prose mentions, auto-linked pages, ... keyed by their content, so a rebuild
after editing one term re-does that term's work only. A one-off build passes no memo. Each phase's
time goes to build.timings.TIMER (read by scripts/bench.py).
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import functools
import json
import logging
import os
from collections.abc import Hashable
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

import jinja2
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from ..build.cached_renderer import CachingRenderer
from ..build.memo import BuildMemo
from ..build.output_files import ForkedWriter, SharedJobs, WriteReport, feature_files, share_file_jobs, write_files
from ..build.parallel_renders import render_on_two_cores
from ..build.serve_store import ForkedSync, LinkedStore
from ..build.template_cache import CompiledTemplates
from ..build.timings import TIMER
from ..core.checks import load_glossary
from ..core.glossary import Glossary
from ..core.loading import LoadedTerm, parse_term, read_term_bytes, slug_for
from ..core.problems import GlossdeckError, Problem, Severity
from ..core.rubric import Rubric, load_rubric
from ..core.term_changes import affected_terms, snapshot
from ..features import Feature, lazy_string_groups, load_features
from ..i18n.catalog import CatalogError, load_messages
from ..i18n.script import asset_scripts, browser_strings, script_sources
from ..reuse import reuse, text_key
from ..site import jsonld
from ..site.badges import axes_css
from ..site.context import SiteContext
from ..site.index_pages import generate_pages, home_sections
from ..site.layout import Layout
from ..site.prose_links import SitePages, check_prose_links, prose_links
from ..site.term_page import SEARCHED_BLOCKS, TermPageRenderer
from ..text import html_blocks
from ..text.prose import ProseRenderer
from .config import GlossdeckConfig
from .dirty_builds import DirtyBuilds, QuietDirtyWarning, folder_fingerprint, keep_if_unchanged, nav_signature
from .file_events import use_native_events
from .head_markup import insert_early, insert_late
from .mermaid2 import (
    MERMAID_URL,
    VENDOR_FILE,
    check_mermaid2,
    hide_diagrams,
    show_diagrams,
)
from .narrow_strings import ascii_html, ascii_page
from .nav import add_glossary_section
from .search_loading import WORKER_SRC, boost_term, defer_script, lazy_search, uses_material_search, worker_source
from .serve_revalidation import answer_with_validators
from .site_setup import SITE_URL_LINE, is_site_url_notice, missing_settings, setup_message
from .theme_env import reuse_theme_work

log = get_plugin_logger(__name__)

ASSETS_DIR = Path(__file__).parent.parent / "assets"
ASSETS_URL = "assets/glossdeck"
BUILD_FONTS = ASSETS_DIR / "vendor" / "fonts"  # for drawing the link-preview images; not served
OWN_STYLESHEETS = ("glossdeck.css", "axes.css")
# strings.js (generated: the interface strings in the site's language) first: deferred scripts run
# in order, so every later script finds `window.glossdeckStrings`
OWN_SCRIPTS = ("strings.js", "glossdeck.js")


def _split_and_narrow(markdown: str) -> tuple[str, tuple[str, ...]]:
    # term pages come marked by their template; listings (categories, tags, A-Z, paths) are marked here
    stub, blocks = html_blocks.split(html_blocks.mark_raw_blocks(markdown))
    return ascii_page(stub), tuple(ascii_html(b) for b in blocks)


def _log_problem(problem: Problem) -> None:
    (log.error if problem.severity is Severity.ERROR else log.warning)(problem.format())


_NO_TAGS = object()  # a page without `tags` meta


class GlossdeckPlugin(BasePlugin[GlossdeckConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.ctx: SiteContext | None = None
        self.features: list[Feature] = []
        self.generated: set[str] = set()  # src paths of the pages glossdeck added
        self.html_blocks: dict[str, tuple[str, ...]] = {}  # src path -> its HTML blocks, put back after Markdown
        self._searched: dict[str, str] = {}  # term page -> what the search index gets of it
        self._listings: set[str] = set()  # generated pages whose listed terms search skips
        self._full_content: str | None = None  # a term page's content while search reads the lean one
        self._page_tags: object = None  # a term page's own `tags` meta while search reads its term tags
        self._search_script: str | None = None  # Material's search: the <head> script that defers its index
        self.home_src: str | None = None  # the site's own home page, which gets the glossary sections
        self.home_page: str | None = None  # the site's home page (its own or generated), whatever `home` says
        self.feature_nav: list[tuple[str, list[str]]] = []  # (section title or "", src paths) per feature
        # What `mkdocs serve` rebuilds reuse: made by on_startup for serve; None in a one-off build
        self.memo: BuildMemo | None = None
        self.dirty: DirtyBuilds | None = None  # under `mkdocs serve --dirty`
        self._page_keys: dict[str, Hashable] = {}  # generated src path -> its Markdown's key
        self._files: Files | None = None
        self._home_key: Hashable = None  # the home page's glossary sections, last build
        self.renderer: TermPageRenderer | None = None
        self._forked: ForkedWriter | ForkedSync | None = None
        self._pending_files: tuple[SiteContext, str] | None = None
        self.store = LinkedStore()  # features' files between `mkdocs serve` rebuilds
        self.files_report = WriteReport()
        self._shared: SharedJobs | None = None  # features' file jobs shared with the forked writer
        self.jobs_done_here = 0  # of those, the jobs this process did (the writer's: files_report)
        self._told: str | None = None  # the setup message already logged

    # --- configuration ---
    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        # Defining on_startup keeps this instance across `mkdocs serve` rebuilds; only then is a
        # memo worth keeping (a one-off build would just hold every page twice in memory).
        self.memo = BuildMemo() if command == "serve" else None
        # `mkdocs serve --dirty` (make serve): only pages whose output changes are rendered again
        self.dirty = self.memo.kept("dirty-builds", DirtyBuilds) if self.memo is not None and dirty else None
        if self.dirty is not None:
            build_log = logging.getLogger("mkdocs.commands.build")
            if not any(isinstance(f, QuietDirtyWarning) for f in build_log.filters):
                build_log.addFilter(QuietDirtyWarning())

    @property
    def incremental(self) -> bool:
        return self.memo is not None

    def cache_stats(self) -> dict[str, int]:
        """Work done and reused in the last build (the bench's serve mode prints these)."""
        memo = self.memo or BuildMemo()
        return {
            "terms_parsed": memo.misses("parsed-terms"),
            "term_pages_rendered": self.renderer.renders if self.renderer else 0,
            "term_pages_reused": memo.hits("term-pages"),
            "mentions_scanned": memo.misses("mentions"),
            "pages_autolinked": memo.misses("autolinked"),
            "pages_autolink_reused": memo.hits("autolinked"),
            "feature_files_written": self.files_report.written,
            "feature_files_linked": self.files_report.linked,
            # shared file jobs (link-preview PNGs drawn) by this process and by the forked writer
            "file_jobs_done_here": self.jobs_done_here,
            "file_jobs_done_forked": self.files_report.jobs_done,
        }

    @event_priority(100)  # before other plugins' on_config: the search plugin loads theme templates there
    def _reuse_theme_work(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.memo is not None:  # under serve: theme templates compiled and listed once (theme_env.py)
            listed = self.memo.kept("theme-files", dict[Hashable, list[str]])
            reuse_theme_work(config.theme, listed, self.memo.kept("compiled-templates", CompiledTemplates))
        return config

    def _on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        TIMER.reset()  # one build's totals (under `mkdocs serve`, every rebuild starts here)
        self.files_report = WriteReport()
        self.jobs_done_here = 0
        if self.memo is not None:
            self.memo.start_build()
        with TIMER.phase("config"):
            return self._configure(config)

    on_config = CombinedEvent(_reuse_theme_work, _on_config)

    def _configure(self, config: MkDocsConfig) -> MkDocsConfig:
        self.root = Path(config.config_file_path or ".").resolve().parent
        # mkdocs.yml's bytes, hashed once per build: dirty builds and the affected terms compare it
        config_file = Path(config.config_file_path) if config.config_file_path else None
        self.config_digest = hash(config_file.read_bytes()) if config_file and config_file.is_file() else None
        self.terms_dir = (self.root / self.config.terms_dir).resolve()
        self.docs_dir = Path(config.docs_dir).resolve()
        try:
            self.rubric: Rubric = load_rubric(self.root / self.config.rubric if self.config.rubric else None)
        except GlossdeckError as exc:
            raise PluginError("glossdeck: cannot use the DEBT rubric:\n" + str(exc)) from None
        self.features = load_features(self.config.features, self.config.disabled_features)
        self.feature_options = self._feature_options()
        # Material's `language`, or MkDocs' own themes' `locale` (a babel Locale there, hence str())
        language = str(self.config.language or config.theme.get("language") or config.theme.get("locale") or "en")
        direction = config.theme.get("direction") or None  # Material's own override of the language's
        strings = dict(self.config.strings)
        try:  # under serve, read once per session (by the settings it came from): catalogs don't change
            messages = reuse(
                self.memo,
                "messages",
                "site",
                (language, direction, json.dumps(strings, sort_keys=True, default=str)),
                lambda: load_messages(language, strings, direction),
            )
        except CatalogError as exc:
            raise PluginError(f"glossdeck: {exc}") from None
        self.layout = Layout.create(
            config.site_name,
            config.site_url,
            config.use_directory_urls,
            self.config.url_prefix,
            category_titles=dict(self.config.categories),
            tag_titles=dict(self.config.tags),
            messages=messages,
        )
        self.template_dirs = [str(self.root / self.config.templates_dir)] if self.config.templates_dir else []
        custom_dir = config.theme.custom_dir if hasattr(config.theme, "custom_dir") else None
        if custom_dir:
            self.template_dirs.append(str(Path(custom_dir) / "glossdeck"))
        self.missing_settings = missing_settings(config.theme)
        mermaid2 = config.plugins.get("mermaid2")
        self.mermaid_arguments: dict[str, Any] = {}
        self._search_script = defer_script() if uses_material_search(config) else None
        if mermaid2 is not None:
            for message in check_mermaid2(mermaid2):
                log.error(message)
            self.mermaid_arguments = dict(mermaid2.config.get("arguments") or {})
        # Every page loads glossdeck's styles and the Mermaid stand-in, then each feature's assets.
        styles = [f"{ASSETS_URL}/{name}" for name in OWN_STYLESHEETS]
        scripts = [f"{ASSETS_URL}/{name}" for name in OWN_SCRIPTS]
        for feature in self.features:
            if not feature.uses_assets(self.feature_options):
                continue
            for path in [*feature.stylesheets(), *feature.scripts()]:
                if not (ASSETS_DIR / path).is_file():
                    log.error(f"feature '{feature.name}' asks for {path}, which is not in {ASSETS_DIR}")
            styles += [f"{ASSETS_URL}/{path}" for path in feature.stylesheets()]
            scripts += [f"{ASSETS_URL}/{path}" for path in feature.scripts()]
        for url in styles:
            if url not in config.extra_css:
                config.extra_css.append(url)
        for url in scripts:
            if url not in [str(s) for s in config.extra_javascript]:
                # deferred: a page's text shows before glossdeck's scripts are fetched and run
                script = ExtraScriptValue(url)
                script.defer = True
                config.extra_javascript.append(script)
        return config

    def _feature_options(self) -> dict[str, Any]:
        """Features' settings (Build.options): the stats database as an absolute path, the day."""
        today = self.config.stats_today
        if today:
            try:
                dt.date.fromisoformat(today)
            except ValueError:
                raise PluginError(f"glossdeck: stats_today: '{today}' is not a date (YYYY-MM-DD)") from None
        stats = self.config.stats
        return {
            "stats": str((self.root / stats).resolve()) if stats else None,
            "stats_today": today,
            "ratings_endpoint": self.config.ratings_endpoint,
            "ratings_database_url": self.config.ratings_database_url,
        }

    # --- the glossary and its pages ---
    def _read(self, path: Path) -> LoadedTerm:
        """One term file; under `mkdocs serve`, parsed again only when its bytes changed."""
        file, raw = read_term_bytes(path)
        return reuse(
            self.memo,
            "parsed-terms",
            str(path),
            (file, hash(raw), len(raw)),
            lambda: parse_term(raw, file, slug_for(path)),
        )

    def _load(self) -> Glossary:
        # Under `mkdocs serve`, a file broken mid-edit keeps its last good page (with a notice)
        last_good = self.memo.kept("last-good-terms", dict[str, LoadedTerm]) if self.memo is not None else None
        glossary, problems = load_glossary(
            [self.terms_dir],
            self.rubric,
            read=self._read,
            checks=[f.check for f in self.features],
            memo=self.memo,
            last_good=last_good,
        )
        for problem in problems.sorted():
            _log_problem(problem)
        if last_good is not None:
            last_good.clear()  # a deleted file's page goes with it
            last_good.update({e.file: e for e in glossary})
        return glossary

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        with TIMER.phase("load"):
            glossary = self._load()
        self.ctx = SiteContext(
            glossary=glossary,
            rubric=self.rubric,
            layout=self.layout,
            category_titles=dict(self.config.categories),
            features=self.features,
            # term pages write their diagrams as HTML, whatever the site's `mermaid` fence (drawn by
            # Material or glossdeck.js with the library mermaid2 is set to): mermaid2 need not parse them
            mermaid_fence=False,
            mark_html_blocks=True,
            autolink_exclude=tuple(self.config.autolink_exclude_terms),
            recent_days=self.config.recent_days,
            recent_count=self.config.recent_count,
            site_description=config.site_description,
            terms_dir=Path(os.path.relpath(self.terms_dir, self.root)).as_posix(),
            cache_dir=str(self.root / self.config.cache_dir) if self.config.cache_dir else None,
            memo=self.memo,
            # conversions are pure: under serve the memo keeps one renderer for the whole session
            prose=self.memo.kept("prose", ProseRenderer) if self.memo is not None else ProseRenderer(),
            phase=TIMER.phase,
            feature_options=self.feature_options,
        )
        if self.memo is not None:
            with TIMER.phase("load"):
                self.ctx.affected = self._affected_terms(self.ctx, config)
        missing = list(self.missing_settings)
        with TIMER.phase("features"):
            for feature in self.features:  # e.g. embeds: "site_url is not set"
                for problem in feature.problems(self.ctx.build):
                    if is_site_url_notice(problem.file, problem.field):
                        if SITE_URL_LINE not in missing:  # cards, link previews: one line for all
                            missing.append(SITE_URL_LINE)
                    else:
                        _log_problem(problem)
        told = setup_message(missing)
        if told and told != self._told:  # once, not on every `mkdocs serve` rebuild
            log.info(told)
        self._told = told
        with TIMER.phase("render"):
            return self._add_pages(self.ctx, files, config)

    def _affected_terms(self, ctx: SiteContext, config: MkDocsConfig) -> frozenset[str] | None:
        """The terms this serve rebuild may show differently than the last one (core/term_changes.py),
        or None after a change to the site's settings (any term may)."""
        assert self.memo is not None
        last: dict[str, Any] = self.memo.kept("terms-snapshot", dict)
        rubric = self.root / self.config.rubric if self.config.rubric else None
        settings = (
            ctx.layout,
            json.dumps(self.feature_options, sort_keys=True, default=str),
            config.site_description,
            ctx.cache_dir,
            tuple(type(f).__qualname__ + ":" + f.name for f in self.features),
            self.config_digest,
            hash(rubric.read_bytes()) if rubric and rubric.is_file() else None,
            tuple(sorted((slug, problems) for slug, problems in ctx.glossary.stale.items())),
        )
        now = snapshot(ctx.glossary, ctx.neighbours)
        before = last.get("snapshot") if last.get("settings") == settings else None
        last["settings"], last["snapshot"] = settings, now
        return affected_terms(before, now) if before is not None else None

    def _add_pages(self, ctx: SiteContext, files: Files, config: MkDocsConfig) -> Files:
        glossary = ctx.glossary
        home = files.get_file_from_path(self.layout.home) or files.get_file_from_path("README.md")
        self.home_src = home.src_uri if home is not None and self.config.home else None
        self.home_page = home.src_uri if home is not None else self.layout.home  # its <head> gets features' home_head
        renderer = (
            CachingRenderer(ctx, self.template_dirs, self.memo)
            if self.memo is not None
            else TermPageRenderer(ctx, self.template_dirs)
        )
        self.renderer = renderer
        self.generated = set()
        self.html_blocks = {}
        self._listings = set()
        self._page_keys = {}
        self._files = files
        with TIMER.phase("features"):
            by_feature = [(f, f.pages(ctx.build)) for f in self.features]
        extras = [page for _, pages in by_feature for page in pages]
        t = self.layout.site.messages  # a feature's section title in the site's language, when the catalog has it
        self.feature_nav = [
            (
                t(f"nav.{f.name}") if f.nav_section and t.has(f"nav.{f.name}") else f.nav_section,
                [p.src_path for p in pages if p.in_nav],
            )
            for f, pages in by_feature
        ]
        failures: list[Problem] = []
        try:
            pages = generate_pages(
                ctx,
                renderer,
                with_home=home is None,
                with_features=False,
                failures=failures,
                # on two cores where this process may fork: one-off builds and the first serve build
                render_terms=functools.partial(render_on_two_cores, memo=self.memo),
            )
        except jinja2.TemplateError as exc:
            raise PluginError(f"glossdeck: the term page template is broken: {exc}") from None
        for problem in failures:
            _log_problem(problem)
        for page in [*pages, *extras]:
            if files.get_file_from_path(page.src_path) is not None:
                log.warning(
                    f"docs/{page.src_path} exists, so glossdeck does not generate its own "
                    f"'{page.title}' page there (set url_prefix to move glossdeck's pages)"
                )
                continue
            slug = self.layout.slug_of(page.src_path)
            inclusion = InclusionLevel.INCLUDED if page.src_path == self.layout.home else InclusionLevel.NOT_IN_NAV
            # finished HTML blocks skip Markdown (text/html_blocks.py); narrow strings: narrow_strings.py
            markdown_key = text_key(page.markdown)
            content, blocks = reuse(
                self.memo, "narrowed", page.src_path, markdown_key, functools.partial(_split_and_narrow, page.markdown)
            )
            if blocks:
                self.html_blocks[page.src_path] = blocks
            self._page_keys[page.src_path] = markdown_key
            if not page.lists_searched:
                self._listings.add(page.src_path)
            file = File.generated(config, page.src_path, content=content, inclusion=inclusion)
            if slug is not None and slug in glossary:
                # "Edit this page" opens the term's YAML file (edit_uri is relative to docs_dir)
                file.edit_uri = self._edit_uri(glossary.entries[slug].file)
            files.append(file)
            self.generated.add(page.src_path)
        self._add_assets(files, config)
        with TIMER.phase("load"):
            self._check_prose_links(glossary, files, config)
        if self.memo is None:  # every page's Markdown is generated: one-off conversions are done
            ctx.prose = ProseRenderer()
        self._start_feature_files(config)
        return files

    def _check_prose_links(self, glossary: Glossary, files: Files, config: MkDocsConfig) -> None:
        """Links written in prose to pages of the site must name pages it has (site/prose_links.py):
        MkDocs never sees them, as prose reaches it as finished HTML."""
        pages = SitePages((f.url for f in files.documentation_pages()), urlsplit(config.site_url or "/").path)
        for entry in glossary:
            links = reuse(self.memo, "prose-links", entry.slug, entry.digest, functools.partial(prose_links, entry))
            for problem in check_prose_links(entry, links, self.layout, pages, glossary.__contains__):
                _log_problem(problem)

    def _edit_uri(self, term_file: str) -> str:
        def compute() -> str:
            yaml_path = (Path.cwd() / term_file).resolve()
            return Path(os.path.relpath(yaml_path, self.docs_dir)).as_posix()

        return reuse(self.memo, "edit-uris", term_file, (os.getcwd(), self.docs_dir), compute)

    def _browser_strings(self) -> dict[str, str]:
        """strings.js and the features' lazily loaded strings files (i18n/script.py), made once per
        `mkdocs serve` session unless the language, the site's strings or a script changes."""
        messages = self.layout.site.messages
        groups = lazy_string_groups(self.features, self.feature_options)
        stamps = tuple((p.relative_to(ASSETS_DIR).as_posix(), p.stat().st_mtime_ns) for p in asset_scripts(ASSETS_DIR))
        return reuse(
            self.memo,
            "strings",
            "site",
            (messages, stamps, json.dumps(groups, sort_keys=True)),
            lambda: browser_strings(messages, script_sources(ASSETS_DIR), groups),
        )

    def _add_assets(self, files: Files, config: MkDocsConfig) -> None:
        for path in sorted(ASSETS_DIR.rglob("*")):
            if path.is_file() and not path.name.startswith(".") and not path.is_relative_to(BUILD_FONTS):
                src = f"{ASSETS_URL}/{path.relative_to(ASSETS_DIR).as_posix()}"
                if files.get_file_from_path(src) is None:
                    files.append(File.generated(config, src, abs_src_path=str(path)))
        made = [File.generated(config, f"{ASSETS_URL}/axes.css", content=axes_css())]
        if self._search_script is not None and files.get_file_from_path(WORKER_SRC) is None:
            made.append(File.generated(config, WORKER_SRC, content=worker_source()))
        for name, script in self._browser_strings().items():
            made.append(File.generated(config, f"{ASSETS_URL}/{name}", content=script))
        for file in made:
            files.append(file)
            if self.dirty is not None:  # unchanged: not written again, so a reloading browser keeps it
                keep_if_unchanged(file)
        if not VENDOR_FILE.is_file():
            log.error(
                f"{VENDOR_FILE} is missing, so diagrams cannot render: run `npm ci` "
                f"(it installs Mermaid and copies it to {MERMAID_URL})"
            )

    # --- navigation ---
    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        if self.config.nav and self.ctx is not None:
            title = self.config.nav_title or self.layout.site.messages("nav.glossary")
            nav = add_glossary_section(nav, files, self.ctx, self.generated, title, self.feature_nav)
        if self.dirty is not None and self.ctx is not None:
            self._mark_dirty_pages(nav, files, config)
        return nav

    def _mark_dirty_pages(self, nav: Navigation, files: Files, config: MkDocsConfig) -> None:
        assert self.dirty is not None and self.ctx is not None
        signature = (
            nav_signature(nav),
            self.config_digest,
            self.ctx.autolink_key,
            folder_fingerprint(getattr(config.theme, "custom_dir", None)),
            self.layout,
        )
        changed: set[str] = set()
        if self.home_src is not None:  # the glossary sections glossdeck appends to the site's home page
            key = text_key(self._home_sections(self.home_src))
            if self._home_key != key:
                changed.add(self.home_src)
            self._home_key = key
        self.dirty.mark(files, signature, self._page_keys, changed)
        self.dirty.prepare_search(config.plugins.get("search") or config.plugins.get("material/search"), files)

    # --- pages ---
    def _home_sections(self, home_src: str) -> str:
        """The glossary sections of the home page, made once per build (dirty builds compare them)."""
        ctx = self.ctx
        assert ctx is not None
        return ctx.build.once(f"home-sections:{home_src}", lambda: home_sections(ctx, home_src))

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self.ctx is not None and page.file.src_uri == self.home_src and page.file.generated_by is None:
            with TIMER.phase("render"):
                return markdown.rstrip("\n") + "\n\n" + self._home_sections(page.file.src_uri)
        return markdown

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        ctx = self.ctx
        src = page.file.src_uri
        if self.dirty is not None:
            self.dirty.rendered_page(page)
        blocks = self.html_blocks.get(src) if page.file.generated_by is not None else None
        if blocks:
            with TIMER.phase("render"):
                if self.layout.is_term(src):  # the search index gets the words, not the widgets
                    self._searched[src] = html_blocks.searchable(html, blocks, SEARCHED_BLOCKS, lead="tldr")
                elif src in self._listings:
                    self._searched[src] = html_blocks.without_blocks(html)
                html = hide_diagrams(html_blocks.fill(html, blocks))
        if ctx is None or not self.config.autolink or not len(ctx.glossary):
            return html
        if any(fnmatch.fnmatch(src, pattern) for pattern in self.config.autolink_exclude_pages):
            return html
        layout, glossary = self.layout, ctx.glossary

        def link() -> str:
            return ctx.autolinker.link_html(
                html,
                lambda slug: layout.href(src, layout.term(slug)) if slug in glossary else None,
                self_slug=layout.slug_of(src),
                title_for=lambda slug: glossary.term(slug).title,
                narrow=ascii_html,
            )

        with TIMER.phase("autolink"):
            # the same HTML linked against the same names gives the same page: reuse it
            return reuse(self.memo, "autolinked", src, (ctx.autolink_key, text_key(html)), link)

    @event_priority(-50)  # after mermaid2's, which then has no diagram of glossdeck's to parse the page for
    def _show_diagrams(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        if page.file.src_uri not in self.html_blocks:
            return output
        return show_diagrams(output, self.mermaid_arguments)

    @event_priority(50)  # before the search plugin reads the page
    def _content_for_search(self, context: Any, /, *, page: Page, config: MkDocsConfig, nav: Navigation) -> Any:
        src = page.file.src_uri
        slug = self.layout.slug_of(src) if src in self.generated and self.layout.is_term(src) else None
        if slug is not None and self.ctx is not None and slug in self.ctx.glossary:
            # term pages rank above tag, listing and documentation pages, and a term's own tags (for
            # search only: put back below, before the theme sees the page) rank it for those words
            self._page_tags = page.meta.get("tags", _NO_TAGS)
            boost_term(page.meta, self.ctx.glossary.term(slug).tags)
        searched = self._searched.pop(page.file.src_uri, None)
        if searched is not None:
            self._full_content = page.content
            page.content = searched
        return context

    @event_priority(-50)  # after it: the page is rendered with all of its content
    def _content_for_page(self, context: Any, /, *, page: Page, config: MkDocsConfig, nav: Navigation) -> Any:
        if self._full_content is not None:
            page.content, self._full_content = self._full_content, None
        if self._page_tags is not None:
            if self._page_tags is _NO_TAGS:
                page.meta.pop("tags", None)
            else:
                page.meta["tags"] = self._page_tags
            self._page_tags = None
        return context

    on_page_context = CombinedEvent(_content_for_search, _content_for_page)

    def _add_head(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        ctx = self.ctx
        if ctx is None:
            return output
        if self._search_script is not None:
            output = lazy_search(output, self._search_script)
        src = page.file.src_uri
        head: list[str] = []
        slug = self.layout.slug_of(src) if src in self.generated else None
        with TIMER.phase("jsonld"):
            if slug is not None and slug in ctx.glossary:
                term_slug = slug

                def structured_data() -> str:
                    return jsonld.script_tag(jsonld.defined_term(ctx, term_slug))

                digest = ctx.glossary.entries[slug].digest
                key = (digest, self.layout, ctx.link_titles(slug))
                head.append(reuse(self.memo, "jsonld", slug, key, structured_data))
            elif src == self.layout.a_z and src in self.generated:
                head.append(jsonld.script_tag(jsonld.defined_term_set(ctx)))
        early: list[str] = []  # within the first kilobytes link-preview clients read (head_markup.py)
        home = src == self.home_page
        with TIMER.phase("features"):
            for feature in self.features:
                early.append(feature.head(ctx.build, None))
                if slug is not None:
                    early.append(feature.head(ctx.build, slug))
                elif home:
                    early.append(feature.home_head(ctx.build))
        output = insert_early(output, "".join(h for h in early if h))
        return insert_late(output, "".join(h for h in head if h))

    on_post_page = CombinedEvent(_add_head, _show_diagrams)

    @event_priority(-100)  # after the search plugin has written its index
    def on_post_template(self, output_content: str, /, *, template_name: str, config: MkDocsConfig) -> str:
        # the theme's 404 page runs Material's search too: its index also waits for a search
        if self._search_script is not None and template_name.endswith(".html"):
            return lazy_search(output_content, self._search_script)
        return output_content

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.ctx is None:
            return
        self._finish_feature_files()
        if self.dirty is not None and self._files is not None:
            search = config.plugins.get("search") or config.plugins.get("material/search")
            self.dirty.finish(os.path.realpath(config.site_dir), self._files, self.generated, search)
        if self.memo is not None:  # what this build did not ask for is gone (deleted terms, pages)
            self.memo.end_build()
        TIMER.write_if_requested()

    def on_build_error(self, *, error: Exception) -> None:
        self._pending_files = None
        if self._shared is not None:
            self._shared.pool.close()
            self._shared = None
        if self._forked is not None:
            self._forked.cancel()
            self._forked = None

    # --- features' files (see build/output_files.py and build/serve_store.py) ---
    def _start_feature_files(self, config: MkDocsConfig) -> None:
        """A one-off build forks a child that writes features' files on the other core while MkDocs
        renders the pages, and so does the first `mkdocs serve` build (into the store); later serve
        rebuilds (and builds where fork is unsafe) write them, or link them from the store, in
        on_post_build."""
        assert self.ctx is not None
        ctx, site_dir = self.ctx, os.path.realpath(config.site_dir)
        self._pending_files = (ctx, site_dir)
        if not ForkedWriter.available():
            return
        if self.incremental:
            if not self.store.fingerprints:  # the session's first build: nothing in the store yet
                self._pending_files = None
                self._shared = shared = share_file_jobs(self.features, ctx.build)
                # the child stores the other features' files and draws its share of the jobs; this
                # process stores the files of the features that needed the jobs (serve_store.py)
                others = [f for f in self.features if f not in shared.features]
                self._forked = ForkedSync(
                    self.store,
                    lambda: feature_files(others, ctx.build),
                    site_dir,
                    self.memo,
                    shared,
                    later=lambda: feature_files(shared.features, ctx.build),
                )
            return
        self._pending_files = None
        self._shared = shared = share_file_jobs(self.features, ctx.build)
        items = feature_files(self.features, ctx.build, shared)
        self._forked = ForkedWriter(lambda: write_files(items, site_dir), shared)
        for feature in self.features:  # the child has its own copy of what the files need
            feature.pages_done(ctx.build)

    def _finish_feature_files(self) -> None:
        errors: list[str] = []
        if self._forked is not None:
            forked, self._forked = self._forked, None
            shared, self._shared = self._shared, None
            sync = forked if isinstance(forked, ForkedSync) else None
            if shared is not None:  # the pages are done: draw what the child has not drawn yet
                with TIMER.phase("files-jobs"):
                    # the first serve build's child sends its memo entries meanwhile: taken in between
                    shared.pool.work(between=None if sync is None else functools.partial(self._poll, sync))
                shared.pool.close()
                self.jobs_done_here = shared.pool.done
            if sync is not None:  # the files of the features that needed the jobs
                with TIMER.phase("files"):
                    sync.write_here()
            with TIMER.phase("files-wait"):
                try:
                    report = forked.finish()
                except OSError as exc:
                    raise PluginError(f"glossdeck: a feature's files could not be written: {exc}") from None
            TIMER.totals["files-forked"] += report.cpu_seconds  # the child's CPU time, off the build's path
            errors, self.files_report = report.errors, report
        if self._pending_files is not None:
            ctx, site_dir = self._pending_files
            self._pending_files = None
            items = feature_files(self.features, ctx.build)
            with TIMER.phase("files"):
                report = self.store.sync(items, site_dir) if self.incremental else write_files(items, site_dir)
            errors, self.files_report = report.errors, report
        for message in errors:
            log.error(message)

    @staticmethod
    def _poll(sync: ForkedSync) -> None:
        with TIMER.phase("files-preload"):
            sync.poll()

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        # `mkdocs serve` rebuilds when a term file (or a template override) changes
        server.watch(str(self.terms_dir))
        for folder in self.template_dirs:
            if Path(folder).is_dir():
                server.watch(folder)
        if self.config.serve_watcher == "native":  # a save starts the rebuild at once (file_events.py)
            use_native_events(server)
        answer_with_validators(server)  # a reload gets 304s for unchanged assets (serve_revalidation.py)
        return server
