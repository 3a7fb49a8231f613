"""The SKOS JSON-LD file is put together from each term's nodes, encoded once per term (kept between
`mkdocs serve` rebuilds): the same bytes as encoding the whole document in one json.dumps."""

from __future__ import annotations

import json
from pathlib import Path

from glossdeck.exports.skos import JSONLD_CONTEXT, Fragment, concept_graph, fragment, join, scheme_graph
from glossdeck.site.layout import Layout
from tests.support.terms import HOSTILE_TERM, default_terms, load_terms


def _reference(parts: list[Fragment]) -> bytes:
    document = {"@context": JSONLD_CONTEXT, "@graph": [node for f in parts for node in f.nodes]}
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode()


def test_the_joined_json_ld_is_the_whole_document_encoded_at_once(tmp_path: Path) -> None:
    glossary = load_terms(tmp_path / "terms", {**default_terms(), "hostile": HOSTILE_TERM})
    site = Layout.create('T "<&>"\u2028x', "https://example.org/g/", True).site
    parts = [fragment(scheme_graph(glossary, site, "en", 'Line one\nline two "q" \\ é'))]
    parts += [fragment(concept_graph(glossary, slug, site, "en")) for slug in glossary.entries]
    assert all(f.encoded for f in parts) and sum(len(f.nodes) for f in parts) > len(parts)
    turtle, jsonld = join(parts)
    assert jsonld == _reference(parts)
    # fragments made without their encoding join the same
    assert join([Fragment(f.turtle, f.nodes) for f in parts]) == (turtle, jsonld)
    assert join([]) == (join([])[0], _reference([]))
