"""Entries read from a source made into term data: slugs from titles, links between entries as term
links, body sections as blocks, related names as slugs, and defaults for what glossdeck requires."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from ..core.glossary import RESERVED_TAGS
from ..core.model import TERM_FIELDS
from ..core.problems import GlossdeckError, Problem
from .links import LinkContext, rewrite_links
from .naming import title_slug
from .report import Kind, Report
from .section_names import SECTION_NAMES
from .sections import MappedBody, NameRef, map_body, short_tldr, tidy
from .source_term import Located, SourceTerm

LEVELS = ("beginner", "intermediate", "advanced")


@dataclass
class Options:
    category: str | None = None  # --category: for entries without one (and formats without categories)
    default_category: str = "general"  # the format's own default when --category is not given
    base_url: str | None = None  # --base-url: links into the source site that are no term become absolute
    existing: Mapping[str, str] = field(default_factory=dict)  # names of terms already in --out -> slug
    key_url: Callable[[str], str] | None = None  # see links.LinkContext
    section_names: Mapping[str, str] = field(default_factory=lambda: SECTION_NAMES)  # heading key -> block


@dataclass
class ConvertedTerm:
    slug: str
    source: SourceTerm
    data: dict[str, Any]  # term fields in the model's order, ready to write


class _Names:
    """Keys (titles, ids, file stems, aliases) -> slugs, imported terms first, then existing ones."""

    def __init__(self, existing: Mapping[str, str]) -> None:
        self.keys: dict[str, str] = {}
        self.existing = existing
        self.titles: dict[str, str] = {}

    def add(self, key: str, slug: str) -> None:
        for variant in (key, key.replace("_", "-"), title_slug(key)):
            if variant.strip():
                self.keys.setdefault(variant.strip().casefold(), slug)

    def resolve(self, key: str) -> str | None:
        key = key.strip()
        for variant in (key, key.replace("_", "-"), title_slug(key)):
            found = self.keys.get(variant.casefold()) or self.existing.get(variant.casefold())
            if found:
                return found
        return None

    def title_of(self, slug: str) -> str:
        return self.titles.get(slug, slug)


def _slug_list(values: list[str], what: str, term: SourceTerm, report: Report) -> list[str]:
    out: list[str] = []
    for value in values:
        slug = title_slug(str(value))
        if not slug:
            if str(value).strip():
                report.note_once(
                    term.file,
                    term.line,
                    Kind.UNMAPPED,
                    f"noslug:{what}:{value}",
                    f"{what} {value!r} has no letters for a slug; left out",
                )
            continue
        if slug in RESERVED_TAGS and what == "tag":
            report.note(term.file, term.line, Kind.UNMAPPED, f"tag {value!r} is reserved by glossdeck; left out")
            continue
        if slug not in out:
            out.append(slug)
    return out


def _letters(text: str) -> int:
    return sum(ch.isalnum() for ch in unicodedata.normalize("NFKD", text))


def _slug(entry: SourceTerm) -> str:
    """The entry's slug: given, else from its title; from its first key (file name, id) when the
    title's slug keeps less than half of its letters, or when the title is in another script than
    the key (a translation: `content/zh-cn/container.md` stays `container`, as in the source site
    and its other languages)."""
    if entry.slug:
        return title_slug(entry.slug)
    slug = title_slug(entry.title)
    keys = [k for k in (title_slug(k) for k in entry.keys) if k]
    if _letters(slug) * 2 < _letters(entry.title):
        return next(iter(keys), slug)
    if not slug.isascii():
        return next((k for k in keys if k.isascii()), slug)
    return slug


def convert(entries: list[SourceTerm], options: Options, report: Report) -> list[ConvertedTerm]:
    problems: list[Problem] = []
    names = _Names(options.existing)
    chosen: list[tuple[str, SourceTerm]] = []
    taken: dict[str, SourceTerm] = {}
    for entry in entries:
        slug = _slug(entry)
        if not slug:
            problems.append(
                Problem(
                    entry.file, entry.line, 1, "title", f"title {entry.title!r} has no letters or digits for a slug"
                )
            )
            continue
        if slug in taken:
            first = taken[slug]
            report.note(
                entry.file,
                entry.line,
                Kind.SKIPPED,
                f"'{entry.title}' has the slug '{slug}' of {first.file}:{first.line}",
            )
            continue
        taken[slug] = entry
        chosen.append((slug, entry))
        names.titles[slug] = entry.title
    for slug, entry in chosen:  # titles and slugs before other keys: a title never loses to an id
        names.add(slug, slug)
        names.add(entry.title, slug)
    for slug, entry in chosen:
        for key in [*entry.keys, *entry.aliases]:
            names.add(key, slug)
    owners = {e.title.casefold(): s for s, e in chosen}
    converted: list[ConvertedTerm] = []
    for slug, entry in chosen:
        try:
            converted.append(ConvertedTerm(slug, entry, _term_data(slug, entry, names, owners, options, report)))
        except GlossdeckError as exc:
            problems.extend(exc.problems)
    if problems:
        raise GlossdeckError(problems)
    return converted


def _term_data(
    slug: str, entry: SourceTerm, names: _Names, owners: dict[str, str], options: Options, report: Report
) -> dict[str, Any]:
    ctx = LinkContext(entry.file, slug, names.resolve, names.title_of, options.base_url, report, options.key_url)

    def prose(text: Located) -> str:
        return tidy(rewrite_links(text, ctx)).strip()

    fields: dict[str, Any] = {}
    mapped = MappedBody()
    if entry.body is not None:
        summary = prose(entry.summary) if entry.summary else None
        body = Located(rewrite_links(entry.body, ctx), entry.body.line)
        mapped = map_body(body, summary, entry.file, report, options.section_names)
        fields.update(mapped.fields)
    elif entry.summary is not None:
        fields["tldr"] = prose(entry.summary)
    for name, text in entry.prose.items():
        value = prose(text)
        if value:
            fields[name] = value
    if "tldr" in fields and entry.body is None:
        short, rest = short_tldr(fields["tldr"])
        if rest:
            report.note(
                entry.file,
                entry.line,
                Kind.CHANGED,
                f"TL;DR cut to {len(short)} characters; the rest opens the explanation",
            )
            fields["tldr"] = short
            fields["explanation"] = f"{rest}\n\n{fields.get('explanation', '')}".strip()
    if entry.misconception:
        fields["misconception"] = {key: prose(value) for key, value in entry.misconception.items()}
    if entry.mistakes:
        fields["mistakes"] = [m for m in (prose(x) for x in entry.mistakes) if m]
    if not fields.get("tldr"):
        raise GlossdeckError(
            [
                Problem(
                    entry.file,
                    entry.line,
                    1,
                    "tldr",
                    f"'{entry.title}' has no text for a TL;DR (a definition or first paragraph)",
                )
            ]
        )
    fields["title"] = " ".join(entry.title.split())
    aliases: list[str] = []
    for alias in entry.aliases:
        alias = " ".join(str(alias).split())
        owner = owners.get(alias.casefold())
        if not alias or alias.casefold() == entry.title.casefold() or alias in aliases:
            continue
        if owner is not None and owner != slug:
            report.note(
                entry.file, entry.line, Kind.UNMAPPED, f"alias '{alias}' is the title of another term; left out"
            )
            continue
        aliases.append(alias)
        owners[alias.casefold()] = slug
    if aliases:
        fields["aliases"] = aliases
    category = title_slug(entry.category) if entry.category else ""
    if not category:
        category = title_slug(options.category or "") or options.default_category
        how = "--category" if options.category else "the default; choose one with --category"
        report.note_once(entry.file, entry.line, Kind.DEFAULT, "category", f"no category: '{category}' ({how})")
    elif category != entry.category:
        report.note_once(
            entry.file,
            entry.line,
            Kind.CHANGED,
            f"category:{entry.category}",
            f"category '{entry.category}' written as '{category}'",
        )
    fields["category"] = category
    tags = _slug_list(entry.tags, "tag", entry, report)
    if tags:
        fields["tags"] = tags
    if entry.level:
        if entry.level.lower() in LEVELS:
            fields["level"] = entry.level.lower()
        else:
            report.note(
                entry.file, entry.line, Kind.UNMAPPED, f"level {entry.level!r} is none of {', '.join(LEVELS)}; left out"
            )
    named = [NameRef([r.text], r.line) for r in entry.related]
    for field_name, wanted in (
        ("related", [*named, *mapped.related_names]),
        ("prerequisites", [NameRef([r.text], r.line) for r in entry.prerequisites]),
    ):
        slugs: list[str] = list(mapped.related) if field_name == "related" else []
        for wanted_name in wanted:
            found = next(filter(None, map(names.resolve, wanted_name.candidates)), None)
            if found is None:
                report.note(
                    entry.file,
                    wanted_name.line,
                    Kind.LINK,
                    f"{field_name.replace('_', ' ')} '{wanted_name.candidates[0]}' is no imported term; left out",
                )
            elif found != slug and found not in slugs:
                slugs.append(found)
        slugs = [s for s in slugs if s != slug]
        if slugs:
            fields[field_name] = slugs
    if entry.added:
        fields["added"] = entry.added
    if entry.edited:
        if entry.added and entry.edited < entry.added:
            report.note(
                entry.file, entry.line, Kind.UNMAPPED, f"last edit {entry.edited} is before the date added; left out"
            )
        else:
            fields["edited"] = entry.edited
    sources = [*entry.sources, *[s for s in fields.get("sources", []) if s not in entry.sources]]
    fields["sources"] = [s for s in sources if urlsplit(s["url"]).scheme in ("http", "https")]
    for source in sources:
        if source not in fields["sources"]:
            report.note(
                entry.file, entry.line, Kind.UNMAPPED, f"source {source['url']!r} is no http(s) address; left out"
            )
    return {name: fields[name] for name in TERM_FIELDS if name in fields and fields[name] not in (None, "", [])}
