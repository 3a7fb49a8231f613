"""The glossary in exchange formats as a glossdeck feature ("exchange"): the site publishes
api/glossary.skos.ttl and api/glossary.skos.jsonld (SKOS) and api/glossary.tbx (TBX-Basic), the
same files `glossdeck export skos|tbx` writes, so a thesaurus or translation tool can import the
published glossary by URL. The terms are tagged as English (en); the command takes --lang.

Under `mkdocs serve` the three files are kept while no term file (and nothing about the site)
changed.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..exports.skos import serialize, skos_graph
from ..exports.tbx import tbx_document
from ..features import Build, Feature
from ..reuse import reuse
from .output_paths import SKOS_JSONLD_PATH, SKOS_TURTLE_PATH, TBX_PATH


def _files(build: Build, lang: str) -> dict[str, bytes]:
    graph = skos_graph(build.glossary, build.site, lang, build.site_description)
    return {
        SKOS_TURTLE_PATH: serialize(graph, "turtle"),
        SKOS_JSONLD_PATH: serialize(graph, "json-ld"),
        TBX_PATH: tbx_document(build.glossary, build.site, lang, build.site_description).encode(),
    }


class ExchangeFeature(Feature):
    name = "exchange"
    language = "en"

    def iter_files(self, build: Build) -> Iterator[tuple[str, bytes]]:
        if not len(build.glossary):
            return
        key = (tuple((e.slug, e.digest) for e in build.glossary), build.site, build.site_description, self.language)
        yield from reuse(build.memo, "exchange.files", "all", key, lambda: _files(build, self.language)).items()


EXCHANGE = ExchangeFeature()
