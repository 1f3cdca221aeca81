"""The output contract: one JSON per document (schema-checked), JSON Lines, CSV."""

if __name__ != "vnpolicy.outputs":  # pragma: no cover - a guard, not behaviour
    # This folder is installed as `vnpolicy.outputs`; importing it as `outputs` would shadow (or be
    # shadowed by) PyPI's package of that name and register the spaCy components twice.
    raise ImportError("`outputs` is part of vnpolicy: import `vnpolicy.outputs`")


from vnpolicy.outputs.schema import SCHEMA_VERSION, load_schema, validate_record
from vnpolicy.outputs.writers import JsonlWriter, output_path_for, write_json_atomic

__all__ = [
    "SCHEMA_VERSION",
    "JsonlWriter",
    "load_schema",
    "output_path_for",
    "validate_record",
    "write_json_atomic",
]
