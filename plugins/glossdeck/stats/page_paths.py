"""One spelling for every URL of a page, so a log's request target and a term's URL compare.

"/glossary/terms/x/", "/glossary/terms/x/index.html", "/glossary/terms/x", "/glossary/terms/x.html",
"/glossary/terms/x/?utm_source=feed" and "/glossary/terms/%78/" are the same page: "/glossary/terms/x".
Targets that are not pages (assets, a file with another extension) or that no server would map to
a page (dot segments such as "../", control characters, backslashes) give None and are not counted.
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import unquote, urlsplit

MAX_TARGET = 2048
PAGE_SUFFIXES = (".html", ".htm")
_NOT_IN_A_PAGE_PATH = re.compile(r"[\x00-\x1f\x7f\\]")  # control characters and backslashes


def page_key(target: str) -> str | None:
    if len(target) > MAX_TARGET:
        return None
    if not target.startswith("/"):  # absolute-form ("GET http://host/path"): its path
        if not target.lower().startswith(("http://", "https://")):
            return None
        try:
            target = urlsplit(target).path or "/"
        except ValueError:
            return None
    path = target.split("?", 1)[0].split("#", 1)[0]
    if "%" in path:
        try:
            path = unquote(path, errors="strict")
        except UnicodeDecodeError:  # not UTF-8 once decoded: no page of the site
            return None
    if _NOT_IN_A_PAGE_PATH.search(path):
        return None
    segments = [s for s in path.split("/") if s]
    if any(s in (".", "..") for s in segments):
        return None
    if segments:
        last = segments[-1]
        if last in ("index.html", "index.htm"):
            segments.pop()
        else:
            stem, ext = posixpath.splitext(last)
            if ext.lower() in PAGE_SUFFIXES:
                segments[-1] = stem
            elif ext:  # an asset: .css, .js, .svg, .json, ...
                return None
    return "/" + "/".join(segments)


def site_path(site_url: str | None) -> str:
    """The path the site is served under ("https://example.org/docs/" -> "/docs/"; none: "/")."""
    if not site_url:
        return "/"
    path = urlsplit(site_url).path or "/"
    return path if path.endswith("/") else path + "/"


def term_page_key(site_url: str | None, term_url: str) -> str:
    """The key of a term page's URL (`term_url` site-relative, as the layout writes it)."""
    key = page_key(site_path(site_url) + term_url)
    assert key is not None, term_url  # the layout's URLs are pages
    return key
