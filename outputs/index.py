"""The search index over extraction results: the interface and how to open one.

`SearchIndex` is what the CLI and the web app talk to; `SqliteIndex` (one SQLite file with
FTS5) is the embedded default. Another backend (PostgreSQL, OpenSearch) implements the same
interface and is chosen by `open_index` from the location's scheme.

>>> from vnpolicy.outputs.index import open_index, SearchFilters
>>> with open_index("archive.sqlite") as index:            # doctest: +SKIP
...     hits = index.search("21 nq tw", SearchFilters(date_from="2022-01-01")).hits
"""

from __future__ import annotations

from pathlib import Path

from vnpolicy.outputs.index_base import (
    Citation,
    IndexedDocument,
    IndexOpenError,
    InvalidDateError,
    ReferenceCount,
    SearchFilters,
    SearchHit,
    SearchIndex,
    SearchIndexError,
    SearchResult,
    StatisticFigure,
    normalize_date_bound,
)
from vnpolicy.outputs.index_sqlite import SqliteIndex
from vnpolicy.outputs.index_text import fold, parse_reference_query, reference_key

__all__ = [
    "Citation",
    "IndexOpenError",
    "IndexedDocument",
    "InvalidDateError",
    "ReferenceCount",
    "SearchFilters",
    "SearchHit",
    "SearchIndex",
    "SearchIndexError",
    "SearchResult",
    "StatisticFigure",
    "SqliteIndex",
    "fold",
    "normalize_date_bound",
    "open_index",
    "parse_reference_query",
    "reference_key",
]

_SERVER_SCHEMES = ("postgresql://", "postgres://", "opensearch://", "http://", "https://")


def open_index(
    location: str | Path, read_only: bool = False, cache_mib: int | None = None
) -> SearchIndex:
    """Open the index at `location`: a file path is a SQLite index (created when missing,
    unless `read_only`); `cache_mib` bounds its page cache. Raises `IndexOpenError` with a
    one-line reason."""
    text = str(location)
    if text.startswith(_SERVER_SCHEMES):
        raise IndexOpenError(f"{text.split(':', 1)[0]}: no such index backend yet (use a file)")
    options = {"cache_mib": cache_mib} if cache_mib else {}
    return SqliteIndex(Path(location), read_only=read_only, **options)
