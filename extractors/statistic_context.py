"""The context of every statistic of a document: what it measures, where, when.

`attach_context` runs after extraction, when the document's units and references are known:
it reads the document's own context (`document_context`: date, year, place, sector), gives
each figure its period with years resolved against it, and its place. The measure
(`subject`) is read with the figures themselves (`statistic_measure`), the period first
without the document's context (`statistic_period`).

    >>> from vnpolicy.nlp import analyze
    >>> from vnpolicy.extractors.units import extract_units
    >>> from vnpolicy.extractors.statistics import extract_statistics
    >>> at = analyze("Quảng Trị: 6 tháng đầu năm 2023\\nToàn tỉnh kết nạp 1.234 đảng viên mới.")
    >>> stats, ctx = attach_context(extract_statistics(at), at, extract_units(at))
    >>> [(s["subject"], s["place"], s["years"]) for s in stats]
    [('đảng viên mới được kết nạp', 'tỉnh Quảng Trị', [2023, 2023])]
"""

from __future__ import annotations

from vnpolicy.extractors.document_context import document_context
from vnpolicy.extractors.statistic_period import attach_periods
from vnpolicy.extractors.statistic_places import attach_places
from vnpolicy.nlp import AnalyzedText


def attach_context(
    statistics: list[dict],
    at: AnalyzedText,
    units: list[dict],
    references: list[tuple[int, int]] = (),
    title: str | None = None,
) -> tuple[list[dict], dict]:
    """Set `period`, `years` and `place` on `statistics` (offsets into `at.text`) and return
    them with the document's context (`{"date", "year", "place", "sector"}`)."""
    context = document_context(at, units, title)
    attach_periods(statistics, at, context)
    attach_places(statistics, units, at.text, context, list(references))
    return statistics, context
