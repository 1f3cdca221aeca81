"""The output contract: one JSON per document (schema-checked), JSON Lines, CSV."""

from outputs.schema import SCHEMA_VERSION, load_schema, validate_record
from outputs.writers import JsonlWriter, output_path_for, write_json_atomic

__all__ = [
    "SCHEMA_VERSION",
    "JsonlWriter",
    "load_schema",
    "output_path_for",
    "validate_record",
    "write_json_atomic",
]
