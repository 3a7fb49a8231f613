"""A Markdown page body mapped to glossdeck's blocks by its headings ("## Misconception" becomes the
misconception block, "## Problem it addresses" why it matters, ...); the text before the first
heading gives the TL;DR (its first paragraph) and the start of the explanation; any other section
goes into the explanation under its own heading, one level below the explanation's, and is reported."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .links import prose_runs
from .report import Kind, Report
from .section_names import SECTION_NAMES, heading_anchor, heading_key
from .source_term import Located

TLDR_LIMIT = 400  # the length `glossdeck validate` asks a TL;DR to stay under (core.checks)

_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_LIST_ITEM = re.compile(r"^( {0,3})(?:[-*+]|\d{1,9}[.)])[ \t]+")
_THEMATIC_BREAK = re.compile(r"^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$")
_TERM_LINK = re.compile(r"\[\[([^\[\]|]+)(?:\|[^\[\]]*)?\]\]")
_URL_LINK = re.compile(
    r"\[(?P<text>[^\[\]]*)\]\((?P<url>https?://[^\s()]+)\)|<(?P<auto>https?://[^\s<>]+)>|(?P<bare>https?://[^\s<>()\[\]]+)"
)
_LABEL = re.compile(r"^\s*(?:\*\*|__)?(?P<label>[A-Za-z ]+?)(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*", re.I)
_SENTENCE_END = re.compile(
    r"(?:(?<=[.!?])|(?<=[.!?][\"')\]]))\s+(?=[A-Z0-9\"'(\[])|(?<=[\u3002\uff01\uff1f\u06d4\u061f\u0964])\s*(?=\S)"
)

_ANCHOR_SUFFIX = re.compile(r"\s*\{\s*#[^}]*\}\s*$")
_BELIEF_LABELS = ("belief", "myth", "misconception", "wrong", "the belief")
_CORRECTION_LABELS = ("correction", "reality", "truth", "fact", "actually", "in fact", "right")


@dataclass
class Section:
    heading: str  # "" for the text before the first heading
    level: int
    line: int  # the heading's line (the body's first line for the intro)
    text: str
    text_line: int


@dataclass
class NameRef:
    """A related term named in a body: names to try in order (a link's text, its URL's last part)."""

    candidates: list[str]
    line: int


@dataclass
class MappedBody:
    fields: dict[str, Any] = field(default_factory=dict)
    related: list[str] = field(default_factory=list)  # slugs
    related_names: list[NameRef] = field(default_factory=list)  # names to look up


def block_for(heading: str, names: Mapping[str, str]) -> str | None:
    """The block a section goes to: by its heading id (`{#problem-it-addresses}`), else its text."""
    anchor = heading_anchor(heading)
    if anchor is not None and heading_key(anchor) in names:
        return names[heading_key(anchor)]
    return names.get(heading_key(heading))


def split_sections(body: Located) -> list[Section]:
    """The text before the first top-level heading, then one section per top-level heading."""
    text = body.text
    headings: list[tuple[int, int, str, int]] = []  # (offset, level, heading, end of heading line)
    for is_code, start, end in prose_runs(text):
        if is_code:
            continue
        offset = start
        for line in text[start:end].split("\n"):
            match = _HEADING.match(line)
            if match:
                headings.append((offset, len(match.group(1)), match.group(2).strip(), offset + len(line)))
            offset += len(line) + 1
    if not headings:
        return [Section("", 0, body.line, text, body.line)]
    top = min(level for _, level, _, _ in headings)
    tops = [h for h in headings if h[1] == top]
    sections = [Section("", 0, body.line, text[: tops[0][0]], body.line)]
    for i, (at, level, heading, line_end) in enumerate(tops):
        end = tops[i + 1][0] if i + 1 < len(tops) else len(text)
        number = body.line + text.count("\n", 0, at)
        sections.append(Section(heading, level, number, text[line_end:end], number))
    return sections


def shift_headings(text: str, by: int) -> str:
    """Headings inside a section moved `by` levels (at most level 6), code blocks untouched."""
    if by == 0:
        return text
    out = []
    for is_code, start, end in prose_runs(text):
        run = text[start:end]
        if not is_code:
            lines = []
            for line in run.split("\n"):
                match = _HEADING.match(line)
                if match:
                    level = max(1, min(6, len(match.group(1)) + by))
                    line = "#" * level + " " + match.group(2).strip()
                lines.append(line)
            run = "\n".join(lines)
        out.append(run)
    return "".join(out)


def tidy(text: str) -> str:
    """Prose as glossdeck reads it best: a blank line before a list that follows a paragraph line,
    no trailing thematic break, no runs of blank lines, no surrounding blank lines."""
    out: list[str] = []
    for is_code, start, end in prose_runs(text):
        run = text[start:end]
        if is_code:
            out.append(run)
            continue
        lines: list[str] = []
        for line in run.split("\n"):
            previous = lines[-1] if lines else ""
            if (
                _LIST_ITEM.match(line)
                and previous.strip()
                and not _LIST_ITEM.match(previous)
                and not previous.startswith((" ", "\t"))
                and not _HEADING.match(previous)
            ):
                lines.append("")
            lines.append(line.rstrip() if not line.endswith("  ") else line)
        out.append("\n".join(lines))
    result = re.sub(r"\n{3,}", "\n\n", "".join(out)).strip("\n")
    while True:
        last = result.rsplit("\n", 1)[-1]
        if not _THEMATIC_BREAK.match(last):
            break
        result = result[: len(result) - len(last)].rstrip("\n")
    return result


def paragraphs(text: str) -> list[str]:
    """Blocks separated by blank lines (code blocks kept whole)."""
    blocks: list[str] = []
    for is_code, start, end in prose_runs(text):
        run = text[start:end]
        if is_code:
            if blocks and not run.startswith("\n") and blocks[-1] and not text[:start].endswith("\n\n"):
                blocks[-1] += "\n" + run.strip("\n")
            else:
                blocks.append(run.strip("\n"))
            continue
        blocks.extend(b.strip("\n") for b in re.split(r"\n[ \t]*\n", run))
    return [b for b in blocks if b.strip()]


def list_items(text: str) -> list[str] | None:
    """The items of a text that is one Markdown list (continuation lines joined), else None."""
    items: list[str] = []
    for line in tidy(text).split("\n"):
        match = _LIST_ITEM.match(line)
        if match and not match.group(1):
            items.append(line[match.end() :].strip())
        elif line.strip() and items:
            items[-1] += "\n" + line.strip()
        elif line.strip():
            return None
    return items or None


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def one_line(text: str) -> str:
    """A paragraph's lines joined as Markdown shows them: with a space, or with none between two
    characters of a script written without spaces (Chinese, Japanese)."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    out = lines[0] if lines else ""
    for line in lines[1:]:
        out += ("" if _wide(out[-1]) and _wide(line[0]) else " ") + line
    return out


def short_tldr(text: str) -> tuple[str, str]:
    """A TL;DR under the length limit made of whole sentences, and the rest (for the explanation);
    a first sentence longer than the limit is kept whole."""
    if len(text) <= TLDR_LIMIT:
        return text, ""
    cut: re.Match[str] | None = None
    for match in _SENTENCE_END.finditer(text):
        if match.start() > TLDR_LIMIT:
            break
        cut = match
    if cut is None:
        return text, ""
    return text[: cut.start()].rstrip(), text[cut.end() :].strip()


def _labelled(block: str, labels: tuple[str, ...]) -> str | None:
    match = _LABEL.match(block)
    if match and heading_key(match.group("label")) in labels:
        return block[match.end() :].strip()
    return None


def misconception(text: str) -> dict[str, str] | None:
    """belief and correction: labelled ("**Belief:** ...", "Reality: ...") or the first paragraph
    and the rest; None when the section says only one thing."""
    blocks = paragraphs(tidy(text))
    belief = next((b for b in (_labelled(x, _BELIEF_LABELS) for x in blocks) if b), None)
    correction_at = next((i for i, x in enumerate(blocks) if _labelled(x, _CORRECTION_LABELS)), None)
    if belief is not None and correction_at is not None:
        first = _labelled(blocks[correction_at], _CORRECTION_LABELS) or ""
        return {"belief": belief, "correction": "\n\n".join([first, *blocks[correction_at + 1 :]]).strip()}
    if len(blocks) >= 2:
        return {"belief": blocks[0], "correction": "\n\n".join(blocks[1:])}
    return None


def _fences(text: str) -> list[tuple[str, str]]:
    """(language, code) of each fenced code block."""
    found = []
    for is_code, start, end in prose_runs(text):
        if is_code:
            lines = text[start:end].strip("\n").split("\n")
            info = lines[0].strip().lstrip("`~").strip().split()
            language = info[0].strip("{}.") if info else ""
            closing = 1 if len(lines) > 1 and set(lines[-1].strip()) <= {"`", "~"} and lines[-1].strip() else 0
            found.append((language, "\n".join(lines[1 : len(lines) - closing]) + "\n"))
    return found


def _without_fences(text: str) -> str:
    return "".join(text[a:b] for is_code, a, b in prose_runs(text) if not is_code)


def map_body(
    body: Located,
    summary: str | None,
    file: str,
    report: Report,
    names: Mapping[str, str] = SECTION_NAMES,
) -> MappedBody:
    """Fields from a body whose links are already term links; `summary` is a separate TL;DR;
    `names`: heading (as heading_key gives it) -> block."""
    sections = split_sections(body)
    mapped = MappedBody()
    explanation: list[str] = []
    why: list[tuple[str, str]] = []
    fixes: list[str] = []
    intro = sections[0].text
    top = sections[1].level if len(sections) > 1 else 2
    if not intro.strip() and not (summary and summary.strip()) and len(sections) > 1:
        # no text before the first heading: its section holds the definition, whatever its name
        first = sections[1]
        if block_for(first.heading, names) in (None, "explanation", "part"):
            report.note(file, first.line, Kind.CHANGED, f"section '{first.heading}' taken as the definition")
            sections = [Section("", 0, first.line, first.text, first.line), *sections[2:]]
            intro = first.text
    for section in sections[1:]:
        kind = block_for(section.heading, names)
        content = tidy(shift_headings(section.text, 3 - top))
        if not content.strip():
            continue
        title = _ANCHOR_SUFFIX.sub("", section.heading)
        heading = f"### {title}"
        if kind == "intro" and not intro.strip():
            intro = section.text
        elif kind == "intro" or kind == "explanation":
            explanation.append(content)
        elif kind == "why_it_matters":
            why.append((title, content))
        elif kind == "quick_fix":
            fixes.append(content)
        elif kind == "misconception" and "misconception" not in mapped.fields and (found := misconception(content)):
            mapped.fields["misconception"] = found
        elif kind == "mistakes" and "mistakes" not in mapped.fields:
            mapped.fields["mistakes"] = list_items(content) or paragraphs(content)
        elif kind == "related" and _related(content, section, mapped):
            pass  # its links and names are in `mapped`, looked up by convert.py
        elif kind == "sources" and _sources(content):
            mapped.fields["sources"] = _sources(content)
            leftover = _URL_LINK.sub("", _without_fences(content))
            if re.search(r"\w", re.sub(r"^\s*(?:[-*+]|\d+[.)])\s*", "", leftover, flags=re.M)):
                report.note(file, section.line, Kind.UNMAPPED, f"text in '{section.heading}' beside its links left out")
        elif kind == "diagram" and any(lang == "mermaid" for lang, _ in _fences(content)):
            mapped.fields["diagram"] = next(code for lang, code in _fences(content) if lang == "mermaid")
        elif kind == "code_examples" and _fences(content):
            mapped.fields["code_examples"] = [
                {"kind": "example", "language": _language(lang), "code": code} for lang, code in _fences(content)
            ]
            rest = tidy(_without_fences(content))
            if rest.strip():
                explanation.append(f"{heading}\n\n{rest}")
        else:
            if kind == "misconception":
                report.note(
                    file,
                    section.line,
                    Kind.CHANGED,
                    f"'{section.heading}' needs a belief and a correction (two paragraphs); put into the explanation",
                )
            elif kind != "part":
                report.note(file, section.line, Kind.CHANGED, f"section '{section.heading}' put into the explanation")
            explanation.append(f"{heading}\n\n{content}")
    intro = tidy(shift_headings(intro, 3 - top))
    tldr = tidy(summary).strip() if summary and summary.strip() else None
    if tldr is None:
        blocks = paragraphs(intro)
        at = next((i for i, b in enumerate(blocks) if not _HEADING.match(b) and not _LIST_ITEM.match(b)), None)
        if at is not None and not blocks[at].startswith(("```", "~~~", "    ", ">", "|")):
            tldr = blocks[at].strip()
            intro = "\n\n".join(blocks[:at] + blocks[at + 1 :])
    if tldr is not None:
        short, rest = short_tldr(one_line(tldr) if "\n" in tldr and not _LIST_ITEM.search(tldr) else tldr)
        if rest:
            report.note(
                file, body.line, Kind.CHANGED, f"TL;DR cut to {len(short)} characters; the rest opens the explanation"
            )
            intro = f"{rest}\n\n{intro}".strip()
        mapped.fields["tldr"] = short
    explanation.insert(0, intro)
    joined = "\n\n".join(p for p in explanation if p.strip())
    if joined.strip():
        mapped.fields["explanation"] = joined
    if why:
        mapped.fields["why_it_matters"] = why[0][1] if len(why) == 1 else "\n\n".join(f"### {h}\n\n{c}" for h, c in why)
    if fixes:
        mapped.fields["quick_fix"] = "\n\n".join(fixes)
    return mapped


def _language(info: str) -> str:
    return info if re.fullmatch(r"[A-Za-z0-9_+#.-]{1,30}", info or "") else "text"


_ANY_LINK = re.compile(r"\[(?P<text>[^\[\]]*)\]\((?P<url>[^\s()]+)\)")


def _related(content: str, section: Section, mapped: MappedBody) -> bool:
    """Related terms from a section: its term links, and the names in a list of names or links (a
    link to the source site's own address is looked up by its text, then its last path part).
    False when the section is prose rather than a list: it then goes into the explanation."""
    slugs = [m.group(1) for m in _TERM_LINK.finditer(content)]
    names: list[NameRef] = []
    for line in _TERM_LINK.sub("", content).split("\n"):
        item = re.sub(r"^\s*(?:[-*+]|\d+[.)])\s*", "", line).strip(" ,;.")
        if not item or not re.search(r"\w", item):
            continue
        links = list(_ANY_LINK.finditer(item))
        if links:
            for link in links:
                last = link.group("url").rstrip("/").rsplit("/", 1)[-1]
                names.append(NameRef([link.group("text"), last], section.line))
        elif len(item.split()) <= 6:
            names.append(NameRef([item], section.line))
        else:
            return False
    mapped.related.extend(s for s in slugs if s not in mapped.related)
    mapped.related_names.extend(names)
    return True


def _sources(content: str) -> list[dict[str, str]]:
    found: list[dict[str, str]] = []
    for match in _URL_LINK.finditer(_without_fences(content)):
        url = match.group("url") or match.group("auto") or match.group("bare")
        title = (match.group("text") or "").strip()
        if any(s["url"] == url for s in found):
            continue
        found.append({"url": url, "title": title} if title else {"url": url})
    return found
