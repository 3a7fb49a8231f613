"""Random and hostile YAML: nothing but GlossdeckError may ever escape the loader."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glossdeck.core.loading import parse_term
from glossdeck.core.problems import GlossdeckError

FIELDS = [
    "title",
    "category",
    "tldr",
    "debt",
    "aliases",
    "level",
    "added",
    "mistakes",
    "related",
    "code_examples",
    "misconception",
    "dev_intel",
    "ai_agent",
    "sources",
    "applies_to",
]
SNIPPETS = [
    "debt(d7/e9/b9/t5)",
    "debt(d1/e1)",
    "!!python/object:os.system",
    "&a [*a]",
    "*missing",
    "2026-02-30",
    "<script>alert(1)</script>",
    "{",
    "[",
    "- ",
    ": ",
    "\t",
    "\x00",
    "\u202e",
    "~",
    "null",
    "yes",
    "1e999",
    "'",
    '"',
    "|",
    ">-",
    "? ",
    "---",
    "...",
    "%YAML 1.1",
    "!!binary aGVsbG8=",
    "!!set {a, b}",
]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=40),
    st.sampled_from(SNIPPETS),
    st.dates().map(str),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.sampled_from([*FIELDS, "x", "d", "score"]), inner, max_size=4)
    ),
    max_leaves=12,
)


def _dump(value: object, depth: int = 0) -> str:
    pad = "  " * depth
    if isinstance(value, dict):
        return "".join(f"{pad}{k}:\n{_dump(v, depth + 1)}" for k, v in value.items()) or f"{pad}{{}}\n"
    if isinstance(value, list):
        return "".join(f"{pad}-\n{_dump(v, depth + 1)}" for v in value) or f"{pad}[]\n"
    return f"{pad}{value}\n"


def _must_only_raise_our_error(raw: bytes) -> None:
    try:
        parse_term(raw, "terms/fuzz.yml", "fuzz")
    except GlossdeckError as exc:
        assert exc.problems and all(p.file == "terms/fuzz.yml" and p.line >= 1 for p in exc.problems)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300))
def test_random_bytes(raw: bytes) -> None:
    _must_only_raise_our_error(raw)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(SNIPPETS + FIELDS + ["\n", " ", "  ", "title: x\ncategory: y\ntldr: z\n"]), max_size=30)
)
def test_hostile_snippet_soup(parts: list[str]) -> None:
    _must_only_raise_our_error("".join(parts).encode("utf-8", "surrogatepass"))


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(FIELDS), values, max_size=8))
def test_structured_documents_with_wrong_types(doc: dict[str, object]) -> None:
    base = "title: T\ncategory: c\ntldr: t\n"
    body = _dump(doc)
    _must_only_raise_our_error((base + body).encode("utf-8", "surrogatepass"))
