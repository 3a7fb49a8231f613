"""`glossdeck export skos OUT`: the glossary as a SKOS concept scheme (W3C), the format thesaurus
and vocabulary tools exchange: Turtle for OUT.ttl, JSON-LD for OUT.jsonld or OUT.json.

One skos:ConceptScheme (the glossary) and one skos:Concept per term, identified by its page's URL:
prefLabel (title), altLabel (aliases), definition (the TL;DR as plain text), scopeNote (the
explanation), related, broader/narrower from prerequisites (a term's prerequisites are the ideas
it builds on, and the checks keep them free of cycles), inScheme, topConceptOf for the terms that
build on none, notation-free; one skos:Collection per category. rdflib writes the files, so every
string is escaped by its own serializers.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..core.glossary import Glossary
from ..site.layout import SiteInfo
from ..text.plain_text import clean_text, markdown_paragraphs_to_plain, markdown_to_plain, one_line
from . import exchange

if TYPE_CHECKING:  # rdflib is imported where it is used: it costs 0.2 s, and most commands need none of it
    from rdflib import Graph, Namespace, URIRef

FORMATS = {".ttl": "turtle", ".jsonld": "json-ld", ".json": "json-ld"}
JSONLD_CONTEXT = {
    "dcterms": "http://purl.org/dc/terms/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def _scheme(site: SiteInfo) -> URIRef:
    from rdflib import URIRef

    return URIRef(exchange.scheme_uri(site))


def _categories(site: SiteInfo) -> Namespace:
    from rdflib import Namespace

    return Namespace(exchange.site_base(site) + ("#category-" if site.site_url else "category:"))


def new_graph() -> Graph:
    from rdflib import Graph
    from rdflib.namespace import DCTERMS, SKOS

    graph = Graph()
    graph.bind("skos", SKOS)
    graph.bind("dcterms", DCTERMS)
    return graph


def scheme_graph(glossary: Glossary, site: SiteInfo, lang: str = "en", description: str | None = None) -> Graph:
    """The concept scheme and the categories' collections (their members come with each concept)."""
    from rdflib import RDF, SKOS, Literal
    from rdflib.namespace import DCTERMS

    graph = new_graph()
    scheme = _scheme(site)
    graph.add((scheme, RDF.type, SKOS.ConceptScheme))
    graph.add((scheme, SKOS.prefLabel, Literal(one_line(site.site_name) or "Glossary", lang=lang)))
    if description:
        graph.add((scheme, DCTERMS.description, Literal(one_line(description), lang=lang)))
    for category in glossary.categories:
        collection = _categories(site)[category]
        graph.add((collection, RDF.type, SKOS.Collection))
        graph.add((collection, SKOS.prefLabel, Literal(one_line(site.category_title(category)), lang=lang)))
    return graph


def concept_graph(glossary: Glossary, slug: str, site: SiteInfo, lang: str = "en") -> Graph:
    """Every statement about one term, including the links that name it from elsewhere (the scheme's
    hasTopConcept, its category's member, the inverse of its related and broader links): the whole
    scheme is the union of these and `scheme_graph`, so each can be made (and kept) on its own."""
    from rdflib import RDF, SKOS, Literal, URIRef
    from rdflib.namespace import DCTERMS, XSD

    graph = new_graph()
    scheme = _scheme(site)

    def uri(other: str) -> URIRef:
        return URIRef(exchange.term_uri(site, other))

    term, concept = glossary.term(slug), uri(slug)
    graph.add((concept, RDF.type, SKOS.Concept))
    graph.add((concept, SKOS.inScheme, scheme))
    graph.add((concept, SKOS.prefLabel, Literal(one_line(term.title), lang=lang)))
    for alias in term.aliases:
        graph.add((concept, SKOS.altLabel, Literal(one_line(alias), lang=lang)))
    graph.add((concept, SKOS.definition, Literal(markdown_to_plain(term.tldr), lang=lang)))
    if term.explanation:
        graph.add((concept, SKOS.scopeNote, Literal(markdown_paragraphs_to_plain(term.explanation), lang=lang)))
    if term.misconception:
        note = (
            f"Misconception: {markdown_to_plain(term.misconception.belief)} "
            f"In fact: {markdown_to_plain(term.misconception.correction)}"
        )
        graph.add((concept, SKOS.note, Literal(clean_text(note), lang=lang)))
    if term.debt is not None:
        graph.add((concept, SKOS.note, Literal(f"DEBT score {term.debt.string}", lang=lang)))
    for other in term.related:
        if other in glossary and other != slug:
            graph.add((concept, SKOS.related, uri(other)))
            graph.add((uri(other), SKOS.related, concept))
    builds_on = [p for p in term.prerequisites if p in glossary and p != slug]
    for prerequisite in builds_on:
        graph.add((concept, SKOS.broader, uri(prerequisite)))
        graph.add((uri(prerequisite), SKOS.narrower, concept))
    if not builds_on:
        graph.add((concept, SKOS.topConceptOf, scheme))
        graph.add((scheme, SKOS.hasTopConcept, concept))
    if term.added:
        graph.add((concept, DCTERMS.created, Literal(term.added.isoformat(), datatype=XSD.date)))
    if term.edited:
        graph.add((concept, DCTERMS.modified, Literal(term.edited.isoformat(), datatype=XSD.date)))
    graph.add((_categories(site)[term.category], SKOS.member, concept))
    return graph


def skos_graph(glossary: Glossary, site: SiteInfo, lang: str = "en", description: str | None = None) -> Graph:
    graph = scheme_graph(glossary, site, lang, description)
    for entry in glossary:
        graph += concept_graph(glossary, entry.slug, site, lang)
    return graph


@dataclass(frozen=True)
class Fragment:
    """One graph in both formats, ready to be put together with others (see `join`)."""

    turtle: str  # statements only: the prefixes are declared once by `join`
    nodes: tuple[Any, ...]  # JSON-LD node objects, compacted with JSONLD_CONTEXT
    # the nodes as `join`'s document writes them (json.dumps with indent, one level in "@graph"),
    # encoded once here: under `mkdocs serve` an edit then encodes one term's nodes, not the glossary's
    encoded: tuple[str, ...] = ()


def fragment(graph: Graph) -> Fragment:
    turtle = graph.serialize(format="turtle")
    statements = "\n".join(line for line in turtle.split("\n") if not line.startswith("@prefix ")).strip("\n")
    compact = json.loads(graph.serialize(format="json-ld", context=JSONLD_CONTEXT))
    nodes = compact.get("@graph") if "@graph" in compact else [{k: v for k, v in compact.items() if k != "@context"}]
    canonical_nodes = tuple(canonical(nodes))
    return Fragment(statements, canonical_nodes, tuple(_graph_item(node) for node in canonical_nodes))


GRAPH_ITEM_INDENT = "\n    "  # an item of "@graph": two levels of json.dumps(indent=2)


def _graph_item(node: Any) -> str:
    """`node` as json.dumps(document, indent=2) writes it inside the document's "@graph" array (a
    string holds no raw line break: JSON escapes them, so every one is indentation)."""
    return json.dumps(node, ensure_ascii=False, indent=2).replace("\n", GRAPH_ITEM_INDENT)


def canonical(value: Any) -> Any:
    """JSON-LD with its objects' keys and its arrays sorted. rdflib writes a graph's nodes and
    values in set order, which changes with every process's string hashing; in RDF these arrays
    are sets, so sorting them changes nothing but makes every build write the same bytes."""
    if isinstance(value, dict):
        return {key: canonical(value[key]) for key in sorted(value)}
    if isinstance(value, list):
        items = [canonical(item) for item in value]
        return sorted(items, key=lambda item: json.dumps(item, ensure_ascii=False, sort_keys=True))
    return value


def join(fragments: Iterable[Fragment]) -> tuple[bytes, bytes]:
    """(Turtle, JSON-LD) of the fragments' union: RDF graphs merge by putting their statements
    together; a node described in two fragments is merged by every JSON-LD processor."""
    parts = list(fragments)
    prefixes = "".join(f"@prefix {p}: <{uri}> .\n" for p, uri in sorted(JSONLD_CONTEXT.items()))
    turtle = prefixes + "\n" + "\n\n".join(f.turtle for f in parts if f.turtle) + "\n"
    # json.dumps({"@context": ..., "@graph": [...]}, ensure_ascii=False, indent=2), from the nodes
    # each fragment encoded once (tests/unit/cli/test_export_exchange.py compares the two)
    head = json.dumps({"@context": JSONLD_CONTEXT}, ensure_ascii=False, indent=2)
    items = [item for f in parts for item in (f.encoded or tuple(_graph_item(node) for node in f.nodes))]
    graph = "[" + GRAPH_ITEM_INDENT + ("," + GRAPH_ITEM_INDENT).join(items) + "\n  ]" if items else "[]"
    document = head[: -len("\n}")] + ',\n  "@graph": ' + graph + "\n}\n"
    return turtle.encode(), document.encode()


def serialize(graph: Graph, fmt: str) -> bytes:
    if fmt == "json-ld":
        document = canonical(json.loads(graph.serialize(format="json-ld", context=JSONLD_CONTEXT)))
        return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode()
    return graph.serialize(format=fmt).encode()


def write(glossary: Glossary, site: SiteInfo, lang: str, out: Path) -> bytes:
    fmt = FORMATS.get(out.suffix.lower())
    if fmt is None:
        raise ValueError(f"{out}: name the file .ttl (Turtle) or .jsonld/.json (JSON-LD)")
    return serialize(skos_graph(glossary, site, lang), fmt)


FORMAT = "skos"
HELP = "a SKOS concept scheme in OUT: Turtle for .ttl, JSON-LD for .jsonld/.json"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    exchange.add_arguments(parser, write, "SKOS: Turtle for .ttl, JSON-LD for .jsonld or .json")
