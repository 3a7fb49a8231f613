"""The starter glossary plus a hostile term, built with a site_url: the site the card tests check
file by file and the browser test embeds into a "wiki" on another origin."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .sites import BuiltSite, build_site
from .terms import repository_terms

SITE_NAME = "Team Glossary"
HOSTILE_SLUG = "hostile-text"
HOSTILE_TITLE = '<script>window.__pwned=1</script> "Q" & ]]> <img src=x onerror=window.__pwned=2> שלום 🎉'
HOSTILE_TERM: dict[str, Any] = {
    "title": HOSTILE_TITLE,
    "category": "security",
    "level": "advanced",
    "tldr": "Text with </p><script>window.__pwned=3</script> & 'quotes' \"too\", ]]> and مرحبا 👩‍💻 shows as text.",
    "misconception": {"belief": "<b>Markup</b> in YAML runs.", "correction": "It is `text`: &amp; stays &amp;."},
    "debt": {
        "score": "debt(d2/e0/b3/t8)",
        "rationale": {"d": "<script>alert(1)</script>", "e": "Does not apply.", "b": "Small.", "t": "A trap."},
    },
    "edited": "2026-04-01",
}


def build_cards_site(root: Path, site_url: str) -> BuiltSite:
    """Strict; the caller checks `ok` (and the warnings) so a failure shows MkDocs' log."""
    return build_site(
        root,
        terms={**repository_terms(), HOSTILE_SLUG: HOSTILE_TERM},
        site_name=SITE_NAME,
        site_url=site_url,
        docs={"index.md": "# Team glossary\n\nOur words.\n"},
    )


def term_slugs(site: BuiltSite) -> list[str]:
    return sorted(p.stem for p in (site.root / "terms").glob("*.yml"))
