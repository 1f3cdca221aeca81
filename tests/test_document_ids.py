"""The one key of a document number (`document_id_key`), and the keys of names and editions.

Each row: two spellings and whether they are one document. "TƯ" is Trung ương (= "TW") and
never a Tỉnh ủy's "TU"; Đ = D as the official codes are typed both ways; leading zeros,
spaces, dashes, slashes and case do not count.
"""

from __future__ import annotations

import pytest

from vnpolicy.extractors.document_ids import (
    congress_key,
    document_id_key,
    document_name_key,
    split_edition,
)

SAME = [
    # Trung ương: TƯ = TW, however "Ư" is typed
    ("21-NQ/TƯ", "21-NQ/TW"),
    ("21-NQ/TƯ", "21-NQ/tw"),
    ("21-NQ/Tư", "21-NQ/TW"),
    ("21-NQ/T.Ư", "21-NQ/TW"),
    ("21-NQ/TU\u031b", "21-NQ/TW"),  # decomposed Ư (U + combining horn)
    ("225-KH/TƯĐTN", "225-KH/TWĐTN"),
    ("225-KH/TƯĐTN-TNNT", "225-KH/TWĐTN-TNNT"),
    ("12-QĐ/UBKTTƯ", "12-QĐ/UBKTTW"),
    ("35-HD/BTCTƯ", "35-HD/BTCTW"),
    # Đ = D
    ("30/2020/NĐ-CP", "30/2020/ND-CP"),
    ("30/2020/NĐ-CP", "30/2020/nđ-cp"),
    ("1234/QĐ-UBND", "1234/QD-UBND"),
    ("01/2014/NQ-HĐTP", "01/2014/NQ-HDTP"),
    ("15-CT/ĐU", "15-CT/DU"),
    ("08-QĐi/TW", "08-QDI/TW"),
    # leading zeros
    ("05-CT/TU", "5-CT/TU"),
    ("005-CT/TU", "5-CT/TU"),
    ("01/2014/NQ-HĐTP", "1/2014/NQ-HĐTP"),
    ("09/2010/NĐ-CP", "9/2010/NĐ-CP"),
    # spaces, line breaks, dash variants, separators
    ("05- CT/TU", "05-CT/TU"),
    ("05 - CT / TU", "05-CT/TU"),
    ("1096/NQ- UBTVQH13", "1096/NQ-UBTVQH13"),
    ("63\n/2025/QĐ-CTUBND", "63/2025/QĐ-CTUBND"),
    ("21–NQ/TW", "21-NQ/TW"),  # en dash
    ("21—NQ/TW", "21-NQ/TW"),  # em dash
    ("21‐NQ/TW", "21-NQ/TW"),  # hyphen
    ("21/NQ-TW", "21-NQ/TW"),  # typists swap "-" and "/"
    ("01/2014/NQHĐTP", "01/2014/NQ-HĐTP"),  # a PDF dropped the hyphen
    ("7332/2008/UB.GCN", "7332/2008/UB-GCN"),
    ("21 NQ TW", "21-NQ/TW"),
    # case and a leading "số"
    ("21-nq/tw", "21-NQ/TW"),
    ("30/2020/nđ-cp", "30/2020/NĐ-CP"),
    ("số 21-NQ/TW", "21-NQ/TW"),
    ("Số: 30/2020/NĐ-CP", "30/2020/NĐ-CP"),
    ("SỐ 05-CT/TU", "05-CT/TU"),
    ("45/2013/QH13", "45/2013/qh13"),
    ("24/2016/KN-KDTM", "24/2016/KN-KDTM "),
]

APART = [
    # Trung ương never merges with a Tỉnh ủy, nor Trung ương Đoàn with a Tỉnh đoàn
    ("21-NQ/TƯ", "21-NQ/TU"),
    ("21-NQ/TW", "21-NQ/TU"),
    ("225-KH/TƯĐTN", "225-KH/TĐTN"),
    ("225-KH/TWĐTN", "225-KH/TĐTN"),
    ("12-QĐ/UBKTTƯ", "12-QĐ/UBKTTU"),
    # different codes, numbers, years
    ("05-CT/TU", "05-CT/TW"),
    ("05-CT/TU", "05-CT/HU"),
    ("08-QĐi/TW", "08-QĐ/TW"),
    ("30/2020/NĐ-CP", "30/2021/NĐ-CP"),
    ("30/2020/NĐ-CP", "31/2020/NĐ-CP"),
    ("30/2020/NĐ-CP", "30/2020/NQ-CP"),
    ("45/2013/QH13", "45/2013/QH14"),
    ("1/12/QĐ-UBND", "11/2/QĐ-UBND"),  # two numbers side by side keep their boundary
    ("10-CT/TU", "1-CT/TU"),  # a zero inside a number counts
    ("20/CT-TTg", "20/CT-TTG/BNV"),
]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_spellings_of_one_id_share_the_key(a: str, b: str) -> None:
    assert document_id_key(a) == document_id_key(b)


@pytest.mark.parametrize(("a", "b"), APART)
def test_different_ids_keep_different_keys(a: str, b: str) -> None:
    assert document_id_key(a) != document_id_key(b)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("21-NQ/TƯ", "21nqtw"),
        ("21-NQ/TU", "21nqtu"),
        ("225-KH/TƯĐTN", "225khtwdtn"),
        ("225-KH/TĐTN", "225khtdtn"),
        ("30/2020/NĐ-CP", "30/2020ndcp"),
        ("05-CT/TU", "5cttu"),
        ("0", "0"),
        ("", ""),
    ],
)
def test_key_as_stored(text: str, key: str) -> None:
    assert document_id_key(text) == key


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam năm 2013", ("Hiến pháp", "2013")),
        ("Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam", ("Hiến pháp", None)),
        ("Hiến pháp nước CHXHCN Việt Nam", ("Hiến pháp", None)),
        ("Hiến pháp năm 1992", ("Hiến pháp", "1992")),
        ("Luật Đất đai 2024", ("Luật Đất đai", "2024")),
        ("Bộ luật Dân sự (năm 2005)", ("Bộ luật Dân sự", "2005")),
        ("Luật Cán bộ, công chức", ("Luật Cán bộ, công chức", None)),
        ("Luật Ngân hàng Nhà nước Việt Nam", ("Luật Ngân hàng Nhà nước Việt Nam", None)),
    ],
)
def test_split_edition(name: str, expected: tuple[str, str | None]) -> None:
    assert split_edition(name) == expected


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Nghị quyết Trung ương 4 khóa XII", "plenum:4:XII"),
        ("Nghị quyết Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XII", "plenum:4:XII"),
        ("Nghị quyết Trung ương 4 (khóa XII) của Đảng", "plenum:4:XII"),
        ("Nghị quyết TƯ 7 khóa XIII", "plenum:7:XIII"),
        ("Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng", "congress:XIII"),
        ("Nghị quyết Trung ương 4", None),  # no term: which plenum?
        ("Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVII", None),
    ],
)
def test_congress_key(name: str, key: str | None) -> None:
    assert congress_key(name) == key


def test_name_key_ignores_case_and_tone_placement() -> None:
    assert document_name_key("Luật đất đai") == document_name_key("Luật Đất đai")
    assert document_name_key("Luật Thi đua, khen thưởng") == "luật thi đua khen thưởng"
    assert document_name_key("Luật Hoà giải") == document_name_key("Luật Hòa giải")
