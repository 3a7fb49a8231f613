"""Where each embeddable output of a term lives in the built site, and how outputs link to it.

With `site_url` every link is absolute, which is what a card pasted into another host needs.
Without it, a link is written relative to the file that holds it, so it still resolves the
standard way (against that file's own URL) and works on the site itself; the build warns.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from ..site.layout import SiteInfo, relative_url, url_path

SCRIPT_PATH = "embed/glossdeck-term.js"  # a stable URL wiki owners can paste, unlike theme assets
API_INDEX_PATH = "api/terms.json"
API_SCHEMA_PATHS = {"term": "api/schema/term-v1.json", "index": "api/schema/terms-v1.json"}


@dataclass(frozen=True)
class TermPaths:
    """Site-relative file paths of one term's outputs."""

    card: str
    card_dark: str
    badge: str
    badge_json: str
    embed: str  # the HTML file
    json: str
    oembed: str


def term_paths(slug: str) -> TermPaths:
    return TermPaths(
        card=f"cards/{slug}.svg",
        card_dark=f"cards/{slug}-dark.svg",
        badge=f"badges/{slug}.svg",
        badge_json=f"badges/{slug}.json",
        embed=f"embed/{slug}/index.html",
        json=f"api/terms/{slug}.json",
        oembed=f"oembed/{slug}.json",
    )


@dataclass(frozen=True)
class Linker:
    """Builds the links outputs contain, absolute or relative to the file holding them."""

    site: SiteInfo

    @property
    def absolute(self) -> bool:
        return bool(self.site.site_url)

    def embed_url(self, slug: str) -> str:
        """Site-relative URL of the embed page as a browser asks for it."""
        path = term_paths(slug).embed
        return url_path(posixpath.dirname(path) + "/" if self.site.use_directory_urls else path)

    def url(self, target: str, from_file: str) -> str:
        """Link to the site-relative URL (or file path) `target` from the file at site-relative path
        `from_file`; percent-encoded either way."""
        absolute = self.site.absolute(target)
        if absolute is not None:
            return absolute
        return relative_url(url_path(target), url_path(posixpath.dirname(from_file)))

    def from_page(self, target: str, page_src: str) -> str:
        """Link to `target` from a Markdown page (whose URL depends on use_directory_urls)."""
        absolute = self.site.absolute(target)
        return absolute if absolute is not None else self.site.relative(page_src, url_path(target))

    def site_root(self, from_file: str) -> str:
        return self.url("", from_file)
