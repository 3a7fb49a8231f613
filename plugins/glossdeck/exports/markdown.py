"""`glossdeck export-markdown OUT`: the site's pages as plain Markdown files, for site generators
that do not run MkDocs plugins.

The pages are the very ones the MkDocs plugin renders (same templates, same escaping); two things
differ because no plugin runs afterwards: links point at the .md files (or at built URLs with
--links dir/html), and auto-linking is applied while rendering each term's prose. Diagrams are
standard ```mermaid fences.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path
from typing import Any

from ..core.checks import load_glossary
from ..core.problems import GlossdeckError, ProblemList
from ..core.rubric import load_rubric
from ..features import Feature, GeneratedPage, load_features
from ..i18n.catalog import load_messages
from ..site.badges import axes_css
from ..site.context import SiteContext
from ..site.index_pages import generate_pages
from ..site.layout import Layout
from ..site.term_page import TermPageRenderer

ASSETS = Path(__file__).parent.parent / "assets"

FORMAT = "markdown"
HELP = "the site's pages as plain Markdown files in OUT"


def export_context(
    terms: list[Path],
    *,
    site_name: str = "Glossary",
    site_url: str | None = None,
    links: str = "md",
    url_prefix: str = "",
    rubric_path: str | None = None,
    categories: dict[str, str] | None = None,
    templates_dir: str | None = None,
    autolink: bool = True,
    features: list[Feature] | None = None,
    language: str | None = None,
) -> tuple[SiteContext, TermPageRenderer, ProblemList]:
    """The loaded glossary (terms with errors left out, as on the site), its context and the term
    page renderer. `features`: those whose pages the export carries (default: the ones that work
    as plain Markdown, `in_markdown_export`)."""
    rubric = load_rubric(rubric_path)
    registered = load_features()
    glossary, problems = load_glossary(terms, rubric, checks=[f.check for f in registered])
    layout = Layout.create(
        site_name,
        site_url,
        links != "html",
        url_prefix,
        link_style="md" if links == "md" else "site",
        category_titles=categories,
        messages=load_messages(language),  # the interface strings in that language (English by default)
    )
    chosen = [f for f in registered if f.in_markdown_export] if features is None else features
    ctx = SiteContext(
        glossary=glossary,
        rubric=rubric,
        layout=layout,
        category_titles=categories or {},
        features=chosen,
        mermaid_raw_html_fence=False,
    )
    seen: dict[str, set[str]] = {}

    def link_terms(html: str, slug: str) -> str:
        src = layout.term(slug)
        return ctx.autolinker.link_html(
            html,
            lambda target: layout.href(src, layout.term(target)) if target in glossary else None,
            self_slug=slug,
            seen=seen.setdefault(slug, set()),
            title_for=lambda target: glossary.term(target).title,
        )

    renderer = TermPageRenderer(
        ctx, [templates_dir] if templates_dir else [], html_hook=link_terms if autolink else None
    )
    return ctx, renderer, problems


def feature_files(ctx: SiteContext, problems: ProblemList) -> dict[str, bytes]:
    """Features' static files by path (e.g. term cards) and the assets their pages load; their
    problems go into `problems`."""
    files: dict[str, bytes] = {}
    for feature in ctx.features:
        problems.extend(feature.problems(ctx.build))
        files.update(feature.files(ctx.build))
        assets = [*feature.scripts(), *feature.stylesheets()] if feature.uses_assets(ctx.build.options) else []
        for asset in assets:  # only those its pages load with these options (no stats: no stats script)
            if (ASSETS / asset).is_file():
                files[f"assets/glossdeck/{asset}"] = (ASSETS / asset).read_bytes()
    return files


def export_pages(
    terms: list[Path],
    *,
    site_name: str = "Glossary",
    site_url: str | None = None,
    links: str = "md",
    url_prefix: str = "",
    rubric_path: str | None = None,
    categories: dict[str, str] | None = None,
    templates_dir: str | None = None,
    autolink: bool = True,
    language: str | None = None,
) -> tuple[list[GeneratedPage], dict[str, bytes], list[str], bool]:
    """(pages, features' static files by path, problem lines, ok). Terms with errors are left out,
    as on the site; the files (e.g. term cards) are what the plugin writes beside the built site."""
    ctx, renderer, problems = export_context(
        terms,
        site_name=site_name,
        site_url=site_url,
        links=links,
        url_prefix=url_prefix,
        rubric_path=rubric_path,
        categories=categories,
        templates_dir=templates_dir,
        autolink=autolink,
        language=language,
    )
    pages = generate_pages(ctx, renderer, with_home=True)
    files = feature_files(ctx, problems)
    lines = [p.format() for p in problems.sorted()]
    return pages, files, lines, not problems.errors


def write_pages(pages: list[GeneratedPage], out: Path, files: dict[str, bytes] | None = None) -> None:
    for page in pages:
        target = out / page.src_path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.markdown, encoding="utf-8")
    root = out.resolve()
    for rel, data in (files or {}).items():
        target = (out / rel).resolve()
        if root not in target.parents:  # a feature may only write inside OUT
            print(f"glossdeck: a feature tried to write outside {out}: {rel}", file=sys.stderr)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    styles = out / "assets" / "glossdeck"
    styles.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ASSETS / "glossdeck.css", styles / "glossdeck.css")
    (styles / "axes.css").write_text(axes_css(), encoding="utf-8")


def _run(args: argparse.Namespace) -> int:
    out = Path(args.out)
    try:
        pages, files, lines, ok = export_pages(
            [Path(p) for p in args.terms],
            site_name=args.site_name,
            site_url=args.site_url,
            links=args.links,
            url_prefix=args.url_prefix,
            rubric_path=args.rubric,
            autolink=not args.no_autolink,
            templates_dir=args.templates_dir,
            language=args.language,
        )
    except GlossdeckError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    for line in lines:
        print(line, file=sys.stderr)
    write_pages(pages, out, files)
    print(f"{len(pages)} page(s) and {len(files)} other file(s) written to {out}")
    return 0 if ok or not args.strict else 1


def register(sub: argparse._SubParsersAction[Any]) -> None:
    add_arguments(
        sub.add_parser(
            "export-markdown",
            help="write the site's pages as plain Markdown files into OUT (the same as `export markdown`)",
        )
    )


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("out", metavar="OUT", help="folder to write into (created if missing)")
    parser.add_argument("--terms", nargs="+", default=["terms"], help="term files or folders (default: terms/)")
    parser.add_argument("--site-name", default="Glossary")
    parser.add_argument("--site-url", default=None, help="absolute base URL, for structured data")
    parser.add_argument(
        "--links",
        choices=("md", "dir", "html"),
        default="md",
        help="link to .md files (default), to folder URLs (x/) or to .html pages",
    )
    parser.add_argument("--url-prefix", default="", help="folder the pages go under, e.g. glossary")
    parser.add_argument("--rubric", default=None, help="a DEBT rubric YAML file replacing the shipped one")
    parser.add_argument("--templates-dir", default=None, help="folder with a term_page.md.j2 override")
    parser.add_argument("--no-autolink", action="store_true", help="do not link term names in prose")
    parser.add_argument("--language", default=None, help="language of the interface strings, e.g. de, zh, ur")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a term has errors")
    parser.set_defaults(run=_run)
