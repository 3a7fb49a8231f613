"""`glossdeck export tbx OUT`: the glossary as TBX-Basic (ISO 30042:2019, TBX v3, DCA style), the
termbase format translation and localisation tools import (Weblate, memoQ, Trados, OmegaT, ...).

One conceptEntry per term (id "term-<slug>", an XML ID even for a slug starting with a digit):
the category as subjectField, added/edited dates as transactions, the term's page as an external
cross-reference (with a site_url), related terms and prerequisites as cross-references to their
entries, the DEBT score as a note; one langSec with the TL;DR as definition and one termSec per
name: the title (preferred) and each alias (admitted). Only data categories TBX-Basic allows, each
where its rules allow it (see tests/support/tbx.py). Built with text.markup, which escapes every
string and drops the characters XML cannot hold.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from ..core.glossary import Glossary
from ..site.layout import SiteInfo
from ..text.escape import iri
from ..text.markup import Markup, element, join
from ..text.plain_text import markdown_to_plain, one_line
from . import exchange

NAMESPACE = "urn:iso:std:iso:30042:ed-2"
CORE_SCHEMA = "https://raw.githubusercontent.com/LTAC-Global/TBX_Core_RNG/master/TBXcoreStructV03.rng"
DCA_RULES = "https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBX-Basic_DCA.sch"


def entry_id(slug: str) -> str:
    return f"term-{slug}"


def _transaction(kind: str, date: str) -> Markup:
    return element("transacGrp", {}, element("transac", {"type": "transactionType"}, kind), element("date", {}, date))


def _term_sec(name: str, status: str) -> Markup:
    return element(
        "termSec",
        {},
        element("term", {}, one_line(name)),
        element("termNote", {"type": "administrativeStatus"}, f"{status}-admn-sts"),
    )


def concept_entry(glossary: Glossary, slug: str, site: SiteInfo, lang: str) -> Markup:
    term = glossary.term(slug)
    parts: list[Markup] = [element("descrip", {"type": "subjectField"}, one_line(site.category_title(term.category)))]
    if term.added:
        parts.append(_transaction("origination", term.added.isoformat()))
    if term.edited:
        parts.append(_transaction("modification", term.edited.isoformat()))
    page = site.absolute(site.term_url(slug))
    if page is not None:
        parts.append(element("xref", {"type": "externalCrossReference", "target": iri(page)}, one_line(term.title)))
    seen: set[str] = set()
    for other in [*term.related, *term.prerequisites]:
        if other in glossary and other != slug and other not in seen:
            seen.add(other)
            parts.append(
                element(
                    "ref", {"type": "crossReference", "target": entry_id(other)}, one_line(glossary.term(other).title)
                )
            )
    if term.debt is not None:
        parts.append(element("note", {}, f"DEBT score {term.debt.string}"))
    names = [
        element("descrip", {"type": "definition"}, markdown_to_plain(term.tldr)),
        _term_sec(term.title, "preferredTerm"),
    ]
    taken = {one_line(term.title).casefold()}
    for alias in term.aliases:
        if one_line(alias).casefold() not in taken:  # a termSec per distinct name
            taken.add(one_line(alias).casefold())
            names.append(_term_sec(alias, "admittedTerm"))
    parts.append(element("langSec", {"xml:lang": lang}, *names))
    return element("conceptEntry", {"id": entry_id(slug)}, *parts)


def tbx_document(
    glossary: Glossary,
    site: SiteInfo,
    lang: str = "en",
    description: str | None = None,
    entry: Callable[[str], Markup] | None = None,
) -> str:
    """The termbase; `entry(slug)` gives a term's conceptEntry (default: made here, `concept_entry`)."""
    make = entry or (lambda slug: concept_entry(glossary, slug, site, lang))
    source = f"Exported by glossdeck from {site.site_url or one_line(site.site_name) or 'a glossary'}"
    header = element(
        "tbxHeader",
        {},
        element(
            "fileDesc",
            {},
            element("titleStmt", {}, element("title", {}, one_line(site.site_name) or "Glossary")),
            element("sourceDesc", {}, element("p", {}, one_line(description) if description else source)),
        ),
    )
    # one entry per line: a diff between two exports shows which terms changed
    body = element("body", {}, Markup("\n"), join(Markup(make(e.slug) + "\n") for e in glossary))
    root = element(
        "tbx",
        {"type": "TBX-Basic", "style": "dca", "xml:lang": lang, "xmlns": NAMESPACE},
        Markup("\n"),
        header,
        Markup("\n"),
        element("text", {}, body),
        Markup("\n"),
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<?xml-model href="{CORE_SCHEMA}" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>\n'
        f'<?xml-model href="{DCA_RULES}" type="application/xml" schematypens="http://purl.oclc.org/dsdl/schematron"?>\n'
        + root
        + "\n"
    )


def write(glossary: Glossary, site: SiteInfo, lang: str, out: Path) -> bytes:
    return tbx_document(glossary, site, lang).encode()


FORMAT = "tbx"
HELP = "a TBX-Basic termbase in OUT (.tbx), for translation tools"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    exchange.add_arguments(parser, write, "TBX-Basic, e.g. glossary.tbx")
