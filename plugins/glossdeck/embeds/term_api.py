"""The read-only JSON API: `api/terms/<slug>.json` per term and the `api/terms.json` index.

Other tools (and the <glossdeck-term> web component) read the glossary through these files.
Both carry `schema_version`; a change that removes or retypes a field bumps it, adding a field
does not. JSON Schemas for both are published beside them (`api/schema/`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from ..core.model import Term
from ..core.slugs import SCHEMA_PATTERN
from ..text.plain_text import clean_text
from ..text.term_links import guess_title, resolve_markdown
from .card_view import CardView
from .output_paths import API_INDEX_PATH, API_SCHEMA_PATHS, SCRIPT_PATH, Linker, term_paths

SCHEMA_VERSION = 1


def _clean(value: Any) -> Any:
    """Every string the YAML gave, cleaned of characters JSON-in-UTF-8 and XML cannot carry."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list):
        return [_clean(v) for v in value]
    if isinstance(value, dict):
        return {clean_text(str(k)): _clean(v) for k, v in value.items()}
    return value


def _dump(data: dict[str, Any]) -> str:
    # ensure_ascii=False keeps the files readable; _clean removed the lone surrogates it would choke on
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _axes(view: CardView) -> list[dict[str, Any]]:
    return [
        {
            "letter": a.letter,
            "name": a.name,
            "kind": a.kind,
            "score": a.score,
            "label": a.label,
            "rationale": a.rationale,
            "colour": a.colour,
            "colour_dark": a.colour_dark,
        }
        for a in view.axes
    ]


def term_links(linker: Linker, slug: str, from_file: str) -> dict[str, str]:
    """Every URL of a term's outputs, as seen from `from_file`."""
    paths = term_paths(slug)
    return {
        "page": linker.url(linker.site.term_url(slug), from_file),
        "json": linker.url(paths.json, from_file),
        "card_svg": linker.url(paths.card, from_file),
        "card_svg_dark": linker.url(paths.card_dark, from_file),
        "badge_svg": linker.url(paths.badge, from_file),
        "badge_json": linker.url(paths.badge_json, from_file),
        "embed": linker.url(linker.embed_url(slug), from_file),
        "oembed": linker.url(paths.oembed, from_file),
        "script": linker.url(SCRIPT_PATH, from_file),
    }


def term_json(view: CardView, term: Term, linker: Linker, links: Iterable[tuple[str, str, bool]] = ()) -> str:
    """api/terms/<slug>.json: the card's view first (what the web component draws), then the
    whole validated term as authored, under "term". `links`: (slug, title, written) of the term
    links in its prose; "tldr" writes them as Markdown links to the terms' pages."""
    here = term_paths(view.slug).json
    known = {slug: (title, written) for slug, title, written in links}

    def link_for(slug: str) -> tuple[str, str | None]:
        title, written = known.get(slug, (guess_title(slug), False))
        return title, linker.url(linker.site.term_url(slug), here) if written else None

    data: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "slug": view.slug,
        "title": view.title,
        "aliases": list(view.aliases),
        "category": view.category,
        "level": view.level,
        "tldr": resolve_markdown(clean_text(term.tldr), link_for),
        "tldr_text": view.tldr,
        "misconception": {"belief": view.belief, "correction": view.correction} if view.belief is not None else None,
        "debt": {"string": view.debt, "axes": _axes(view)} if view.debt else None,
        "added": view.added.isoformat() if view.added else None,
        "edited": view.edited.isoformat() if view.edited else None,
        "site": {
            "name": view.site_name,
            "url": linker.site_root(here),
            # the site's language, and its words for what a card shows (the web component uses them)
            "language": view.messages.language,
            "direction": view.messages.direction,
            "labels": _labels(view),
        },
        "links": term_links(linker, view.slug, here),
        "term": _clean(term.model_dump(mode="json", exclude_none=True, exclude_defaults=True)),
    }
    return _dump(data)


def _labels(view: CardView) -> dict[str, str]:
    t = view.messages
    labels = {
        "category": view.category_title or view.category.replace("-", " "),
        "misconception": t("embed.belief"),
        "in_fact": t("embed.correction"),
        "read_more": t("embed.read_more"),
    }
    if view.level:
        labels["level"] = t(f"badge.levels.{view.level}")
    if view.edited:
        labels["edited"] = t("card.edited", date=view.edited.isoformat())
    return labels


def index_json(views: dict[str, CardView], linker: Linker, site_name: str) -> str:
    """api/terms.json: one short entry per term, in slug order, for search boxes and link checkers."""
    entries = []
    for slug, view in views.items():
        entries.append(
            {
                "slug": slug,
                "title": view.title,
                "aliases": list(view.aliases),
                "category": view.category,
                "level": view.level,
                "debt": view.debt,
                "edited": view.edited.isoformat() if view.edited else None,
                "url": linker.url(linker.site.term_url(slug), API_INDEX_PATH),
                "json": linker.url(term_paths(slug).json, API_INDEX_PATH),
            }
        )
    data = {
        "schema_version": SCHEMA_VERSION,
        "site": {"name": site_name, "url": linker.site_root(API_INDEX_PATH)},
        "count": len(entries),
        "terms": entries,
    }
    return _dump(data)


_NULLABLE_STRING = {"type": ["string", "null"]}
_DATE = {"type": ["string", "null"], "format": "date"}
_LINK_NAMES = ["page", "json", "card_svg", "card_svg_dark", "badge_svg", "badge_json", "embed", "oembed", "script"]

TERM_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "glossdeck term (api/terms/<slug>.json)",
    "type": "object",
    "required": [
        "schema_version",
        "slug",
        "title",
        "aliases",
        "category",
        "level",
        "tldr",
        "tldr_text",
        "misconception",
        "debt",
        "added",
        "edited",
        "site",
        "links",
        "term",
    ],
    "properties": {
        "schema_version": {"const": SCHEMA_VERSION},
        "slug": {"type": "string", "pattern": SCHEMA_PATTERN},
        "title": {"type": "string", "minLength": 1},
        "aliases": {"type": "array", "items": {"type": "string"}},
        "category": {"type": "string"},
        "level": {"enum": ["beginner", "intermediate", "advanced", None]},
        "tldr": {
            "type": "string",
            "description": "Markdown as authored, with term links ([[slug]]) written as links to the terms' pages.",
        },
        "tldr_text": {"type": "string", "description": "Plain text, one line."},
        "misconception": {
            "type": ["object", "null"],
            "required": ["belief", "correction"],
            "properties": {"belief": {"type": "string"}, "correction": {"type": "string"}},
        },
        "debt": {
            "type": ["object", "null"],
            "required": ["string", "axes"],
            "properties": {
                "string": {"type": "string", "pattern": r"^debt\(d[0-9]/e[0-9]/b[0-9]/t[0-9]\)$"},
                "axes": {
                    "type": "array",
                    "minItems": 4,
                    "maxItems": 4,
                    "items": {
                        "type": "object",
                        "required": ["letter", "name", "kind", "score", "label", "rationale", "colour", "colour_dark"],
                        "properties": {
                            "letter": {"enum": ["d", "e", "b", "t"]},
                            "name": {"type": "string"},
                            "kind": {"type": "string"},
                            "score": {"type": "integer", "minimum": 0, "maximum": 9},
                            "label": {"type": "string", "description": 'What to show: "n/a" for 0.'},
                            "rationale": _NULLABLE_STRING,
                            "colour": {"type": "string", "pattern": "^#[0-9a-f]{6}$"},
                            "colour_dark": {"type": "string", "pattern": "^#[0-9a-f]{6}$"},
                        },
                    },
                },
            },
        },
        "added": _DATE,
        "edited": _DATE,
        "site": {
            "type": "object",
            "required": ["name", "url"],
            "properties": {
                "name": {"type": "string"},
                "url": {"type": "string"},
                "language": {"type": "string", "description": "The site's language tag, e.g. en, zh, ur."},
                "direction": {"enum": ["ltr", "rtl"]},
                "labels": {
                    "type": "object",
                    "description": "The site's words for what a card shows (category title, level, ...).",
                    "additionalProperties": {"type": "string"},
                },
            },
        },
        "links": {
            "type": "object",
            "required": _LINK_NAMES,
            "properties": {n: {"type": "string"} for n in _LINK_NAMES},
        },
        "term": {"type": "object", "description": "The validated term as authored; see schema/term.schema.json."},
    },
}

INDEX_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "glossdeck term index (api/terms.json)",
    "type": "object",
    "required": ["schema_version", "site", "count", "terms"],
    "properties": {
        "schema_version": {"const": SCHEMA_VERSION},
        "site": {"type": "object", "required": ["name", "url"]},
        "count": {"type": "integer", "minimum": 0},
        "terms": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["slug", "title", "aliases", "category", "level", "debt", "edited", "url", "json"],
                "properties": {
                    "slug": {"type": "string"},
                    "title": {"type": "string"},
                    "aliases": {"type": "array", "items": {"type": "string"}},
                    "category": {"type": "string"},
                    "level": _NULLABLE_STRING,
                    "debt": _NULLABLE_STRING,
                    "edited": _DATE,
                    "url": {"type": "string"},
                    "json": {"type": "string"},
                },
            },
        },
    },
}


def schema_files() -> dict[str, str]:
    return {API_SCHEMA_PATHS["term"]: _dump(TERM_SCHEMA), API_SCHEMA_PATHS["index"]: _dump(INDEX_SCHEMA)}
