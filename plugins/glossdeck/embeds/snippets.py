"""The "Embed this term" section of a term page: a preview, copy-ready snippets for each kind of
host, and one line per wiki saying which snippet it takes.

The section is raw HTML inside the page's Markdown, every value escaped twice where it is both
part of a snippet (an HTML attribute in the snippet) and shown on the page (text in <code>).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..text.escape import commonmark_text, markdown_url, md_inline
from ..text.markup import Markup, element, join
from .card_svg import CARD_HEIGHT, CARD_WIDTH
from .card_view import CardView
from .embed_page import iframe_html
from .output_paths import SCRIPT_PATH, Linker, term_paths


@dataclass(frozen=True)
class Snippet:
    key: str
    label: str
    hint: str
    code: str


@dataclass(frozen=True)
class EmbedUrls:
    page: str
    card: str
    card_dark: str
    badge: str
    embed: str
    oembed: str
    script: str
    site: str


def embed_urls(view: CardView, linker: Linker) -> EmbedUrls:
    """The URLs a snippet pasted elsewhere needs: absolute with site_url, else relative to the page."""
    src = linker.site.term_src(view.slug)
    paths = term_paths(view.slug)

    def to(target: str) -> str:
        return linker.from_page(target, src)

    return EmbedUrls(
        page=to(linker.site.term_url(view.slug)),
        card=to(paths.card),
        card_dark=to(paths.card_dark),
        badge=to(paths.badge),
        embed=to(linker.embed_url(view.slug)),
        oembed=to(paths.oembed),
        script=to(SCRIPT_PATH),
        site=to(""),
    )


def snippets(view: CardView, linker: Linker) -> list[Snippet]:
    urls = embed_urls(view, linker)
    alt = f"{view.title} — {view.site_name}"
    markdown = f"[![{commonmark_text(alt)}]({markdown_url(urls.card)})]({markdown_url(urls.page)})"
    picture = element(
        "a",
        {"href": urls.page},
        element(
            "picture",
            {},
            element("source", {"media": "(prefers-color-scheme: dark)", "srcset": urls.card_dark}, void=True),
            element("img", {"src": urls.card, "alt": alt, "width": CARD_WIDTH, "height": CARD_HEIGHT}, void=True),
        ),
    )
    component = join(
        [
            element("script", {"src": urls.script, "defer": True}),
            Markup("\n"),
            element(
                "glossdeck-term", {"slug": view.slug, "site": urls.site}, element("a", {"href": urls.page}, view.title)
            ),
        ]
    )
    badge_alt = f"{view.title}: {view.debt}" if view.debt else view.title
    badge = f"[![{commonmark_text(badge_alt)}]({markdown_url(urls.badge)})]({markdown_url(urls.page)})"
    return [
        Snippet("markdown", "Markdown image", "GitHub, GitLab, Confluence Markdown, any Markdown wiki", markdown),
        Snippet("picture", "HTML image, light and dark", "GitHub and GitLab follow the reader's theme", str(picture)),
        Snippet(
            "iframe",
            "HTML iframe",
            "Confluence iframe/HTML macro, MediaWiki iframe extensions, any HTML page",
            str(iframe_html(view, urls.embed)),
        ),
        Snippet(
            "component", "Web component", "Pages that run scripts: portals, docs sites, dashboards", str(component)
        ),
        Snippet("url", "Embed page URL", "Notion /embed, any tool that embeds a URL", urls.embed),
        Snippet("oembed", "oEmbed URL", "Tools that read oEmbed (found automatically from the term page)", urls.oembed),
        Snippet("badge", "DEBT badge (Markdown)", "A compact score badge for READMEs and lists", badge),
    ]


WHERE_TO_USE: tuple[tuple[str, str], ...] = (
    ("GitHub / GitLab", "the Markdown image, or the light/dark HTML image; they strip iframes and scripts."),
    ("Notion", "type /embed and paste the embed page URL (or paste the term page's address and pick “Create embed”)."),
    (
        "Confluence",
        "the Markdown image (or the card's URL in an Image macro); the iframe in an iframe or HTML "
        "macro where your admin allows it.",
    ),
    (
        "MediaWiki",
        "the card's SVG URL shows inline once this site is in $wgAllowExternalImagesFrom; "
        "the iframe needs an iframe extension.",
    ),
)


# The same list on every term page: built once.
WHERE_TO_USE_HTML = element(
    "ul",
    {"class": "glossdeck-embed__where"},
    *(element("li", {}, element("strong", {}, name + ":"), " ", advice) for name, advice in WHERE_TO_USE),
)


def section_markdown(view: CardView, linker: Linker) -> str:
    """The whole section: a Markdown heading, then one raw HTML block (no blank lines inside, so
    Markdown leaves it whole)."""
    src = linker.site.term_src(view.slug)
    paths = term_paths(view.slug)
    local = {
        k: linker.site.relative(src, p)
        for k, p in (("card", paths.card), ("dark", paths.card_dark), ("badge", paths.badge))
    }
    alt = f"{view.title} — {view.site_name}"
    preview = element(
        "p",
        {"class": "glossdeck-embed__preview"},
        element(
            "img",
            {
                "class": "glossdeck-card-light",
                "src": local["card"],
                "alt": alt,
                "width": CARD_WIDTH,
                "height": CARD_HEIGHT,
                "loading": "lazy",
            },
            void=True,
        ),
        element(
            "img",
            {
                "class": "glossdeck-card-dark",
                "src": local["dark"],
                "alt": alt,
                "width": CARD_WIDTH,
                "height": CARD_HEIGHT,
                "loading": "lazy",
            },
            void=True,
        ),
    )
    blocks: list[Markup] = [preview]
    if not linker.absolute:
        blocks.append(
            element(
                "p",
                {"class": "glossdeck-embed__warning"},
                element("strong", {}, "This site has no site_url."),
                " The snippets below link relative to this page, so they only work on this site. "
                "Set site_url in mkdocs.yml to the address the site is published at to embed cards elsewhere.",
            )
        )
    blocks.append(WHERE_TO_USE_HTML)  # which snippet to take comes before the snippets themselves
    for snippet in snippets(view, linker):
        code_id = f"glossdeck-snippet-{view.slug}-{snippet.key}"
        blocks.append(
            element(
                "div",
                {"class": "glossdeck-snippet"},
                element(
                    "p",
                    {"class": "glossdeck-snippet__head"},
                    element("strong", {}, snippet.label),
                    " — ",
                    snippet.hint,
                    element(
                        "button",
                        {
                            "type": "button",
                            "class": "md-button glossdeck-copy",
                            "data-glossdeck-copy": code_id,
                            "aria-label": view.messages("embed.copy_label", snippet=snippet.label),
                        },
                        view.messages("embed.copy"),
                    ),
                ),
                element("pre", {}, element("code", {"id": code_id}, snippet.code)),
            )
        )
    body = element("div", {"class": "glossdeck-embed"}, *blocks)
    # one line per snippet at most (titles are single-line), so Markdown keeps the HTML block whole
    return f"## {md_inline(view.messages('embed.section'))}\n\n{body}\n"
