"""The glossary in exchange formats as a glossdeck feature ("exchange"): the site publishes
api/glossary.skos.ttl and api/glossary.skos.jsonld (SKOS) and api/glossary.tbx (TBX-Basic), the
same content `glossdeck export skos|tbx` writes, so a thesaurus or translation tool can import the
published glossary by URL. The terms are tagged as English (en); the command takes --lang.

Each term's part (its SKOS statements in both formats, its TBX conceptEntry) is made on its own
and, under `mkdocs serve`, kept by the content of its file and the titles of the terms it links
to: an edit re-serialises one term, then the files are put together again.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator
from functools import partial

from ..exports.skos import Fragment, concept_graph, fragment, join, scheme_graph
from ..exports.tbx import concept_entry, tbx_document
from ..features import Build, Feature
from ..text.markup import Markup
from .output_paths import SKOS_JSONLD_PATH, SKOS_TURTLE_PATH, TBX_PATH

LANGUAGE = "en"


def _key(build: Build, slug: str) -> Hashable:
    """What a term's part shows: its file, whether (and under which title) the terms it links to
    exist, the site."""
    glossary = build.glossary
    term = glossary.term(slug)
    linked = tuple((o, glossary.entries[o].digest) for o in [*term.related, *term.prerequisites] if o in glossary)
    return glossary.entries[slug].digest, linked, build.site


def _skos_part(build: Build, slug: str) -> Fragment:
    return build.term_value(
        "exchange.skos",
        slug,
        partial(_key, build, slug),
        lambda: fragment(concept_graph(build.glossary, slug, build.site, LANGUAGE)),
    )


def _tbx_part(build: Build, slug: str) -> Markup:
    return build.term_value(
        "exchange.tbx",
        slug,
        partial(_key, build, slug),
        lambda: concept_entry(build.glossary, slug, build.site, LANGUAGE),
    )


class ExchangeFeature(Feature):
    name = "exchange"

    def iter_files(self, build: Build) -> Iterator[tuple[str, bytes]]:
        glossary = build.glossary
        if not len(glossary):
            return
        scheme = fragment(scheme_graph(glossary, build.site, LANGUAGE, build.site_description))
        turtle, jsonld = join([scheme, *(_skos_part(build, slug) for slug in glossary.entries)])
        yield SKOS_TURTLE_PATH, turtle
        yield SKOS_JSONLD_PATH, jsonld
        document = tbx_document(
            glossary, build.site, LANGUAGE, build.site_description, entry=lambda slug: _tbx_part(build, slug)
        )
        yield TBX_PATH, document.encode()


EXCHANGE = ExchangeFeature()
