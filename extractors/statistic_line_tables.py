"""Tables written one cell per line after an "STT"/"TT" header (vbpl.vn pages, Word files
saved as text), read back into `vnpolicy.corpus.tables.Table`s with each cell's span:

    STT / Chỉ tiêu / Đơn vị tính / Kế hoạch năm 2019 / 1 / Tỷ lệ hộ nghèo giảm / % / 2,5 / ...

The header starts with the index column; each row starts with its number.
"""

from __future__ import annotations

import re

from vnpolicy.corpus.tables import Table
from vnpolicy.extractors.numbers import SCALE_WORDS
from vnpolicy.extractors.statistics_vocab import CURRENCY_WORDS, MEASURE_UNITS
from vnpolicy.extractors.table_statistics import INDEX_HEADERS

_LINE = re.compile(r"[^\n]+")
_MAX_COLUMNS = 8
_MAX_HEADER_CELL = 60
_MAX_CELL = 150


def _row_number(cell: str, expected: int) -> bool:
    """Is `cell` the index of row `expected`: "3", "3.", "III"?"""
    roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
    bare = cell.rstrip(".")
    return bare == str(expected) or (expected <= len(roman) and bare == roman[expected - 1])


def _is_unit_cell(cell: str) -> bool:
    """ "%", "ha", "tỷ USD", "triệu đồng": a unit of measure, not a body's name."""
    words = cell.lower().split()
    while len(words) > 1 and words[0] in SCALE_WORDS:
        words.pop(0)
    rest = " ".join(words)
    return rest in ("%", "phần trăm") or rest in MEASURE_UNITS or rest in CURRENCY_WORDS


def _name_unit_column(rows: list[list[tuple[int, int, str]]]) -> None:
    """A column headed "Đơn vị" whose every cell is a unit ("%", "tỷ USD", "ha") is the unit
    column ("Đơn vị tính"); headed so, a column of bodies' names stays one of names."""
    for col, (s, e, head) in enumerate(rows[0]):
        if head.casefold() == "đơn vị" and all(_is_unit_cell(row[col][2]) for row in rows[1:]):
            rows[0][col] = (s, e, "Đơn vị tính")


def line_tables(text: str) -> list[Table]:
    """Tables written one cell per line after an "STT"/"TT" header, as `Table`s with each
    cell's span, so their figures are read with their row and column headers.

    >>> line_tables("STT\\nChỉ tiêu\\nĐơn vị tính\\nNăm 2019\\n1\\nSố xã\\nxã\\n12")[0].rows[1]
    ['1', 'Số xã', 'xã', '12']
    """
    lines = []
    for m in _LINE.finditer(text):
        cell = m.group(0).strip()
        if cell:
            start = m.start() + m.group(0).index(cell)
            lines.append((start, start + len(cell), cell))
    tables: list[Table] = []
    i = 0
    while i < len(lines):
        if lines[i][2].casefold() not in INDEX_HEADERS or lines[i][2].casefold() == "số":
            i += 1
            continue
        j = i + 1
        while j < len(lines) and j - i <= _MAX_COLUMNS and not _row_number(lines[j][2], 1):
            j += 1
        width = j - i
        header = lines[i:j]
        if (
            j >= len(lines)
            or not 3 <= width <= _MAX_COLUMNS
            or any(
                len(c) > _MAX_HEADER_CELL or any(ch.isdigit() for ch in c[:1]) for *_, c in header
            )
        ):
            i += 1
            continue
        rows = [header]
        r, expected = j, 1
        while r + width <= len(lines) and _row_number(lines[r][2], expected):
            row = lines[r : r + width]
            if any(len(c) > _MAX_CELL for *_, c in row):
                break
            rows.append(row)
            r += width
            expected += 1
        if len(rows) >= 2:
            _name_unit_column(rows)
            tables.append(
                Table(
                    rows=[[c for *_, c in row] for row in rows],
                    cells=[[(s, e) for s, e, _ in row] for row in rows],
                )
            )
            i = r
        else:
            i += 1
    return tables
