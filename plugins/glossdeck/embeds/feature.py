"""Embeddable term cards as a glossdeck feature: importing this module registers it.

Per term it adds to the built site: cards/<slug>.svg and cards/<slug>-dark.svg, badges/<slug>.svg
and badges/<slug>.json (shields.io endpoint), embed/<slug>/index.html, api/terms/<slug>.json and
oembed/<slug>.json. Once per site: api/terms.json, the API's JSON Schemas, the web component
script embed/glossdeck-term.js, and oembed/sitemap.xml (see oembed.py). On each term page: the
oEmbed discovery <link> and the "Embed this term" section.
"""

from __future__ import annotations

from importlib import resources
from typing import Iterator

from .badge_svg import render_badge, shields_endpoint
from ..build.memo import Session
from .card_view import CardView, card_view
from .card_svg import render_card
from .embed_page import render_embed_page
from .snippets import section_markdown
from .output_paths import API_INDEX_PATH, SCRIPT_PATH, Linker, term_paths
from ..features import Feature, SiteInfo, TermSection
from ..core.glossary import Glossary
from ..core.loading import LoadedTerm
from .oembed import SITEMAP_STUB, SITEMAP_STUB_PATH, discovery_link, oembed_json
from ..core.problems import Problem, Severity
from .term_api import index_json, schema_files, term_json

COMPONENT_ASSET = "glossdeck-term.js"
COPY_SCRIPT_ASSET = "glossdeck-embed.js"
STYLESHEET_ASSET = "glossdeck-embed.css"


def asset_text(name: str) -> str:
    return (resources.files("glossdeck") / "assets" / name).read_text(encoding="utf-8")


# A term's card view and files depend on its file's bytes, its slug and the site only. They are
# asked for up to four times per build (section, <head>, files, index) and, under `mkdocs serve`,
# again on every rebuild: keyed by the file's hash, each is computed once per edit.
_VIEWS: dict[tuple[str, int, str], CardView] = {}
_OUTPUTS: dict[tuple[str, int, SiteInfo], dict[str, bytes]] = {}
_SECTIONS: dict[tuple[str, int, SiteInfo], list[TermSection]] = {}
_HEADS: dict[tuple[str, int, SiteInfo], str] = {}
_MEMO_LIMIT = 50_000


def _remember(memo: dict, key: object, compute):  # type: ignore[no-untyped-def, type-arg]
    found = memo.get(key)
    if found is None:
        if len(memo) >= _MEMO_LIMIT:
            memo.clear()
        found = memo[key] = compute()
    return found


def view_of(glossary: Glossary, site: SiteInfo, slug: str) -> CardView:
    entry = glossary.entries[slug]
    return _remember(_VIEWS, (slug, entry.digest, site.site_name),
                     lambda: card_view(slug, entry.term, site.site_name))


def _views(glossary: Glossary, site: SiteInfo) -> dict[str, CardView]:
    return {entry.slug: view_of(glossary, site, entry.slug) for entry in glossary}


_INDEX: dict[object, bytes] = {}


def _index_bytes(glossary: Glossary, site: SiteInfo) -> bytes:
    """api/terms.json; under `mkdocs serve` kept while every term's view (title, aliases, level,
    DEBT, date) is the same, so an edit to a term's prose does not re-encode the whole index."""
    views = _views(glossary, site)
    if not Session.keep_between_builds:
        return index_json(views, Linker(site), site.site_name).encode()
    key = (tuple((slug, v.title, v.aliases, v.category, v.level, v.debt, v.edited) for slug, v in views.items()), site)
    found = _INDEX.get(key)
    if found is None:
        _INDEX.clear()  # only the current index is worth keeping
        found = _INDEX[key] = index_json(views, Linker(site), site.site_name).encode()
    return found


def _colliding(glossary: Glossary) -> dict[str, str]:
    """Slug -> the other slug whose dark card path it would overwrite ("x-dark" vs "x")."""
    return {slug: slug.removesuffix("-dark") for slug in glossary.entries
            if slug.endswith("-dark") and slug.removesuffix("-dark") in glossary}


def term_outputs(glossary: Glossary, site: SiteInfo, slug: str) -> dict[str, bytes]:
    """Every per-term file, by site-relative path (what `files()` writes for one term)."""
    entry = glossary.entries[slug]
    if not Session.keep_between_builds:  # asked for once per build: nothing to reuse
        return _render_outputs(entry, site)
    return _remember(_OUTPUTS, (slug, entry.digest, site), lambda: _render_outputs(entry, site))


def _render_outputs(entry: LoadedTerm, site: SiteInfo) -> dict[str, bytes]:
    slug = entry.slug
    view = card_view(slug, entry.term, site.site_name)
    linker = Linker(site)
    paths = term_paths(slug)
    return {
        paths.card: render_card(view, "light").encode(),
        paths.card_dark: render_card(view, "dark").encode(),
        paths.badge: render_badge(view).encode(),
        paths.badge_json: shields_endpoint(view).encode(),
        paths.embed: render_embed_page(view, linker).encode(),
        paths.json: term_json(view, entry.term, linker).encode(),
        paths.oembed: oembed_json(view, linker).encode(),
    }


class EmbedsFeature(Feature):
    name = "embeds"

    def files(self, glossary: Glossary, site: SiteInfo) -> dict[str, bytes]:
        return dict(self.iter_files(glossary, site))

    def iter_files(self, glossary: Glossary, site: SiteInfo) -> Iterator[tuple[str, bytes]]:
        """The files one term at a time, so a build never holds every card in memory at once
        (seven files per term: about 45 MB per 1,000 terms)."""
        colliding = _colliding(glossary)
        written: set[str] = set()
        for slug in glossary.entries:
            for path, data in term_outputs(glossary, site, slug).items():
                # a term's own light card beats another term's dark variant at the same path
                if path in written and slug in colliding.values():
                    continue
                written.add(path)
                yield path, data
        yield API_INDEX_PATH, _index_bytes(glossary, site)
        for path, text in schema_files().items():
            yield path, text.encode()
        yield SCRIPT_PATH, asset_text(COMPONENT_ASSET).encode()
        yield SITEMAP_STUB_PATH, SITEMAP_STUB.encode()

    def head(self, glossary: Glossary, site: SiteInfo, slug: str | None) -> str:
        if slug is None or slug not in glossary:
            return ""
        if not Session.keep_between_builds:
            return str(discovery_link(view_of(glossary, site, slug), Linker(site)))
        entry = glossary.entries[slug]
        return _remember(_HEADS, (slug, entry.digest, site),
                         lambda: str(discovery_link(view_of(glossary, site, slug), Linker(site))))

    def term_sections(self, glossary: Glossary, site: SiteInfo, slug: str) -> list[TermSection]:
        entry = glossary.entries[slug]
        if not Session.keep_between_builds:
            return [TermSection("end", section_markdown(view_of(glossary, site, slug), Linker(site)))]
        return _remember(_SECTIONS, (slug, entry.digest, site),
                         lambda: [TermSection("end", section_markdown(view_of(glossary, site, slug), Linker(site)))])

    def scripts(self) -> list[str]:
        return [COPY_SCRIPT_ASSET]

    def stylesheets(self) -> list[str]:
        return [STYLESHEET_ASSET]

    def problems(self, glossary: Glossary, site: SiteInfo) -> list[Problem]:
        found: list[Problem] = []
        if not site.site_url and len(glossary):
            found.append(Problem(
                "mkdocs.yml", 1, 1, "site_url",
                "site_url is not set, so term cards, embed snippets, oEmbed and the JSON API use relative "
                "links that break once pasted into another site (a wiki); set site_url (in mkdocs.yml; "
                "--site-url for export-markdown) to the address the site is published at, or "
                "disabled_features: [embeds] to publish no cards",
                Severity.WARNING))
        for slug, other in _colliding(glossary).items():
            entry = glossary.entries[slug]
            found.append(Problem(
                entry.file, 1, 1, "",
                f"the card of '{slug}' (cards/{slug}.svg) has the path of the dark card of '{other}'; "
                f"'{other}' gets no dark card: rename one of the two files", Severity.WARNING))
        return found


EMBEDS = EmbedsFeature()
