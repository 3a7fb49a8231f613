"""Shared fixtures. Tests always exercise the checkout they live in (not another install)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PLUGINS = REPO / "plugins"
if str(PLUGINS) not in sys.path:
    sys.path.insert(0, str(PLUGINS))
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PLUGINS), os.environ.get("PYTHONPATH")]))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def run_cli(*args: str, cwd: Path | None = None, input_text: str | None = None,
            timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """Run `glossdeck ...` as a user would, in a subprocess."""
    return subprocess.run([sys.executable, "-m", "glossdeck", *args], cwd=cwd, capture_output=True,
                          text=True, input=input_text, timeout=timeout)


@pytest.fixture
def cli():  # type: ignore[no-untyped-def]
    return run_cli


def require_tool(path: str | None, what: str) -> None:
    """Skip when a system tool is missing on a developer's machine; in CI (CI=true) fail instead,
    so a missing install step can never turn into a silently skipped test."""
    if path:
        return
    message = f"{what} is not installed (make test installs it via scripts/setup-system.sh)"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


# --- real MkDocs sites built in temporary folders -------------------------------------------------

import logging  # noqa: E402
import textwrap  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402

REFERENCE_TERM = REPO / "terms" / "immutable-infrastructure.yml"
BUILD_DATE_EPOCH = "1774569600"  # 2026-03-27: the reference term was added 15 Mar, edited 22 Mar

MKDOCS_YML = """\
site_name: Test glossary
{site_url}
use_directory_urls: {use_directory_urls}
theme:
  name: material
  font: false
  palette:
    - scheme: default
      toggle: {{icon: material/weather-night, name: Dark}}
    - scheme: slate
      toggle: {{icon: material/weather-sunny, name: Light}}
  features: [navigation.instant, content.action.edit]
{extra}
plugins:
  - search
  - glossdeck:
{glossdeck}
  - mermaid2:
      javascript: assets/glossdeck/vendor/mermaid.min.js
      arguments: {{securityLevel: strict}}
markdown_extensions:
  - attr_list
  - md_in_html
  - toc: {{permalink: true}}
  - pymdownx.highlight
  - pymdownx.superfences:
      custom_fences:
        - name: mermaid
          class: mermaid
          format: !!python/name:mermaid2.fence_mermaid_custom
"""

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


def reference_term_text(extra: str = "related: [blue-green-deployment]\n") -> str:
    """The repository's reference term, plus (by default) a related term for link tests."""
    # the repository's copy links to the whole starter glossary; test sites hold only a few terms
    lines = [line for line in REFERENCE_TERM.read_text(encoding="utf-8").splitlines()
             if not line.startswith(("related:", "prerequisites:", "  related_problems:"))]
    return "\n".join(lines).rstrip("\n") + "\n" + extra


def default_terms() -> dict[str, str]:
    return {"immutable-infrastructure.yml": reference_term_text(),
            "blue-green-deployment.yml": BLUE_GREEN,
            "sql-injection.yml": SQL_INJECTION}


@dataclass
class BuiltSite:
    root: Path
    site_dir: Path
    messages: list[tuple[int, str]] = field(default_factory=list)
    error: BaseException | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    def page(self, path: str) -> str:
        target = self.site_dir / path
        if target.is_dir() or path.endswith("/") or path == "":
            target = target / "index.html"
        return target.read_text(encoding="utf-8")

    def warnings(self) -> list[str]:
        return [m for level, m in self.messages if level >= logging.WARNING]


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[tuple[int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.levelno, record.getMessage()))


def build_site(root: Path, *, terms: dict[str, str] | None = None, docs: dict[str, str] | None = None,
               glossdeck: str = "", site_url: str | None = None, use_directory_urls: bool = True,
               extra: str = "", strict: bool = True, files: dict[str, str] | None = None) -> BuiltSite:
    """Write mkdocs.yml, terms/ and docs/ into `root` and build it with MkDocs, in strict mode."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    vendor = PLUGINS / "glossdeck" / "assets" / "vendor" / "mermaid.min.js"
    if not vendor.is_file():
        pytest.fail(f"{vendor} is missing: run `npm ci` (or `make test`, which does) before the tests")
    (root / "terms").mkdir(parents=True, exist_ok=True)
    (root / "docs").mkdir(parents=True, exist_ok=True)
    for name, text in (default_terms() if terms is None else terms).items():
        (root / "terms" / name).write_text(text, encoding="utf-8")
    for name, text in (docs or {}).items():
        target = root / "docs" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    for name, text in (files or {}).items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    if site_url is None and "disabled_features" not in glossdeck:
        # without site_url the embeds feature warns (cards need absolute URLs), which strict mode
        # turns into a failure; these site tests are about the pages, tests/test_cards_* about cards
        glossdeck = glossdeck.rstrip("\n") + "\ndisabled_features: [embeds]\n"
    options = textwrap.indent(glossdeck.strip("\n"), "      ") if glossdeck.strip() else "      terms_dir: terms"
    (root / "mkdocs.yml").write_text(MKDOCS_YML.format(
        site_url=f"site_url: {site_url}" if site_url else "",
        use_directory_urls="true" if use_directory_urls else "false",
        extra=extra, glossdeck=options), encoding="utf-8")
    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    previous = os.getcwd()
    os.environ["SOURCE_DATE_EPOCH"] = BUILD_DATE_EPOCH
    result = BuiltSite(root, root / "site")
    try:
        os.chdir(root)  # term files are reported relative to the working directory, as for a user
        config = load_config(config_file=str(root / "mkdocs.yml"), strict=strict, site_dir=str(root / "site"))
        build(config)
    except BaseException as exc:  # mkdocs.exceptions.Abort in strict mode, PluginError, ...
        if isinstance(exc, KeyboardInterrupt):
            raise
        result.error = exc
    finally:
        os.chdir(previous)
        logger.removeHandler(collect)
    result.messages = collect.records
    return result


def write_synthetic_site(root: Path, n: int, *, site_url: str, glossdeck: str = "terms_dir: terms") -> None:
    """mkdocs.yml, docs/index.md and n synthetic terms in `root`, for a real `mkdocs` subprocess
    (which finds glossdeck through the PYTHONPATH set above)."""
    sys.path.insert(0, str(REPO / "scripts"))
    import synthetic_terms

    synthetic_terms.write_terms(root / "terms", n)
    (root / "docs").mkdir(parents=True, exist_ok=True)
    (root / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(MKDOCS_YML.format(
        site_url=f"site_url: {site_url}", use_directory_urls="true", extra="",
        glossdeck=textwrap.indent(glossdeck.strip("\n"), "      ")), encoding="utf-8")


@pytest.fixture
def site_builder(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Call with build_site's keyword arguments; each call builds in a fresh sub-folder."""
    counter = iter(range(1000))

    def make(**kwargs):  # type: ignore[no-untyped-def]
        return build_site(tmp_path / f"site{next(counter)}", **kwargs)

    return make


def browser_or_skip() -> str:
    """Chromium's path; browser tests skip without it locally but fail in CI (CI=true)."""
    path = "/usr/bin/chromium"
    if not Path(path).exists():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("headless Chromium (/usr/bin/chromium) is required in CI")
        pytest.skip("no /usr/bin/chromium")
    return path
