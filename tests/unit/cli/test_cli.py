"""The command line, run as a user runs it: in a subprocess, checking output and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from tests.support.commands import run_cli
from tests.support.paths import REPO
from tests.support.terms import write_term, write_terms


def test_validate_repository_terms_is_clean() -> None:
    result = run_cli("validate", "--strict", "terms/", cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert "0 error(s), 0 warning(s)" in result.stdout


def test_validate_defaults_to_terms_folder_and_reports_wrong_type_with_line(tmp_path: Path) -> None:
    write_term(tmp_path / "terms", "good")
    write_terms(tmp_path / "terms", {"bad": "title: Bad\ncategory: x\ntldr: fine\nmistakes: 42\n"})
    result = run_cli("validate", cwd=tmp_path)
    assert result.returncode == 1
    assert "terms/bad.yml:4:11: mistakes: Input should be a valid list" in result.stderr
    assert "Traceback" not in result.stderr


def test_all_problems_across_files_are_reported_together(tmp_path: Path) -> None:
    write_terms(
        tmp_path / "terms",
        {"one": "title: One\ncategory: x\n", "two": "title: Two\ncategory: x\ntldr: t\nlevel: guru\n"},
    )
    result = run_cli("validate", cwd=tmp_path)
    assert result.returncode == 1
    assert "terms/one.yml:1:1: tldr: required field 'tldr' is missing" in result.stderr
    assert "terms/two.yml:4:8: level:" in result.stderr


def test_strict_turns_warnings_into_failure(tmp_path: Path) -> None:
    write_term(tmp_path / "terms", "a", extra="debt: debt(d1/e1/b0/t1)\n")
    assert run_cli("validate", cwd=tmp_path).returncode == 0
    strict = run_cli("validate", "--strict", cwd=tmp_path)
    assert strict.returncode == 1
    assert "warning: debt.d.rationale: Detectability score has no rationale" in strict.stderr


def test_json_and_github_formats(tmp_path: Path) -> None:
    write_terms(tmp_path / "terms", {"bad": "title: Bad\ncategory: x\ntldr: t\nlevel: guru\n"})
    as_json = run_cli("validate", "--format", "json", cwd=tmp_path)
    assert as_json.returncode == 1
    report = json.loads(as_json.stdout)
    assert report["errors"] == 1
    assert report["problems"][0] | {"message": ""} == {
        "file": "terms/bad.yml",
        "line": 4,
        "column": 8,
        "field": "level",
        "message": "",
        "severity": "error",
    }
    github = run_cli("validate", "--format", "github", cwd=tmp_path)
    assert github.returncode == 1
    assert github.stdout.startswith("::error file=terms/bad.yml,line=4,col=8,title=glossdeck%3A level::")


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run_cli("validate", "--format", "xml", cwd=tmp_path).returncode == 2
    assert run_cli("frobnicate", cwd=tmp_path).returncode == 2
    assert run_cli("new", "Title", cwd=tmp_path).returncode == 2  # --category missing


def test_missing_path_is_a_located_problem(tmp_path: Path) -> None:
    result = run_cli("validate", "nowhere", cwd=tmp_path)
    assert result.returncode == 1
    assert "nowhere:1:1: no such file or folder" in result.stderr


def test_new_writes_a_valid_commented_template_and_never_overwrites(tmp_path: Path) -> None:
    created = run_cli("new", 'Cache Stampede: the "thundering" herd', "--category", "performance", cwd=tmp_path)
    assert created.returncode == 0, created.stderr
    path = tmp_path / "terms" / "cache-stampede-the-thundering-herd.yml"
    assert created.stdout.strip() == "terms/cache-stampede-the-thundering-herd.yml"
    text = path.read_text()
    assert text.startswith("# yaml-language-server: $schema=../schema/term.schema.json\n")
    assert yaml.safe_load(text)["title"] == 'Cache Stampede: the "thundering" herd'
    assert run_cli("validate", "--strict", cwd=tmp_path).returncode == 0
    path.write_text(text + "# my edits\n")
    again = run_cli("new", 'Cache Stampede: the "thundering" herd', "--category", "performance", cwd=tmp_path)
    assert again.returncode == 1 and "already exists" in again.stderr
    assert path.read_text().endswith("# my edits\n")


def test_new_rejects_bad_category(tmp_path: Path) -> None:
    result = run_cli("new", "X", "--category", "Not Valid", cwd=tmp_path)
    assert result.returncode == 2 and "lowercase" in result.stderr


def test_new_keeps_a_title_in_any_script(tmp_path: Path) -> None:
    created = run_cli("new", "容器", "--category", "云原生", cwd=tmp_path)
    assert created.returncode == 0, created.stderr
    assert created.stdout.strip() == "terms/容器.yml"
    assert yaml.safe_load((tmp_path / "terms" / "容器.yml").read_text(encoding="utf-8"))["category"] == "云原生"
    german = run_cli("new", "Übung macht den Meister", "--category", "übungen", cwd=tmp_path)
    assert german.stdout.strip() == "terms/übung-macht-den-meister.yml", german.stderr
    assert run_cli("validate", "--strict", cwd=tmp_path).returncode == 0
    capital = run_cli("new", "X", "--category", "Übungen", cwd=tmp_path)
    assert capital.returncode == 2 and "e.g. 'übungen'" in capital.stderr
    nothing = run_cli("new", "!!!", "--category", "x", cwd=tmp_path)
    assert nothing.returncode == 2 and "--slug" in nothing.stderr


HOSTILE_FILES: dict[str, bytes] = {
    "binary": bytes(range(256)) * 4,
    "empty": b"",
    "list": b"- 1\n- 2\n",
    "huge": b"a" * (50 * 1024 * 1024),
    "bomb": b"a: &a ['x','x','x','x','x','x','x','x','x']\n"
    + b"".join(f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n".encode() for i in range(9)),
    "python-tag": b"title: !!python/object/apply:os.system ['touch pwned']\ncategory: x\ntldr: t\n",
    "utf8": b"title: caf\xe9\ncategory: x\ntldr: t\n",
}


@pytest.mark.parametrize("name", sorted(HOSTILE_FILES))
def test_no_input_makes_validate_traceback_hang_or_exit_other_than_1(tmp_path: Path, name: str) -> None:
    (tmp_path / "terms").mkdir()
    (tmp_path / "terms" / f"{name}.yml").write_bytes(HOSTILE_FILES[name])
    result = run_cli("validate", cwd=tmp_path, timeout=60)
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    assert f"terms/{name}.yml:" in result.stderr
    assert not (tmp_path / "pwned").exists()
