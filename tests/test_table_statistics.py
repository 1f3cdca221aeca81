"""Statistics from table cells: the row and column headers name each figure, the unit comes
from the cell, a unit column, a bracket or a "Số ..." label; years, row and column numbers
are no figures; cells read as text are not counted twice."""

from __future__ import annotations

import pytest

from vnpolicy.corpus.tables import Table
from vnpolicy.extractors.table_statistics import (
    drop_overlapping,
    extract_table_statistics,
    merge_table_statistics,
    parse_cell,
    table_spans,
)


def stats_of(rows: list[list[str | None]]) -> list[tuple]:
    """(subject, value, unit, kind, period) of each statistic of a table whose cells are
    written one per line in the text."""
    text = "\n".join(c or "" for row in rows for c in row)
    cells, pos = [], 0
    for row in rows:
        spans = []
        for cell in row:
            spans.append((pos, pos + len(cell)) if cell else None)
            pos += len(cell or "") + 1
        cells.append(spans)
    items = extract_table_statistics([Table(rows=rows, page=1, cells=cells)], text)
    for item in items:
        assert text[item["start"] : item["end"]] == rows[item["row"]][item["column"]].strip()
    return [(i["subject"], i["value"], i["unit"], i["kind"], i["period"]) for i in items]


TABLES = [
    (
        "indicators by year with a unit column",
        [
            ["TT", "Chỉ tiêu", "Đơn vị tính", "Năm 2022", "Năm 2023"],
            ["1", "Tỷ lệ hộ nghèo", "%", "10,2", "8,7"],
            ["2", "Số đảng viên mới kết nạp", "đảng viên", "1.305", "1.412"],
            ["3", "Tổng vốn đầu tư", "tỷ đồng", "3.450,5", "4.100"],
            ["4", "Diện tích trồng rừng mới", "ha", "-", "1.480"],
        ],
        [
            ("Tỷ lệ hộ nghèo — Năm 2022", 10.2, "%", "percent", "năm 2022"),
            ("Tỷ lệ hộ nghèo — Năm 2023", 8.7, "%", "percent", "năm 2023"),
            ("Số đảng viên mới kết nạp — Năm 2022", 1305, "đảng viên", "count", "năm 2022"),
            ("Số đảng viên mới kết nạp — Năm 2023", 1412, "đảng viên", "count", "năm 2023"),
            ("Tổng vốn đầu tư — Năm 2022", 3_450_500_000_000, "đồng", "money", "năm 2022"),
            ("Tổng vốn đầu tư — Năm 2023", 4_100_000_000_000, "đồng", "money", "năm 2023"),
            ("Diện tích trồng rừng mới — Năm 2023", 1480, "ha", "measure", "năm 2023"),
        ],
    ),
    (
        "bare years, units in brackets and in the labels",
        [
            ["Chỉ tiêu", "2022", "2023"],
            ["Thu ngân sách (tỷ đồng)", "1.250", "1.310,2"],
            ["Tỷ lệ che phủ rừng", "49,5", "50,1"],
            ["Số hộ nghèo", "1.200", "1.050"],
        ],
        [
            ("Thu ngân sách — 2022", 1_250_000_000_000, "đồng", "money", "năm 2022"),
            ("Thu ngân sách — 2023", 1_310_200_000_000, "đồng", "money", "năm 2023"),
            ("Tỷ lệ che phủ rừng — 2022", 49.5, "%", "percent", "năm 2022"),
            ("Tỷ lệ che phủ rừng — 2023", 50.1, "%", "percent", "năm 2023"),
            ("Số hộ nghèo — 2022", 1200, "hộ nghèo", "count", "năm 2022"),
            ("Số hộ nghèo — 2023", 1050, "hộ nghèo", "count", "năm 2023"),
        ],
    ),
    (
        "years down the side, indicators across",
        [
            ["Năm", "Số đảng viên", "Tỷ lệ (%)"],
            ["2022", "9.757", "19,9"],
            ["2023", "10.012", "20,3"],
        ],
        [
            ("2022 — Số đảng viên", 9757, "đảng viên", "count", "năm 2022"),
            ("2022 — Tỷ lệ", 19.9, "%", "percent", "năm 2022"),
            ("2023 — Số đảng viên", 10012, "đảng viên", "count", "năm 2023"),
            ("2023 — Tỷ lệ", 20.3, "%", "percent", "năm 2023"),
        ],
    ),
    (
        "a merged header over two years, a column-number row, figures with their own unit",
        [
            ["STT", "Đơn vị", "Số chi bộ", None, "Kết quả"],
            [None, None, "2022", "2023", None],
            ["(1)", "(2)", "(3)", "(4)", "(5)"],
            ["1", "Huyện Hải Lăng", "125", "130", "98,5%"],
            ["2", "Huyện Gio Linh", "118", "121", "12 - 15%"],
        ],
        [
            ("Huyện Hải Lăng — Số chi bộ 2022", 125, "chi bộ", "count", "năm 2022"),
            ("Huyện Hải Lăng — Số chi bộ 2023", 130, "chi bộ", "count", "năm 2023"),
            ("Huyện Hải Lăng — Kết quả", 98.5, "%", "percent", None),
            ("Huyện Gio Linh — Số chi bộ 2022", 118, "chi bộ", "count", "năm 2022"),
            ("Huyện Gio Linh — Số chi bộ 2023", 121, "chi bộ", "count", "năm 2023"),
            ("Huyện Gio Linh — Kết quả", 12, "%", "percent", None),
        ],
    ),
    (
        "counts and rates per year under a merged header, a notes column",
        [
            ["Chỉ tiêu", "Năm 2022", None, "Năm 2023", None, "Ghi chú"],
            [None, "Số lượng", "Tỷ lệ (%)", "Số lượng", "Tỷ lệ (%)", None],
            ["Đảng viên nữ", "1.234", "35,2", "1.301", "36,1", "Tăng 67 đồng chí"],
        ],
        [
            ("Đảng viên nữ — Năm 2022 Số lượng", 1234, "đảng viên nữ", "count", "năm 2022"),
            ("Đảng viên nữ — Năm 2022 Tỷ lệ", 35.2, "%", "percent", "năm 2022"),
            ("Đảng viên nữ — Năm 2023 Số lượng", 1301, "đảng viên nữ", "count", "năm 2023"),
            ("Đảng viên nữ — Năm 2023 Tỷ lệ", 36.1, "%", "percent", "năm 2023"),
        ],
    ),
    (
        "negatives: years, durations, words and dashes are no figures",
        [
            ["Nội dung", "Năm ban hành", "Thời hạn", "Kết quả"],
            ["Chỉ thị 05-CT/TU", "2021", "12 tháng", "Đạt"],
            ["Kế hoạch 48-KH/TU", "2022", "6 tháng", "-"],
        ],
        [],
    ),
]


@pytest.mark.parametrize("name,rows,expected", TABLES, ids=[t[0] for t in TABLES])
def test_table_statistics(name, rows, expected) -> None:
    assert stats_of(rows) == expected


CELLS = [
    ("12,5", {"value": 12.5, "max": None, "unit": None, "bound": None, "year": False}),
    ("98,5 %", {"value": 98.5, "max": None, "unit": "%", "bound": None, "year": False}),
    ("≥ 90%", {"value": 90.0, "max": None, "unit": "%", "bound": "min", "year": False}),
    (
        "1,2 triệu người",
        {"value": 1.2e6, "max": None, "unit": "người", "bound": None, "year": False},
    ),
    ("12 - 15", {"value": 12.0, "max": 15.0, "unit": None, "bound": None, "year": False}),
    ("2023", {"value": 2023.0, "max": None, "unit": None, "bound": None, "year": True}),
    ("Hà Nội", None),
    ("-", None),
    ("", None),
    ("Quyết định 12/2023/QĐ-UBND", None),
]


@pytest.mark.parametrize("cell,expected", CELLS)
def test_parse_cell(cell, expected) -> None:
    assert parse_cell(cell) == expected


def test_a_table_in_a_pdf_counts_once_with_offsets_in_the_analyzed_text(tmp_path) -> None:
    from tests.test_pdf_layout import INDICATORS, table_pdf
    from vnpolicy.corpus import read_document
    from vnpolicy.extractors.statistics import extract_statistics
    from vnpolicy.nlp import analyze

    path = table_pdf(
        tmp_path / "bao-cao.pdf",
        "Năm 2023, Đảng bộ tỉnh có 9.757 đảng viên, tăng 1,2% so với năm 2022.",
        INDICATORS,
        "Toàn tỉnh kết nạp thêm 15 tổ chức cơ sở đảng.",
    )
    doc = read_document(path)
    at = analyze(doc.text)
    tables = extract_table_statistics(doc.tables, at)
    assert len(tables) == 9
    for item in tables:
        assert at.text[item["start"] : item["end"]] == item["text"]
        assert item["text"] == INDICATORS[item["row"]][item["column"]]
    text_stats = extract_statistics(at, exclude=table_spans(doc.tables, at))
    assert [(s["value"], s["unit"]) for s in text_stats] == [
        (9757.0, "đảng viên"),
        (1.2, "%"),
        (15.0, "tổ chức cơ sở đảng"),
    ]
    # without the exclusion, the same cells read as text are dropped by their overlap
    merged = drop_overlapping(extract_statistics(at), tables)
    assert not any(t["start"] < s["end"] and s["start"] < t["end"] for s in merged for t in tables)
    assert (9757.0, "đảng viên") in [(s["value"], s["unit"]) for s in merged]
    # the pipeline's one call: text and table statistics in document order, each figure once
    both = merge_table_statistics(extract_statistics(at), doc.tables, at)
    assert [s["value"] for s in both] == [
        9757.0, 1.2, 12.5, 10.2, 8.7, 1216.0, 1305.0, 1412.0, 3e12, 3.4505e12, 4.1e12, 15.0
    ]  # fmt: skip
    assert [s.get("source") for s in both].count("table") == 9


def test_tables_not_found_in_the_text_point_at_their_first_located_cell() -> None:
    rows = [["Chỉ tiêu", "2023"], ["Số xã", "45"]]
    table = Table(rows=rows, cells=[[(0, 8), None], [None, None]])
    [item] = extract_table_statistics([table], "Chỉ tiêu ... (bảng in ảnh)")
    assert (item["start"], item["end"], item["value"], item["unit"]) == (0, 8, 45.0, "xã")
    assert extract_table_statistics([Table(rows=rows)], "không có bảng") == []
