"""`mkdocs serve --dirty` that stays right: only pages whose output changes are rendered again.

MkDocs' dirty rebuilds skip every page whose file reports `is_modified()` false (a hand-written
page: its source is older than its output) and keep the site folder between rebuilds. On their own
they would render every generated page (each has its content in memory, so always "modified"), and
would leave navigation, search and deleted pages wrong. `DirtyBuilds` makes them exact:

- a generated page is modified when its Markdown differs from the last build's;
- every page is modified when something every page shows changed: the navigation (titles, order,
  a page added or removed), the names auto-linking looks for, the site's configuration file or
  theme overrides;
- a hand-written page glossdeck adds to (the home page's glossary sections) is modified when that
  addition changed;
- the search index holds each page's entries from the build that last rendered it: Material's
  search plugin merges each build into its previous index, which is first cleared of the pages
  rendered again (`prepare_search`); an index written from this build's pages alone (MkDocs' own
  search) is completed afterwards;
- after the build, outputs of pages no longer generated are deleted;
- a generated asset (strings.js, axes.css, ...) whose output holds the same bytes is not written
  again, so a reloading browser keeps its cached copy.

One object per `mkdocs serve` session, kept by the plugin's memo.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from collections.abc import Hashable, Iterable, Mapping
from pathlib import Path
from typing import Any

from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page

SEARCH_INDEX = ("search", "search_index.json")
DIRTY_WARNING = "A 'dirty' build is being performed"


def nav_signature(nav: Navigation) -> Hashable:
    """Everything of the navigation a page shows: titles, URLs and nesting, in order."""

    def walk(items: Iterable[Any]) -> tuple[Hashable, ...]:
        out: list[Hashable] = []
        for item in items:
            if isinstance(item, Section):
                out.append(("section", item.title, walk(item.children)))
            elif isinstance(item, Page):
                out.append(("page", item.title, item.url))
            elif isinstance(item, Link):
                out.append(("link", item.title, item.url))
        return tuple(out)

    return walk(nav.items)


def folder_fingerprint(folder: str | None) -> Hashable:
    """The newest modification time and file count under a folder (theme overrides)."""
    if not folder or not os.path.isdir(folder):
        return None
    newest, count = 0.0, 0
    for root, _dirs, names in os.walk(folder):
        for name in names:
            with contextlib.suppress(OSError):
                newest = max(newest, os.path.getmtime(os.path.join(root, name)))
                count += 1
    return newest, count


def keep_if_unchanged(file: File) -> bool:
    """A generated static file (content in memory, so always "modified" to MkDocs) whose output
    already holds that content is not written again: its modification time, hence the version a
    reloading browser caches it under (serve_revalidation.py), stays. True when it is kept."""
    content = file.content_bytes if file.generated_by else None
    try:
        with open(file.abs_dest_path, "rb") as output:
            same = content is not None and output.read(len(content) + 1) == content
    except OSError:
        return False
    if same:
        file.is_modified = lambda: False  # type: ignore[method-assign]
    return same


class QuietDirtyWarning(logging.Filter):
    """Drops MkDocs' warning that dirty builds leave navigation and links inaccurate: with glossdeck
    they do not (see the module docstring)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return DIRTY_WARNING not in record.getMessage()


class DirtyBuilds:
    def __init__(self) -> None:
        self.page_keys: dict[str, Hashable] = {}  # generated src path -> its Markdown's key, last build
        self.outputs: dict[str, str] = {}  # generated src path -> its output file, last build
        self.signature: Hashable = None  # what every page shows, last build
        self.search: dict[str, list[dict[str, Any]]] = {}  # page URL -> its search entries
        self.rendered: set[str] = set()  # URLs of the pages rendered in this build
        # src path -> the page's title when it was last rendered: MkDocs learns a page's title by
        # rendering it, and the navigation of the pages it renders names the ones it does not
        self.titles: dict[str, str] = {}
        self.everything = True

    def mark(
        self,
        files: Files,
        signature: Hashable,
        page_keys: Mapping[str, Hashable],
        changed_hand_written: set[str],
    ) -> None:
        """Tell MkDocs which pages to render again (through each File's `is_modified`)."""
        self.everything = signature != self.signature
        self.signature = signature
        self.rendered = set()
        for file in files.documentation_pages():
            src = file.src_uri
            key = page_keys.get(src)
            if key is not None:
                modified = self.everything or self.page_keys.get(src) != key
            elif self.everything or src in changed_hand_written:
                modified = True
            else:
                continue  # MkDocs' own check: the source is newer than its output
            # an instance attribute, read by MkDocs' dirty build instead of the method
            file.is_modified = (lambda answer: lambda: answer)(modified)  # type: ignore[method-assign]
        for file in files.documentation_pages():
            title = self.titles.get(file.src_uri)
            if title is not None and file.page is not None and not file.is_modified():
                file.page.title = title  # MkDocs' own property lets it be set for good
        self.page_keys = dict(page_keys)

    def prepare_search(self, search_plugin: Any, files: Files) -> None:
        """Material's search plugin merges a dirty build's entries into its previous index, removing
        the old entries of only the first page it rendered: give it a previous index without any page
        this build renders again or no longer has, so the merged index is exactly right."""
        previous = getattr(search_plugin, "search_index_prev", None)
        entries = getattr(previous, "entries", None)
        if previous is None or not isinstance(entries, list):
            return
        pages = list(files.documentation_pages())
        again = {_search_url(f) for f in pages if f.is_modified()}
        present = {_search_url(f) for f in pages}
        previous.entries = [
            e for e in entries if (page := str(e.get("location", "")).split("#", 1)[0]) in present and page not in again
        ]

    def rendered_page(self, page: Page) -> None:
        self.rendered.add(page.url)
        if page.title is not None:
            self.titles[page.file.src_uri] = page.title

    def finish(self, site_dir: str, files: Files, generated: set[str], search_plugin: Any) -> None:
        """Delete outputs of pages that are gone; make the search index hold every page's last entries."""
        outputs = {src: files.get_file_from_path(src) for src in generated}
        current = {src: f.abs_dest_path for src, f in outputs.items() if isinstance(f, File)}
        for src, path in self.outputs.items():
            if src not in current and path not in current.values():
                _remove_with_empty_folders(path, site_dir)
        self.outputs = current
        pages = {_search_url(f) for f in files.documentation_pages()}
        in_memory = getattr(getattr(search_plugin, "search_index", None), "entries", None)
        if isinstance(in_memory, list):  # Material's: the merged index it just wrote, still in memory
            repaired = self._repaired(in_memory, pages)
            if repaired is not None:  # e.g. it dropped every old entry (the home page's URL is "")
                search_plugin.search_index.entries = repaired
                self._write_search_docs(site_dir, repaired)
            return
        docs = self._read_search_docs(site_dir)  # MkDocs' own search: this build's pages only
        if docs is not None:
            repaired = self._repaired(docs, pages)
            if repaired is not None:
                self._write_search_docs(site_dir, repaired)

    def _repaired(self, docs: list[dict[str, Any]], pages: set[str]) -> list[dict[str, Any]] | None:
        """Every page's entries from the build that last rendered it, or None when `docs` is that."""
        runs: dict[str, list[dict[str, Any]]] = {}  # page URL -> its last run of entries in `docs`
        last_key: str | None = None
        for entry in docs:
            key = str(entry.get("location", "")).split("#", 1)[0]
            if key != last_key:
                runs[key] = []
                last_key = key
            runs[key].append(entry)
        known = {} if self.everything else self.search
        merged = {key: entries for key, entries in known.items() if key in pages and key not in self.rendered}
        for key, entries in runs.items():
            if key in pages and (key in self.rendered or key not in merged):
                merged[key] = entries
        self.search = merged
        repaired = [entry for entries in merged.values() for entry in entries]
        return None if len(repaired) == len(docs) and {id(e) for e in repaired} == {id(e) for e in docs} else repaired

    @staticmethod
    def _read_search_docs(site_dir: str) -> list[dict[str, Any]] | None:
        try:
            with open(os.path.join(site_dir, *SEARCH_INDEX), encoding="utf-8") as handle:
                index = json.load(handle)
        except (OSError, ValueError):
            return None  # no search plugin, or not one that writes this file
        docs = index.get("docs") if isinstance(index, dict) else None
        return docs if isinstance(docs, list) else None

    @staticmethod
    def _write_search_docs(site_dir: str, docs: list[dict[str, Any]]) -> None:
        path = os.path.join(site_dir, *SEARCH_INDEX)
        try:
            with open(path, encoding="utf-8") as handle:
                index = json.load(handle)
        except (OSError, ValueError):
            return
        if not isinstance(index, dict):
            return
        index["docs"] = docs
        with open(path + ".new", "w", encoding="utf-8") as handle:
            json.dump(index, handle, ensure_ascii=False, separators=(",", ":"))
        os.replace(path + ".new", path)


def _search_url(file: File) -> str:
    """A page's URL as search entries and `Page.url` write it: the site's home page is "", not "./"."""
    return "" if file.url in (".", "./") else file.url


def _remove_with_empty_folders(path: str, site_dir: str) -> None:
    with contextlib.suppress(OSError):
        os.remove(path)
    folder = Path(path).parent
    root = Path(site_dir)
    while folder != root and root in folder.parents:
        try:
            folder.rmdir()  # only when empty
        except OSError:
            break
        folder = folder.parent
