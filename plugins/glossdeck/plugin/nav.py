"""The glossary's section in the site navigation: categories and indexes, never every term."""

from __future__ import annotations

from typing import Any

from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from ..site.context import SiteContext


def add_glossary_section(
    nav: Navigation,
    files: Files,
    ctx: SiteContext,
    generated: set[str],
    title: str,
    feature_nav: list[tuple[str, list[str]]],
) -> Navigation:
    """Append a "Glossary" section (categories, A-Z, tags, DEBT, wanted terms, each feature's pages), unless the
    site's own `nav` already lists a glossary page."""
    layout = ctx.layout
    listed = {p.file.src_uri for p in nav.pages}
    if listed & (generated - {layout.home}):
        return nav  # the site placed glossary pages in its own nav

    def page(src: str) -> Page | None:
        file = files.get_file_from_path(src)
        return file.page if file is not None and src in generated else None

    categories = [p for p in (page(layout.category(c)) for c in ctx.category_order) if p]
    children: list[Any] = []  # Sections and Pages (MkDocs' StructureItem)
    overview = page(layout.categories_index)
    if categories:
        items: list[Any] = [*([overview] if overview else []), *categories]
        children.append(Section(ctx.t("index.categories"), items))
    indexes = (page(layout.a_z), page(layout.tags_index), page(layout.debt), page(layout.wanted))
    children += [p for p in indexes if p]
    for section_title, srcs in feature_nav:  # a feature's pages, in a section of their own if it names one
        found = [p for p in (page(s) for s in srcs) if p]
        if found:
            children += [Section(section_title, list[Any](found))] if section_title else found
    if not children:
        return nav
    glossary_section = Section(title, children)
    nav.items.append(glossary_section)
    for item in children:
        item.parent = glossary_section
        if isinstance(item, Section):
            for child in item.children:
                child.parent = item
    added = [p for p in _pages_in(children) if p not in nav.pages]
    nav.pages.extend(added)
    for before, current, after in zip([None, *nav.pages[:-1]], nav.pages, [*nav.pages[1:], None]):
        current.previous_page, current.next_page = before, after
    return nav


def _pages_in(items: list[Any]) -> list[Page]:
    found: list[Page] = []
    for item in items:
        if isinstance(item, Section):
            found += _pages_in(item.children)
        elif isinstance(item, Page):
            found.append(item)
    return found
