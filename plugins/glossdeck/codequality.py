"""Problems as a GitLab Code Quality report, which GitLab shows on a merge request's changes.

The report is a JSON array of findings (description, check_name, fingerprint, severity,
location.path, location.lines.begin); see GitLab's "Code Quality" documentation.
"""

from __future__ import annotations

import hashlib
import json

from .core.problems import Problem, Severity


def codequality_report(problems: list[Problem], strict: bool) -> str:
    findings = []
    seen: dict[str, int] = {}
    for p in problems:
        failing = p.severity is Severity.ERROR or strict
        description = f"{p.field}: {p.message}" if p.field else p.message
        # stable across runs, so GitLab can tell a new finding from one already on the target branch
        identity = f"{p.file}\0{p.field}\0{p.message}"
        seen[identity] = seen.get(identity, 0) + 1  # the same finding twice in a file: two fingerprints
        numbered = f"{identity}\0{seen[identity]}".encode()
        findings.append(
            {
                "description": description,
                "check_name": f"glossdeck.{p.field.split('.')[0].split('[')[0]}" if p.field else "glossdeck",
                "fingerprint": hashlib.sha256(numbered).hexdigest(),
                "severity": "major" if failing else "minor",
                "location": {"path": p.file, "lines": {"begin": max(p.line, 1)}},
            }
        )
    return json.dumps(findings, indent=2, ensure_ascii=False)
