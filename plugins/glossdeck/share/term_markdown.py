"""A term as one clean Markdown document, for AI readers and tools (md/<slug>.md, llms-full.txt).

The site's pages are Markdown full of HTML widgets (badges, charts, quizzes) for the theme; this
is the term's content alone, in reading order, in plain CommonMark: the TL;DR, the facts (names,
category, level, DEBT score), then each section, diagrams and code as fenced blocks, and links to
the terms it names. Prose stays the author's Markdown with raw HTML shown as text
(`text.escape.markdown_prose`); every other string is escaped for where it lands.
"""

from __future__ import annotations

from collections.abc import Callable

from ..core.debt import AXES
from ..core.glossary import Glossary
from ..site.layout import SiteInfo, relative_url
from ..text.escape import code_fence, commonmark_text, markdown_prose, markdown_url
from ..text.plain_text import clean_text, markdown_to_plain, one_line
from .output_paths import markdown_path

CODE_KINDS = {"vulnerable": "Vulnerable", "fixed": "Fixed", "before": "Before", "after": "After", "example": "Example"}


def page_link(site: SiteInfo, target: str, from_path: str) -> str:
    """A link to the site-relative URL `target` from the file `from_path`: absolute with a site_url."""
    absolute = site.absolute(target)
    if absolute is not None:
        return absolute
    folder = from_path.rpartition("/")[0]
    return relative_url(target, folder)


def _text(value: str) -> str:
    return commonmark_text(one_line(value))


def _prose(value: str) -> str:
    return markdown_prose(clean_text(value)).strip()


def term_markdown(glossary: Glossary, slug: str, site: SiteInfo, from_path: str | None = None, depth: int = 1) -> str:
    """The Markdown document of one term; links are written from `from_path` (default: its own
    md/<slug>.md), absolute when the site has a site_url. `depth`: the level of its heading
    (2 inside llms-full.txt, under the site's)."""
    here = from_path or markdown_path(slug)
    term = glossary.term(slug)
    link: Callable[[str], str] = lambda target: markdown_url(page_link(site, target, here))  # noqa: E731
    debt_url = site.url_of(site.terms_prefix.removesuffix("terms") + "debt.md")

    out = [
        f"{'#' * depth} {_text(term.title)}",
        "",
        *(f"> {line}" if line else ">" for line in _prose(term.tldr).split("\n")),
        "",
    ]
    facts = []
    if term.aliases:
        facts.append("Also known as: " + ", ".join(_text(a) for a in term.aliases))
    kind = _text(site.category_title(term.category))
    if term.level:
        kind += f" · level: {term.level}"
    facts.append(f"Category: {kind}")
    if term.tags:
        facts.append("Tags: " + ", ".join(_text(t) for t in term.tags))
    if term.applies_to and (term.applies_to.languages or term.applies_to.contexts):
        facts.append(
            "Applies to: " + ", ".join(_text(a) for a in [*term.applies_to.languages, *term.applies_to.contexts])
        )
    if term.debt is not None:
        spoken = "; ".join(
            f"{a.name} {s.score} of 9" if s.score else f"{a.name} not applicable"
            for a in AXES
            if (s := term.debt.axis(a.letter))
        )
        facts.append(f"DEBT score: `{term.debt.string}` ({spoken}; [how DEBT is scored]({link(debt_url)}))")
    if term.edited or term.added:
        facts.append(f"Last edited: {(term.edited or term.added)}")
    facts.append(f"Web page: [{_text(term.title)}]({link(site.term_url(slug))})")
    out += [f"- {fact}" for fact in facts] + [""]

    def section(title: str, body: str | None) -> None:
        if body:
            out.extend([f"{'#' * (depth + 1)} {title}", "", body, ""])

    section("Explanation", _prose(term.explanation) if term.explanation else None)
    section("Why it matters", _prose(term.why_it_matters) if term.why_it_matters else None)
    if term.misconception:
        section(
            "Common misconception",
            f"**Belief:** {_prose(term.misconception.belief)}\n\n**In fact:** {_prose(term.misconception.correction)}",
        )
    section("Common mistakes", "\n".join(f"- {_prose(m).replace(chr(10), chr(10) + '  ')}" for m in term.mistakes))
    section("Quick fix", _prose(term.quick_fix) if term.quick_fix else None)
    section("Diagram", code_fence(clean_text(term.diagram), "mermaid") if term.diagram else None)
    examples = []
    for example in term.code_examples:
        label = CODE_KINDS.get(example.kind, example.kind.capitalize())
        caption = f": {_text(example.caption)}" if example.caption else ""
        examples.append(
            f"**{label}** ({example.language}){caption}\n\n{code_fence(clean_text(example.code), example.language)}"
        )
    section("Code examples", "\n\n".join(examples))
    if term.debt is not None:
        rationales = [
            f"- **{a.name} {term.debt.axis(a.letter).score or 'n/a'}**: {_prose(r).replace(chr(10), chr(10) + '  ')}"
            for a in AXES
            if (r := term.debt.axis(a.letter).rationale)
        ]
        section("Why these DEBT scores", "\n".join(rationales))

    def term_list(slugs: list[str]) -> str:
        lines = []
        for other in slugs:
            if other in glossary:
                entry = glossary.term(other)
                target = link(markdown_path(other))
                lines.append(f"- [{_text(entry.title)}]({target}): {_text(markdown_to_plain(entry.tldr))}")
        return "\n".join(lines)

    section("Read first", term_list(term.prerequisites))
    section("Related terms", term_list(term.related))
    sources = [f"- [{_text(s.title or s.url)}]({markdown_url(s.url)})" for s in term.sources]
    section("Sources", "\n".join(sources))
    return "\n".join(out).rstrip("\n") + "\n"
