"""The Wanted terms page: every slug that terms refer to but no file defines yet, with the terms that
want it and the `glossdeck new` command that starts it. References to such slugs link here."""

from __future__ import annotations

import shlex

from ..text.escape import attr, md_inline, text, yaml_scalar
from ..text.markup import Markup, fill
from ..text.term_links import guess_title
from .context import SiteContext


def wanted_anchor(slug: str) -> str:
    return f"wanted-{slug}"


def new_term_command(ctx: SiteContext, slug: str) -> str:
    """The command that writes the term's file; its category guessed from the first term that wants it."""
    wanters = ctx.glossary.wanted.get(slug, [])
    category = ctx.glossary.term(wanters[0]).category if wanters else "general"
    parts = ["glossdeck", "new", guess_title(slug), "--category", category, "--slug", slug]
    if ctx.terms_dir != "terms":
        parts += ["--dir", ctx.terms_dir]
    return shlex.join(parts)


def wanted_page(ctx: SiteContext) -> str:
    layout, glossary = ctx.layout, ctx.glossary
    src = layout.wanted
    wanted = glossary.wanted
    count, t = len(wanted), ctx.t
    out = [
        "---",
        f"title: {yaml_scalar(attr(t('wanted.title')))}",
        f"description: {yaml_scalar(t.count('wanted.description', count))}",
        "---",
        "",
        f"# {md_inline(t('wanted.title'))}",
        "",
        f'<p class="gd-nolink">{text(t.count("wanted.intro", count))}</p>',
        "",
        '<dl class="gd-wanted gd-nolink" data-gd-block="wanted">',
    ]
    for slug, wanters in wanted.items():
        links = ", ".join(
            f'<a href="{attr(layout.href(src, layout.term(w)))}">{text(glossary.term(w).title)}</a>' for w in wanters
        )
        out += [
            f'<dt id="{attr(wanted_anchor(slug))}"><span class="gd-missing-term">{text(guess_title(slug))}</span> '
            f"<code>{text(slug)}</code></dt>",
            f"<dd><p>{fill(t('wanted.wanted_by'), {'terms': Markup(links)})}</p>"
            f'<pre class="gd-command"><code>{text(new_term_command(ctx, slug))}</code></pre></dd>',
        ]
    out += ["</dl>", ""]
    return "\n".join(out)
