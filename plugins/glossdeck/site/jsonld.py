"""Structured data: schema.org DefinedTerm for a term page, DefinedTermSet for the A-Z index.

Output goes into <script type="application/ld+json">, so it is serialised with `escape.json_for_script`:
no term text can close the script element.
"""

from __future__ import annotations

from typing import Any

from ..text.escape import json_for_script
from .context import SiteContext


def _set_node(ctx: SiteContext) -> dict[str, Any]:
    node: dict[str, Any] = {"@type": "DefinedTermSet", "name": ctx.t("index.term_set", site=ctx.layout.site.site_name)}
    url = ctx.layout.absolute(ctx.layout.a_z)
    if url:
        node["@id"] = url
        node["url"] = url
    return node


def defined_term(ctx: SiteContext, slug: str) -> dict[str, Any]:
    term = ctx.glossary.term(slug)
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "DefinedTerm",
        "name": term.title,
        "termCode": slug,
        "description": ctx.plain_text(term.tldr),
        "inDefinedTermSet": _set_node(ctx),
        "inLanguage": ctx.t.language,
    }
    url = ctx.layout.absolute(ctx.layout.term(slug))
    if url:
        data["@id"] = url
        data["url"] = url
    if term.aliases:
        data["alternateName"] = list(term.aliases)
    if term.level:
        data["educationalLevel"] = term.level
    if term.added:
        data["dateCreated"] = term.added.isoformat()
    if term.edited:
        data["dateModified"] = term.edited.isoformat()
    if term.tags:
        data["keywords"] = ", ".join(ctx.tag_title(tag) for tag in term.tags)
    return data


def defined_term_set(ctx: SiteContext) -> dict[str, Any]:
    data: dict[str, Any] = {"@context": "https://schema.org", **_set_node(ctx)}
    terms = []
    for entry in ctx.glossary:
        item: dict[str, Any] = {"@type": "DefinedTerm", "name": entry.term.title, "termCode": entry.slug}
        url = ctx.layout.absolute(ctx.layout.term(entry.slug))
        if url:
            item["url"] = url
        terms.append(item)
    data["hasDefinedTerm"] = terms
    return data


def script_tag(data: dict[str, Any]) -> str:
    return f'<script type="application/ld+json">{json_for_script(data)}</script>'
