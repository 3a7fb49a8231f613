"""Escaping text from YAML for every place it lands: HTML text and attributes, inline Markdown (the
site's and CommonMark snippets), Markdown link targets, <script> JSON, YAML front matter, GitHub
workflow commands.

Nothing a term author writes may change the structure of a page; every renderer goes through here
(`markup.element` for HTML and SVG built as trees, `mermaid_source` for diagrams).
"""

from __future__ import annotations

import html
import json
import re
from typing import Any
from urllib.parse import quote

import yaml

# Every character Markdown or its extensions may read as syntax in inline text: Python-Markdown's
# backslash escapes, plus tables, pymdownx tilde/caret/mark, emoji and attr_list (| ~ ^ = : { }),
# raw HTML and autolinks (< > &).
_MD_SYNTAX = re.compile(r"[\\`*_{}\[\]()#+\-.!|~^=:<>&]")
# Of those, the ones Python-Markdown lets a backslash escape; the others are written as entities.
_PYTHON_MARKDOWN_ESCAPABLE = frozenset("\\`*_{}[]()#+-.!")
# Of those, the ones that change CommonMark link or image text (the rest are left readable).
_COMMONMARK_LINK_TEXT = frozenset("\\`*_[]<>!&|#")


def text(value: object) -> str:
    """Plain text as HTML element content."""
    return html.escape(str(value), quote=False)


def attr(value: object) -> str:
    """Plain text as an HTML attribute value (always written between double quotes)."""
    return html.escape(str(value), quote=True)


def md_inline(value: object) -> str:
    """Plain text as inline Markdown: HTML-escaped, Markdown syntax backslash-escaped.

    Escaping "{" and ":" also stops attr_list (`{: onclick=...}`) from adding attributes.
    """

    def neutral(match: re.Match[str]) -> str:
        char = match.group()
        if char in _PYTHON_MARKDOWN_ESCAPABLE:
            return "\\" + char
        return {"<": "&lt;", ">": "&gt;", "&": "&amp;"}.get(char) or f"&#{ord(char)};"

    return _MD_SYNTAX.sub(neutral, " ".join(str(value).split()))


def commonmark_text(value: str) -> str:
    """Plain text made literal in CommonMark (GitHub, GitLab) link or image text, for snippets a
    reader copies: CommonMark lets a backslash escape any ASCII punctuation."""
    return _MD_SYNTAX.sub(lambda m: "\\" + m.group() if m.group() in _COMMONMARK_LINK_TEXT else m.group(), value)


def markdown_url(url: str) -> str:
    """A URL safe as a Markdown link destination: no spaces, angle brackets or parentheses."""
    return quote(url, safe=":/?#[]@!$&'*+,;=%~")


def json_for_script(data: Any) -> str:
    """JSON that is safe inside <script type="application/ld+json">: no "</script>", "<!--" or "&" entity."""
    out = json.dumps(data, ensure_ascii=False, sort_keys=False, indent=None, separators=(",", ":"))
    return (
        out.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


# What YAML readers refuse even inside quotes (PyYAML's non-printable set) or read as a line break
# (NEL, line and paragraph separators), written as \\u escapes.
_YAML_NON_PRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def yaml_scalar(value: str) -> str:
    """A YAML value: a JSON string is a valid YAML double-quoted scalar (characters YAML does not
    allow in a document, such as DEL and C1 controls, escaped)."""
    return _YAML_NON_PRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(value, ensure_ascii=False))


# A conservative plain (unquoted) YAML scalar: starts with a letter, then words, spaces and a few
# marks that mean nothing to YAML between words; checked by reading it back (no "true", "null", ...).
_YAML_PLAIN = re.compile(r"[^\W\d_](?:[\w .,()/+'-]*[\w).])?")


def yaml_plain(value: str) -> str:
    """A YAML value written plainly when it reads back as the same text (`title: Cluster`), else
    quoted (yaml_scalar)."""
    if _YAML_PLAIN.fullmatch(value) and "  " not in value:
        try:
            if yaml.safe_load(f"k: {value}\n") == {"k": value}:
                return value
        except yaml.YAMLError:
            pass
    return yaml_scalar(value)


# Characters a YAML block scalar cannot hold (C0/C1 controls but tab and newline, BOM, surrogates,
# line and paragraph separators, which YAML treats as line breaks); with any of them, quote instead.
_NOT_IN_YAML_BLOCK = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff\ud800-\udfff\u2028\u2029\ufffe\uffff]")


def yaml_block(value: str, indent: int) -> str:
    """A YAML value for multi-line prose: a literal block scalar (`|-`) indented by `indent` spaces,
    read back exactly as `value`; a quoted scalar (yaml_scalar) when a block cannot say it exactly
    (one line, leading spaces on the first line, blank lines holding spaces, more than one trailing
    newline, control characters)."""
    body = value[:-1] if value.endswith("\n") else value
    lines = body.split("\n")
    if (
        len(lines) < 2
        or not body
        or body.endswith("\n")
        or lines[0][:1] in (" ", "\t", "")
        or any(line.strip(" \t") == "" and line for line in lines)
        or _NOT_IN_YAML_BLOCK.search(value)
    ):
        return yaml_scalar(value)
    pad = " " * indent
    header = "|" if value.endswith("\n") else "|-"
    return header + "".join("\n" + (pad + line if line else "") for line in lines)


def github_command(value: str, *, prop: bool = False) -> str:
    """A value in a GitHub Actions workflow command (`::error file=...::message`): the data part,
    or with `prop` a property, which also may not hold ':' or ','."""
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return value.replace(":", "%3A").replace(",", "%2C") if prop else value


# Raw HTML or an autolink opening: "<" then a tag name, "/", "!" (comments) or "?"
_HTML_OPENING = re.compile(r"<(?=[A-Za-z/!?])")
_FENCE_LINE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?:.+?)(?<!`)\1(?!`)", re.DOTALL)
# A link destination with a scheme other than http(s) or mailto ("javascript:", "data:", ...)
_UNSAFE_DESTINATION = re.compile(r"(\]\(\s*<?)(?!(?:https?|mailto):)(?=[A-Za-z][A-Za-z0-9+.-]*:)", re.IGNORECASE)


def _inline_markdown(value: str) -> str:
    out: list[str] = []
    last = 0
    for match in _CODE_SPAN.finditer(value):  # code spans show "<" as text already
        out.append(_UNSAFE_DESTINATION.sub(r"\1#", _HTML_OPENING.sub("&lt;", value[last : match.start()])))
        out.append(match.group())
        last = match.end()
    out.append(_UNSAFE_DESTINATION.sub(r"\1#", _HTML_OPENING.sub("&lt;", value[last:])))
    return "".join(out)


def markdown_prose(value: str) -> str:
    """An author's Markdown prose for a Markdown file other tools render (the AI readers' copy):
    still Markdown, but raw HTML shows as text, as on the site (text/prose.py), and a link may not
    use a scheme other than http(s) or mailto. Code spans and fenced code are left as written."""
    lines = value.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    out: list[str] = []
    chunk: list[str] = []
    fence: str | None = None
    for line in lines:
        opening = _FENCE_LINE.match(line)
        if fence is None and opening:
            if chunk:
                out.append(_inline_markdown("\n".join(chunk)))
            chunk = []
            fence = opening.group(1)
            out.append(line)
        elif fence is not None:
            out.append(line)
            closing = _FENCE_LINE.match(line)
            if (
                closing
                and closing.group(1)[0] == fence[0]
                and len(closing.group(1)) >= len(fence)
                and not line.strip(" `~")
            ):
                fence = None
        else:
            chunk.append(line)
    if chunk:
        out.append(_inline_markdown("\n".join(chunk)))
    return "\n".join(out)


def code_fence(code: str, info: str = "") -> str:
    """A fenced code block that holds `code` verbatim: its fence is longer than any run of
    backticks inside. `info` (the language) must be a plain word."""
    longest = max((len(m) for m in re.findall(r"`+", code)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{info}\n{code.rstrip(chr(10))}\n{fence}"


def iri(url: str) -> str:
    """A URL as an RDF IRI (Turtle, JSON-LD): the characters IRIs forbid (spaces, quotes, <>{}|\\^`)
    and non-ASCII ones percent-encoded, the URL's own syntax kept."""
    return quote(url, safe=":/?#[]@!$&'()*+,;=%~")
