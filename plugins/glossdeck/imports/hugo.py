"""`glossdeck import hugo`: a Hugo (or Docsy) content folder with one Markdown page per term, front
matter in YAML (`---`) or TOML (`+++`), as the CNCF glossary keeps it (content/en/*.md: title,
status, category, tags; body sections "What it is", "Problem it addresses", "How it helps").

Drafts (`draft: true`) and pages whose `status` is not a finished one are skipped and reported;
`_index.md` (a section's list page) and `_*.md` (templates) are no terms."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..core.loading import display_path
from ..core.problems import GlossdeckError, Problem
from . import values
from .front_matter import FrontMatter, read_front_matter
from .hugo_markup import plain_markdown, split_summary
from .report import Kind, Report
from .source_term import Located, SourceTerm

FINISHED_STATUSES = frozenset({"completed", "complete", "done", "published", "final", "stable", "approved", "reviewed"})
# layouts of term pages; a page with another layout (search, list, redirect...) is no term
TERM_LAYOUTS = frozenset({"single", "docs", "page", "term", "glossary-term", "default"})
# front matter keys about the page, not the term: reported once, quietly
PAGE_KEYS = frozenset(
    {
        "weight",
        "layout",
        "type",
        "linktitle",
        "menu",
        "toc_hide",
        "hide_summary",
        "no_list",
        "outputs",
        "cascade",
        "build",
        "_build",
        "sitemap",
        "url",
        "slug",
        "aliases",
        "draft",
        "status",
        "id",
        "keywords",
        "author",
        "authors",
        "publishdate",
        "expirydate",
        "headless",
        "resources",
        "translationkey",
        "noedit",
    }
)


def _category(page: FrontMatter, file: str, report: Report) -> tuple[str | None, list[str]]:
    """The category and any further categories (kept as tags)."""
    single = values.text(page.data.get("category"))
    several = values.text_list(page.data.get("categories"))
    if single:
        return single, several
    if several:
        if len(several) > 1:
            report.note(file, page.line("categories"), Kind.CHANGED, f"categories {several[1:]} kept as tags")
        return several[0], several[1:]
    return None, []


def term_from_page(
    path: Path, root: Path, page: FrontMatter, report: Report, accepted: frozenset[str]
) -> SourceTerm | None:
    file = display_path(path)
    data = page.data
    if values.truthy(data.get("draft")):
        report.note(file, page.line("draft"), Kind.SKIPPED, "draft (draft: true)")
        return None
    status = values.text(data.get("status"))
    if status and status.casefold() not in FINISHED_STATUSES | accepted:
        report.note(
            file,
            page.line("status"),
            Kind.SKIPPED,
            f"status '{status}' is not finished (--accept-status '{status}' takes it)",
        )
        return None
    layout = (values.text(data.get("layout")) or "").lower()
    if layout and layout not in TERM_LAYOUTS:
        report.note(file, page.line("layout"), Kind.SKIPPED, f"a page with layout '{layout}', not a term")
        return None
    title = values.text(data.get("title"))
    if not title:
        raise GlossdeckError([Problem(file, page.line("title"), 1, "title", "the front matter has no title")])
    stem = path.parent.name if path.stem == "index" and path.parent != root else path.stem
    keys = [stem]
    for key in ("slug", "id", "url"):
        if values.text(data.get(key)):
            keys.append(str(data[key]).strip("/").rsplit("/", 1)[-1])
    keys += [alias.strip("/").rsplit("/", 1)[-1] for alias in values.text_list(data.get("aliases"))]
    category, extra_tags = _category(page, file, report)
    term = SourceTerm(
        file=file,
        line=1,
        title=title,
        keys=[k for k in keys if k],
        category=category,
        tags=[*values.text_list(data.get("tags")), *extra_tags],
        aliases=[*values.text_list(data.get("aka")), *values.text_list(data.get("synonyms"))],
        level=values.text(data.get("level") or data.get("difficulty")),
        added=values.date(data.get("date")),
        edited=values.date(data.get("lastmod")),
    )
    description = values.text(data.get("description") or data.get("summary"))
    before, after = split_summary(page.body)
    if description:
        key = "description" if data.get("description") else "summary"
        term.summary = Located(description, page.line(key))
        body = page.body if before is None else Located(before.text + after.text, page.body.line)
    elif before is not None and before.text.strip():
        term.summary = plain_markdown(before, file, report)
        body = after
    else:
        body = page.body
    term.body = plain_markdown(body, file, report)
    handled = {
        "title",
        "category",
        "categories",
        "tags",
        "aka",
        "synonyms",
        "level",
        "difficulty",
        "date",
        "lastmod",
        "description",
        "summary",
        "draft",
        "status",
        "slug",
        "id",
        "url",
        "aliases",
    }
    for key in data:
        if key in handled:
            continue
        quiet = key.lower() in PAGE_KEYS
        report.note_once(
            file,
            page.line(key),
            Kind.UNMAPPED,
            f"key:{key}",
            f"front matter '{key}' "
            + ("is about the page, not the term; not kept" if quiet else "has no place in a term; not kept"),
        )
    return term


def read_pages(source: Path, report: Report, read: Any, what: str = "page") -> list[SourceTerm]:
    """Every page of `source` through `read(path, page)`, all broken pages reported together."""
    terms: list[SourceTerm] = []
    problems: list[Problem] = []
    root = source if source.is_dir() else source.parent
    for path in values.page_files(source):
        file = display_path(path)
        if path.name.startswith("_"):
            reason = (
                "a section's list page" if path.stem == "_index" else "a template or partial (its name starts with '_')"
            )
            report.note(file, 0, Kind.SKIPPED, f"{reason}, not a {what}")
            continue
        try:
            page = read_front_matter(values.read_bytes(path), file)
            term = read(path, root, page)
        except GlossdeckError as exc:
            problems.extend(exc.problems)
            continue
        if term is not None:
            terms.append(term)
    if problems:
        raise GlossdeckError(problems)
    return terms


def read_hugo(source: Path, report: Report, accept_status: list[str]) -> list[SourceTerm]:
    accepted = frozenset(s.casefold() for s in accept_status)
    return read_pages(
        source, report, lambda path, root, page: term_from_page(path, root, page, report, accepted), "term"
    )
