"""Under `mkdocs serve` the stats are part of what a term page is kept by: after an ingest, a rebuild
renders again the pages whose counts changed, and only those (counted, never timed)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.serve.test_rebuilds import ServeSite
from tests.support.access_logs import Hit, combined_line
from tests.support.commands import run_cli
from tests.support.sites import mkdocs_yml
from tests.support.stats_page import shown_stats

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
TODAY = dt.date(2026, 3, 27)


def _ingest(db: Path, log: Path, slug: str, agents: list[str]) -> None:
    noon = dt.datetime(2026, 3, 27, 12, tzinfo=dt.UTC)
    start = len(log.read_text().splitlines()) if log.exists() else 0
    hits = [Hit(noon + dt.timedelta(seconds=start + n), f"/terms/{slug}/", a) for n, a in enumerate(agents)]
    with log.open("a") as out:
        out.write("".join(combined_line(h) + "\n" for h in hits))
    done = run_cli("stats", "ingest", "--db", str(db), str(log))
    assert done.returncode == 0, done.stderr


def test_an_ingest_rerenders_the_pages_whose_counts_changed(tmp_path: Path) -> None:
    db, log = tmp_path / "stats.sqlite", tmp_path / "access.log"
    _ingest(db, log, "term-00003", ["person"])
    site = ServeSite(tmp_path / "site", 8)
    try:
        options = f'terms_dir: terms\nstats: {db}\nstats_today: "{TODAY}"'
        (site.root / "mkdocs.yml").write_text(mkdocs_yml(glossdeck=options))
        site.build()
        page = (site.root / "site/terms/term-00003/index.html").read_text()
        assert shown_stats(page).views_total == 1
        assert site.build()["term_pages_rendered"] == 0  # nothing changed: nothing rendered

        _ingest(db, log, "term-00005", ["person", "ChatGPT"])
        stats = site.build()
        assert stats["term_pages_rendered"] == 1
        shown = shown_stats((site.root / "site/terms/term-00005/index.html").read_text())
        assert (shown.views_total, dict(shown.today)) == (1, {"ChatGPT": 1})
        assert "ChatGPT" in (site.root / "site/readers/index.html").read_text()
    finally:
        site.close()
