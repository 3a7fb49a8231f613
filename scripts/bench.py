#!/usr/bin/env python3
"""Build-speed benchmark: the glossdeck site against the same pages built by plain MkDocs.

For each size N it writes N synthetic terms (scripts/synthetic_terms.py, shaped like the reference
term) into a temporary folder and sets up two sites with the same theme features, Markdown
extensions, plugins (mermaid2 included) and navigation shape:

  A  glossdeck: terms/ rendered by the glossdeck plugin;
  B  baseline:  the same pages from `glossdeck export-markdown --links dir`, as hand-written
     Markdown in docs/, built by plain MkDocs + Material (no glossdeck plugin).

Each is built K times in alternating runs (A B A B ...), each run a fresh `mkdocs build`
subprocess whose peak RSS comes from os.wait4. It prints per N the median build times, their ratio,
peak memory, built site size, largest term page, and glossdeck's own phase breakdown (the plugin
appends its PhaseTimer totals to $GLOSSDECK_TIMINGS). `--write-docs` writes the CSV, the SVG plot
and the results table into docs/performance/ and docs/performance.md.

`--serve` measures live editing instead: a 1,000-term site is built with MkDocs' own build
function and config loading, as `mkdocs serve` does (the plugin instance survives because it
defines on_startup), then one term is edited and the site rebuilt; it reports glossdeck's own work
for that rebuild.

    PYTHONPATH=plugins python scripts/bench.py --terms 100,1000 --runs 3
    PYTHONPATH=plugins python scripts/bench.py --serve
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import itertools
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PLUGINS = REPO / "plugins"
sys.path[:0] = [str(PLUGINS), str(REPO / "scripts")]

import synthetic_terms  # noqa: E402

DOCS_OUT = REPO / "docs" / "performance"
PAGE = REPO / "docs" / "performance.md"
SITE_NAME = "Bench glossary"
SITE_URL = "http://127.0.0.1:8000/"

# The repository's mkdocs.yml, less what needs a network or a repository: the same theme features,
# Markdown extensions and plugins. {glossdeck} and {extra} differ between the two sites.
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
      javascript: assets/glossdeck/vendor/mermaid.min.js
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


@dataclass
class Row:
    terms: int
    runs: int
    glossdeck_s: float  # median wall-clock seconds
    baseline_s: float
    ratio: float
    glossdeck_cpu_s: float  # median CPU seconds (user + system): steadier on a shared machine
    baseline_cpu_s: float
    cpu_ratio: float
    glossdeck_rss_mb: float
    baseline_rss_mb: float
    glossdeck_site_mb: float
    baseline_site_mb: float
    largest_term_page_kb: float
    baseline_largest_term_page_kb: float
    phases: dict[str, float] = field(default_factory=dict)  # glossdeck's own seconds, median per phase
    glossdeck_all_s: list[float] = field(default_factory=list)
    baseline_all_s: list[float] = field(default_factory=list)


# --- the two sites --------------------------------------------------------------------------------


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


def _yaml_list(key: str, items: list[str]) -> str:
    return f"{key}:\n" + "".join(f"  - {item}\n" for item in items) if items else ""


def _title_of(markdown_file: Path) -> str:
    """The `title:` of a generated page's front matter (the export writes one on every page)."""
    for line in markdown_file.read_text(encoding="utf-8").splitlines()[1:12]:
        if line.startswith("title:"):
            return json.loads(line[6:].strip()) if line[6:].strip().startswith('"') else line[6:].strip()
    return markdown_file.stem


def _baseline_nav(docs: Path) -> str:
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


def make_sites(root: Path, n: int) -> tuple[Path, Path]:
    """root/glossdeck and root/baseline, each with its mkdocs.yml, for n synthetic terms."""
    gd, base = root / "glossdeck", root / "baseline"
    synthetic_terms.write_terms(gd / "terms", n)
    about = ABOUT_MD.format(
        first=synthetic_terms._title(0).lower(), second=synthetic_terms._title(min(1, n - 1)).lower()
    )
    (gd / "docs").mkdir(parents=True)
    (gd / "docs" / "about.md").write_text(about, encoding="utf-8")
    (gd / "mkdocs.yml").write_text(
        MKDOCS_YML.format(site_name=SITE_NAME, site_url=SITE_URL, glossdeck=GLOSSDECK_PLUGIN, extra=""),
        encoding="utf-8",
    )
    docs = base / "docs"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "glossdeck",
            "export-markdown",
            str(docs),
            "--terms",
            str(gd / "terms"),
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
    (docs / "about.md").write_text(about, encoding="utf-8")
    # the site serves the same static files as the glossdeck site (Mermaid, glossdeck.css/js, ...)
    shutil.copytree(PLUGINS / "glossdeck" / "assets", docs / "assets" / "glossdeck", dirs_exist_ok=True)
    styles, scripts = plugin_assets()
    extra = _yaml_list("extra_css", styles) + _yaml_list("extra_javascript", scripts) + _baseline_nav(docs)
    (base / "mkdocs.yml").write_text(
        MKDOCS_YML.format(site_name=SITE_NAME, site_url=SITE_URL, glossdeck="", extra=extra), encoding="utf-8"
    )
    return gd, base


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **extra)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PLUGINS), os.environ.get("PYTHONPATH")]))
    return env


# --- measuring ------------------------------------------------------------------------------------


def timed_build(site: Path, timings: Path | None = None) -> tuple[float, float, float]:
    """One `mkdocs build --strict` in a fresh process: (wall seconds, CPU seconds, peak RSS in MB)."""
    env = _env(**({"GLOSSDECK_TIMINGS": str(timings)} if timings else {}))
    start = time.perf_counter()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "--quiet",
            "-f",
            str(site / "mkdocs.yml"),
            "-d",
            str(site / "site"),
        ],
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


def measure(n: int, runs: int, work: Path, log: bool = True) -> Row:
    root = work / f"n{n}"
    gd, base = make_sites(root, n)
    timings = root / "timings.jsonl"
    times: dict[str, list[float]] = {"A": [], "B": []}
    cpu: dict[str, list[float]] = {"A": [], "B": []}
    rss: dict[str, list[float]] = {"A": [], "B": []}
    for run in range(runs):
        for label, site in (("A", gd), ("B", base)):
            seconds, cpu_seconds, peak = timed_build(site, timings if label == "A" else None)
            times[label].append(seconds)
            cpu[label].append(cpu_seconds)
            rss[label].append(peak)
            if log:
                print(
                    f"  N={n} run {run + 1}/{runs} {'glossdeck' if label == 'A' else 'baseline '}: "
                    f"{seconds:7.2f} s wall, {cpu_seconds:7.2f} s CPU, {peak:6.0f} MB",
                    file=sys.stderr,
                    flush=True,
                )
    per_run = [json.loads(line) for line in timings.read_text(encoding="utf-8").splitlines() if line.strip()]
    phases = {
        name: statistics.median(r.get(name, 0.0) for r in per_run) for name in sorted({k for r in per_run for k in r})
    }
    a, b = statistics.median(times["A"]), statistics.median(times["B"])
    ca, cb = statistics.median(cpu["A"]), statistics.median(cpu["B"])
    return Row(
        terms=n,
        runs=runs,
        glossdeck_s=a,
        baseline_s=b,
        ratio=a / b,
        glossdeck_cpu_s=ca,
        baseline_cpu_s=cb,
        cpu_ratio=ca / cb,
        glossdeck_rss_mb=max(rss["A"]),
        baseline_rss_mb=max(rss["B"]),
        glossdeck_site_mb=_tree_mb(gd / "site"),
        baseline_site_mb=_tree_mb(base / "site"),
        largest_term_page_kb=_largest_term_page_kb(gd / "site"),
        baseline_largest_term_page_kb=_largest_term_page_kb(base / "site"),
        phases=phases,
        glossdeck_all_s=times["A"],
        baseline_all_s=times["B"],
    )


# --- reporting ------------------------------------------------------------------------------------


def table(rows: list[Row]) -> str:
    head = (
        "| terms | glossdeck (s) | baseline (s) | ratio | CPU s glossdeck / baseline (ratio) | "
        "peak RSS glossdeck / baseline (MB) | site (MB) | largest term page (KB) | glossdeck's own work (s) |"
    )
    lines = [head, "|" + "---|" * 9]
    for r in rows:
        own = ", ".join(f"{k} {v:.2f}" for k, v in r.phases.items())
        lines.append(
            f"| {r.terms:,} | {r.glossdeck_s:.1f} | {r.baseline_s:.1f} | {r.ratio:.2f} | "
            f"{r.glossdeck_cpu_s:.1f} / {r.baseline_cpu_s:.1f} ({r.cpu_ratio:.2f}) | "
            f"{r.glossdeck_rss_mb:.0f} / {r.baseline_rss_mb:.0f} | {r.glossdeck_site_mb:.1f} | "
            f"{r.largest_term_page_kb:.1f} | {own} |"
        )
    return "\n".join(lines)


def growth(rows: list[Row]) -> str:
    """The issue's scaling targets between consecutive sizes."""
    out = []
    for small, big in itertools.pairwise(rows):
        out.append(
            f"{small.terms:,} -> {big.terms:,} terms ({big.terms / small.terms:.0f}x): build time "
            f"x{big.glossdeck_s / small.glossdeck_s:.2f} (CPU x{big.glossdeck_cpu_s / small.glossdeck_cpu_s:.2f}; "
            f"baseline x{big.baseline_s / small.baseline_s:.2f}), "
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
            f"peak RSS {r.glossdeck_rss_mb:.0f} MB"
        )
    return "\n".join(out)


def write_csv(rows: list[Row], target: Path) -> None:
    phases = sorted({k for r in rows for k in r.phases})
    with target.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        simple = [k for k in asdict(rows[0]) if k not in ("phases", "glossdeck_all_s", "baseline_all_s")]
        writer.writerow(simple + [f"phase_{p}_s" for p in phases])
        for r in rows:
            data = asdict(r)
            writer.writerow(
                [round(data[k], 3) if isinstance(data[k], float) else data[k] for k in simple]
                + [round(r.phases.get(p, 0.0), 3) for p in phases]
            )


def plot_svg(rows: list[Row], subtitle: str) -> str:
    """Build time against N, both sites: a small hand-made SVG (no plotting dependency; diffable text
    in the repository; readable in both palettes because it draws on its own white card)."""
    w, h, left, right, top, bottom = 640, 380, 64, 20, 48, 52
    max_n = max(r.terms for r in rows)
    slowest = max(max(r.glossdeck_s, r.baseline_s) for r in rows)
    step = next(m * 10**e for e in range(-1, 6) for m in (1, 2, 5) if m * 10**e * 5 >= slowest)
    max_t = step * 5
    x = lambda n: left + (w - left - right) * n / max_n  # noqa: E731
    y = lambda t: h - bottom - (h - top - bottom) * t / max_t  # noqa: E731
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w}" height="{h}" '
        'font-family="sans-serif" font-size="12" role="img" '
        'aria-label="Build time against number of terms, glossdeck and plain MkDocs">',
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
    for key, colour, _name, dash in (
        ("glossdeck_s", "#3f51b5", "glossdeck", ""),
        ("baseline_s", "#e65100", "plain MkDocs + Material (baseline)", ' stroke-dasharray="6 4"'),
    ):
        points = [(0.0, 0.0)] + [(x(r.terms), y(getattr(r, key))) for r in rows]
        path = " ".join(f"{px:.1f},{py:.1f}" for px, py in points[1:])
        out.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2.5"{dash}/>')
        out += [f'<circle cx="{px:.1f}" cy="{py:.1f}" r="3.5" fill="{colour}"/>' for px, py in points[1:]]
    legend_y = top + 8
    for i, (colour, name, dash) in enumerate(
        (("#3f51b5", "glossdeck", ""), ("#e65100", "plain MkDocs + Material (baseline)", ' stroke-dasharray="6 4"'))
    ):
        yy = legend_y + 18 * i
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
        f"MkDocs {mkdocs.__version__}, Material {material.__version__ if hasattr(material, '__version__') else '?'}, "
        f"Python-Markdown {markdown.__version__}"
    )


def write_docs(rows: list[Row], serve: dict[str, float] | None) -> None:
    DOCS_OUT.mkdir(parents=True, exist_ok=True)
    write_csv(rows, DOCS_OUT / "bench.csv")
    when = dt.date.today().isoformat()
    (DOCS_OUT / "build-time.svg").write_text(
        plot_svg(rows, f"median of {_runs_text(rows)} runs, {when}"), encoding="utf-8"
    )
    runs = ", ".join(f"{r.terms:,} terms: {r.runs} runs" for r in rows)
    block = [
        f"Measured on {when}: {machine()}; median of {_runs_text(rows)} alternating runs per size ({runs}).",
        "",
        table(rows),
        "",
        "```text",
        growth(rows),
        "```",
        "",
    ]
    if serve:
        block += [serve_text(serve), ""]
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


# --- serve mode -----------------------------------------------------------------------------------


def serve_measure(n: int, work: Path) -> dict[str, float]:
    """Build once, edit one term, rebuild, as `mkdocs serve` does (config reloaded per build, plugin
    instance kept); glossdeck's own seconds for the first build and for the rebuild."""
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from glossdeck.build.timings import TIMER

    root = work / f"serve{n}"
    gd, _ = make_sites(root, n)
    os.chdir(gd)
    site_dir = str(gd / "site")

    def rebuild() -> tuple[float, float, object]:
        config = load_config(config_file=str(gd / "mkdocs.yml"), site_dir=site_dir)
        if not hasattr(rebuild, "started"):
            config.plugins.on_startup(command="serve", dirty=False)
            rebuild.started = True  # type: ignore[attr-defined]
        start = time.perf_counter()
        build(config, serve_url=SITE_URL)
        return time.perf_counter() - start, sum(TIMER.report().values()), config.plugins["glossdeck"]

    first_total, first_own, plugin = rebuild()
    edited = gd / "terms" / f"term-{n // 2:05d}.yml"
    edited.write_text(
        edited.read_text(encoding="utf-8").replace("tldr: >-\n  ", "tldr: >-\n  Edited. ", 1), encoding="utf-8"
    )
    total, own, again = rebuild()
    if again is not plugin:
        raise SystemExit("the glossdeck plugin instance did not survive the rebuild (no on_startup?)")
    result = {
        "terms": n,
        "first_build_s": first_total,
        "first_own_s": first_own,
        "rebuild_s": total,
        "rebuild_own_s": own,
    }
    result.update({f"rebuild_{k}_s": v for k, v in TIMER.report().items()})
    stats = getattr(plugin, "cache_stats", None)
    if callable(stats):
        result.update({f"rebuild_{k}": float(v) for k, v in stats().items()})
    return result


def serve_text(s: dict[str, float]) -> str:
    phases = ", ".join(
        f"{k.removeprefix('rebuild_').removesuffix('_s')} {v:.3f} s"
        for k, v in s.items()
        if k.startswith("rebuild_") and k not in ("rebuild_s", "rebuild_own_s") and k.endswith("_s")
    )
    counts = ", ".join(
        f"{k.removeprefix('rebuild_')} {v:.0f}"
        for k, v in s.items()
        if k.startswith("rebuild_") and not k.endswith("_s")
    )
    return (
        f"Serve mode, {s['terms']:,.0f} terms, one term edited: glossdeck's own work "
        f"{s['rebuild_own_s']:.3f} s of a {s['rebuild_s']:.1f} s rebuild, features' files included ({phases}"
        f"{'; ' + counts if counts else ''}); "
        f"first build {s['first_build_s']:.1f} s, of which glossdeck {s['first_own_s']:.2f} s."
    )


def _save_json(target: Path, rows: list[Row], serve: dict[str, float] | None) -> None:
    target.write_text(
        json.dumps({"rows": [asdict(r) for r in rows], "serve": serve, "machine": machine()}, indent=2),
        encoding="utf-8",
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--terms", default="100,1000", help="comma-separated sizes (default 100,1000)")
    parser.add_argument(
        "--runs", default="3", help="builds of each site per size, one number or one per size (e.g. 3,3,1; default 3)"
    )
    parser.add_argument("--serve", action="store_true", help="measure a serve-mode rebuild after one edit")
    parser.add_argument("--serve-terms", type=int, default=1000)
    parser.add_argument(
        "--write-docs",
        action="store_true",
        help="write docs/performance/ (CSV, SVG) and the table in docs/performance.md",
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
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="glossdeck-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        serve = None
        rows: list[Row] = []
        if args.serve:
            serve = serve_measure(args.serve_terms, work)
            print(serve_text(serve))
        sizes = [int(s) for s in args.terms.split(",") if s.strip()] if not args.serve and not args.from_json else []
        runs = [int(r) for r in str(args.runs).split(",")]
        runs += [runs[-1]] * (len(sizes) - len(runs))
        for n, k in zip(sizes, runs):
            rows.append(measure(n, k, work))
            print(table(rows[-1:]), flush=True)
            if args.json:  # after each size: a long run that is stopped keeps what it measured
                _save_json(Path(args.json), rows, serve)
        for saved in args.from_json or []:
            data = json.loads(Path(saved).read_text(encoding="utf-8"))
            rows += [Row(**r) for r in data["rows"]]
            serve = data.get("serve") or serve
        rows.sort(key=lambda r: r.terms)
        if rows:
            print("\n" + table(rows) + "\n\n" + growth(rows))
        if args.json:
            _save_json(Path(args.json), rows, serve)
        if args.write_docs and rows:
            write_docs(rows, serve)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
