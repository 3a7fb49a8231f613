"""AI readers as a glossdeck feature ("llms"): llms.txt and llms-full.txt at the site's root, each
term's Markdown version at md/<slug>.md, and on each term page the
<link rel="alternate" type="text/markdown"> that points a reader (or a crawler) at it.

Under `mkdocs serve` a term's Markdown is kept by the content of its file and of the terms it
lists (their titles and TL;DRs), and its line in llms.txt by its file, so an edit rewrites that
term's document and line, and the two indexes are put together again.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator
from functools import partial

from ..core.loading import LoadedTerm
from ..features import Build, Feature
from ..text.markup import element
from .llms_txt import llms_full_txt, llms_txt, term_line
from .output_paths import LLMS_FULL_PATH, LLMS_PATH, MARKDOWN_SITEMAP_PATH, markdown_path
from .term_markdown import term_markdown

# Material fetches sitemap.xml beside each <link rel="alternate"> (see output_paths.py): an empty one
SITEMAP_STUB = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>\n'
)


def _key(build: Build, slug: str) -> Hashable:
    """What a term's document shows: its file (its term links as the linked terms' titles), the
    terms it lists, the site."""
    glossary = build.glossary
    term = glossary.term(slug)
    # the listed terms' TL;DRs show their term links as the linked terms' titles
    listed = tuple(
        (o, glossary.entries[o].digest, glossary.linked_titles(o))
        for o in [*term.prerequisites, *term.related]
        if o in glossary
    )
    return glossary.entries[slug].digest, glossary.linked_titles(slug), listed, build.site


def term_document(build: Build, slug: str, depth: int = 1) -> str:
    """md/<slug>.md (depth 1), or the same document for llms-full.txt at the site's root (depth 2)."""
    where = markdown_path(slug) if depth == 1 else LLMS_FULL_PATH
    return build.term_value(
        f"llms.markdown.{depth}",
        slug,
        partial(_key, build, slug),
        lambda: term_markdown(build.glossary, slug, build.site, where, depth),
    )


class AiReadersFeature(Feature):
    name = "llms"
    # in a Markdown export md/<slug>.md would become pages of the other generator's site
    in_markdown_export = False

    def iter_files(self, build: Build) -> Iterator[tuple[str, bytes]]:
        glossary, site = build.glossary, build.site
        for slug in glossary.entries:
            yield markdown_path(slug), term_document(build, slug).encode()
        yield MARKDOWN_SITEMAP_PATH, SITEMAP_STUB
        if not len(glossary):
            return

        def line(entry: LoadedTerm) -> str:
            return build.term_value(
                "llms.lines", entry.slug, lambda: (entry.digest, site), partial(term_line, site, entry)
            )

        yield LLMS_PATH, llms_txt(glossary, site, build.site_description, line).encode()
        full = llms_full_txt(
            glossary, site, build.site_description, (term_document(build, s, 2) for s in glossary.entries)
        )
        yield LLMS_FULL_PATH, full.encode()

    def head(self, build: Build, slug: str | None) -> str:
        if slug is None or slug not in build.glossary:
            return ""
        site = build.site
        target = markdown_path(slug)
        href = site.absolute(target) or site.relative(site.term_src(slug), target)
        title = build.glossary.term(slug).title
        return str(
            element("link", {"rel": "alternate", "type": "text/markdown", "href": href, "title": title}, void=True)
        )


LLMS = AiReadersFeature()
