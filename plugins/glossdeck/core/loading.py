"""Reading term files into `Term` objects, with every problem located in its file."""

from __future__ import annotations

import os
import types
import typing
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .located_yaml import MAX_FILE_BYTES, SourceMap, load_yaml_text
from .model import Term
from .problems import GlossdeckError, Problem, did_you_mean
from .slugs import is_slug, slugify
from .term_links import flow_sequence_link

TERM_SUFFIXES = (".yml", ".yaml")


@dataclass(frozen=True)
class LoadedTerm:
    slug: str
    term: Term
    file: str  # as shown to the author, e.g. terms/immutable-infrastructure.yml
    source: SourceMap
    digest: int  # hash of the file's bytes: the cache key for rendered output
    # errors in parts of the file that were left off so the rest could be used (see parse_term)
    problems: tuple[Problem, ...] = ()

    def locate(self, *path: str | int, key: bool = False) -> tuple[int, int]:
        return self.source.locate(tuple(path), key=key)


def display_path(path: Path) -> str:
    """A path relative to the working directory when it is inside it, as authors typed it."""
    try:
        rel = os.path.relpath(path, os.getcwd())
    except ValueError:
        return str(path)
    return rel if not rel.startswith("..") else str(path)


def slug_for(path: Path) -> str:
    """The slug a file name gives, in NFC: macOS hands out decomposed names ("u" + combining
    diaeresis), which are the same name as the composed "ü" an author types in YAML."""
    return unicodedata.normalize("NFC", path.stem)


def _unwrap_model(annotation: Any) -> type[BaseModel] | None:
    """The pydantic model inside list[...] / X | None / Annotated[...], if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap_model(typing.get_args(annotation)[0])
    if origin in (list, typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            found = _unwrap_model(arg)
            if found:
                return found
    return None


def _model_at(loc: tuple[str | int, ...], root: type[BaseModel] = Term) -> type[BaseModel] | None:
    model: type[BaseModel] | None = root
    for part in loc:
        if model is None:
            return None
        if isinstance(part, int):
            continue
        info = model.model_fields.get(part)
        model = _unwrap_model(info.annotation) if info else None
    return model


def _dotted(loc: tuple[str | int, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _document_loc(loc: tuple[str | int, ...], data: Any) -> tuple[str | int, ...]:
    """The error's path inside the document. Pydantic puts union-branch names ('str',
    'function-after[...]') into `loc`; only parts that exist in the data are kept."""
    kept: list[str | int] = []
    node = data
    for i, part in enumerate(loc):
        in_list = isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        if in_list or (isinstance(node, dict) and part in node):
            kept.append(part)
            node = node[part]
        elif isinstance(node, dict) and i == len(loc) - 1 and isinstance(part, str) and "[" not in part:
            kept.append(part)  # a missing field: named, but not in the data
            node = None
    return tuple(kept)


def problems_from_validation(
    exc: ValidationError, file: str, source: SourceMap, data: Any, root: type[BaseModel] = Term
) -> list[Problem]:
    """Pydantic errors for a YAML document validated as `root`, each located in its file."""
    problems: list[Problem] = []
    for err in exc.errors(include_url=False):
        loc = _document_loc(err["loc"], data)
        kind = err["type"]
        if kind == "extra_forbidden" and loc:
            key = str(loc[-1])
            parent = _model_at(loc[:-1], root)
            allowed = list(parent.model_fields) if parent else []
            line, col = source.locate(loc, key=True)
            message = f"unknown key '{key}'{did_you_mean(key, allowed)}"
            if allowed:
                message += f"; allowed here: {', '.join(allowed)}"
        elif kind == "missing" and loc:
            line, col = source.locate(loc[:-1])
            message = f"required field '{loc[-1]}' is missing"
        elif kind == "string_type" and (link := flow_sequence_link(err.get("input"))):
            line, col = source.locate(loc)
            message = (
                f"YAML read this value as a list because it starts with '[': to write the term link {link}, "
                "quote the value or use a block scalar (|)"
            )
        else:
            line, col = source.locate(loc)
            msg = err["msg"].removeprefix("Value error, ")
            given = err.get("input")
            quoted = isinstance(given, str) and repr(given[:40]).rstrip("'\"") in msg  # the message names it
            shown = "" if isinstance(given, (dict, list)) or msg.endswith(")") or quoted else f" (got {_short(given)})"
            message = msg + shown
        problems.append(Problem(file, line, col, _dotted(loc), message))
    return problems


def parse_term(raw: bytes, file: str, slug: str) -> LoadedTerm:
    """Bytes of one term file -> LoadedTerm, or GlossdeckError listing every problem."""
    doc = load_yaml_text(raw, file)
    if not isinstance(doc.data, dict):
        kind = type(doc.data).__name__
        raise GlossdeckError([Problem(file, 1, 1, "", f"a term file must be a mapping of fields, not a {kind}")])
    problems: list[Problem] = []
    if not is_slug(slug):
        suggestion = slugify(slug)
        fix = f"; rename it to '{suggestion}.yml'" if suggestion else "; give it a name with a letter or digit"
        problems.append(
            Problem(
                file,
                1,
                1,
                "",
                f"file name '{slug}' is not a valid slug (lowercase letters of any script, digits, single hyphens){fix}",
            )
        )
    for key in doc.data:
        if not isinstance(key, str):
            line, col = doc.source.locate((key,), key=True)
            problems.append(Problem(file, line, col, str(key), "keys must be text"))
    try:
        term = Term.model_validate(doc.data)
    except ValidationError as exc:
        problems.extend(problems_from_validation(exc, file, doc.source, doc.data))
        salvaged = _without_bad_parts(doc.data, exc) if not problems_block_use(problems) else None
        if salvaged is None:
            raise GlossdeckError(problems) from None
        term = salvaged
    except (ValueError, TypeError, RecursionError) as exc:  # a validator tripping on odd input
        problems.append(Problem(file, 1, 1, "", f"invalid term: {exc}"))
        raise GlossdeckError(problems) from None
    if problems_block_use(problems):  # e.g. the file name is no slug: the term has no address
        raise GlossdeckError(problems)
    return LoadedTerm(slug, term, file, doc.source, hash(raw), tuple(problems))


# Without these a term has no page; a mistake anywhere else leaves that part off the page instead.
REQUIRED_FIELDS = frozenset(name for name, info in Term.model_fields.items() if info.is_required())


def problems_block_use(problems: list[Problem]) -> bool:
    """Whether a term file's problems leave nothing to show: a required field, or a key that is not text."""
    return any(p.field.split(".")[0].split("[")[0] in REQUIRED_FIELDS or p.field == "" for p in problems) or any(
        p.message == "keys must be text" for p in problems
    )


def _without_bad_parts(data: dict[str, Any], exc: ValidationError) -> Term | None:
    """The term without the parts its validation errors point at (a bad list item, else the whole
    optional field), so one typo costs that part of the page, not the page; None if that fails too."""
    trimmed = dict(data)
    for _attempt in range(2):  # item by item first, then whole fields
        drop_items: dict[str, set[int]] = {}
        for err in exc.errors(include_url=False):
            loc = _document_loc(err["loc"], trimmed)
            if not loc or not isinstance(loc[0], str) or loc[0] in REQUIRED_FIELDS:
                return None
            key = loc[0]
            if _attempt == 0 and len(loc) > 1 and isinstance(loc[1], int) and isinstance(trimmed.get(key), list):
                drop_items.setdefault(key, set()).add(loc[1])
            else:
                trimmed.pop(key, None)
        for key, indexes in drop_items.items():
            if key in trimmed:
                trimmed[key] = [item for i, item in enumerate(trimmed[key]) if i not in indexes]
        try:
            return Term.model_validate(trimmed)
        except ValidationError as again:
            exc = again
        except (ValueError, TypeError, RecursionError):
            return None
    return None


def read_term_bytes(path: Path) -> tuple[str, bytes]:
    """(the file as shown to the author, its bytes), or GlossdeckError when it cannot be read."""
    file = display_path(path)
    try:
        with open(path, "rb") as handle:  # read one byte past the limit, never a whole huge file
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise GlossdeckError([Problem(file, 1, 1, "", f"cannot read file: {exc.strerror or exc}")]) from None
    return file, raw


def read_term_file(path: Path) -> LoadedTerm:
    file, raw = read_term_bytes(path)
    return parse_term(raw, file, slug_for(path))


def _walk_term_files(folder: str) -> Iterator[str]:
    """Term files under a folder, with os.scandir (pathlib's rglob costs more on every `mkdocs serve`
    rebuild); hidden and "_" files are not terms (e.g. _paths.yml); hidden folders are skipped."""
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.name.startswith((".", "_")) and not entry.is_dir(follow_symlinks=True):
                continue
            if entry.is_dir(follow_symlinks=True):
                if not entry.name.startswith("."):
                    yield from _walk_term_files(entry.path)
            elif os.path.splitext(entry.name)[1] in TERM_SUFFIXES and entry.is_file(follow_symlinks=True):
                yield entry.path


def find_term_files(paths: list[Path]) -> tuple[list[Path], list[Problem]]:
    """Term files under the given files and folders, sorted, plus problems for bad paths."""
    files: list[Path] = []
    problems: list[Problem] = []
    for path in paths:
        if path.is_dir():
            files.extend(Path(p) for p in sorted(_walk_term_files(str(path)), key=lambda p: p.split(os.sep)))
        elif path.is_file():
            files.append(path)
        else:
            problems.append(Problem(display_path(path), 1, 1, "", "no such file or folder"))
    return files, problems
