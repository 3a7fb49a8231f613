"""The benchmark's floor: the glossary an author would write by hand without glossdeck (issue 13).

For each term file it writes one simple Markdown page, `docs/terms/<slug>.md`, with what the term
says and nothing a generator adds: the title, aliases, the DEBT string and its rationales, the TL;DR,
the explanation, the diagram as a Mermaid fence, the misconception as an admonition, the mistakes as
a list, the code examples as fenced blocks and the related terms as links. A home page and one page
per category (linking its terms) give the site the navigation shape of the glossdeck site: home,
hand-written pages, then a Glossary section of categories, never every term.

The pages are written from the parsed terms (glossdeck's own loader), so both sites show the same
text; building them is plain MkDocs + Material, which scripts/bench.py sets up.
"""

from __future__ import annotations

import json
import re
import shutil
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from glossdeck.core.debt import AXIS_BY_LETTER, AXIS_LETTERS
from glossdeck.core.loading import LoadedTerm, find_term_files, read_term_file
from glossdeck.core.model import Term

# Where the glossdeck site's mermaid2 configuration points (its own vendored copy of Mermaid): the
# floor serves the same file at the same address, so neither site fetches anything from a CDN.
MERMAID_JS = "assets/glossdeck/vendor/mermaid/mermaid.esm.min.mjs"
MERMAID_SOURCE = Path(__file__).resolve().parents[1] / "plugins" / "glossdeck" / "assets" / "vendor" / "mermaid"


@dataclass(frozen=True)
class FloorSite:
    """What write_floor_docs wrote: enough for the caller's mkdocs.yml."""

    nav: str  # a `nav:` block
    term_pages: int


def category_title(slug: str) -> str:
    """The display name glossdeck gives a category that its config does not name."""
    return slug.replace("-", " ").title()


def _link_text(title: str) -> str:
    return title.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")


def _fence(body: str, info: str) -> str:
    """A fenced block whose fence is longer than any run of backticks inside it."""
    longest = max((len(run) for run in re.findall(r"`+", body)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{info}\n{body.rstrip()}\n{fence}"


def _indent(text: str, spaces: int = 4) -> str:
    pad = " " * spaces
    return "\n".join(pad + line if line.strip() else "" for line in text.strip().splitlines())


def term_page(term: Term, titles: dict[str, str]) -> str:
    """One term as an author would write it in Markdown; `titles` maps slugs to titles for links."""
    parts = [f"# {term.title}"]
    if term.aliases:
        parts.append("*Also known as:* " + ", ".join(term.aliases))
    if term.debt is not None:
        debt = term.debt
        lines = [f"**DEBT profile:** `{debt.string}`", ""]
        for letter in AXIS_LETTERS:
            axis = debt.axis(letter)
            rationale = f" {axis.rationale.strip()}" if axis.rationale else ""
            lines.append(f"- **{AXIS_BY_LETTER[letter].name} ({letter}{axis.score}):**{rationale}")
        parts.append("\n".join(lines))
    parts.append(f"## TL;DR\n\n{term.tldr.strip()}")
    if term.explanation:
        parts.append(f"## Explanation\n\n{term.explanation.strip()}")
    if term.diagram:
        parts.append("## Diagram\n\n" + _fence(term.diagram, "mermaid"))
    if term.misconception is not None:
        body = f"{term.misconception.belief.strip()}\n\n**In fact:** {term.misconception.correction.strip()}"
        parts.append('!!! warning "Common misconception"\n\n' + _indent(body))
    if term.mistakes:
        items = ("- " + mistake.strip().replace("\n", "\n    ") for mistake in term.mistakes)
        parts.append("## Common mistakes\n\n" + "\n".join(items))
    if term.code_examples:
        examples = []
        for example in term.code_examples:
            caption = f"**{example.caption.strip()}**\n\n" if example.caption else ""
            examples.append(caption + _fence(example.code, example.language))
        parts.append("## Code examples\n\n" + "\n\n".join(examples))
    # pages sit side by side in docs/terms/, so a related term is a link to its file next door
    related = [f"- [{_link_text(titles[slug])}]({slug}.md)" for slug in term.related if slug in titles]
    if related:
        parts.append("## Related terms\n\n" + "\n".join(related))
    return "\n\n".join(parts) + "\n"


def load_terms(terms_dir: Path) -> list[LoadedTerm]:
    files, problems = find_term_files([terms_dir])
    if problems:
        raise SystemExit(f"cannot read {terms_dir}: {problems[0].format()}")
    return [read_term_file(path) for path in files]


def write_floor_docs(terms_dir: Path, docs: Path, site_name: str, extra_pages: dict[str, str]) -> FloorSite:
    """The hand-written site's docs/ folder for the terms in terms_dir, plus the given extra pages
    (file name -> Markdown, listed after the home page in the navigation, as hand-written pages are
    on the glossdeck site)."""
    loaded = load_terms(terms_dir)
    titles = {t.slug: t.term.title for t in loaded}
    by_category: dict[str, list[LoadedTerm]] = defaultdict(list)
    (docs / "terms").mkdir(parents=True, exist_ok=True)
    for item in loaded:
        (docs / "terms" / f"{item.slug}.md").write_text(term_page(item.term, titles), encoding="utf-8")
        by_category[item.term.category].append(item)

    (docs / "categories").mkdir(parents=True, exist_ok=True)
    categories = sorted(by_category)
    for category in categories:
        members = sorted(by_category[category], key=lambda t: t.term.title.casefold())
        links = "\n".join(f"- [{_link_text(t.term.title)}](../terms/{t.slug}.md)" for t in members)
        page = f"# {category_title(category)}\n\n{links}\n"
        (docs / "categories" / f"{category}.md").write_text(page, encoding="utf-8")
    overview = "\n".join(f"- [{category_title(c)}]({c}.md) ({len(by_category[c])} terms)" for c in categories)
    (docs / "categories" / "index.md").write_text(f"# Categories\n\n{overview}\n", encoding="utf-8")
    home = f"# {site_name}\n\n{len(loaded):,} terms, by [category](categories/index.md).\n"
    (docs / "index.md").write_text(home, encoding="utf-8")
    for name, text in extra_pages.items():
        (docs / name).write_text(text, encoding="utf-8")

    # Mermaid's ES-module build: the entry module and its chunks, at the same place as the plugin's
    shutil.copytree(MERMAID_SOURCE, (docs / MERMAID_JS).parent, dirs_exist_ok=True)

    nav = ["nav:", "  - index.md", *(f"  - {name}" for name in extra_pages), "  - Glossary:", "      - Categories:"]
    nav.append('          - "Categories": categories/index.md')
    nav += [f"          - {json.dumps(category_title(c))}: categories/{c}.md" for c in categories]
    return FloorSite(nav="\n".join(nav) + "\n", term_pages=len(loaded))
