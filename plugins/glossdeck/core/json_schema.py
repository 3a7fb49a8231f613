"""The JSON Schema (draft-07) of a term file, as yaml-language-server reads it."""

from __future__ import annotations

import json
from typing import Any

from .model import Term

SCHEMA_ID = "https://glossdeck.dev/schema/term.schema.json"
SCHEMA_COMMENT_PATH = "../schema/term.schema.json"  # relative to a file in terms/


def _strip_titles(node: Any) -> Any:
    """Pydantic adds a 'title' to every property; editors show descriptions instead, so drop the noise."""
    if isinstance(node, dict):
        return {
            k: _strip_titles(v)
            for k, v in node.items()
            if not (k == "title" and isinstance(v, str) and "properties" not in node)
        }
    if isinstance(node, list):
        return [_strip_titles(v) for v in node]
    return node


def term_json_schema() -> dict[str, Any]:
    schema = Term.model_json_schema(ref_template="#/definitions/{model}", mode="validation")
    definitions = schema.pop("$defs", {})
    body = _strip_titles(schema)
    result: dict[str, Any] = {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": SCHEMA_ID,
        "title": "glossdeck term",
        **{k: v for k, v in body.items() if k != "title"},
        "definitions": _strip_titles(definitions),
    }
    return result


def term_json_schema_text() -> str:
    return json.dumps(term_json_schema(), indent=2, ensure_ascii=False) + "\n"
