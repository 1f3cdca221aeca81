"""An official document's own number in every layout: dotted, read by OCR, split over lines,
and the consolidated text (văn bản hợp nhất) that reproduces its base's header."""

from __future__ import annotations

from typing import Any

import pytest

from tests.index_support import MOTTO
from vnpolicy.extractors.references import extract_references
from vnpolicy.extractors.self_number import find_effective, find_self
from vnpolicy.nlp import analyze

OWN_NUMBER_CASES = [
    # a dotted number; a body reference must not stand in for it
    (
        f"CHÍNH PHỦ\n{MOTTO}Số: 66.19/2026/NQ-CP\nHà Nội, ngày 05 tháng 3 năm 2026\nNGHỊ QUYẾT\n"
        "Về cơ chế đặc thù\nCăn cứ Nghị quyết số 12/2025/NQ-CP ngày 10 tháng 1 năm 2025;\n",
        {"id": "66.19/2026/NQ-CP", "doc_type": "nghị quyết", "date": "2026-03-05"},
    ),
    # OCR: "Só:" glued to the number's line, a space before "/"
    (
        "CHÍNH PHỦ Só:465 /2020/NĐ-CP CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Hà Nội, ngày 05 tháng 3 năm 2020\nNGHỊ ĐỊNH\nVề quản lý phí\n",
        {"id": "465/2020/NĐ-CP", "doc_type": "nghị định", "issuer": "Chính phủ"},
    ),
    (
        f"BỘ TÀI CHÍNH\n{MOTTO}S6: 12/2021/TT-BTC\nHà Nội, ngày 08 tháng 02 năm 2021\nTHÔNG TƯ\n"
        "Hướng dẫn quản lý phí\n",
        {"id": "12/2021/TT-BTC", "doc_type": "thông tư", "date": "2021-02-08"},
    ),
    (
        f"BỘ Y TẾ\n{MOTTO}SÓ: 07/2023/TT-BYT\nHà Nội, ngày 01 tháng 4 năm 2023\n"
        "THÔNG TƯ\nVề y tế\n",
        {"id": "07/2023/TT-BYT", "issuer": "Bộ Y tế"},
    ),
    # a number split over two lines, and a number on the line after "Số:"
    (
        f"BỘ TÀI CHÍNH\n{MOTTO}Số: 12/2021/\nTT-BTC\nHà Nội, ngày 08 tháng 02 năm 2021\nTHÔNG TƯ\n"
        "Hướng dẫn quản lý phí\n",
        {"id": "12/2021/TT-BTC"},
    ),
    (
        f"ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ\n{MOTTO}Số:\n45/2024/QĐ-UBND\n"
        "Quảng Trị, ngày 02 tháng 10 năm 2024\nQUYẾT ĐỊNH\nVề quản lý chợ\n",
        {"id": "45/2024/QĐ-UBND", "doc_type": "quyết định", "date": "2024-10-02"},
    ),
    # a table header as one line: issuer | motto, "Số: ... | Hà Nội, ngày ..."
    (
        "| BỘ NỘI VỤ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n| Số: 27/2025/TT-BNV | Hà Nội, ngày "
        "30 tháng 12 năm 2025 |\nTHÔNG TƯ\nQuy định về hồ sơ\n",
        {"id": "27/2025/TT-BNV", "date": "2025-12-30"},
    ),
    # a Party document's "Số 12-CT/TU" without a colon
    (
        "TỈNH ỦY QUẢNG TRỊ\n*\nSố 12-CT/TU\nĐẢNG CỘNG SẢN VIỆT NAM\nQuảng Trị, ngày 15 tháng 3 "
        "năm 2023\nCHỈ THỊ\nCỦA BAN THƯỜNG VỤ TỈNH ỦY\nvề phát triển đảng viên\n",
        {"id": "12-CT/TU", "doc_type": "chỉ thị", "title": "về phát triển đảng viên"},
    ),
]


@pytest.mark.parametrize(("text", "expected"), OWN_NUMBER_CASES)
def test_own_number(text: str, expected: dict[str, Any]) -> None:
    me = find_self(text)
    assert me is not None
    for key, value in expected.items():
        assert me[key] == value, (key, me)


NOT_OWN_CASES = [
    "Văn bản hợp nhất số 30/VBHN-VPQH của Văn phòng Quốc hội",
    "Nghị quyết số: 21-NQ/TW của Ban Chấp hành Trung ương",
    "Sở Tài chính đã có " + "văn bản hướng dẫn. " * 100 + "Theo Văn bản số: 123/UBND-VX ngày "
    "05/3/2024 của UBND tỉnh.",
    "Số lượng: 12/2021 người",
]


@pytest.mark.parametrize("text", NOT_OWN_CASES)
def test_running_text_number_is_no_header(text: str) -> None:
    assert find_self(text) is None


CONSOLIDATED_CLOSING = (
    f"VĂN PHÒNG QUỐC HỘI\n{MOTTO}LUẬT\nĐẦU TƯ\n"
    "Luật Đầu tư số 61/2020/QH14 ngày 17 tháng 6 năm 2020 của Quốc hội, có hiệu lực kể từ "
    "ngày 01 tháng 01 năm 2021, được sửa đổi, bổ sung bởi Luật số 03/2022/QH15.\n"
    "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\n"
    "Điều 1. Phạm vi điều chỉnh\nLuật này quy định về hoạt động đầu tư.\n"
    "XÁC THỰC VĂN BẢN HỢP NHẤT\nCHỦ NHIỆM\nSố: 112/VBHN-VPQH\n"
    "Hà Nội, ngày 15 tháng 3 năm 2022\n"
)

CONSOLIDATED_REPRODUCED_HEADER = (
    f"CHÍNH PHỦ\n{MOTTO}Số: 49/2018/NĐ-CP\nHà Nội, ngày 30 tháng 3 năm 2018\nNGHỊ ĐỊNH\n"
    "Quy định về kiểm định chất lượng\n"
    "Nghị định số 49/2018/NĐ-CP ngày 30 tháng 3 năm 2018, được sửa đổi, bổ sung bởi Nghị "
    "định số 12/2021/NĐ-CP.\nĐiều 1. Phạm vi điều chỉnh\n"
    "XÁC THỰC VĂN BẢN HỢP NHẤT\nBỘ TRƯỞNG\nSố: 15/VBHN-BGDĐT\n"
    "Hà Nội, ngày 20 tháng 5 năm 2021\n"
)

CONSOLIDATED_TOP = (
    f"BỘ TÀI CHÍNH\n{MOTTO}Số: 15/VBHN-BTC\nHà Nội, ngày 10 tháng 5 năm 2019\nNGHỊ ĐỊNH\n"
    "Quy định về phí và lệ phí\n"
    "Nghị định số 120/2016/NĐ-CP ngày 23 tháng 8 năm 2016 của Chính phủ, được sửa đổi, bổ "
    "sung bởi Nghị định số 82/2023/NĐ-CP.\n"
)


@pytest.mark.parametrize(
    ("text", "own", "date", "base"),
    [
        (CONSOLIDATED_CLOSING, "112/VBHN-VPQH", "2022-03-15", "61/2020/QH14"),
        (CONSOLIDATED_REPRODUCED_HEADER, "15/VBHN-BGDĐT", "2021-05-20", "49/2018/NĐ-CP"),
        (CONSOLIDATED_TOP, "15/VBHN-BTC", "2019-05-10", "120/2016/NĐ-CP"),
    ],
)
def test_consolidated_text_has_its_own_number_and_type(
    text: str, own: str, date: str, base: str | None
) -> None:
    me = find_self(text)
    assert (me["id"], me["doc_type"], me["date"]) == (own, "văn bản hợp nhất", date)
    assert me.get("base") == base


def test_consolidated_text_cites_its_base_document() -> None:
    out = extract_references(analyze(CONSOLIDATED_REPRODUCED_HEADER))
    assert out["self"]["id"] == "15/VBHN-BGDĐT"
    ids = [r["id"] for r in out["references"]]
    assert "49/2018/NĐ-CP" in ids and "15/VBHN-BGDĐT" not in ids


@pytest.mark.parametrize(
    ("text", "own_date", "expected"),
    [
        ("Điều 9. Quyết định này có hiệu lực kể từ ngày ký.", "2024-01-02", "2024-01-02"),
        (
            "1. Thông tư này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2025.",
            None,
            "2025-07-01",
        ),
        ("Luật này có hiệu lực thi hành từ ngày 01/01/2025, trừ khoản 2.", None, "2025-01-01"),
        ("Nghị định này có hiệu lực sau 45 ngày kể từ ngày ký.", "2024-01-02", None),
        ("Chỉ thị này được phổ biến đến chi bộ.", "2024-01-02", None),
    ],
)
def test_own_effective_date(text: str, own_date: str | None, expected: str | None) -> None:
    assert find_effective(text, own_date) == expected


OWN_DATE_CASES = [
    (  # a law's header has no place-and-date line: it was passed on the date its end states
        f"QUỐC HỘI\n{MOTTO}Luật số: 59/2020/QH14\nLUẬT\nDOANH NGHIỆP\nCăn cứ Hiến pháp nước Cộng "
        "hòa xã hội chủ nghĩa Việt Nam;\nĐiều 218. Hiệu lực thi hành\n1. Luật này có hiệu lực thi "
        "hành từ ngày 01 tháng 01 năm 2021.\nLuật này được Quốc hội khóa XIV, kỳ họp thứ 9 thông "
        "qua ngày 17 tháng 6 năm 2020.",
        "2020-06-17",
    ),
    (  # the date written with slashes on the number's line
        f"UBND TỈNH QUẢNG TRỊ\n{MOTTO}Số: 12/2021/QĐ-UBND    Quảng Trị, 05/3/2021\nQUYẾT ĐỊNH\n"
        "Ban hành quy chế\nCăn cứ Nghị định số 34/2016/NĐ-CP ngày 14/5/2016 của Chính phủ;",
        "2021-03-05",
    ),
    (  # no date in the header: not the căn cứ's date below it
        f"BỘ Y TẾ\n{MOTTO}Số: 07/2022/TT-BYT\nTHÔNG TƯ\nQuy định về khám sức khỏe\nCăn cứ Nghị "
        "định số 95/2022/NĐ-CP ngày 15 tháng 11 năm 2022 của Chính phủ;",
        None,
    ),
]


@pytest.mark.parametrize(("text", "date"), OWN_DATE_CASES)
def test_own_date_is_the_headers_or_the_passing(text: str, date: str | None) -> None:
    assert find_self(text)["date"] == date
