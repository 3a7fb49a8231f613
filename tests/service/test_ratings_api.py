"""Issue 16's ratings service, run for real: `glossdeck api` as a subprocess on 127.0.0.1, once over
SQLite and once over a throwaway PostgreSQL server. Rating, changing a rating, the aggregate, the
limits, every bad input (a JSON 4xx, nothing stored), CORS, and the build rendering the average."""

from __future__ import annotations

import http.client
import itertools
import json
import sqlite3
from collections.abc import Iterator
from contextlib import AbstractContextManager
from pathlib import Path

import pytest

from tests.support.postgres import postgres_server
from tests.support.ratings_service import Service, ratings_service
from tests.support.sites import build_site
from tests.support.stats_page import shown_stats
from tests.support.terms import default_terms, write_terms

SLUG = "sql-injection"
ORIGIN = "https://glossary.example.org"
NUMBER = itertools.count()


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    with postgres_server() as url:
        yield url


def _fresh_postgres(url: str) -> str:
    import psycopg

    name = f"ratings_{next(NUMBER)}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return url.rsplit("/", 1)[0] + "/" + name


class Backend:
    def __init__(self, kind: str, root: Path, pg: str | None) -> None:
        self.kind, self.root = kind, root
        self.db = root / "stats.sqlite"
        self.url = _fresh_postgres(pg) if pg else None
        self.terms = write_terms(root / "terms", default_terms())

    def service(self, *extra: str) -> AbstractContextManager[Service]:
        return ratings_service(self.terms, db=self.db, database_url=self.url, extra=extra)

    def stored(self) -> list[tuple[str, str, int]]:
        if self.url:
            import psycopg

            with psycopg.connect(self.url) as conn:
                return sorted(conn.execute("SELECT slug, visitor, rating FROM ratings").fetchall())
        if not self.db.exists():
            return []
        with sqlite3.connect(self.db) as conn:
            return sorted(conn.execute("SELECT slug, visitor, rating FROM ratings"))


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Backend:
    pg = request.getfixturevalue("pg_url") if request.param == "postgresql" else None
    return Backend(request.param, tmp_path, pg)


def test_rate_change_and_aggregate(backend: Backend) -> None:
    with backend.service() as api:
        first = api.request("GET", f"/api/ratings/{SLUG}")
        assert (first.status, first.body) == (200, {"slug": SLUG, "count": 0, "average": None})
        assert api.rate(SLUG, 4, "visitor-aaaa").body == {"slug": SLUG, "count": 1, "average": 4.0}
        assert api.rate(SLUG, 1, "visitor-bbbb").body == {"slug": SLUG, "count": 2, "average": 2.5}
        changed = api.rate(SLUG, 5, "visitor-aaaa")  # the same visitor again: a change, not a second rating
        assert (changed.status, changed.body) == (200, {"slug": SLUG, "count": 2, "average": 3.0})
        assert api.rate("blue-green-deployment", 2, "visitor-aaaa").body["count"] == 1
        assert api.request("GET", f"/api/ratings/{SLUG}").body == {"slug": SLUG, "count": 2, "average": 3.0}
        assert api.request("GET", f"/api/ratings/{SLUG}").headers["cache-control"] == "no-store"
    assert backend.stored() == [
        ("blue-green-deployment", "visitor-aaaa", 2),
        (SLUG, "visitor-aaaa", 5),
        (SLUG, "visitor-bbbb", 1),
    ]


BAD_RATINGS = [0, 6, -1, 3.5, "4", True, None, [4], {"stars": 4}, 10**20]
BAD_VISITORS = ["", "short", "<script>alert(1)</script>", "a" * 129, 12345678, None, "visitor 0001"]


def _chunked(api: Service, size: int) -> tuple[int, dict[str, object]]:
    host, port = api.url.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=10)
    body = iter([b'{"rating": 4, "visitor": "' + b"v" * (size // 2), b"v" * (size // 2) + b'"}'])
    conn.request(
        "POST", f"/api/ratings/{SLUG}", body=body, headers={"Content-Type": "application/json"}, encode_chunked=True
    )
    response = conn.getresponse()
    answer = response.status, json.loads(response.read())
    conn.close()
    return answer


def test_every_bad_input_is_a_json_4xx_and_stores_nothing(backend: Backend) -> None:
    json_type = {"Content-Type": "application/json"}
    with backend.service() as api:
        answers = []
        for rating in BAD_RATINGS:
            answers.append(("rating", rating, api.rate(SLUG, rating)))
        for visitor in BAD_VISITORS:
            answers.append(("visitor", visitor, api.rate(SLUG, 4, visitor)))  # type: ignore[arg-type]
        for body in [b"not json", b"{", b"[4]", b'"4"', b"", b"\xff\xfe", b'{"rating": 4}']:
            answers.append(("body", body, api.request("POST", f"/api/ratings/{SLUG}", body, json_type)))
        big = json.dumps({"rating": 4, "visitor": "visitor-0001", "pad": "x" * 5000}).encode()
        answers.append(("oversized", len(big), api.request("POST", f"/api/ratings/{SLUG}", big, json_type)))
        answers.append(
            (
                "form",
                "text/plain",
                api.request("POST", f"/api/ratings/{SLUG}", b'{"rating":4}', {"Content-Type": "text/plain"}),
            )
        )
        for slug in ["no-such-term", "..%2F..%2Fetc", "SQL-INJECTION", "x" * 300, "%3Cscript%3E"]:
            answers.append(("slug", slug, api.rate(slug, 4)))
            answers.append(("slug GET", slug, api.request("GET", f"/api/ratings/{slug}")))
        answers.append(("method", "DELETE", api.request("DELETE", f"/api/ratings/{SLUG}")))
        answers.append(("method", "PUT", api.request("PUT", f"/api/ratings/{SLUG}", b"{}", json_type)))
        answers.append(("path", "/api/ratings/", api.request("GET", "/api/ratings/")))
        for what, value, answer in answers:
            assert 400 <= answer.status < 500, (what, value, answer)
            assert answer.is_json and isinstance(answer.body, dict) and answer.body.get("error"), (what, value, answer)
        statuses = {what: answer.status for what, _, answer in answers}
        assert statuses["oversized"] == 413 and statuses["form"] == 415 and statuses["slug"] == 404
        assert statuses["method"] == 405
        assert _chunked(api, 4000)[0] == 413  # no Content-Length: counted as it streams in
        assert api.request("GET", f"/api/ratings/{SLUG}").body["count"] == 0
    assert backend.stored() == []


def test_posts_are_rate_limited_per_address(backend: Backend) -> None:
    with backend.service("--rate-limit", "3") as api:
        ok = [api.rate(SLUG, 3, f"visitor-{n:04d}").status for n in range(3)]
        refused = api.rate(SLUG, 3, "visitor-9999")
        assert ok == [200, 200, 200]
        assert refused.status == 429 and refused.is_json and int(refused.headers["retry-after"]) >= 1
        assert api.request("GET", f"/api/ratings/{SLUG}").body["count"] == 3  # reading is not limited
    assert len(backend.stored()) == 3


def test_cors_answers_the_sites_origin_only(backend: Backend) -> None:
    preflight = {"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"}
    with backend.service("--allow-origin", ORIGIN) as api:
        allowed = api.request("OPTIONS", f"/api/ratings/{SLUG}", headers={"Origin": ORIGIN, **preflight})
        assert allowed.status == 200 and allowed.headers["access-control-allow-origin"] == ORIGIN
        other = api.request("OPTIONS", f"/api/ratings/{SLUG}", headers={"Origin": "https://evil.example", **preflight})
        assert other.status == 400 and other.is_json and "access-control-allow-origin" not in other.headers
        posted = api.rate(SLUG, 4, Origin="https://evil.example")
        assert "access-control-allow-origin" not in posted.headers
        assert api.rate(SLUG, 4, Origin=ORIGIN).headers["access-control-allow-origin"] == ORIGIN


def test_the_build_renders_the_average_from_the_database(backend: Backend) -> None:
    with backend.service() as api:
        api.rate(SLUG, 5, "visitor-aaaa")
        api.rate(SLUG, 2, "visitor-bbbb")
        api.rate(SLUG, 4, "visitor-cccc")
    source = f"ratings_database_url: {backend.url}" if backend.url else f"stats: {backend.db}"
    built = build_site(
        backend.root / "site",
        terms=default_terms(),
        glossdeck=f"terms_dir: terms\n{source}\nratings_endpoint: http://127.0.0.1:9/api/ratings/",
    )
    assert built.ok, (built.error, built.warnings())
    assert shown_stats(built.page(f"terms/{SLUG}/")).rating_summary == "Rated 3.7 out of 5 from 3 ratings"
    assert shown_stats(built.page("terms/blue-green-deployment/")).rating_summary == "No ratings yet"
    assert 'data-gd-rating-endpoint="http://127.0.0.1:9/api/ratings/sql-injection"' in built.page(f"terms/{SLUG}/")
