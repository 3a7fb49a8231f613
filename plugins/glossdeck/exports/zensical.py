"""`glossdeck export zensical OUT`: a Zensical project (OUT/zensical.toml and OUT/docs/) that
`zensical build` turns into the glossary site.

Zensical runs no MkDocs plugins, so everything the plugin adds while MkDocs builds is written out
here instead: the pages of every feature (the learning pages too: Zensical serves their scripts and
data files like any static file in docs/), the features' files (cards, badges, the learning data)
and glossdeck's assets (Mermaid and d3 included, so the site makes no request to another host).
zensical.toml lists the navigation, the stylesheets and scripts, and the Markdown extensions the
pages need. Links are built URLs ("dir" links): the learning widgets link in raw HTML, which no
generator rewrites.

What a Zensical site lacks compared with the MkDocs plugin: no JSON-LD and no oEmbed discovery
<link> in <head> (the plugin adds them after each page is rendered), no auto-linking of the site's
own pages (term pages are linked while they are rendered) and no reload when a term changes.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from ..core.problems import GlossdeckError
from ..features import GeneratedPage, lazy_string_groups, load_features
from ..i18n.script import browser_strings, script_sources
from ..site.index_pages import generate_pages
from .markdown import ASSETS, export_context, feature_files, write_pages

FORMAT = "zensical"
HELP = "a Zensical project in OUT (zensical.toml and docs/): then `zensical build`"
CONFIG_NAME = "zensical.toml"
DOCS_DIR = "docs"
ASSETS_URL = "assets/glossdeck"
OWN_STYLESHEETS = ("glossdeck.css", "axes.css")
OWN_SCRIPTS = ("glossdeck.js",)  # first: its Mermaid stand-in must be there before the theme draws


@dataclass
class ZensicalExport:
    pages: list[GeneratedPage]
    files: dict[str, bytes]
    nav: list[object]  # Zensical's (MkDocs') nav: {"Title": "page.md"} or {"Title": [...]}
    stylesheets: list[str] = field(default_factory=list)
    scripts: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    ok: bool = True
    language: str = "en"  # the theme's too: its own words (search, navigation) in the site's language


def build_export(
    terms: list[Path],
    *,
    site_name: str = "Glossary",
    site_url: str | None = None,
    url_prefix: str = "",
    rubric_path: str | None = None,
    categories: dict[str, str] | None = None,
    templates_dir: str | None = None,
    autolink: bool = True,
    feature_modules: tuple[str, ...] = (),
    disabled_features: tuple[str, ...] = (),
    nav_title: str | None = None,
    language: str | None = None,
) -> ZensicalExport:
    features = load_features(feature_modules, disabled_features)
    ctx, renderer, problems = export_context(
        terms,
        site_name=site_name,
        site_url=site_url,
        links="dir",
        url_prefix=url_prefix,
        rubric_path=rubric_path,
        categories=categories,
        templates_dir=templates_dir,
        autolink=autolink,
        features=features,
        language=language,
    )
    layout, _glossary = ctx.layout, ctx.glossary
    pages = generate_pages(ctx, renderer, with_home=True, with_features=False)
    by_src = {page.src_path: page for page in pages}

    def entry(src: str) -> dict[str, str] | None:
        page = by_src.get(src)
        return {page.title: src} if page is not None else None

    # the glossary's section, as the plugin's on_nav builds it: categories and indexes, never every term
    categories_section = [
        e for e in (entry(layout.categories_index), *(entry(layout.category(c)) for c in ctx.category_order)) if e
    ]
    categories_title = layout.site.messages("index.categories")
    glossary_nav: list[object] = [{categories_title: categories_section}] if categories_section else []
    glossary_nav += [e for e in (entry(layout.a_z), entry(layout.tags_index), entry(layout.debt)) if e]
    for feature in features:
        own = feature.pages(ctx.build)
        pages += own
        listed = [{p.title: p.src_path} for p in own if p.in_nav]
        t = layout.site.messages  # a feature's section title in the site's language, as the plugin writes it
        section = (
            t(f"nav.{feature.name}") if feature.nav_section and t.has(f"nav.{feature.name}") else feature.nav_section
        )
        if listed:
            glossary_nav += [{section: listed}] if section else listed
    nav: list[object] = [{"Home": layout.home}, {nav_title or layout.site.messages("nav.glossary"): glossary_nav}]

    files = feature_files(ctx, problems)
    for path in sorted(ASSETS.rglob("*")):  # everything the plugin serves, Mermaid and d3 included
        if path.is_file() and not path.name.startswith("."):
            files.setdefault(f"{ASSETS_URL}/{path.relative_to(ASSETS).as_posix()}", path.read_bytes())
    # the browser's strings: strings.js, and those only some pages' scripts use
    groups = lazy_string_groups(features, ctx.build.options)
    for name, script in browser_strings(layout.site.messages, script_sources(ASSETS), groups).items():
        files[f"{ASSETS_URL}/{name}"] = script.encode()
    stylesheets = [f"{ASSETS_URL}/{name}" for name in OWN_STYLESHEETS]
    scripts = [f"{ASSETS_URL}/{name}" for name in (*OWN_SCRIPTS, "strings.js")]
    for feature in features:
        if not feature.uses_assets(ctx.build.options):
            continue
        stylesheets += [
            f"{ASSETS_URL}/{path}" for path in feature.stylesheets() if f"{ASSETS_URL}/{path}" not in stylesheets
        ]
        scripts += [f"{ASSETS_URL}/{path}" for path in feature.scripts() if f"{ASSETS_URL}/{path}" not in scripts]
    lines = [p.format() for p in problems.sorted()]
    missing = [
        f"glossdeck: {ASSETS / path.removeprefix(ASSETS_URL + '/')} is missing, so the site cannot "
        f"load it: run `npm ci` (it copies the vendored libraries there)"
        for path in [*scripts, f"{ASSETS_URL}/vendor/mermaid/mermaid.esm.min.mjs"]
        if path not in files
    ]
    return ZensicalExport(
        pages,
        files,
        nav,
        stylesheets,
        scripts,
        lines + missing,
        not problems.errors and not missing,
        layout.site.messages.language,
    )


def _toml_string(value: str) -> str:
    # a JSON string is a valid TOML basic string (same escapes; \uXXXX for control characters)
    return json.dumps(value, ensure_ascii=False)


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return _toml_string(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{_toml_string(str(k))} = {_toml_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(f"no TOML form for {type(value).__name__}")


MARKDOWN_EXTENSIONS = """\
[project.markdown_extensions]
abbr = {}
admonition = {}
attr_list = {}
md_in_html = {}
tables = {}
toc.permalink = true
pymdownx.details = {}
pymdownx.highlight.anchor_linenums = true
pymdownx.inlinehilite = {}
# diagrams: ```mermaid fences become <pre class="mermaid">, which the theme draws with the Mermaid
# this site serves (glossdeck.js hands it over; the theme would otherwise fetch it from a CDN)
pymdownx.superfences.custom_fences = [
  { name = "mermaid", class = "mermaid", format = "pymdownx.superfences.fence_code_format" },
]
"""


def zensical_toml(export: ZensicalExport, *, site_name: str, site_url: str | None) -> str:
    lines = [
        "# Written by `glossdeck export zensical`; run it again after editing terms (it rewrites this file).",
        "[project]",
        f"site_name = {_toml_string(site_name)}",
        *([f"site_url = {_toml_string(site_url)}"] if site_url else []),
        f"docs_dir = {_toml_string(DOCS_DIR)}",
        'site_dir = "site"',
        "use_directory_urls = true",
        "nav = [",
        *(f"  {_toml_value(item)}," for item in export.nav),
        "]",
        f"extra_css = {_toml_value(export.stylesheets)}",
        "extra_javascript = [",
        *(f"  {_toml_string(script)}," for script in export.scripts),
        "]",
        "",
        "[project.theme]",
        f"language = {_toml_string(export.language)}",
        "font = false  # no Google Fonts: the site makes no request to another host",
        'features = ["navigation.sections", "navigation.top", "content.code.copy"]',
        "",
        MARKDOWN_EXTENSIONS,
    ]
    return "\n".join(lines)


def write_export(export: ZensicalExport, out: Path, *, site_name: str, site_url: str | None) -> None:
    write_pages(export.pages, out / DOCS_DIR, export.files)
    (out / CONFIG_NAME).write_text(zensical_toml(export, site_name=site_name, site_url=site_url), encoding="utf-8")


def _run(args: argparse.Namespace) -> int:
    out = Path(args.out)
    try:
        export = build_export(
            [Path(p) for p in args.terms],
            site_name=args.site_name,
            site_url=args.site_url,
            url_prefix=args.url_prefix,
            rubric_path=args.rubric,
            templates_dir=args.templates_dir,
            autolink=not args.no_autolink,
            feature_modules=tuple(args.features),
            disabled_features=tuple(args.disabled_features),
            language=args.language,
        )
    except GlossdeckError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    for line in export.problems:
        print(line, file=sys.stderr)
    write_export(export, out, site_name=args.site_name, site_url=args.site_url)
    print(
        f"{len(export.pages)} page(s) and {len(export.files)} other file(s) written to {out / DOCS_DIR}, "
        f"and {out / CONFIG_NAME}; build it with: cd {out} && zensical build"
    )
    return 0 if export.ok or not args.strict else 1


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("out", metavar="OUT", help="folder of the Zensical project (created if missing)")
    parser.add_argument("--terms", nargs="+", default=["terms"], help="term files or folders (default: terms/)")
    parser.add_argument("--site-name", default="Glossary")
    parser.add_argument("--site-url", default=None, help="the address the site is published at (cards need it)")
    parser.add_argument("--url-prefix", default="", help="folder the pages go under, e.g. glossary")
    parser.add_argument("--rubric", default=None, help="a DEBT rubric YAML file replacing the shipped one")
    parser.add_argument("--templates-dir", default=None, help="folder with a term_page.md.j2 override")
    parser.add_argument("--no-autolink", action="store_true", help="do not link term names in prose")
    parser.add_argument("--language", default=None, help="language of the interface strings, e.g. de, zh, ur")
    parser.add_argument(
        "--features",
        nargs="*",
        default=[],
        metavar="MODULE",
        help="extra feature modules to import (as the plugin's `features` option)",
    )
    parser.add_argument(
        "--disabled-features", nargs="*", default=[], metavar="NAME", help="features to leave out, e.g. embeds"
    )
    parser.add_argument("--strict", action="store_true", help="exit 1 when a term has errors")
    parser.set_defaults(run=_run)
