"""A link checker over a built site: every internal href and src must resolve to a file, and every
#fragment to an element id in the page it points at."""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []  # (attribute, url)
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (name == "name" and tag == "a"):
                self.ids.add(value)
            if name in ("href", "src") and tag not in ("base",):
                if tag == "link" and dict(attrs).get("rel") in ("canonical", "alternate"):
                    continue
                self.links.append((name, value))


def _parse(path: Path) -> _Page:
    parser = _Page()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    return parser


def check_links(site_dir: Path, *, base_path: str = "/") -> list[str]:
    """Broken internal links as 'page: url (reason)' lines. `base_path`: the site_url's path."""
    pages = {p: _parse(p) for p in site_dir.rglob("*.html")}
    broken: list[str] = []
    for page, parsed in pages.items():
        rel_page = page.relative_to(site_dir).as_posix()
        for _attr, url in parsed.links:
            parts = urlsplit(url)
            if parts.scheme or parts.netloc or url.startswith(("mailto:", "data:")):
                continue
            path = unquote(parts.path)
            if path.startswith("/"):
                if not path.startswith(base_path):
                    broken.append(f"{rel_page}: {url} (absolute path outside the site)")
                    continue
                target_rel = path[len(base_path) :]
            else:
                target_rel = posixpath.normpath(posixpath.join(posixpath.dirname(rel_page), path)) if path else rel_page
            if target_rel.startswith(".."):
                broken.append(f"{rel_page}: {url} (outside the site)")
                continue
            target = site_dir / target_rel
            if path.endswith("/") or target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                broken.append(f"{rel_page}: {url} (no file {target.relative_to(site_dir).as_posix()})")
                continue
            if parts.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else _parse(target).ids
                if unquote(parts.fragment) not in ids:
                    broken.append(f"{rel_page}: {url} (no #{parts.fragment} in the page)")
    return broken
