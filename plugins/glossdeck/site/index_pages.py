"""The pages around the terms: home sections, category pages, the A-Z index, tags, About DEBT scoring.

Each function returns Markdown (raw HTML allowed); `generate_pages` returns every generated page of a
build, term pages and features' pages included, for the MkDocs plugin and the Markdown export alike.
Every page costs time linear in what it lists, so the whole site builds in time linear in its size.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable

import jinja2

from ..core.debt import AXES
from ..core.loading import LoadedTerm
from ..core.problems import Problem
from ..features import GeneratedPage, TermSection
from ..i18n.collation import OTHER_GROUP, Collation
from ..reuse import reuse
from ..text.escape import attr, md_inline, text, yaml_scalar
from ..text.markup import Markup, fill
from . import badges
from .context import SiteContext
from .term_page import TermPageRenderer
from .wanted_page import wanted_page

Rendered = str | tuple[str]  # a term page's Markdown, or (why it could not be rendered,)
# Renders every term page: (slugs, render one) -> each slug's page (build/ has a two-core one)
RenderTerms = Callable[[list[str], Callable[[str], str]], dict[str, Rendered]]


def render_one_by_one(slugs: list[str], render_one: Callable[[str], str]) -> dict[str, Rendered]:
    """Each slug's page; a term that cannot be rendered is reported, not fatal (a broken template
    still raises: every page would fail the same way)."""
    out: dict[str, Rendered] = {}
    for slug in slugs:
        try:
            out[slug] = render_one(slug)
        except jinja2.TemplateError:
            raise
        except Exception as exc:  # one odd term must not stop the site
            out[slug] = (repr(exc),)
    return out


def _front_matter(title: str, **extra: str) -> str:
    lines = ["---", f"title: {yaml_scalar(attr(title))}"]
    lines += [f"{key}: {yaml_scalar(value)}" for key, value in extra.items()]
    return "\n".join(lines) + "\n---\n\n"


def _term_item(ctx: SiteContext, from_src: str, entry: LoadedTerm, *, marks: str = "") -> str:
    """A list item, kept between `mkdocs serve` rebuilds by everything it shows (the term's file,
    the page listing it, the layout): category and tag pages list every term on each rebuild."""
    return reuse(
        ctx.memo,
        "list-items",
        (from_src, entry.slug, marks),
        (ctx.layout, entry.file, entry.digest, ctx.link_titles(entry.slug)),
        lambda: _render_term_item(ctx, from_src, entry, marks=marks),
    )


def _render_term_item(ctx: SiteContext, from_src: str, entry: LoadedTerm, *, marks: str = "") -> str:
    """One term in a list: link, level, DEBT string, TL;DR."""
    layout, term = ctx.layout, entry.term
    parts = [f'<a href="{attr(layout.href(from_src, layout.term(entry.slug)))}">{text(term.title)}</a>']
    if marks:
        parts.append(marks)
    if term.level:
        parts.append(badges.level_badge(term.level, ctx.t))
    if term.debt:
        parts.append(badges.debt_string_badge(term.debt, layout.href(from_src, layout.debt), ctx.t))
    summary = f'<span class="gd-tldr-short">{text(ctx.plain_text(term.tldr))}</span>'
    return f'<li class="gd-term-item">{" ".join(parts)}<br>{summary}</li>'


def _term_list(ctx: SiteContext, from_src: str, entries: list[LoadedTerm], css: str = "gd-term-list") -> str:
    items = "\n".join(_term_item(ctx, from_src, e) for e in entries)
    return f'<ul class="{css}">\n{items}\n</ul>\n'


def _recent_marks(ctx: SiteContext, entry: LoadedTerm) -> str:
    """ "+ added" / "updated" marks for terms added or edited within `recent_days` of the build date."""
    since = ctx.today - dt.timedelta(days=ctx.recent_days)
    marks = []
    t, days = ctx.t, ctx.recent_days
    if entry.term.added and entry.term.added > since:
        marks.append(
            f'<span class="gd-mark gd-mark-added" title="{attr(t("index.added_hint", days=days))}">'
            f"{text(t('index.added_mark'))}</span>"
        )
    if entry.term.edited and entry.term.edited > since and entry.term.edited != entry.term.added:
        marks.append(
            f'<span class="gd-mark gd-mark-updated" title="{attr(t("index.updated_hint", days=days))}">'
            f"{text(t('index.updated_mark'))}</span>"
        )
    return " ".join(marks)


def home_sections(ctx: SiteContext, home_src: str) -> str:
    """Appended to the home page: browse by category, recently added, recently updated."""
    layout, glossary, t = ctx.layout, ctx.glossary, ctx.t
    out = [
        "",
        f"## {md_inline(t('index.browse_categories'))}",
        "",
        '<div class="gd-category-grid gd-nolink" data-gd-block="browse-categories">',
    ]
    for category in ctx.category_order:
        count = len(glossary.categories[category])
        out.append(
            f'<a class="gd-category-card" href="{attr(layout.href(home_src, layout.category(category)))}">'
            f"<strong>{text(ctx.category_title(category))}</strong> "
            f"<span>{text(t.count('count.terms', count))}</span></a>"
        )
    out.append("</div>")
    out += [
        "",
        f'<p class="gd-index-links gd-nolink"><a href="{attr(layout.href(home_src, layout.a_z))}">{text(t("index.a_z"))}</a>'
        f' · <a href="{attr(layout.href(home_src, layout.tags_index))}">{text(t("index.tags"))}</a>'
        + (
            f' · <a href="{attr(layout.href(home_src, layout.debt))}">{text(t("index.about_debt"))}</a>'
            if glossary.uses_debt
            else ""
        )
        + "</p>",
        "",
    ]
    marks = {
        "added": Markup(f'<span class="gd-mark gd-mark-added">{text(t("index.added_mark"))}</span>'),
        "updated": Markup(f'<span class="gd-mark gd-mark-updated">{text(t("index.updated_mark"))}</span>'),
        "days": ctx.recent_days,
        "date": Markup(f'<time datetime="{ctx.today.isoformat()}">{ctx.today.isoformat()}</time>'),
    }
    legend = f'<p class="gd-legend">{fill(t("index.legend"), marks)}</p>'
    added = sorted((e for e in glossary if e.term.added), key=lambda e: (e.term.added, e.slug), reverse=True)
    edited = sorted(
        (e for e in glossary if e.term.edited and e.term.edited != e.term.added),
        key=lambda e: (e.term.edited, e.slug),
        reverse=True,
    )
    shown_legend = False
    for heading, entries, block in (
        (t("index.recently_added"), added, "recently-added"),
        (t("index.recently_updated"), edited, "recently-updated"),
    ):
        if not entries:
            continue
        out += [f"## {md_inline(heading)}", ""]
        if not shown_legend:  # once, above the first list
            out += [legend, ""]
            shown_legend = True
        out += [f'<ul class="gd-term-list gd-recent" data-gd-block="{block}">']
        out += [_term_item(ctx, home_src, e, marks=_recent_marks(ctx, e)) for e in entries[: ctx.recent_count]]
        out += ["</ul>", ""]
    return "\n".join(out) + "\n"


def default_home(ctx: SiteContext) -> str:
    """A home page for sites without docs/index.md."""
    name = ctx.layout.site.site_name
    intro = ctx.site_description or ctx.t("index.home_intro", count=len(ctx.glossary))
    return _front_matter(name) + f"# {md_inline(name)}\n\n<p>{text(intro)}</p>\n" + home_sections(ctx, ctx.layout.home)


def category_page(ctx: SiteContext, category: str) -> str:
    layout = ctx.layout
    src = layout.category(category)
    entries = ctx.glossary.categories[category]
    title = ctx.category_title(category)
    count = ctx.t.count("count.terms", len(entries))
    return (
        _front_matter(title, description=ctx.t("index.category_description", title=title, count=count))
        + f"# {md_inline(title)}\n\n"
        + f'<p class="gd-nolink"><a href="{attr(layout.href(src, layout.categories_index))}">'
        + f"{text(ctx.t('index.all_categories'))}</a> · {text(count)}</p>\n\n"
        + _term_list(ctx, src, entries)
    )


def categories_index(ctx: SiteContext) -> str:
    layout = ctx.layout
    src = layout.categories_index
    title = ctx.t("index.categories")
    out = [_front_matter(title), f"# {md_inline(title)}", "", '<ul class="gd-category-list gd-nolink">']
    for category in ctx.category_order:
        count = len(ctx.glossary.categories[category])
        out.append(
            f'<li><a href="{attr(layout.href(src, layout.category(category)))}">'
            f"{text(ctx.category_title(category))}</a> ({count})</li>"
        )
    out.append("</ul>")
    return "\n".join(out) + "\n"


def a_z_page(ctx: SiteContext) -> str:
    """Every title and alias, in the language's alphabetical order (`i18n/collation.py`); an alias
    points at its term (under `mkdocs serve`, built again only when a title, alias or DEBT profile
    changes: most edits change none)."""
    if ctx.memo is None:
        return _a_z_page(ctx)
    key = (
        ctx.layout,
        tuple(
            (e.slug, e.term.title, tuple(e.term.aliases), e.term.debt.string if e.term.debt else None)
            for e in ctx.glossary
        ),
    )
    return reuse(ctx.memo, "a-z", "a-z", key, lambda: _a_z_page(ctx))


def _group_anchor(group: str, index: int) -> str:
    """ "letter-a" for Latin letters (stable, readable links), "letter-other" for "#", and the
    group's position for other scripts (an id that needs no percent-encoding)."""
    if group == OTHER_GROUP:
        return "letter-other"
    if group.isascii():
        return f"letter-{group.lower()}"
    return f"letter-{index + 1}"


def _a_z_page(ctx: SiteContext) -> str:
    layout, t = ctx.layout, ctx.t
    src = layout.a_z
    collation = Collation(t.language)
    rows: list[tuple[object, str, LoadedTerm, bool]] = []
    for entry in ctx.glossary:
        rows.append((collation.sort_key(entry.term.title), entry.term.title, entry, False))
        rows += [(collation.sort_key(alias), alias, entry, True) for alias in entry.term.aliases]
    rows.sort(key=lambda r: (r[0], r[3]))
    by_group: dict[str, list[tuple[object, str, LoadedTerm, bool]]] = defaultdict(list)
    for row in rows:
        by_group[collation.group(row[1])].append(row)
    groups = collation.group_order(list(by_group))
    anchors = {g: _group_anchor(g, i) for i, g in enumerate(groups)}
    shown = {g: t("index.other_group") if g == OTHER_GROUP else g for g in groups}
    title = t("index.a_z")
    out = [
        _front_matter(title, description=t("index.a_z_description", count=len(ctx.glossary))),
        f"# {md_inline(title)}",
        "",
        f'<p class="gd-nolink">{text(t("index.a_z_intro", count=len(ctx.glossary)))}</p>',
        "",
        f'<nav class="gd-letters gd-nolink" aria-label="{attr(t("index.letters"))}">'
        + " ".join(f'<a href="#{anchors[g]}">{text(shown[g])}</a>' for g in groups)
        + "</nav>",
        "",
    ]
    for group in groups:
        out += [f'<h2 id="{anchors[group]}">{text(shown[group])}</h2>', "", '<ul class="gd-a-z gd-nolink">']
        for _, name, entry, is_alias in by_group[group]:
            href = attr(layout.href(src, layout.term(entry.slug)))
            if is_alias:
                out.append(f'<li class="gd-alias">{text(name)} → <a href="{href}">{text(entry.term.title)}</a></li>')
            else:
                debt = (
                    " " + badges.debt_string_badge(entry.term.debt, layout.href(src, layout.debt), t)
                    if entry.term.debt
                    else ""
                )
                out.append(f'<li><a href="{href}">{text(name)}</a>{debt}</li>')
        out += ["</ul>", ""]
    return "\n".join(out)


def tags_index(ctx: SiteContext) -> str:
    layout = ctx.layout
    src = layout.tags_index
    title = ctx.t("index.tags")
    out = [_front_matter(title), f"# {md_inline(title)}", ""]
    if not ctx.glossary.tags:
        return "\n".join([*out, f"<p>{text(ctx.t('index.no_tags'))}</p>"]) + "\n"
    out.append('<p class="gd-tag-cloud gd-nolink">')
    for tag, entries in ctx.glossary.tags.items():
        out.append(
            f'<a class="gd-badge gd-tag" href="{attr(layout.href(src, layout.tag(tag)))}">'
            f'{text(ctx.tag_title(tag))} <span class="gd-count">{len(entries)}</span></a>'
        )
    out.append("</p>")
    return "\n".join(out) + "\n"


def tag_page(ctx: SiteContext, tag: str) -> str:
    layout = ctx.layout
    src = layout.tag(tag)
    entries = ctx.glossary.tags[tag]
    title = ctx.t("index.tag_title", tag=ctx.tag_title(tag))
    return (
        _front_matter(title)
        + f"# {md_inline(title)}\n\n"
        + f'<p class="gd-nolink"><a href="{attr(layout.href(src, layout.tags_index))}">'
        + f"{text(ctx.t('index.all_tags'))}</a></p>\n\n"
        + _term_list(ctx, src, entries)
    )


SHAPES = ("process", "contained", "commitment", "teach")  # catalog keys: debt_page.shapes.<key>.name/advice


def debt_page(ctx: SiteContext) -> str:
    """About DEBT scoring, generated from the rubric: each axis in its colour with its anchored levels
    (the levels are the rubric's own text: a site translates them with its own `rubric:` file)."""
    t = ctx.t
    title = t("index.about_debt")

    def code(value: str) -> Markup:
        return Markup(f"<code>{text(value)}</code>")

    intro = fill(
        t("debt_page.intro"),
        {"example": code("debt(d7/e9/b9/t5)"), "zero": Markup(f"<strong>{text(t('debt_page.zero'))}</strong>")},
    )
    never = fill(
        t("debt_page.never_summed"),
        {"example": code("debt(d7/e4/b2/t9)"), "shape": Markup(f"<em>{text(t('debt_page.shape'))}</em>")},
    )
    words = {a.letter: badges.axis_words(t, a.letter) for a in AXES}
    out = [
        _front_matter(title, description=t("debt_page.description")),
        f"# {md_inline(title)}",
        "",
        f"<p>{intro}</p>",
        "",
        f"<p>{never}</p>",
        "",
        '<p class="gd-axis-legend gd-nolink">'
        + " ".join(
            f'<a class="gd-badge gd-axis gd-axis-{a.letter}" href="#{badges.axis_anchor(a.letter)}" '
            f'title="{attr(words[a.letter].name)}">{a.letter}</a> {text(words[a.letter].name)}'
            for a in AXES
        )
        + "</p>",
        "",
    ]
    for axis in AXES:
        levels = ctx.rubric.levels.get(axis.letter, {})
        w = words[axis.letter]
        out += [
            f"## {md_inline(w.name)} ({axis.letter})",
            "",
            f'<section class="gd-axis-section gd-axis-{axis.letter}" id="{badges.axis_anchor(axis.letter)}" '
            f'data-gd-axis="{axis.letter}">',
            f'<p class="gd-axis-kind"><span class="gd-badge gd-axis gd-axis-{axis.letter}">{axis.letter}</span> '
            f"<strong>{text(w.kind)}</strong> — {text(w.question)}.</p>",
            f'<p class="gd-axis-question">{text(t(f"debt_page.questions.{axis.letter}"))}</p>',
            f'<table class="gd-levels"><thead><tr><th scope="col">{text(t("debt_page.score"))}</th>'
            f'<th scope="col">{text(t("debt_page.anchor"))}</th></tr></thead><tbody>',
        ]
        for level in sorted(levels):
            shown = t("debt_page.na_zero") if level == 0 else f"{axis.letter}{level}"
            out.append(
                f'<tr><th scope="row"><span class="gd-badge gd-axis gd-axis-{axis.letter}'
                f'{" gd-na" if level == 0 else ""}">{text(shown)}</span></th><td>{text(levels[level])}</td></tr>'
            )
        out += ["</tbody></table>", "</section>", ""]
    out += [f"## {md_inline(t('debt_page.reading'))}", "", '<ul class="gd-shapes">']
    out += [
        f"<li><strong>{text(t(f'debt_page.shapes.{key}.name'))}</strong>: {text(t(f'debt_page.shapes.{key}.advice'))}</li>"
        for key in SHAPES
    ]
    out += ["</ul>", ""]
    return "\n".join(out)


def feature_sections(ctx: SiteContext, slug: str) -> list[TermSection]:
    sections: list[TermSection] = []
    with ctx.phase("features"):
        for feature in ctx.features:
            sections.extend(feature.term_sections(ctx.build, slug))
    return sections


def feature_pages(ctx: SiteContext) -> list[GeneratedPage]:
    with ctx.phase("features"):
        return [page for feature in ctx.features for page in feature.pages(ctx.build)]


def generate_pages(
    ctx: SiteContext,
    renderer: TermPageRenderer,
    *,
    with_home: bool,
    with_features: bool = True,
    failures: list[Problem] | None = None,
    render_terms: RenderTerms = render_one_by_one,
) -> list[GeneratedPage]:
    """Every generated page of the site (the home page only when the site has none of its own).

    A term page that cannot be rendered is left out and reported in `failures` (a broken template
    override still raises: every page would fail the same way). `render_terms` renders the term
    pages (the MkDocs plugin passes one that uses two cores in a one-off build).
    """
    layout, glossary = ctx.layout, ctx.glossary
    pages: list[GeneratedPage] = []
    if with_home:
        pages.append(GeneratedPage(layout.home, layout.site.site_name, default_home(ctx)))

    def render_one(slug: str) -> str:
        return renderer.render(slug, feature_sections(ctx, slug))

    if failures is None:  # callers that want the exception itself
        rendered: dict[str, Rendered] = {e.slug: render_one(e.slug) for e in glossary}
    else:
        rendered = render_terms(list(glossary.entries), render_one)
    for entry in glossary:
        markdown = rendered[entry.slug]
        if isinstance(markdown, tuple):
            assert failures is not None
            failures.append(Problem(entry.file, 1, 1, "", f"cannot render this term's page: {markdown[0]}"))
            continue
        pages.append(GeneratedPage(layout.term(entry.slug), entry.term.title, markdown))
    t = ctx.t
    pages.append(
        GeneratedPage(layout.categories_index, t("index.categories"), categories_index(ctx), lists_searched=False)
    )
    for category in ctx.category_order:
        pages.append(
            GeneratedPage(
                layout.category(category),
                ctx.category_title(category),
                category_page(ctx, category),
                lists_searched=False,
            )
        )
    pages.append(GeneratedPage(layout.a_z, t("index.a_z"), a_z_page(ctx), lists_searched=False))
    pages.append(GeneratedPage(layout.tags_index, t("index.tags"), tags_index(ctx), lists_searched=False))
    for tag in glossary.tags:
        title = t("index.tag_title", tag=ctx.tag_title(tag))
        pages.append(GeneratedPage(layout.tag(tag), title, tag_page(ctx, tag), lists_searched=False))
    if glossary.uses_debt:  # no page about a scoring no term uses
        pages.append(GeneratedPage(layout.debt, t("index.about_debt"), debt_page(ctx)))
    if glossary.wanted:
        pages.append(GeneratedPage(layout.wanted, t("wanted.title"), wanted_page(ctx)))
    if with_features:
        pages.extend(feature_pages(ctx))
    return pages
