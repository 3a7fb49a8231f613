"""Real MkDocs builds of small sites (strict mode): pages, navigation, links, badges, JSON-LD."""

from __future__ import annotations

import html as html_lib
import json
import re

import pytest

from tests.support.linkcheck import check_links
from tests.support.sites import build_site
from tests.support.terms import BLUE_GREEN

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture(scope="module")
def site(tmp_path_factory):  # type: ignore[no-untyped-def]
    built = build_site(
        tmp_path_factory.mktemp("site"),
        docs={
            "guide.md": "# Guide\n\nRead about immutable infrastructure and SQL injections here. "
            "Immutable infrastructure again.\n\n## Immutable infrastructure\n\n"
            "`immutable infrastructure`\n"
        },
        glossdeck="categories:\n  security: Security\n  devops: DevOps\n",
        extra="repo_url: https://git.example.org/team/glossary\nedit_uri: edit/main/docs/",
    )
    assert built.ok, (built.error, built.warnings())
    return built


def test_strict_build_has_no_warnings(site) -> None:  # type: ignore[no-untyped-def]
    assert site.warnings() == []


def test_generated_pages_exist_and_nothing_is_written_into_docs(site) -> None:  # type: ignore[no-untyped-def]
    for path in (
        "index.html",
        "terms/immutable-infrastructure/index.html",
        "terms/sql-injection/index.html",
        "categories/index.html",
        "categories/devops/index.html",
        "categories/security/index.html",
        "a-z/index.html",
        "tags/index.html",
        "tags/deployment/index.html",
        "debt/index.html",
        "assets/glossdeck/vendor/mermaid/mermaid.esm.min.mjs",
        "assets/glossdeck/mermaid.mjs",
        "assets/glossdeck/glossdeck.js",
        "assets/glossdeck/axes.css",
    ):
        assert (site.site_dir / path).is_file(), path
    assert sorted(p.name for p in (site.root / "docs").iterdir()) == ["guide.md"]


def test_link_check_finds_no_broken_internal_link(site) -> None:  # type: ignore[no-untyped-def]
    assert check_links(site.site_dir) == []


def test_navigation_lists_categories_and_indexes_not_terms(site) -> None:  # type: ignore[no-untyped-def]
    html = site.page("guide/")
    start = html.index('class="md-nav md-nav--primary"')
    nav = html[start : html.index("md-sidebar--secondary", start)]
    assert "Glossary" in html and "A–Z index" in nav and "DevOps" in nav and "About DEBT scoring" in nav
    assert "terms/immutable-infrastructure/" not in nav


def test_term_page_edit_link_opens_its_yaml_file(site) -> None:  # type: ignore[no-untyped-def]
    html = site.page("terms/immutable-infrastructure/")
    assert 'href="https://git.example.org/team/glossary/edit/main/terms/immutable-infrastructure.yml"' in html


def test_term_page_shows_every_block_in_reading_order(site) -> None:  # type: ignore[no-untyped-def]
    html = site.page("terms/immutable-infrastructure/")
    order = [
        "breadcrumbs",
        "header",
        "debt",
        "tldr",  # the definition right after the header (issue 14: readers first)
        "aliases",
        "explanation",
        'class="mermaid"',
        "misconception",
        "why-it-matters",
        "mistakes",
        "code-example",
        "dates",
        "dev-intel",
        "quick-fix",
        "applies-to",
        "detection",
        "ai-agent",
        "related",
        "sources",
    ]
    positions = []
    for block in order:
        needle = block if "=" in block else f'data-gd-block="{block}"'
        assert needle in html, block
        positions.append(html.index(needle))
    assert positions == sorted(positions)
    assert "debt(d7/e9/b9/t5)" in html and "Operational debt" in html and "Closest to" in html
    assert 'class="gd-chart"' in html and "About DEBT scoring" in html
    # each rationale folded under its axis's line, the score in the line (the <summary>) itself
    debt = html[html.index('data-gd-block="debt"') : html.index('data-gd-block="tldr"')]
    assert debt.count("<details") == 4 and debt.count("Closest to") == 4
    for summary in re.findall(r"<summary.*?</summary>", debt, re.DOTALL):
        assert re.search(r">[debt][1-9]</span>", summary) and "Closest to" not in summary
    shown = html_lib.unescape(html)  # the plugin writes non-ASCII characters as references (narrow_strings.py)
    assert "✗</span> Vulnerable" in shown and "✓</span> Fixed" in shown and 'class="highlight"' in html
    assert "Auto-detectable" in html and "terraform" in html and "Manual fix" in html
    assert '<time datetime="2026-03-15">15 Mar 2026</time>' in html


def test_related_terms_prerequisites_and_backlinks_are_links(site) -> None:  # type: ignore[no-untyped-def]
    ref = site.page("terms/immutable-infrastructure/")
    assert '<a href="../blue-green-deployment/">Blue-Green Deployment</a>' in ref
    sql = site.page("terms/sql-injection/")
    assert 'data-gd-block="prerequisites"' in sql and '<a href="../blue-green-deployment/">' in sql
    blue = site.page("terms/blue-green-deployment/")
    backlinks = blue[blue.index('data-gd-block="referenced-by"') :]
    assert "SQL Injection" in backlinks and "Immutable Infrastructure" in backlinks


def test_empty_blocks_are_left_out(site) -> None:  # type: ignore[no-untyped-def]
    html = site.page("terms/sql-injection/")
    for block in ("explanation", "misconception", "mistakes", "ai-agent", "sources", "aliases", "why-it-matters"):
        assert f'data-gd-block="{block}"' not in html, block
    assert "Diagram" not in html


def test_score_badges_are_accessible_link_to_the_rubric_and_never_total(site) -> None:  # type: ignore[no-untyped-def]
    html = site.page("terms/sql-injection/")
    assert 'href="../../debt/#axis-d"' in html and 'aria-label="Detectability: 4 of 9' in html
    assert 'aria-label="Burden: not applicable, shown as b n/a"' in html and "b n/a" in html
    assert "13" not in re.sub(r"<[^>]+>", "", html.split('data-gd-block="debt"')[1].split("</section>")[0])
    debt = site.page("debt/")
    for letter, name in (("d", "Detectability"), ("e", "Effort"), ("b", "Burden"), ("t", "Trap")):
        assert f'id="axis-{letter}"' in debt and name in debt
    assert "architectural rework" in debt and "Operational debt" in debt and "n/a (0)" in debt
    css = (site.site_dir / "assets/glossdeck/axes.css").read_text()
    assert "#0969da" in css and "#58a6ff" in css and "slate" in css


def test_home_page_browses_categories_and_recent_terms_with_marks(site) -> None:  # type: ignore[no-untyped-def]
    html = site.page("")
    assert 'data-gd-block="browse-categories"' in html and 'href="categories/devops/"' in html
    added = html[html.index('data-gd-block="recently-added"') :]
    assert added.index("Blue-Green Deployment") < added.index("Immutable Infrastructure")
    assert "+ added" in added.split("</li>")[0]
    updated = html[html.index('data-gd-block="recently-updated"') :]
    assert "SQL Injection" in updated.split("</li>")[0] and "updated</span>" in updated.split("</li>")[0]


def test_a_z_lists_aliases_pointing_at_their_term_with_defined_term_set(site) -> None:  # type: ignore[no-untyped-def]
    html = site.page("a-z/")
    assert re.search(
        r'immutable servers (?:→|&#8594;) <a href="\.\./terms/immutable-infrastructure/">Immutable Infrastructure</a>',
        html,
    )
    data = _json_ld(html)
    assert data["@type"] == "DefinedTermSet" and len(data["hasDefinedTerm"]) == 3


def test_term_page_has_defined_term_json_ld(site) -> None:  # type: ignore[no-untyped-def]
    data = _json_ld(site.page("terms/immutable-infrastructure/"))
    assert data["@type"] == "DefinedTerm" and data["name"] == "Immutable Infrastructure"
    assert data["alternateName"] == ["immutable servers", "infrastructure immutability"]
    assert data["termCode"] == "immutable-infrastructure" and data["educationalLevel"] == "intermediate"
    assert data["dateCreated"] == "2026-03-15" and data["dateModified"] == "2026-03-22"
    assert data["inDefinedTermSet"]["@type"] == "DefinedTermSet" and data["description"].startswith("Servers are")


def test_autolinks_in_docs_pages_and_term_prose(site) -> None:  # type: ignore[no-untyped-def]
    guide = site.page("guide/")
    content = guide[guide.index("<article") : guide.index("</article>")]
    links = re.findall(r'<a class="gd-autolink" href="([^"]+)"[^>]*>([^<]+)</a>', content)
    assert ("../terms/immutable-infrastructure/", "immutable infrastructure") in links
    assert ("../terms/sql-injection/", "SQL injections") in links  # simple plural
    assert [href for href, _ in links].count("../terms/immutable-infrastructure/") == 1  # first mention only
    assert "<code>immutable infrastructure</code>" in content
    blue = site.page("terms/blue-green-deployment/")
    assert (
        '<a class="gd-autolink" href="../immutable-infrastructure/" title="Immutable Infrastructure">immutable infrastructure</a>'
        in blue
    )
    assert (
        "Blue-Green Deployment</a>" not in blue.split('data-gd-block="tldr"')[1].split("</div>")[0]
    )  # never to itself
    ref = site.page("terms/immutable-infrastructure/")
    assert 'class="gd-autolink" href="../immutable-infrastructure/"' not in ref


@pytest.mark.parametrize("use_directory_urls,site_url", [(False, None), (True, "https://example.org/docs/glossary/")])
def test_links_work_with_and_without_directory_urls_and_under_a_sub_path(
    site_builder, use_directory_urls: bool, site_url: str | None
) -> None:  # type: ignore[no-untyped-def]
    built = site_builder(
        use_directory_urls=use_directory_urls,
        site_url=site_url,
        docs={"guide.md": "# Guide\n\nAbout SQL injection.\n"},
        glossdeck="url_prefix: glossary\n",
    )
    assert built.ok, (built.error, built.warnings())
    assert check_links(built.site_dir, base_path="/docs/glossary/" if site_url else "/") == []
    if not use_directory_urls:
        html = built.page("glossary/terms/sql-injection.html")
        assert 'href="../debt.html#axis-d"' in html
        assert 'href="glossary/terms/sql-injection.html"' in built.page("guide.html")
    else:
        data = _json_ld(built.page("glossary/terms/sql-injection/"))
        assert data["url"] == "https://example.org/docs/glossary/glossary/terms/sql-injection/"


def test_a_warning_in_a_term_fails_the_strict_build(site_builder) -> None:  # type: ignore[no-untyped-def]
    bad = BLUE_GREEN.replace(
        "d: Closest to 'caught by a standard static-analysis tool' (d3).",
        "d: Closest to 'caught by a standard static-analysis tool' (d5).",
    )
    assert bad != BLUE_GREEN
    built = site_builder(terms={"blue-green-deployment": bad})
    assert not built.ok
    assert any("terms/blue-green-deployment.yml:" in m and "debt.d.rationale" in m for m in built.warnings())


def _json_ld(html: str) -> dict:  # type: ignore[type-arg]
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "no JSON-LD"
    return json.loads(match.group(1))
