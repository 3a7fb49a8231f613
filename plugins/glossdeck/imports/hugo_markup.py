"""Hugo's own markup in page bodies, made into plain Markdown before links are resolved: shortcodes
(`glossary_tooltip` becomes a term link, `ref`/`relref` the path they name, others are removed with
their content kept), the `<!--more-->` summary divider, HTML comments, raw HTML tags (glossdeck prose
shows raw HTML as text). Line breaks are kept, so lines in reports stay true to the source."""

from __future__ import annotations

import re

from .links import TERM_KEY_SCHEME, prose_runs
from .report import Kind, Report
from .source_term import Located

_SHORTCODE = re.compile(
    r"\{\{(?P<open>[<%])-?\s*(?P<close>/)?\s*(?P<name>[A-Za-z0-9_./-]+)(?P<args>.*?)\s*-?(?P=open)?[>%]\}\}", re.S
)
_ARG = re.compile(
    r"(?:(?P<key>[A-Za-z_][\w-]*)\s*=\s*)?(?:\"(?P<dq>(?:[^\"\\]|\\.)*)\"|`(?P<bq>[^`]*)`|(?P<bare>[^\s\"`]+))"
)
_MORE = re.compile(r"<!--\s*more\s*-->", re.I)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_TAG = re.compile(r"</?(?P<name>[A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*)?/?>")
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)", re.S)


def shortcode_args(args: str) -> tuple[dict[str, str], list[str]]:
    named: dict[str, str] = {}
    positional: list[str] = []
    for match in _ARG.finditer(args):
        value = match.group("dq") if match.group("dq") is not None else match.group("bq") or match.group("bare") or ""
        if match.group("key"):
            named[match.group("key")] = value
        else:
            positional.append(value)
    return named, positional


def split_summary(body: Located) -> tuple[Located | None, Located]:
    """(the summary before `<!--more-->`, the rest), or (None, body) without a divider."""
    match = _MORE.search(body.text)
    if match is None:
        return None, body
    before = body.text[: match.start()]
    after_line = body.line + body.text.count("\n", 0, match.end())
    return Located(before, body.line), Located(body.text[match.end() :], after_line)


def _same_lines(old: str, new: str) -> str:
    return new + "\n" * max(0, old.count("\n") - new.count("\n"))


def plain_markdown(source: Located, file: str, report: Report) -> Located:
    """The body without Hugo's markup (see the module docstring), with the same lines."""
    text = source.text

    def line_of(offset: int) -> int:
        return source.line + text.count("\n", 0, offset)

    def shortcode(m: re.Match[str]) -> str:
        name = m.group("name")
        named, positional = shortcode_args(m.group("args"))
        if m.group("close"):
            return _same_lines(m.group(), "")
        if name == "glossary_tooltip" and named.get("term_id"):
            return _same_lines(m.group(), f"[{named.get('text', '')}]({TERM_KEY_SCHEME}{named['term_id']})")
        if name == "glossary_definition" and named.get("term_id"):
            report.note(
                file, line_of(m.start()), Kind.CHANGED, f"glossary_definition of '{named['term_id']}' became a link"
            )
            return _same_lines(m.group(), f"[]({TERM_KEY_SCHEME}{named['term_id']})")
        if name in ("ref", "relref") and (positional or named.get("path")):
            return _same_lines(m.group(), positional[0] if positional else named["path"])
        report.note_once(
            file, line_of(m.start()), Kind.UNMAPPED, f"shortcode:{name}", f"shortcode '{name}' removed (content kept)"
        )
        return _same_lines(m.group(), "")

    def without_tags(run: str, run_start: int) -> str:
        spans = [m.span() for m in _CODE_SPAN.finditer(run)]

        def tag(m: re.Match[str]) -> str:
            if any(a <= m.start() < b for a, b in spans):
                return m.group()
            name = m.group("name").lower()
            report.note_once(
                file,
                line_of(run_start) + run.count("\n", 0, m.start()),
                Kind.UNMAPPED,
                f"html:{name}",
                f"HTML tag <{name}> removed (glossdeck prose is Markdown without raw HTML)",
            )
            return _same_lines(m.group(), " " if name == "br" else "")

        return _TAG.sub(tag, run)

    pieces = []
    for is_code, start, end in prose_runs(text):
        run = text[start:end]
        if is_code:
            pieces.append(run)
            continue
        run = _COMMENT.sub(lambda m: _same_lines(m.group(), ""), run)
        pieces.append(without_tags(_SHORTCODE.sub(shortcode, run), start))
    return Located("".join(pieces), source.line)
