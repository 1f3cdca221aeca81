"""Glue: one document in, one result dict out (the same dict the JSON file holds).

The spaCy pipeline (`vnpolicy.extractors.components.build_nlp`) runs the language layer and the
extractors (references -> units -> statistics); this module only assembles the record and
maps every span back onto the text as read. No extraction logic lives here.
"""

from __future__ import annotations

from vnpolicy.corpus import Document
from vnpolicy.extractors.annotate import annotate_offsets
from vnpolicy.extractors.components import build_nlp
from vnpolicy.extractors.statistic_places import attach_places
from vnpolicy.extractors.table_statistics import merge_table_statistics
from vnpolicy.outputs.schema import SCHEMA_VERSION

PIPELINE_VERSION = "0.1.0"


def analyze_document(document: Document) -> dict:
    """Extract references, units and statistics from a read `Document`."""
    doc = build_nlp()(document.text)
    attach_places(doc._.statistics, doc._.units, doc.text)
    record = {
        "schema_version": SCHEMA_VERSION,
        "pipeline_version": PIPELINE_VERSION,
        "source": document.source,
        "document": {**document.describe(), "self": doc._.self_document},
        "references": doc._.references,
        "relations": doc._.relations,
        "units": doc._.units,
        "statistics": merge_table_statistics(doc._.statistics, document.tables, doc._.analyzed),
        "warnings": list(document.warnings),
    }
    page_of = document.page_of if document.pages else None
    for key in ("references", "units", "statistics"):
        annotate_offsets(record[key], doc._.analyzed, page_of)
    annotate_offsets(record["document"]["self"], doc._.analyzed, page_of)
    return record
