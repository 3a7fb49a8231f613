#!/usr/bin/env python3
"""Ingest-speed benchmark (issue 16): `glossdeck stats ingest` over generated access logs.

For each size (default 250,000, 500,000 and 1,000,000 lines) it writes one nginx "combined" log
into a temporary folder, shaped like a busy glossary's: 500 terms, each in the URL forms readers
use, people on many browsers, the AI crawlers and search bots of the crawler table, unknown bots,
assets, 404s, redirects and a few malformed lines, over 60 days. It then runs the real command
(a subprocess, a fresh database) and prints the lines per second; then reads the same log again
(every line already counted) and prints that too. Ingest is linear in the log's size when the time
per line stays flat from the smallest to the largest log: the script prints that ratio and PASS
when it is within 1.5.

    PYTHONPATH=plugins python scripts/bench_ingest.py
    PYTHONPATH=plugins python scripts/bench_ingest.py --sizes 100000,1000000 --runs 3
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BROWSERS = [
    f"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{v}.0.0.0 Safari/537.36"
    for v in range(110, 132)
] + [
    f"Mozilla/5.0 (iPhone; CPU iPhone OS 17_{v} like Mac OS X) AppleWebKit/605.1.15 Version/17.{v} Mobile/15E148 Safari/604.1"
    for v in range(0, 7)
]
CRAWLERS = [
    "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2; +https://openai.com/gptbot)",
    "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; ClaudeBot/1.0; +claudebot@anthropic.com)",
    "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; PerplexityBot/1.0)",
    "Mozilla/5.0 (compatible; Amazonbot/0.1; +https://developer.amazon.com/support/amazonbot)",
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)",
    "Mozilla/5.0 (compatible; SemrushBot/7~bl; +http://www.semrush.com/bot.html)",
    "python-requests/2.32.3",
    "curl/8.5.0",
]
ASSETS = [
    "/assets/glossdeck/glossdeck.css",
    "/assets/javascripts/bundle.js",
    "/cards/x.svg",
    "/search/search_index.json",
]


def write_log(path: Path, lines: int, seed: int = 16) -> None:
    rng = random.Random(seed)
    start = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    span = 60 * 86400
    slugs = [f"term-{n:03d}" for n in range(500)]
    with path.open("w", encoding="utf-8") as out:
        for n in range(lines):
            when = start + dt.timedelta(seconds=span * n // lines)
            roll = rng.random()
            if roll < 0.002:
                out.write("garbage line that no server wrote\n")
                continue
            agent = rng.choice(BROWSERS) if roll < 0.7 else rng.choice(CRAWLERS)
            if roll < 0.85:
                slug = rng.choice(slugs)
                target = rng.choice([f"/terms/{slug}/", f"/terms/{slug}/index.html", f"/terms/{slug}/?ref=feed"])
                status = rng.choice([200, 200, 200, 200, 304, 404])
            else:
                target, status = rng.choice(ASSETS), rng.choice([200, 304])
            out.write(
                f"198.51.{rng.randrange(256)}.{rng.randrange(256)} - - [{when:%d/%b/%Y:%H:%M:%S +0000}] "
                f'"GET {target} HTTP/1.1" {status} {rng.randrange(200, 90000)} "-" "{agent}"\n'
            )


def ingest_seconds(db: Path, log: Path) -> float:
    env = dict(os.environ)
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "glossdeck", "stats", "ingest", "--db", str(db), str(log)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"ingest failed: {done.stderr}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="250000,500000,1000000", help="log sizes in lines, comma-separated")
    parser.add_argument("--runs", type=int, default=1, help="runs per size (the median is reported)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    per_line: dict[int, float] = {}
    print(f"{'lines':>10} {'MB':>7} {'first ingest':>13} {'lines/s':>10} {'again':>8} {'lines/s':>10}")
    with tempfile.TemporaryDirectory(prefix="glossdeck-bench-ingest-") as tmp:
        for size in sizes:
            log = Path(tmp) / f"access-{size}.log"
            write_log(log, size)
            firsts, agains = [], []
            for run in range(args.runs):
                db = Path(tmp) / f"stats-{size}-{run}.sqlite"
                firsts.append(ingest_seconds(db, log))
                agains.append(ingest_seconds(db, log))
            first, again = statistics.median(firsts), statistics.median(agains)
            per_line[size] = first / size
            mb = log.stat().st_size / 1e6
            print(
                f"{size:>10,} {mb:>7.1f} {first:>12.2f}s {size / first:>10,.0f} {again:>7.2f}s {size / again:>10,.0f}"
            )
            log.unlink()
    smallest, largest = min(per_line), max(per_line)
    ratio = per_line[largest] / per_line[smallest]
    verdict = "PASS" if ratio <= 1.5 else "FAIL"
    print(
        f"linear in size: time per line at {largest:,} lines is {ratio:.2f}x that at {smallest:,} "
        f"(within 1.5x: {verdict})"
    )
    return 0 if verdict == "PASS" else 1


if __name__ == "__main__":
    sys.exit(main())
