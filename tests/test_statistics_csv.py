"""The statistics CSV: one row per figure, UTF-8 with BOM so Excel reads Vietnamese."""

from __future__ import annotations

import csv

from vnpolicy.extractors.statistic_context import attach_context
from vnpolicy.extractors.statistics import extract_statistics
from vnpolicy.extractors.units import extract_units
from vnpolicy.nlp import analyze
from vnpolicy.outputs.statistics_csv import STATISTICS_COLUMNS, write_statistics_csv

RECORDS = [
    {
        "source": "seed-quangtri.txt",
        "statistics": [
            {
                "text": "9.757 đồng chí",
                "value": 9757.0,
                "max": None,
                "unit": "đồng chí",
                "kind": "count",
                "approximate": False,
                "subject": "đảng viên là đoàn viên",
                "period": None,
                "sentence": "Hiện nay đảng viên ... có 9.757 đồng chí,\nchiếm",
            },
            {
                "text": "12% - 15%",
                "value": 12.0,
                "max": 15.0,
                "unit": "%",
                "kind": "percent",
                "approximate": False,
                "period": "giai đoạn 2019 - 2022",
                "years": [2019, 2022],
                "place": "Đoàn TNCS Hồ Chí Minh tỉnh Quảng Trị",
                "sentence": "...",
            },
        ],
    },
    {
        "document": {"source": "news-010.txt", "date": "2017-06-20", "place": "Việt Nam"},
        "statistics": [
            {
                "value": 9.111e14,
                "unit": "đồng",
                "kind": "money",
                "approximate": True,
                "subject": "tổng số thu ngân sách nhà nước",
                "period": "năm 2015",
                "years": [2015, 2015],
            }
        ],
    },
    {"source": "empty.txt", "statistics": []},
    {
        "source": "plan.txt",
        "document": {"source": "plan.txt", "date": None, "place": "tỉnh Quảng Bình"},
        "statistics": [
            {"value": 12.0, "unit": "%", "period": "từ năm 2012 đến nay", "years": [2012, None]}
        ],
    },
]


def read_rows(path):
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_one_row_per_figure_with_source(tmp_path):
    path = write_statistics_csv(RECORDS, tmp_path / "stats.csv")
    rows = read_rows(path)
    assert [r["source"] for r in rows] == [
        "seed-quangtri.txt",
        "seed-quangtri.txt",
        "news-010.txt",
        "plan.txt",
    ]
    assert list(rows[0]) == list(STATISTICS_COLUMNS)


def test_values_units_and_flags(tmp_path):
    rows = read_rows(write_statistics_csv(RECORDS, tmp_path / "stats.csv"))
    assert (rows[0]["value"], rows[0]["max"], rows[0]["unit"]) == ("9757", "", "đồng chí")
    assert (rows[1]["value"], rows[1]["max"], rows[1]["kind"]) == ("12", "15", "percent")
    assert rows[1]["period"] == "giai đoạn 2019 - 2022"
    assert rows[2]["value"] == "911100000000000"
    assert (rows[0]["approximate"], rows[2]["approximate"]) == ("false", "true")
    assert rows[0]["sentence"] == "Hiện nay đảng viên ... có 9.757 đồng chí, chiếm"


def test_file_starts_with_bom_for_excel(tmp_path):
    path = write_statistics_csv(RECORDS, tmp_path / "out" / "stats.csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert "đoàn viên".encode() in raw


def test_empty_batch_writes_header_only(tmp_path):
    rows = read_rows(write_statistics_csv([], tmp_path / "stats.csv"))
    assert rows == []
    assert (
        (tmp_path / "stats.csv")
        .read_text(encoding="utf-8-sig")
        .startswith("source,document_date,document_place,value")
    )


def test_round_trip_from_the_extractor(tmp_path):
    at = analyze("Toàn tỉnh có 9.757 đồng chí, chiếm 19,9% trong tổng số đảng viên.")
    record = {"source": "x.txt", "statistics": extract_statistics(at)}
    rows = read_rows(write_statistics_csv(iter([record]), tmp_path / "s.csv"))
    assert [(r["value"], r["unit"], r["kind"]) for r in rows] == [
        ("9757", "đồng chí", "count"),
        ("19.9", "%", "percent"),
    ]


def test_years_and_the_documents_date_and_place(tmp_path):
    rows = read_rows(write_statistics_csv(RECORDS, tmp_path / "stats.csv"))
    assert [r["years"] for r in rows] == ["", "2019-2022", "2015", "2012-"]
    assert [r["document_date"] for r in rows] == ["", "", "2017-06-20", ""]
    assert [r["document_place"] for r in rows] == ["", "", "Việt Nam", "tỉnh Quảng Bình"]
    assert rows[1]["place"] == "Đoàn TNCS Hồ Chí Minh tỉnh Quảng Trị"
    assert rows[2]["subject"] == "tổng số thu ngân sách nhà nước"


def test_an_archivists_row_reads_measure_place_years_value(tmp_path):
    text = "Giai đoạn 2019 - 2022, tỷ lệ hộ nghèo huyện Gio Linh giảm còn 3,5%."
    at = analyze(text)
    stats, context = attach_context(extract_statistics(at), at, extract_units(at))
    record = {"source": "gl.txt", "document": {"source": "gl.txt", **context}, "statistics": stats}
    (row,) = read_rows(write_statistics_csv([record], tmp_path / "s.csv"))
    assert (row["subject"], row["place"], row["years"], row["value"]) == (
        "tỷ lệ hộ nghèo",
        "huyện Gio Linh",
        "2019-2022",
        "3.5",
    )
