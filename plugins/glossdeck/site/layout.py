"""Where every generated page lives, and how one page links to another.

One place decides the site's layout, so the MkDocs plugin, the Markdown export and every renderer
agree. Links are relative, so they work under any `site_url` sub-path, with `use_directory_urls`
on or off, and (link style "md") between exported Markdown files.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from typing import Literal

from ..features import SiteInfo
from .relpath import relpath

LinkStyle = Literal["site", "md"]


def normalise_prefix(prefix: str) -> str:
    """"glossary" / "/glossary/" -> "glossary/"; "" stays "" (pages at the site root)."""
    prefix = prefix.strip().strip("/")
    return f"{prefix}/" if prefix else ""


@dataclass(frozen=True)
class Layout:
    site: SiteInfo
    prefix: str = ""  # normalised, "" or "glossary/"
    link_style: LinkStyle = "site"  # "site": built URLs; "md": links between .md files

    @classmethod
    def create(cls, site_name: str, site_url: str | None, use_directory_urls: bool, prefix: str = "",
               link_style: LinkStyle = "site", category_titles: dict[str, str] | None = None) -> "Layout":
        norm = normalise_prefix(prefix)
        url = (site_url.rstrip("/") + "/") if site_url else None
        info = SiteInfo(site_name=site_name, site_url=url, use_directory_urls=use_directory_urls,
                        terms_prefix=f"{norm}terms",
                        category_titles=tuple((category_titles or {}).items()))
        return cls(info, norm, link_style)

    # --- source paths of generated pages ("src" as MkDocs knows them) ---
    @property
    def home(self) -> str:
        return "index.md"

    def term(self, slug: str) -> str:
        return self.site.term_src(slug)

    def category(self, category: str) -> str:
        return f"{self.prefix}categories/{category}.md"

    @property
    def categories_index(self) -> str:
        return f"{self.prefix}categories/index.md"

    @property
    def a_z(self) -> str:
        return f"{self.prefix}a-z.md"

    @property
    def tags_index(self) -> str:
        return f"{self.prefix}tags/index.md"

    def tag(self, tag: str) -> str:
        return f"{self.prefix}tags/{tag}.md"

    @property
    def debt(self) -> str:
        return f"{self.prefix}debt.md"

    def is_term(self, src: str) -> bool:
        return src.startswith(self.site.terms_prefix + "/") and src.endswith(".md")

    def slug_of(self, src: str) -> str | None:
        if not self.is_term(src):
            return None
        return src[len(self.site.terms_prefix) + 1:-3] or None

    # --- URLs ---
    def url(self, src: str) -> str:
        """Site-relative URL of a page ("terms/x/", or "terms/x.html" and "dir/index.html")."""
        url = self.site.url_of(src)
        if not self.site.use_directory_urls and (url == "" or url.endswith("/")):
            url += "index.html"  # without directory URLs, a folder link may not find its index
        return url

    def absolute(self, src: str) -> str | None:
        return self.site.absolute(self.url(src))

    def href(self, from_src: str, to_src: str, anchor: str = "") -> str:
        """A relative link from the page built from `from_src` to the page built from `to_src`."""
        fragment = f"#{anchor}" if anchor else ""
        if self.link_style == "md":
            target = relpath(to_src, posixpath.dirname(from_src) or ".")
            return target + fragment
        if from_src == to_src and fragment:
            return fragment
        return self._relative_url(from_src, self.url(to_src)) + fragment

    def _relative_url(self, from_src: str, to_url: str) -> str:
        page = self.url(from_src)
        base = page.rstrip("/") if page.endswith("/") else posixpath.dirname(page)
        target = relpath(to_url or ".", base or ".")
        return target + "/" if (to_url.endswith("/") or not to_url) and target != "." else (
            "./" if target == "." else target)

    def asset(self, from_src: str, asset_path: str) -> str:
        """A relative link to a static file (path relative to the site root)."""
        if self.link_style == "md":
            return relpath(asset_path, posixpath.dirname(from_src) or ".")
        return self._relative_url(from_src, asset_path)
