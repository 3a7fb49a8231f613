"""Links written in prose to pages of the site are checked in a real build: one to a page the site
does not have is a located warning (so `--strict` fails); external links, anchors and files are left
alone. MkDocs cannot check them itself: prose reaches it as finished HTML."""

from __future__ import annotations

from pathlib import Path

from tests.support.sites import build_site

LINKS = """title: Pod
category: containers
tldr: "The smallest unit that runs."
explanation: |
  Runs on a [node](../node/) listed in the [A to Z](../../a-z/) and the [guide](../../guide/).
  Not [here](/docs/a/b/), nor in [Chinese](../../zh/terms/node/), nor [a typo](../nod/).
  Also [the home page](../../), [an anchor](#explanation), [elsewhere](https://example.org/docs/a/),
  [mail](mailto:a@example.org), [a picture](../../assets/diagram.png) and `[code](/nope/)`.

  [defined]: /also/missing/
misconception:
  belief: "Pods move."
  correction: "They are replaced; see [the node page](../node)."
"""

NODE = """title: Node
category: containers
tldr: "A worker machine."
"""

# the same links as a site without directory URLs writes them (terms/pod.html)
FLAT = (
    LINKS.replace("(../node/)", "(node.html)")
    .replace("(../../a-z/)", "(../a-z.html)")
    .replace("(../../guide/)", "(../guide.html)")
    .replace("(../../zh/terms/node/)", "(../zh/terms/node.html)")
    .replace("(../nod/)", "(nod.html)")
    .replace("(../../)", "(../index.html)")
    .replace("(../node)", "(node.html)")
)


def _broken(root: Path, pod: str, directory_urls: bool) -> dict[str, str]:
    site = build_site(
        root,
        strict=False,
        terms={"pod": pod, "node": NODE},
        docs={"guide.md": "# Guide\n"},
        use_directory_urls=directory_urls,
    )
    assert site.ok, site.error
    return {w.split("link '", 1)[1].split("'", 1)[0]: w for w in site.warnings() if "points to no page" in w}


def test_prose_links_to_pages_the_site_does_not_have_are_located_warnings(tmp_path: Path) -> None:
    broken = _broken(tmp_path, LINKS, True)
    assert sorted(broken) == ["../../zh/terms/node/", "../nod/", "/also/missing/", "/docs/a/b/"], broken
    assert "terms/pod.yml:6:14: warning: explanation: link '/docs/a/b/'" in broken["/docs/a/b/"]
    assert "terms/pod.yml:10:14: warning: explanation: " in broken["/also/missing/"]
    assert broken["../../zh/terms/node/"].endswith("(to link the term, write [[node]])")
    assert "[[" not in broken["../nod/"]  # no term is called "nod"


def test_prose_links_are_checked_without_directory_urls_too(tmp_path: Path) -> None:
    broken = _broken(tmp_path, FLAT, False)
    assert sorted(broken) == ["../zh/terms/node.html", "/also/missing/", "/docs/a/b/", "nod.html"], broken


def test_a_strict_build_fails_on_a_prose_link_to_no_page(tmp_path: Path) -> None:
    site = build_site(tmp_path, terms={"pod": LINKS, "node": NODE}, docs={"guide.md": "# Guide\n"})
    assert not site.ok
    fixed = LINKS.split("  Not [here]")[0] + "\nmisconception:" + LINKS.split("misconception:")[1]
    fixed = fixed.replace("  [defined]: /also/missing/\n", "")
    assert build_site(tmp_path / "fixed", terms={"pod": fixed, "node": NODE}, docs={"guide.md": "# Guide\n"}).ok
