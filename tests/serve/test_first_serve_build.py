"""The first `mkdocs serve` build works on two cores as a one-off build does (term pages rendered
half in a forked child, features' files synced into the serve store by another), and what the
children computed comes back: the first edit afterwards renders the few pages showing that term and writes only the
files it changed, exactly as after a first build in one process. Counted, never timed.

Test runners run threads (pytest-xdist) and glossdeck only forks while it is the sole thread, so the
builds run in a fresh Python process, as `mkdocs serve` starts them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from tests.support.policy import needs_fork
from tests.support.sites import as_a_user_builds, build_site
from tests.support.terms import synthetic_term_texts

pytestmark = needs_fork

SERVE_BUILDS = """
import hashlib, json, os, sys
from pathlib import Path
from glossdeck.build import forked, parallel_renders
from mkdocs.commands.build import build
from mkdocs.config import load_config

parallel_renders.PARALLEL_MIN_TERMS = {min_terms}  # a small site forks, as 200+ terms do
forks = []
real = forked.ForkedTask.__init__
def counting(self, run):
    forks.append(1)
    real(self, run)
forked.ForkedTask.__init__ = counting

root = Path.cwd()
plugin = None
def serve_build():
    global plugin
    config = load_config(config_file="mkdocs.yml", site_dir=str(root / "site"))
    if plugin is None:
        config.plugins.on_startup(command="serve", dirty=True)
    plugin = config.plugins["glossdeck"]
    build(config, dirty=True)
    # the link-preview images: drawn by both processes, kept in the memo by the parent's own files
    return {{**plugin.cache_stats(), "social_misses": plugin.memo.misses("social.cards"),
             "social_kept": len(plugin.memo.table("social.cards"))}}

def pages():
    # the store's linked folders too (cards/, api/, ...): what the server serves
    site, found = root / "site", {{}}
    for folder, _, names in os.walk(site, followlinks=True):
        for name in names:
            path = Path(folder) / name
            found[path.relative_to(site).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return dict(sorted(found.items()))

first = serve_build()
first_forks, first_pages = len(forks), pages()
import threading  # then the server starts its threads, as `mkdocs serve` does after the first build
stop = threading.Event()
threading.Thread(target=stop.wait, daemon=True).start()
path = root / "terms" / "term-00005.yml"
path.write_text(path.read_text(encoding="utf-8").replace("tldr: >-\\n  ", "tldr: >-\\n  Edited first words. ", 1),
                encoding="utf-8")
os.utime(path, (1_700_000_000, 1_700_000_000))  # the same file times in both projects (the deck dates its notes by them)
edit = serve_build()
print(json.dumps({{"first_forks": first_forks, "later_forks": len(forks) - first_forks, "first": first,
                  "edit": edit, "rendered": sorted(plugin.dirty.rendered), "first_pages": first_pages,
                  "edit_pages": pages()}}))
stop.set()
plugin.on_startup(command="build", dirty=False)
"""


def _serve_builds(root: Path, min_terms: int) -> dict[str, object]:
    with as_a_user_builds(root):
        done = subprocess.run(
            [sys.executable, "-c", textwrap.dedent(SERVE_BUILDS.format(min_terms=min_terms))],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=600,
        )
    assert done.returncode == 0, done.stderr[-3000:]
    result: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
    return result


def test_first_serve_build_forks_and_the_first_edit_redoes_only_that_term(tmp_path: Path) -> None:
    both = {}
    for name, min_terms in (("forked", 2), ("one-process", 10**9)):
        root = tmp_path / name
        site = build_site(root, terms=synthetic_term_texts(12), site_url="https://example.org/g/")
        assert site.ok, (site.error, site.warnings())
        for term in (root / "terms").iterdir():  # the same file times in both projects
            os.utime(term, (1_600_000_000, 1_600_000_000))
        both[name] = _serve_builds(root, min_terms)

    forked, alone = both["forked"], both["one-process"]
    # the first build forked twice (term pages, features' files); later builds run beside the
    # server's threads and never fork
    assert forked["first_forks"] == 2 and forked["later_forks"] == 0
    assert alone["first_forks"] == 1  # features' files only: too few terms to split the pages
    # the same site either way, before and after the edit, features' files included (the link-preview
    # images are drawn by both processes and stored by the parent)
    first_pages = forked["first_pages"]
    assert isinstance(first_pages, dict) and "cards/og-site.png" in first_pages and "api/terms.json" in first_pages
    assert len([p for p in first_pages if p.startswith("cards/og/")]) == 12
    assert forked["first_pages"] == alone["first_pages"]
    assert forked["edit_pages"] == alone["edit_pages"]
    # the first edit after a forked first build does what it does after a one-process first build:
    # one term parsed, the same few term pages rendered (those showing its TL;DR), the same few feature files written
    edit, edit_alone = forked["edit"], alone["edit"]
    assert isinstance(edit, dict) and isinstance(edit_alone, dict)
    assert edit["terms_parsed"] == 1 and edit["term_pages_rendered"] == edit_alone["term_pages_rendered"] <= 10
    rendered = forked["rendered"]
    assert isinstance(rendered, list) and rendered == alone["rendered"]
    assert "terms/term-00005/" in rendered and len(rendered) <= 10
    # the term's cards, API record, preview, Markdown, social image, and the glossary-wide files
    # it is part of (learning data, deck, SKOS, TBX, llms.txt): a few dozen of hundreds
    assert 0 < edit["feature_files_written"] == edit_alone["feature_files_written"] < 40
    # every link-preview image is in the memo after the first build (one per term and the site's),
    # so the edit makes its term's image again, not all of them
    first = forked["first"]
    assert isinstance(first, dict) and first["social_kept"] == 13
    assert edit["social_misses"] == edit_alone["social_misses"] <= 2
