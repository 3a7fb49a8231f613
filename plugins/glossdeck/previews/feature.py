"""The previews feature: one preview file per term, and the script and styles that show them.

The script (assets/previews/term-previews.js) marks the term links of a page, up to its per-page
budget, as interest invokers of one shared popover, and loads the polyfills for the Popover API
and interest invokers only in browsers that lack them (vendor/popover-polyfill.js,
vendor/interestfor.js)."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from functools import partial

from ..core.glossary import Glossary
from ..features import Build, Feature, SiteInfo, register
from .data import preview_bytes, preview_path, preview_record


def _preview(glossary: Glossary, site: SiteInfo, slug: str) -> bytes:
    return preview_bytes(preview_record(glossary, site, slug))


def _key(digest: int, site: SiteInfo) -> Hashable:
    return digest, site


class TermPreviews(Feature):
    name = "previews"
    # its script finds previews from built page URLs; plain Markdown links (.md) have none (the
    # Zensical export, which builds pages, carries the files and the script)
    in_markdown_export = False

    def iter_files(self, build: Build) -> Iterable[tuple[str, bytes]]:
        glossary, site = build.glossary, build.site
        for entry in glossary:
            # kept across `mkdocs serve` rebuilds by the term file's bytes and the site
            data = build.term_value(
                "previews.files",
                entry.slug,
                partial(_key, entry.digest, site),
                partial(_preview, glossary, site, entry.slug),
            )
            yield preview_path(site, entry.slug), data

    def scripts(self) -> list[str]:
        return ["previews/term-previews.js"]

    def stylesheets(self) -> list[str]:
        return ["previews/term-previews.css"]


PREVIEWS = register(TermPreviews())
