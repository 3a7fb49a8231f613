"""A `mkdocs serve --dirty` rebuild reuses what no edit touched (terms not linked with an edited one
are not even looked at: core/term_changes.py), and gives the very site a one-off build of the same
files gives. After each of a series of edits (prose, term links, a title, reference lists, a term
added, a term deleted while others link to it, a link to a term not written yet and then written)
every file of the served site is compared with a fresh `mkdocs build` of a copy of the project."""

from __future__ import annotations

import difflib
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.serve.test_rebuilds import ServeSite
from tests.support.sites import BUILD_DATE_EPOCH, files_in

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


SEARCH_INDEX = "search/search_index.json"


def _search_entries(index: bytes) -> tuple[object, set[str]]:
    data = json.loads(index)
    docs = [json.dumps(doc, sort_keys=True) for doc in data["docs"]]
    assert len(docs) == len(set(docs))  # no entry twice
    return data["config"], set(docs)


def _first_difference(served: bytes, built: bytes) -> str:
    lines = difflib.unified_diff(
        served.decode(errors="replace").splitlines(), built.decode(errors="replace").splitlines(), lineterm="", n=0
    )
    return "\n".join(list(lines)[:8])[:1500]


def _locations(entries: set[str]) -> list[str]:
    return sorted(json.loads(entry)["location"] for entry in entries)


def _title(text: str) -> str:
    found = re.search(r"^title: (.*)$", text, flags=re.M)
    assert found is not None
    return found.group(1)


def _one_off_build(project: Path, into: Path) -> dict[str, bytes]:
    """`mkdocs build` of a copy of the project, in a process of its own (in this one, MkDocs would
    hand the build the serve session's plugin instance, memo and all)."""
    if into.exists():
        shutil.rmtree(into)
    into.mkdir(parents=True)
    for name in ("mkdocs.yml", "docs", "terms"):
        source = project / name
        if source.is_dir():
            shutil.copytree(source, into / name)  # file times kept: the deck dates its notes by them
        elif source.exists():
            shutil.copy2(source, into / name)
    env = {**os.environ, "SOURCE_DATE_EPOCH": BUILD_DATE_EPOCH}  # the build date the serve site has
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q"], cwd=into, env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return files_in(into / "site")


def test_serve_rebuilds_after_edits_give_what_a_one_off_build_gives(tmp_path: Path) -> None:
    site = ServeSite(tmp_path / "serve", 14, site_url="https://example.org/glossary/", dirty=True)
    terms = site.root / "terms"
    try:

        def edit(slug: str, change: Callable[[str], str]) -> None:
            path = terms / f"{slug}.yml"
            path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")

        mentioned = _title((terms / "term-00008.yml").read_text(encoding="utf-8"))
        steps = [
            ("a TL;DR", lambda: edit("term-00005", lambda t: t.replace("tldr: >-\n  ", "tldr: >-\n  Edited. ", 1))),
            (
                "a term link and a mention in prose",
                lambda: edit(
                    "term-00006",
                    lambda t: t.replace("tldr: >-\n  ", f"tldr: >-\n  See [[term-00011]] and {mentioned}. ", 1),
                ),
            ),
            (
                "the linked term's title",
                lambda: edit("term-00011", lambda t: t.replace("title: ", "title: Renamed ", 1)),
            ),
            (
                "the mentioned term's TL;DR",
                lambda: edit("term-00008", lambda t: t.replace("tldr: >-\n  ", "tldr: >-\n  Mentioned. ", 1)),
            ),
            (
                "a related list",
                lambda: edit("term-00002", lambda t: re.sub(r"^related: .*$", "related: [term-00012]", t, flags=re.M)),
            ),
            (
                "a term added",
                lambda: (terms / "added-term.yml").write_text(
                    "title: Added Term\ncategory: testing\ntldr: Links [[term-00003]].\nrelated: [term-00009]\n",
                    encoding="utf-8",
                ),
            ),
            ("a linked term deleted", (terms / "term-00009.yml").unlink),
            (
                "a link to a term not written yet",
                lambda: edit(
                    "term-00004", lambda t: t.replace("tldr: >-\n  ", "tldr: >-\n  Wants [[later-term]]. ", 1)
                ),
            ),
            (
                "that term written",
                lambda: (terms / "later-term.yml").write_text(
                    "title: Later Term\ncategory: testing\ntldr: Here at last.\n", encoding="utf-8"
                ),
            ),
        ]
        for what, step in steps:
            step()
            site.build()
            served = files_in(site.root / "site")
            built = _one_off_build(site.root, tmp_path / "one-off")
            extra = sorted(served.keys() ^ built.keys())
            assert not extra, (what, extra)
            differ = sorted(rel for rel in served if served[rel] != built[rel] and rel != SEARCH_INDEX)
            assert not differ, (what, differ, _first_difference(served[differ[0]], built[differ[0]]))
            # the same entries; a rebuild's pages come last (the order of equal-scoring results)
            (config, entries), (built_config, built_entries) = (
                _search_entries(served[SEARCH_INDEX]),
                _search_entries(built[SEARCH_INDEX]),
            )
            assert config == built_config, what
            assert entries == built_entries, (what, _locations(entries ^ built_entries))
    finally:
        site.close()
