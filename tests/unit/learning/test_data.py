"""The JSON the browser reads, and the learning feature's pages and term sections."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

import glossdeck.learning.data as learning_data
from glossdeck.core.checks import load_glossary
from glossdeck.core.glossary import Glossary
from glossdeck.features import FEATURES, Build, SiteInfo
from glossdeck.learning import LEARNING, Learning
from tests.support.learning_glossary import HOSTILE_TITLE, TERMS, write_learning_terms
from tests.support.paths import ASSETS, SCRIPTS

SITE = SiteInfo("Test <glossary>", None)


@pytest.fixture(scope="module")
def glossary(tmp_path_factory: pytest.TempPathFactory) -> Glossary:
    loaded, problems = load_glossary([write_learning_terms(tmp_path_factory.mktemp("terms"))])
    assert not problems.errors
    return loaded


def _data(glossary: Glossary, site: SiteInfo = SITE) -> tuple[dict[str, Any], dict[str, Any]]:
    files = LEARNING.files(Build(glossary, site))
    return json.loads(files["learn/data/terms.json"]), json.loads(files["learn/data/quiz.json"])


def test_registered_once() -> None:
    from glossdeck.features import register

    register(LEARNING)
    register(Learning())  # another instance under the same name is not a second feature
    assert sum(f.name == "learning" for f in FEATURES) == 1
    assert any(isinstance(f, Learning) for f in FEATURES)


def test_terms_json(glossary: Glossary) -> None:
    terms, quiz = _data(glossary)
    assert terms["version"] == 1 and terms["site"] == "Test <glossary>"
    assert [t["slug"] for t in terms["terms"]] == sorted(TERMS)
    by_slug = {t["slug"]: t for t in terms["terms"]}
    ii = by_slug["immutable-infrastructure"]
    assert ii["url"] == "terms/immutable-infrastructure/"
    assert ii["debt"] == {"d": 7, "e": 9, "b": 9, "t": 5} and ii["debtString"] == "debt(d7/e9/b9/t5)"
    assert ii["readFirst"] == ["configuration-drift"]
    assert ii["backlinks"] == ["blue-green-deployment"]
    assert by_slug["hostile-term"]["title"] == HOSTILE_TITLE  # data is text; the browser renders it as text
    assert {a["letter"] for a in terms["axes"]} == set("debt")
    assert terms["paths"][0]["id"] == "web-security-basics"
    assert terms["paths"][0]["url"] == "learn/paths/web-security-basics/"
    assert terms["pages"]["quiz"] == "learn/quiz/"
    assert sum(len(v) for v in quiz["questions"].values()) == sum(t["questions"] for t in terms["terms"])


def test_card_texts_are_kept_out_of_the_data_every_term_page_loads(glossary: Glossary) -> None:
    files = LEARNING.files(Build(glossary, SITE))
    terms, cards = json.loads(files["learn/data/terms.json"]), json.loads(files["learn/data/cards.json"])
    assert not any("tldr" in t or "misconception" in t for t in terms["terms"])
    assert set(cards["terms"]) == {t["slug"] for t in terms["terms"]}
    ii = cards["terms"]["immutable-infrastructure"]
    assert ii["tldr"].startswith("Immutable Infrastructure in one line") and set(ii["misconception"]) == {
        "belief",
        "correction",
    }


def test_edges_once_per_pair(glossary: Glossary) -> None:
    terms, _ = _data(glossary)
    pairs = [frozenset((e["source"], e["target"])) for e in terms["edges"]]
    assert len(pairs) == len(set(pairs))
    assert {"source": "configuration-drift", "target": "immutable-infrastructure", "kind": "prerequisite"} in terms[
        "edges"
    ]
    # blue-green lists immutable-infrastructure as prerequisite and is listed as related by it: one edge
    assert sum(p == frozenset(("blue-green-deployment", "immutable-infrastructure")) for p in pairs) == 1


def test_urls_without_directory_urls(glossary: Glossary) -> None:
    terms, _ = _data(glossary, SiteInfo("T", None, use_directory_urls=False))
    assert terms["terms"][0]["url"].endswith(".html")
    assert terms["pages"]["home"] == "learn/index.html"
    assert terms["paths"][0]["url"] == "learn/paths/web-security-basics.html"


def test_model_built_once_per_glossary(glossary: Glossary, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    real = learning_data.build_learning_model

    def counted(g: Glossary, s: SiteInfo, m: object, affected: frozenset[str] | None) -> object:
        calls.append(1)
        return real(g, s, m, affected)  # type: ignore[arg-type]

    monkeypatch.setattr(learning_data, "build_learning_model", counted)
    build = Build(glossary, SITE)
    LEARNING.pages(build)
    for slug in TERMS:
        LEARNING.term_sections(build, slug)
    LEARNING.files(build)
    assert len(calls) == 1
    LEARNING.pages(Build(glossary, SITE))  # a new build makes its own model: nothing outlives a build
    assert len(calls) == 2


def test_pages(glossary: Glossary) -> None:
    pages = {p.src_path: p for p in LEARNING.pages(Build(glossary, SITE))}
    for src in (
        "learn/index.md",
        "learn/quiz.md",
        "learn/flashcards.md",
        "learn/explorer.md",
        "learn/graph.md",
        "learn/progress.md",
        "learn/paths/web-security-basics.md",
        "learn/paths/security.md",
    ):
        assert src in pages
    assert not pages["learn/paths/security.md"].in_nav and pages["learn/quiz.md"].in_nav
    explorer = pages["learn/explorer.md"].markdown
    assert explorer.count("<tr data-gd-slug=") == len(TERMS)
    assert 'data-gd-root="../../"' in explorer
    path = pages["learn/paths/web-security-basics.md"].markdown
    assert path.index("sql-injection") < path.index("output-escaping")
    assert 'href="../../quiz/?deck=path:web-security-basics"' in path


def test_yaml_text_is_escaped_everywhere(glossary: Glossary) -> None:
    html = "\n".join(p.markdown for p in LEARNING.pages(Build(glossary, SITE)))
    html += "\n".join(s.markdown for slug in TERMS for s in LEARNING.term_sections(Build(glossary, SITE), slug))
    assert "</script>" not in html and "<img" not in html
    assert "Hostile &lt;/script&gt;&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt; &amp; Co" in html


def test_term_sections(glossary: Glossary) -> None:
    slots: dict[str, str] = {}
    for section in LEARNING.term_sections(Build(glossary, SITE), "blue-green-deployment"):
        slots[section.slot] = slots.get(section.slot, "") + section.markdown
    assert set(slots) == {"after-header", "after-content", "end"}
    read_first = slots["after-header"]
    assert re.findall(r'data-gd-slug="([^"]+)"', read_first) == ["configuration-drift", "immutable-infrastructure"]
    assert "hidden" not in read_first.split(">")[0]  # works without JavaScript
    assert 'data-gd-widget="term-quiz"' in slots["after-content"] and " hidden>" in slots["after-content"]
    assert 'data-gd-widget="local-graph"' in slots["after-content"]
    lone = {s.slot for s in LEARNING.term_sections(Build(glossary, SITE), "floating-point")}
    assert lone == {"after-content", "end"}  # no prerequisites, no links: no read-first, no graph
    assert 'data-gd-widget="local-graph"' not in "".join(
        s.markdown for s in LEARNING.term_sections(Build(glossary, SITE), "floating-point")
    )


def test_each_term_has_its_own_questions_file(glossary: Glossary) -> None:
    """A term page loads learn/data/quiz/<slug>.json: that term's questions, as the bank has them."""
    files = LEARNING.files(Build(glossary, SITE))
    bank = json.loads(files["learn/data/quiz.json"])["questions"]
    own = {k.removeprefix("learn/data/quiz/").removesuffix(".json"): v for k, v in files.items() if "/quiz/" in k}
    assert set(own) == set(bank) and bank
    for slug, encoded in own.items():
        data = json.loads(encoded)
        assert data == {"version": 1, "term": slug, "questions": bank[slug]}
        assert len(encoded) < len(files["learn/data/quiz.json"])


def test_each_widget_names_the_scripts_it_needs() -> None:
    """Pages load only their widgets' scripts (learning/scripts.py): every widget a page can show and
    every widget the browser code registers has a list, which holds the script registering it,
    after the scripts it uses, and names files that exist."""
    from glossdeck.learning.scripts import WIDGET_SCRIPTS

    pages = (ASSETS.parent / "learning" / "pages.py").read_text()
    written = set(re.findall(r'widget\(\s*"([a-z-]+)"', pages)) | {"flashcards", "quiz-runner", "progress"}
    registered: dict[str, str] = {}
    for script in (ASSETS / "learning").glob("*.js"):
        for name in re.findall(r'GD\.register\("([a-z-]+)"', script.read_text()):
            registered[name] = f"learning/{script.name}"
    assert written <= set(WIDGET_SCRIPTS) and set(registered) == set(WIDGET_SCRIPTS), (written, registered)
    vendor_script = (SCRIPTS / "vendor-assets.mjs").read_text()
    for name, scripts in WIDGET_SCRIPTS.items():
        assert scripts[-1] == registered[name], name  # its own module last: what it uses runs first
        for path in scripts:
            if path.startswith("vendor/"):
                assert f'"{path.removeprefix("vendor/")}"' in vendor_script, path
            elif path in LEARNING.lazy_strings():  # written by the build (i18n/script.py), first
                assert scripts.index(path) == 0, name
            else:
                assert (ASSETS / path).is_file(), path
        if "learning/graph.js" in scripts:
            assert scripts.index("vendor/d3-force.min.js") < scripts.index("learning/graph.js")
    assert LEARNING.scripts() == ["learning/core.js"]  # the one script every page loads


def test_every_asset_exists() -> None:
    for path in [*LEARNING.scripts(), *LEARNING.stylesheets()]:
        if path.startswith("vendor/"):
            continue  # copied from node_modules by scripts/vendor-assets.mjs
        assert (ASSETS / path).is_file(), path
    vendor_script = (SCRIPTS / "vendor-assets.mjs").read_text()
    for path in LEARNING.scripts():
        if path.startswith("vendor/"):
            assert f'"{path.removeprefix("vendor/")}"' in vendor_script, path


def test_no_inner_html_in_browser_code() -> None:
    for script in (ASSETS / "learning").glob("*.js"):
        text = script.read_text()
        assert not re.search(r"\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write", text), script.name


def test_empty_glossary_contributes_nothing() -> None:
    empty = Glossary({})
    assert LEARNING.pages(Build(empty, SITE)) == [] and LEARNING.files(Build(empty, SITE)) == {}


def test_category_titles_and_order_follow_the_site(glossary: Glossary) -> None:
    site = SiteInfo("T", None, category_titles=(("devops", "DevOps"), ("security", "Security")))
    terms, _ = _data(glossary, site)
    assert [(c["id"], c["title"]) for c in terms["categories"]] == [
        ("devops", "DevOps"),
        ("security", "Security"),
        ("language", "Language"),
    ]
    assert next(p["title"] for p in terms["paths"] if p["kind"] == "category") == "DevOps: beginner to advanced"
    explorer = next(p for p in LEARNING.pages(Build(glossary, site)) if p.src_path == "learn/explorer.md").markdown
    assert "<td>DevOps</td>" in explorer


def test_left_out_of_the_markdown_export(tmp_path: Path) -> None:
    from glossdeck.exports.markdown import export_pages

    pages, _, _, ok = export_pages([write_learning_terms(tmp_path / "terms")], site_name="T")
    assert ok
    assert not any(p.src_path.startswith("learn/") for p in pages)
    assert not any("data-gd-widget" in p.markdown for p in pages)


def test_serve_rebuilds_encode_the_same_bytes_from_kept_fragments(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Under `mkdocs serve` the data files are joined from each term's kept JSON; the bytes must be
    exactly those of a plain encoding, before and after an edit."""
    from glossdeck.build.memo import BuildMemo

    folder = write_learning_terms(tmp_path / "terms")
    memo = BuildMemo()  # one memo across both "rebuilds", as the plugin keeps it under serve
    for edit in (False, True):
        if edit:
            target = next(
                p for p in sorted(folder.glob("*.yml")) if "only matters for" in p.read_text(encoding="utf-8")
            )
            target.write_text(
                target.read_text(encoding="utf-8").replace("only matters for", "edited: matters for", 1),
                encoding="utf-8",
            )
        loaded, _ = load_glossary([folder])
        plain = LEARNING.files(Build(loaded, SITE))
        assert LEARNING.files(Build(loaded, SITE, memo)) == plain
        memo.start_build()
        assert LEARNING.files(Build(loaded, SITE, memo)) == plain  # the same glossary again: every fragment is kept
        assert memo.misses("learning.records") == 0 and memo.hits("learning.records") == len(loaded)
    assert b"edited: matters for" in plain["learn/data/terms.json"] + plain["learn/data/quiz.json"]
