"""`glossdeck export skos|tbx OUT`: the glossary in the exchange formats, run as a user runs it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import rdflib
from rdflib.namespace import RDF, SKOS

from tests.support.commands import run_cli
from tests.support.tbx import NS, XML_LANG, validate_tbx
from tests.support.terms import HOSTILE, TermSource, default_terms, term_data, write_terms


@pytest.fixture
def project(tmp_path: Path) -> Path:
    terms: dict[str, TermSource] = {
        **default_terms(),
        "hostile": term_data(title='Hostile ]]> & <x> "q"', tldr=HOSTILE, aliases=["a\\b"]),
    }
    write_terms(tmp_path / "terms", terms)
    return tmp_path


@pytest.mark.parametrize(("name", "fmt"), [("g.ttl", "turtle"), ("g.jsonld", "json-ld"), ("out/g.json", "json-ld")])
def test_skos_loads_with_one_concept_per_term(project: Path, name: str, fmt: str) -> None:
    result = run_cli("export", "skos", name, "--site-url", "https://g.example/docs", "--site-name", "G", cwd=project)
    assert result.returncode == 0, result.stderr
    graph = rdflib.Graph().parse(project / name, format=fmt)
    concepts = set(graph.subjects(RDF.type, SKOS.Concept))
    slugs = {p.stem for p in (project / "terms").glob("*.yml")}
    assert concepts == {rdflib.URIRef(f"https://g.example/docs/terms/{s}/") for s in slugs}
    scheme = rdflib.URIRef("https://g.example/docs/")
    assert (scheme, RDF.type, SKOS.ConceptScheme) in graph
    assert all((c, SKOS.inScheme, scheme) in graph for c in concepts)
    hostile = rdflib.URIRef("https://g.example/docs/terms/hostile/")
    assert str(graph.value(hostile, SKOS.prefLabel)) == 'Hostile ]]> & <x> "q"'
    assert str(graph.value(hostile, SKOS.altLabel)) == "a\\b"
    assert graph.value(hostile, SKOS.prefLabel).language == "en"  # type: ignore[union-attr]
    if fmt == "json-ld":
        json.loads((project / name).read_text())


def test_skos_without_a_site_url_uses_urns_and_says_so(project: Path) -> None:
    result = run_cli("export", "skos", "g.ttl", "--lang", "de", cwd=project)
    assert result.returncode == 0 and "--site-url is not set" in result.stderr
    graph = rdflib.Graph().parse(project / "g.ttl", format="turtle")
    concepts = set(graph.subjects(RDF.type, SKOS.Concept))
    assert len(concepts) == len(list((project / "terms").glob("*.yml")))
    assert all(str(c).startswith("urn:glossdeck:glossary:term:") for c in concepts)
    assert {o.language for c in concepts for o in graph.objects(c, SKOS.prefLabel)} == {"de"}  # type: ignore[attr-defined]


def test_tbx_validates_with_one_entry_per_term(project: Path) -> None:
    result = run_cli("export", "tbx", "g.tbx", "--site-url", "https://g.example/", "--lang", "en-GB", cwd=project)
    assert result.returncode == 0, result.stderr
    entries = validate_tbx((project / "g.tbx").read_bytes())
    slugs = sorted(p.stem for p in (project / "terms").glob("*.yml"))
    assert [e.get("id") for e in entries] == [f"term-{s}" for s in slugs]
    assert {e.find(f"{{{NS}}}langSec").get(XML_LANG) for e in entries} == {"en-GB"}  # type: ignore[union-attr]
    hostile = entries[slugs.index("hostile")]
    assert [t.text for t in hostile.iter(f"{{{NS}}}term")] == ['Hostile ]]> & <x> "q"', "a\\b"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("skos", "g.xml"), "name the file .ttl"),
        (("tbx", "g.tbx", "--lang", 'en GB"><x'), "is not a language tag"),
    ],
)
def test_bad_arguments_get_a_message_and_no_file(project: Path, args: tuple[str, ...], message: str) -> None:
    result = run_cli("export", *args, cwd=project)
    assert result.returncode == 2 and message in result.stderr and "Traceback" not in result.stderr
    assert not (project / args[1]).exists()
