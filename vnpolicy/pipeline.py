"""Glue: one document in, one result dict out (the same dict the JSON file holds).

The spaCy pipeline (`vnpolicy.extractors.components.build_nlp`) runs the language layer and the
extractors (references -> units -> statistics); this module only assembles the record and
maps every span back onto the text as read. A document longer than one section
(`vnpolicy.nlp.sections.SECTION_CHARS`) is analysed section by section and the results are
merged (`vnpolicy.extractors.section_merge`), so memory does not grow with the document beyond
its text and its result. No extraction logic lives here.
"""

from __future__ import annotations

from typing import Any

from vnpolicy import PIPELINE_VERSION
from vnpolicy.corpus import Document
from vnpolicy.corpus.tables import Table
from vnpolicy.extractors.annotate import annotate_offsets
from vnpolicy.extractors.components import build_nlp
from vnpolicy.extractors.section_merge import SectionMerger, section_tables
from vnpolicy.extractors.statistic_context import attach_context
from vnpolicy.extractors.table_statistics import merge_table_statistics
from vnpolicy.nlp import AnalyzedText
from vnpolicy.nlp.sections import SECTION_CHARS, section_spans
from vnpolicy.outputs.schema import SCHEMA_VERSION

__all__ = ["PIPELINE_VERSION", "analyze_document"]


def _extract(text: str, tables: list[Table]) -> tuple[dict[str, Any], AnalyzedText]:
    """Run the spaCy pipeline on `text`: results in normalized-text offsets, and the analysis
    that maps them back (the `Doc` itself is not kept)."""
    doc = build_nlp()(text)
    statistics = merge_table_statistics(doc._.statistics, tables, doc._.analyzed)
    references = [(s.start_char, s.end_char) for s in doc.spans.get("references", [])]
    _, context = attach_context(statistics, doc._.analyzed, doc._.units, references)
    found = {
        "self": doc._.self_document,
        "references": doc._.references,
        "relations": doc._.relations,
        "units": doc._.units,
        "statistics": statistics,
        "context": context,
    }
    return found, doc._.analyzed


def _extract_in_sections(document: Document, spans: list[tuple[int, int]]) -> dict[str, Any]:
    """Analyse each section on its own and merge the results (offsets in the whole text)."""
    merged = SectionMerger(document.text, document.pages)
    for start, end in spans:
        tables, indexes = section_tables(document.tables, start, end)
        found, at = _extract(document.text[start:end], tables)
        merged.add(found, at, start, indexes)
        del found, at  # one section's analysis alive at a time
    return merged.result()


def analyze_document(document: Document, section_chars: int = SECTION_CHARS) -> dict:
    """Extract references, units and statistics from a read `Document`.

    A text over `section_chars` characters is cut at page, article, paragraph or sentence
    borders (never inside a table) and analysed section by section.
    """
    spans = section_spans(
        document.text,
        section_chars,
        pages=document.pages,
        keep_together=[t.span for t in document.tables if t.span is not None],
    )
    if len(spans) > 1:
        found = _extract_in_sections(document, spans)
    else:
        found, at = _extract(document.text, document.tables)
        page_of = document.page_of if document.pages else None
        for key in ("references", "units", "statistics"):
            annotate_offsets(found[key], at, page_of)
        annotate_offsets(found["self"], at, page_of)
    return {
        "schema_version": SCHEMA_VERSION,
        "pipeline_version": PIPELINE_VERSION,
        "source": document.source,
        "document": {**document.describe(), "self": found["self"], **found.get("context", {})},
        "references": found["references"],
        "relations": found["relations"],
        "units": found["units"],
        "statistics": found["statistics"],
        "warnings": list(document.warnings),
    }
