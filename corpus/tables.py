"""Tables as data: the cells of a table a reader found, and where each cell's text sits.

A reader that sees a table (pdfplumber's ruled tables in a PDF) keeps it as a `Table`
beside the text: the rows of cell strings as the table lays them out, and, once the text is
final, the span of each cell's text in `Document.text` (`locate_cells`), so statistics read
from a cell point at the figure in the text:

    Chỉ tiêu        | Năm 2022 | Năm 2023
    Tỷ lệ hộ nghèo  | 10,2     | 8,7        -> rows[2][2] == "8,7", cells[2][2] == (412, 415)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

Span = tuple[int, int]


@dataclass
class Table:
    """One table: `rows` of cell strings (None where a merged cell covers the place), the
    1-based `page` and `bbox` (x0, top, x1, bottom in points) it came from, and `cells`: the
    `(start, end)` of each cell's text in `Document.text`, None where it was not found."""

    rows: list[list[str | None]]
    page: int | None = None
    bbox: tuple[float, float, float, float] | None = None
    cells: list[list[Span | None]] = field(default_factory=list)

    @property
    def span(self) -> Span | None:
        """From the first located cell to the last: where the table sits in the text."""
        found = [s for row in self.cells for s in row if s]
        if not found:
            return None
        return min(s for s, _ in found), max(e for _, e in found)

    def row_spans(self) -> list[Span]:
        """Each located row's span in the text, from its first located cell to its last."""
        out = []
        for row in self.cells:
            found = [s for s in row if s]
            if found:
                out.append((min(s for s, _ in found), max(e for _, e in found)))
        return out

    def to_dict(self) -> dict:
        """The table as JSON data: `{"page", "bbox", "rows", "cells"}`."""
        return {
            "page": self.page,
            "bbox": list(self.bbox) if self.bbox else None,
            "rows": self.rows,
            "cells": [[list(s) if s else None for s in row] for row in self.cells],
        }


def _token_pattern(needle: str) -> re.Pattern[str]:
    """`needle` as a whole token: "1" does not match inside "12,5" or "2021"; the spaces
    between its words match any run of spaces (a wrapped cell reads on one line in the text)."""
    words = [re.escape(w) for w in needle.split()]
    return re.compile(r"(?<![\w.,])" + r"\s+".join(words) + r"(?![\w]|[.,]\d)")


def locate_cells(rows: list[list[str | None]], text: str, start: int, end: int) -> list[list]:
    """Spans of each cell's text in `text[start:end]` (the table's page), in reading order.

    Cells are searched row by row from where the previous cell was found, so a "1" in the
    index column is the one of its row, not of the title above; a cell written over several
    lines is located by its first line. Returns a grid like `rows` with `(start, end)` or None.

    >>> locate_cells([["Chỉ tiêu", "2023"], ["Tỷ lệ hộ nghèo", "8,7"]],
    ...              "Bảng 1\\nChỉ tiêu 2023\\nTỷ lệ hộ nghèo 8,7", 0, 39)
    [[(7, 15), (16, 20)], [(21, 35), (36, 39)]]
    """
    cursor = start
    out: list[list[Span | None]] = []
    for row in rows:
        found_row: list[Span | None] = []
        row_end = cursor
        for cell in row:
            first_line = next((ln for ln in (cell or "").split("\n") if ln.strip()), "")
            if not first_line:
                found_row.append(None)
                continue
            m = _token_pattern(first_line).search(text, cursor, end)
            if m is None:
                found_row.append(None)
                continue
            found_row.append(m.span())
            cursor = m.end()
            row_end = max(row_end, m.end())
        cursor = row_end
        out.append(found_row)
    return out
