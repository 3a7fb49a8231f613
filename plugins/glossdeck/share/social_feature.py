"""Link previews as a glossdeck feature ("social"): a 1200x630 PNG per term and one for the site,
and the Open Graph / Twitter <meta> on every term page and the home page.

The images are drawn only with a site_url: previews need absolute image URLs, and drawing costs
about 28 ms of CPU per term (60 ms without svg2png-py, see png.py). So they are kept on disk in the
plugin's `cache_dir` by the SVG they come from (png_cache.py): the next build draws only the terms
that changed. Those still to draw are
`file_jobs`: a one-off build shares them between its two processes (build/job_pool.py) and the
files are then read from the cache. Under `mkdocs serve` each image is also kept in the memo by its
term file's content, so a rebuild does not even read the others.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from functools import partial
from urllib.parse import urlsplit

from ..core.problems import Problem, Severity
from ..embeds.feature import view_of
from ..features import Build, Feature
from ..reuse import reuse
from ..text.plain_text import markdown_to_plain, one_line
from .llms_txt import summary
from .output_paths import HOME_CARD_PATH, social_card_path
from .png_cache import cached_png, draw_into_cache, prune
from .social_card import site_social_svg, term_social_svg
from .social_meta import SharedPage, social_meta


def _cache(build: Build) -> str | None:
    return os.path.join(build.cache_dir, "social") if build.cache_dir else None


def _used(build: Build) -> set[str]:
    """The cached files this build asked for (what a one-off build keeps)."""
    return build.once("social.used", set)


def term_card_svg(build: Build, slug: str) -> str:
    # the embeds' card view: the site's language, category titles, term links' titles
    return term_social_svg(view_of(build, slug))


def term_card_png(build: Build, slug: str) -> bytes:
    # keyed by the embeds' card view: the site's language, category titles, link titles
    return build.term_value(
        "social.cards",
        slug,
        lambda: view_of(build, slug),
        lambda: cached_png(_cache(build), term_social_svg(view_of(build, slug)), _used(build)),
    )


def _site_card_parts(build: Build) -> tuple[str, str, str, str]:
    site, t = build.site, build.site.messages
    host = urlsplit(site.site_url).netloc + urlsplit(site.site_url).path.rstrip("/") if site.site_url else ""
    kicker = f"{t('nav.glossary')} · {t.count('count.terms', len(build.glossary))}".upper()
    return (
        one_line(site.site_name) or t("nav.glossary"),
        summary(build.glossary, site, build.site_description),
        kicker,
        host,
    )


def site_card_svg(build: Build) -> str:
    return site_social_svg(*_site_card_parts(build))


def site_card_png(build: Build) -> bytes:
    parts = _site_card_parts(build)
    return reuse(
        build.memo,
        "social.cards",
        HOME_CARD_PATH,
        parts,
        lambda: cached_png(_cache(build), site_social_svg(*parts), _used(build)),
    )


def _draw(folder: str, svg: Callable[[], str]) -> bool:
    return draw_into_cache(folder, svg())


class SocialCardsFeature(Feature):
    name = "social"
    # an export has no <head> of glossdeck's to name the images in: they would only cost time
    in_markdown_export = False

    def iter_files(self, build: Build) -> Iterator[tuple[str, bytes]]:
        if not build.site.site_url:
            return
        for slug in build.glossary.entries:
            yield social_card_path(slug), term_card_png(build, slug)
        yield HOME_CARD_PATH, site_card_png(build)
        if build.memo is None:  # every image was asked for: the others belong to no term any more
            prune(_cache(build), _used(build))

    def file_jobs(self, build: Build) -> list[Callable[[], bool]]:
        """Each image drawn into the cache folder by whichever process of the build is free;
        iter_files then reads them there (an image found there costs nothing)."""
        folder = _cache(build)
        if not build.site.site_url or folder is None:
            return []
        jobs = [partial(_draw, folder, partial(term_card_svg, build, slug)) for slug in build.glossary.entries]
        return [*jobs, partial(_draw, folder, partial(site_card_svg, build))]

    def head(self, build: Build, slug: str | None) -> str:
        if slug is None or slug not in build.glossary:
            return ""
        entry, site = build.glossary.entries[slug], build.site

        def meta() -> str:
            term = entry.term
            tldr = markdown_to_plain(term.tldr)
            page = SharedPage(
                title=term.title,
                description=tldr,
                site_name=site.site_name,
                kind="article",
                url=site.absolute(site.term_url(slug)),
                image=site.absolute(social_card_path(slug)),
                image_alt=f"{one_line(term.title)}: {tldr}",
            )
            return str(social_meta(page))

        return reuse(build.memo, "social.head", slug, (entry.digest, site), meta)

    def home_head(self, build: Build) -> str:
        site = build.site
        name, description, _, _ = _site_card_parts(build)
        page = SharedPage(
            title=name,
            description=description,
            site_name=name,
            kind="website",
            url=site.absolute(""),
            image=site.absolute(HOME_CARD_PATH),
            image_alt=f"{name}: {description}",
        )
        return str(social_meta(page))

    def problems(self, build: Build) -> list[Problem]:
        if build.site.site_url or not len(build.glossary):
            return []
        return [
            Problem(
                "mkdocs.yml",
                1,
                1,
                "site_url",
                "site_url is not set, so link previews (Slack, Teams, Discord, ...) show no image: set site_url "
                "to the address the site is published at, or disabled_features: [social]",
                Severity.WARNING,
            )
        ]


SOCIAL = SocialCardsFeature()
