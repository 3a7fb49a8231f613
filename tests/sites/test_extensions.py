"""Features plug into the site, and a site overrides the term page template."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.feature_modules import feature_module

PROBE = """
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
"""


@pytest.fixture
def probe_module(tmp_path: Path) -> Iterator[str]:
    with feature_module(tmp_path / "mods", "gd_probe_feature", PROBE) as name:
        yield name


def test_every_feature_hook_is_called(site_builder, probe_module: str) -> None:  # type: ignore[no-untyped-def]
    built = site_builder(glossdeck=f"features: [{probe_module}]\n", strict=False)
    assert built.ok, built.error
    assert any("probe-missing.js" in m for m in built.warnings())  # a missing asset is reported
    term = built.page("terms/immutable-infrastructure/")
    header, debt, aliases = (
        term.index(s) for s in ("probe-after-header", 'data-gd-block="debt"', 'data-gd-block="aliases"')
    )
    assert debt < header < aliases
    assert (
        term.index('data-gd-block="dates"')
        < term.index("probe-after-content")
        < term.index('data-gd-block="dev-intel"')
    )
    assert term.index('data-gd-block="sources"') < term.index("probe-end")
    head = term[: term.index("</head>")]
    assert re.search(r'<meta (name="probe" )?content="immutable-infrastructure"', head)
    assert re.search(r'<meta (name="probe" )?content="every-page"', built.page("a-z/"))
    assert 'src="../../assets/glossdeck/probe-missing.js"' in term
    probe = built.page("learn/probe/")
    assert "3 terms" in probe and 'class="gd-autolink"' in probe
    assert (built.site_dir / "probe/data.json").read_text() == '{"terms": 3}'
    assert "Probe" in built.page("")[: built.page("").index("md-sidebar--secondary")]  # in the glossary nav


def test_a_site_overrides_the_term_page_template(site_builder) -> None:  # type: ignore[no-untyped-def]
    override = (
        '{% extends "glossdeck/term_page.md.j2" %}\n'
        '{% block tldr %}\n<p class="my-tldr">In short: {{ tldr }}</p>\n\n{% endblock %}\n'
    )
    built = site_builder(glossdeck="templates_dir: overrides\n", files={"overrides/term_page.md.j2": override})
    assert built.ok, (built.error, built.warnings())
    html = built.page("terms/immutable-infrastructure/")
    assert '<p class="my-tldr">In short: <p>Servers are never modified' in html
    assert 'data-gd-block="tldr"' not in html and 'data-gd-block="explanation"' in html


def test_a_broken_template_override_fails_the_build_with_a_clear_message(site_builder) -> None:  # type: ignore[no-untyped-def]
    built = site_builder(
        glossdeck="templates_dir: overrides\n", files={"overrides/term_page.md.j2": "{{ no_such_variable }}\n"}
    )
    assert not built.ok and any("term page template is broken" in m for m in built.warnings())
