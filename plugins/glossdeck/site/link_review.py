"""`glossdeck links`: where each term gets auto-linked, so an author can review it before readers do.

Each term's prose is linked as its page links it (first mention per page, never the page's own
term, never inside explicit links), and every link made is listed with its file, line and the words
around it; terms that are linked nowhere are listed too (a title nobody writes, or `autolink: false`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ..core.checks import locate_in_value
from ..core.glossary import Glossary
from ..core.problems import field_name
from ..core.term_links import prose_fields
from ..text.prose import ProseRenderer
from .autolink import Autolinker

CONTEXT = 32  # characters shown on each side of a link


@dataclass(frozen=True)
class AutoLink:
    target: str  # the slug linked
    words: str  # the words that became the link
    file: str
    line: int
    column: int
    field: str
    context: str  # the words around it, on one line


@dataclass
class LinkReview:
    links: list[AutoLink] = field(default_factory=list)
    never: list[str] = field(default_factory=list)  # slugs auto-linked nowhere

    def by_target(self) -> dict[str, list[AutoLink]]:
        grouped: dict[str, list[AutoLink]] = {}
        for link in self.links:
            grouped.setdefault(link.target, []).append(link)
        return dict(sorted(grouped.items()))


def review_links(glossary: Glossary, exclude: Iterable[str] = ()) -> LinkReview:
    linker = Autolinker.from_glossary(glossary, exclude)
    prose = ProseRenderer()
    review = LinkReview()
    for entry in glossary:
        seen: set[str] = set()  # one page: a term is linked at its first mention only
        for path, value in prose_fields(entry.term):
            made: list[tuple[str, str, str]] = []
            linker.link_html(
                prose.to_html(value),
                lambda slug: slug,
                self_slug=entry.slug,
                seen=seen,
                record=lambda slug, words, around, made=made: made.append((slug, words, around)),  # type: ignore[misc]
            )
            for slug, words, around in made:
                line, column = locate_in_value(entry, path, words, 0)
                at = around.find(words)
                start = max(at - CONTEXT, 0)
                snippet = " ".join(around[start : at + len(words) + CONTEXT].split())
                snippet = ("…" if start else "") + snippet + ("…" if at + len(words) + CONTEXT < len(around) else "")
                review.links.append(AutoLink(slug, words, entry.file, line, column, field_name(path), snippet))
    linked = {link.target for link in review.links}
    review.never = [slug for slug in glossary.entries if slug not in linked]
    return review


def format_review(review: LinkReview, glossary: Glossary) -> str:
    out: list[str] = []
    for slug, links in review.by_target().items():
        term = glossary.term(slug)
        out.append(f"{term.title} ({slug}): auto-linked {len(links)} time{'s' if len(links) != 1 else ''}")
        for link in links:
            out.append(f"  {link.file}:{link.line}:{link.column}: {link.field}: {link.words!r} in “{link.context}”")
    if review.never:
        out.append("")
        out.append(f"Auto-linked nowhere ({len(review.never)}):")
        for slug in review.never:
            switch = glossary.term(slug).autolink
            note = "" if switch is True else f" (autolink: {str(switch).lower()})"
            out.append(f"  {glossary.term(slug).title} ({slug}){note}")
    return "\n".join(out)
