"""The JSON Schema (draft 2020-12) of one document's result, and a validator for it."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from jsonschema import Draft202012Validator

SCHEMA_VERSION = "1.0"


@lru_cache(maxsize=1)
def load_schema() -> dict:
    """The schema shipped in `outputs/document.schema.json`."""
    text = resources.files("vnpolicy.outputs").joinpath("document.schema.json").read_text("utf-8")
    return json.loads(text)


@lru_cache(maxsize=1)
def _validator() -> Draft202012Validator:
    schema = load_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def validate_record(record: dict) -> list[str]:
    """Schema violations of one result as readable lines (`references/0/date: ...`); [] if valid."""
    errors = sorted(_validator().iter_errors(record), key=lambda e: list(e.absolute_path))
    return ["/".join(map(str, e.absolute_path)) + ": " + e.message for e in errors]
