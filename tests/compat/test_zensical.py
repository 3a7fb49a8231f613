"""`glossdeck export zensical OUT` built by a real `zensical build` (issue 12, item 6).

Zensical runs no MkDocs plugins, so the export carries everything the plugin would add: term pages,
index pages, diagrams, DEBT badges, cards, the learning pages with their scripts, styles and data
files. The built site is opened in Chromium: a term page's diagram is drawn, its quiz answers and
shows feedback, and no request goes to another host.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.support.compat import (
    DIAGRAM_SLUG,
    TERMS,
    browser_page,
    diagram_svg_text,
    require_vendor,
    run,
    served,
    tool,
    write_project,
)

QUIZ_SLUG = "sql-injection"


def _exported(root: Path, *options: str) -> Path:
    """An exported Zensical project, built: ROOT/out/zensical.toml, ROOT/out/docs/, ROOT/out/site/."""
    require_vendor()
    zensical = tool("zensical")
    write_project(root, "README.md", "A glossary exported for Zensical.\n", docs={})
    exported = run(
        [
            sys.executable,
            "-m",
            "glossdeck",
            "export",
            "zensical",
            "out",
            "--terms",
            "terms",
            "--site-name",
            "Zensical glossary",
            "--site-url",
            "https://example.org/glossary/",
            "--strict",
            *options,
        ],
        root,
    )
    assert exported.returncode == 0, exported.stderr
    out = root / "out"
    built = run([zensical, "build"], out)
    assert built.returncode == 0, built.stdout + built.stderr
    assert "No issues found" in built.stdout + built.stderr, built.stdout + built.stderr
    return out


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _exported(tmp_path_factory.mktemp("zensical"))


def test_the_export_is_a_zensical_project(project: Path) -> None:
    import tomllib

    config = tomllib.loads((project / "zensical.toml").read_text(encoding="utf-8"))["project"]
    assert config["docs_dir"] == "docs" and config["theme"]["font"] is False
    assert config["extra_javascript"][0] == "assets/glossdeck/glossdeck.js"  # Mermaid's stand-in first
    for path in [*config["extra_javascript"], *config["extra_css"]]:
        assert (project / "docs" / path).is_file(), path
    listed = json.dumps(config["nav"])
    assert "learn/quiz.md" in listed and "a-z.md" in listed and "terms/" not in listed  # never every term
    for page in (project / "docs").rglob("*.md"):
        page.read_text(encoding="utf-8")  # plain UTF-8


def test_the_built_site_has_every_part(project: Path) -> None:
    site = project / "site"
    for name in TERMS:
        slug = Path(name).stem
        assert (site / "terms" / slug / "index.html").is_file(), slug
        assert (site / "cards" / f"{slug}.svg").is_file() and (site / "badges" / f"{slug}.svg").is_file(), slug
    for index in (
        "a-z",
        "categories",
        "categories/devops",
        "tags",
        "debt",
        "learn",
        "learn/quiz",
        "learn/flashcards",
        "learn/explorer",
        "learn/graph",
        "learn/progress",
    ):
        assert (site / index / "index.html").is_file(), index
    for data in (
        "learn/data/quiz.json",
        "learn/data/terms.json",
        "api/terms.json",
        "assets/glossdeck/vendor/mermaid/mermaid.esm.min.mjs",
        "assets/glossdeck/vendor/d3-force.min.js",
    ):
        assert (site / data).is_file(), data
    page = (site / "terms" / DIAGRAM_SLUG / "index.html").read_text(encoding="utf-8")
    assert '<pre class="mermaid"><code>flowchart LR' in page
    assert 'class="gd-debt-string"' in page  # the DEBT badge
    assert "assets/glossdeck/learning/core.js" in page and "assets/glossdeck/learning/learning.css" in page
    assert "learning/quiz.js" in page  # named by the quiz's placeholder; core.js loads it (data-gd-needs)


def _answer_label(question: dict[str, Any]) -> str | int:
    if question["kind"] == "true-false":
        return "True" if question["answer"] else "False"
    return int(question["answer"])  # index of the right button (choices; debt: n/a, 1 ... 9)


@pytest.mark.browser
def test_chromium_draws_the_diagram_answers_the_quiz_and_stays_local(project: Path) -> None:
    with served(project / "site") as base, browser_page(base) as (page, watch):
        page.goto(base + f"terms/{DIAGRAM_SLUG}/")
        assert "Router" in diagram_svg_text(page)

        page.goto(base + f"terms/{QUIZ_SLUG}/")
        bank = page.request.get(base + "learn/data/quiz.json").json()
        # the first question "Check yourself" asks: never one marked for the quiz page only
        question = next(q for q in bank["questions"][QUIZ_SLUG] if q.get("termPage") is not False)
        box = page.locator(f'.gd-term-quiz [data-gd-question="{question["id"]}"]')
        box.wait_for(state="visible", timeout=15_000)
        answer = _answer_label(question)
        if isinstance(answer, str):
            box.get_by_role("button", name=answer, exact=True).click()
        else:
            box.locator("button.gd-choice").nth(answer).click()
        feedback = box.locator(".gd-q__feedback")
        feedback.wait_for(state="visible", timeout=5_000)
        assert "Right." in (feedback.text_content() or "")
        assert "gd-q--right" in (box.get_attribute("class") or "")

        page.goto(base + "learn/quiz/")
        page.get_by_role("button", name="Start the quiz").click()
        page.locator(".gd-quiz__status").wait_for(state="visible", timeout=5_000)
        page.wait_for_load_state("networkidle")
        assert watch.outside == []
        assert not watch.errors, watch.errors


@pytest.mark.browser
def test_a_translated_export_speaks_its_language_in_the_theme_too(tmp_path: Path) -> None:
    """`--language de`: the theme's own words (the search dialog's name, the page's language) and
    the navigation's section titles are German, not only glossdeck's."""
    out = _exported(tmp_path, "--language", "de")
    config = (out / "zensical.toml").read_text(encoding="utf-8")
    assert 'language = "de"' in config and '"Lernen"' in config and '"Learn"' not in config
    with served(out / "site") as base, browser_page(base) as (page, watch):
        page.goto(base + f"terms/{DIAGRAM_SLUG}/")
        page.wait_for_load_state("load")
        assert page.get_attribute("html", "lang") == "de"
        assert page.get_attribute('.md-search[role="dialog"]', "aria-label") == "Suche"
        assert not watch.errors, watch.errors
