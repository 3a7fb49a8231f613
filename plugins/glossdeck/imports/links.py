"""Links in imported Markdown: a link to another imported term becomes a term link (`[[slug]]`, or
`[[slug|text]]` when the text differs from the term's title); a link into the source site that is
no imported term keeps its text only (or becomes absolute with --base-url), and is reported; links
to other hosts stay as they are. Code blocks and code spans are left alone. Line breaks are kept,
so every later step still knows each line's place in the source."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from urllib.parse import unquote, urljoin, urlsplit

from .report import Kind, Report
from .source_term import Located

# a scheme for links a format makes itself from its own markup (Kubernetes' glossary_tooltip)
TERM_KEY_SCHEME = "term-key:"

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)", re.S)
_TEXT = r"(?:[^\[\]\\]|\\.|\[(?:[^\[\]\\]|\\.)*\])*"
_INLINE = re.compile(
    r"(?P<bang>!?)\[(?P<text>" + _TEXT + r")\]"
    r"\(\s*(?P<dest><[^<>\n]*>|(?:[^\s()\\]|\\.|\((?:[^\s()\\]|\\.)*\))*)"
    r"(?:\s+(?P<title>\"[^\"]*\"|'[^']*'|\([^()]*\)))?\s*\)",
    re.S,
)
_REFERENCE = re.compile(r"(?P<bang>!?)\[(?P<text>" + _TEXT + r")\]\[(?P<label>[^\[\]]*)\]", re.S)
_DEFINITION = re.compile(r"^ {0,3}\[(?P<label>[^\[\]]+)\]:[ \t]*(?P<dest><[^<>\n]*>|\S+)(?:[ \t]+.*)?$")
_PAGE_SUFFIX = re.compile(r"\.(?:md|markdown|mdx|html?)$", re.I)
_WIKI_UNSAFE = re.compile(r"[\[\]|\n]")


@dataclass
class LinkContext:
    file: str
    own_slug: str
    resolve: Callable[[str], str | None]  # a key (file stem, id, title, anchor) -> slug
    title_of: Callable[[str], str]
    base_url: str | None
    report: Report
    # where a term key that is no imported term is defined on the source site (Kubernetes' glossary)
    key_url: Callable[[str], str] | None = None


def prose_runs(text: str) -> Iterator[tuple[bool, int, int]]:
    """(is code, start, end) pieces of a Markdown text: fenced code blocks apart from the rest."""
    pos, start, fence = 0, 0, ""
    for line in text.splitlines(keepends=True):
        match = _FENCE.match(line)
        if fence:
            if (
                match
                and match.group(1)[0] == fence[0]
                and len(match.group(1)) >= len(fence)
                and not line[match.end() :].strip()
            ):
                yield True, start, pos + len(line)
                start, fence = pos + len(line), ""
        elif match and not (match.group(1)[0] == "`" and "`" in line[match.end() :]):
            if pos > start:
                yield False, start, pos
            start, fence = pos, match.group(1)
        pos += len(line)
    if pos > start or not text:
        yield bool(fence), start, pos


def _key_candidates(dest: str, base_url: str | None) -> list[str] | None:
    """Keys a link destination may name a term by, or None for a link to another host."""
    if base_url and dest.startswith(base_url):
        dest = "/" + dest[len(base_url) :].lstrip("/")
    parts = urlsplit(dest)
    if parts.scheme or parts.netloc:
        return None
    segments = [s for s in unquote(parts.path).split("/") if s not in ("", ".", "..")]
    candidates: list[str] = []
    if segments:
        last = _PAGE_SUFFIX.sub("", segments[-1])
        if last in ("index", "_index") and len(segments) > 1:
            last = segments[-2]
        candidates.append(last)
    if parts.fragment:
        candidates.append(unquote(parts.fragment))
    return candidates


def _same_lines(old: str, new: str) -> str:
    """`new` followed by the line breaks it lost, so the text keeps its line count."""
    return new + "\n" * max(0, old.count("\n") - new.count("\n"))


def _before(new: str, following: str) -> str:
    """A term link right before "(" or "[" ends with a backslash, so that character stays text and
    Markdown does not read "[[slug]](x)" as a link to x."""
    return new + "\\" if new.endswith("]]") and following in ("(", "[") else new


def _plain(text: str) -> str:
    return " ".join(text.split())


class _Rewriter:
    def __init__(self, ctx: LinkContext, source: Located, text: str) -> None:
        self.ctx, self.source, self.text = ctx, source, text
        self.definitions: dict[str, str] = {}

    def line_of(self, offset: int) -> int:
        """The source line of an offset in the text; a negative value -(n + 1) means n lines down."""
        if offset < 0:
            return self.source.line - offset - 1
        return self.source.line + self.text.count("\n", 0, offset)

    def term_link(self, slug: str, text: str) -> str:
        shown = _WIKI_UNSAFE.sub(" ", _plain(text)).strip()
        if not shown or shown.casefold() == self.ctx.title_of(slug).casefold():
            return f"[[{slug}]]"
        return f"[[{slug}|{shown}]]"

    def link(self, whole: str, bang: str, text: str, dest: str, offset: int) -> str:
        ctx = self.ctx
        dest = dest.strip()
        if dest.startswith("<") and dest.endswith(">"):
            dest = dest[1:-1]
        line = self.line_of(offset)
        if dest.startswith(TERM_KEY_SCHEME):
            key = dest[len(TERM_KEY_SCHEME) :]
            slug = ctx.resolve(key)
            if slug is None:
                shown = text or key
                if ctx.key_url is not None:
                    ctx.report.note(
                        ctx.file,
                        line,
                        Kind.LINK,
                        f"term '{key}' is not among the imported terms; linked to the source site",
                    )
                    return f"[{shown}]({ctx.key_url(key)})"
                ctx.report.note(
                    ctx.file, line, Kind.LINK, f"term '{key}' is not among the imported terms; kept the text"
                )
                return shown
            return text if slug == ctx.own_slug else self.term_link(slug, text)
        candidates = _key_candidates(dest, ctx.base_url)
        if candidates is None:
            if urlsplit(dest).scheme.lower() not in ("http", "https", "mailto"):
                ctx.report.note(ctx.file, line, Kind.LINK, f"link to {dest!r} has an unsafe scheme; kept the text")
                return text
            return whole  # another host: as written
        if bang:
            ctx.report.note(ctx.file, line, Kind.UNMAPPED, f"image {dest!r} is a file of the source site; left out")
            return ""
        for key in candidates:
            slug = ctx.resolve(key)
            if slug is not None:
                return text if slug == ctx.own_slug else self.term_link(slug, text)
        if ctx.base_url and dest.startswith("/"):
            return f"[{text}]({urljoin(ctx.base_url, dest)})"
        if not dest or dest.startswith("#"):
            return text  # an anchor of the source page: its headings are not kept as they were
        hint = "" if ctx.base_url else " (--base-url makes such links absolute)"
        ctx.report.note(
            ctx.file, line, Kind.LINK, f"link to {dest!r} is not one of the imported terms; kept its text{hint}"
        )
        return text

    def rewrite_run(self, start: int, end: int) -> str:
        run = self.text[start:end]
        spans = [m.span() for m in _CODE_SPAN.finditer(run)]

        def in_code(pos: int) -> bool:
            return any(a <= pos < b for a, b in spans)

        def inline(m: re.Match[str]) -> str:
            if in_code(m.start()):
                return m.group()
            new = self.link(m.group(), m.group("bang"), m.group("text"), m.group("dest"), start + m.start())
            return _same_lines(m.group(), _before(new, run[m.end() : m.end() + 1]))

        out = _INLINE.sub(inline, run)
        if not self.definitions:
            return out
        spans = [m.span() for m in _CODE_SPAN.finditer(out)]  # offsets in `out` now; lines are unchanged

        def reference(m: re.Match[str]) -> str:
            label = (m.group("label") or m.group("text")).strip().casefold()
            if in_code(m.start()) or label not in self.definitions:
                return m.group()
            line_offset = self.text.count("\n", 0, start) + out.count("\n", 0, m.start())
            new = self.link(m.group(), m.group("bang"), m.group("text"), self.definitions[label], -line_offset - 1)
            return _same_lines(m.group(), _before(new, out[m.end() : m.end() + 1]))

        out = _REFERENCE.sub(reference, out)
        lines = []
        for line in out.split("\n"):  # definitions render as nothing: drop those into the source site
            match = _DEFINITION.match(line)
            internal = match is not None and _key_candidates(match.group("dest").strip("<>"), self.ctx.base_url)
            lines.append("" if match is not None and internal is not None else line)
        return "\n".join(lines)


def rewrite_links(source: Located, ctx: LinkContext) -> str:
    """`source.text` with its links rewritten (see the module's docstring); same number of lines."""
    text = source.text
    rewriter = _Rewriter(ctx, source, text)
    runs = list(prose_runs(text))
    for is_code, start, end in runs:  # reference definitions first: a use may come before its definition
        if is_code:
            continue
        for line in text[start:end].split("\n"):
            match = _DEFINITION.match(line)
            if match:
                dest = match.group("dest")
                rewriter.definitions[match.group("label").strip().casefold()] = dest
    pieces = [text[start:end] if is_code else rewriter.rewrite_run(start, end) for is_code, start, end in runs]
    return "".join(pieces)
