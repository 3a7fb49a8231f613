"""Markdown (with raw HTML blocks) of the learning pages and of the learning parts of term pages.

Each interactive part is a placeholder element (`data-gd-widget="..."`) that the browser code in
assets/learning/ fills in. What can work without JavaScript is written out in full (the "read these
first" list, path steps, the explorer's table); what cannot is `hidden` until the script shows it,
so with JavaScript off a page never shows an empty box. Every string from YAML is escaped here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..core.debt import AXES
from ..core.glossary import Glossary
from ..features import SiteInfo
from ..text.escape import attr, md_inline
from ..text.markup import Markup, attributes, fill
from ..text.plain_text import markdown_paragraphs_to_plain as plain_text
from .data import ANKI_DECK, CSV_DECK, PAGES, LearningModel, path_src
from .paths import LearningPath, PathStep
from .scripts import needs

esc = attr  # text for an HTML element or a quoted attribute
md_text = md_inline  # text for a Markdown heading or paragraph


def _attrs(**values: str | None) -> str:
    return attributes(values)


def widget(
    name: str,
    site: SiteInfo,
    src: str,
    *,
    hidden: bool = True,
    tag: str = "div",
    cls: str = "",
    inner: str = "",
    labelledby: str | None = None,
    label: str | None = None,
    **data: str | None,
) -> str:
    """A placeholder the browser code fills in. `data-gd-root` leads back to the site root from this
    page, so the script finds the data files whatever the URL scheme or sub-path."""
    # gd-nolink: the site's auto-linker leaves these alone (they link terms themselves, or get filled in later)
    attrs = _attrs(
        class_=f"gd-learn gd-{name} gd-nolink {cls}".strip(),
        aria_labelledby=labelledby,
        aria_label=label,
        data_gd_widget=name,
        data_gd_needs=needs(name),
        data_gd_root=site.relative(src, "") or "./",
        **{f"data_gd_{k}": v for k, v in data.items()},
    )
    return f"<{tag}{attrs}{' hidden' if hidden else ''}>{inner}</{tag}>"


def _link(site: SiteInfo, src: str, to_url: str, text: str, **attrs: str | None) -> str:
    return f'<a href="{esc(site.relative(src, to_url))}"{_attrs(**attrs)}>{esc(text)}</a>'


def _noscript(site: SiteInfo, what: str) -> str:
    return f'<noscript><p class="gd-noscript">{esc(site.messages("learn.needs_js", what=what))}</p></noscript>'


# -- term page sections --------------------------------------------------------------------------


def read_first_section(glossary: Glossary, site: SiteInfo, slug: str, read_first: list[str]) -> str:
    src = site.term_src(slug)
    items = "".join(
        f"<li>{_link(site, src, site.term_url(s), glossary.term(s).title, data_gd_slug=s)}</li>" for s in read_first
    )
    title_id = "gd-read-first-title"
    t = site.messages
    inner = (
        f'<p class="gd-read-first__title" id="{title_id}"><strong>{esc(t("learn.read_first"))}</strong>, '
        f"{esc(t('learn.read_first_order'))}</p><ol>{items}</ol>"
    )
    return widget("read-first", site, src, hidden=False, tag="nav", inner=inner, labelledby=title_id, term=slug)


# The sections' headings are Markdown lines, not HTML, so they are in the site's table of contents
# (the site's toc extension gives them their ids); the widgets below them say whom they belong to.


def quiz_section(site: SiteInfo, slug: str, count: int) -> str:
    t = site.messages
    inner = f'<p class="gd-quiz__intro">{esc(t.count("learn.quiz_intro", count))}</p>'
    heading = t("learn.check_yourself")
    quiz = widget("term-quiz", site, site.term_src(slug), tag="section", inner=inner, label=heading, term=slug)
    return f"## {md_text(heading)}\n\n{_noscript(site, t('learn.the_quiz'))}\n\n{quiz}"


def local_graph_section(site: SiteInfo, slug: str) -> str:
    heading = site.messages("learn.connections")
    graph = widget("local-graph", site, site.term_src(slug), tag="section", label=heading, term=slug)
    return f"## {md_text(heading)}\n\n{_noscript(site, site.messages('learn.the_map'))}\n\n{graph}"


def path_next_section(glossary: Glossary, site: SiteInfo, slug: str, steps: list[PathStep]) -> str:
    """ "Next on this path": for each path the term is on, its step and a link to the term after it
    (or, on a path's last term, to the quiz on that path). Plain links: no script needed."""
    src, t = site.term_src(slug), site.messages
    items = []
    for step in steps:
        path = step.path
        where = _link(site, src, site.page_url(path_src(path)), path.title)
        place = esc(t("learn.path_step", step=step.step, count=len(path.terms)))
        position = f'<span class="gd-path-next__step">{place}</span>'
        if step.next is not None:
            after = glossary.term(step.next)
            link = _link(site, src, site.term_url(step.next), after.title, rel="next", data_gd_slug=step.next)
            then = f'<span class="gd-path-next__label">{esc(t("learn.path_next"))}</span> {link}'
        else:
            quiz = site.relative(src, site.page_url(PAGES["quiz"])) + "?deck=path:" + path.id
            test = Markup(f'<a href="{esc(quiz)}">{esc(t("learn.path_test"))}</a>')
            then = str(fill(t("learn.path_last"), {"link": test}))
        items.append(f"<li>{where} ({position}). {then}</li>")
    title = t("learn.next_on_path" if len(steps) == 1 else "learn.next_on_paths")
    nav = f'<nav class="gd-path-next gd-nolink" aria-label="{esc(title)}"><ul>{"".join(items)}</ul></nav>'
    return f"## {md_text(title)}\n\n{nav}"


def term_progress_section(site: SiteInfo, slug: str) -> str:
    return widget("term-progress", site, site.term_src(slug), term=slug)


# -- generated pages -----------------------------------------------------------------------------


def _path_list(site: SiteInfo, src: str, paths: Iterable[LearningPath]) -> str:
    items = []
    for path in paths:
        link = _link(site, src, site.page_url(path_src(path)), path.title)
        count = f'<span class="gd-path-list__count">{esc(site.messages.count("count.terms", len(path.terms)))}</span>'
        progress = widget("path-progress", site, src, tag="span", path=path.id)
        items.append(f"<li>{link} {count} {progress}</li>")
    return f'<ul class="gd-path-list gd-nolink">{"".join(items)}</ul>'


def _blurb_key(key: str, uses_debt: bool) -> str:
    """A tool's blurb; the explorer's has no DEBT map to speak of on a glossary without DEBT scores."""
    return "learn.explorer_blurb_no_debt" if key == "explorer" and not uses_debt else f"learn.tools.{key}_blurb"


def home_page(glossary: Glossary, site: SiteInfo, model: LearningModel) -> str:
    src, t = PAGES["home"], site.messages
    tools = [
        (key, t(f"learn.tools.{key}"), t(_blurb_key(key, glossary.uses_debt)))
        for key in ("quiz", "flashcards", "explorer", "graph", "progress")
    ]
    items = "".join(
        f"<li>{_link(site, src, site.page_url(PAGES[key]), title)}: {esc(blurb)}</li>" for key, title, blurb in tools
    )
    curated = [p for p in model.paths if p.kind == "curated"]
    by_category = [p for p in model.paths if p.kind == "category"]
    parts = [
        f"# {md_text(t('learn.section'))}",
        "",
        md_text(t("learn.home_intro", count=len(glossary))),
        "",
        f'<ul class="gd-tools">{items}</ul>',
        "",
        widget("random-term", site, src),
        "",
    ]
    if curated:
        parts += [f"## {md_text(t('learn.curated_paths'))}", "", _path_list(site, src, curated), ""]
    parts += [
        f"## {md_text(t('learn.category_paths'))}",
        "",
        md_text(t("learn.category_paths_intro")),
        "",
        _path_list(site, src, by_category),
        "",
    ]
    return "\n".join(parts)


def path_page(glossary: Glossary, site: SiteInfo, path: LearningPath) -> str:
    src = path_src(path)
    steps = []
    for slug in path.terms:
        term = glossary.term(slug)
        level = (
            f' <span class="gd-level">{esc(site.messages(f"badge.levels.{term.level}"))}</span>' if term.level else ""
        )
        steps.append(
            f'<li data-gd-slug="{esc(slug)}">{_link(site, src, site.term_url(slug), term.title)}{level}'
            f'<br><span class="gd-path__tldr">{esc(_one_line(term.tldr))}</span></li>'
        )
    deck = f"path:{path.id}"
    quiz = site.relative(src, site.page_url(PAGES["quiz"])) + "?deck=" + deck
    cards = site.relative(src, site.page_url(PAGES["flashcards"])) + "?deck=" + deck
    parts = [f"# {md_text(path.title)}", ""]
    if path.description:
        parts += [f"<p>{esc(path.description)}</p>", ""]
    parts += [
        widget("path-progress", site, src, tag="div", cls="gd-path-progress--page", path=path.id),
        "",
        f'<p class="gd-path__actions"><a class="md-button" href="{esc(quiz)}">{esc(site.messages("learn.path_quiz"))}</a> '
        f'<a class="md-button" href="{esc(cards)}">{esc(site.messages("learn.path_cards"))}</a></p>',
        "",
        f'<ol class="gd-path gd-nolink" data-gd-path="{esc(path.id)}">{"".join(steps)}</ol>',
        "",
        widget("path-steps", site, src, path=path.id),
        "",
    ]
    return "\n".join(parts)


def _one_line(markdown: str) -> str:
    return plain_text(markdown).replace("\n\n", " ")


def _widget_page(site: SiteInfo, key: str, title: str, intro: str, subject: str, name: str) -> str:
    """A learning page: heading, one paragraph, a no-JavaScript note, and the widget."""
    return "\n".join(
        [
            f"# {md_text(title)}",
            "",
            md_text(intro),
            "",
            _noscript(site, subject),
            "",
            widget(name, site, PAGES[key]),
            "",
        ]
    )


def quiz_page(site: SiteInfo, uses_debt: bool = True) -> str:
    t = site.messages
    return _widget_page(
        site,
        "quiz",
        t("learn.tools.quiz"),
        t("learn.quiz_page_intro" if uses_debt else "learn.quiz_page_intro_no_debt"),
        t("learn.the_quiz"),
        "quiz-runner",
    )


def _deck_downloads(site: SiteInfo) -> str:
    """Links to the deck files (they work without JavaScript), named after the site when saved."""
    src, t = PAGES["flashcards"], site.messages
    name = re.sub(r"[^a-z0-9]+", "-", site.site_name.lower()).strip("-") or "glossary"
    apkg = _link(site, src, ANKI_DECK, t("learn.deck_anki"), download=f"{name}-flashcards.apkg")
    csv = _link(site, src, CSV_DECK, "CSV", download=f"{name}-flashcards.csv")
    text = fill(t("learn.deck_text"), {"anki": Markup(apkg), "csv": Markup(csv)})
    return "\n".join([f"## {md_text(t('learn.deck_heading'))}", "", f'<p class="gd-deck-downloads">{text}</p>', ""])


def flashcards_page(site: SiteInfo) -> str:
    return _flashcards_widget_page(site) + "\n" + _deck_downloads(site)


def _flashcards_widget_page(site: SiteInfo) -> str:
    t = site.messages
    return _widget_page(
        site,
        "flashcards",
        t("learn.tools.flashcards"),
        t("learn.flashcards_page_intro"),
        t("learn.tools.flashcards"),
        "flashcards",
    )


def progress_page(site: SiteInfo) -> str:
    t = site.messages
    return _widget_page(
        site, "progress", t("learn.tools.progress"), t("learn.progress_page_intro"), t("learn.this_page"), "progress"
    )


def explorer_page(glossary: Glossary, site: SiteInfo) -> str:
    src = PAGES["explorer"]
    t = site.messages
    head = (
        "<thead><tr>"
        + "".join(f'<th scope="col">{esc(t(f"learn.column.{c}"))}</th>' for c in ("term", "category", "level", "debt"))
        + "</tr></thead>"
    )
    rows = []
    for entry in glossary:
        term = entry.term
        rows.append(
            f'<tr data-gd-slug="{esc(entry.slug)}"><td>{_link(site, src, site.term_url(entry.slug), term.title)}</td>'
            f"<td>{esc(site.category_title(term.category))}</td>"
            f"<td>{esc(t(f'badge.levels.{term.level}') if term.level else '')}</td>"
            f"<td><code>{esc(term.debt.string) if term.debt else ''}</code></td></tr>"
        )
    # No class on the table itself, so Material styles it like any Markdown table.
    table = (
        f'<div class="gd-explorer__static gd-nolink md-typeset__scrollwrap"><div class="md-typeset__table"><table>'
        f"{head}<tbody>{''.join(rows)}</tbody></table></div></div>"
    )
    axes = ", ".join(f"{t(f'debt.axes.{a.letter}.name')} ({a.letter})" for a in AXES)
    about = t("learn.explorer_intro", axes=axes) if glossary.uses_debt else t("learn.explorer_intro_no_debt")
    return "\n".join(
        [
            f"# {md_text(t('learn.tools.explorer'))}",
            "",
            md_text(about),
            "",
            widget("explorer", site, src, inner=""),
            "",
            table,
            "",
        ]
    )


def graph_page(glossary: Glossary, site: SiteInfo) -> str:
    src, t = PAGES["graph"], site.messages
    return "\n".join(
        [
            f"# {md_text(t('learn.tools.graph'))}",
            "",
            md_text(t("learn.graph_intro", count=len(glossary))),
            "",
            _noscript(site, t("learn.the_graph")),
            "",
            widget("graph", site, src),
            "",
        ]
    )
