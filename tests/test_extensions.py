"""Features plug into the site, a site overrides the term page template, and export-markdown."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from conftest import run_cli

PROBE = '''
from glossdeck.features import Feature, GeneratedPage, TermSection, register


class Probe(Feature):
    name = "probe"

    def pages(self, build):
        return [GeneratedPage("learn/probe.md", "Probe", f"# Probe\\n\\n{len(build.glossary)} terms, e.g. SQL injection.\\n")]

    def term_sections(self, build, slug):
        return [TermSection("after-header", f'<div class="probe-after-header">{slug}</div>'),
                TermSection("after-content", '<div class="probe-after-content">x</div>'),
                TermSection("end", '<div class="probe-end">x</div>')]

    def head(self, build, slug):
        return '<meta name="probe" content="%s">' % (slug or "every-page")

    def iter_files(self, build):
        return {"probe/data.json": b'{"terms": %d}' % len(build.glossary)}.items()

    def scripts(self):
        return ["probe-missing.js"]


register(Probe())
'''


@pytest.fixture
def probe_module(tmp_path: Path):  # type: ignore[no-untyped-def]
    from glossdeck.features import FEATURES
    folder = tmp_path / "mods"
    folder.mkdir()
    (folder / "gd_probe_feature.py").write_text(PROBE)
    sys.path.insert(0, str(folder))
    before = list(FEATURES)
    yield "gd_probe_feature"
    FEATURES[:] = before
    sys.path.remove(str(folder))
    sys.modules.pop("gd_probe_feature", None)


def test_every_feature_hook_is_called(site_builder, probe_module: str) -> None:  # type: ignore[no-untyped-def]
    built = site_builder(glossdeck=f"features: [{probe_module}]\n", strict=False)
    assert built.ok, built.error
    assert any("probe-missing.js" in m for m in built.warnings())  # a missing asset is reported
    term = built.page("terms/immutable-infrastructure/")
    header, debt, aliases = (term.index(s) for s in ('probe-after-header', 'data-gd-block="debt"',
                                                     'data-gd-block="aliases"'))
    assert debt < header < aliases
    assert term.index('data-gd-block="dates"') < term.index("probe-after-content") < term.index('data-gd-block="dev-intel"')
    assert term.index('data-gd-block="sources"') < term.index("probe-end")
    head = term[:term.index("</head>")]
    assert re.search(r'<meta (name="probe" )?content="immutable-infrastructure"', head)
    assert re.search(r'<meta (name="probe" )?content="every-page"', built.page("a-z/"))
    assert 'src="../../assets/glossdeck/probe-missing.js"' in term
    probe = built.page("learn/probe/")
    assert "3 terms" in probe and 'class="gd-autolink"' in probe
    assert (built.site_dir / "probe/data.json").read_text() == '{"terms": 3}'
    assert "Probe" in built.page("")[:built.page("").index("md-sidebar--secondary")]  # in the glossary nav


def test_a_site_overrides_the_term_page_template(site_builder) -> None:  # type: ignore[no-untyped-def]
    override = ('{% extends "glossdeck/term_page.md.j2" %}\n'
                '{% block tldr %}\n<p class="my-tldr">In short: {{ tldr }}</p>\n\n{% endblock %}\n')
    built = site_builder(glossdeck="templates_dir: overrides\n",
                         files={"overrides/term_page.md.j2": override})
    assert built.ok, (built.error, built.warnings())
    html = built.page("terms/immutable-infrastructure/")
    assert '<p class="my-tldr">In short: <p>Servers are never modified' in html
    assert 'data-gd-block="tldr"' not in html and 'data-gd-block="explanation"' in html


def test_export_markdown_writes_the_same_pages_with_working_links(tmp_path: Path) -> None:
    from conftest import default_terms
    terms = tmp_path / "terms"
    terms.mkdir()
    for name, text in default_terms().items():
        (terms / name).write_text(text)
    result = run_cli("export-markdown", "out", "--terms", "terms", "--site-name", "Test", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = tmp_path / "out"
    for path in ("index.md", "terms/immutable-infrastructure.md", "categories/devops.md", "a-z.md",
                 "tags/index.md", "debt.md", "assets/glossdeck/glossdeck.css"):
        assert (out / path).is_file(), path
    page = (out / "terms/blue-green-deployment.md").read_text()
    assert page.startswith("---\ntitle: \"Blue-Green Deployment\"")
    assert "```mermaid\nflowchart LR\n  R[Router] -->|live| B[Blue]" in page  # a standard fence
    assert '<a class="gd-autolink" href="immutable-infrastructure.md"' in page
    for md in out.rglob("*.md"):
        for href in re.findall(r'href="([^"#]+)(?:#[^"]*)?"', md.read_text()):
            if "://" not in href:
                assert (md.parent / href).resolve().is_file(), (md, href)


def test_export_markdown_with_built_urls(tmp_path: Path) -> None:
    from conftest import default_terms
    (tmp_path / "terms").mkdir()
    for name, text in default_terms().items():
        (tmp_path / "terms" / name).write_text(text)
    result = run_cli("export-markdown", "out", "--links", "html", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "out/terms/sql-injection.md").read_text()
    assert 'href="../debt.html#axis-d"' in page and 'href="blue-green-deployment.html"' in page


def test_a_broken_template_override_fails_the_build_with_a_clear_message(site_builder) -> None:  # type: ignore[no-untyped-def]
    built = site_builder(glossdeck="templates_dir: overrides\n",
                         files={"overrides/term_page.md.j2": "{{ no_such_variable }}\n"})
    assert not built.ok and any("term page template is broken" in m for m in built.warnings())


def test_serve_watches_the_terms_folder(tmp_path: Path) -> None:
    """`mkdocs serve` rebuilds when a term file changes: the plugin asks the server to watch terms/."""
    from mkdocs.config import load_config

    from conftest import build_site
    built = build_site(tmp_path / "s", glossdeck="templates_dir: overrides\n",
                       files={"overrides/term_page.md.j2": '{% extends "glossdeck/term_page.md.j2" %}\n'})
    assert built.ok, (built.error, built.warnings())
    config = load_config(config_file=str(built.root / "mkdocs.yml"))
    plugin = config.plugins["glossdeck"]
    plugin.on_config(config)

    class Server:
        watched: list[str] = []

        def watch(self, path: str) -> None:
            self.watched.append(path)

    server = Server()
    plugin.on_serve(server, config=config, builder=None)
    assert str((built.root / "terms").resolve()) in server.watched
    assert str(built.root / "overrides") in server.watched
