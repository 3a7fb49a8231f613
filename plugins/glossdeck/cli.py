"""The `glossdeck` command line: validate, new, schema, init (and the front ends added on top)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import string
import sys
import unicodedata
from collections.abc import Callable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any, NoReturn

from .core.checks import load_glossary
from .core.json_schema import term_json_schema_text
from .core.problems import GlossdeckError, Problem, ProblemList, Severity
from .core.rubric import load_rubric
from .core.slugs import slug_problem, slugify
from .features import load_features
from .text.escape import github_command

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # usage errors exit 2 with a one-line reason
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"glossdeck: error: {message}\n")


def format_problems(problems: list[Problem], fmt: str, strict: bool) -> str:
    if fmt == "json":
        return json.dumps(
            {
                "problems": [p.as_dict() for p in problems],
                "errors": sum(p.severity is Severity.ERROR for p in problems),
                "warnings": sum(p.severity is Severity.WARNING for p in problems),
            },
            indent=2,
            ensure_ascii=False,
        )
    if fmt == "codequality":
        from .codequality import codequality_report

        return codequality_report(problems, strict)
    if fmt == "github":
        lines = []
        for p in problems:
            level = "error" if p.severity is Severity.ERROR or strict else "warning"
            title = github_command(f"glossdeck: {p.field}" if p.field else "glossdeck", prop=True)
            lines.append(
                f"::{level} file={github_command(p.file, prop=True)},line={p.line},col={p.column},"
                f"title={title}::{github_command(p.message)}"
            )
        return "\n".join(lines)
    return "\n".join(p.format() for p in problems)


def _validate(args: argparse.Namespace) -> int:
    paths = [Path(p) for p in (args.paths or ["terms"])]
    try:
        rubric = load_rubric(args.rubric) if args.rubric else None
        # features' own inputs beside the terms (e.g. learning paths) are checked too
        glossary, problems = load_glossary(paths, rubric, checks=[f.check for f in load_features()])
    except GlossdeckError as exc:
        problems, glossary = ProblemList(list(exc.problems)), None
    ordered = problems.sorted()
    failing = problems.errors or (args.strict and problems.warnings)
    if ordered:
        out = format_problems(ordered, args.format, args.strict)
        print(out, file=sys.stdout if args.format != "text" else sys.stderr)
    elif args.format in ("json", "codequality"):  # a report file is valid JSON even when clean
        print(format_problems([], args.format, args.strict))
    if getattr(args, "links", False) and glossary is not None and args.format == "text":
        print(_links_report(glossary, args.exclude or []))
    if args.format == "text":
        count = len(glossary) if glossary is not None else 0
        summary = f"{count} term(s) checked: {len(problems.errors)} error(s), {len(problems.warnings)} warning(s)"
        print(summary, file=sys.stderr if failing else sys.stdout)
    return EXIT_PROBLEMS if failing else EXIT_OK


def _links_report(glossary: Any, exclude: list[str]) -> str:
    from .site.link_review import format_review, review_links  # imported late: it pulls in the renderers

    return format_review(review_links(glossary, exclude), glossary)


def _links(args: argparse.Namespace) -> int:
    paths = [Path(p) for p in (args.paths or ["terms"])]
    glossary, problems = load_glossary(paths)
    for problem in problems.errors:
        print(problem.format(), file=sys.stderr)
    print(_links_report(glossary, args.exclude or []))
    return EXIT_OK


def _yaml_scalar(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # JSON strings are valid YAML scalars


def _new(args: argparse.Namespace) -> int:
    # The title's own words, in any script ("容器" -> terms/容器.yml): a slug is never transliterated
    # away from what the glossary's readers read; --slug picks another one.
    slug = unicodedata.normalize("NFC", args.slug) if args.slug else slugify(args.title)
    if not slug:
        print(
            "glossdeck: error: the title has no letter or digit (in any script) to make a file name from; pass --slug",
            file=sys.stderr,
        )
        return EXIT_USAGE
    for what, value in (("--slug", slug), ("category", args.category)):
        problem = slug_problem(value)
        if problem:
            print(f"glossdeck: error: {what}: {problem}", file=sys.stderr)
            return EXIT_USAGE
    folder = Path(args.dir)
    target = folder / f"{slug}.yml"
    schema_path = os.path.relpath(Path("schema/term.schema.json").resolve(), folder.resolve())
    template = string.Template(resources.files("glossdeck").joinpath("templates/new-term.yml").read_text("utf-8"))
    text = template.substitute(
        title=_yaml_scalar(args.title),
        category=args.category,
        today=dt.date.today().isoformat(),
        schema_path=schema_path,
    )
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with open(target, "x", encoding="utf-8") as handle:  # "x": never overwrite
            handle.write(text)
    except FileExistsError:
        print(f"glossdeck: error: {target} already exists; not overwriting it", file=sys.stderr)
        return EXIT_PROBLEMS
    except OSError as exc:
        print(f"glossdeck: error: cannot write {target}: {exc.strerror}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(target)
    return EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    text = term_json_schema_text()
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return EXIT_OK


Command = Callable[[argparse.Namespace], int]
# Front ends register extra sub-commands here (name -> (configure parser, run)).
EXTRA_COMMANDS: list[Callable[[argparse._SubParsersAction[Any]], None]] = []


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="glossdeck", description="Glossary-and-learning site generator.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    validate = sub.add_parser("validate", help="check term files and report every problem with its location")
    validate.add_argument("paths", nargs="*", help="term files or folders (default: terms/)")
    validate.add_argument(
        "--format",
        choices=("text", "json", "github", "codequality"),
        default="text",
        help="github: annotations on a pull request; codequality: GitLab's Code Quality report",
    )
    validate.add_argument("--strict", action="store_true", help="treat warnings as failures")
    validate.add_argument("--rubric", help="a DEBT rubric YAML file replacing the shipped one")
    validate.add_argument("--links", action="store_true", help="also list where each term gets auto-linked")
    validate.add_argument("--exclude", action="append", metavar="SLUG", help=argparse.SUPPRESS)
    validate.set_defaults(run=_validate)

    links = sub.add_parser("links", help="list where each term gets auto-linked, to review before publishing")
    links.add_argument("paths", nargs="*", help="term files or folders (default: terms/)")
    links.add_argument(
        "--exclude", action="append", metavar="SLUG", help="a term never auto-linked (as autolink_exclude_terms)"
    )
    links.set_defaults(run=_links)

    new = sub.add_parser("new", help="write terms/<slug>.yml from a commented template")
    new.add_argument("title")
    new.add_argument("--category", required=True)
    new.add_argument("--slug", help="file name without .yml (default: from the title)")
    new.add_argument("--dir", default="terms", help="folder to write into (default: terms/)")
    new.set_defaults(run=_new)

    schema = sub.add_parser("schema", help="print the JSON Schema (draft-07) of a term file")
    schema.add_argument("-o", "--output", help="write to this file instead of standard output")
    schema.set_defaults(run=_schema)

    from .exports.markdown import register as register_export  # imported late: it pulls in the renderers

    register_export(sub)
    from .exports.command import register as register_export_formats

    register_export_formats(sub)
    from .imports.command import register as register_import

    register_import(sub)
    from .project_init import register as register_init

    register_init(sub)
    from .stats.command import register as register_stats

    register_stats(sub)
    for register in EXTRA_COMMANDS:
        register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    run: Command = args.run
    try:
        return run(args)
    except GlossdeckError as exc:
        print(format_problems(exc.problems, "text", False), file=sys.stderr)
        return EXIT_PROBLEMS
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
