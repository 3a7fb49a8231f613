"""Links written in prose to pages of the site, checked against the pages the site has.

Prose reaches the site as finished HTML (it skips Python-Markdown, see `text/html_blocks.py`), so
MkDocs' own link validation never sees it: a link to `/docs/a/b/` or into another language's folder
would pass even `--strict`. Each Markdown link in a term's prose whose target is a page of this site
(relative, or site-absolute) is resolved from the term's page and must name a page the build has;
a broken one is a located warning. External links (a scheme or a host), in-page anchors and links to
files that are not pages (images, downloads) are left alone; term links are `[[slug]]`.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from ..core.checks import locate_in_value
from ..core.loading import LoadedTerm
from ..core.problems import Problem, Severity, field_name
from ..core.term_links import prose_fields, without_code
from .layout import Layout, page_folder

# [text](target "title"), not ![image](...); the target optionally in <...>
_INLINE = re.compile(r"(?<!!)\[(?:[^\[\]\n]|\[[^\[\]\n]*\])*\]\(\s*(<[^>\n]*>|[^\s()]+(?:\([^\s()]*\)[^\s()]*)*)")
# [label]: target
_DEFINITION = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*(<[^>\n]*>|\S+)", re.MULTILINE)


@dataclass(frozen=True)
class ProseLink:
    path: tuple[str | int, ...]  # the prose field, as in the file
    target: str  # as written
    nth: int  # which occurrence of `target` in that field (to locate it)


def prose_links(entry: LoadedTerm) -> list[ProseLink]:
    """Every Markdown link in a term's prose that may point at a page of the site."""
    links: list[ProseLink] = []
    for path, value in prose_fields(entry.term):
        if "](" not in value and "]:" not in value:
            continue
        visible = without_code(value)
        seen: dict[str, int] = {}
        for found in [*_INLINE.finditer(visible), *_DEFINITION.finditer(visible)]:
            target = found.group(1)
            if target.startswith("<") and target.endswith(">"):
                target = target[1:-1]
            if _may_be_a_page(target):
                links.append(ProseLink(path, target, seen.get(target, 0)))
            seen[target] = seen.get(target, 0) + 1
    return links


def _may_be_a_page(target: str) -> bool:
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not parts.path:  # external, or an anchor on this page
        return False
    last = parts.path.rstrip("/").rsplit("/", 1)[-1]
    return parts.path.endswith("/") or "." not in last or last.endswith((".html", ".htm", ".md"))


class SitePages:
    """The URLs of the pages a build has ("terms/x/", "a-z/", "" for the home page; or "x.html")."""

    def __init__(self, page_urls: Iterable[str], site_path: str = "/") -> None:
        self.urls: set[str] = set()
        for url in page_urls:
            url = url.removeprefix("./")  # the home page is "./" with directory URLs
            self.urls.add(url.rstrip("/"))
            if url == "index.html" or url.endswith("/index.html"):
                self.urls.add(url[: -len("index.html")].rstrip("/"))
        self.site_path = "/" + site_path.strip("/") + "/" if site_path.strip("/") else "/"

    def has(self, target: str, from_page_url: str) -> bool:
        path = unquote(urlsplit(target).path)
        if path.startswith("/"):
            if not path.startswith(self.site_path):
                return False  # outside the site's own folder on its host
            resolved = path[len(self.site_path) :]
        else:
            resolved = posixpath.join(page_folder(from_page_url), path)
        resolved = posixpath.normpath(resolved) if resolved else "."
        if resolved == ".":
            resolved = ""
        if resolved.startswith(".."):
            return False
        return resolved.rstrip("/") in self.urls


def check_prose_links(
    entry: LoadedTerm, links: list[ProseLink], layout: Layout, pages: SitePages, is_term: Callable[[str], bool]
) -> list[Problem]:
    """Located warnings for the links among `links` (found by `prose_links`) that name no page."""
    problems: list[Problem] = []
    page_url = layout.url(layout.term(entry.slug))
    for link in links:
        if pages.has(link.target, page_url):
            continue
        line, col = locate_in_value(entry, link.path, link.target, link.nth)
        field = field_name(link.path)
        last = urlsplit(link.target).path.rstrip("/").rsplit("/", 1)[-1].removesuffix(".md").removesuffix(".html")
        hint = f" (to link the term, write [[{last}]])" if last and is_term(last) else ""
        message = f"link {link.target!r} points to no page of this site{hint}"
        problems.append(Problem(entry.file, line, col, field, message, Severity.WARNING))
    return problems
