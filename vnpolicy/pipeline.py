"""Glue: one document in, one result dict out (the same dict the JSON file holds).

Order of the rooms: nlp.analyze -> references -> units -> statistics (told which spans are
references, so document numbers and dates are not counted) -> annotate offsets onto the text
as read. No extraction logic lives here.
"""

from __future__ import annotations

from corpus import Document
from extractors.annotate import annotate_offsets
from extractors.dates import find_dates
from extractors.references import extract_references
from extractors.statistics import extract_statistics
from extractors.units import extract_units
from nlp import analyze
from outputs.schema import SCHEMA_VERSION

PIPELINE_VERSION = "0.1.0"


def _reference_spans(references: list[dict]) -> list[tuple[int, int]]:
    spans = []
    for ref in references:
        for mention in ref.get("mentions") or [ref]:
            spans.append((mention["start"], mention["end"]))
    return spans


def analyze_document(document: Document) -> dict:
    """Extract references, units and statistics from a read `Document`."""
    at = analyze(document.text)
    found = extract_references(at)
    references = found["references"]
    own_number = found.get("self") or {}
    exclude = (
        _reference_spans(references)
        + _reference_spans([own_number] if own_number.get("mentions") else [])
        + [(s, e) for s, e, _ in find_dates(at.text)]
    )
    units = extract_units(at)
    statistics = extract_statistics(at, exclude=exclude)
    record = {
        "schema_version": SCHEMA_VERSION,
        "pipeline_version": PIPELINE_VERSION,
        "source": document.source,
        "document": {**document.describe(), "self": found.get("self")},
        "references": references,
        "relations": found.get("relations", []),
        "units": units,
        "statistics": statistics,
        "warnings": list(document.warnings),
    }
    page_of = document.page_of if document.pages else None
    for key in ("references", "units", "statistics"):
        annotate_offsets(record[key], at, page_of)
    annotate_offsets(record["document"]["self"], at, page_of)
    return record
