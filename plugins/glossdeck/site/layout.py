"""Where every generated page lives, and how one page links to another.

One place decides the site's layout, so the MkDocs plugin, the Markdown export and every renderer
agree. Links are relative, so they work under any `site_url` sub-path, with `use_directory_urls`
on or off, and (link style "md") between exported Markdown files.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import quote

from ..i18n.messages import Messages, english


# Relative links are computed from the strings alone: `posixpath.relpath` makes both paths absolute
# first, asking the operating system for the working directory on every call (about a second per
# 1,000 terms). Site paths are relative and clean, so a common-prefix walk gives the same answer;
# anything else is handed to posixpath.
def relpath(target: str, base: str = ".") -> str:
    """posixpath.relpath(target, base) for relative POSIX paths."""
    if target.startswith("/") or base.startswith("/"):
        return posixpath.relpath(target, base)
    to = [part for part in target.split("/") if part and part != "."]
    start = [part for part in base.split("/") if part and part != "."]
    if ".." in to or ".." in start:
        return posixpath.relpath(target, base)
    common = 0
    for a, b in zip(to, start):
        if a != b:
            break
        common += 1
    parts = [".."] * (len(start) - common) + to[common:]
    return "/".join(parts) if parts else "."


def url_path(path: str) -> str:
    """A site path as written in a URL: UTF-8 percent-encoded ("terms/容器/" ->
    "terms/%E5%AE%B9%E5%99%A8/"), as MkDocs writes its own page URLs and the sitemap. "%" stays, so
    encoding an encoded path again changes nothing (slugs hold no "%")."""
    return quote(path, safe="/%")


def relative_url(to_url: str, from_dir: str) -> str:
    """The site-relative URL `to_url` ("" = the site root) as a link from the folder `from_dir`."""
    target = relpath(to_url or ".", from_dir or ".")
    if target == ".":
        return "./"
    return target + "/" if (to_url.endswith("/") or not to_url) else target


def page_folder(page_url: str) -> str:
    """The folder a page's relative links start from: "terms/x/" -> "terms/x", "a/b.html" -> "a"."""
    return page_url.rstrip("/") if page_url.endswith("/") else posixpath.dirname(page_url)


@dataclass(frozen=True)
class SiteInfo:
    """What features need to know about the site being built."""

    site_name: str
    site_url: str | None  # absolute base URL ending in "/", or None when the site has none
    use_directory_urls: bool = True
    terms_prefix: str = "terms"  # term pages live at <terms_prefix>/<slug>.md
    category_titles: tuple[tuple[str, str], ...] = ()  # configured (slug, title), in the site's order
    tag_titles: tuple[tuple[str, str], ...] = ()  # configured (slug, title)
    # the interface strings in the site's language (one language per site, for now)
    messages: Messages = field(default_factory=english)

    def category_title(self, category: str) -> str:
        return dict(self.category_titles).get(category) or default_title(category)

    def tag_title(self, tag: str) -> str:
        return dict(self.tag_titles).get(tag) or tag

    def category_order(self, used: list[str]) -> list[str]:
        """Configured categories first, in their order, then the others alphabetically."""
        configured = [c for c, _ in self.category_titles if c in used]
        return configured + sorted(c for c in used if c not in configured)

    def term_src(self, slug: str) -> str:
        """Source path of a term page, as MkDocs knows it ("terms/<slug>.md")."""
        return f"{self.terms_prefix}/{slug}.md" if self.terms_prefix else f"{slug}.md"

    def url_of(self, src_path: str) -> str:
        """Site-relative URL of a Markdown source path ("terms/x.md" -> "terms/x/" or "terms/x.html")."""
        stem = src_path.removesuffix(".md")
        name = posixpath.basename(stem)
        if name in ("index", "README"):
            parent = posixpath.dirname(stem)
            return url_path(f"{parent}/") if parent else ""
        return url_path(f"{stem}/" if self.use_directory_urls else f"{stem}.html")

    def term_url(self, slug: str) -> str:
        return self.url_of(self.term_src(slug))

    def absolute(self, site_relative_url: str) -> str | None:
        return self.site_url + url_path(site_relative_url) if self.site_url else None

    def page_url(self, src_path: str) -> str:
        """The URL a link to the page uses: without directory URLs a folder URL names its
        index.html, so links work from file:// and on servers that don't serve folder indexes."""
        url = self.url_of(src_path)
        if not self.use_directory_urls and (url == "" or url.endswith("/")):
            url += "index.html"
        return url

    def relative(self, from_src: str, to_url: str) -> str:
        """A link from the page built from `from_src` to a site-relative URL, as written in HTML."""
        return relative_url(to_url, page_folder(self.url_of(from_src)))


def default_title(slug: str) -> str:
    """A title for a slug nobody gave one: "web-security" -> "Web security"; "容器" stays "容器"."""
    return slug.replace("-", " ").capitalize()


LinkStyle = Literal["site", "md"]


def normalise_prefix(prefix: str) -> str:
    """ "glossary" / "/glossary/" -> "glossary/"; "" stays "" (pages at the site root)."""
    prefix = prefix.strip().strip("/")
    return f"{prefix}/" if prefix else ""


@dataclass(frozen=True)
class Layout:
    site: SiteInfo
    prefix: str = ""  # normalised, "" or "glossary/"
    link_style: LinkStyle = "site"  # "site": built URLs; "md": links between .md files

    @classmethod
    def create(
        cls,
        site_name: str,
        site_url: str | None,
        use_directory_urls: bool,
        prefix: str = "",
        link_style: LinkStyle = "site",
        category_titles: dict[str, str] | None = None,
        tag_titles: dict[str, str] | None = None,
        messages: Messages | None = None,
    ) -> Layout:
        norm = normalise_prefix(prefix)
        url = (site_url.rstrip("/") + "/") if site_url else None
        info = SiteInfo(
            site_name=site_name,
            site_url=url,
            use_directory_urls=use_directory_urls,
            terms_prefix=f"{norm}terms",
            category_titles=tuple((category_titles or {}).items()),
            tag_titles=tuple((tag_titles or {}).items()),
            messages=messages or english(),
        )
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

    @property
    def wanted(self) -> str:
        """Terms referred to but not written yet (generated only when there are some)."""
        return f"{self.prefix}wanted.md"

    def is_term(self, src: str) -> bool:
        return src.startswith(self.site.terms_prefix + "/") and src.endswith(".md")

    def slug_of(self, src: str) -> str | None:
        if not self.is_term(src):
            return None
        return src[len(self.site.terms_prefix) + 1 : -3] or None

    # --- URLs ---
    def url(self, src: str) -> str:
        """Site-relative URL of a page ("terms/x/", or "terms/x.html" and "dir/index.html")."""
        return self.site.page_url(src)

    def absolute(self, src: str) -> str | None:
        return self.site.absolute(self.url(src))

    def href(self, from_src: str, to_src: str, anchor: str = "") -> str:
        """A relative link from the page built from `from_src` to the page built from `to_src`."""
        fragment = f"#{anchor}" if anchor else ""
        if self.link_style == "md":
            target = relpath(to_src, posixpath.dirname(from_src) or ".")
            return url_path(target) + fragment
        if from_src == to_src and fragment:
            return fragment
        return relative_url(self.url(to_src), page_folder(self.url(from_src))) + fragment

    def asset(self, from_src: str, asset_path: str) -> str:
        """A relative link to a static file (path relative to the site root)."""
        if self.link_style == "md":
            return url_path(relpath(asset_path, posixpath.dirname(from_src) or "."))
        return relative_url(url_path(asset_path), page_folder(self.url(from_src)))
