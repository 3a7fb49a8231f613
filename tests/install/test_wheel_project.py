"""glossdeck as a new user gets it: the wheel built from this checkout, installed into a fresh
virtualenv with no `node` on PATH, `glossdeck init` in an empty folder, a strict build of that
project, and the result in headless Chromium (diagram drawn, quiz answerable, graph drawn, no
request to another host).

The fresh virtualenv has no access to any other site-packages: glossdeck comes from the wheel, its
dependencies (MkDocs, Material, mermaid2, ...) from the package index, as for any user. Select these
tests with `-m install`. They need the vendored front-end files (`npm ci`, which `make test` runs)
and network access to the package index; Chromium is required in CI (CI=true), skipped locally
when missing.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import tarfile
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
VENDOR = REPO / "plugins" / "glossdeck" / "assets" / "vendor"
CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Not part of a release: version control, set-up output, build and test by-products (at the top of
# the checkout only: glossdeck has a subpackage named `build`).
NOT_IN_CHECKOUT = {
    ".git",
    "node_modules",
    ".venv",
    "site",
    "build",
    "dist",
    "bench-results",
    ".cache",
    ".pytest_cache",
    ".hypothesis",
    ".make",
}

pytestmark = pytest.mark.install
# Material draws each diagram into a closed shadow root; opening it lets the test look inside.
OPEN_SHADOW_ROOTS = (
    "const attach = Element.prototype.attachShadow;"
    "Element.prototype.attachShadow = function (init) {"
    "  return attach.call(this, Object.assign({}, init, {mode: 'open'})); };"
)
DIAGRAM_DRAWN = """() => {
  const host = document.querySelector('article div.mermaid');
  const svg = host && host.shadowRoot && host.shadowRoot.querySelector('svg');
  return !!svg && svg.getBoundingClientRect().width > 50 && svg.textContent.includes('Idempotency-Key: 7f3a');
}"""


def _served_vendor_files() -> list[str]:
    """What the site loads from assets/glossdeck/vendor/, as glossdeck's own code names it."""
    from glossdeck.learning.feature import VENDOR_SCRIPTS
    from glossdeck.plugin.mermaid2 import VENDOR_FILE

    return ["mermaid/" + VENDOR_FILE.name, *(path.removeprefix("vendor/") for path in VENDOR_SCRIPTS)]


def _require_vendored() -> None:
    missing = [name for name in _served_vendor_files() if not (VENDOR / name).is_file()]
    if missing:
        pytest.fail(f"{VENDOR} lacks {missing}: run `npm ci` (or `make test`, which does) first")


def _clean_env(**extra: str) -> dict[str, str]:
    """The environment of a user's shell: no PYTHONPATH pointing into this checkout, no virtualenv."""
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME"}}
    env.update(NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true", PIP_DISABLE_PIP_VERSION_CHECK="1")
    env.update(extra)
    return env


def _copy_checkout(target: Path, *, with_vendor: bool = True) -> Path:
    """This checkout as a release builds it (building in place would leave build/ and egg-info here)."""

    def ignore(folder: str, names: list[str]) -> set[str]:
        top = Path(folder).resolve() == REPO
        skipped = {n for n in names if (top and n in NOT_IN_CHECKOUT) or n == "__pycache__" or n.endswith(".egg-info")}
        if not with_vendor and Path(folder).resolve() == VENDOR.parent:
            skipped.add("vendor")
        return skipped

    shutil.copytree(REPO, target, ignore=ignore, symlinks=True)
    return target


def _run(
    args: list[str | Path], *, cwd: Path, env: dict[str, str], timeout: float = 600
) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


def _check(result: subprocess.CompletedProcess[str], what: str) -> None:
    assert result.returncode == 0, (
        f"{what} failed ({result.returncode}):\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}"
    )


def test_building_without_the_vendored_files_fails_clearly(tmp_path: Path) -> None:
    source = _copy_checkout(tmp_path / "checkout", with_vendor=False)
    out = tmp_path / "dist"
    for kind in ("--wheel", "--sdist"):
        result = _run([sys.executable, "-m", "build", kind, "--outdir", out], cwd=source, env=_clean_env())
        output = result.stdout + result.stderr
        assert result.returncode != 0, f"build {kind} succeeded without the vendored files:\n{output[-3000:]}"
        assert "vendored front-end file(s) missing" in output, output[-3000:]
        assert "mermaid.esm.min.mjs" in output and "d3-force.min.js" in output and "npm ci" in output
        assert "Traceback" not in output, "a message, not a traceback"
    assert not out.exists() or not any(out.iterdir()), "no wheel or sdist may be left behind"


def _node_free_path(venv_bin: Path) -> str:
    """PATH with the fresh virtualenv first and without any folder holding a `node` executable."""
    folders = [f for f in os.environ.get("PATH", "").split(os.pathsep) if f and not (Path(f) / "node").exists()]
    path = os.pathsep.join([str(venv_bin), *folders])
    assert shutil.which("node", path=path) is None
    return path


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def serve() -> Iterator[Any]:
    servers: list[http.server.ThreadingHTTPServer] = []

    def start(folder: Path) -> str:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def _browser_check(site: str) -> None:
    """Diagram drawn, quiz answered with feedback, graph drawn; nothing requested from another host."""
    from playwright.sync_api import expect, sync_playwright

    outside: list[str] = []
    errors: list[str] = []

    def route(route: Any) -> None:
        if route.request.url.startswith(site):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            context.route("**/*", route)
            context.add_init_script(OPEN_SHADOW_ROOTS)
            page = context.new_page()
            page.set_default_timeout(15_000)
            page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
            page.on("pageerror", lambda exc: errors.append(str(exc)))

            page.goto(site + "terms/idempotency/")
            page.wait_for_function(DIAGRAM_DRAWN, timeout=20_000)  # Mermaid, from the wheel, drew the diagram

            question = page.locator(".gd-term-quiz .gd-q").first
            expect(question).to_be_visible()
            question.locator("button.gd-choice").first.click()
            expect(question).to_have_class(re.compile(r"\bgd-q--(right|wrong)\b"))
            feedback = question.locator(".gd-q__feedback")
            expect(feedback).to_be_visible()
            right = "gd-q--right" in (question.get_attribute("class") or "")
            expect(feedback).to_contain_text("Right." if right else "Not quite.")

            page.goto(site + "learn/graph/")
            node = page.locator('.gd-graph svg a.gd-node[data-gd-slug="idempotency"]')
            expect(node).to_have_count(1)
            expect(node).to_be_visible()
            page.goto(site)  # the home page (docs/index.md) renders too
            expect(page.locator("article h1")).to_be_visible()
            context.close()
        finally:
            browser.close()
    assert outside == [], f"requests to other hosts: {outside}"
    assert errors == [], f"console errors: {errors}"


def test_wheel_installed_without_node_builds_an_init_project(tmp_path: Path, serve: Any) -> None:
    _require_vendored()
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"headless Chromium ({CHROMIUM}) is required in CI")
        pytest.skip(f"no {CHROMIUM}")

    # 1. sdist, then the wheel from the sdist (python -m build's default), as a release is built
    source = _copy_checkout(tmp_path / "checkout")
    dist = tmp_path / "dist"
    _check(_run([sys.executable, "-m", "build", "--outdir", dist], cwd=source, env=_clean_env()), "python -m build")
    (wheel,) = dist.glob("glossdeck-*.whl")
    (sdist,) = dist.glob("glossdeck-*.tar.gz")
    served = _served_vendor_files()
    with zipfile.ZipFile(wheel) as archive:
        in_wheel = {
            n.removeprefix("glossdeck/assets/vendor/"): archive.read(n)
            for n in archive.namelist()
            if n.startswith("glossdeck/assets/vendor/")
        }
        packaged = set(archive.namelist())
    package = REPO / "plugins"
    for module in sorted((package / "glossdeck").rglob("*.py")):
        assert module.relative_to(package).as_posix() in packaged, f"the wheel lacks {module.relative_to(package)}"
    assert any(n.startswith("glossdeck/templates/project/") for n in packaged)
    with tarfile.open(sdist) as archive:
        in_sdist = {
            n.split("/plugins/glossdeck/assets/vendor/", 1)[1]
            for n in archive.getnames()
            if "/plugins/glossdeck/assets/vendor/" in n
        }
    for name in [*served, *(f"{n}.LICENSE.txt" for n in served), "THIRD-PARTY-LICENSES.txt"]:
        assert name in in_wheel, f"the wheel lacks vendor/{name}"
        assert name in in_sdist, f"the sdist lacks vendor/{name}"
        assert in_wheel[name] == (VENDOR / name).read_bytes(), f"vendor/{name} differs from the checkout's"
    # Mermaid's ES modules: the entry imports chunks by relative path, so every one must ship
    chunks = sorted(p.name for p in (VENDOR / "mermaid" / "chunks" / "mermaid.esm.min").glob("*.mjs"))
    assert chunks and all(f"mermaid/chunks/mermaid.esm.min/{c}" in in_wheel for c in chunks), "Mermaid's chunks"
    assert all(f"mermaid/chunks/mermaid.esm.min/{c}" in in_sdist for c in chunks)

    # 2. a fresh virtualenv (no other site-packages), glossdeck from the wheel, no node on PATH
    venv = tmp_path / "venv"
    _check(_run([sys.executable, "-m", "venv", venv], cwd=tmp_path, env=_clean_env()), "python -m venv")
    env = _clean_env(PATH=_node_free_path(venv / "bin"), VIRTUAL_ENV=str(venv))
    python = venv / "bin" / "python"
    _check(_run([python, "-m", "pip", "install", "-q", wheel], cwd=tmp_path, env=env), "pip install the wheel")
    where = _run([python, "-c", "import glossdeck; print(glossdeck.__file__)"], cwd=tmp_path, env=env)
    assert Path(where.stdout.strip()).is_relative_to(venv), f"glossdeck imported from {where.stdout}"

    # 3. glossdeck init in an empty folder, then the strict build a user runs
    project = tmp_path / "my-glossary"
    project.mkdir()
    _check(_run([venv / "bin" / "glossdeck", "init"], cwd=project, env=env), "glossdeck init")
    assert (
        (project / "terms" / "idempotency.yml")
        .read_text()
        .startswith("# yaml-language-server: $schema=../schema/term.schema.json")
    )
    assert (project / "schema" / "term.schema.json").is_file()
    _check(
        _run(
            [venv / "bin" / "glossdeck", "validate", "--strict", "--format", "github", "terms/"], cwd=project, env=env
        ),
        "glossdeck validate",
    )
    report = _run(
        [venv / "bin" / "glossdeck", "validate", "--strict", "--format", "codequality", "terms/"], cwd=project, env=env
    )  # the GitLab CI file's report
    _check(report, "glossdeck validate --format codequality")
    assert report.stdout.strip() == "[]"
    # built for the address the test serves it at (as a deployment sets GLOSSDECK_SITE_URL), since
    # Material's instant navigation reads the sitemap from site_url
    site = serve(project / "site")
    build = _run([venv / "bin" / "mkdocs", "build", "--strict"], cwd=project, env={**env, "GLOSSDECK_SITE_URL": site})
    _check(build, "mkdocs build --strict")
    assert "is missing" not in build.stderr, build.stderr
    _browser_check(site)

    # 3b. readers and crawlers: an access log counted with the installed command (the crawler table
    # comes from the wheel), then a build with the project's GLOSSDECK_STATS set shows the counts
    log = project / "access.log"
    log.write_text(
        '203.0.113.5 - - [27/Mar/2026:10:00:00 +0000] "GET /terms/idempotency/ HTTP/1.1" 200 512 "-" '
        '"Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 Safari/537.36"\n'
        '203.0.113.6 - - [27/Mar/2026:10:00:01 +0000] "GET /terms/idempotency/ HTTP/1.1" 200 512 "-" '
        '"Mozilla/5.0 (compatible; GPTBot/1.2; +https://openai.com/gptbot)"\n'
    )
    ingest = _run([venv / "bin" / "glossdeck", "stats", "ingest", "access.log"], cwd=project, env=env)
    _check(ingest, "glossdeck stats ingest")
    assert "2 page views counted" in ingest.stdout, ingest.stdout
    stats_env = {**env, "GLOSSDECK_STATS": ".glossdeck/stats.sqlite", "SOURCE_DATE_EPOCH": "1774612800"}
    stats_build = _run([venv / "bin" / "mkdocs", "build", "--strict", "-d", "site-stats"], cwd=project, env=stats_env)
    _check(stats_build, "mkdocs build --strict with GLOSSDECK_STATS")
    term_page = (project / "site-stats" / "terms" / "idempotency" / "index.html").read_text(encoding="utf-8")
    assert "Views <strong" in term_page and 'data-gd-name="ChatGPT" data-gd-count="1"' in term_page
    assert (project / "site-stats" / "readers" / "index.html").is_file()

    # 4. the same project with ProperDocs, the maintained fork of MkDocs 1.6
    _check(_run([python, "-m", "pip", "install", "-q", "properdocs"], cwd=tmp_path, env=env), "pip install properdocs")
    site = serve(project / "site-properdocs")
    properdocs = _run(
        [venv / "bin" / "properdocs", "build", "--strict", "-f", "mkdocs.yml", "-d", "site-properdocs"],
        cwd=project,
        env={**env, "GLOSSDECK_SITE_URL": site},
    )
    _check(properdocs, "properdocs build --strict")
    _browser_check(site)
