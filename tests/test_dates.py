"""Vietnamese dates: the forms official documents and the press write, real dates only."""

from __future__ import annotations

import pytest

from vnpolicy.extractors.dates import find_dates, parse_date

DATE_CASES = [
    # text, ISO date or None
    ("ngày 16/6/2022", "2022-06-16"),
    ("Ngày 16/6/2022", "2022-06-16"),
    ("ngày 07/5/2021", "2021-05-07"),
    ("ngày 16 tháng 6 năm 2022", "2022-06-16"),
    ("Hà Nội, ngày 05 tháng 3 năm 2020", "2020-03-05"),
    ("ngày 19 tháng 09 năm 2025", "2025-09-19"),
    ("16-6-2022", "2022-06-16"),
    ("ngày 25-9-1948", "1948-09-25"),
    ("16.6.2022", "2022-06-16"),
    ("02/12/2022", "2022-12-02"),
    ("ngày 24\ntháng 02 năm 2021", "2021-02-24"),  # a PDF line break inside
    ("ngày 12\ntháng 3 năm 2021 của Chánh án", "2021-03-12"),
    ("ngày 3 / 6 / 2017", "2017-06-03"),
    ("Chỉ thị số 05-CT/TU, ngày 07/5/2021 của Ban Thường vụ", "2021-05-07"),
    ("ban hành ngày 29/2/2024", "2024-02-29"),  # leap day
    # not dates
    ("ngày 31/2/2022", None),
    ("ngày 29/2/2023", None),
    ("13/13/2020", None),
    ("30/2020/NĐ-CP", None),
    ("Nghị định số 16/6/2022/NĐ-CP", None),
    ("tỷ lệ 1.999,62 tỷ đồng", None),
    ("giai đoạn 2016 - 2020", None),
    ("xếp thứ 58/63", None),
    ("ngày 5/10", None),  # no year: a deadline, not an issue date
    ("năm 2022", None),
]


@pytest.mark.parametrize(("text", "expected"), DATE_CASES)
def test_parse_date(text: str, expected: str | None) -> None:
    assert parse_date(text) == expected


def test_find_dates_gives_spans_with_ngay() -> None:
    text = "Chỉ thị số 05-CT/TU, ngày 07/5/2021 và Kết luận ngày 16 tháng 6 năm 2022."
    found = find_dates(text)
    assert [iso for _, _, iso in found] == ["2021-05-07", "2022-06-16"]
    assert [text[s:e] for s, e, _ in found] == ["ngày 07/5/2021", "ngày 16 tháng 6 năm 2022"]


def test_find_dates_in_order_and_empty() -> None:
    assert find_dates("") == []
    assert [iso for *_, iso in find_dates("1-1-2001, 2.2.2002; 3/3/2003")] == [
        "2001-01-01",
        "2002-02-02",
        "2003-03-03",
    ]
