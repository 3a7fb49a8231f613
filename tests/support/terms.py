"""Term files written into temporary folders, and the term texts tests build on. Every test that
writes a term goes through `write_terms`; the reference term comes from the fixed glossary."""

from __future__ import annotations

import importlib
import sys
import textwrap
from collections.abc import Mapping
from pathlib import Path
from types import ModuleType
from typing import Any

import yaml

from glossdeck.core.checks import load_glossary
from glossdeck.core.glossary import Glossary

from .paths import REFERENCE_TERM, REPO, SCRIPTS

TermSource = str | Mapping[str, Any]  # YAML text as written, or the fields to dump as YAML


def term_yaml(data: Mapping[str, Any]) -> str:
    return yaml.safe_dump(dict(data), allow_unicode=True, sort_keys=False)


def write_terms(folder: Path, terms: Mapping[str, TermSource]) -> Path:
    """Write <slug>.yml for each term into `folder` (created if needed); returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for slug, source in terms.items():
        text = source if isinstance(source, str) else term_yaml(source)
        (folder / f"{slug}.yml").write_text(text, encoding="utf-8")
    return folder


MINIMAL = """\
title: {title}
category: {category}
tldr: {tldr}
"""


def write_term(
    folder: Path,
    slug: str,
    body: str | None = None,
    *,
    title: str | None = None,
    category: str = "testing",
    tldr: str | None = None,
    extra: str = "",
) -> Path:
    """Write <slug>.yml: the three required fields plus `extra`, or `body` (dedented) as the whole file."""
    if body is None:
        body = MINIMAL.format(
            title=title or slug.replace("-", " ").title(), category=category, tldr=tldr or f"What {slug} means."
        ) + textwrap.dedent(extra)
    write_terms(folder, {slug: textwrap.dedent(body)})
    return folder / f"{slug}.yml"


def load_terms(folder: Path, terms: Mapping[str, TermSource]) -> Glossary:
    """Write the terms and load them; they must load without an error."""
    glossary, problems = load_glossary([write_terms(folder, terms)])
    assert not problems.errors, [p.format() for p in problems.errors]
    assert set(glossary.entries) == set(terms)
    return glossary


# --- the reference term and two companions: what the small site tests build ----------------------


def reference_term_text(extra: str = "related: [blue-green-deployment]\n") -> str:
    """The reference term, plus (by default) a related term for link tests."""
    # it links to terms a small test site does not hold: those lines go
    lines = [
        line
        for line in REFERENCE_TERM.read_text(encoding="utf-8").splitlines()
        if not line.startswith(("related:", "prerequisites:", "  related_problems:"))
    ]
    return "\n".join(lines).rstrip("\n") + "\n" + extra


BLUE_GREEN = """\
title: Blue-Green Deployment
aliases: [blue/green release]
category: devops
tags: [deployment]
level: beginner
tldr: Run two identical environments and switch traffic from the old to the new one at once; see immutable infrastructure.
explanation: |
  Two production environments, *blue* and *green*, run side by side. Each Immutable Servers
  release goes to the idle one, is tested there, and the router switches. `immutable infrastructure` in code is not linked.
diagram: |
  flowchart LR
    R[Router] -->|live| B[Blue]
    R -.->|idle| G[Green<br/>new release]
related: [immutable-infrastructure]
debt:
  score: debt(d3/e4/b5/t2)
  rationale:
    d: Closest to 'caught by a standard static-analysis tool' (d3).
    e: Closest to 'localised refactor of one component' (e4).
    b: Closest to 'slowly decays the codebase' (b5). Decay flavour.
    t: Closest to 'minor surprise' (t2).
added: 2026-03-25
"""

SQL_INJECTION = """\
title: SQL Injection
category: security
tags: [database]
level: beginner
tldr: Untrusted input changes the meaning of a query. Blue-green deployments will not help.
debt:
  d: {score: 4, rationale: "Closest to 'caught by a specialised static-analysis rule' (d4)."}
  e: {score: 2, rationale: "Closest to 'small local change' (e2)."}
  b: {score: 0, rationale: "Closest to 'does not apply' (b0)."}
  t: {score: 7, rationale: "Closest to 'serious trap' (t7)."}
code_examples:
  - kind: vulnerable
    language: php
    code: |
      $db->query("SELECT * FROM users WHERE id = " . $_GET['id']);
  - kind: fixed
    language: php
    code: |
      $db->prepare("SELECT * FROM users WHERE id = ?")->execute([$_GET['id']]);
prerequisites: [blue-green-deployment]
added: 2026-01-10
edited: 2026-03-24
"""


def default_terms() -> dict[str, str]:
    """slug: YAML text of the three terms a small test site holds unless told otherwise."""
    return {
        "immutable-infrastructure": reference_term_text(),
        "blue-green-deployment": BLUE_GREEN,
        "sql-injection": SQL_INJECTION,
    }


# --- hostile text ----------------------------------------------------------------------------------

# Everything that could break out of SVG, HTML, CDATA or JSON, plus text that lays out oddly.
HOSTILE = (
    "<script>alert('x')</script> ]]> <![CDATA[ & &amp; \"double\" 'single' "
    "</svg></title><img src=x onerror=alert(1)> שלום עולם مرحبا 🎉👩‍💻"
)
RTL = "שלום עולם, זהו הסבר קצר על המונח. مرحبا بالعالم"
EMOJI = "Deploys 🚀 go out 👩‍💻 daily 🎉 and roll back fast 🔁"

# A term whose every field tries to run script or change a page's structure (numbered alerts: a
# test can tell which field got through).
HOSTILE_TERM = r"""title: 'Hostile <script>alert(1)</script> "><img src=x onerror=alert(2)> {: onclick=alert(3) }'
aliases: ['</script><script>alert(4)</script>', 'x" onmouseover="alert(5)']
category: security
tags: [xss]
level: beginner
tldr: 'Plain <script>alert(6)</script> and "><img src=x onerror=alert(7)> and [link](javascript:alert(8)) ![i](https://tracker.example/x.png)'
explanation: |
  </div></section><script>alert(9)</script>

  {: onclick="alert(10)" }

  `<b>code</b>` stays code.
misconception:
  belief: '</script>'
  correction: '<iframe src="javascript:alert(11)"></iframe>'
mistakes: ['<style>body{display:none}</style>']
quick_fix: '<svg onload=alert(12)>'
diagram: |
  flowchart LR
    A["><img src=x onerror=alert(13)>"] --> B[</script><script>alert(14)</script>]
    click A call alert(15)
    click B href "javascript:alert(16)"
    %%{init: {"securityLevel": "loose"}}%%
code_examples:
  - kind: vulnerable
    language: html
    caption: '<script>alert(17)</script>'
    code: |
      </script><script>alert(18)</script>
      ```
      <img src=x onerror=alert(19)>
debt:
  score: debt(d1/e1/b0/t1)
  rationale:
    d: "Closest to 'caught by the compiler or type checker' (d1). <script>alert(20)</script>"
    e: "Closest to 'one-line patch' (e1)."
    b: "Closest to 'does not apply' (b0)."
    t: "Closest to 'behaves as anyone would guess' (t1)."
dev_intel:
  detection:
    hints: ['<script>alert(21)</script>']
    tools: ['"><img src=x onerror=alert(22)>']
related: [immutable-infrastructure]
"""


# --- the reference term as fields, for tests that vary one field at a time ------------------------


def term_data(**overrides: Any) -> dict[str, Any]:
    """The reference term's card-relevant fields; an override of None leaves that field out."""
    data: dict[str, Any] = {
        "title": "Immutable Infrastructure",
        "aliases": ["immutable servers"],
        "category": "devops",
        "level": "intermediate",
        "tldr": "Servers are never modified after deployment: you build a new image and replace the old server.",
        "misconception": {
            "belief": "You can never update a server.",
            "correction": "You update by replacing servers, not by changing them.",
        },
        "debt": "debt(d7/e9/b9/t5)",
        "added": "2026-03-15",
        "edited": "2026-03-22",
    }
    if "title" in overrides and "aliases" not in overrides:
        data.pop("aliases")  # another title: the reference aliases would name two terms
    for key, value in overrides.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return data


# --- synthetic glossaries of any size (scripts/synthetic_terms.py, also used by the benchmarks) ----


def synthetic_terms() -> ModuleType:
    """scripts/synthetic_terms.py, which the benchmarks use too."""
    if str(SCRIPTS) not in sys.path:
        sys.path.insert(0, str(SCRIPTS))
    return importlib.import_module("synthetic_terms")


def synthetic_term_texts(n: int) -> dict[str, str]:
    """slug: YAML text of n synthetic terms that link to each other."""
    module = synthetic_terms()
    return {f"term-{i:05d}": module.term_yaml(i, n) for i in range(n)}


def repository_terms() -> dict[str, str]:
    """The repository's own glossary (terms/), as it is now: for tests of the starter glossary."""
    return {path.stem: path.read_text(encoding="utf-8") for path in sorted((REPO / "terms").glob("*.yml"))}
