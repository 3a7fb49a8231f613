"""Log lines, page paths and visitors: the pieces of an ingest, each on its own."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json

import pytest

from glossdeck.stats.log_formats import MAX_LINE, TOO_LONG, detect_format, lines, parse_caddy, parse_combined
from glossdeck.stats.page_paths import page_key, site_path, term_page_key
from glossdeck.stats.visitor_kinds import Classifier, CrawlerEntry, CrawlerTableError, Kind, load_table

LINE = '203.0.113.5 - - [10/Oct/2026:23:55:36 -0700] "GET /terms/x/ HTTP/1.1" 200 2326 "-" "Mozilla/5.0 Firefox/130"'


def test_a_combined_line_and_its_utc_time() -> None:
    request = parse_combined(LINE)
    assert request is not None
    assert dt.datetime.fromtimestamp(request.when, dt.UTC) == dt.datetime(2026, 10, 11, 6, 55, 36, tzinfo=dt.UTC)
    assert (request.method, request.target, request.status, request.client) == ("GET", "/terms/x/", 200, "203.0.113.5")
    assert request.user_agent == "Mozilla/5.0 Firefox/130"


def test_quotes_inside_fields_as_nginx_and_apache_write_them() -> None:
    nginx = LINE.replace('"Mozilla/5.0 Firefox/130"', '"a \\x22quoted\\x22 agent"')
    apache = LINE.replace('"Mozilla/5.0 Firefox/130"', '"a \\"quoted\\" agent"')
    assert parse_combined(nginx).user_agent == parse_combined(apache).user_agent == 'a "quoted" agent'  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "line",
    [
        "",
        "garbage",
        LINE.replace("10/Oct/2026", "31/Feb/2026"),
        LINE.replace("10/Oct/2026", "10/Foo/2026"),
        LINE.replace("23:55:36", "25:55:36"),
        LINE.replace('"GET /terms/x/ HTTP/1.1"', '"-"'),
        LINE.split(' "-"')[0],
        '{"request": {}}',
    ],
)
def test_a_malformed_combined_line_is_none(line: str) -> None:
    assert parse_combined(line) is None


def test_caddy_lines_with_epoch_or_iso_times() -> None:
    entry = {
        "ts": 1791640000.5,
        "request": {
            "client_ip": "1.2.3.4",
            "method": "GET",
            "uri": "/terms/y/?a=1",
            "headers": {"User-Agent": ["ClaudeBot/1.0"]},
        },
        "status": 304,
    }
    request = parse_caddy(json.dumps(entry))
    assert request is not None and (request.when, request.status, request.user_agent) == (
        1791640000,
        304,
        "ClaudeBot/1.0",
    )
    entry["ts"] = "2026-10-10T12:00:00Z"
    assert parse_caddy(json.dumps(entry)).when == int(dt.datetime(2026, 10, 10, 12, tzinfo=dt.UTC).timestamp())  # type: ignore[union-attr]
    for broken in [
        "{",
        "[]",
        '{"ts": 1, "status": 200}',
        json.dumps({**entry, "status": "200"}),
        json.dumps({**entry, "ts": "x"}),
    ]:
        assert parse_caddy(broken) is None


def test_lines_skips_a_line_too_long_and_goes_on() -> None:
    data = b"first\n" + b"x" * (3 * MAX_LINE) + b"\nlast\r\n"
    assert list(lines(io.BufferedReader(io.BytesIO(data)))) == [b"first", TOO_LONG, b"last"]
    assert detect_format(b'  {"ts": 1}') == "caddy" and detect_format(b"1.2.3.4 - -") == "combined"
    assert gzip.decompress(gzip.compress(data)) == data  # (the reader opens .gz by content: ingest tests)


@pytest.mark.parametrize(
    ("target", "key"),
    [
        ("/docs/terms/x/", "/docs/terms/x"),
        ("/docs/terms/x/index.html", "/docs/terms/x"),
        ("/docs/terms/x.html", "/docs/terms/x"),
        ("/docs/terms/x?utm_source=a", "/docs/terms/x"),
        ("/docs/terms/%78/", "/docs/terms/x"),
        ("https://example.org/docs/terms/x/", "/docs/terms/x"),
        ("/", "/"),
        ("/docs/assets/site.css", None),
        ("/docs/terms/../terms/x/", None),
        ("/docs/terms/%2e%2e/x/", None),
        ("/docs/terms/x%00/", None),
        ("/docs/terms/%ff/", None),
        ("/docs\\terms\\x", None),
        ("*", None),
        ("/" + "a" * 5000, None),
    ],
)
def test_page_keys(target: str, key: str | None) -> None:
    assert page_key(target) == key


def test_term_page_keys_follow_the_site_url() -> None:
    assert site_path("https://example.org/docs") == "/docs/" and site_path(None) == "/"
    assert term_page_key("https://example.org/docs/", "terms/x/") == "/docs/terms/x"
    assert term_page_key(None, "glossary/terms/x.html") == "/glossary/terms/x"


@pytest.mark.parametrize(
    ("agent", "kind", "name"),
    [
        (
            "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2; +https://openai.com/gptbot)",
            Kind.AI,
            "ChatGPT",
        ),
        ("Mozilla/5.0 (compatible; OAI-SearchBot/1.0; +https://openai.com/searchbot)", Kind.AI, "ChatGPT"),
        ("Mozilla/5.0 (compatible; Claude-User/1.0; +Claude-User@anthropic.com)", Kind.AI, "Claude"),
        ("Mozilla/5.0 (compatible; Google-Extended)", Kind.AI, "Gemini"),
        ("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", Kind.SEARCH, "Google"),
        (
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Applebot-Extended/0.1",
            Kind.AI,
            "Apple Intelligence",
        ),
        ("Mozilla/5.0 (compatible; Bytespider; spider-feedback@bytedance.com)", Kind.AI, "ByteDance"),
        ("CCBot/2.0 (https://commoncrawl.org/faq/)", Kind.AI, "Common Crawl"),
        (
            "meta-externalagent/1.1 (+https://developers.facebook.com/docs/sharing/webmasters/crawler)",
            Kind.AI,
            "Meta AI",
        ),
        ("Mozilla/5.0 (compatible; MJ12bot/v1.4.8; http://mj12bot.com/)", Kind.SEARCH, "Majestic"),
        ("python-requests/2.32.3", Kind.BOT, "python-requests"),
        ("", Kind.BOT, "no user agent"),
        (
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
            Kind.PERSON,
            "",
        ),
    ],
)
def test_visitors(agent: str, kind: Kind, name: str) -> None:
    visitor = Classifier().classify(agent)
    assert (visitor.kind, visitor.name) == (kind, name)


def test_the_crawler_table_is_checked(tmp_path: object) -> None:
    from pathlib import Path

    folder = Path(str(tmp_path))
    assert all(isinstance(e, CrawlerEntry) for e in load_table()) and len(load_table()) > 40
    bad = folder / "bad.yml"
    for text in ["{}", "- {token: x, name: y, kind: friend}", "- {token: '', name: y, kind: ai}", "- x"]:
        bad.write_text(text)
        with pytest.raises(CrawlerTableError, match=r"bad\.yml"):
            load_table(bad)
    assert Classifier([]).classify("GPTBot/1.0").kind is Kind.BOT  # without the table, the library still knows it
