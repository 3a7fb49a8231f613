"""The term page: one term rendered to Markdown (raw HTML allowed) from an overridable Jinja2 template.

The MkDocs plugin and `glossdeck export-markdown` both render with `TermPageRenderer`, so a site and
an export show the same page. Everything from YAML is escaped (`glossdeck.text.escape`) or rendered
by `glossdeck.text.prose` (never by the site's Markdown), and a block with no data is left out. A site overrides the page by putting its own
`term_page.md.j2` in a templates folder; it may `{% extends "glossdeck/term_page.md.j2" %}` and
replace single blocks.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from ..core.debt import AXES
from ..core.loading import LoadedTerm
from ..core.term_links import linked_slugs
from ..features import TermSection
from ..i18n.messages import Messages
from ..text import escape, html_blocks, mermaid_source, prose
from ..text.markup import Markup, element, fill
from ..text.term_links import guess_title, resolve_html
from . import badges, debt_chart, icons
from .context import SiteContext
from .wanted_page import wanted_anchor

TEMPLATE_NAME = "term_page.md.j2"
PACKAGE_TEMPLATES = Path(__file__).parent.parent / "templates"
CODE_KIND_MARK = {"vulnerable": "✗", "fixed": "✓", "before": "←", "after": "→", "example": "›"}


def template_environment(override_dirs: Sequence[str | Path] = ()) -> jinja2.Environment:
    """Overrides first, then the shipped templates (also reachable as "glossdeck/<name>")."""
    shipped = jinja2.FileSystemLoader(str(PACKAGE_TEMPLATES))
    loader = jinja2.ChoiceLoader(
        [
            *(jinja2.FileSystemLoader(str(d)) for d in override_dirs if Path(d).is_dir()),
            jinja2.PrefixLoader({"glossdeck": shipped}),
            shipped,
        ]
    )
    env = jinja2.Environment(
        loader=loader,
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["md_inline"] = lambda value: Markup(escape.md_inline(value))
    env.filters["prose"] = lambda value: Markup(prose.to_html(value))  # overrides may use these
    env.filters["prose_inline"] = lambda value: Markup(prose.to_inline_html(value))
    env.filters["yaml"] = lambda value: Markup(escape.yaml_scalar(str(value)))
    env.filters["html"] = _html_block
    env.filters["html_blocks"] = _html_blocks
    env.globals["icon"] = lambda name: Markup(icons.icon(name))
    return env


@jinja2.pass_context
def _html_block(context: jinja2.runtime.Context, value: str) -> Markup:
    """`{% filter html %}`: a finished HTML block, marked for the MkDocs plugin (text/html_blocks.py).
    Headings of the prose in it become Markdown headings between its parts (`lift_headings`)."""
    parts = html_blocks.lift_headings(value)
    if len(parts) > 1:
        ending = str.__str__(value[len(value.rstrip("\n")) :])
        marking = context.get("mark_html_blocks")
        shown = [html_blocks.mark(p) if marking and p.startswith("<") else p for p in parts]
        return Markup("\n\n".join(shown) + ending)
    return Markup(html_blocks.mark(value) if context.get("mark_html_blocks") else value)


@jinja2.pass_context
def _html_blocks(context: jinja2.runtime.Context, value: str) -> Markup:
    """`{{ section | html_blocks }}`: a feature's Markdown with its HTML blocks marked."""
    return Markup(html_blocks.mark_blocks(value) if context.get("mark_html_blocks") else value)


def template_fingerprint(override_dirs: Sequence[str | Path] = ()) -> bytes:
    """A hash of every template a page may be rendered from (overrides and the shipped ones), so
    pages cached under `mkdocs serve` are rendered again when a template is edited."""
    digest = hashlib.blake2b(digest_size=16)
    for folder in [*override_dirs, PACKAGE_TEMPLATES]:
        root = Path(folder)
        if root.is_dir():
            for path in sorted(p for p in root.rglob("*") if p.is_file()):
                digest.update(str(path).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.digest()


class HtmlStrings:
    """The interface strings as a template sees them, `{{ t("term.added", date=...) }}`: markup,
    the text and every plain value escaped (values that are markup, such as a <time>, kept)."""

    def __init__(self, messages: Messages) -> None:
        self.messages = messages
        self.direction = messages.direction
        self.language = messages.language

    def __call__(self, key: str, **values: Any) -> Markup:
        return fill(self.messages(key), values) if values else Markup(escape.text(self.messages(key)))

    def plain(self, key: str, **values: Any) -> str:
        """The text itself, for a Markdown heading (`| md_inline` escapes it there)."""
        return self.messages(key, **values)

    def count(self, key: str, count: int, **values: Any) -> Markup:
        text = self.messages.count(key, count, **{k: "{" + k + "}" for k in values})
        return fill(text, values)


@dataclass(frozen=True)
class Link:
    href: str  # the term's page, or for a term not written yet its entry on the Wanted terms page
    title: str
    tldr: str = ""
    missing: bool = False  # no term file defines it (yet)
    missing_note: str = "(not written yet)"

    def html(self) -> Markup:
        if self.missing:
            link = element("a", {"href": self.href, "class": "gd-missing-term", "rel": "nofollow"}, self.title)
            note = element("span", {"class": "gd-missing-note"}, self.missing_note)
            return Markup(f"{link} {note}")
        return element("a", {"href": self.href}, self.title)


def _date(t: Messages, value: Any) -> dict[str, Any]:
    """A date for the page: ISO for machines, the language's own words for readers."""
    shown = element("time", {"datetime": value.isoformat()}, t.date(value))
    return {"iso": value.isoformat(), "text": t.date(value), "html": shown}


# The blocks of a term page that site search indexes: what readers search for, not the widgets
SEARCHED_BLOCKS = frozenset({"aliases", "tldr", "explanation", "misconception", "why-it-matters", "mistakes", "stale"})


class TermPageRenderer:
    """Renders term pages for one build (the template is loaded once)."""

    def __init__(
        self,
        ctx: SiteContext,
        override_dirs: Sequence[str | Path] = (),
        html_hook: Callable[[str, str], str] | None = None,
        env: jinja2.Environment | None = None,
    ) -> None:
        self.ctx = ctx
        self.env = env or template_environment(override_dirs)
        self.template = self.env.get_template(TEMPLATE_NAME)
        # Called on each prose fragment as (html, slug); the export uses it for auto-linking.
        self.html_hook = html_hook
        self.renders = 0  # pages rendered (tests count them: a serve rebuild renders only what changed)

    def link(self, from_src: str, slug: str) -> Link:
        layout, glossary = self.ctx.layout, self.ctx.glossary
        if slug not in glossary:
            href = layout.href(from_src, layout.wanted, wanted_anchor(slug))
            return Link(href, guess_title(slug), missing=True, missing_note=self.ctx.t("term.not_written"))
        term = glossary.term(slug)
        return Link(layout.href(from_src, layout.term(slug)), term.title, self.ctx.plain_text(term.tldr))

    def render(self, slug: str, sections: Sequence[TermSection] = ()) -> str:
        self.renders += 1
        return self.template.render(self.context(slug, sections))

    def links(self, from_src: str, slug: str, slugs: Sequence[str]) -> list[Link]:
        """Links to the listed terms, once each; a term's reference to itself is not shown."""
        return [self.link(from_src, s) for s in dict.fromkeys(slugs) if s != slug]

    def linked_slugs(self, slug: str) -> list[str]:
        """Every other term this term's page names: prerequisites, related, related problems, backlinks."""
        term = self.ctx.glossary.term(slug)
        dev = term.dev_intel
        return [
            *term.prerequisites,
            *term.related,
            *(dev.related_problems if dev else []),
            *self.ctx.backlinks(slug),
            *linked_slugs(term),  # term links in prose show the linked term's title
        ]

    def dependencies(self, slug: str) -> tuple[Hashable, ...]:
        """What this page shows of other terms (which ones, in order, with their title and TL;DR):
        with the term's own file, all a cached page depends on besides the site's settings."""
        entries, related = self.ctx.glossary.entries, set(self.ctx.glossary.term(slug).related)
        # only "Related terms" shows a TL;DR (its term links as their terms' titles); the other lists show titles
        return tuple(
            (s, e.term.title, (e.term.tldr, self.ctx.link_titles(s)) if s in related else None)
            if (e := entries.get(s)) is not None
            else (s,)
            for s in self.linked_slugs(slug)
        )

    def context(self, slug: str, sections: Sequence[TermSection] = ()) -> dict[str, Any]:
        ctx, layout, t = self.ctx, self.ctx.layout, self.ctx.t
        entry: LoadedTerm = ctx.glossary.entries[slug]
        term = entry.term
        src = layout.term(slug)
        debt_href = layout.href(src, layout.debt)
        link_target = ctx.term_target(src)

        def prose_html(value: str | None, inline: bool = False, below: int | None = 2) -> Markup | None:
            """`below`: the level of the block's heading; the prose's own headings go under it."""
            if not value:
                return None
            out = ctx.prose.to_inline_html(value) if inline else ctx.prose.to_html(value)
            out = resolve_html(out, link_target)
            if below is not None and not inline:
                out = prose.nest_headings(out, below)
            if self.html_hook:
                out = self.html_hook(out, slug)
            return Markup(out)

        axes = []
        if term.debt:
            for axis in AXES:
                score = term.debt.axis(axis.letter)
                axis_href = layout.href(src, layout.debt, badges.axis_anchor(axis.letter))
                words = badges.axis_words(t, axis.letter)
                axes.append(
                    {
                        "letter": axis.letter,
                        "name": words.name,
                        "kind": words.kind,
                        "question": words.question,
                        "score": score.score,
                        "shown": f"{axis.letter}{score.score}" if score.score else f"{axis.letter} {t('debt.na')}",
                        "href": axis_href,
                        "badge": Markup(badges.axis_badge(axis.letter, score.score, axis_href, t)),
                        # in a <summary>, which is itself the control: a badge that is not a link
                        "score_badge": Markup(badges.axis_badge(axis.letter, score.score, None, t)),
                        "rationale": prose_html(score.rationale, below=None),
                    }
                )
        diagram = None
        if term.diagram:
            safe, _removed = mermaid_source.sanitize(term.diagram)
            if not ctx.mermaid_fence:  # no fence would turn a ```mermaid block into a diagram
                diagram = Markup(mermaid_source.html_block(safe))
            else:
                body = mermaid_source.for_raw_html_fence(safe) if ctx.mermaid_raw_html_fence else safe
                diagram = Markup(mermaid_source.fence(body))
        code_examples = []
        for example in term.code_examples:
            mark, label = CODE_KIND_MARK[example.kind], t(f"term.code.{example.kind}")
            code_examples.append(
                {
                    "kind": example.kind,
                    "mark": mark,
                    "label": label,
                    "caption": prose_html(example.caption, inline=True),
                    "fence": Markup(mermaid_source.fence(example.code.rstrip("\n"), example.language)),
                }
            )
        dev = term.dev_intel
        detection = dev.detection if dev else None
        ai = term.ai_agent
        slots: dict[str, list[Markup]] = {"after-header": [], "after-content": [], "end": []}
        for section in sections:
            slots.setdefault(section.slot, []).append(Markup(section.markdown))
        return {
            "slug": slug,
            "t": HtmlStrings(t),  # the interface strings: {{ t("term.tldr") }}
            "direction": t.direction,
            "term": term,
            "file": entry.file,
            "meta_title": escape.attr(term.title),  # Material prints page.meta.title unescaped
            "meta_description": escape.attr(ctx.plain_text(term.tldr)),
            "links": {
                "glossary": layout.href(src, layout.a_z),
                "home": layout.href(src, layout.home),
                "category": layout.href(src, layout.category(term.category)),
                "debt": debt_href,
            },
            "category_title": ctx.category_title(term.category),
            "level_badge": Markup(badges.level_badge(term.level, t)) if term.level else None,
            "debt_badge": Markup(badges.debt_string_badge(term.debt, debt_href, t)) if term.debt else None,
            "debt_chart": Markup(debt_chart.profile_svg(term.debt, t)) if term.debt else None,
            "axes": axes,
            "languages": list(term.applies_to.languages) if term.applies_to else [],
            "contexts": list(term.applies_to.contexts) if term.applies_to else [],
            "tags": [{"name": ctx.tag_title(g), "href": layout.href(src, layout.tag(g))} for g in term.tags],
            "tldr": prose_html(term.tldr),
            "explanation": prose_html(term.explanation),
            "diagram": diagram,
            "misconception": {
                "belief": prose_html(term.misconception.belief),
                "correction": prose_html(term.misconception.correction),
            }
            if term.misconception
            else None,
            "why_it_matters": prose_html(term.why_it_matters),
            "mistakes": [prose_html(m, inline=True) for m in term.mistakes],
            "code_examples": code_examples,
            "added": _date(t, term.added) if term.added else None,
            "edited": _date(t, term.edited) if term.edited else None,
            "dev_intel": {
                "severity": Markup(badges.severity_badge(dev.severity, t)) if dev and dev.severity else None,
                "fix_effort": Markup(badges.rating_badge(t("badge.fix_effort"), dev.fix_effort, t=t))
                if dev and dev.fix_effort
                else None,
                "hints": list(detection.hints) if detection else [],
                "automated": None
                if not detection or detection.automated is None
                else Markup(badges.yes_no(detection.automated, t("badge.yes"), t("badge.no"))),
                "tools": list(detection.tools) if detection else [],
                "related_problems": self.links(src, slug, dev.related_problems if dev else []),
            },
            "quick_fix": prose_html(term.quick_fix, below=3),
            "prerequisites": self.links(src, slug, term.prerequisites),
            "ai_agent": None
            if ai is None
            else [
                Markup(b)
                for b in (
                    badges.rating_badge(t("badge.confidence"), ai.confidence, t=t) if ai.confidence else None,
                    badges.rating_badge(t("badge.false_positives"), ai.false_positives, t=t)
                    if ai.false_positives
                    else None,
                    badges.yes_no(not ai.manual_fix, t("badge.auto_fixable"), t("badge.manual_fix"))
                    if ai.manual_fix is not None
                    else None,
                    badges.rating_badge(t("badge.fix"), ai.fix_effort, t=t) if ai.fix_effort else None,
                    badges.rating_badge(t("badge.context"), ai.context, t=t) if ai.context else None,
                )
                if b
            ],
            "related": self.links(src, slug, term.related),
            "referenced_by": [self.link(src, s) for s in ctx.backlinks(slug)],
            "sources": [{"url": s.url, "title": s.title or s.url} for s in term.sources],
            "slots": slots,
            # under `mkdocs serve`: the file cannot be used right now, so this is its last good page
            "stale": [p.format() for p in ctx.glossary.stale.get(slug, ())],
            "mark_html_blocks": ctx.mark_html_blocks,
        }
