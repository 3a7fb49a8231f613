"""Web server access logs, line by line: nginx/Apache "combined" and Caddy's JSON access log.

A line becomes a `Request` (when, method, target, status, user agent, client address) or None when
it is not a well-formed line of its format; the caller counts those and goes on. Reading never
trusts a line: each is at most `MAX_LINE` bytes (a longer one is skipped whole), invalid UTF-8 is
replaced, and nothing here raises on content.
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Literal

Format = Literal["combined", "caddy"]
FORMATS: tuple[Format, ...] = ("combined", "caddy")
MAX_LINE = 16 * 1024  # longer lines are not access log lines a server wrote for a page view
TOO_LONG = b""  # what `lines` yields for a line it skipped for its length


@dataclass(frozen=True, slots=True)
class Request:
    when: int  # seconds since the epoch, UTC
    method: str
    target: str  # the request target as logged (path and query)
    status: int
    user_agent: str
    client: str  # the client's address as logged; never stored (see ingest.py)


# "combined": %h %l %u [%t] "%r" %>s %b "%{Referer}i" "%{User-Agent}i" (nginx escapes a quote as
# \x22, Apache as \"; both forms are read, and anything after the user agent is ignored)
_QUOTED = r'"([^"\\]*(?:\\.[^"\\]*)*)"'  # "unrolled": no alternation per character
_COMBINED = re.compile(
    r"(\S+) \S+ \S+ \[(\d{2})/([A-Z][a-z]{2})/(\d{4}):(\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2})\] "
    + _QUOTED
    + r" (\d{3}) \S+ "
    + _QUOTED
    + " "
    + _QUOTED
)
_MONTHS = {
    m: i for i, m in enumerate(["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"], 1)
}
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_EPOCH_ORDINAL = _EPOCH.date().toordinal()


def _unescape(value: str) -> str:
    if "\\" not in value:
        return value
    return re.sub(
        r"\\x([0-9a-fA-F]{2})|\\(.)",
        lambda m: chr(int(m.group(1), 16)) if m.group(1) else m.group(2),
        value,
    )


def parse_combined(line: str) -> Request | None:
    m = _COMBINED.match(line)
    if m is None:
        return None
    client, day, month, year, hh, mm, ss, sign, oh, om, request, status, _referer, agent = m.groups()
    month_number = _MONTHS.get(month)
    if month_number is None:
        return None
    try:
        # whole days since the epoch from the calendar date, then the time and the offset: no
        # datetime object per line
        days = dt.date(int(year), month_number, int(day)).toordinal() - _EPOCH_ORDINAL
    except ValueError:
        return None
    hour, minute, second = int(hh), int(mm), int(ss)
    if hour > 23 or minute > 59 or second > 60:
        return None
    offset = (int(oh) * 3600 + int(om) * 60) * (-1 if sign == "-" else 1)
    when = days * 86400 + hour * 3600 + minute * 60 + second - offset
    parts = _unescape(request).split(" ")
    if len(parts) != 3:  # "-", or a request line that was not HTTP
        return None
    return Request(when, parts[0], parts[1], int(status), _unescape(agent), client)


def _header(headers: object, name: str) -> str:
    if not isinstance(headers, dict):
        return ""
    for key, value in headers.items():
        if isinstance(key, str) and key.lower() == name:
            if isinstance(value, list) and value and isinstance(value[0], str):
                return value[0]
            if isinstance(value, str):
                return value
    return ""


def _caddy_time(value: object) -> int | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return int(value) if 0 <= value < 32503680000 else None  # before the year 3000
    if isinstance(value, str):  # a `time_format` such as iso8601 or rfc3339
        try:
            stamp = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None
        if stamp.tzinfo is None:
            stamp = stamp.replace(tzinfo=dt.UTC)
        return int((stamp - _EPOCH).total_seconds())
    return None


def parse_caddy(line: str) -> Request | None:
    """One entry of Caddy's JSON access log (`log { format json }`, logger http.log.access...)."""
    try:
        entry = json.loads(line)
    except ValueError:
        return None
    if not isinstance(entry, dict):
        return None
    request = entry.get("request")
    status = entry.get("status")
    when = _caddy_time(entry.get("ts"))
    if not isinstance(request, dict) or not isinstance(status, int) or isinstance(status, bool) or when is None:
        return None
    method, uri = request.get("method"), request.get("uri")
    if not isinstance(method, str) or not isinstance(uri, str):
        return None
    client = request.get("client_ip") or request.get("remote_ip") or ""
    return Request(when, method, uri, status, _header(request.get("headers"), "user-agent"), str(client))


PARSERS = {"combined": parse_combined, "caddy": parse_caddy}


def detect_format(first_line: bytes) -> Format:
    """A JSON object is Caddy's; anything else is read as "combined"."""
    return "caddy" if first_line.lstrip().startswith(b"{") else "combined"


def lines(stream: BinaryIO) -> Iterator[bytes]:
    """Each line without its line end; a line longer than MAX_LINE is read past and yields TOO_LONG."""
    readline = stream.readline
    while True:
        line = readline(MAX_LINE + 1)
        if not line:
            return
        if len(line) > MAX_LINE and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):  # the rest of the long line, in pieces
                line = readline(MAX_LINE)
            yield TOO_LONG
            continue
        yield line.rstrip(b"\r\n")


def _is_gzip(stream: BinaryIO) -> bool:
    peek = getattr(stream, "peek", None)
    head = peek(2)[:2] if peek is not None else b""
    return head == b"\x1f\x8b"


@contextmanager
def open_log(name: str) -> Iterator[BinaryIO]:
    """A log file ("-": standard input) as bytes; gzip-compressed rotations (.gz) are read directly,
    recognised by their content, not only their name."""
    if name == "-":
        stdin = sys.stdin.buffer  # a BufferedReader: it can peek at the first bytes
        if _is_gzip(stdin):
            with gzip.GzipFile(fileobj=stdin) as unzipped:
                yield io.BufferedReader(unzipped)
        else:
            yield stdin
        return
    with Path(name).open("rb") as handle:
        if _is_gzip(handle):
            with gzip.GzipFile(fileobj=handle) as unzipped:
                yield io.BufferedReader(unzipped)
            return
        yield handle
