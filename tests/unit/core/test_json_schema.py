"""The JSON Schema editors use: valid draft-07, committed copy fresh, agrees with the model."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import yaml

from glossdeck.core.json_schema import term_json_schema, term_json_schema_text
from tests.support.commands import run_cli
from tests.support.paths import REPO


def _as_json_document(path: Path) -> object:
    # what an editor validates: the YAML converted to JSON (dates become strings)
    return json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str))


def test_schema_passes_the_draft_07_meta_schema() -> None:
    schema = term_json_schema()
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    jsonschema.Draft7Validator.check_schema(schema)


def test_committed_schema_is_not_stale() -> None:
    committed = (REPO / "schema" / "term.schema.json").read_text(encoding="utf-8")
    assert committed == term_json_schema_text(), "run: glossdeck schema -o schema/term.schema.json"


def test_cli_prints_the_schema() -> None:
    result = run_cli("schema", cwd=REPO)
    assert result.returncode == 0
    assert json.loads(result.stdout) == term_json_schema()


def test_schema_accepts_every_repository_term_and_each_starts_with_the_schema_line() -> None:
    validator = jsonschema.Draft7Validator(term_json_schema())
    files = sorted((REPO / "terms").glob("*.yml"))
    assert files
    for path in files:
        assert path.read_text(encoding="utf-8").startswith(
            "# yaml-language-server: $schema=../schema/term.schema.json\n"
        ), path
        errors = list(validator.iter_errors(_as_json_document(path)))
        assert not errors, (path, [e.message for e in errors])


def test_schema_rejects_a_misspelled_key_and_a_bad_debt_string() -> None:
    validator = jsonschema.Draft7Validator(term_json_schema())
    doc = _as_json_document(REPO / "terms" / "immutable-infrastructure.yml")
    assert isinstance(doc, dict)
    misspelled = dict(doc, tldr_=doc["tldr"])
    assert any("tldr_" in e.message for e in validator.iter_errors(misspelled))
    assert list(validator.iter_errors(dict(doc, debt="debt(d7/e9/b9)")))
    assert not list(validator.iter_errors(dict(doc, debt="debt(d7/e9/b9/t0)")))
    per_axis = {a: {"score": 3, "rationale": "r"} for a in "debt"}
    assert not list(validator.iter_errors(dict(doc, debt=per_axis)))
    assert list(validator.iter_errors(dict(doc, debt=dict(per_axis, d={"score": 10}))))
