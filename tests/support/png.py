"""SVG rendered to PNG by rsvg-convert (librsvg, as GitHub and most wikis draw SVG), and just enough
PNG decoding to look at the pixels."""

from __future__ import annotations

import struct
import subprocess
import zlib
from pathlib import Path

from .policy import require_executable

RSVG = "/usr/bin/rsvg-convert"


def require_rsvg() -> str:
    return require_executable(RSVG, "rsvg-convert (librsvg2-bin)")


def _render(svg: bytes, out: Path) -> Path:
    rsvg = require_rsvg()
    src = out.with_suffix(".svg")
    src.write_bytes(svg)
    subprocess.run([rsvg, str(src), "-o", str(out)], check=True, capture_output=True, timeout=60)
    return out


def render_png(svg: bytes, out: Path) -> Png:
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
    def read(cls, path: Path) -> Png:
        data = path.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
        pos, idat, header = 8, b"", None
        while pos < len(data):
            (length,) = struct.unpack(">I", data[pos : pos + 4])
            kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
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
            line = bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
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
        return tuple(self.rows[y][start : start + self.channels])

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
