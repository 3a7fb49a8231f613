#!/usr/bin/env python3
"""Build-speed benchmark: the glossdeck site against the same glossary written by hand (issue 13).

For each size N it writes N synthetic terms (scripts/synthetic_terms.py, shaped like the reference
term) into a temporary folder and sets up sites with the same MkDocs, Material theme features,
Markdown extensions, search and mermaid2 (with the same locally served Mermaid):

  A  glossdeck:          terms/ rendered by the glossdeck plugin;
  B  hand-written floor: what an author writes without glossdeck, one simple Markdown page per
     term plus category pages (scripts/handwritten_floor.py), built by plain MkDocs + Material;
  C  export (--with-export): the pages of `glossdeck export-markdown --links dir` built by plain
     MkDocs + Material, glossdeck's static files on every page (the baseline before issue 13).

Each is built K times in alternating runs (A B [C] A B [C] ...), each run a fresh `mkdocs build
--strict` subprocess whose peak RSS comes from os.wait4. It prints per N the median build times,
the headline ratio glossdeck / hand-written floor, peak memory, built site size, largest term page
and glossdeck's own phase breakdown (the plugin appends its PhaseTimer totals to $GLOSSDECK_TIMINGS),
then the issue's targets, each PASS or FAIL with its figure.

`--serve` measures live editing end to end: for each size it starts `make serve`'s command (read
from the Makefile) in an N-term project, records how long until the term's page answers (first
start), opens that page in headless Chromium, then several times saves a new TL;DR into the term's
YAML file and records the time until the open page shows it (MkDocs' livereload script reloads it).
It also times one full `mkdocs build` of the same project.

`--write-docs` writes the CSVs, the SVG plot and the results block of docs/performance.md.

    PYTHONPATH=plugins python scripts/bench.py --terms 100,1000 --runs 3
    PYTHONPATH=plugins python scripts/bench.py --serve --serve-terms 100,1000
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import itertools
import json
import os
import platform
import re
import secrets
import shlex
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
PLUGINS = REPO / "plugins"
sys.path[:0] = [str(PLUGINS), str(REPO / "scripts")]

import handwritten_floor  # noqa: E402
import synthetic_terms  # noqa: E402

DOCS_OUT = REPO / "docs" / "performance"
PAGE = REPO / "docs" / "performance.md"
MAKEFILE = REPO / "Makefile"
SITE_NAME = "Bench glossary"
SITE_URL = "http://127.0.0.1:8000/"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]

# issue 13's targets
MAX_RATIO = 1.3  # glossdeck's full build / the hand-written floor's, medians, at 1,000 and 5,000 terms
MAX_GROWTH = 5.5  # glossdeck's build time from 1,000 to 5,000 terms
MAX_PEAK_MIB = 2e9 / 2**20  # "under 2 GB" at 5,000 terms; ru_maxrss figures are MiB
MAX_EDIT_S = 1.0  # median save-to-browser at 1,000 terms

# The repository's mkdocs.yml, less what needs a network or a repository: the same theme features,
# Markdown extensions and plugins. {glossdeck} and {extra} differ between the sites.
MKDOCS_YML = """\
site_name: {site_name}
site_url: {site_url}
theme:
  name: material
  font: false
  palette:
    - media: "(prefers-color-scheme: light)"
      scheme: default
      toggle: {{icon: material/weather-night, name: Dark}}
    - media: "(prefers-color-scheme: dark)"
      scheme: slate
      toggle: {{icon: material/weather-sunny, name: Light}}
  features:
    - navigation.instant
    - navigation.instant.progress
    - navigation.tracking
    - navigation.sections
    - navigation.prune
    - navigation.top
    - search.suggest
    - search.highlight
    - content.code.copy
    - content.action.edit
plugins:
  - search
{glossdeck}  - mermaid2:
      javascript: {mermaid_js}
      arguments: {{securityLevel: strict}}
markdown_extensions:
  - abbr
  - admonition
  - attr_list
  - md_in_html
  - tables
  - toc: {{permalink: true}}
  - pymdownx.details
  - pymdownx.highlight: {{anchor_linenums: true}}
  - pymdownx.inlinehilite
  - pymdownx.superfences:
      custom_fences:
        - name: mermaid
          class: mermaid
          format: !!python/name:mermaid2.fence_mermaid_custom
{extra}"""

# The learning feature is named here so it is part of the build whether or not this checkout's
# entry points are installed (`pip install -e .` registers it as a `glossdeck.features` entry point).
GLOSSDECK_PLUGIN = "  - glossdeck:\n      terms_dir: terms\n      features: [glossdeck.learning]\n"

ABOUT_MD = """\
# About this glossary

A hand-written page, as every site has some: it mentions {first} and {second}, which the glossdeck
site links to their terms.
"""

SITE_LABELS = {"glossdeck": "glossdeck", "floor": "hand-written floor", "export": "export", "warm": "glossdeck, warm"}
# where the glossdeck plugin keeps files between builds (its `cache_dir` default: link-preview PNGs)
CACHE_DIR = Path(".cache") / "glossdeck"


@dataclass
class Row:
    """One size's build measurement. Seconds are medians of the runs; peak RSS is the largest run's."""

    terms: int
    runs: int
    glossdeck_s: float
    floor_s: float
    ratio: float  # glossdeck / hand-written floor: the headline
    glossdeck_cpu_s: float  # CPU seconds (user + system): steadier on a shared machine
    floor_cpu_s: float
    cpu_ratio: float
    glossdeck_rss_mib: float
    floor_rss_mib: float
    glossdeck_site_mb: float
    floor_site_mb: float
    largest_term_page_kb: float
    floor_largest_term_page_kb: float
    export_s: float | None = None  # the export baseline, with --with-export
    export_cpu_s: float | None = None
    export_rss_mib: float | None = None
    export_ratio: float | None = None  # glossdeck / export
    phases: dict[str, float] = field(default_factory=dict)  # glossdeck's own seconds, median per phase
    glossdeck_all_s: list[float] = field(default_factory=list)
    floor_all_s: list[float] = field(default_factory=list)
    export_all_s: list[float] = field(default_factory=list)
    # with --warm: glossdeck built again right after each cold build, its cache_dir kept (the PNGs
    # found drawn): what an author's second build costs. Not the headline: CI builds are cold.
    warm_s: float | None = None
    warm_cpu_s: float | None = None
    warm_all_s: list[float] = field(default_factory=list)


@dataclass
class ServeResult:
    """Live editing at one size, end to end: `make serve`'s command and a browser showing the page."""

    terms: int
    command: str  # as run, the address left out
    first_start_s: float  # process start until the term's page answers
    full_build_s: float  # one `mkdocs build --strict` of the same project, for comparison
    edit_median_s: float
    edits_s: list[float]  # each save until the open page shows the new text
    rebuild_own_s: list[float] = field(default_factory=list)  # glossdeck's own seconds per rebuild
    # of each edit: the reloaded page's navigation start until it showed the text (the rest of the
    # edit is noticing the save, rebuilding and telling the browser)
    page_load_s: list[float] = field(default_factory=list)


@dataclass
class Results:
    rows: list[Row] = field(default_factory=list)
    serve: list[ServeResult] = field(default_factory=list)
    machine: str = ""
    date: str = ""


# --- the sites ------------------------------------------------------------------------------------


def plugin_assets() -> tuple[list[str], list[str]]:
    """The stylesheets and scripts the glossdeck plugin adds to every page (features' included)."""
    import glossdeck.learning  # noqa: F401  (as the glossdeck site names it in its config)
    from glossdeck.features import load_features
    from glossdeck.plugin.plugin import ASSETS_URL, OWN_SCRIPTS, OWN_STYLESHEETS

    styles = [f"{ASSETS_URL}/{n}" for n in OWN_STYLESHEETS]
    scripts = [f"{ASSETS_URL}/{n}" for n in OWN_SCRIPTS]
    for feature in load_features():
        styles += [f"{ASSETS_URL}/{p}" for p in feature.stylesheets()]
        scripts += [f"{ASSETS_URL}/{p}" for p in feature.scripts()]
    return styles, scripts


def _mkdocs_yml(glossdeck: str, extra: str) -> str:
    return MKDOCS_YML.format(
        site_name=SITE_NAME,
        site_url=SITE_URL,
        glossdeck=glossdeck,
        mermaid_js=handwritten_floor.MERMAID_JS,
        extra=extra,
    )


def _yaml_list(key: str, items: list[str]) -> str:
    return f"{key}:\n" + "".join(f"  - {item}\n" for item in items) if items else ""


def _title_of(markdown_file: Path) -> str:
    """The `title:` of a generated page's front matter (the export writes one on every page)."""
    for line in markdown_file.read_text(encoding="utf-8").splitlines()[1:12]:
        if line.startswith("title:"):
            value = line[6:].strip()
            return str(json.loads(value)) if value.startswith('"') else value
    return markdown_file.stem


def _export_nav(docs: Path) -> str:
    """The navigation glossdeck builds (home, hand-written pages, then a Glossary section of
    categories and indexes, never every term), written out as a plain `nav:`."""
    cats = sorted(p.relative_to(docs).as_posix() for p in (docs / "categories").glob("*.md") if p.name != "index.md")
    glossary_parts = {"categories", "terms", "tags", "assets"}
    features = sorted(
        p.relative_to(docs).as_posix()
        for p in docs.rglob("*.md")
        if p.relative_to(docs).parts[0] not in glossary_parts
        and p.name not in ("index.md", "about.md", "a-z.md", "debt.md")
    )

    def item(src: str, indent: int) -> str:
        return " " * indent + f"- {json.dumps(_title_of(docs / src))}: {src}\n"

    out = "nav:\n  - index.md\n  - about.md\n  - Glossary:\n      - Categories:\n"
    out += item("categories/index.md", 10) + "".join(item(c, 10) for c in cats)
    out += "".join(item(p, 6) for p in ["a-z.md", "tags/index.md", "debt.md", *features])
    return out


def _about_page(n: int) -> str:
    return ABOUT_MD.format(
        first=synthetic_terms._title(0).lower(), second=synthetic_terms._title(min(1, n - 1)).lower()
    )


def make_glossdeck_site(root: Path, n: int) -> Path:
    """root/glossdeck: n synthetic terms, one hand-written page and the glossdeck plugin."""
    site = root / "glossdeck"
    synthetic_terms.write_terms(site / "terms", n)
    (site / "docs").mkdir(parents=True)
    (site / "docs" / "about.md").write_text(_about_page(n), encoding="utf-8")
    (site / "mkdocs.yml").write_text(_mkdocs_yml(GLOSSDECK_PLUGIN, ""), encoding="utf-8")
    return site


def make_floor_site(root: Path, glossdeck_site: Path, n: int) -> Path:
    """root/floor: the same terms written by hand as simple Markdown, built by plain MkDocs."""
    site = root / "floor"
    written = handwritten_floor.write_floor_docs(
        glossdeck_site / "terms", site / "docs", SITE_NAME, {"about.md": _about_page(n)}
    )
    if written.term_pages != n:
        raise SystemExit(f"the hand-written floor has {written.term_pages} term pages, not {n}")
    (site / "mkdocs.yml").write_text(_mkdocs_yml("", written.nav), encoding="utf-8")
    return site


def make_export_site(root: Path, glossdeck_site: Path, n: int) -> Path:
    """root/export: `glossdeck export-markdown` of the terms, with glossdeck's static files."""
    site = root / "export"
    docs = site / "docs"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "glossdeck",
            "export-markdown",
            str(docs),
            "--terms",
            str(glossdeck_site / "terms"),
            "--links",
            "dir",
            "--site-name",
            SITE_NAME,
            "--site-url",
            SITE_URL,
        ],
        check=True,
        capture_output=True,
        env=_env(),
    )
    (docs / "about.md").write_text(_about_page(n), encoding="utf-8")
    # the same static files as the glossdeck site (Mermaid, glossdeck.css/js, ...)
    shutil.copytree(PLUGINS / "glossdeck" / "assets", docs / "assets" / "glossdeck", dirs_exist_ok=True)
    styles, scripts = plugin_assets()
    extra = _yaml_list("extra_css", styles) + _yaml_list("extra_javascript", scripts) + _export_nav(docs)
    (site / "mkdocs.yml").write_text(_mkdocs_yml("", extra), encoding="utf-8")
    return site


def _env(**extra: str) -> dict[str, str]:
    """The environment `make` gives its commands (the Makefile exports these three)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true", **extra)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PLUGINS), os.environ.get("PYTHONPATH")]))
    return env


# --- measuring builds -----------------------------------------------------------------------------


def forget_cache(site: Path) -> None:
    """Remove what an earlier build kept on disk (the plugin's cache_dir), so the next is cold."""
    shutil.rmtree(site / CACHE_DIR, ignore_errors=True)


def timed_build(site: Path, timings: Path | None = None) -> tuple[float, float, float]:
    """One `mkdocs build --strict` in a fresh process: (wall seconds, CPU seconds, peak RSS in MiB)."""
    env = _env(**({"GLOSSDECK_TIMINGS": str(timings)} if timings else {}))
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(site / "mkdocs.yml")]
    start = time.perf_counter()
    proc = subprocess.Popen(
        [*command, "-d", str(site / "site")],
        cwd=site,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    assert proc.stdout is not None
    output = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"build of {site} failed ({proc.returncode}):\n{output.decode(errors='replace')[-4000:]}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux


def _tree_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def _largest_term_page_kb(site_dir: Path) -> float:
    return max((p.stat().st_size for p in (site_dir / "terms").rglob("index.html")), default=0) / 1e3


def measure(n: int, runs: int, work: Path, with_export: bool = False, warm: bool = False) -> Row:
    root = work / f"n{n}"
    glossdeck_site = make_glossdeck_site(root, n)
    sites = {"glossdeck": glossdeck_site, "floor": make_floor_site(root, glossdeck_site, n)}
    if with_export:
        sites["export"] = make_export_site(root, glossdeck_site, n)
    timings = root / "timings.jsonl"
    wall: dict[str, list[float]] = {name: [] for name in sites}
    cpu: dict[str, list[float]] = {name: [] for name in sites}
    rss: dict[str, list[float]] = {name: [] for name in sites}
    width = max(len(SITE_LABELS[name]) for name in [*sites, *(["warm"] if warm else [])])
    warm_wall: list[float] = []
    warm_cpu: list[float] = []

    def report(run: int, name: str, seconds: float, cpu_seconds: float, peak: float) -> None:
        print(
            f"  N={n} run {run + 1}/{runs} {SITE_LABELS[name]:<{width}}: "
            f"{seconds:7.2f} s wall, {cpu_seconds:7.2f} s CPU, {peak:6.0f} MiB",
            file=sys.stderr,
            flush=True,
        )

    for run in range(runs):
        for name, site in sites.items():  # alternating: A B [C] A B [C] ...
            if name == "glossdeck":
                forget_cache(site)  # every build cold, as in CI: the link-preview PNGs drawn again
            seconds, cpu_seconds, peak = timed_build(site, timings if name == "glossdeck" else None)
            wall[name].append(seconds)
            cpu[name].append(cpu_seconds)
            rss[name].append(peak)
            report(run, name, seconds, cpu_seconds, peak)
            if name == "glossdeck" and warm:  # again, with what the cold build kept
                seconds, cpu_seconds, peak = timed_build(site)
                warm_wall.append(seconds)
                warm_cpu.append(cpu_seconds)
                report(run, "warm", seconds, cpu_seconds, peak)
    per_run = [json.loads(line) for line in timings.read_text(encoding="utf-8").splitlines() if line.strip()]
    phases = {
        name: statistics.median(r.get(name, 0.0) for r in per_run) for name in sorted({k for r in per_run for k in r})
    }
    median = {name: statistics.median(wall[name]) for name in sites}
    median_cpu = {name: statistics.median(cpu[name]) for name in sites}
    row = Row(
        terms=n,
        runs=runs,
        glossdeck_s=median["glossdeck"],
        floor_s=median["floor"],
        ratio=median["glossdeck"] / median["floor"],
        glossdeck_cpu_s=median_cpu["glossdeck"],
        floor_cpu_s=median_cpu["floor"],
        cpu_ratio=median_cpu["glossdeck"] / median_cpu["floor"],
        glossdeck_rss_mib=max(rss["glossdeck"]),
        floor_rss_mib=max(rss["floor"]),
        glossdeck_site_mb=_tree_mb(glossdeck_site / "site"),
        floor_site_mb=_tree_mb(sites["floor"] / "site"),
        largest_term_page_kb=_largest_term_page_kb(glossdeck_site / "site"),
        floor_largest_term_page_kb=_largest_term_page_kb(sites["floor"] / "site"),
        phases=phases,
        glossdeck_all_s=wall["glossdeck"],
        floor_all_s=wall["floor"],
    )
    if warm:
        row.warm_s, row.warm_cpu_s, row.warm_all_s = (
            statistics.median(warm_wall),
            statistics.median(warm_cpu),
            warm_wall,
        )
    if with_export:
        row.export_s = median["export"]
        row.export_cpu_s = median_cpu["export"]
        row.export_rss_mib = max(rss["export"])
        row.export_ratio = median["glossdeck"] / median["export"]
        row.export_all_s = wall["export"]
    return row


# --- measuring live editing -----------------------------------------------------------------------


def make_serve_command() -> list[str]:
    """`make serve`'s command, read from the Makefile's `serve:` recipe, so the bench measures what
    contributors run (a flag added there, such as --dirty, is measured too). `$(PYTHON)` becomes this
    interpreter; the caller adds an address of its own (make serve uses MkDocs' 127.0.0.1:8000)."""
    lines = MAKEFILE.read_text(encoding="utf-8").splitlines()
    recipe: list[str] = []
    in_serve = False
    for line in lines:
        if in_serve:
            if not line.startswith("\t"):
                break
            recipe.append(line.strip().lstrip("@-").strip())
        elif re.match(r"serve\s*:(?!=)", line):
            in_serve = True
    if len(recipe) != 1:
        raise SystemExit(f"{MAKEFILE}: expected a `serve:` recipe of one command, found {recipe!r}")
    words = [sys.executable if word == "$(PYTHON)" else word for word in shlex.split(recipe[0])]
    unknown = [word for word in words if "$" in word]
    if unknown:
        raise SystemExit(f"{MAKEFILE}: `make serve` uses {unknown}, which bench.py does not know how to expand")
    return words


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return int(response.status) == 200
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


def _log_tail(log: Path) -> str:
    return log.read_text(encoding="utf-8", errors="replace")[-4000:] if log.exists() else ""


def _stop(server: subprocess.Popen[bytes]) -> None:
    server.send_signal(signal.SIGINT)  # Ctrl+C, as an author stops it (MkDocs removes its site folder)
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def with_tldr(term_yaml: str, text: str) -> str:
    """The term file with its TL;DR replaced (synthetic terms write it as a one-line folded block)."""
    edited, count = re.subn(r"^tldr: >-\n  .*$", lambda _: f"tldr: >-\n  {text}", term_yaml, count=1, flags=re.M)
    if count != 1:
        raise SystemExit("the synthetic term has no `tldr: >-` block to edit")
    return edited


# In every page the bench's browser opens: the moment the page first shows the text the bench waits
# for (sessionStorage, set by the page before the save, survives the reload). A mutation observer
# notices the text arriving in the document; from then on each animation frame, which runs just
# before the browser paints, checks document.body.innerText (the text as rendered) until it is
# there, and records that frame's time on the wall clock the bench's own clock also reads. So the
# time is the page's own, not when the test driver next looks: Playwright waits 100 ms before
# looking into a document that replaced the one it polled, then needs the page's main thread free
# (Material's bundle, the widgets and Mermaid run right after the first paint), which added 0.2 s
# or more to every edit.
SHOWN_PROBE = """
(() => {
  const wanted = sessionStorage.getItem("gd-bench-marker");
  if (!wanted) return;
  let waiting = false;
  const frame = () => {
    if (document.body.innerText.includes(wanted)) {
      window.__gdBenchShown = {marker: wanted, at: performance.timeOrigin + performance.now()};
      observer.disconnect();
    } else {
      requestAnimationFrame(frame);
    }
  };
  const observer = new MutationObserver(() => {
    if (!waiting && document.body && document.body.textContent.includes(wanted)) {
      waiting = true;
      requestAnimationFrame(frame);
    }
  });
  observer.observe(document, {childList: true, subtree: true});
})();
"""


def edit_in_browser(
    url: str, term_file: Path, edits: int, timeout_s: float, chromium: str, server_alive: Callable[[], bool]
) -> tuple[list[float], list[float]]:
    """Open url in headless Chromium; `edits` times save a new TL;DR into term_file and time how
    long until the open page (reloaded by MkDocs' livereload script) shows it: the first frame the
    browser renders with it (SHOWN_PROBE). Returns those times and, of each, the part from the
    reloaded page's navigation start."""
    from playwright.sync_api import sync_playwright

    original = term_file.read_text(encoding="utf-8")
    samples: list[float] = []
    page_loads: list[float] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.add_init_script(SHOWN_PROBE)
            page.goto(url, wait_until="load")
            for k in range(edits):
                marker = f"bench-edit-{k + 1}-{secrets.token_hex(4)}"  # unique: never on the page before
                edited = with_tldr(original, f"Edited by the benchmark: {marker}.")
                page.evaluate("marker => sessionStorage.setItem('gd-bench-marker', marker)", marker)
                time.sleep(0.5)  # let the previous reload's livereload poll reach the server
                saved_ms, start = time.time() * 1000, time.perf_counter()
                term_file.write_text(edited, encoding="utf-8")
                try:
                    page.wait_for_function(
                        "marker => window.__gdBenchShown !== undefined && window.__gdBenchShown.marker === marker",
                        arg=marker,
                        polling=25,  # ms; the time is taken in the page, this only waits for it
                        timeout=timeout_s * 1000,
                    )
                except Exception as error:  # Playwright's TimeoutError, or the page crashed
                    state = "running" if server_alive() else "exited"
                    message = f"edit {k + 1}: {url} did not show the new TL;DR ({state} server): {error}"
                    raise SystemExit(message) from error
                seen_s = time.perf_counter() - start  # when the driver saw it: an upper bound
                shown_ms, origin_ms = page.evaluate("[window.__gdBenchShown.at, performance.timeOrigin]")
                shown_s = (float(shown_ms) - saved_ms) / 1000
                if not 0 < shown_s <= seen_s + 0.005:  # the two clocks disagree: keep the driver's figure
                    print(f"  edit {k + 1}: page clock off ({shown_s:.3f} s), using {seen_s:.3f} s", file=sys.stderr)
                    shown_s = seen_s
                samples.append(shown_s)
                page_loads.append((float(shown_ms) - float(origin_ms)) / 1000)
                page.wait_for_load_state("load")
        finally:
            browser.close()
    return samples, page_loads


def measure_serve(n: int, edits: int, work: Path, timeout_s: float, chromium: str) -> ServeResult:
    root = work / f"serve{n}"
    project = make_glossdeck_site(root, n)
    full_build_s, _, _ = timed_build(project)
    print(f"  serve N={n}: full build {full_build_s:.2f} s", file=sys.stderr, flush=True)
    forget_cache(project)  # the first serve start is cold too, like the full build it is compared with
    slug = f"term-{n // 2:05d}"
    port = _free_port()
    command = make_serve_command()
    timings, log = root / "serve-timings.jsonl", root / "serve.log"
    # TMPDIR: MkDocs' temporary site folder lands in the work folder, removed with it
    env = _env(GLOSSDECK_TIMINGS=str(timings), TMPDIR=str(root))
    url = f"http://127.0.0.1:{port}/terms/{slug}/"
    with log.open("wb") as log_file:
        start = time.perf_counter()
        server = subprocess.Popen(
            [*command, "-a", f"127.0.0.1:{port}"], cwd=project, env=env, stdout=log_file, stderr=subprocess.STDOUT
        )
        try:
            deadline = start + max(timeout_s, 5 * full_build_s)
            while not _answers(url):
                if server.poll() is not None:
                    raise SystemExit(f"`{shlex.join(command)}` exited with {server.returncode}:\n{_log_tail(log)}")
                if time.perf_counter() > deadline:
                    raise SystemExit(f"{url} did not answer within {deadline - start:.0f} s:\n{_log_tail(log)}")
                time.sleep(0.05)
            first_start_s = time.perf_counter() - start
            print(f"  serve N={n}: first start {first_start_s:.2f} s", file=sys.stderr, flush=True)
            samples, page_loads = edit_in_browser(
                url, project / "terms" / f"{slug}.yml", edits, timeout_s, chromium, lambda: server.poll() is None
            )
            print(
                f"  serve N={n}: save to browser "
                + ", ".join(f"{s:.2f}" for s in samples)
                + " s (page load "
                + ", ".join(f"{s:.2f}" for s in page_loads)
                + " s)",
                file=sys.stderr,
                flush=True,
            )
        finally:
            _stop(server)
    per_build = [json.loads(line) for line in timings.read_text(encoding="utf-8").splitlines() if line.strip()]
    # the first line is the first build; features' files are written in-process under serve
    rebuild_own = [sum(v for k, v in b.items() if k != "files-forked") for b in per_build[1:]]
    return ServeResult(
        terms=n,
        command=shlex.join(["python", *command[1:]]),
        first_start_s=first_start_s,
        full_build_s=full_build_s,
        edit_median_s=statistics.median(samples),
        edits_s=samples,
        rebuild_own_s=rebuild_own,
        page_load_s=page_loads,
    )


# --- reporting ------------------------------------------------------------------------------------


def table(rows: list[Row]) -> str:
    export = any(r.export_s is not None for r in rows)
    warm = any(r.warm_s is not None for r in rows)
    head = [
        "terms",
        "glossdeck (s)",
        "hand-written floor (s)",
        "ratio",
        "CPU s glossdeck / floor (ratio)",
        "peak RSS glossdeck / floor (MiB)",
        "site glossdeck / floor (MB)",
        "largest term page glossdeck / floor (KB)",
        *(["export (s)", "glossdeck / export"] if export else []),
        *(["glossdeck, warm cache (s / CPU s)"] if warm else []),
        "glossdeck's own work (s)",
    ]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in rows:
        cells = [
            f"{r.terms:,}",
            f"{r.glossdeck_s:.1f}",
            f"{r.floor_s:.1f}",
            f"{r.ratio:.2f}",
            f"{r.glossdeck_cpu_s:.1f} / {r.floor_cpu_s:.1f} ({r.cpu_ratio:.2f})",
            f"{r.glossdeck_rss_mib:.0f} / {r.floor_rss_mib:.0f}",
            f"{r.glossdeck_site_mb:.1f} / {r.floor_site_mb:.1f}",
            f"{r.largest_term_page_kb:.1f} / {r.floor_largest_term_page_kb:.1f}",
        ]
        if export:
            measured = r.export_s is not None and r.export_ratio is not None
            cells += [f"{r.export_s:.1f}", f"{r.export_ratio:.2f}"] if measured else ["", ""]
        if warm:
            cells.append(f"{r.warm_s:.1f} / {r.warm_cpu_s:.1f}" if r.warm_s is not None and r.warm_cpu_s else "")
        cells.append(", ".join(f"{k} {v:.2f}" for k, v in r.phases.items()))
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def growth(rows: list[Row]) -> str:
    """Scaling between consecutive sizes, and glossdeck's own share of each build."""
    out = []
    for small, big in itertools.pairwise(rows):
        out.append(
            f"{small.terms:,} -> {big.terms:,} terms ({big.terms / small.terms:.0f}x): build time "
            f"x{big.glossdeck_s / small.glossdeck_s:.2f} (CPU x{big.glossdeck_cpu_s / small.glossdeck_cpu_s:.2f}; "
            f"hand-written floor x{big.floor_s / small.floor_s:.2f}), "
            f"largest term page {100 * (big.largest_term_page_kb / small.largest_term_page_kb - 1):+.1f}%"
        )
    for r in rows:
        link = r.phases.get("autolink", 0.0)
        forked = r.phases.get("files-forked", 0.0)  # CPU time of the child writing features' files
        own = sum(r.phases.values()) - forked
        aside = f" (+{forked:.2f} s writing features' files in a forked process, on the other core)" if forked else ""
        out.append(
            f"{r.terms:,} terms: auto-linking {link:.2f} s = {100 * link / r.glossdeck_s:.1f}% of the build; "
            f"glossdeck's own work on the build's path {own:.2f} s = {100 * own / r.glossdeck_s:.1f}%{aside}; "
            f"peak RSS {r.glossdeck_rss_mib:.0f} MiB"
        )
    return "\n".join(out)


def serve_table(results: list[ServeResult]) -> str:
    lines = [
        "| terms | first serve start (s) | full build (s) | save to browser, median (s) | each edit (s) | "
        "glossdeck's own work per rebuild, median (s) |",
        "|" + "---|" * 6,
    ]
    for s in results:
        own = f"{statistics.median(s.rebuild_own_s):.3f} ({len(s.rebuild_own_s)} rebuilds)" if s.rebuild_own_s else ""
        lines.append(
            f"| {s.terms:,} | {s.first_start_s:.1f} | {s.full_build_s:.1f} | {s.edit_median_s:.2f} | "
            f"{', '.join(f'{e:.2f}' for e in s.edits_s)} | {own} |"
        )
    return "\n".join(lines)


@dataclass(frozen=True)
class Target:
    goal: str
    measured: str  # the figure, or why there is none
    passed: bool | None  # None: not measured


def targets(rows: list[Row], serve: list[ServeResult]) -> list[Target]:
    """Issue 13's targets, each with its figure; sizes that were not measured say so."""
    by_n = {r.terms: r for r in rows}
    serve_by_n = {s.terms: s for s in serve}
    out = []
    for n in (1000, 5000):
        goal = f"{n:,} terms: full build at most {MAX_RATIO} x the hand-written floor's median"
        r = by_n.get(n)
        if r is None:
            out.append(Target(goal, "not measured", None))
        else:
            figure = f"{r.ratio:.2f} ({r.glossdeck_s:.1f} s / {r.floor_s:.1f} s; CPU {r.cpu_ratio:.2f}; {r.runs} runs)"
            out.append(Target(goal, figure, r.ratio <= MAX_RATIO))
    goal = "5,000 terms: peak memory under 2 GB"
    big = by_n.get(5000)
    if big is None:
        out.append(Target(goal, "not measured", None))
    else:
        figure = f"{big.glossdeck_rss_mib:.0f} MiB = {big.glossdeck_rss_mib * 2**20 / 1e9:.2f} GB"
        out.append(Target(goal, figure, big.glossdeck_rss_mib < MAX_PEAK_MIB))
    goal = f"1,000 -> 5,000 terms: build time grows at most x{MAX_GROWTH}"
    small = by_n.get(1000)
    if small is None or big is None:
        out.append(Target(goal, "not measured", None))
    else:
        times = big.glossdeck_s / small.glossdeck_s
        figure = f"x{times:.2f} (CPU x{big.glossdeck_cpu_s / small.glossdeck_cpu_s:.2f})"
        out.append(Target(goal, figure, times <= MAX_GROWTH))
    live = serve_by_n.get(1000)
    goal = f"1,000 terms, live edit: median save-to-browser at most {MAX_EDIT_S} s"
    if live is None:
        out.append(Target(goal, "not measured", None))
    else:
        figure = f"{live.edit_median_s:.2f} s ({', '.join(f'{e:.2f}' for e in live.edits_s)})"
        out.append(Target(goal, figure, live.edit_median_s <= MAX_EDIT_S))
    goal = "1,000 terms: first `make serve` start no slower than a full build"
    if live is None:
        out.append(Target(goal, "not measured", None))
    else:
        figure = f"{live.first_start_s:.1f} s vs {live.full_build_s:.1f} s"
        out.append(Target(goal, figure, live.first_start_s <= live.full_build_s))
    return out


def _verdict(target: Target) -> str:
    return {True: "PASS", False: "FAIL", None: "n/a"}[target.passed]


def targets_text(found: list[Target]) -> str:
    width = max(len(t.goal) for t in found)
    return "Targets (issue 13):\n" + "\n".join(f"  {_verdict(t):<4}  {t.goal:<{width}}  {t.measured}" for t in found)


def targets_table(found: list[Target]) -> str:
    lines = ["| target (issue 13) | measured | |", "|---|---|---|"]
    lines += [f"| {t.goal} | {t.measured} | {_verdict(t)} |" for t in found]
    return "\n".join(lines)


def serve_text(s: ServeResult) -> str:
    own = (
        f"; glossdeck's own work per rebuild: median {statistics.median(s.rebuild_own_s):.3f} s "
        f"over {len(s.rebuild_own_s)} rebuilds"
        if s.rebuild_own_s
        else ""
    )
    if s.page_load_s:
        own += f"; of each edit, the reloaded page's own load: median {statistics.median(s.page_load_s):.2f} s"
    return (
        f"serve, {s.terms:,} terms (`{s.command}`): first start {s.first_start_s:.2f} s (full build "
        f"{s.full_build_s:.2f} s); save to browser: median {s.edit_median_s:.2f} s "
        f"({', '.join(f'{e:.2f}' for e in s.edits_s)}){own}"
    )


def _csv_value(value: Any) -> Any:
    if value is None:
        return ""
    return round(value, 3) if isinstance(value, float) else value


def write_csv(rows: list[Row], target: Path) -> None:
    phases = sorted({k for r in rows for k in r.phases})
    lists = ("phases", "glossdeck_all_s", "floor_all_s", "export_all_s", "warm_all_s")
    with target.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        simple = [k for k in asdict(rows[0]) if k not in lists]
        writer.writerow(simple + [f"phase_{p}_s" for p in phases])
        for r in rows:
            data = asdict(r)
            writer.writerow([_csv_value(data[k]) for k in simple] + [round(r.phases.get(p, 0.0), 3) for p in phases])


def write_serve_csv(results: list[ServeResult], target: Path) -> None:
    edits = max(len(s.edits_s) for s in results)
    with target.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            [
                "terms",
                "first_start_s",
                "full_build_s",
                "edit_median_s",
                *(f"edit_{k + 1}_s" for k in range(edits)),
                "rebuild_own_median_s",
                "command",
            ]
        )
        for s in results:
            own = statistics.median(s.rebuild_own_s) if s.rebuild_own_s else None
            writer.writerow(
                [s.terms, *map(_csv_value, (s.first_start_s, s.full_build_s, s.edit_median_s))]
                + [_csv_value(s.edits_s[k] if k < len(s.edits_s) else None) for k in range(edits)]
                + [_csv_value(own), s.command]
            )


PLOT_LINES = (  # key, colour, legend, dash
    ("glossdeck_s", "#3f51b5", "glossdeck", ""),
    ("floor_s", "#e65100", "hand-written Markdown, plain MkDocs + Material (floor)", ' stroke-dasharray="6 4"'),
    ("export_s", "#2e7d32", "glossdeck's Markdown export, plain MkDocs + Material", ' stroke-dasharray="2 3"'),
)


def plot_svg(rows: list[Row], subtitle: str) -> str:
    """Build time against N, every site measured: a small hand-made SVG (no plotting dependency;
    diffable text in the repository; readable in both palettes because it draws on its own white card)."""
    lines = [line for line in PLOT_LINES if all(getattr(r, line[0]) is not None for r in rows)]
    w, h, left, right, top, bottom = 640, 380, 64, 20, 48, 52
    max_n = max(r.terms for r in rows)
    slowest = max(float(getattr(r, key)) for r in rows for key, *_ in lines)
    step = next(m * 10.0**e for e in range(-1, 6) for m in (1, 2, 5) if m * 10.0**e * 5 >= slowest)
    max_t = step * 5

    def x(n: float) -> float:
        return left + (w - left - right) * n / max_n

    def y(t: float) -> float:
        return h - bottom - (h - top - bottom) * t / max_t

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w}" height="{h}" '
        'font-family="sans-serif" font-size="12" role="img" '
        'aria-label="Build time against number of terms: glossdeck and the same glossary hand-written for plain MkDocs">',
        f'<rect width="{w}" height="{h}" fill="#fff"/>',
        f'<text x="{left}" y="20" font-size="14" font-weight="bold" fill="#222">Build time against number of terms</text>',
        f'<text x="{left}" y="36" fill="#555">{_xml(subtitle)}</text>',
    ]
    for i in range(6):
        t = max_t * i / 5
        out.append(f'<line x1="{left}" x2="{w - right}" y1="{y(t):.1f}" y2="{y(t):.1f}" stroke="#ddd"/>')
        out.append(f'<text x="{left - 6}" y="{y(t) + 4:.1f}" text-anchor="end" fill="#333">{t:g} s</text>')
    for r in rows:
        out.append(
            f'<text x="{x(r.terms):.1f}" y="{h - bottom + 16}" text-anchor="middle" fill="#333">{r.terms:,}</text>'
        )
    out.append(f'<text x="{(left + w - right) / 2}" y="{h - 12}" text-anchor="middle" fill="#333">terms</text>')
    for key, colour, _name, dash in lines:
        points = [(x(r.terms), y(float(getattr(r, key)))) for r in rows]
        path = " ".join(f"{px:.1f},{py:.1f}" for px, py in points)
        out.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2.5"{dash}/>')
        out += [f'<circle cx="{px:.1f}" cy="{py:.1f}" r="3.5" fill="{colour}"/>' for px, py in points]
    for i, (_key, colour, name, dash) in enumerate(lines):
        yy = top + 8 + 18 * i
        out.append(
            f'<line x1="{left + 12}" x2="{left + 40}" y1="{yy}" y2="{yy}" stroke="{colour}" stroke-width="2.5"{dash}/>'
        )
        out.append(f'<text x="{left + 46}" y="{yy + 4}" fill="#222">{_xml(name)}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _xml(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        mem = int(Path("/proc/meminfo").read_text().split()[1]) / 1024 / 1024
        memory = f", {mem:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        memory = ""
    import markdown
    import material
    import mkdocs

    return (
        f"{os.cpu_count()} cores ({cpu}){memory}, Python {platform.python_version()}, "
        f"MkDocs {mkdocs.__version__}, Material {getattr(material, '__version__', '?')}, "
        f"Python-Markdown {markdown.__version__}"
    )


def write_docs(results: Results) -> None:
    rows = results.rows
    DOCS_OUT.mkdir(parents=True, exist_ok=True)
    write_csv(rows, DOCS_OUT / "bench.csv")
    (DOCS_OUT / "build-time.svg").write_text(
        plot_svg(rows, f"median of {_runs_text(rows)} runs, {results.date}"), encoding="utf-8"
    )
    runs = ", ".join(f"{r.terms:,} terms: {r.runs} run{'' if r.runs == 1 else 's'}" for r in rows)
    block = [
        f"Measured on {results.date}: {results.machine}; median of {_runs_text(rows)} alternating runs per "
        f"size ({runs}). The ratio is glossdeck's build over the hand-written floor's.",
        "",
        table(rows),
        "",
        "```text",
        growth(rows),
        "```",
        "",
    ]
    if results.serve:
        write_serve_csv(results.serve, DOCS_OUT / "serve.csv")
        command = results.serve[0].command
        block += [f"Live editing, `{command}` with headless Chromium on the edited term's page:", ""]
        block += [serve_table(results.serve), ""]
    block += [targets_table(targets(rows, results.serve)), ""]
    _replace_block(PAGE, "bench", "\n".join(block))


def _runs_text(rows: list[Row]) -> str:
    counts = sorted({r.runs for r in rows})
    return str(counts[0]) if len(counts) == 1 else f"{counts[0]}-{counts[-1]}"


def _replace_block(page: Path, name: str, content: str) -> None:
    """Rewrite the text between <!-- name:start --> and <!-- name:end --> in a docs page."""
    text = page.read_text(encoding="utf-8")
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    if start not in text or end not in text:
        raise SystemExit(f"{page} has no {start} ... {end} block to fill")
    before, rest = text.split(start, 1)
    _, after = rest.split(end, 1)
    page.write_text(f"{before}{start}\n{content.strip()}\n{end}{after}", encoding="utf-8")


# --- saved results --------------------------------------------------------------------------------


def save_json(target: Path, results: Results) -> None:
    data = {
        "rows": [asdict(r) for r in results.rows],
        "serve": [asdict(s) for s in results.serve],
        "machine": results.machine,
        "date": results.date,
    }
    target.write_text(json.dumps(data, indent=2), encoding="utf-8")


def load_json(source: Path) -> Results:
    data = json.loads(source.read_text(encoding="utf-8"))
    if any("baseline_s" in r for r in data.get("rows", [])) or isinstance(data.get("serve"), dict):
        raise SystemExit(
            f"{source} was saved before issue 13 (its baseline is the Markdown export and its serve "
            "figure an in-process rebuild): measure again"
        )
    return Results(
        rows=[Row(**r) for r in data.get("rows", [])],
        serve=[ServeResult(**s) for s in data.get("serve", [])],
        machine=data.get("machine", ""),
        date=data.get("date", ""),
    )


def merge(parts: list[Results]) -> Results:
    """Several saved runs as one (a later file's size replaces an earlier one's)."""
    rows = {r.terms: r for part in parts for r in part.rows}
    serve = {s.terms: s for part in parts for s in part.serve}
    machines = list(dict.fromkeys(p.machine for p in parts if p.machine))
    dates = sorted({p.date for p in parts if p.date})
    return Results(
        rows=sorted(rows.values(), key=lambda r: r.terms),
        serve=sorted(serve.values(), key=lambda s: s.terms),
        machine="; ".join(machines),
        date=dates[0] if len(dates) == 1 else " to ".join([dates[0], dates[-1]]) if dates else "",
    )


def _sizes(text: str | None) -> list[int]:
    return [int(s) for s in (text or "").split(",") if s.strip()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument(
        "--terms", help="comma-separated sizes to build (default 100,1000 unless --serve or --from-json)"
    )
    parser.add_argument(
        "--runs", default="3", help="builds of each site per size, one number or one per size (e.g. 3,3,1; default 3)"
    )
    parser.add_argument(
        "--with-export", action="store_true", help="also build glossdeck's Markdown export (the former baseline)"
    )
    parser.add_argument(
        "--warm",
        action="store_true",
        help="also build glossdeck again after each (cold) build, keeping its cache_dir: an extra column",
    )
    parser.add_argument("--serve", action="store_true", help="measure live editing under `make serve`'s command")
    parser.add_argument(
        "--serve-terms", default="100,1000", help="comma-separated sizes for --serve (default 100,1000)"
    )
    parser.add_argument("--serve-edits", type=int, default=3, help="edits per size, at least 3 (default 3)")
    parser.add_argument(
        "--serve-timeout", type=float, default=600, help="seconds to wait for one edit to show (default 600)"
    )
    parser.add_argument("--chromium", default=CHROMIUM, help=f"the Chromium to drive (default {CHROMIUM})")
    parser.add_argument(
        "--write-docs",
        action="store_true",
        help="write docs/performance/ (CSVs, SVG) and the results block in docs/performance.md",
    )
    parser.add_argument("--keep", metavar="DIR", help="build in DIR and keep it (default: a temporary folder)")
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    parser.add_argument(
        "--from-json",
        metavar="FILE",
        nargs="+",
        help="report (and with --write-docs, publish) results saved by --json, without building",
    )
    args = parser.parse_args(argv)
    if args.serve and args.serve_edits < 3:
        parser.error("--serve-edits: the target is a median of at least 3 edits")
    sizes = _sizes(args.terms) if args.terms or args.serve or args.from_json else [100, 1000]
    runs = [int(r) for r in str(args.runs).split(",")]
    runs += [runs[-1]] * (len(sizes) - len(runs))

    measured = Results(machine=machine(), date=dt.date.today().isoformat())
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="glossdeck-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        for n, k in zip(sizes, runs):
            measured.rows.append(measure(n, k, work, args.with_export, args.warm))
            print(table(measured.rows[-1:]), flush=True)
            if args.json:  # after each size: a long run that is stopped keeps what it measured
                save_json(Path(args.json), measured)
        if args.serve:
            for n in _sizes(args.serve_terms):
                measured.serve.append(measure_serve(n, args.serve_edits, work, args.serve_timeout, args.chromium))
                print(serve_text(measured.serve[-1]), flush=True)
                if args.json:
                    save_json(Path(args.json), measured)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)

    saved = [load_json(Path(f)) for f in args.from_json or []]
    measured_anything = bool(measured.rows or measured.serve)
    results = merge([*saved, measured] if measured_anything else saved)
    if results.rows:
        print("\n" + table(results.rows) + "\n\n" + growth(results.rows))
    if results.serve:
        print("\n" + serve_table(results.serve))
    print("\n" + targets_text(targets(results.rows, results.serve)))
    if args.json:
        save_json(Path(args.json), results)
    if args.write_docs:
        if not results.rows:
            raise SystemExit("--write-docs needs build results (--terms, or --from-json with a build run)")
        write_docs(results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
