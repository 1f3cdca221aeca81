"""References to official documents, as a specification: text in, expected fields out.

Each table row is a sentence as the press or an official document writes it and the fields
the first (or the named) reference must have; negatives sit beside the positives.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from vnpolicy.extractors.references import extract_references
from vnpolicy.nlp import analyze


def refs(text: str) -> list[dict[str, Any]]:
    return extract_references(analyze(text))["references"]


def ids(text: str) -> list[str | None]:
    return [r["id"] for r in refs(text)]


# --- numbered references: Party forms (Hướng dẫn 36-HD/VPTW) ------------------------------

PARTY_CASES = [
    (
        "Nghị quyết số 21-NQ/TW của Ban Chấp hành Trung ương",
        {"id": "21-NQ/TW", "doc_type": "nghị quyết", "issuer_code": "Ban Chấp hành Trung ương"},
    ),
    (
        "Chỉ thị số 05-CT/TU, ngày 07/5/2021 của Ban Thường vụ Tỉnh ủy",
        {
            "id": "05-CT/TU",
            "date": "2021-05-07",
            "issuer": "Ban Thường vụ Tỉnh ủy",
            "issuer_code": "Tỉnh ủy",
            "doc_type": "chỉ thị",
        },
    ),
    (
        "Chương trình hành động số 48-CTr/TU, ngày 02/12/2022 của Tỉnh ủy",
        {"id": "48-CTr/TU", "doc_type": "chương trình hành động", "date": "2022-12-02"},
    ),
    (
        "theo Hướng dẫn số 36-HD/VPTW ngày 03/4/2018 của Văn phòng Trung ương Đảng",
        {
            "id": "36-HD/VPTW",
            "doc_type": "hướng dẫn",
            "date": "2018-04-03",
            "issuer_code": "Văn phòng Trung ương Đảng",
        },
    ),
    (
        "Quy định số 181-QĐ/TW của Bộ Chính trị",
        {"id": "181-QĐ/TW", "doc_type": "quy định", "issuer": "Bộ Chính trị"},
    ),
    ("Quy định số 08-QĐi/TW về trách nhiệm nêu gương", {"id": "08-QĐi/TW", "doc_type": "quy định"}),
    (
        "Quyết định số 399-QĐ/TU, ngày 18/11/2016",
        {"id": "399-QĐ/TU", "date": "2016-11-18", "doc_type": "quyết định"},
    ),
    (
        "Kế hoạch số 225-KH/TWĐTN-TNNT của Ban Bí thư Trung ương Đoàn",
        {"id": "225-KH/TWĐTN-TNNT", "doc_type": "kế hoạch"},
    ),
    (
        "Thông báo số 15-TB/BTCTW",
        {"id": "15-TB/BTCTW", "doc_type": "thông báo", "issuer_code": "Ban Tổ chức Trung ương"},
    ),
    (
        "Kết luận số 24-KL/TW ngày 5-6-2012 của Bộ Chính trị khóa XI",
        {"id": "24-KL/TW", "date": "2012-06-05", "term": "khóa XI", "doc_type": "kết luận"},
    ),
    (
        "Nghị quyết số 21-NQ/TW của Hội nghị lần thứ 5, BCH Trung ương khóa XIII về xây dựng",
        {
            "id": "21-NQ/TW",
            "plenum": "Hội nghị lần thứ 5",
            "issuer": "BCH Trung ương khóa XIII",
            "term": "khóa XIII",
        },
    ),
    (
        "Nghị quyết số 18-NQ/TW của Hội nghị Trung ương 6, Ban Chấp hành Trung ương Đảng khóa XII",
        {"id": "18-NQ/TW", "plenum": "Hội nghị Trung ương 6", "term": "khóa XII"},
    ),
    (
        "Nghị quyết số 21-NQ/TW của BCH Trung ương. Nghị quyết số 21-NQ/TW, ngày 16/6/2022 "
        "của Ban Chấp hành Trung ương Đảng khóa XIII",
        {"id": "21-NQ/TW", "issuer": "Ban Chấp hành Trung ương Đảng khóa XIII", "plenum": None},
    ),
    (
        "Báo cáo số 112-BC/HU của Huyện ủy",
        {"id": "112-BC/HU", "doc_type": "báo cáo", "issuer_code": "Huyện ủy"},
    ),
    (
        "Đề án số 03-ĐA/ĐU của Đảng ủy",
        {"id": "03-ĐA/ĐU", "doc_type": "đề án", "issuer_code": "Đảng ủy"},
    ),
    ("Nghị quyết 08-NQ/TW của Bộ Chính trị", {"id": "08-NQ/TW", "issuer": "Bộ Chính trị"}),
    ("Kết luận 80-KL/TW", {"id": "80-KL/TW", "doc_type": "kết luận"}),
    ("Chỉ thị 42 -CT/TW", {"id": "42-CT/TW"}),  # a space before the dash
    ("Chỉ thị 05- CT/TW", {"id": "05-CT/TW"}),  # a space after it
    ("Chỉ thị số 29- CT/TU", {"id": "29-CT/TU"}),
    ("Nghị quyết số 21 - NQ / TW", {"id": "21-NQ/TW"}),
    ("Nghị quyết số 21–NQ/TW", {"id": "21-NQ/TW"}),  # en dash
    ("Nghị quyết số 21—NQ/TW", {"id": "21-NQ/TW"}),  # em dash
    ("Nghị quyết số 21‑NQ/TW", {"id": "21-NQ/TW"}),  # non-breaking hyphen
    ("Nghị quyết Số: 21-NQ/TW", {"id": "21-NQ/TW"}),
    ("Nghị quyết số: 21-NQ/TW", {"id": "21-NQ/TW"}),
    ("Nghị quyết 21-NQ/TW", {"id": "21-NQ/TW"}),
    ("thực hiện 21-NQ/TW", {"id": "21-NQ/TW", "doc_type": "nghị quyết"}),  # type from symbol
    (
        "Quyết định số 68/QĐ-TW ngày 4/7/2007 của Bộ Chính trị khóa 10",
        {"id": "68/QĐ-TW", "date": "2007-07-04", "term": "khóa 10"},
    ),
    ("Nghị quyết số 233/NQ-ĐU", {"id": "233/NQ-ĐU", "doc_type": "nghị quyết"}),
    ("Chỉ thị số 25-CT/TW về việc “đề phòng gián điệp”", {"id": "25-CT/TW"}),
    (
        "Nghị quyết số 58-NQ/TW ngày 19-11-1958 của Bộ Chính trị",
        {"id": "58-NQ/TW", "date": "1958-11-19"},
    ),
    ("Nghị quyết số 39-NQ/TW, ngày 20-1-1962 của Bộ Chính trị", {"date": "1962-01-20"}),
]

# --- numbered references: State and court forms (Nghị định 30/2020/NĐ-CP Phụ lục III) -----

STATE_CASES = [
    (
        "Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ",
        {
            "id": "30/2020/NĐ-CP",
            "doc_type": "nghị định",
            "date": "2020-03-05",
            "issuer": "Chính phủ",
            "issuer_code": "Chính phủ",
            "number": "30",
        },
    ),
    (
        "Thông tư số 01/2011/TT-BNV",
        {"id": "01/2011/TT-BNV", "doc_type": "thông tư", "issuer_code": "Bộ Nội vụ"},
    ),
    (
        "Quyết định số 1234/QĐ-UBND",
        {"id": "1234/QĐ-UBND", "doc_type": "quyết định", "issuer_code": "Ủy ban nhân dân"},
    ),
    ("Công điện số 03/CĐ-UBND", {"id": "03/CĐ-UBND", "doc_type": "công điện"}),
    ("Luật số 35/2017/QH14", {"id": "35/2017/QH14", "doc_type": "luật", "issuer_code": "Quốc hội"}),
    (
        "Nghị quyết số 105/2025/UBTVQH15",
        {"id": "105/2025/UBTVQH15", "issuer_code": "Ủy ban Thường vụ Quốc hội"},
    ),
    ("Công văn số 456/UBND-VX", {"id": "456/UBND-VX", "doc_type": "công văn"}),
    (
        "Văn bản số 1101/UBND-TTPTQĐ ngày 03/6/2020",
        {"id": "1101/UBND-TTPTQĐ", "doc_type": "công văn", "date": "2020-06-03"},
    ),
    ("Văn bản hợp nhất số 30/VBHN-VPQH", {"id": "30/VBHN-VPQH", "doc_type": "văn bản hợp nhất"}),
    ("Bản án số 12/2019/DS-PT", {"id": "12/2019/DS-PT", "doc_type": "bản án"}),
    (
        "Bản án dân sự sơ thẩm số 24/2020/DS-ST ngày 22/7/2020",
        {"id": "24/2020/DS-ST", "date": "2020-07-22"},
    ),
    ("Bản án hình sự phúc thẩm số 101/2021/HS-PT", {"id": "101/2021/HS-PT"}),
    (
        "Quyết định giám đốc thẩm số 01/2019/KDTM-GĐT ngày 11/01/2019",
        {"id": "01/2019/KDTM-GĐT", "doc_type": "quyết định giám đốc thẩm", "date": "2019-01-11"},
    ),
    (
        "Nghị quyết liên tịch số 09/2008/NQLT-CP-UBTƯMTTQVN",
        {"id": "09/2008/NQLT-CP-UBTƯMTTQVN", "doc_type": "nghị quyết liên tịch"},
    ),
    (
        "Thông tư liên tịch số 29/2025/TTLT-BTP-BCA-BQP-BTC-TANDTC-VKSNDTC",
        {
            "id": "29/2025/TTLT-BTP-BCA-BQP-BTC-TANDTC-VKSNDTC",
            "doc_type": "thông tư liên tịch",
            "issuer_code": "Bộ Tư pháp, Bộ Công an, Bộ Quốc phòng, Bộ Tài chính, "
            "Tòa án nhân dân tối cao, Viện kiểm sát nhân dân tối cao",
        },
    ),
    ("Án lệ số 43/2021/AL", {"id": "43/2021/AL", "doc_type": "án lệ"}),
    (
        "Quyết định số 20/2008/QĐ-TTg",
        {"id": "20/2008/QĐ-TTg", "issuer_code": "Thủ tướng Chính phủ"},
    ),
    ("Chỉ thị số 36/CT-TTg", {"id": "36/CT-TTg", "doc_type": "chỉ thị"}),
    (
        "Tờ trình số 24/TTr-CP, ngày 26 tháng 7 năm 2024",
        {"id": "24/TTr-CP", "doc_type": "tờ trình", "date": "2024-07-26"},
    ),
    ("Pháp lệnh số 02/2022/UBTVQH15", {"id": "02/2022/UBTVQH15", "doc_type": "pháp lệnh"}),
    ("Quyết định 41/TTg", {"id": "41/TTg", "doc_type": "quyết định"}),
    ("Nghị định số 100/TTg ngày 3-3-1959", {"id": "100/TTg", "date": "1959-03-03"}),
    ("Nghị quyết số 30a/2008/NQ-CP", {"id": "30a/2008/NQ-CP"}),
    ("Nghị quyết số 1096/NQ- UBTVQH13", {"id": "1096/NQ-UBTVQH13"}),
    ("Nghị quyết số 916/NQ-UBTVQH13 ngày 5/5/2015", {"date": "2015-05-05"}),
    ("Nghị quyết 19-2017/NQ-CP", {"id": "19/2017/NQ-CP"}),  # dash for slash
    ("Quyết định số 63\n/2025/QĐ-CTUBND", {"id": "63/2025/QĐ-CTUBND"}),  # PDF line end
    ("Nghị quyết số 01/2014/NQHĐTP", {"id": "01/2014/NQHĐTP"}),  # PDF dropped the hyphen
    ("Thông tư số 11/2024/TT-BТС", {"id": "11/2024/TT-BTC"}),  # Cyrillic Т and С
    (
        "Quyết định số 42/QĐ-CA ngày 12\ntháng 3 năm 2021 của Chánh án",
        {"id": "42/QĐ-CA", "date": "2021-03-12", "issuer": "Chánh án"},
    ),
    (
        "Luật Tổ chức Chính phủ số 63/2025/QH15",
        {"id": "63/2025/QH15", "doc_type": "luật", "name": "Luật Tổ chức Chính phủ"},
    ),
    ("Luật Cán bộ, công chức số 80/2025/QH15", {"name": "Luật Cán bộ, công chức"}),
    ("Bộ luật Tố tụng hình sự số 101/2015/QH13", {"doc_type": "bộ luật"}),
    ("Điều 12 Luật số 80/2015/QH13", {"id": "80/2015/QH13"}),  # article pinpoint
    (
        "Nghị định số 102/2024/NĐ-CP ngày 30 tháng 7 năm 2024 của Chính phủ quy định chi tiết",
        {"date": "2024-07-30", "issuer": "Chính phủ", "title": "chi tiết"},
    ),
    ("Kháng nghị giám đốc thẩm số 24/2016/KN-KDTM", {"id": "24/2016/KN-KDTM"}),
    ("Nghị quyết số 4266/NQ-DKVN ngày 16/5/2011", {"date": "2011-05-16"}),
    # a letter of any agency: unknown codes pass after "Công văn số"
    (
        "Công văn số 123/STNMT-QLĐĐ ngày 02/3/2023 của Sở Tài nguyên và Môi trường",
        {"id": "123/STNMT-QLĐĐ", "doc_type": "công văn", "date": "2023-03-02"},
    ),
    ("Nghị quyết số 12-NQ/ĐH của Đại hội", {"id": "12-NQ/ĐH"}),
    ("Thông báo số 07-TB/VPTU", {"id": "07-TB/VPTU", "issuer_code": "Văn phòng Tỉnh ủy"}),
    (
        "Nghị quyết số 15/2023/NQ-HĐND của Hội đồng nhân dân tỉnh",
        {"id": "15/2023/NQ-HĐND", "issuer_code": "Hội đồng nhân dân"},
    ),
    ("Nghị quyết số 21-NQ/TW (ngày 16/6/2022)", {"date": "2022-06-16"}),
    # missing spaces
    ("Nghị quyết số21-NQ/TW, ngày16/6/2022", {"id": "21-NQ/TW", "date": "2022-06-16"}),
    (
        "Nghị quyết số 21-NQ/TWngày 16/6/2022 của Ban Chấp hành Trung ương",
        {"id": "21-NQ/TW", "date": "2022-06-16"},
    ),
    ("Quyết định số 51/2025/QĐ-TTgcủa Thủ tướng", {"id": "51/2025/QĐ-TTg"}),
    ("Nghị định số :30/2020/NĐ-CP", {"id": "30/2020/NĐ-CP"}),
    ("Quyết định số 12/2020/QĐ-UBND do UBND tỉnh ban hành", {"issuer": "UBND tỉnh"}),
    # a term in parentheses between the issuer and the date
    (
        "Chỉ thị số 05-CT/TW của Bộ Chính trị (khóa XII) ngày 15/5/2016 về đẩy mạnh học tập",
        {"id": "05-CT/TW", "date": "2016-05-15", "issuer": "Bộ Chính trị khóa XII"},
    ),
    (
        "Thông báo kết luận số 123-TB/TU ngày 16 - 6 - 2022 của Ban Thường vụ",
        {"id": "123-TB/TU", "doc_type": "thông báo", "date": "2022-06-16"},
    ),
    ("Nghị quyết 1657-NQ/QUTW của Quân ủy Trung ương", {"issuer_code": "Quân ủy Trung ương"}),
    (
        "Nghị quyết số 21-NQ/TW được Ban Chấp hành Trung ương ban hành ngày 16/6/2022 đã",
        {"date": "2022-06-16", "issuer": "Ban Chấp hành Trung ương"},
    ),
    # the date a document takes effect is not its date
    ("Quyết định số 123/QĐ-UBND có hiệu lực từ ngày 01/01/2024.", {"date": None}),
]


@pytest.mark.parametrize(("text", "expected"), PARTY_CASES + STATE_CASES)
def test_numbered_reference(text: str, expected: dict[str, Any]) -> None:
    found = refs(text)
    assert found, text
    ref = found[0]
    for key, value in expected.items():
        assert ref[key] == value, (text, key, ref)


# --- several numbers after one type ---------------------------------------------------------

LIST_CASES = [
    (
        "các Nghị định số 30/2020/NĐ-CP, 15/2021/NĐ-CP và 45/2022/NĐ-CP",
        ["30/2020/NĐ-CP", "15/2021/NĐ-CP", "45/2022/NĐ-CP"],
    ),
    ("các Nghị quyết số 21-NQ/TW và 22-NQ/TW", ["21-NQ/TW", "22-NQ/TW"]),
    (
        "Luật số 02/2021/QH15, Luật số 34/2024/QH15 và Luật số 99/2025/QH15",
        ["02/2021/QH15", "34/2024/QH15", "99/2025/QH15"],
    ),
    ("Chỉ thị số 05-CT/TW; Chỉ thị số 42-CT/TW", ["05-CT/TW", "42-CT/TW"]),
    ("Thông tư số 01/2011/TT-BNV hoặc 02/2012/TT-BNV", ["01/2011/TT-BNV", "02/2012/TT-BNV"]),
]


@pytest.mark.parametrize(("text", "expected"), LIST_CASES)
def test_list_after_one_type(text: str, expected: list[str]) -> None:
    found = refs(text)
    assert [r["id"] for r in found] == expected
    assert len({r["doc_type"] for r in found}) == 1


# A date after the last number of a list dates every number of the list, unless a number's
# own year says otherwise or it has its own date.
LIST_DATE_CASES = [
    (
        "các Nghị quyết số 15-NQ/TU, 16-NQ/TU và 17-NQ/TU ngày 20 tháng 5 năm 2024 về phát triển",
        ["2024-05-20", "2024-05-20", "2024-05-20"],
    ),
    (
        "các Nghị định số 30/2020/NĐ-CP, 15/2021/NĐ-CP và 45/2022/NĐ-CP ngày 5/6/2022",
        [None, None, "2022-06-05"],
    ),
    (
        "các Nghị định số 64/2007/NĐ-CP ngày 10 tháng 4 năm 2007, 47/2020/NĐ-CP ngày 09 tháng 4 "
        "năm 2020",
        ["2007-04-10", "2020-04-09"],
    ),
    ("Nghị quyết số 15-NQ/TU. Chỉ thị số 16-CT/TU ngày 20/5/2024", [None, "2024-05-20"]),
]


@pytest.mark.parametrize(("text", "dates"), LIST_DATE_CASES)
def test_date_after_a_list_dates_the_list(text: str, dates: list[str | None]) -> None:
    assert [r["date"] for r in refs(text)] == dates


# --- named documents without a number -------------------------------------------------------

NAMED_CASES = [
    (
        "trong Nghị quyết Đại hội Đảng toàn quốc lần thứ XIII, Nghị quyết",
        "Nghị quyết Đại hội Đảng toàn quốc lần thứ XIII",
        "nghị quyết",
    ),
    (
        "theo Nghị quyết Trung ương 4 khóa XII về tăng cường xây dựng Đảng",
        "Nghị quyết Trung ương 4 khóa XII",
        "nghị quyết",
    ),
    (
        "chỉ tiêu của Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVII đề ra",
        "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVII",
        "nghị quyết",
    ),
    (
        "và Nghị quyết Đại hội Đảng bộ tỉnh nhiệm kỳ 2020-2025, đây",
        "Nghị quyết Đại hội Đảng bộ tỉnh nhiệm kỳ 2020-2025",
        "nghị quyết",
    ),
    (
        "quán triệt Nghị quyết Trung ương 4 (khóa XII) trong toàn Đảng bộ",
        "Nghị quyết Trung ương 4 (khóa XII)",
        "nghị quyết",
    ),
    (
        "thực hiện Nghị quyết Đại hội đại biểu toàn quốc lần thứ XII của Đảng và",
        "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XII của Đảng",
        "nghị quyết",
    ),
    ("Đảng viên phải chấp hành Điều lệ Đảng.", "Điều lệ Đảng", "điều lệ"),
    ("theo Cương lĩnh chính trị của Đảng.", "Cương lĩnh chính trị của Đảng", "cương lĩnh"),
    ("Căn cứ Hiến pháp năm 2013;", "Hiến pháp năm 2013", "hiến pháp"),
    (
        "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;",
        "Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam",
        "hiến pháp",
    ),
    ("Căn cứ Luật Cán bộ, công chức;", "Luật Cán bộ, công chức", "luật"),
    ("vi phạm Bộ luật Hình sự.", "Bộ luật Hình sự", "bộ luật"),
    ("Các điều 168, 323 Bộ luật Dân sự năm 2005 và", "Bộ luật Dân sự năm 2005", "bộ luật"),
    ("theo quy định của Luật Đất đai.", "Luật Đất đai", "luật"),
    (
        "Quốc hội thảo luận dự thảo Luật Đất đai (sửa đổi) tại kỳ họp",
        "Luật Đất đai (sửa đổi)",
        "luật",
    ),
    ("Luật Du lịch sửa đổi có hiệu lực", "Luật Du lịch sửa đổi", "luật"),
    ("Căn cứ Luật Đo đạc và bản đồ;", "Luật Đo đạc và bản đồ", "luật"),
    (
        "Căn cứ Luật Khoa học, công nghệ và đổi mới sáng tạo;",
        "Luật Khoa học, công nghệ và đổi mới sáng tạo",
        "luật",
    ),
    (
        "Căn cứ Luật Ban hành văn bản quy phạm pháp luật;",
        "Luật Ban hành văn bản quy phạm pháp luật",
        "luật",
    ),
    ("theo Luật các Tổ chức tín dụng.", "Luật các Tổ chức tín dụng", "luật"),
    ("vi phạm Luật Phòng chống tham nhũng và", "Luật Phòng chống tham nhũng", "luật"),
    ("theo quy định của Luật NSNN;", "Luật Ngân sách nhà nước", "luật"),
    ("Pháp lệnh Người có công, các Nghị định", "Pháp lệnh Người có công", "pháp lệnh"),
    ("Bộ luật\nTố tụng dân sự.", "Bộ luật Tố tụng dân sự", "bộ luật"),  # PDF line break
    (
        "Tờ trình dự thảo Nghị quyết về xử lý nợ xấu của các tổ chức tín dụng; nghe",
        "Nghị quyết về xử lý nợ xấu của các tổ chức tín dụng",
        "nghị quyết",
    ),
    (
        "vi phạm Quy chế làm việc của Tỉnh ủy và ý kiến của Thủ tướng",
        "Quy chế làm việc của Tỉnh ủy",
        "quy chế",
    ),
    ("vi phạm quy chế làm việc của UBND tỉnh.", "quy chế làm việc của UBND tỉnh", "quy chế"),
    (
        "gắn với việc thực hiện Quy chế bổ nhiệm cán bộ và giới thiệu cán bộ ứng cử tại Cà Mau.",
        "Quy chế bổ nhiệm cán bộ và giới thiệu cán bộ ứng cử",
        "quy chế",
    ),
    (
        "xây dựng Đề án tiếp tục đổi mới phương thức lãnh đạo của Đảng; trình",
        "Đề án tiếp tục đổi mới phương thức lãnh đạo của Đảng",
        "đề án",
    ),
    (
        "đã soạn thảo Chỉ thị về công tác tổ chức của Đảng, đồng chí nhấn mạnh",
        "Chỉ thị về công tác tổ chức của Đảng",
        "chỉ thị",
    ),
    (
        "triển khai Kết luận của Thành ủy về định hướng công tác thu hút, đào tạo và sử dụng "
        "nguồn nhân lực, đáp ứng yêu cầu",
        "Kết luận của Thành ủy về định hướng công tác thu hút, đào tạo và sử dụng nguồn nhân lực",
        "kết luận",
    ),
    (
        "Hội nghị Thường vụ Trung ương ra Chỉ thị “Nhật Pháp bắn nhau và hành động của chúng ta”,",
        "Chỉ thị “Nhật Pháp bắn nhau và hành động của chúng ta”",
        "chỉ thị",
    ),
    (
        "Thành ủy đã ban hành Chương trình công tác kiểm tra, giám sát năm 2017. Các cấp",
        "Chương trình công tác kiểm tra, giám sát năm 2017",
        "chương trình",
    ),
    ("xây dựng Chiến lược kinh tế - xã hội, chuẩn bị", "Chiến lược kinh tế - xã hội", "chiến lược"),
    (
        "Phó Thủ tướng lưu ý triển khai tốt Nghị quyết 35 của Chính phủ",
        "Nghị quyết 35",
        "nghị quyết",
    ),
    ("theo Chỉ thị 05 của Tỉnh ủy", "Chỉ thị 05", "chỉ thị"),
    # a comma inside a law's title, with a long tail that ends where a title ends
    (
        "Theo Luật Trật tự, an toàn giao thông đường bộ năm 2024, từ ngày 01/01/2025",
        "Luật Trật tự, an toàn giao thông đường bộ năm 2024",
        "luật",
    ),
    # a conjunction ends a law's title
    (
        "vượt quá mức quy định tại khoản 1 Điều 468 Bộ luật Dân sự nên phần vượt quá vô hiệu",
        "Bộ luật Dân sự",
        "bộ luật",
    ),
    (
        "việc thực hiện Quy định thi hành Điều lệ Đảng và các quy định của Đảng",
        "Quy định thi hành Điều lệ Đảng",
        "quy định",
    ),
    (
        "theo Hướng dẫn một số vấn đề cụ thể thi hành Điều lệ Đảng, chi bộ họp",
        "Hướng dẫn một số vấn đề cụ thể thi hành Điều lệ Đảng",
        "hướng dẫn",
    ),
    (
        "góp phần thực hiện Chiến lược phát triển thanh niên Việt Nam giai đoạn 2021 - 2030.",
        "Chiến lược phát triển thanh niên Việt Nam giai đoạn 2021 - 2030",
        "chiến lược",
    ),
    (
        "Chiến lược quốc gia phòng, chống tham nhũng đến năm 2030 được ban hành.",
        "Chiến lược quốc gia phòng, chống tham nhũng đến năm 2030",
        "chiến lược",
    ),
    # the press writes an edition's year bare
    ("Luật Cán bộ, công chức 2008 quy định", "Luật Cán bộ, công chức 2008", "luật"),
    ("theo Bộ luật Hình sự 2015, người phạm tội", "Bộ luật Hình sự 2015", "bộ luật"),
    # a Party regulation cited by its conventional title, in lower case
    (
        "là vi phạm quy định về những điều đảng viên không được làm.",
        "quy định về những điều đảng viên không được làm",
        "quy định",
    ),
    # a quantifier after the comma starts a new clause, not the title's tail
    ("Theo Luật Đất đai, nhiều hộ dân đã được cấp giấy", "Luật Đất đai", "luật"),
    # a subject ends before the next document ("theo Quyết định ...")
    (
        "Tỉnh đang triển khai Đề án tái canh cà phê giai đoạn 2021 - 2025 theo Quyết định số "
        "2530/QĐ-UBND của UBND tỉnh.",
        "Đề án tái canh cà phê giai đoạn 2021 - 2025",
        "đề án",
    ),
]


@pytest.mark.parametrize(("text", "name", "doc_type"), NAMED_CASES)
def test_named_reference(text: str, name: str, doc_type: str) -> None:
    named = [r for r in refs(text) if r["id"] is None]
    assert [r["name"] for r in named] == [name], text
    assert named[0]["doc_type"] == doc_type


# --- not references ---------------------------------------------------------------------------

NEGATIVE_CASES = [
    "triển khai thực hiện các nghị quyết, chỉ thị, quy định, hướng dẫn của Trung ương",
    "xây dựng các nghị quyết chuyên đề, đề án để lãnh đạo",
    "Nghị định này quy định về công tác văn thư.",
    "Luật này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2026.",
    "theo hợp đồng tín dụng số 6360-LAV-200900957 ngày 10/3/2009",
    "phụ lục hợp đồng tín dụng số 01/PL/BS/HĐTD",
    "giấy chứng nhận quyền sở hữu nhà ở số 7332/2008/UB.GCN",
    "theo Mẫu số 01/VT ban hành kèm theo",
    "đạt tiêu chuẩn TCVN 5574:2018 và QCVN 01:2021/BXD",
    "chứng nhận ISO 9001:2015",
    "Luật sư Nguyễn Văn A bảo vệ quyền lợi",
    "ông Hòa trình bày tại báo Pháp Luật TP.HCM.",
    "Hội thảo được tổ chức vào ngày 8/8/2023 với gần 500 đại biểu.",
    "khối trường học có 22.209 đoàn viên, chiếm 56,7%.",
    "xếp thứ 58/63 tỉnh, thành phố",
    "giai đoạn 2016 - 2020 và 2021-2025",
    "Ảnh: Trí Dũng/TTXVN",
    "các Đề án riêng về xử lý môi trường",
    "theo quy định của pháp luật",
    "Chương trình 135 và Chương trình 30a",
    "Hiệp định TPP và Công ước Liên hợp quốc về Luật biển",
    "đề nghị chuẩn bị Dự thảo thông báo Kết luận về nội dung liên quan",
    "Nghị quyết Trung ương nêu rõ",
    "Điều 5. Phạm vi điều chỉnh",
    "thửa đất số 57-2, tờ bản đồ số 34",
    "Quyết định này có hiệu lực kể từ ngày ký.",
    # a court's case registry number names a case, not a paper
    "xét xử phúc thẩm vụ án thụ lý số 05/2019/TLPT-DS ngày 08 tháng 01 năm 2019",
    "Chiến lược này đã được thực hiện đến năm 2025.",
]


@pytest.mark.parametrize("text", NEGATIVE_CASES)
def test_not_a_reference(text: str) -> None:
    assert refs(text) == []


# --- resolution: one document, many mentions --------------------------------------------------

SEED = (
    "nội dung quan trọng trong Nghị quyết Đại hội Đảng toàn quốc lần thứ XIII, Nghị quyết số "
    "21-NQ/TW của Hội nghị lần thứ 5, BCH Trung ương khóa XIII và Nghị quyết Đại hội Đảng bộ "
    "tỉnh nhiệm kỳ 2020-2025. Ban Thường vụ Tỉnh ủy ban hành văn bản (Chương trình hành động "
    "số 48-CTr/TU, ngày 02/12/2022 của Tỉnh ủy về thực hiện Nghị quyết số 21-NQ/TW, ngày "
    "16/6/2022 của Ban Chấp hành Trung ương Đảng khóa XIII về tăng cường củng cố, xây dựng tổ "
    "chức cơ sở đảng; Chỉ thị số 05-CT/TU, ngày 07/5/2021 của Ban Thường vụ Tỉnh ủy về đẩy mạnh "
    "công tác phát triển đảng viên trong tình hình mới)."
)


def test_date_given_at_second_mention_fills_the_merged_reference() -> None:
    found = {r["id"]: r for r in refs(SEED) if r["id"]}
    assert found["21-NQ/TW"]["date"] == "2022-06-16"
    assert len(found["21-NQ/TW"]["mentions"]) == 2
    assert found["21-NQ/TW"]["term"] == "khóa XIII"


def test_seed_relation_and_order() -> None:
    out = extract_references(analyze(SEED))
    assert [r["id"] for r in out["references"] if r["id"]] == ["21-NQ/TW", "48-CTr/TU", "05-CT/TU"]
    assert {"type": "thực hiện", "source": "48-CTr/TU", "target": "21-NQ/TW"} in out["relations"]


RESOLUTION_CASES = [
    # text, expected (id or name) of every reference in order
    (
        "Chỉ thị số 20/CT-TTg về chấn chỉnh. Thực hiện Chỉ thị 20 của Thủ tướng Chính phủ.",
        ["20/CT-TTg"],
    ),
    (
        "Kết luận số 24-KL/TW của Bộ Chính trị. Kết luận số 24 của Bộ Chính trị nêu rõ.",
        ["24-KL/TW"],
    ),
    ("Chỉ thị số 05-CT/TU. Chỉ thị này yêu cầu các cấp ủy.", ["05-CT/TU"]),
    ("Chỉ thị 05- CT/TW và Chỉ thị 05-CT/TW", ["05-CT/TW"]),
    ("Nghị quyết 19-2017/NQ-CP và Nghị quyết số 19/2017/NQ-CP", ["19/2017/NQ-CP"]),
    ("Chỉ thị 05-CT/TU và Chỉ thị 05-CT/TW", ["05-CT/TU", "05-CT/TW"]),
    (
        "Luật Đất đai số 31/2024/QH15. Theo Luật Đất đai, người sử dụng đất có quyền",
        ["31/2024/QH15"],
    ),
    ("Hiến pháp năm 2013 quy định. Theo Hiến pháp, mọi người", ["Hiến pháp năm 2013"]),
    (
        "Bộ luật Hình sự năm 1999, Bộ luật Hình sự năm 1985 và Bộ luật Hình sự",
        ["Bộ luật Hình sự năm 1999", "Bộ luật Hình sự năm 1985", "Bộ luật Hình sự"],
    ),
    (
        "Nghị quyết Đại hội XII của Đảng và Nghị quyết Đại hội đại biểu toàn quốc lần thứ XII "
        "của Đảng",
        ["Nghị quyết Đại hội đại biểu toàn quốc lần thứ XII của Đảng"],
    ),
    (
        "Luật Phòng chống, chống mua bán người số 53/2024/QH15. Luật Phòng, chống mua bán người "
        "quy định",
        ["53/2024/QH15"],
    ),
    (
        "Quyết định số 399-QĐ/TU của Ban Thường vụ Tỉnh ủy ban hành Đề án “Phát triển tổ chức "
        "đảng trong doanh nghiệp”",
        ["399-QĐ/TU"],
    ),
    (
        "Ngày 3/6/2017, Tổng Bí thư đã ký ban hành Nghị quyết Hội nghị lần thứ năm Ban Chấp hành "
        "Trung ương khóa XII về hoàn thiện thể chế (số 11-NQ/TW).",
        ["11-NQ/TW"],
    ),
    ("Chỉ thị này yêu cầu", []),  # nothing to resolve to: dropped
    ("Theo Hiến pháp, mọi người có quyền. Hiến pháp năm 2013 quy định", ["Hiến pháp năm 2013"]),
    ("Luật Đặc xá và Luật Đặc xá năm 2018", ["Luật Đặc xá năm 2018"]),
    (
        "Nghị quyết Hội nghị Trung ương 5 khóa XII về hoàn thiện thể chế. Nghị quyết Hội nghị lần "
        "thứ năm Ban Chấp hành Trung ương khóa XII (số 11-NQ/TW).",
        ["11-NQ/TW"],
    ),
    (
        "Nghị quyết Trung ương 4 khóa XII và Nghị quyết Hội nghị lần thứ tư Ban Chấp hành Trung "
        "ương Đảng khóa XII về hội nhập",  # one plenum, two resolutions: kept apart
        [
            "Nghị quyết Trung ương 4 khóa XII",
            "Nghị quyết Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XII",
        ],
    ),
    (
        "dự án Luật sửa đổi, bổ sung một số điều của Luật các tổ chức tín dụng; Tờ trình",
        [
            "Luật sửa đổi, bổ sung một số điều của Luật các tổ chức tín dụng",
            "Luật các tổ chức tín dụng",
        ],
    ),
    (
        "Chương trình hành động của Chính phủ thực hiện Nghị quyết Bộ Chính trị về phát triển du "
        "lịch; đa dạng hóa",
        [
            "Chương trình hành động của Chính phủ thực hiện Nghị quyết Bộ Chính trị về phát "
            "triển du lịch",
            "Nghị quyết Bộ Chính trị về phát triển du lịch",
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), RESOLUTION_CASES)
def test_resolution(text: str, expected: list[str]) -> None:
    assert [r["id"] or r["name"] for r in refs(text)] == expected


def test_short_form_without_full_form_stays_named_as_written() -> None:
    (ref,) = refs("Thực hiện Chỉ thị 05 của Tỉnh ủy.")
    assert ref["id"] is None and ref["name"] == "Chỉ thị 05"


def test_date_before_the_mention() -> None:
    (ref,) = refs(
        "Ngày 25-9-1948, Ban Thường vụ Trung ương Đảng đã ra Chỉ thị số 25-CT/TW về "
        "việc đề phòng gián điệp."
    )
    assert ref["date"] == "1948-09-25"
    (ref,) = refs(
        "Ngày 3/6/2017, Tổng Bí thư đã ký ban hành Nghị quyết Hội nghị lần thứ năm Ban "
        "Chấp hành Trung ương khóa XII về hoàn thiện thể chế (số 11-NQ/TW)."
    )
    assert (ref["id"], ref["date"]) == ("11-NQ/TW", "2017-06-03")


def test_title_quoted_or_after_ve() -> None:
    (ref,) = refs(
        "Quyết định số 399-QĐ/TU, ngày 18/11/2016 của Ban Thường vụ Tỉnh ủy ban hành "
        "Đề án “Phát triển tổ chức đảng trong doanh nghiệp”; chỉ đạo"
    )
    assert ref["title"] == "Phát triển tổ chức đảng trong doanh nghiệp"
    (ref,) = refs(
        "Chỉ thị số 05-CT/TU, ngày 07/5/2021 của Ban Thường vụ Tỉnh ủy về đẩy mạnh công "
        "tác phát triển đảng viên trong tình hình mới; Kết quả"
    )
    assert ref["title"] == "đẩy mạnh công tác phát triển đảng viên trong tình hình mới"


def test_mentions_and_offsets_point_into_the_text() -> None:
    text = "Theo Chỉ thị số 05-CT/TU và Chỉ thị 05- CT/TU."
    at = analyze(text)
    (ref,) = extract_references(at)["references"]
    assert [m["text"] for m in ref["mentions"]] == ["Chỉ thị số 05-CT/TU", "Chỉ thị 05- CT/TU"]
    for m in ref["mentions"]:
        assert at.text[m["start"] : m["end"]] == m["text"]


# --- relations --------------------------------------------------------------------------------

RELATION_CASES = [
    (
        "Nghị định số 32/NĐ-CP ngày 22-2-1973 về việc sửa đổi tổ chức bộ máy (thay thế Nghị định "
        "số 132/NĐ-CP)",
        {"type": "thay thế", "source": "32/NĐ-CP", "target": "132/NĐ-CP"},
    ),
    (
        "Thông tư số 05/2021/TT-BNV hướng dẫn Nghị định số 30/2020/NĐ-CP",
        {"type": "hướng dẫn", "source": "05/2021/TT-BNV", "target": "30/2020/NĐ-CP"},
    ),
    (
        "Nghị định số 09/2010/NĐ-CP sửa đổi, bổ sung một số điều của Nghị định số 110/2004/NĐ-CP",
        {"type": "sửa đổi, bổ sung", "source": "09/2010/NĐ-CP", "target": "110/2004/NĐ-CP"},
    ),
    (
        "Bộ luật Tố tụng hình sự số 101/2015/QH13 được sửa đổi, bổ sung bởi Luật số 02/2021/QH15",
        {"type": "sửa đổi, bổ sung", "source": "02/2021/QH15", "target": "101/2015/QH13"},
    ),
    (
        "Quyết định số 12/2022/QĐ-UBND bãi bỏ Quyết định số 05/2015/QĐ-UBND",
        {"type": "bãi bỏ", "source": "12/2022/QĐ-UBND", "target": "05/2015/QĐ-UBND"},
    ),
    (
        "Kế hoạch số 10-KH/TU triển khai Nghị quyết số 21-NQ/TW",
        {"type": "triển khai", "source": "10-KH/TU", "target": "21-NQ/TW"},
    ),
]


@pytest.mark.parametrize(("text", "relation"), RELATION_CASES)
def test_relation(text: str, relation: dict[str, str]) -> None:
    assert relation in extract_references(analyze(text))["relations"]


def test_no_relation_between_unrelated_sentences() -> None:
    out = extract_references(analyze("Chỉ thị số 05-CT/TU. Ban hành Nghị quyết số 21-NQ/TW."))
    assert out["relations"] == []


# --- the document's own header ----------------------------------------------------------------

DECREE = """CHÍNH PHỦ
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 30/2020/NĐ-CP
Hà Nội, ngày 05 tháng 3 năm 2020

NGHỊ ĐỊNH
Về công tác văn thư

Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;
Căn cứ Nghị định số 110/2004/NĐ-CP ngày 08 tháng 4 năm 2004;
Chính phủ ban hành Nghị định về công tác văn thư.
Nghị định này quy định về công tác văn thư theo Nghị định số 30/2020/NĐ-CP.
"""


def test_self_header_is_not_a_reference() -> None:
    out = extract_references(analyze(DECREE))
    me = out["self"]
    assert {k: me[k] for k in ("doc_type", "id", "date", "issuer", "title")} == {
        "doc_type": "nghị định",
        "id": "30/2020/NĐ-CP",
        "date": "2020-03-05",
        "issuer": "Chính phủ",
        "title": "Về công tác văn thư",
    }
    assert [r["id"] or r["name"] for r in out["references"]] == [
        "Luật Tổ chức Chính phủ",
        "110/2004/NĐ-CP",
    ]
    assert out["references"][0]["date"] == "2015-06-19"
    assert {"type": "căn cứ", "source": "30/2020/NĐ-CP", "target": "110/2004/NĐ-CP"} in out[
        "relations"
    ]


SELF_CASES = [
    (
        "QUỐC HỘI\n\nLuật số: 109/2025/QH15\n\nLUẬT\n\nTHUẾ THU NHẬP CÁ NHÂN\n\nCăn cứ Hiến pháp;",
        {"id": "109/2025/QH15", "doc_type": "luật", "issuer": "Quốc hội"},
    ),
    (
        "BỘ NỘI VỤ\nSố: 27/2025/TT-BNV\nHà Nội, ngày 30 tháng 12 năm 2025\nTHÔNG TƯ\nQuy định về",
        {
            "id": "27/2025/TT-BNV",
            "doc_type": "thông tư",
            "date": "2025-12-30",
            "issuer": "Bộ Nội vụ",
        },
    ),
    (
        "ÁN LỆ SỐ 43/2021/AL1\nVề hiệu lực của hợp đồng thế chấp\nĐược Hội đồng Thẩm phán Tòa án "
        "nhân dân tối cao thông qua ngày 24\ntháng 02 năm 2021",
        {"id": "43/2021/AL", "doc_type": "án lệ", "date": "2021-02-24"},
    ),
    (
        "TỈNH ỦY QUẢNG TRỊ\nSố 05-CT/TU\nQuảng Trị, ngày 07 tháng 5 năm 2021\nCHỈ THỊ\nVề đẩy mạnh",
        {"id": "05-CT/TU", "doc_type": "chỉ thị", "date": "2021-05-07"},
    ),
    (
        "| CHÍNH PHỦ _______  Số: 30/2020/NĐ-CP | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Hà Nội, ngày "
        "05 tháng 3 năm 2020 |",
        {"id": "30/2020/NĐ-CP", "date": "2020-03-05"},
    ),
]


# One plural type word before a list of titles names one law per title.
LAW_LIST_CASES = [
    (
        "Quốc hội đã thông qua các Luật: Đất đai, Nhà ở và Kinh doanh bất động sản.",
        ["Luật Đất đai", "Luật Nhà ở", "Luật Kinh doanh bất động sản"],
    ),
    (
        "Sửa đổi các Luật công chức, viên chức và Luật Giáo dục.",
        ["Luật công chức", "Luật viên chức", "Luật Giáo dục"],
    ),
    ("Các luật có liên quan được sửa đổi.", []),
    ("Thực hiện các luật về đất đai.", []),
]


@pytest.mark.parametrize(("text", "names"), LAW_LIST_CASES)
def test_plural_law_list_names_each_law(text: str, names: list[str]) -> None:
    assert [r["name"] for r in refs(text)] == names


# An amending law cites every law it amends.
def test_amending_law_cites_each_law_it_amends() -> None:
    text = (
        "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Cán bộ, công chức và Luật Viên chức "
        "ngày 25 tháng 11 năm 2019;"
    )
    names = [r["name"] for r in refs(text)]
    assert names == [
        "Luật sửa đổi, bổ sung một số điều của Luật Cán bộ, công chức và Luật Viên chức",
        "Luật Cán bộ, công chức",
        "Luật Viên chức",
    ]
    assert [r["name"] for r in refs("Luật Cán bộ, công chức và Luật Viên chức quy định")] == [
        "Luật Cán bộ, công chức",
        "Luật Viên chức",
    ]


# A document named right after a numbered one's date, issuer and "về" is its title.
TITLE_CASES = [
    (
        "thực hiện Nghị quyết số 36-NQ/TW ngày 22/10/2018 của Ban Chấp hành Trung ương Đảng khóa "
        "XII về Chiến lược phát triển bền vững kinh tế biển Việt Nam đến năm 2030 và Chương trình",
        ["36-NQ/TW"],
    ),
    (
        "quán triệt Kết luận 123-KL/TW ngày 24/01/2025 về Đề án bổ sung phát triển kinh tế - xã "
        "hội năm 2025 với mục tiêu tăng trưởng",
        ["123-KL/TW"],
    ),
    # a sentence later, the named document stands on its own
    (
        "Tỉnh thực hiện Kết luận 123-KL/TW. Tỉnh ủy đã bàn về Đề án phát triển du lịch biển đảo "
        "Vân Đồn - Cô Tô trong quý IV.",
        ["123-KL/TW", "Đề án phát triển du lịch biển đảo Vân Đồn - Cô Tô"],
    ),
]


# A named resolution followed by its number in parentheses is one document; a list of
# numbers in the parentheses names several.
TITLE_CASES += [
    (
        "quán triệt Nghị quyết Hội nghị Trung ương 5 khóa XIII (Nghị quyết số 21-NQ/TW ngày "
        "16/6/2022) về tổ chức cơ sở đảng",
        ["21-NQ/TW"],
    ),
    (
        "thực hiện Nghị quyết Trung ương 6 khóa XII (Nghị quyết 18-NQ/TW, 19-NQ/TW) về bộ máy",
        ["Nghị quyết Trung ương 6 khóa XII", "18-NQ/TW", "19-NQ/TW"],
    ),
]


# A headline naming a document by type and subject is the numbered one whose title holds
# that subject; with two candidates it stays on its own.
TITLE_CASES += [
    (
        "Bộ Chính trị ban hành Kết luận về tiếp tục sắp xếp tổ chức bộ máy\nThường trực Ban Bí "
        "thư đã ký Kết luận số 74-KL/TW ngày 28/2/2024 về tiếp tục thực hiện Nghị quyết Trung ương"
        " 6 khóa XII về đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị.",
        ["74-KL/TW", "Nghị quyết Trung ương 6 khóa XII"],
    ),
    (
        "Tỉnh ủy ban hành Kết luận về phát triển du lịch biển. Kết luận số 12-KL/TU về phát "
        "triển nông nghiệp.",
        ["Kết luận về phát triển du lịch biển", "12-KL/TU"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), TITLE_CASES)
def test_named_title_of_a_numbered_document_is_not_another(text: str, expected: list) -> None:
    assert [r["id"] or r["name"] for r in refs(text)] == expected


SELF_CASES.append(
    # a court judgment's header: "Bản án số: ..." under the national motto
    (
        "TÒA ÁN NHÂN DÂN TỈNH BÌNH DƯƠNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - "
        "Hạnh phúc\nBản án số: 12/2019/DS-PT\nNgày: 18-3-2019\nV/v tranh chấp hợp đồng vay",
        {"id": "12/2019/DS-PT", "doc_type": "bản án", "date": "2019-03-18"},
    )
)


def test_typed_number_in_running_text_is_not_a_header() -> None:
    out = extract_references(analyze("Nghị quyết số: 21-NQ/TW của Ban Chấp hành Trung ương"))
    assert out["self"] is None
    assert [r["id"] for r in out["references"]] == ["21-NQ/TW"]


@pytest.mark.parametrize(("text", "expected"), SELF_CASES)
def test_self(text: str, expected: dict[str, Any]) -> None:
    out = extract_references(analyze(text))
    assert out["self"] is not None
    for key, value in expected.items():
        assert out["self"][key] == value
    assert expected["id"] not in [r["id"] for r in out["references"]]


def test_news_reprinting_a_document_with_its_header_references_it() -> None:
    text = (
        "Ngày 16/6/2022, Tổng Bí thư ký ban hành Nghị quyết số 21-NQ/TW về tăng cường củng cố "
        "tổ chức cơ sở đảng. Toàn văn Nghị quyết:\nBAN CHẤP HÀNH TRUNG ƯƠNG\nSố 21-NQ/TW\n"
        "Hà Nội, ngày 16 tháng 6 năm 2022\nNGHỊ QUYẾT\nvề tăng cường củng cố\n"
    )
    out = extract_references(analyze(text))
    assert out["self"]["id"] == "21-NQ/TW"
    assert [(r["id"], r["date"]) for r in out["references"]] == [("21-NQ/TW", "2022-06-16")]


def test_annex_heading_is_not_a_reference() -> None:
    text = DECREE + "\nPhụ lục I\n(Kèm theo Nghị định số 30/2020/NĐ-CP ngày 05/3/2020)\n"
    ids = [r["id"] for r in extract_references(analyze(text))["references"]]
    assert "30/2020/NĐ-CP" not in ids


def test_news_reporting_a_document_references_it() -> None:
    out = extract_references(
        analyze(
            "Chính phủ vừa ban hành Nghị định số 30/2020/NĐ-CP ngày 5/3/2020 về công tác văn thư."
        )
    )
    assert out["self"] is None
    assert out["references"][0]["id"] == "30/2020/NĐ-CP"


# --- the dev set: every gold id found with its date -------------------------------------------

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "dev"


@pytest.mark.skipif(not (SHARED / "docs" / "seed-quangtri.txt").exists(), reason="no dev set")
def test_seed_document_matches_gold() -> None:
    gold = json.loads((SHARED / "gold" / "seed-quangtri.gold.json").read_text(encoding="utf-8"))
    text = (SHARED / "docs" / "seed-quangtri.txt").read_text(encoding="utf-8")
    found = {r["id"]: r for r in refs(text) if r["id"]}
    for g in gold["references"]:
        if g.get("id"):
            assert g["id"] in found, g["id"]
            if g.get("date"):
                assert found[g["id"]]["date"] == g["date"], g["id"]
    names = {r["name"].lower() for r in refs(text) if not r["id"]}
    for g in gold["references"]:
        if not g.get("id"):
            assert g["name"].lower() in names, g["name"]


# --- titles and issuers of numbered references end where the title ends --------------------

# Each row: a numbered reference whose title runs on into the sentence (a clause of purpose or
# consequence, the signer, a second verb phrase) and the title and issuer it must keep.
RUN_ON_TITLE_CASES = [
    (
        "Nghị định số 59/2011/NĐ-CP của Chính phủ về chuyển doanh nghiệp 100% vốn nhà nước thành "
        "công ty cổ phần để các đơn vị thực hiện cho đỡ rắc rối nên tiến độ chậm.",
        {
            "title": "chuyển doanh nghiệp 100% vốn nhà nước thành công ty cổ phần",
            "issuer": "Chính phủ",
        },
    ),
    (
        "Quyết định số 1460/QĐ-TTg của Thủ tướng Chính phủ do Phó Thủ tướng Trần Hồng Hà ký ngày "
        "12/8/2023 về phê duyệt quy hoạch tổng thể, nhằm tạo động lực phát triển vùng.",
        {
            "title": "phê duyệt quy hoạch tổng thể",
            "issuer": "Thủ tướng Chính phủ",
            "date": "2023-08-12",
        },
    ),
    (
        "Chỉ thị số 15-CT/TU ngày 3/4/2023 của Ban Thường vụ Tỉnh ủy về tăng cường công tác phòng "
        "cháy, chữa cháy thì các địa phương phải rà soát ngay.",
        {"title": "tăng cường công tác phòng cháy, chữa cháy", "date": "2023-04-03"},
    ),
    (
        "Thông tư số 22/2021/TT-BGDĐT về đánh giá học sinh trung học đã giúp giáo viên chủ động.",
        {"title": "đánh giá học sinh trung học"},
    ),
    (
        "Nghị quyết số 43/2022/QH15 về chính sách tài khóa, tiền tệ hỗ trợ phục hồi kinh tế là cơ "
        "sở để các bộ triển khai.",
        {"title": "chính sách tài khóa, tiền tệ hỗ trợ phục hồi kinh tế"},
    ),
    (
        "Kết luận số 12-KL/TW của Bộ Chính trị về công tác người Việt Nam ở nước ngoài nhằm huy "
        "động nguồn lực kiều bào.",
        {"title": "công tác người Việt Nam ở nước ngoài", "issuer": "Bộ Chính trị"},
    ),
    (
        "Quyết định số 45/QĐ-UBND về phê duyệt đề án phát triển du lịch do Phó Chủ tịch UBND tỉnh "
        "Lê Văn Bình ký đã tạo điều kiện cho doanh nghiệp.",
        {"title": "phê duyệt đề án phát triển du lịch"},
    ),
    (
        "Thông tư số 01/2020/TT-BTC hướng dẫn quản lý tài chính đối với quỹ, trong đó quy định rõ "
        "mức chi.",
        {"title": "quản lý tài chính đối với quỹ"},
    ),
    (
        "Chỉ thị số 05-CT/TW của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, "
        "phong cách Hồ Chí Minh vẫn được các cấp ủy quan tâm.",
        {
            "title": "đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
            "issuer": "Bộ Chính trị",
        },
    ),
    (
        "Nghị định số 15/2020/NĐ-CP quy định xử phạt vi phạm hành chính trong lĩnh vực bưu chính, "
        "viễn thông sẽ được thay thế.",
        {"title": "xử phạt vi phạm hành chính trong lĩnh vực bưu chính, viễn thông"},
    ),
    (
        "Nghị quyết số 18-NQ/TW về tiếp tục đổi mới, sắp xếp tổ chức bộ máy nên nhiều địa phương "
        "đã giảm đầu mối.",
        {"title": "tiếp tục đổi mới, sắp xếp tổ chức bộ máy"},
    ),
    (
        "Kế hoạch số 100-KH/TU về tổ chức đại hội đảng bộ các cấp, nhằm chuẩn bị tốt nhân sự.",
        {"title": "tổ chức đại hội đảng bộ các cấp"},
    ),
    (
        "Nghị định số 100/2019/NĐ-CP quy định xử phạt vi phạm hành chính trong lĩnh vực giao "
        "thông đường bộ và đường sắt có hiệu lực từ ngày 1/1/2020.",
        {"title": "xử phạt vi phạm hành chính trong lĩnh vực giao thông đường bộ và đường sắt"},
    ),
    (
        "Chỉ thị số 31/CT-TTg ngày 5/6/2019 của Thủ tướng Chính phủ do ông Nguyễn Văn An ký về "
        "chấn chỉnh hoạt động kiểm tra chuyên ngành.",
        {
            "title": "chấn chỉnh hoạt động kiểm tra chuyên ngành",
            "issuer": "Thủ tướng Chính phủ",
            "date": "2019-06-05",
        },
    ),
    # what belongs to a title stays: a purpose after a noun of means, a cause, "không được"
    (
        "Nghị quyết số 11/NQ-CP về các giải pháp nhằm kiềm chế lạm phát, ổn định kinh tế vĩ mô.",
        {"title": "các giải pháp nhằm kiềm chế lạm phát, ổn định kinh tế vĩ mô"},
    ),
    (
        "Nghị quyết số 68/NQ-CP về chính sách hỗ trợ người lao động gặp khó khăn do đại dịch "
        "COVID-19.",
        {"title": "chính sách hỗ trợ người lao động gặp khó khăn do đại dịch COVID-19"},
    ),
    (
        "Quy định số 37-QĐi/TW về những điều đảng viên không được làm.",
        {"title": "những điều đảng viên không được làm"},
    ),
    (
        "Thông tư số 09/2022/TT-BYT hướng dẫn biện pháp để phòng bệnh dại.",
        {"title": "biện pháp để phòng bệnh dại"},
    ),
    (
        "Quyết định số 88/QĐ-UBND về “Đề án hỗ trợ nông dân để phát triển sản xuất” được triển "
        "khai.",
        {"title": "Đề án hỗ trợ nông dân để phát triển sản xuất"},
    ),
]

RUN_ON_ISSUER_CASES = [
    (
        "Quyết định số 1234/QĐ-TTg của Thủ tướng Chính phủ do Phó Thủ tướng Lê Văn Thành ký.",
        "Thủ tướng Chính phủ",
    ),
    (
        "Chỉ thị số 08/CT-UBND của Ủy ban nhân dân tỉnh nên các huyện phải thực hiện.",
        "Ủy ban nhân dân tỉnh",
    ),
    (
        "Kế hoạch số 12-KH/HU của Ban Thường vụ Huyện ủy vừa ban hành đã nêu.",
        "Ban Thường vụ Huyện ủy",
    ),
    ("Công văn số 456/UBND-VX của UBND huyện cũng yêu cầu các xã báo cáo.", "UBND huyện"),
    (
        "Quyết định số 77/QĐ-BCĐ của Ban Chỉ đạo Trung ương về phòng, chống tham nhũng.",
        "Ban Chỉ đạo Trung ương",
    ),
    ("Thông báo số 20-TB/TW của Ban Bí thư khi sơ kết đã chỉ rõ.", "Ban Bí thư"),
    (
        "Quyết định số 11/QĐ-HĐND của Thường trực HĐND tỉnh sẽ được thay thế.",
        "Thường trực HĐND tỉnh",
    ),
    ("Nghị quyết số 01/NQ-CP của Chính phủ mà các bộ phải thực hiện.", "Chính phủ"),
    (
        "Hướng dẫn số 03-HD/BTGTW của Ban Tuyên giáo Trung ương nhấn mạnh yêu cầu.",
        "Ban Tuyên giáo Trung ương",
    ),
]


@pytest.mark.parametrize(("text", "expected"), RUN_ON_TITLE_CASES)
def test_title_of_a_numbered_reference_ends_where_the_title_ends(
    text: str, expected: dict[str, Any]
) -> None:
    got = refs(text)[0]
    assert {k: got[k] for k in expected} == expected


@pytest.mark.parametrize(("text", "issuer"), RUN_ON_ISSUER_CASES)
def test_issuer_ends_where_the_name_ends(text: str, issuer: str) -> None:
    assert refs(text)[0]["issuer"] == issuer
