"""The `glossdeck` MkDocs plugin's options (mkdocs.yml: `plugins: - glossdeck: {...}`)."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class GlossdeckConfig(base.Config):
    terms_dir = c.Type(str, default="terms")
    """Folder of term files (one YAML file per concept), relative to mkdocs.yml."""

    url_prefix = c.Type(str, default="")
    """Folder the generated pages live under, e.g. "glossary" (default: the site root)."""

    categories = c.DictOfItems(c.Type(str), default={})
    """Category slug -> title (any script), in the order categories are listed; others follow
    alphabetically."""

    tags = c.DictOfItems(c.Type(str), default={})
    """Tag slug -> title (any script), e.g. `container: 容器`; a tag without one shows its slug."""

    language = c.Optional(c.Type(str))
    """Language of glossdeck's interface strings, e.g. "de", "zh", "ur" (default: the theme's
    `language`, as Material's own labels; English where glossdeck ships no catalog)."""

    strings = c.Type(dict, default={})
    """The site's own wording for any interface string, by key: `{term.tldr: "In short"}`; a counted
    string takes plural forms, `{count.terms: {one: "{count} entry", other: "{count} entries"}}`.
    Keys: plugins/glossdeck/i18n/catalogs/en.yml."""

    autolink = c.Type(bool, default=True)
    """Turn mentions of term titles and aliases into links, in term pages and in docs/ pages."""

    autolink_exclude_pages = c.ListOfItems(c.Type(str), default=[])
    """Glob patterns of page source paths never auto-linked, e.g. "contributing.md", "blog/*"."""

    autolink_exclude_terms = c.ListOfItems(c.Type(str), default=[])
    """Slugs of terms never auto-linked (for names that are also everyday words)."""

    rubric = c.Optional(c.Type(str))
    """A DEBT rubric YAML file replacing the shipped one, relative to mkdocs.yml."""

    templates_dir = c.Optional(c.Type(str))
    """Folder with a `term_page.md.j2` overriding the term page (relative to mkdocs.yml). A theme
    `custom_dir` with a `glossdeck/` folder is looked in too."""

    home = c.Type(bool, default=True)
    """Append "browse by category" and "recently added / updated" to the home page (docs/index.md;
    a home page is generated when there is none)."""

    nav = c.Type(bool, default=True)
    """Add a navigation section for the glossary (categories and indexes, never every term), unless
    the site's own `nav` already lists a glossary page."""

    nav_title = c.Optional(c.Type(str))
    """Title of that navigation section (default: "Glossary" in the site's language, `nav.glossary`)."""

    recent_days = c.Type(int, default=7)
    """A term added or edited this many days before the build date gets an "added"/"updated" mark."""

    recent_count = c.Type(int, default=10)
    """How many terms the home page lists as recently added and recently updated."""

    features = c.ListOfItems(c.Type(str), default=[])
    """Extra modules to import so their features register (installed ones register through the
    `glossdeck.features` entry point group)."""

    disabled_features = c.ListOfItems(c.Type(str), default=[])
    """Names of registered features to leave out of this site."""

    serve_watcher = c.Choice(("native", "polling"), default="native")
    """How `mkdocs serve` notices a saved file: "native", the operating system's change events (a save
    starts the rebuild at once), or "polling", MkDocs' own look every half second, for Docker volumes
    and network folders, which send no events."""

    stats = c.Optional(c.Type(str))
    """The stats database `glossdeck stats ingest` fills (relative to mkdocs.yml), e.g.
    ".glossdeck/stats.sqlite": term pages get Views and the AI Guestbook, and the site a "Readers and
    crawlers" page. Unset: none of these."""

    stats_today = c.Optional(c.Type(str))
    """The day (YYYY-MM-DD, UTC) the stats count "today" and "the last 30 days" to; default: the build
    date (SOURCE_DATE_EPOCH when set)."""

    ratings_endpoint = c.Optional(c.Type(str))
    """Where the Rate this term widget posts, e.g. "https://example.org/api/ratings/" (the
    `glossdeck api` service; the term's slug is appended). Unset: no widget."""

    ratings_database_url = c.Optional(c.Type(str))
    """The ratings service's PostgreSQL database, read at build time for each term's average (default:
    the `stats` database). Prefer the environment: !ENV GLOSSDECK_RATINGS_DATABASE_URL."""
    cache_dir = c.Type(str, default=".cache/glossdeck")
    """Folder (relative to mkdocs.yml) where costly files are kept between builds, named by their
    content: the link-preview PNGs. "" keeps nothing, so every build draws them again."""
