"""What the exchange formats (SKOS, TBX) share: the glossary loaded from the command line, each
term's URI, and the one command-line shape `glossdeck export FORMAT OUT`."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from pathlib import Path

from ..core.checks import load_glossary
from ..core.glossary import Glossary
from ..core.problems import GlossdeckError
from ..core.rubric import load_rubric
from ..site.layout import Layout, SiteInfo
from ..text.escape import iri

# Without a site_url, identifiers still have to be absolute IRIs: a URN named after the site
FALLBACK_SCHEME = "urn:glossdeck:"
_NOT_URN = re.compile(r"[^a-z0-9-]+")
LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$")  # BCP 47's shape (xml:lang, RDF)


def site_base(site: SiteInfo) -> str:
    if site.site_url:
        return iri(site.site_url)
    return FALLBACK_SCHEME + (_NOT_URN.sub("-", site.site_name.lower()).strip("-") or "glossary") + ":"


def term_uri(site: SiteInfo, slug: str) -> str:
    """The term's identifier: its page's absolute URL, or a URN without a site_url."""
    absolute = site.absolute(site.term_url(slug))
    return iri(absolute) if absolute is not None else f"{site_base(site)}term:{slug}"


def scheme_uri(site: SiteInfo) -> str:
    """The glossary as a whole: the site's root URL, or a URN."""
    return site_base(site) if site.site_url else site_base(site) + "glossary"


Writer = Callable[[Glossary, SiteInfo, str, Path], bytes]


def add_arguments(parser: argparse.ArgumentParser, write: Writer, what: str) -> None:
    parser.add_argument("out", metavar="OUT", help=f"the file to write ({what})")
    parser.add_argument("--terms", nargs="+", default=["terms"], help="term files or folders (default: terms/)")
    parser.add_argument("--site-name", default="Glossary")
    parser.add_argument(
        "--site-url", default=None, help="the address the site is published at: terms are identified by their URLs"
    )
    parser.add_argument("--url-prefix", default="", help="folder the term pages are under on the site, e.g. glossary")
    parser.add_argument("--no-directory-urls", action="store_true", help="the site uses .html page URLs")
    parser.add_argument("--lang", default="en", help="language of the terms (a BCP 47 tag, default: en)")
    parser.add_argument("--rubric", default=None, help="a DEBT rubric YAML file replacing the shipped one")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a term has errors")

    def run(args: argparse.Namespace) -> int:
        out = Path(args.out)
        if not LANGUAGE_TAG.match(args.lang):
            print(f"glossdeck: --lang {args.lang!r} is not a language tag such as en, de or pt-BR", file=sys.stderr)
            return 2
        try:
            glossary, problems = load_glossary([Path(p) for p in args.terms], load_rubric(args.rubric))
        except GlossdeckError as exc:
            print(str(exc), file=sys.stderr)
            return 1
        for problem in problems.sorted():
            print(problem.format(), file=sys.stderr)
        site = Layout.create(args.site_name, args.site_url, not args.no_directory_urls, args.url_prefix).site
        if not args.site_url:
            print(
                f"glossdeck: --site-url is not set, so terms are identified by URNs ({site_base(site)}...), "
                "not by the URLs of their pages",
                file=sys.stderr,
            )
        try:
            data = write(glossary, site, args.lang, out)
        except ValueError as exc:
            print(f"glossdeck: {exc}", file=sys.stderr)
            return 2
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(data)
        print(f"{len(glossary)} term(s) written to {out}")
        return 1 if args.strict and problems.errors else 0

    parser.set_defaults(run=run)
