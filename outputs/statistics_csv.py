"""Statistics of a batch of results as one CSV table, for a spreadsheet.

One row per figure: the document it comes from with the document's date and place, its value
(and the high end of a range), the unit, kind, approximation flag, what it measures
(`subject`), its period as written and its years ("2019-2022"), its place, and the sentence
it was read from. The file is UTF-8 with a byte-order mark so Excel shows Vietnamese ("đoàn
viên ưu tú") correctly.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path

#: The columns, in order.
STATISTICS_COLUMNS = (
    "source",
    "document_date",
    "document_place",
    "value",
    "max",
    "unit",
    "kind",
    "approximate",
    "bound",
    "subject",
    "period",
    "years",
    "place",
    "text",
    "sentence",
)


def _source_of(record: dict) -> str:
    document = record.get("document") if isinstance(record.get("document"), dict) else {}
    return str(record.get("source") or document.get("source") or record.get("id") or "")


def years_cell(years) -> str:
    """A figure's `years` as one cell: [2019, 2022] -> "2019-2022", [2023, 2023] -> "2023",
    [2012, None] -> "2012-" (from 2012 on), None -> "".

    >>> [years_cell(y) for y in ([2019, 2022], [2023, 2023], [2012, None], None)]
    ['2019-2022', '2023', '2012-', '']
    """
    if not isinstance(years, (list, tuple)) or not years or years[0] is None:
        return ""
    first, last = years[0], years[-1]
    if last == first:
        return str(first)
    return f"{first}-{last if last is not None else ''}"


def _cell(value) -> str:
    """A CSV cell: numbers without a trailing ".0", booleans as true/false, years as a span,
    None empty."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return years_cell(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e18:
        return str(int(value))
    return " ".join(str(value).split())


def statistics_rows(records: Iterable[dict]) -> Iterable[list[str]]:
    """The CSV rows (without header) of the statistics of `records`, in order."""
    for record in records:
        source = _source_of(record)
        document = record.get("document") if isinstance(record.get("document"), dict) else {}
        of_document = {
            "source": source,
            "document_date": document.get("date"),
            "document_place": document.get("place"),
        }
        for stat in record.get("statistics") or []:
            row = {**stat, **of_document}
            yield [_cell(row.get(column)) for column in STATISTICS_COLUMNS]


def statistics_csv_text(
    statistics: Iterable[dict], columns: tuple[str, ...] = STATISTICS_COLUMNS[1:]
) -> str:
    """One document's statistics as CSV text (with a BOM, CRLF rows), e.g. for a download.

    >>> statistics_csv_text([{"value": 19.9, "unit": "%", "kind": "percent"}], ("value", "unit"))
    '\\ufeffvalue,unit\\r\\n19.9,%\\r\\n'
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows([_cell(stat.get(column)) for column in columns] for stat in statistics)
    return "\ufeff" + buffer.getvalue()


def write_statistics_csv(records: Iterable[dict], path: str | Path) -> Path:
    """Write one row per statistic of `records` (output records) to `path`; returns the path.

    >>> import tempfile, pathlib
    >>> rec = {"source": "seed.txt", "statistics": [{"value": 9757.0, "unit": "đồng chí"}]}
    >>> p = write_statistics_csv([rec], pathlib.Path(tempfile.mkdtemp()) / "s.csv")
    >>> p.read_text(encoding="utf-8-sig").splitlines()[1]
    'seed.txt,,,9757,,đồng chí,,,,,,,,,'
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(STATISTICS_COLUMNS)
        writer.writerows(statistics_rows(records))
    return path
