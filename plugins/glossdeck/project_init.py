"""`glossdeck init [DIR]`: write a new glossary project that `mkdocs serve` builds with no other step.

The project is the package's templates/project/ folder plus the term JSON Schema (so the example
term's `$schema` modeline resolves inside the new project). It never overwrites: when any file it
would write exists, it names them all and writes nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from . import __version__
from .core.json_schema import term_json_schema_text

EXIT_OK, EXIT_PROBLEMS = 0, 1

# project path -> template file in templates/project/. Dot-files are stored without their dot:
# setuptools' package-data globs skip hidden files, so a wheel would silently lack them.
TEMPLATES: dict[str, str] = {
    "mkdocs.yml": "mkdocs.yml",
    "requirements.txt": "requirements.txt",
    "docs/index.md": "index.md",
    "terms/idempotency.yml": "terms/idempotency.yml",
    ".gitignore": "gitignore",
    ".github/workflows/glossary.yml": "github-workflow.yml",
    ".gitlab-ci.yml": "gitlab-ci.yml",
}
SCHEMA_PATH = "schema/term.schema.json"  # the example term's modeline points here (../schema/...)


@dataclass(frozen=True)
class ProjectFile:
    path: str  # relative to the project folder, "/"-separated
    text: str


def _yaml_string(text: str) -> str:
    """`text` as a double-quoted YAML scalar (JSON's escaping is valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def project_files(site_name: str) -> list[ProjectFile]:
    """Every file of a new project, in the order they are written."""
    folder = resources.files("glossdeck").joinpath("templates", "project")
    files = []
    for path, template in TEMPLATES.items():
        text = folder.joinpath(*template.split("/")).read_text("utf-8")
        # mkdocs.yml takes the name as a YAML scalar; Markdown's heading takes it as text
        name = _yaml_string(site_name) if path == "mkdocs.yml" else site_name
        text = text.replace("__SITE_NAME__", name).replace("__GLOSSDECK_VERSION__", __version__)
        files.append(ProjectFile(path, text))
    files.append(ProjectFile(SCHEMA_PATH, term_json_schema_text()))
    return files


def default_site_name(target: Path) -> str:
    words = target.resolve().name.replace("-", " ").replace("_", " ").split()
    if not words:
        return "Glossary"
    name = " ".join(w[:1].upper() + w[1:] for w in words)
    return name if "glossary" in name.lower() else f"{name} glossary"


def write_project(target: Path, site_name: str) -> tuple[list[Path], list[Path]]:
    """Write the project into `target`: (written, already existing). Nothing is written when any exists."""
    files = project_files(site_name)
    existing = [target / f.path for f in files if (target / f.path).exists()]
    # a file where init needs a folder (say, a file named `terms`) blocks it just the same
    existing += sorted(
        {
            parent
            for f in files
            for parent in (target / f.path).parents
            if parent.is_relative_to(target) and parent.exists() and not parent.is_dir()
        }
    )
    if existing:
        return [], existing
    written = []
    for f in files:
        destination = target / f.path
        destination.parent.mkdir(parents=True, exist_ok=True)
        with open(destination, "x", encoding="utf-8", newline="\n") as handle:  # "x": never overwrite
            handle.write(f.text)
        written.append(destination)
    return written, []


def _init(args: argparse.Namespace) -> int:
    target = Path(args.dir)
    if target.exists() and not target.is_dir():
        print(f"glossdeck: error: {target} exists and is not a folder", file=sys.stderr)
        return EXIT_PROBLEMS
    try:
        written, existing = write_project(target, args.site_name or default_site_name(target))
    except OSError as exc:
        print(f"glossdeck: error: cannot write into {target}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    if existing:
        print(
            f"glossdeck: error: {len(existing)} file(s) that init would write already exist; nothing was written:",
            file=sys.stderr,
        )
        for path in existing:
            print(f"  {path}", file=sys.stderr)
        return EXIT_PROBLEMS
    for path in written:
        print(path)
    where = "" if target.resolve() == Path.cwd().resolve() else f"cd {target} && "
    print(f"\nNext: {where}mkdocs serve --livereload --dirty   (then open http://127.0.0.1:8000/)", file=sys.stderr)
    return EXIT_OK


def register(sub: argparse._SubParsersAction[Any]) -> None:
    init = sub.add_parser("init", help="write a new glossary project (mkdocs.yml, terms/, docs/, CI files)")
    init.add_argument("dir", nargs="?", default=".", help="the project folder (default: the current one)")
    init.add_argument("--site-name", help="the site's title (default: from the folder's name)")
    init.set_defaults(run=_init)
