"""Access logs written for tests: every kind of visitor, in nginx/Apache "combined" and Caddy JSON,
with the counts a correct ingest must find (`Expected`).

A scenario is a list of `Hit`s (when, path, status, user agent, client); `combined_line` and
`caddy_line` write one as that server would. Hostile lines (too long, invalid UTF-8, HTML in the
user agent, `../` paths) are added by the tests themselves.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass, field

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"
PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Version/17.5 Mobile Safari/604.1"
AGENTS = {
    "ChatGPT": "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2; +https://openai.com/gptbot)",
    "ChatGPT-User": "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko); compatible; ChatGPT-User/1.0; +https://openai.com/bot",
    "Claude": "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; ClaudeBot/1.0; +claudebot@anthropic.com)",
    "Perplexity": "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; PerplexityBot/1.0; +https://perplexity.ai/perplexitybot)",
    "Amazonbot": "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; Amazonbot/0.1; +https://developer.amazon.com/support/amazonbot) Chrome/119.0.6045.214 Safari/537.36",
    "Google": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "Bing": "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm) Chrome/116.0.1938.76 Safari/537.36",
    "Ahrefs": "Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)",
    "SEMrush": "Mozilla/5.0 (compatible; SemrushBot/7~bl; +http://www.semrush.com/bot.html)",
    "Majestic": "Mozilla/5.0 (compatible; MJ12bot/v1.4.8; http://mj12bot.com/)",
    "curl": "curl/8.5.0",
}
# the names the AI Guestbook shows for each agent above (ChatGPT-User is ChatGPT too)
SHOWN = {key: ("ChatGPT" if key == "ChatGPT-User" else key) for key in AGENTS}
KINDS = {
    "ChatGPT": "ai",
    "Claude": "ai",
    "Perplexity": "ai",
    "Amazonbot": "ai",
    "Google": "search",
    "Bing": "search",
    "Ahrefs": "search",
    "SEMrush": "search",
    "Majestic": "search",
    "curl": "bot",
}


@dataclass(frozen=True)
class Hit:
    when: dt.datetime  # aware
    path: str
    agent: str  # a key of AGENTS, or "person" (a browser)
    status: int = 200
    client: str = "198.51.100.7"
    method: str = "GET"

    @property
    def user_agent(self) -> str:
        return BROWSER if self.agent == "person" else PHONE if self.agent == "phone" else AGENTS[self.agent]


def combined_line(hit: Hit) -> str:
    stamp = hit.when.strftime("%d/%b/%Y:%H:%M:%S %z")
    return (
        f'{hit.client} - - [{stamp}] "{hit.method} {hit.path} HTTP/1.1" {hit.status} 5120 '
        f'"https://example.org/" "{hit.user_agent}"'
    )


def caddy_line(hit: Hit) -> str:
    entry = {
        "level": "info",
        "ts": hit.when.timestamp(),
        "logger": "http.log.access.log0",
        "msg": "handled request",
        "request": {
            "remote_ip": hit.client,
            "remote_port": "52144",
            "client_ip": hit.client,
            "proto": "HTTP/2.0",
            "method": hit.method,
            "host": "example.org",
            "uri": hit.path,
            "headers": {"User-Agent": [hit.user_agent], "Accept": ["text/html"]},
        },
        "bytes_read": 0,
        "duration": 0.0004,
        "size": 5120,
        "status": hit.status,
        "resp_headers": {"Content-Type": ["text/html; charset=utf-8"]},
    }
    return json.dumps(entry)


@dataclass
class Expected:
    """What a page must show for one term, as of `today`."""

    views_total: int = 0
    views_30: int = 0
    today: Counter[str] = field(default_factory=Counter)
    all_time: Counter[str] = field(default_factory=Counter)
    kinds: Counter[str] = field(default_factory=Counter)
    days: Counter[str] = field(default_factory=Counter)  # ISO day -> pings, last 30 days


def expected(hits: list[Hit], term_paths: dict[str, set[str]], today: dt.date) -> dict[str, Expected]:
    """The counts per term slug of `hits` whose path is one of that term's URL forms (200/304 GETs)."""
    first = today - dt.timedelta(days=29)
    result = {slug: Expected() for slug in term_paths}
    for hit in hits:
        if hit.method != "GET" or hit.status not in (200, 304):
            continue
        slug = next((s for s, forms in term_paths.items() if hit.path in forms), None)
        if slug is None:
            continue
        exp = result[slug]
        day = hit.when.astimezone(dt.UTC).date()
        if hit.agent in ("person", "phone"):
            exp.views_total += 1
            exp.views_30 += first <= day <= today
            continue
        name = SHOWN[hit.agent]
        exp.all_time[name] += 1
        exp.kinds[KINDS[name]] += 1
        if first <= day <= today:
            exp.days[day.isoformat()] += 1
        if day == today:
            exp.today[name] += 1
    return result
