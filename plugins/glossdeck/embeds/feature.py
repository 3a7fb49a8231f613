"""Embeddable term cards as a glossdeck feature: importing this module registers it.

Per term it adds to the built site: cards/<slug>.svg and cards/<slug>-dark.svg, badges/<slug>.svg
and badges/<slug>.json (shields.io endpoint), embed/<slug>/index.html, api/terms/<slug>.json and
oembed/<slug>.json. Once per site: api/terms.json, the API's JSON Schemas, the web component
script embed/glossdeck-term.js, and oembed/sitemap.xml (see oembed.py). On each term page: the
oEmbed discovery <link> and the "Embed this term" section.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources

from ..core.glossary import Glossary
from ..core.loading import LoadedTerm
from ..core.model import Term
from ..core.problems import Problem, Severity
from ..core.term_links import linked_slugs
from ..features import Build, Feature, SiteInfo, TermSection
from ..reuse import reuse
from ..text.term_links import guess_title
from .badge_svg import render_badge, shields_endpoint
from .card_svg import render_card
from .card_view import CardView, card_view
from .embed_page import render_embed_page
from .oembed import SITEMAP_STUB, SITEMAP_STUB_PATH, discovery_link, oembed_json
from .output_paths import API_INDEX_PATH, SCRIPT_PATH, Linker, term_paths
from .snippets import section_markdown
from .term_api import index_json, schema_files, term_json
from .web_component import component_script

COPY_SCRIPT_ASSET = "glossdeck-embed.js"
STYLESHEET_ASSET = "glossdeck-embed.css"


def asset_text(name: str) -> str:
    return (resources.files("glossdeck") / "assets" / name).read_text(encoding="utf-8")


# A term's card view is asked for up to four times per build (section, <head>, files, index): kept
# for the build. Under `mkdocs serve` its files, section and <head> link are kept between rebuilds
# by the file's content (and the site), so each is computed once per edit.


# (slug, title, whether a term file defines it) of each term link (`[[slug]]`) in a term's prose
LinkTitles = tuple[tuple[str, str, bool], ...]


def _link_titles(glossary: Glossary, term: Term) -> LinkTitles:
    """The titles a term's prose shows for its term links (`[[slug]]`): part of its cards' keys."""
    return tuple(
        (s, glossary.term(s).title, True) if s in glossary else (s, guess_title(s), False) for s in linked_slugs(term)
    )


def _view(slug: str, term: Term, site: SiteInfo, titles: LinkTitles) -> CardView:
    shown = {s: title for s, title, _ in titles}
    return card_view(
        slug,
        term,
        site.site_name,
        site.category_title(term.category),
        site.messages,
        lambda s: shown.get(s) or guess_title(s),
    )


def view_of(build: Build, slug: str) -> CardView:
    entry = build.glossary.entries[slug]
    views: dict[str, CardView] = build.once("embeds.views", dict)
    found = views.get(slug)
    if found is None:  # under `mkdocs serve`, kept by the file's content: the index asks for every term
        found = views[slug] = build.term_value(
            "embeds.views",
            slug,
            lambda: (entry.digest, build.site, _link_titles(build.glossary, entry.term)),
            lambda: _view(slug, entry.term, build.site, _link_titles(build.glossary, entry.term)),
        )
    return found


def _index_bytes(build: Build) -> bytes:
    """api/terms.json; under `mkdocs serve` kept while every term's view (title, aliases, level,
    DEBT, date) is the same, so an edit to a term's prose does not re-encode the whole index."""
    views = {slug: view_of(build, slug) for slug in build.glossary.entries}
    key = (
        tuple((slug, v.title, v.aliases, v.category, v.level, v.debt, v.edited) for slug, v in views.items()),
        build.site,
    )
    return reuse(
        build.memo,
        "embeds.index",
        "api/terms.json",
        key,
        lambda: index_json(views, Linker(build.site), build.site.site_name).encode(),
    )


def _colliding(glossary: Glossary) -> dict[str, str]:
    """Slug -> the other slug whose dark card path it would overwrite ("x-dark" vs "x")."""
    return {
        slug: slug.removesuffix("-dark")
        for slug in glossary.entries
        if slug.endswith("-dark") and slug.removesuffix("-dark") in glossary
    }


def term_outputs(build: Build, slug: str) -> dict[str, bytes]:
    """Every per-term file, by site-relative path (what `files()` writes for one term)."""
    entry = build.glossary.entries[slug]
    return build.term_value(
        "embeds.files",
        slug,
        lambda: (entry.digest, build.site, _link_titles(build.glossary, entry.term)),
        lambda: _render_outputs(entry, build.site, _link_titles(build.glossary, entry.term)),
    )


def _render_outputs(entry: LoadedTerm, site: SiteInfo, titles: LinkTitles = ()) -> dict[str, bytes]:
    slug = entry.slug
    view = _view(slug, entry.term, site, titles)
    linker = Linker(site)
    paths = term_paths(slug)
    return {
        paths.card: render_card(view, "light").encode(),
        paths.card_dark: render_card(view, "dark").encode(),
        paths.badge: render_badge(view).encode(),
        paths.badge_json: shields_endpoint(view).encode(),
        paths.embed: render_embed_page(view, linker).encode(),
        paths.json: term_json(view, entry.term, linker, titles).encode(),
        paths.oembed: oembed_json(view, linker).encode(),
    }


class EmbedsFeature(Feature):
    name = "embeds"

    def iter_files(self, build: Build) -> Iterator[tuple[str, bytes]]:
        """The files one term at a time, so a build never holds every card in memory at once
        (seven files per term: about 45 MB per 1,000 terms)."""
        colliding = _colliding(build.glossary)
        written: set[str] = set()
        for slug in build.glossary.entries:
            for path, data in term_outputs(build, slug).items():
                # a term's own light card beats another term's dark variant at the same path
                if path in written and slug in colliding.values():
                    continue
                written.add(path)
                yield path, data
        yield API_INDEX_PATH, _index_bytes(build)
        for path, text in schema_files().items():
            yield path, text.encode()
        yield SCRIPT_PATH, component_script().encode()
        yield SITEMAP_STUB_PATH, SITEMAP_STUB.encode()

    def head(self, build: Build, slug: str | None) -> str:
        if slug is None or slug not in build.glossary:
            return ""
        entry = build.glossary.entries[slug]
        return reuse(
            build.memo,
            "embeds.head",
            slug,
            (entry.digest, build.site),
            lambda: str(discovery_link(view_of(build, slug), Linker(build.site))),
        )

    def term_sections(self, build: Build, slug: str) -> list[TermSection]:
        entry = build.glossary.entries[slug]
        return reuse(
            build.memo,
            "embeds.sections",
            slug,
            (entry.digest, build.site),
            lambda: [TermSection("end", section_markdown(view_of(build, slug), Linker(build.site)))],
        )

    def scripts(self) -> list[str]:
        return [COPY_SCRIPT_ASSET]

    def stylesheets(self) -> list[str]:
        return [STYLESHEET_ASSET]

    def problems(self, build: Build) -> list[Problem]:
        glossary, site = build.glossary, build.site
        found: list[Problem] = []
        if not site.site_url and len(glossary):
            found.append(
                Problem(
                    "mkdocs.yml",
                    1,
                    1,
                    "site_url",
                    "site_url is not set, so term cards, embed snippets, oEmbed and the JSON API use relative "
                    "links that break once pasted into another site (a wiki); set site_url (in mkdocs.yml; "
                    "--site-url for export-markdown) to the address the site is published at, or "
                    "disabled_features: [embeds] to publish no cards",
                    Severity.WARNING,
                )
            )
        for slug, other in _colliding(glossary).items():
            entry = glossary.entries[slug]
            found.append(
                Problem(
                    entry.file,
                    1,
                    1,
                    "",
                    f"the card of '{slug}' (cards/{slug}.svg) has the path of the dark card of '{other}'; "
                    f"'{other}' gets no dark card: rename one of the two files",
                    Severity.WARNING,
                )
            )
        return found


EMBEDS = EmbedsFeature()
