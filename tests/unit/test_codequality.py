"""`glossdeck validate --format codequality`: a GitLab Code Quality report of every problem."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def _validate(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO / "plugins")}
    return subprocess.run(
        [sys.executable, "-m", "glossdeck", "validate", "--format", "codequality", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_report_locates_each_problem_with_gitlab_fields(tmp_path: Path) -> None:
    (tmp_path / "terms").mkdir()
    (tmp_path / "terms" / "bad.yml").write_text(
        "title: Bad\ncategory: misc\ntldr: Short.\nlevel: expert\nmisconception: {belif: x}\n", encoding="utf-8"
    )
    result = _validate("terms/", cwd=tmp_path)
    assert result.returncode == 1
    findings = json.loads(result.stdout)
    by_line = {f["location"]["lines"]["begin"]: f for f in findings}
    assert set(by_line) >= {4, 5}, findings
    for finding in findings:
        assert set(finding) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert finding["location"]["path"] == "terms/bad.yml"
        assert finding["severity"] == "major"
        assert len(finding["fingerprint"]) == 64
    assert "level" in by_line[4]["description"] and by_line[4]["check_name"] == "glossdeck.level"
    assert len({f["fingerprint"] for f in findings}) == len(findings)


def test_clean_terms_give_an_empty_report(tmp_path: Path) -> None:
    (tmp_path / "terms").mkdir()
    (tmp_path / "terms" / "fine.yml").write_text("title: Fine\ncategory: misc\ntldr: Short.\n", encoding="utf-8")
    result = _validate("--strict", "terms/", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert json.loads(result.stdout) == []
