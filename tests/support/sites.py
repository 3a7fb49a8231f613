"""Real MkDocs sites built in temporary folders: one mkdocs.yml template, one way to write a
project (terms/, docs/, mkdocs.yml), one in-process strict build that collects MkDocs' log."""

from __future__ import annotations

import logging
import os
import textwrap
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from .learning_glossary import PATHS_YAML, learning_terms
from .paths import VENDOR
from .terms import TermSource, default_terms, synthetic_term_texts, write_terms

BUILD_DATE_EPOCH = "1774569600"  # 2026-03-27: the reference term was added 15 Mar, edited 22 Mar
VENDORED = (
    "mermaid/mermaid.esm.min.mjs",
    "d3-force.min.js",
    "d3-quadtree.min.js",
    "d3-dispatch.min.js",
    "d3-timer.min.js",
    "fonts/DejaVuSans.ttf",  # the link-preview images are drawn with it
)

MKDOCS_YML = """\
site_name: {site_name}
{site_url}
use_directory_urls: {use_directory_urls}
theme:
  name: material
  font: false
  palette:
    - scheme: default
      toggle: {{icon: material/weather-night, name: Switch to dark mode}}
    - scheme: slate
      toggle: {{icon: material/weather-sunny, name: Switch to light mode}}
  features: [navigation.instant, content.action.edit]
{extra}
plugins:
  - search
  - glossdeck:
{glossdeck}
  - mermaid2:
      javascript: assets/glossdeck/mermaid.mjs
      arguments: {{securityLevel: strict}}
markdown_extensions:
  - admonition
  - attr_list
  - md_in_html
  - tables
  - toc: {{permalink: true}}
  - pymdownx.details
  - pymdownx.highlight
  - pymdownx.superfences:
      custom_fences:
        - name: mermaid
          class: mermaid
          format: !!python/name:mermaid2.fence_mermaid_custom
"""


def mkdocs_yml(
    *,
    site_name: str = "Test glossary",
    site_url: str | None = None,
    use_directory_urls: bool = True,
    glossdeck: str = "",
    embeds: bool | None = None,
    extra: str = "",
) -> str:
    """`glossdeck`: the plugin's options as YAML lines; `embeds`: None turns the embeds feature on
    only with a site_url (without one it warns, cards needing absolute URLs, and strict mode fails)."""
    options = glossdeck.strip("\n") or "terms_dir: terms"
    embeds_on = site_url is not None if embeds is None else embeds
    if not embeds_on and "disabled_features" not in options:
        options += "\ndisabled_features: [embeds]"
    return MKDOCS_YML.format(
        site_name=site_name,
        site_url=f"site_url: {site_url}" if site_url else "",
        use_directory_urls="true" if use_directory_urls else "false",
        extra=extra,
        glossdeck=textwrap.indent(options, "      "),
    )


def write_project(
    root: Path,
    *,
    terms: Mapping[str, TermSource] | None = None,
    docs: Mapping[str, str] | None = None,
    files: Mapping[str, str] | None = None,
    site_name: str = "Test glossary",
    site_url: str | None = None,
    use_directory_urls: bool = True,
    glossdeck: str = "",
    embeds: bool | None = None,
    extra: str = "",
) -> Path:
    """mkdocs.yml, terms/ (the three default terms unless given), docs/ and any other `files`."""
    write_terms(root / "terms", default_terms() if terms is None else terms)
    (root / "docs").mkdir(parents=True, exist_ok=True)
    for name, text in {**{f"docs/{n}": t for n, t in (docs or {}).items()}, **(files or {})}.items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        mkdocs_yml(
            site_name=site_name,
            site_url=site_url,
            use_directory_urls=use_directory_urls,
            glossdeck=glossdeck,
            embeds=embeds,
            extra=extra,
        ),
        encoding="utf-8",
    )
    return root


def write_synthetic_project(root: Path, n: int, *, site_url: str, glossdeck: str = "") -> Path:
    """A project of n synthetic terms, for a real `mkdocs` subprocess (which finds this checkout's
    glossdeck through the PYTHONPATH tests/conftest.py sets)."""
    return write_project(
        root, terms=synthetic_term_texts(n), docs={"index.md": "# Home\n"}, site_url=site_url, glossdeck=glossdeck
    )


def files_in(folder: Path) -> dict[str, bytes]:
    """Every file below `folder` as a web server sees it: through links, by POSIX relative path."""
    found: dict[str, bytes] = {}
    for parent, _, names in os.walk(folder, followlinks=True):
        for name in names:
            path = Path(parent, name)
            found[path.relative_to(folder).as_posix()] = path.read_bytes()
    return found


@dataclass
class BuiltSite:
    root: Path
    site_dir: Path
    messages: list[tuple[int, str]] = field(default_factory=list)  # (level, message) from MkDocs' log
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


def require_vendored() -> None:
    """The front-end libraries `npm ci` copies into the package: a set-up step, never skipped."""
    missing = [name for name in VENDORED if not (VENDOR / name).is_file()]
    if missing:
        pytest.fail(f"{VENDOR} lacks {', '.join(missing)}: run `npm ci` (or `make test`, which does) first")


@contextmanager
def as_a_user_builds(root: Path) -> Iterator[None]:
    """In the project's folder (term files are reported relative to it, as for a user) with a fixed
    build date; both put back afterwards."""
    previous_dir, previous_epoch = os.getcwd(), os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = BUILD_DATE_EPOCH
    os.chdir(root)
    try:
        yield
    finally:
        os.chdir(previous_dir)
        if previous_epoch is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous_epoch


def build_project(root: Path, *, strict: bool = True, site_dir: Path | None = None) -> BuiltSite:
    """Build the project in `root` (mkdocs.yml already written) with MkDocs, into root/site unless told."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    require_vendored()
    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    level = logger.level
    logger.setLevel(logging.INFO)  # INFO too: e.g. glossdeck's one set-up message
    result = BuiltSite(root, site_dir or root / "site")
    try:
        with as_a_user_builds(root):
            config = load_config(config_file=str(root / "mkdocs.yml"), strict=strict, site_dir=str(result.site_dir))
            build(config)
    except BaseException as exc:  # mkdocs.exceptions.Abort in strict mode, PluginError, ...
        if isinstance(exc, KeyboardInterrupt):
            raise
        result.error = exc
    finally:
        logger.removeHandler(collect)
        logger.setLevel(level)
    result.messages = collect.records
    return result


def build_site(
    root: Path,
    *,
    strict: bool = True,
    terms: Mapping[str, TermSource] | None = None,
    docs: Mapping[str, str] | None = None,
    files: Mapping[str, str] | None = None,
    site_name: str = "Test glossary",
    site_url: str | None = None,
    use_directory_urls: bool = True,
    glossdeck: str = "",
    embeds: bool | None = None,
    extra: str = "",
) -> BuiltSite:
    """Write a project (see write_project) into `root` and build it, in strict mode unless told."""
    write_project(
        root,
        terms=terms,
        docs=docs,
        files=files,
        site_name=site_name,
        site_url=site_url,
        use_directory_urls=use_directory_urls,
        glossdeck=glossdeck,
        embeds=embeds,
        extra=extra,
    )
    return build_project(root, strict=strict)


def build_learning_site(root: Path, *, use_directory_urls: bool = True) -> BuiltSite:
    """The learning glossary (support.learning_glossary) with the learning feature, built strictly;
    no site_url: these sites are served on a random port (cards need one, and are tested apart)."""
    built = build_site(
        root,
        terms=learning_terms(),
        files={"terms/_paths.yml": PATHS_YAML},
        site_name="Learning test glossary",
        use_directory_urls=use_directory_urls,
        docs={"index.md": "# Test glossary\n\nA site for the learning tests.\n"},
        glossdeck="terms_dir: terms\nfeatures: [glossdeck.learning]",
        embeds=False,
    )
    assert built.ok, (built.error, built.warnings())
    return built
