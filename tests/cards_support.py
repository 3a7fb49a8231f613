"""Helpers for the term card tests: term files written into a folder, hostile text, SVG rendering
through rsvg-convert and a small PNG reader to look at the pixels."""

from __future__ import annotations

import shutil
import struct
import subprocess
import zlib
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml
from conftest import require_tool

from glossdeck.core.glossary import Glossary
from glossdeck.core.checks import load_glossary

RSVG = "/usr/bin/rsvg-convert"

# Everything that could break out of SVG, HTML, CDATA or JSON, plus text that lays out oddly.
HOSTILE = ("<script>alert('x')</script> ]]> <![CDATA[ & &amp; \"double\" 'single' "
           "</svg></title><img src=x onerror=alert(1)> שלום עולם مرحبا 🎉👩‍💻")
RTL = "שלום עולם, זהו הסבר קצר על המונח. مرحبا بالعالم"
EMOJI = "Deploys 🚀 go out 👩‍💻 daily 🎉 and roll back fast 🔁"


def term_data(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "title": "Immutable Infrastructure",
        "aliases": ["immutable servers"],
        "category": "devops",
        "level": "intermediate",
        "tldr": "Servers are never modified after deployment: you build a new image and replace the old server.",
        "misconception": {"belief": "You can never update a server.",
                          "correction": "You update by replacing servers, not by changing them."},
        "debt": "debt(d7/e9/b9/t5)",
        "added": "2026-03-15",
        "edited": "2026-03-22",
    }
    if "title" in overrides and "aliases" not in overrides:
        data.pop("aliases")  # another title: the reference aliases would name two terms
    for key, value in overrides.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return data


def write_terms(folder: Path, terms: dict[str, dict[str, Any]]) -> Path:
    terms_dir = folder / "terms"
    terms_dir.mkdir(parents=True, exist_ok=True)
    for slug, data in terms.items():
        (terms_dir / f"{slug}.yml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                                               encoding="utf-8")
    return terms_dir


def load(folder: Path, terms: dict[str, dict[str, Any]]) -> Glossary:
    glossary, problems = load_glossary([write_terms(folder, terms)])
    assert not problems.errors, [p.format() for p in problems.errors]
    assert set(glossary.entries) == set(terms)
    return glossary


def need_tool(path: str, what: str) -> None:
    """Skip when a system tool is missing on a developer machine; in CI its absence is a failure."""
    found = path if Path(path).exists() else shutil.which(Path(path).name)
    require_tool(found, what)


def _render(svg: bytes, out: Path) -> Path:
    need_tool(RSVG, "rsvg-convert (librsvg2-bin)")
    src = out.with_suffix(".svg")
    src.write_bytes(svg)
    subprocess.run([shutil.which("rsvg-convert") or RSVG, str(src), "-o", str(out)], check=True,
                   capture_output=True, timeout=60)
    return out


def render_png(svg: bytes, out: Path) -> "Png":
    """Render through rsvg-convert and decode the pixels."""
    return Png.read(_render(svg, out))


def rendered_size(svg: bytes, out: Path) -> tuple[int, int]:
    """Render through rsvg-convert; only the image's size (decoding pixels in Python is slow)."""
    return Png.size(_render(svg, out))


class Png:
    """Just enough PNG decoding for 8-bit RGB/RGBA images, as rsvg-convert writes them."""

    def __init__(self, width: int, height: int, channels: int, rows: list[bytes]) -> None:
        self.width, self.height, self.channels, self.rows = width, height, channels, rows

    @staticmethod
    def size(path: Path) -> tuple[int, int]:
        """Width and height from the header alone (decoding every pixel in Python is slow)."""
        data = path.read_bytes()[:24]
        assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR", "not a PNG"
        width, height = struct.unpack(">II", data[16:24])
        return width, height

    @classmethod
    def read(cls, path: Path) -> "Png":
        data = path.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
        pos, idat, header = 8, b"", None
        while pos < len(data):
            (length,) = struct.unpack(">I", data[pos:pos + 4])
            kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + length]
            if kind == b"IHDR":
                header = struct.unpack(">IIBBBBB", body)
            elif kind == b"IDAT":
                idat += body
            pos += 12 + length
        assert header is not None
        width, height, depth, colour, _, _, interlace = header
        assert depth == 8 and colour in (2, 6) and interlace == 0, header
        channels = 4 if colour == 6 else 3
        raw = zlib.decompress(idat)
        stride = width * channels
        rows: list[bytes] = []
        previous = bytearray(stride)
        for y in range(height):
            kind = raw[y * (stride + 1)]
            line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
            for i in range(stride):
                left = line[i - channels] if i >= channels else 0
                up = previous[i]
                corner = previous[i - channels] if i >= channels else 0
                if kind == 1:
                    line[i] = (line[i] + left) & 0xFF
                elif kind == 2:
                    line[i] = (line[i] + up) & 0xFF
                elif kind == 3:
                    line[i] = (line[i] + (left + up) // 2) & 0xFF
                elif kind == 4:
                    p = left + up - corner
                    pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                    pred = left if pa <= pb and pa <= pc else (up if pb <= pc else corner)
                    line[i] = (line[i] + pred) & 0xFF
            rows.append(bytes(line))
            previous = line
        return cls(width, height, channels, rows)

    def pixel(self, x: int, y: int) -> tuple[int, ...]:
        start = x * self.channels
        return tuple(self.rows[y][start:start + self.channels])

    def ink_columns(self, background: tuple[int, int, int], y0: int, y1: int) -> set[int]:
        """x of every column with a pixel visibly different from the background between y0 and y1."""
        found: set[int] = set()
        for y in range(y0, y1):
            for x in range(self.width):
                r, g, b = self.pixel(x, y)[:3]
                if abs(r - background[0]) + abs(g - background[1]) + abs(b - background[2]) > 60:
                    found.add(x)
        return found


def hex_rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


class HtmlText(HTMLParser):
    """Collects start tags, attributes and the text inside elements picked by a predicate."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.texts: dict[str, list[str]] = {}
        self.all_text: list[str] = []

    VOID = {"meta", "link", "img", "br", "source", "input", "hr"}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag not in self.VOID:
            self.stack.append((tag, attributes))

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data: str) -> None:
        self.all_text.append(data)
        for tag, attrs in self.stack:
            for key in [tag, *(f".{c}" for c in (attrs.get("class") or "").split()),
                        *([f"#{attrs['id']}"] if attrs.get("id") else [])]:
                self.texts.setdefault(key, []).append(data)

    def text(self, key: str) -> str:
        return "".join(self.texts.get(key, []))


def parse_html(text: str) -> HtmlText:
    parser = HtmlText()
    parser.feed(text)
    parser.close()
    return parser
