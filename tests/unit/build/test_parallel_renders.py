"""Term pages rendered on two cores (a forked child renders half): the same pages as one process.

Test runners run threads (pytest-xdist), and glossdeck only forks while it is the sole thread, so
these checks run in a fresh Python process, as `mkdocs build` does.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

from tests.support.paths import SCRIPTS
from tests.support.policy import needs_fork
from tests.support.sites import write_synthetic_project

pytestmark = needs_fork


def _python(code: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], cwd=cwd, capture_output=True, text=True, timeout=300
    )


def test_pages_rendered_on_two_cores_equal_those_of_one_process(tmp_path: Path) -> None:
    done = _python(
        f"""
        import json, os, sys
        sys.path[:0] = [{str(SCRIPTS)!r}]
        from pathlib import Path
        import synthetic_terms
        from glossdeck.build import forked
        from glossdeck.build import parallel_renders as term_renders
        from glossdeck.features import load_features
        from glossdeck.core.rubric import load_rubric
        from glossdeck.site.context import SiteContext
        from glossdeck.site.index_pages import generate_pages
        from glossdeck.site.layout import Layout
        from glossdeck.site.term_page import TermPageRenderer
        from glossdeck.core.checks import load_glossary

        synthetic_terms.write_terms(Path("terms"), 220)
        glossary, _ = load_glossary([Path("terms")])
        ctx = SiteContext(glossary=glossary, rubric=load_rubric(), layout=Layout.create("t", "https://e.org/", True),
                          features=load_features(["glossdeck.learning"]))
        forks = []
        real = forked.ForkedTask.__init__
        def counting(self, run):
            forks.append(os.getpid())
            real(self, run)
        forked.ForkedTask.__init__ = counting

        class Odd(TermPageRenderer):  # one term that cannot be rendered, in the child's half
            def render(self, slug, sections=()):
                if slug == "term-00200":
                    raise ValueError("odd term")
                return super().render(slug, sections)

        results = {{}}
        for parallel in (False, True):
            failures = []
            render = term_renders.render_on_two_cores if parallel else __import__("glossdeck.site.index_pages", fromlist=["x"]).render_one_by_one
            pages = generate_pages(ctx, Odd(ctx), with_home=True, failures=failures, render_terms=render)
            results[parallel] = ([(p.src_path, p.markdown) for p in pages], [f.format() for f in failures])
        print(json.dumps({{"same": results[False] == results[True], "forks": len(forks),
                          "failures": results[True][1], "pages": len(results[True][0])}}))
    """,
        tmp_path,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.splitlines()[-1])
    assert result["forks"] == 1 and result["same"]
    assert (
        len(result["failures"]) == 1
        and "term-00200.yml" in result["failures"][0]
        and "odd term" in result["failures"][0]
    )
    assert result["pages"] > 219


def test_a_build_renders_term_pages_on_two_cores(tmp_path: Path) -> None:
    """`mkdocs build` with the threshold lowered so a small site forks: every term page is built."""
    write_synthetic_project(tmp_path, 8, site_url="https://example.org/")
    done = _python(
        """
        import sys
        from glossdeck.build import parallel_renders as term_renders
        term_renders.PARALLEL_MIN_TERMS = 2
        from mkdocs.__main__ import cli
        sys.argv = ["mkdocs", "build", "--strict", "-q"]
        cli()
    """,
        tmp_path,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    for i in range(8):
        html = (tmp_path / "site" / "terms" / f"term-{i:05d}" / "index.html").read_text(encoding="utf-8")
        assert 'data-gd-block="tldr"' in html
