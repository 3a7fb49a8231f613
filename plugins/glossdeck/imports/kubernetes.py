"""`glossdeck import kubernetes`: the Kubernetes glossary (kubernetes/website,
content/en/docs/reference/glossary/*.md): front matter `id, title, full_link, short_description,
aka, tags`, a body whose part before `<!--more-->` is the short definition, and
`{{< glossary_tooltip text="..." term_id="..." >}}` links between terms.

The text before `<!--more-->` is the TL;DR (`short_description` when it is empty), the rest the
explanation; `full_link` is the term's source (site paths made absolute with --base-url, by default
https://kubernetes.io); `aka` gives aliases. Pages without an `id` (the glossary's index) are skipped."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote, urljoin, urlsplit

from ..core.loading import display_path
from ..core.problems import GlossdeckError, Problem
from . import values
from .front_matter import FrontMatter
from .hugo import read_pages
from .hugo_markup import plain_markdown, split_summary
from .report import Kind, Report
from .source_term import Located, SourceTerm

BASE_URL = "https://kubernetes.io"
_USED = {"id", "title", "full_link", "short_description", "aka", "tags", "date"}


def term_from_page(path: Path, page: FrontMatter, report: Report, base_url: str) -> SourceTerm | None:
    file = display_path(path)
    data = page.data
    term_id = values.text(data.get("id"))
    if not term_id:
        report.note(file, 1, Kind.SKIPPED, "no 'id' in the front matter: not a glossary term")
        return None
    title = values.text(data.get("title"))
    if not title:
        raise GlossdeckError([Problem(file, page.line("title"), 1, "title", "the front matter has no title")])
    term = SourceTerm(
        file=file,
        line=1,
        title=title,
        keys=[term_id, path.stem],
        tags=values.text_list(data.get("tags")),
        aliases=values.text_list(data.get("aka")),
        added=values.date(data.get("date")),
    )
    link = values.text(data.get("full_link"))
    if link:
        url = urljoin(base_url.rstrip("/") + "/", link) if not urlsplit(link).scheme else link
        if urlsplit(url).scheme in ("http", "https"):
            term.sources.append({"url": url})
        else:
            report.note(file, page.line("full_link"), Kind.UNMAPPED, f"full_link {link!r} is no web address; not kept")
    before, after = split_summary(page.body)
    short = values.text(data.get("short_description"))
    if before is not None and before.text.strip():
        term.summary = plain_markdown(before, file, report)
        term.body = plain_markdown(after, file, report)
    else:
        if short:  # it may hold glossary_tooltip links too
            term.summary = plain_markdown(Located(short, page.line("short_description") + 1), file, report)
        term.body = plain_markdown(after if before is not None else page.body, file, report)
    for key in data:
        if key not in _USED:
            report.note_once(
                file,
                page.line(key),
                Kind.UNMAPPED,
                f"key:{key}",
                f"front matter '{key}' has no place in a term; not kept",
            )
    return term


def glossary_url(base_url: str | None) -> Callable[[str], str]:
    """Where the Kubernetes site shows a glossary term (its glossary page, all terms expanded)."""
    base = (base_url or BASE_URL).rstrip("/")
    return lambda key: f"{base}/docs/reference/glossary/?all=true#term-{quote(key)}"


def read_kubernetes(source: Path, report: Report, base_url: str | None) -> list[SourceTerm]:
    base = base_url or BASE_URL
    return read_pages(
        source, report, lambda path, root, page: term_from_page(path, page, report, base), "glossary term"
    )
