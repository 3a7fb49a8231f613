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
from ..text.term_links import resolve_markdown, titles_from
from .output_paths import markdown_path


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
    """The Markdown document of one term, in the site's language; links are written from
    `from_path` (default: its own md/<slug>.md), absolute when the site has a site_url. `depth`:
    the level of its heading (2 inside llms-full.txt, under the site's). Term links (`[[slug]]`)
    become links to the linked terms' Markdown documents."""
    here = from_path or markdown_path(slug)
    term, t = glossary.term(slug), site.messages
    colon, sep = t("markdown.colon"), t("markdown.list_separator")  # "：" and "、" in Chinese
    link: Callable[[str], str] = lambda target: markdown_url(page_link(site, target, here))  # noqa: E731
    debt_url = site.url_of(site.terms_prefix.removesuffix("terms") + "debt.md")
    title_for = titles_from(glossary)

    def link_for(other: str) -> tuple[str, str | None]:
        return title_for(other), page_link(site, markdown_path(other), here) if other in glossary else None

    def prose(value: str) -> str:
        return _prose(resolve_markdown(value, link_for))

    out = [
        f"{'#' * depth} {_text(term.title)}",
        "",
        *(f"> {line}" if line else ">" for line in prose(term.tldr).split("\n")),
        "",
    ]
    facts = []
    if term.aliases:
        facts.append(t("term.aliases") + colon + sep.join(_text(a) for a in term.aliases))
    kind = _text(site.category_title(term.category))
    if term.level:
        kind += " · " + _text(t("badge.level", level=t(f"badge.levels.{term.level}")))
    facts.append(f"{t('term.category')}{colon}{kind}")
    if term.tags:
        facts.append(t("index.tags") + colon + sep.join(_text(site.tag_title(tag)) for tag in term.tags))
    if term.applies_to and (term.applies_to.languages or term.applies_to.contexts):
        facts.append(
            f"{t('term.applies_to')}{colon}"
            + sep.join(_text(a) for a in [*term.applies_to.languages, *term.applies_to.contexts])
        )
    if term.debt is not None:
        spoken = "; ".join(
            t("card.axis_spoken", axis=name, score=s.score) if s.score else t("card.axis_na", axis=name)
            for a in AXES
            if (s := term.debt.axis(a.letter)) and (name := t(f"debt.axes.{a.letter}.name"))
        )
        how = f"[{_text(t('markdown.how_scored'))}]({link(debt_url)})"
        facts.append(f"{t('term.debt_profile')}{colon}`{term.debt.string}` ({_text(spoken)}; {how})")
    if when := term.edited or term.added:
        facts.append(_text(t("term.edited", date=t.date(when))))
    facts.append(f"{t('markdown.web_page')}{colon}[{_text(term.title)}]({link(site.term_url(slug))})")
    out += [f"- {fact}" for fact in facts] + [""]

    def section(key: str, body: str | None) -> None:
        if body:
            out.extend([f"{'#' * (depth + 1)} {_text(t(key))}", "", body, ""])

    section("term.explanation", prose(term.explanation) if term.explanation else None)
    section("term.why_it_matters", prose(term.why_it_matters) if term.why_it_matters else None)
    if term.misconception:
        belief, correction = _text(t("term.belief")), _text(t("term.correction"))
        section(
            "term.misconception",
            f"**{belief}** {prose(term.misconception.belief)}\n\n**{correction}** {prose(term.misconception.correction)}",
        )
    section("term.mistakes", "\n".join(f"- {prose(m).replace(chr(10), chr(10) + '  ')}" for m in term.mistakes))
    section("term.quick_fix", prose(term.quick_fix) if term.quick_fix else None)
    section("term.diagram", code_fence(clean_text(term.diagram), "mermaid") if term.diagram else None)
    examples = []
    for example in term.code_examples:
        label = _text(t(f"term.code.{example.kind}"))
        caption = f"{colon}{_text(markdown_to_plain(example.caption, title_for))}" if example.caption else ""
        examples.append(
            f"**{label}** ({example.language}){caption}\n\n{code_fence(clean_text(example.code), example.language)}"
        )
    section("term.code_examples", "\n\n".join(examples))
    if term.debt is not None:
        rationales = [
            f"- **{_text(t(f'debt.axes.{a.letter}.name'))} {term.debt.axis(a.letter).score or 'n/a'}**{colon}"
            + prose(r).replace(chr(10), chr(10) + "  ")
            for a in AXES
            if (r := term.debt.axis(a.letter).rationale)
        ]
        section("markdown.why_scores", "\n".join(rationales))

    def term_list(slugs: list[str]) -> str:
        lines = []
        for other in slugs:
            if other in glossary:
                entry = glossary.term(other)
                target = link(markdown_path(other))
                lines.append(
                    f"- [{_text(entry.title)}]({target}){colon}{_text(markdown_to_plain(entry.tldr, title_for))}"
                )
        return "\n".join(lines)

    section("learn.read_first", term_list(term.prerequisites))
    section("term.related", term_list(term.related))
    sources = [f"- [{_text(s.title or s.url)}]({markdown_url(s.url)})" for s in term.sources]
    section("term.sources", "\n".join(sources))
    return "\n".join(out).rstrip("\n") + "\n"
