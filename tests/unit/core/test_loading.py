"""Loading one term file: the model, both DEBT forms, and located errors."""

from __future__ import annotations

import pytest

from glossdeck.core.loading import parse_term
from glossdeck.core.problems import GlossdeckError
from tests.support.paths import REPO


def load(text: str, slug: str = "sample"):  # type: ignore[no-untyped-def]
    return parse_term(text.encode("utf-8"), f"terms/{slug}.yml", slug)


def problems_of(text: str, slug: str = "sample") -> list[str]:
    """Every problem of a file, whether it left the file out (raised) or only parts of it."""
    try:
        entry = load(text, slug)
    except GlossdeckError as exc:
        return [p.format() for p in exc.problems]
    assert entry.problems, "expected problems"
    return [p.format() for p in entry.problems]


def test_a_mistake_in_an_optional_field_costs_that_part_not_the_term() -> None:
    entry = load(
        "title: A\ncategory: x\ntldr: t\nlevel: expert\nrelated: [b, ../../etc, c]\ntypo_key: 1\n"
        "sources: [https://example.org/, not-a-url]\n"
    )
    assert entry.term.title == "A" and entry.term.level is None
    assert entry.term.related == ["b", "c"]  # the bad item only
    assert [s.url for s in entry.term.sources] == ["https://example.org/"]
    found = [p.format() for p in entry.problems]
    assert any(m.startswith("terms/sample.yml:4:8: level: ") for m in found), found
    assert any(m.startswith("terms/sample.yml:5:14: related[1]: '../../etc' is not a slug") for m in found), found
    assert any("unknown key 'typo_key'" in m for m in found), found
    assert all(p.severity == "error" for p in entry.problems)


@pytest.mark.parametrize(
    "text",
    [
        "category: x\ntldr: t\n",  # no title
        "title: A\ncategory: Not A Slug\ntldr: t\n",
        "title: A\ncategory: x\ntldr: [not, text]\n",
        "title: [A\n",  # no YAML
    ],
)
def test_a_file_without_a_usable_title_category_or_tldr_is_left_out(text: str) -> None:
    with pytest.raises(GlossdeckError) as caught:
        load(text)
    assert caught.value.problems and all(p.file == "terms/sample.yml" for p in caught.value.problems)


def test_reference_term_holds_every_block_of_the_seed_page() -> None:
    raw = (REPO / "terms" / "immutable-infrastructure.yml").read_bytes()
    entry = parse_term(raw, "terms/immutable-infrastructure.yml", "immutable-infrastructure")
    term = entry.term
    assert term.title == "Immutable Infrastructure"
    assert term.debt is not None and term.debt.string == "debt(d7/e9/b9/t5)"
    assert all(term.debt.axis(a).rationale for a in "debt")
    assert term.misconception and term.misconception.belief.startswith("Immutable infrastructure means you can never")
    assert len(term.mistakes) == 4
    assert [c.kind for c in term.code_examples] == ["vulnerable", "fixed"]
    assert term.diagram and term.diagram.startswith("flowchart LR")
    assert term.dev_intel and term.dev_intel.severity == "medium" and term.dev_intel.fix_effort == "high"
    assert term.dev_intel.detection and term.dev_intel.detection.automated is False
    assert term.dev_intel.detection.tools == ["docker", "terraform", "packer", "ansible"]
    assert term.ai_agent and term.ai_agent.confidence == "low" and term.ai_agent.context == "file"
    assert term.applies_to and term.applies_to.languages == ["PHP 5.0+"]
    assert str(term.added) == "2026-03-15" and str(term.edited) == "2026-03-22"


def test_compact_and_per_axis_debt_load_to_the_same_model() -> None:
    compact = load("""
title: A
category: x
tldr: t
debt:
  score: debt(d7/e0/b9/t5)
  rationale: {d: rd, e: re, b: rb, t: rt}
""").term.debt
    per_axis = load("""
title: A
category: x
tldr: t
debt:
  d: {score: 7, rationale: rd}
  e: {score: 0, rationale: re}
  b: {score: 9, rationale: rb}
  t: {score: 5, rationale: rt}
""").term.debt
    assert compact == per_axis
    assert compact is not None and compact.string == "debt(d7/e0/b9/t5)"


def test_only_title_category_and_tldr_are_required() -> None:
    term = load("title: A\ncategory: x\ntldr: t\n").term
    assert term.debt is None and term.mistakes == [] and term.diagram is None
    messages = problems_of("title: A\n")
    assert "terms/sample.yml:1:1: category: required field 'category' is missing" in messages
    assert "terms/sample.yml:1:1: tldr: required field 'tldr' is missing" in messages


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("title: A\ncategory: x\ntldr: t\nlevel: expert\n", "terms/sample.yml:4:8: level: "),
        ("title: A\ncategory: x\ntldr: t\nmistakes:\n  - ok\n  - [nested]\n", "terms/sample.yml:6:5: mistakes[1]: "),
        ("title: A\ncategory: x\ntldr: t\ndebt: debt(d7/e9/b9)\n", "terms/sample.yml:4:7: debt: malformed DEBT string"),
        ("title: A\ncategory: x\ntldr: t\ndebt: debt(d7/e9/b9/t10)\n", "malformed DEBT string"),
        (
            "title: A\ncategory: x\ntldr: t\ndebt:\n  d: {score: 12}\n  e: {score: 1}\n  b: {score: 1}\n  t: {score: 1}\n",
            "terms/sample.yml:5:14: debt.d.score: Input should be less than or equal to 9",
        ),
        ("title: A\ncategory: x\ntldr: t\nadded: 2026-13-01\n", "terms/sample.yml:4:8: added: invalid value"),
        ("title: A\ncategory: x\ntldr: t\nadded: yesterday\n", "terms/sample.yml:4:8: added: not an ISO date"),
        (
            "title: A\ncategory: x\ntldr: t\nsources: [ftp://x.org/a]\n",
            "terms/sample.yml:4:11: sources[0]: not an http(s) URL",
        ),
        ("title: A\ncategory: Dev Ops\ntldr: t\n", "terms/sample.yml:2:11: category: 'Dev Ops' is not a slug"),
        ("title: A\ncategory: x\ntldr: t\nrelated: [Not A Slug]\n", "related[0]: 'Not A Slug' is not a slug"),
        (
            "title: A\ncategory: x\ntldr: t\ncode_examples:\n  - kind: broken\n    language: php\n    code: x\n",
            "terms/sample.yml:5:11: code_examples[0].kind: Input should be ",
        ),
    ],
)
def test_wrong_values_are_reported_at_their_line_and_field(text: str, expected: str) -> None:
    assert any(expected in m for m in problems_of(text)), problems_of(text)


def test_misspelled_key_suggests_the_right_one() -> None:
    messages = problems_of("title: A\ncategory: x\ntldr: t\nmisconception:\n  belif: wrong\n  correction: right\n")
    assert any(
        m.startswith("terms/sample.yml:5:3: misconception.belif: unknown key 'belif' (did you mean 'belief'?)")
        for m in messages
    ), messages


def test_duplicate_keys_are_an_error_not_a_silent_overwrite() -> None:
    messages = problems_of("title: A\ncategory: x\ntldr: t\ntitle: B\n")
    assert messages == ["terms/sample.yml:4:1: title: duplicate key 'title'"]


def test_bad_file_names_are_reported() -> None:
    messages = problems_of("title: A\ncategory: x\ntldr: t\n", slug="Bad Name")
    assert any("not a valid slug" in m and "bad-name.yml" in m for m in messages)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"", "file is empty"),
        (b"   \n# only a comment\n", "file is empty"),
        (b"- a\n- b\n", "must be a mapping of fields, not a list"),
        (b"just text", "must be a mapping of fields, not a str"),
        (b"title: [unclosed\n", "YAML syntax error"),
        (b"title: \xff\xfe\n", "invalid UTF-8"),
        (b"\x00\x01\x02binary", "NUL bytes"),
        (b"!!python/object/apply:os.system ['echo pwned']\n", "unsupported"),
        (b"title: !!python/name:os.system ''\ncategory: x\ntldr: t\n", "unsupported value"),
        (
            b"a: &a [1, 2]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
            b"d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
            b"f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n",
            "alias bomb",
        ),
        (b"a: &a [*a]\n", "nested more than 64 deep"),
        (b"x" * 2_000_000, "larger than the limit"),
        (b"[" * 5000, "YAML syntax error"),
    ],
)
def test_broken_files_give_one_clear_located_error(raw: bytes, expected: str) -> None:
    with pytest.raises(GlossdeckError) as caught:
        parse_term(raw, "terms/broken.yml", "broken")
    formatted = [p.format() for p in caught.value.problems]
    assert any(expected in m for m in formatted), formatted
    assert all(m.startswith("terms/broken.yml:") for m in formatted)
