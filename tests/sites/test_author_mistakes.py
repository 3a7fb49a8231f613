"""No cliffs for authors: a missing reference, a typo or a broken file never takes other pages with it."""

from __future__ import annotations

import re
from pathlib import Path

from tests.support.linkcheck import check_links
from tests.support.paths import REPO
from tests.support.sites import build_project, build_site, write_project


def _real_terms(*slugs: str) -> dict[str, str]:
    return {slug: (REPO / "terms" / f"{slug}.yml").read_text(encoding="utf-8") for slug in slugs}


def test_terms_that_want_unwritten_terms_keep_their_pages_and_a_wanted_page_lists_them(tmp_path: Path) -> None:
    terms = _real_terms("sql-injection", "prepared-statements")  # both name terms this project lacks
    relaxed = build_site(tmp_path / "relaxed", terms=terms, strict=False)
    assert relaxed.ok, relaxed.error
    site = relaxed.site_dir
    for slug in terms:
        assert (site / "terms" / slug / "index.html").is_file()
    wanted = relaxed.page("wanted/")
    page = relaxed.page("terms/sql-injection/")
    # every missing entry shows "not written yet" and links to its Wanted entry, never to a missing page
    missing = [
        (re.search(r'href="([^"]+)"', tag)[1], title)  # type: ignore[index]
        for tag, title in re.findall(r'(<a [^>]*class="gd-missing-term"[^>]*>)([^<]+)</a>', page)
    ]
    assert ("../../wanted/#wanted-output-escaping", "Output escaping") in missing, missing
    assert page.count("(not written yet)") == len(missing)
    assert check_links(site) == []
    for slug in ("output-escaping", "cross-site-scripting", "database-transactions", "insecure-deserialization"):
        assert f'id="wanted-{slug}"' in wanted
    assert "<code>glossdeck new 'Output escaping' --category security --slug output-escaping</code>" in wanted
    assert '<a href="../terms/sql-injection/">SQL Injection</a>' in wanted
    # --strict still fails, naming each reference's file:line
    strict = build_project(tmp_path / "relaxed")
    assert not strict.ok
    located = [m for m in strict.warnings() if "no term 'output-escaping' yet" in m]
    assert any(re.search(r"terms/sql-injection\.yml:\d+:\d+: warning: related\[1\]: ", m) for m in located), located


def test_one_typo_or_one_broken_file_costs_only_itself(tmp_path: Path) -> None:
    terms = _real_terms("sql-injection", "prepared-statements")
    terms["opcache"] = (REPO / "terms" / "opcache.yml").read_text(encoding="utf-8")
    terms["opcache"] = re.sub(r"^related: \[", 'related: ["../../etc", ', terms["opcache"], count=1, flags=re.M)
    assert "../../etc" in terms["opcache"]
    terms["half-typed"] = "title: Half typed\ncategory: security\ntldr: [not closed\n"
    terms["no-title"] = "category: security\ntldr: A term without a title.\nrelated: [sql-injection]\n"
    terms["points-at-broken"] = (
        "title: Points at broken\ncategory: security\ntldr: See the others.\nrelated: [half-typed, opcache]\n"
    )
    built = build_site(tmp_path, terms=terms, strict=False)
    assert built.ok, built.error
    pages = {p.parent.name for p in (built.site_dir / "terms").glob("*/index.html")}
    assert pages == {"sql-injection", "prepared-statements", "opcache", "points-at-broken"}
    errors = [m for m in built.warnings() if "warning:" not in m]
    assert any(re.search(r"terms/opcache\.yml:\d+:\d+: related\[0\]: '\.\./\.\./etc' is not a slug", m) for m in errors)
    assert any("terms/half-typed.yml:" in m for m in errors) and any("terms/no-title.yml:" in m for m in errors)
    assert "../../etc" not in built.page("terms/opcache/")  # the bad entry is left off, the rest shows
    assert check_links(built.site_dir) == []


def test_a_term_with_a_wrong_value_keeps_its_page_and_fails_the_strict_build(tmp_path: Path) -> None:
    write_project(tmp_path, terms={"broken": "title: Broken\ncategory: devops\ntldr: Still here.\nlevel: expert\n"})
    strict = build_project(tmp_path)
    assert not strict.ok
    assert any(re.search(r"terms/broken\.yml:4:\d+: level: ", m) for m in strict.warnings()), strict.warnings()
    relaxed = build_project(tmp_path, strict=False)
    assert relaxed.ok and "Still here." in relaxed.page("terms/broken/")
