"""Glossaries in other tools' formats (tests/fixtures/imports/<format>/), copied into a project
folder and imported there with the real command, as a user runs it."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from glossdeck.cli import main

from .paths import TESTS

FIXTURES = TESTS / "fixtures" / "imports"

# format -> (the fixture's source inside its folder, extra arguments)
SOURCES: dict[str, tuple[str, tuple[str, ...]]] = {
    "hugo": ("content/en", ()),
    "hugo-zh": ("content/zh-cn", ()),  # a translation: headings in Chinese, titles no ASCII slug can spell
    "kubernetes": ("content/en/docs/reference/glossary", ()),
    "docusaurus": ("glossary/glossary.json", ("--category", "web")),
    "abbreviations": ("includes/abbreviations.md", ()),
    "csv": (
        "glossary.csv",
        (
            "--map",
            "title=Name,tldr=Definition,explanation=Details,category=Area,tags=Keywords,related=See also",
            "--map",
            "sources=Reference",
        ),
    ),
}


@dataclass
class Run:
    code: int
    out: str
    err: str


@contextlib.contextmanager
def _in(folder: Path) -> Iterator[None]:
    previous = os.getcwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(previous)


def glossdeck(root: Path, *args: str) -> Run:
    """`glossdeck ARGS` in `root`, in this process (the command line's own main), output captured."""
    out, err = io.StringIO(), io.StringIO()
    with _in(root), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as exc:  # argparse's usage errors
            code = int(exc.code or 0)
    return Run(code, out.getvalue(), err.getvalue())


def copy_fixture(fmt: str, root: Path) -> str:
    """The format's fixture copied into `root`; returns the source to name on the command line."""
    shutil.copytree(FIXTURES / fmt, root, dirs_exist_ok=True)
    return SOURCES[fmt][0]


def import_fixture(fmt: str, root: Path, *extra: str) -> Run:
    source = copy_fixture(fmt, root)
    name = fmt.split("-")[0]  # hugo-zh is the hugo format
    return glossdeck(root, "import", name, source, "--out", "terms", *SOURCES[fmt][1], *extra)
