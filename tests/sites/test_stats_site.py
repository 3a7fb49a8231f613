"""Issue 16 end to end: generated access logs (rotations, .gz, overlaps, duplicates, malformed and
hostile lines, every kind of visitor, nginx/Apache combined and Caddy JSON) ingested with the real
`glossdeck stats ingest`, then a real MkDocs build: each term page shows exactly the counts the logs
hold, ingesting again changes nothing, log text is escaped, and without the option nothing shows."""

from __future__ import annotations

import datetime as dt
import gzip
import random
import sqlite3
from collections import Counter
from pathlib import Path

import pytest

from glossdeck.i18n.messages import english
from glossdeck.stats.visitor_kinds import Kind
from tests.support.access_logs import AGENTS, Expected, Hit, caddy_line, combined_line, expected
from tests.support.commands import run_cli
from tests.support.sites import BuiltSite, build_site
from tests.support.stats_page import shown_stats
from tests.support.terms import default_terms

TODAY = dt.date(2026, 3, 27)
SLUGS = sorted(default_terms())
SITE_URL = "https://example.org/docs/"
ZONES = [dt.UTC, dt.timezone(dt.timedelta(hours=2)), dt.timezone(dt.timedelta(hours=-5, minutes=-30))]
HOSTILE_NAME = '<img src=x onerror=alert(1)> "Evil" & Co'
HOSTILE_AGENT = '<script>alert("gd")</script> Mozilla/5.0 (compatible; EvilAgent/1.0)'


def forms(slug: str) -> set[str]:
    """Every URL of a term page the site (and readers' links to it) produce."""
    base = f"/docs/terms/{slug}"
    encoded = f"/docs/terms/%{ord(slug[0]):02x}{slug[1:]}/"
    return {f"{base}/", f"{base}/index.html", base, f"{base}/?utm_source=feed#tldr", encoded}


NOT_COUNTED_PATHS = [
    "/docs/",
    "/docs/assets/glossdeck/glossdeck.css",
    "/docs/cards/sql-injection.svg",
    "/docs/terms/no-such-term/",
    "/docs/terms/../terms/sql-injection/",
    "/docs/terms/sql-injection/../../etc/passwd",
]


def scenario(seed: int = 16) -> list[Hit]:
    rng = random.Random(seed)
    agents = ["person", "person", "person", "phone", *AGENTS]
    hits: list[Hit] = []
    for _ in range(1200):
        day = TODAY - dt.timedelta(days=rng.randrange(0, 40))
        when = dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC) + dt.timedelta(seconds=rng.randrange(86400))
        when = when.astimezone(rng.choice(ZONES))  # the log's own offset; the day counted is UTC's
        slug = rng.choice(SLUGS)
        roll = rng.random()
        status, method, path = 200, "GET", rng.choice(sorted(forms(slug)))
        if roll < 0.06:
            path = rng.choice(NOT_COUNTED_PATHS)
        elif roll < 0.1:
            status = rng.choice([404, 301, 500, 206])
        elif roll < 0.13:
            method = rng.choice(["POST", "HEAD"])
        elif roll < 0.2:
            status = 304
        client = f"198.51.100.{rng.randrange(1, 255)}"
        hits.append(Hit(when, path, rng.choice(agents), status, client, method))
    hits.sort(key=lambda h: h.when.timestamp())
    # the same request twice in one second: two lines, two views
    hits.insert(300, hits[300])
    hits.insert(900, hits[900])
    # today's hits land near the end, in the newest log
    return hits


def write_logs(folder: Path, hits: list[Hit]) -> tuple[list[Path], int]:
    """Two servers: nginx (combined, three overlapping rotations, the oldest gzipped) and Caddy (JSON,
    two overlapping rotations). Returns the files in the order logrotate would list them and the
    number of malformed lines written into the newest combined log."""
    combined = [combined_line(h) for h in hits[: 2 * len(hits) // 3]]
    caddy = [caddy_line(h) for h in hits[2 * len(hits) // 3 :]]
    third = len(combined) // 3
    files = {
        "access.log.2.gz": combined[: third + 40],
        "access.log.1": combined[third - 30 : 2 * third + 25],
        "access.log": combined[2 * third - 10 :],
        "caddy.log.1.gz": caddy[: len(caddy) // 2 + 15],
        "caddy.log": caddy[len(caddy) // 2 - 15 :],
    }
    written: list[Path] = []
    for name, lines in files.items():
        data = ("\n".join(lines) + "\n").encode()
        path = folder / name
        if name == "access.log":
            data += hostile_lines()
        path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
        written.append(path)
    return written, MALFORMED


MALFORMED = 6


def hostile_lines() -> bytes:
    now = "27/Mar/2026:12:00:00 +0000"
    escaped_agent = HOSTILE_AGENT.replace('"', "\\x22")  # as nginx writes a quote inside a field
    ok = f'203.0.113.9 - - [{now}] "GET /docs/terms/blue-green-deployment/ HTTP/1.1" 200 10 "-" '
    return b"".join(
        line + b"\n"
        for line in [
            # counted: a person whose user agent is not UTF-8, and a crawler whose name (from the
            # site's crawler table) and user agent hold HTML
            f'203.0.113.9 - - [{now}] "GET /docs/terms/sql-injection/ HTTP/1.1" 200 10 "-" "Mozilla/5.0 (X11; '.encode()
            + b'Linux x86_64) \xff\xfe\xc3( Chrome/131.0"',
            (ok + f'"{escaped_agent}"').encode(),
            (ok.replace("12:00:00", "12:00:01") + f'"{escaped_agent}"').encode(),
            # not a page view: the path climbs out of the site
            f'203.0.113.9 - - [{now}] "GET /docs/terms/../../../etc/passwd HTTP/1.1" 200 10 "-" "curl/8"'.encode(),
            # malformed (MALFORMED of them)
            b"A" * 40_000,
            b"\x00\x01\x02 not a log line",
            b'{"level":"info","msg":"a Caddy line in an nginx log"}',
            f'203.0.113.9 - - [{now}] "GET /docs/terms/sql-injection/ HTTP/1.1" 200'.encode(),
            b'203.0.113.9 - - [31/Feb/2026:12:00:00 +0000] "GET / HTTP/1.1" 200 1 "-" "x"',
            b"   ",
        ]
    )


def hostile_expected(exp: dict[str, Expected]) -> None:
    exp["sql-injection"].views_total += 1
    exp["sql-injection"].views_30 += 1
    bg = exp["blue-green-deployment"]
    bg.all_time[HOSTILE_NAME] += 2
    bg.today[HOSTILE_NAME] += 2
    bg.kinds["ai"] += 2
    bg.days[TODAY.isoformat()] += 2


def crawler_table(folder: Path) -> Path:
    shipped = (Path(__file__).parents[2] / "plugins/glossdeck/stats/data/ai-crawlers.yml").read_text()
    table = folder / "crawlers.yml"
    table.write_text(f"- {{token: EvilAgent, name: '{HOSTILE_NAME}', kind: ai}}\n" + shipped)
    return table


def ingest(db: Path, table: Path, logs: list[Path]) -> str:
    done = run_cli("stats", "ingest", "--db", str(db), "--crawlers", str(table), *map(str, logs))
    assert done.returncode == 0, done.stderr
    return done.stdout


def dump(db: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as conn:
        return sorted(conn.execute("SELECT * FROM page_hits"))


def build(root: Path, options: str) -> BuiltSite:
    built = build_site(root, site_url=SITE_URL, glossdeck=f"terms_dir: terms\n{options}")
    assert built.ok, (built.error, built.warnings())
    return built


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Expected], list[Path], Path, str]:
    folder = tmp_path_factory.mktemp("logs")
    hits = scenario()
    logs, _ = write_logs(folder, hits)
    exp = expected(hits, {slug: forms(slug) for slug in SLUGS}, TODAY)
    hostile_expected(exp)
    table = crawler_table(folder)
    db = folder / "stats.sqlite"
    report = ingest(db, table, logs)
    return db, exp, logs, table, report


@pytest.fixture(scope="module")
def built(
    ingested: tuple[Path, dict[str, Expected], list[Path], Path, str], tmp_path_factory: pytest.TempPathFactory
) -> BuiltSite:
    db = ingested[0]
    return build(tmp_path_factory.mktemp("site"), f'stats: {db}\nstats_today: "{TODAY}"')


def test_the_scenario_holds_every_kind_of_visitor_and_line() -> None:
    hits = scenario()
    exp = expected(hits, {slug: forms(slug) for slug in SLUGS}, TODAY)
    kinds = Counter(k for e in exp.values() for k in e.kinds.elements())
    assert set(kinds) == {"ai", "search", "bot"} and all(e.views_total > 20 for e in exp.values())
    assert any(e.today for e in exp.values()) and {h.status for h in hits} >= {200, 304, 404, 301}
    assert any(h.when.date() != h.when.astimezone(dt.UTC).date() for h in hits)  # days counted in UTC


def test_the_report_counts_malformed_lines_and_goes_on(
    ingested: tuple[Path, dict[str, Expected], list[Path], Path, str],
) -> None:
    report = ingested[4]
    newest = next(line for line in report.splitlines() if line.split(" ")[0].endswith("/access.log"))
    assert f"{MALFORMED} malformed" in newest, report
    assert "(caddy)" in report and "caddy.log.1.gz (caddy)" in report


def test_each_term_page_shows_the_exact_counts(
    built: BuiltSite, ingested: tuple[Path, dict[str, Expected], list[Path], Path, str]
) -> None:
    exp = ingested[1]
    window = [(TODAY - dt.timedelta(days=d)).isoformat() for d in range(29, -1, -1)]
    for slug in SLUGS:
        shown = shown_stats(built.page(f"terms/{slug}/"))
        want = exp[slug]
        assert (shown.views_total, shown.views_30) == (want.views_total, want.views_30), slug
        assert shown.all_time == want.all_time, slug
        assert shown.today == want.today, slug
        assert shown.no_pings_today == (not want.today), slug
        assert shown.kinds == Counter({english()(f"stats.kinds.{Kind(k).value}"): n for k, n in want.kinds.items()}), (
            slug
        )
        assert shown.days == {day: want.days[day] for day in window}, slug
        assert shown.rating_summary is None  # no ratings_endpoint: no widget


def test_ingesting_again_changes_nothing(
    ingested: tuple[Path, dict[str, Expected], list[Path], Path, str], built: BuiltSite, tmp_path: Path
) -> None:
    db, _, logs, table, _ = ingested
    before = dump(db)
    report = ingest(db, table, [*logs, logs[1], logs[0]])  # every file again, and rotations twice
    assert dump(db) == before
    assert all(" 0 page views counted" in line for line in report.splitlines()), report
    again = build(tmp_path, f'stats: {db}\nstats_today: "{TODAY}"')
    for slug in SLUGS:
        assert again.page(f"terms/{slug}/") == built.page(f"terms/{slug}/")


def test_log_text_is_escaped_wherever_it_lands(built: BuiltSite) -> None:
    page = built.page("terms/blue-green-deployment/")
    assert "&lt;img src=x onerror=alert(1)&gt; &quot;Evil&quot; &amp; Co" in page
    for path in built.site_dir.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert "<img src=x" not in text and '<script>alert("gd")' not in text, path
        assert "etc/passwd" not in text, path


def test_the_readers_page_lists_the_most_read_terms_and_crawlers(
    built: BuiltSite, ingested: tuple[Path, dict[str, Expected], list[Path], Path, str]
) -> None:
    exp = ingested[1]
    page = built.page("readers/")
    order = sorted(SLUGS, key=lambda s: (-exp[s].views_total, -exp[s].views_30, s))
    titles = [built.page(f"terms/{s}/").split("<title>")[1].split(" - ")[0] for s in order]
    positions = [page.index(f">{t}</a>") for t in titles]
    assert positions == sorted(positions), titles
    for slug in SLUGS:
        assert f"<td>{exp[slug].views_total:,}</td>" in page
    total = Counter[str]()
    for e in exp.values():
        total.update(e.all_time)
    for name, count in total.items():
        if name != HOSTILE_NAME:
            assert f'<th scope="row">{name}</th>' in page and f"<td>{count:,}</td>" in page, name
    assert "Readers and crawlers" in page


def test_without_the_option_the_blocks_are_absent(tmp_path: Path) -> None:
    plain = build(tmp_path, "")
    for slug in SLUGS:
        page = plain.page(f"terms/{slug}/")
        assert "gd-stats" not in page and "AI Guestbook" not in page and "Rate this term" not in page
    assert not (plain.site_dir / "readers").exists()


def test_a_missing_database_is_a_located_warning_not_empty_widgets(tmp_path: Path) -> None:
    result = build_site(
        tmp_path, site_url=SITE_URL, glossdeck="terms_dir: terms\nstats: nowhere/stats.sqlite", strict=False
    )
    assert result.ok
    assert any("no such database" in w and "stats" in w for w in result.warnings()), result.warnings()
    assert "gd-guestbook" not in result.page("terms/sql-injection/")


def test_pages_without_directory_urls_under_a_prefix_count_in_their_own_url_forms(tmp_path: Path) -> None:
    noon = dt.datetime(2026, 3, 27, 12, tzinfo=dt.UTC)
    paths = [
        "/glossary/terms/sql-injection.html",
        "/glossary/terms/sql-injection.html?from=search",
        "/glossary/terms/sql-injection/",  # the same page under the other URL style: one page
        "/terms/sql-injection.html",  # not under the site's prefix: another page
        "/glossary/terms/sql-injection.svg",
    ]
    log = tmp_path / "access.log"
    log.write_text(
        "".join(combined_line(Hit(noon + dt.timedelta(seconds=n), p, "person")) + "\n" for n, p in enumerate(paths))
    )
    db = tmp_path / "stats.sqlite"
    assert run_cli("stats", "ingest", "--db", str(db), str(log)).returncode == 0
    built = build_site(
        tmp_path / "site",
        use_directory_urls=False,
        glossdeck=f'terms_dir: terms\nurl_prefix: glossary\nstats: {db}\nstats_today: "{TODAY}"',
    )
    assert built.ok, (built.error, built.warnings())
    assert shown_stats(built.page("glossary/terms/sql-injection.html")).views_total == 3
    readers = built.page("glossary/readers.html")
    assert 'href="terms/sql-injection.html"' in readers
