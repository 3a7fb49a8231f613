"""`glossdeck export anki|csv`: decks readers take into Anki or other tools, with ids that survive
exports and edits (Anki matches notes by guid: a second import updates instead of duplicating)."""

from __future__ import annotations

import csv
import io
import os
import sqlite3
import zipfile
from pathlib import Path

from tests.support.commands import run_cli
from tests.support.terms import HOSTILE_TERM, default_terms, write_terms


def _notes(apkg: Path, tmp: Path) -> list[tuple[int, str, str, str]]:
    """(id, guid, fields, tags) of every note of the package's SQLite collection."""
    with zipfile.ZipFile(apkg) as z:
        assert "collection.anki2" in z.namelist()
        target = tmp / f"{apkg.stem}.anki2"
        target.write_bytes(z.read("collection.anki2"))
    with sqlite3.connect(target) as db:
        notes = db.execute("SELECT id, guid, flds, tags FROM notes ORDER BY guid").fetchall()
        cards = db.execute("SELECT COUNT(*) FROM cards").fetchone()[0]
        assert db.execute("SELECT COUNT(*) FROM col").fetchone()[0] == 1
    assert cards == len(notes), "one card per note"
    return notes


def test_anki_package_has_a_note_per_card_and_the_same_note_ids_in_two_exports(tmp_path: Path) -> None:
    write_terms(tmp_path / "terms", default_terms())
    first = run_cli("export", "anki", "one.apkg", "--site-url", "https://example.org/docs", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert "written to one.apkg" in first.stdout
    second = run_cli("export", "anki", "two.apkg", "--site-url", "https://example.org/docs", cwd=tmp_path)
    assert second.returncode == 0, second.stderr
    one, two = _notes(tmp_path / "one.apkg", tmp_path), _notes(tmp_path / "two.apkg", tmp_path)
    # TL;DR -> term and term -> TL;DR for each of the three terms, true or false where a term has a
    # misconception (one of them does)
    expected = 2 * 3 + sum("\nmisconception:" in t for t in default_terms().values())
    assert expected == 7 and len(one) == expected
    assert len({guid for _, guid, _, _ in one}) == expected
    assert [(i, g) for i, g, _, _ in one] == [(i, g) for i, g, _, _ in two], "same note ids and guids"
    assert (tmp_path / "one.apkg").read_bytes() == (tmp_path / "two.apkg").read_bytes()
    fields = {f.split("\x1f")[2]: f for _, _, f, _ in one if "Which term is this?" in f}
    sql = fields["SQL Injection"]
    assert "SQL Injection" not in sql.split("\x1f")[0], "the TL;DR -> term card hides the term's name"
    assert 'href="https://example.org/docs/terms/sql-injection/"' in sql
    assert any("True or false?" in f and "False. " in f for _, _, f, _ in one)
    assert all(" glossdeck " in f" {tags} " for _, _, _, tags in one)


def test_edited_text_keeps_each_note_and_updates_it(tmp_path: Path) -> None:
    terms = write_terms(tmp_path / "terms", default_terms())
    assert run_cli("export", "anki", "before.apkg", cwd=tmp_path).returncode == 0
    path = terms / "sql-injection.yml"
    text = path.read_text()
    assert "\ntldr: " in text
    path.write_text(text.replace("\ntldr: ", "\ntldr: Rewritten. ", 1))
    os.utime(path, (path.stat().st_atime, path.stat().st_mtime + 60))  # saved later
    assert run_cli("export", "anki", "after.apkg", cwd=tmp_path).returncode == 0
    before = {g: f for _, g, f, _ in _notes(tmp_path / "before.apkg", tmp_path)}
    after = {g: f for _, g, f, _ in _notes(tmp_path / "after.apkg", tmp_path)}
    assert set(before) == set(after), "the same notes: Anki updates them on import"
    assert any(before[g] != after[g] for g in before), "with the new text"
    with sqlite3.connect(tmp_path / "after.anki2") as db:
        newest = db.execute("SELECT MAX(mod) FROM notes").fetchone()[0]
    with sqlite3.connect(tmp_path / "before.anki2") as db:
        assert newest > db.execute("SELECT MAX(mod) FROM notes").fetchone()[0], "newer notes win in Anki"


def test_category_choice_and_an_unknown_category(tmp_path: Path) -> None:
    write_terms(tmp_path / "terms", default_terms())
    result = run_cli("export", "anki", "sec.apkg", "--category", "security", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    notes = _notes(tmp_path / "sec.apkg", tmp_path)
    assert len(notes) == 2 and all("security" in tags.split() for _, _, _, tags in notes)
    bad = run_cli("export", "anki", "x.apkg", "--category", "nope", cwd=tmp_path)
    assert bad.returncode == 1
    assert "no category nope" in bad.stderr and "security" in bad.stderr
    assert not (tmp_path / "x.apkg").exists()


def test_csv_has_a_row_per_card_with_stable_ids(tmp_path: Path) -> None:
    write_terms(tmp_path / "terms", default_terms())
    result = run_cli("export", "csv", "deck.csv", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO((tmp_path / "deck.csv").read_text(encoding="utf-8"))))
    assert len(rows) == 7
    ids = {r["id"] for r in rows}
    assert len(ids) == 7 and {"sql-injection:tldr-term", "sql-injection:term-tldr"} <= ids
    assert "immutable-infrastructure:misconception" in ids
    row = next(r for r in rows if r["id"] == "sql-injection:term-tldr")
    assert row["front"] == "SQL Injection" and row["kind"] == "term-tldr" and row["back"]


def test_hostile_text_is_escaped_in_anki_fields(tmp_path: Path) -> None:
    write_terms(tmp_path / "terms", {"hostile": HOSTILE_TERM, **default_terms()})
    result = run_cli("export", "anki", "h.apkg", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    for _, _, fields, _ in _notes(tmp_path / "h.apkg", tmp_path):
        assert "<script" not in fields and "<img" not in fields and "<iframe" not in fields, fields
        assert "javascript:" not in fields.lower() or "&" in fields


def test_export_command_has_one_shape_and_export_markdown_stays(tmp_path: Path) -> None:
    help_text = run_cli("export", "--help").stdout
    for name in ("markdown", "zensical", "anki", "csv"):
        assert name in help_text
    write_terms(tmp_path / "terms", default_terms())
    assert run_cli("export-markdown", "md", cwd=tmp_path).returncode == 0
    assert run_cli("export", "markdown", "md2", cwd=tmp_path).returncode == 0
    assert (tmp_path / "md2" / "terms" / "sql-injection.md").read_text() == (
        tmp_path / "md" / "terms" / "sql-injection.md"
    ).read_text()
