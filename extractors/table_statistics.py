"""Statistics read from table cells, with the row and column headers as their subject.

A figure in a table says nothing on its own line of text ("8,7"); its meaning is in the
headers. `extract_table_statistics` reads each numeric cell of a `vnpolicy.corpus.tables.Table` and
names it by its row and column ("Tỷ lệ hộ nghèo — Năm 2023"), taking the unit from the cell,
a unit column ("Đơn vị tính"), a unit in brackets ("Tổng vốn (tỷ đồng)"), or the counted
noun of a "Số ..." label, in that order:

    TT | Chỉ tiêu                 | Đơn vị tính | Năm 2022 | Năm 2023
    1  | Tỷ lệ hộ nghèo           | %           | 10,2     | 8,7       -> 8.7 %, percent
    2  | Số đảng viên mới kết nạp | đảng viên   | 1.305    | 1.412     -> 1412 đảng viên
    3  | Tổng vốn đầu tư          | tỷ đồng     | 3.450,5  | 4.100     -> 4.1e12 đồng, money

Offsets point at the cell's text in `at.text` when the reader located it (`Table.cells`),
else at the table's first located cell. The same cells read as running text would be counted
twice: `merge_table_statistics` adds the table statistics to the text's and drops a text
statistic inside a row of such a table or overlapping a table statistic (`table_spans` gives
those rows, to pass to `extract_statistics(at, exclude=...)` instead).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from vnpolicy.corpus.tables import Table
from vnpolicy.extractors.numbers import SCALE_WORDS, parse_number
from vnpolicy.extractors.statistics_vocab import CURRENCY_WORDS, MEASURE_UNITS, TIME_WORDS
from vnpolicy.nlp import AnalyzedText
from vnpolicy.nlp.normalize import normalize

Span = tuple[int, int]

# ---------------------------------------------------------------------------- vocabulary
# Header words of the columns that are not figures (the forms of Vietnamese statistical
# reports: "STT"/"TT" numbers rows, "Đơn vị tính"/"ĐVT" gives each row's unit).
INDEX_HEADERS = {"stt", "tt", "số tt", "số thứ tự", "thứ tự", "số"}
UNIT_HEADERS = {"đơn vị tính", "đvt", "đv tính", "đơn vị đo"}  # not "Đơn vị": a body
#: Label heads that make a row or column a rate: "Tỷ lệ hộ nghèo" 8,7 is 8,7 percent.
PERCENT_HEADS = ("tỷ lệ", "tỉ lệ", "tốc độ tăng", "tỷ trọng", "tỉ trọng")
#: "Số đảng viên", "Số lượng hộ", "Tổng số xã": a count of the noun after the head.
COUNT_HEADS = re.compile(r"^(?:tổng\s+số\s+lượng|tổng\s+số|số\s+lượng|số)\s+(?!lượng$)(.+)$", re.I)

_NUM = r"\d+(?:[.,]\d+)*"
_SCALES = "|".join(sorted(SCALE_WORDS, key=len, reverse=True))
#: A figure alone in its cell, maybe with a sign, a range, a multiplier and a unit:
#: "12,5", "≥ 90%", "12 - 15", "3,5 tỷ đồng", "1.216 đảng viên".
CELL_RE = re.compile(
    r"^(?P<sign>[≥≤]|[<>]=?)?\s*(?P<n1>" + _NUM + r")"
    r"(?:\s*(?:-|–|đến)\s*(?P<n2>" + _NUM + r"))?"
    r"(?P<scale>(?:\s*(?:" + _SCALES + r")(?!\w))*)"
    r"\s*(?P<unit>%|[^\W\d_][^\d]{0,30})?$",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?:19|20)\d\d")
_PERIOD = re.compile(
    r"(?:(?:\d+|sáu|chín)\s+tháng(?:\s+(?:đầu|cuối))?\s+năm\s+|quý\s+[IV\d]+\s*[/-]?\s*"
    r"|tháng\s+\d{1,2}\s*/\s*|giai đoạn\s+|năm\s+)?(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?",
    re.IGNORECASE,
)
_BRACKETED = re.compile(r"\s*\(([^()]{1,30})\)\s*$")
_INDEX_VALUE = re.compile(r"^(?:\d+(?:\.\d+)*\.?|[IVXLC]+\.?|[a-zđ][.)]?|\(\d+\))$")
_BOUND = {"≥": "min", ">": "min", ">=": "min", "≤": "max", "<": "max", "<=": "max"}


def _clean(cell: str | None) -> str:
    return " ".join((cell or "").split())


def parse_cell(cell: str | None) -> dict | None:
    """A figure alone in a cell: `{"value", "max", "unit", "bound", "year"}`, else None.

    >>> parse_cell("3,5 tỷ đồng")["value"], parse_cell("≥ 90%")["unit"], parse_cell("Hà Nội")
    (3500000000.0, '%', None)
    """
    text = _clean(cell)
    m = CELL_RE.match(text)
    if not m:
        return None
    scale = 1.0
    for word in (m.group("scale") or "").lower().split():
        scale *= SCALE_WORDS[word]
    value = parse_number(m.group("n1"))
    if value is None:
        return None
    high = parse_number(m.group("n2")) if m.group("n2") else None
    unit = (m.group("unit") or "").strip() or None
    return {
        "value": value * scale,
        "max": high * scale if high is not None else None,
        "unit": unit,
        "bound": _BOUND.get(m.group("sign") or ""),
        "year": bool(_YEAR.fullmatch(text)),
    }


def _unit_of(phrase: str | None) -> tuple[str | None, str, float] | None:
    """A unit as written in a cell or header -> (unit, kind, multiplier):
    "%" -> ("%", "percent", 1); "tỷ đồng" -> ("đồng", "money", 1e9); "ha" -> measure."""
    words = _clean(phrase).split()
    if not words:
        return None
    scale = 1.0
    while words and words[0].lower() in SCALE_WORDS:
        scale *= SCALE_WORDS[words.pop(0).lower()]
    rest = " ".join(words)
    low = rest.lower()
    if low in ("%", "phần trăm", "tỷ lệ %", "tỉ lệ %"):
        return "%", "percent", 1.0
    if not any(ch.isalpha() for ch in rest):
        return None
    if low in CURRENCY_WORDS or low.split()[0] in ("đồng", "usd", "vnđ", "vnd"):
        return rest, "money", scale
    if rest in MEASURE_UNITS or low in MEASURE_UNITS:
        return rest, "measure", scale
    return rest, "count", scale


# ---------------------------------------------------------------------------- layout
def _grid(table: Table) -> list[list[str]]:
    """The rows padded to one width, merged cells filled: across in header rows later."""
    width = max(len(r) for r in table.rows)
    return [[_clean(c) if c is not None else None for c in r] + [None] * (width - len(r))
            for r in table.rows]  # fmt: skip


def _is_numbering_row(row: list[str | None]) -> bool:
    """ "(1) (2) (3)" or "1 2 3 4" under the headers: column numbers, not figures."""
    cells = [c for c in row if c]
    if len(cells) < 2:
        return False
    numbers = [re.fullmatch(r"\(?(\d{1,2})\)?", c) for c in cells]
    if not all(numbers):
        return False
    values = [int(m.group(1)) for m in numbers]
    return values == list(range(values[0], values[0] + len(values)))


def _header_rows(grid: list[list[str | None]]) -> int:
    """How many leading rows are headers: rows with no figure other than years."""
    count = 0
    for row in grid[:3]:
        figures = [parse_cell(c) for c in row if c]
        if any(f and not f["year"] for f in figures):
            break
        count += 1
    return min(count, len(grid) - 1)


def _column_roles(grid, heads: int, labels: list[str]) -> list[str]:
    """Each column's role: "index", "unit", "label", "data" or "note"."""
    body = [r for r in grid[heads:] if not _is_numbering_row(r)]
    roles = []
    for col, label in enumerate(labels):
        values = [r[col] for r in body if r[col]]
        low = label.lower()
        figures = [parse_cell(v) for v in values]
        numeric = sum(1 for f in figures if f) / len(values) if values else 0.0
        if low in INDEX_HEADERS or (col == 0 and _is_index_column(values, low)):
            roles.append("index")
        elif low in UNIT_HEADERS:
            roles.append("unit")
        elif values and all(f and f["year"] for f in figures):
            roles.append("label")  # years down the side: the rows are periods
        elif numeric >= 0.5:
            roles.append("data")
        elif "data" in roles:
            roles.append("note")  # text after the figures: "Ghi chú", not a row header
        else:
            roles.append("label")
    return roles


def _is_index_column(values: list[str], header: str) -> bool:
    """ "1", "2", "3" or "I", "1.1", "a)" down the first column: row numbers."""
    if not values or _YEAR.search(header) or not all(_INDEX_VALUE.match(v) for v in values):
        return False
    if any(_YEAR.fullmatch(v) for v in values):
        return False  # years down the side label the rows
    ints = [int(v.rstrip(".")) for v in values if v.rstrip(".").isdigit()]
    return all(a < b for a, b in zip(ints, ints[1:], strict=False))


def _column_labels(grid: list[list[str | None]], heads: int) -> list[str]:
    """Each column's header, rows joined: "Năm" over "2023" -> "Năm 2023". A merged cell
    (None) repeats the cell on its left, or adds nothing under a cell of the row above."""
    width = len(grid[0])
    rows = [row for row in grid[:heads] if not _is_numbering_row(row)]
    filled: list[list[str]] = []
    for k, row in enumerate(rows):
        out, last = [], ""
        for col, cell in enumerate(row):
            if cell is not None:
                last = cell
            elif k and rows[k - 1][col] is not None:
                last = ""  # merged down from the row above
            out.append(last)
        filled.append(out)
    labels = []
    for col in range(width):
        parts: list[str] = []
        for row in filled:
            if row[col] and (not parts or parts[-1] != row[col]):
                parts.append(row[col])
        labels.append(" ".join(parts))
    return labels


# ---------------------------------------------------------------------------- resolve
def _strip_unit(label: str) -> tuple[str, str | None]:
    """ "Tổng vốn đầu tư (tỷ đồng)" -> ("Tổng vốn đầu tư", "tỷ đồng")."""
    m = _BRACKETED.search(label)
    if m and _unit_of(m.group(1)):
        return label[: m.start()].strip(), m.group(1).strip()
    return label, None


def _label_unit(label: str) -> tuple[str | None, str, float] | None:
    """The unit a label implies: "Tỷ lệ ..." a percent, "Số chi bộ năm 2023" chi bộ."""
    label = " ".join(_PERIOD.sub(" ", label).split())
    low = label.lower()
    if low.startswith(PERCENT_HEADS):
        return "%", "percent", 1.0
    m = COUNT_HEADS.match(label)
    if m:
        noun = re.split(r"\s+(?:được|đã|có|của|trong|tham gia|đạt)\s+", m.group(1))[0]
        return _unit_of(noun)
    return None


_COUNT_COLUMN = re.compile(r"(?:tổng\s+)?số(?:\s+lượng)?|số\s+người|tổng\s+cộng", re.I)


def _row_noun(row_name: str, col_name: str) -> tuple[str | None, str, float] | None:
    """Under a "Số lượng" column the row names what is counted: "Đảng viên nữ" 1.234."""
    col = " ".join(_PERIOD.sub(" ", col_name).split())
    if not _COUNT_COLUMN.fullmatch(col) or not row_name or len(row_name.split()) > 4:
        return None
    if any(ch.isdigit() for ch in row_name):
        return None
    noun = row_name[0].lower() + row_name[1:] if not row_name[1:2].isupper() else row_name
    return _unit_of(noun)


def _period(*labels: str) -> str | None:
    for label in labels:
        m = _PERIOD.search(label)
        if m:
            period = m.group(0)
            if _YEAR.fullmatch(period):
                return f"năm {period}"
            return period[0].lower() + period[1:]
    return None


def _to_text(at: AnalyzedText | str) -> tuple[str, object]:
    """The text extractors work on, and a map from `Document.text` offsets into it."""
    if isinstance(at, str):
        return at, None
    return at.text, at.norm


def _mapped(span: Span, norm) -> Span:
    """A span of the text as read -> the span of `at.text` it became (normalization may
    compose letters or insert spaces)."""
    if norm is None:
        return span
    starts, text = norm.raw_starts, norm.text
    i = bisect.bisect_left(starts, span[0])
    while i < len(text) and text[i] == " " and norm.raw_ends[i] == starts[i]:
        i += 1  # a space the normalizer inserted
    j = max(bisect.bisect_left(starts, span[1]), i)
    return i, j


def _normalized(label: str) -> str:
    return normalize(label).text


def extract_table_statistics(tables: Sequence[Table], at: AnalyzedText | str) -> list[dict]:
    """Statistics from the numeric cells of `tables`, in `at.text` coordinates.

    `at` is the analyzed `Document.text` (or that text itself, offsets unchanged). Each item
    is a statistic dict (`value`, `max`, `unit`, `kind`, `subject`, `period`, ...) with
    `table`, `row` and `column` indexes; cells that are years, column numbers or the "STT"
    column are no statistics.
    """
    text, norm = _to_text(at)
    out: list[dict] = []
    for t_index, table in enumerate(tables):
        if not table.rows or len(table.rows) < 2:
            continue
        grid = _grid(table)
        heads = _header_rows(grid)
        labels = [_normalized(c) for c in _column_labels(grid, heads)]
        roles = _column_roles(grid, heads, labels)
        located = [s for row in table.cells for s in row if s]
        anchor = located[0] if located else None
        last_label = [""] * len(roles)
        for r in range(heads, len(grid)):
            row = grid[r]
            if _is_numbering_row(row):
                continue
            row_labels = []
            for c, role in enumerate(roles):
                if role == "label":
                    cell = row[c] if row[c] is not None else last_label[c]  # merged down
                    last_label[c] = cell
                    if cell and (not row_labels or row_labels[-1] != cell):
                        row_labels.append(cell)
            row_label = _normalized(" - ".join(row_labels))
            row_unit = None
            for c, role in enumerate(roles):
                if role == "unit":
                    row_unit = row[c] if row[c] is not None else last_label[c]  # merged down
                    last_label[c] = row_unit
                    break
            for c, role in enumerate(roles):
                if role != "data":
                    continue
                fig = parse_cell(row[c])
                if fig is None or (fig["year"] and not fig["unit"]):
                    continue
                item = _resolve(fig, row_label, labels[c], row_unit)
                if item is None:
                    continue
                span = table.cells[r][c] if r < len(table.cells) and c < len(
                    table.cells[r]
                ) else None  # fmt: skip
                span = span or anchor
                if span is None:
                    continue  # the table is not in the text: nothing to point at
                start, end = _mapped(span, norm)
                out.append(
                    {
                        "text": text[start:end],
                        "start": start,
                        "end": end,
                        **item,
                        "sentence": " | ".join(_clean(x) for x in row if x),
                        "table": t_index,
                        "row": r,
                        "column": c,
                    }
                )
    return out


def _resolve(fig: dict, row_label: str, col_label: str, row_unit: str | None) -> dict | None:
    row_name, row_bracket = _strip_unit(row_label)
    col_name, col_bracket = _strip_unit(col_label)
    unit = (
        _unit_of(fig["unit"])
        or _unit_of(row_unit)
        or _unit_of(row_bracket)
        or _unit_of(col_bracket)
        or _label_unit(row_name)
        or _label_unit(col_name)
        or _row_noun(row_name, col_name)
    )
    name, kind, scale = unit if unit else (None, "count", 1.0)
    if name and name.split()[0].lower() in TIME_WORDS:
        return None  # "12 tháng", "5 năm": a duration, not a statistic
    value = fig["value"] * scale
    high = fig["max"] * scale if fig["max"] is not None else None
    subject = " — ".join(x for x in (row_name, col_name) if x) or None
    return {
        "value": value,
        "max": high,
        "unit": name,
        "kind": kind,
        "approximate": False,
        "bound": fig["bound"],
        "subject": subject,
        "period": _period(col_label, row_label),
        "source": "table",
    }


# ---------------------------------------------------------------------------- dedupe
def table_spans(
    tables: Sequence[Table], at: AnalyzedText | str, table_statistics: list[dict] | None = None
) -> list[Span]:
    """The located rows of the tables that state figures, in `at.text` coordinates: pass
    them to `extract_statistics(at, exclude=...)` so the cells are not read as text too."""
    _, norm = _to_text(at)
    if table_statistics is None:
        table_statistics = extract_table_statistics(tables, at)
    stated = {item["table"] for item in table_statistics}
    spans: list[Span] = []
    for index, table in enumerate(tables):
        if index in stated:
            spans.extend(_mapped(s, norm) for s in table.row_spans())
    return spans


def _overlapping(item: dict, spans: list[Span]) -> bool:
    return any(s < item["end"] and item["start"] < e for s, e in spans)


def drop_overlapping(statistics: list[dict], table_statistics: list[dict]) -> list[dict]:
    """`statistics` without those whose span overlaps a table statistic's (same coordinates)."""
    spans = sorted({(t["start"], t["end"]) for t in table_statistics})
    return [item for item in statistics if not _overlapping(item, spans)]


def merge_table_statistics(
    statistics: list[dict], tables: Sequence[Table], at: AnalyzedText | str
) -> list[dict]:
    """The text's statistics and the tables', in document order, each figure once: a text
    statistic inside a row of a table that states figures ("1 Tỷ lệ hộ nghèo % 12,5 ...")
    or overlapping a table statistic gives way to the table's reading of the cells."""
    table_statistics = extract_table_statistics(tables, at)
    if not table_statistics:
        return statistics
    rows = table_spans(tables, at, table_statistics)
    kept = [s for s in drop_overlapping(statistics, table_statistics) if not _overlapping(s, rows)]
    return sorted(kept + table_statistics, key=lambda s: (s["start"], s["end"]))
