"""Relations a document states of itself and of others, in the styles of laws, decrees,
circulars, provincial decisions and Party documents (texts written for these tests)."""

from __future__ import annotations

from typing import Any

import pytest

from vnpolicy.extractors.references import extract_references
from vnpolicy.nlp import analyze

# --- one header per style: (header text, own id, own date, "X này", two older texts, a law) --

STYLES: dict[str, dict[str, str]] = {
    "luật": {
        "header": "QUỐC HỘI\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Luật số: 58/2024/QH15\nHà Nội, ngày 29 tháng 11 năm 2024\nLUẬT\nĐẤU THẦU\n"
        "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\n"
        "Quốc hội ban hành Luật Đấu thầu.\nChương I\nNHỮNG QUY ĐỊNH CHUNG\n"
        "Điều 1. Phạm vi điều chỉnh\nLuật này quy định về đấu thầu.\n",
        "id": "58/2024/QH15",
        "date": "2024-11-29",
        "this": "Luật này",
        "old1": ("Luật Đấu thầu số 43/2013/QH13", "43/2013/QH13"),
        "old2": ("Luật số 03/2022/QH15", "03/2022/QH15"),
        "law": ("Luật Giá số 16/2023/QH15", "16/2023/QH15"),
    },
    "nghị định": {
        "header": "CHÍNH PHỦ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 52/2024/NĐ-CP\nHà Nội, ngày 15 tháng 5 năm 2024\nNGHỊ ĐỊNH\n"
        "Quy định về thanh toán không dùng tiền mặt\n"
        "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;\n"
        "Theo đề nghị của Thống đốc Ngân hàng Nhà nước Việt Nam;\n"
        "Chính phủ ban hành Nghị định quy định về thanh toán không dùng tiền mặt.\n"
        "Điều 1. Phạm vi điều chỉnh\nNghị định này quy định về thanh toán.\n",
        "id": "52/2024/NĐ-CP",
        "date": "2024-05-15",
        "this": "Nghị định này",
        "old1": ("Nghị định số 101/2012/NĐ-CP", "101/2012/NĐ-CP"),
        "old2": ("Nghị định số 80/2016/NĐ-CP", "80/2016/NĐ-CP"),
        "law": ("Luật Các tổ chức tín dụng số 32/2024/QH15", "32/2024/QH15"),
    },
    "thông tư": {
        "header": "NGÂN HÀNG NHÀ NƯỚC VIỆT NAM\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nSố: 15/2024/TT-NHNN\nHà Nội, ngày 28 tháng 6 năm 2024\n"
        "THÔNG TƯ\nQuy định về dịch vụ thanh toán\n"
        "Căn cứ Luật Ngân hàng Nhà nước Việt Nam ngày 16 tháng 6 năm 2010;\n"
        "Thống đốc Ngân hàng Nhà nước Việt Nam ban hành Thông tư quy định về dịch vụ thanh "
        "toán.\nĐiều 1. Phạm vi điều chỉnh\nThông tư này quy định về dịch vụ thanh toán.\n",
        "id": "15/2024/TT-NHNN",
        "date": "2024-06-28",
        "this": "Thông tư này",
        "old1": ("Thông tư số 46/2014/TT-NHNN", "46/2014/TT-NHNN"),
        "old2": ("Thông tư số 30/2016/TT-NHNN", "30/2016/TT-NHNN"),
        "law": ("Nghị định số 52/2024/NĐ-CP", "52/2024/NĐ-CP"),
    },
    "quyết định": {
        "header": "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nSố: 25/2024/QĐ-UBND\nQuảng Trị, ngày 10 tháng 9 năm 2024\n"
        "QUYẾT ĐỊNH\nBan hành Quy định quản lý chợ trên địa bàn tỉnh\n"
        "ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n"
        "Theo đề nghị của Giám đốc Sở Công Thương.\nQUYẾT ĐỊNH:\n"
        "Điều 1. Ban hành kèm theo Quyết định này Quy định quản lý chợ.\n",
        "id": "25/2024/QĐ-UBND",
        "date": "2024-09-10",
        "this": "Quyết định này",
        "old1": ("Quyết định số 12/2019/QĐ-UBND", "12/2019/QĐ-UBND"),
        "old2": ("Quyết định số 05/2021/QĐ-UBND", "05/2021/QĐ-UBND"),
        "law": ("Nghị định số 60/2024/NĐ-CP", "60/2024/NĐ-CP"),
    },
    "chỉ thị": {
        "header": "TỈNH ỦY QUẢNG TRỊ\n*\nSố 12-CT/TU\nĐẢNG CỘNG SẢN VIỆT NAM\n"
        "Quảng Trị, ngày 15 tháng 3 năm 2023\nCHỈ THỊ\nCỦA BAN THƯỜNG VỤ TỈNH ỦY\n"
        "về tăng cường công tác phát triển đảng viên\n"
        "Thời gian qua, công tác phát triển đảng viên đạt nhiều kết quả.\n"
        "1. Các cấp ủy quán triệt sâu sắc mục tiêu phát triển đảng viên.\n",
        "id": "12-CT/TU",
        "date": "2023-03-15",
        "this": "Chỉ thị này",
        "old1": ("Chỉ thị số 05-CT/TU", "05-CT/TU"),
        "old2": ("Chỉ thị số 21-CT/TU", "21-CT/TU"),
        "law": ("Quy định số 29-QĐ/TW", "29-QĐ/TW"),
    },
}

# (template, expected relations (subset of fields), relations that must not be there)
TEMPLATES: list[tuple[str, list[dict[str, Any]], list[tuple[str, str]]]] = [
    (
        "{This} có hiệu lực thi hành từ ngày 01 tháng 7 năm 2025 và thay thế {old1} ngày 22 "
        "tháng 11 năm 2012.",
        [{"type": "thay thế", "target": "old1", "effective": "2025-07-01"}],
        [],
    ),
    (
        "{This} thay thế cho {old1} ngày 22 tháng 11 năm 2012 và {old2} ngày 01 tháng 7 năm 2016.",
        [{"type": "thay thế", "target": "old1"}, {"type": "thay thế", "target": "old2"}],
        [],
    ),
    (
        "{This} có hiệu lực kể từ ngày ký và bãi bỏ Điều 3 của {old2}.",
        [{"type": "bãi bỏ", "target": "old2", "scope": "Điều 3", "effective": "self"}],
        [],
    ),
    (
        "2. Bãi bỏ Điều 16, Điều 17, Điều 18 {old1}.",
        [{"type": "bãi bỏ", "target": "old1", "scope": "Điều 16, Điều 17, Điều 18"}],
        [],
    ),
    (
        "1. {This} có hiệu lực từ ngày 15 tháng 8 năm 2025.\n2. {old1} ngày 22 tháng 11 năm "
        "2012 hết hiệu lực kể từ ngày {this} có hiệu lực.",
        [{"type": "hết hiệu lực", "target": "old1", "effective": "2025-08-15"}],
        [],
    ),
    (
        "Kể từ ngày {this} có hiệu lực thi hành, {old1} hết hiệu lực.",
        [{"type": "hết hiệu lực", "target": "old1"}],
        [],
    ),
    (
        "{old1} bị bãi bỏ kể từ ngày 01 tháng 01 năm 2026.",
        [{"type": "bãi bỏ", "target": "old1", "effective": "2026-01-01"}],
        [],
    ),
    (
        "{This} sửa đổi, bổ sung một số điều của {old1}.",
        [{"type": "sửa đổi, bổ sung", "target": "old1", "scope": "một số điều"}],
        [],
    ),
    (
        "Điều 2. Sửa đổi, bổ sung, bãi bỏ một số điều của {old1}\n1. Sửa đổi khoản 2 Điều 5 "
        "như sau:",
        [
            {"type": "sửa đổi, bổ sung", "target": "old1", "scope": "một số điều"},
            {"type": "bãi bỏ", "target": "old1", "scope": "một số điều"},
        ],
        [],
    ),
    (
        "Điều 5. Thay thế một số Phụ lục kèm theo {old1}\n1. Thay thế Phụ lục 01.",
        [{"type": "thay thế", "target": "old1", "scope": "một số Phụ lục"}],
        [],
    ),
    (
        "3. Thay thế Phụ lục II ban hành kèm theo {old2} bằng Phụ lục ban hành kèm theo {this}.",
        [{"type": "thay thế", "target": "old2", "scope": "Phụ lục II"}],
        [],
    ),
    (
        "{This} quy định chi tiết khoản 3 Điều 14 và Điều 25 của {law}.",
        [{"type": "hướng dẫn", "target": "law", "scope": "khoản 3 Điều 14 và Điều 25"}],
        [],
    ),
    ("4. Đình chỉ việc thi hành {old2}.", [{"type": "đình chỉ", "target": "old2"}], []),
    ("Bãi bỏ toàn bộ {old1}.", [{"type": "bãi bỏ", "target": "old1", "scope": None}], []),
    (
        "{This} thay thế {old1} ngày 22 tháng 11 năm 2012 và bãi bỏ {old2}.",
        [{"type": "thay thế", "target": "old1"}, {"type": "bãi bỏ", "target": "old2"}],
        [("bãi bỏ", "old1"), ("thay thế", "old2")],
    ),
    (
        "Điều 3. Sửa đổi khoản 2 Điều 3 như sau:\n“2. {This} thay thế {old2}.”",
        [],
        [("thay thế", "old2")],
    ),
    (
        "{This} thay thế {old1} ngày 22 tháng 11 năm 2012 quy định chi tiết một số điều của {law}.",
        [{"type": "thay thế", "target": "old1"}],
        [("thay thế", "law"), ("hướng dẫn", "law")],
    ),
    ("{old1} đã hết hiệu lực từ năm 2020.", [], [("hết hiệu lực", "old1")]),
    (
        "Các sở, ngành tổ chức thực hiện {old1} và báo cáo kết quả.",
        [],
        [("thực hiện", "old1")],
    ),
    ("5. Hủy bỏ {old2}.", [{"type": "bãi bỏ", "target": "old2"}], []),
]


def _relations(text: str) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
    out = extract_references(analyze(text))
    return out["relations"], out["self"]


def _cases() -> list[Any]:
    cases = []
    for style in STYLES:
        for n, (template, expected, absent) in enumerate(TEMPLATES):
            cases.append(pytest.param(style, template, expected, absent, id=f"{style}-{n}"))
    return cases


def _fill(template: str, info: dict[str, Any]) -> str:
    this = info["this"]
    return template.format(
        This=this,
        this=this[0].lower() + this[1:],
        old1=info["old1"][0],
        old2=info["old2"][0],
        law=info["law"][0],
    )


@pytest.mark.parametrize(("style", "template", "expected", "absent"), _cases())
def test_relation_of_the_document_itself(
    style: str, template: str, expected: list[dict], absent: list[tuple[str, str]]
) -> None:
    info = STYLES[style]
    relations, me = _relations(info["header"] + _fill(template, info) + "\n")
    assert me is not None and me["id"] == info["id"]
    ids = {"old1": info["old1"][1], "old2": info["old2"][1], "law": info["law"][1]}
    for want in expected:
        target = ids[want["target"]]
        found = [
            r
            for r in relations
            if (r["type"], r["source"], r["target"]) == (want["type"], info["id"], target)
        ]
        assert found, (want, relations)
        if "scope" in want:
            assert found[0].get("scope") == want["scope"], found
        if "effective" in want:
            date = info["date"] if want["effective"] == "self" else want["effective"]
            assert found[0].get("effective") == date, found
    for kind, name in absent:
        unwanted = (kind, info["id"], ids[name])
        assert not [r for r in relations if (r["type"], r["source"], r["target"]) == unwanted], (
            relations
        )


# --- titles, preambles, appendices ------------------------------------------------------------

AMENDING_DECREE = (
    "CHÍNH PHỦ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "Số: 16/2024/NĐ-CP\nHà Nội, ngày 16 tháng 02 năm 2024\nNGHỊ ĐỊNH\n"
    "Sửa đổi, bổ sung một số điều của Nghị định số 135/2015/NĐ-CP ngày 31 tháng 12 năm 2015 "
    "của Chính phủ quy định về đầu tư ra nước ngoài\n\n"
    "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số "
    "điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 "
    "năm 2019;\n"
    "Căn cứ Luật Đầu tư số 61/2020/QH14 được sửa đổi, bổ sung bởi Luật số 03/2022/QH15;\n"
    "Căn cứ Nghị định số 15/2018/NĐ-CP ngày 02 tháng 02 năm 2018 của Chính phủ quy định chi "
    "tiết thi hành một số điều của Luật An toàn thực phẩm;\n"
    "Theo đề nghị của Bộ trưởng Bộ Kế hoạch và Đầu tư;\n"
    "Chính phủ ban hành Nghị định sửa đổi, bổ sung một số điều của Nghị định số "
    "135/2015/NĐ-CP.\n"
    "Điều 1. Sửa đổi, bổ sung một số điều của Nghị định số 135/2015/NĐ-CP\n"
    "1. Sửa đổi khoản 2 Điều 3 như sau:\n“2. Nghị định này thay thế Nghị định số "
    "121/2007/NĐ-CP.”\n"
    "Điều 2. Hiệu lực thi hành\nNghị định này có hiệu lực từ ngày 01 tháng 4 năm 2024.\n"
    "PHỤ LỤC\nMẫu số 01\nCăn cứ Thông tư số 34/2024/TT-NHNN ngày 30 tháng 6 năm 2024;\n"
    "Quyết định này thay thế Quyết định số 99/QĐ-UBND.\n"
)


def _triples(text: str) -> set[tuple[str, str | None, str]]:
    return {(r["type"], r["source"], r["target"]) for r in _relations(text)[0]}


def test_title_verb_acts_on_the_title_s_document_not_the_first_ground() -> None:
    found = _triples(AMENDING_DECREE)
    assert ("sửa đổi, bổ sung", "16/2024/NĐ-CP", "135/2015/NĐ-CP") in found
    assert not [t for t in found if t[0] == "sửa đổi, bổ sung" and "Tổ chức Chính phủ" in t[2]]


def test_grounds_are_the_documents_the_preamble_names() -> None:
    found = {t[2] for t in _triples(AMENDING_DECREE) if t[0] == "căn cứ"}
    assert {"76/2015/QH13", "61/2020/QH14", "03/2022/QH15", "15/2018/NĐ-CP"} <= found
    assert "Luật An toàn thực phẩm" not in found  # described by the Nghị định, not named


def test_form_templates_and_quoted_wording_state_nothing_of_the_document() -> None:
    found = _triples(AMENDING_DECREE)
    assert not [t for t in found if t[2] in {"34/2024/TT-NHNN", "99/QĐ-UBND", "121/2007/NĐ-CP"}]


def test_own_effective_date() -> None:
    assert _relations(AMENDING_DECREE)[1]["effective"] == "2024-04-01"


def test_uppercase_title_with_scope() -> None:
    text = AMENDING_DECREE.replace(
        "Sửa đổi, bổ sung một số điều của Nghị định số 135/2015/NĐ-CP ngày 31 tháng 12 năm 2015 "
        "của Chính phủ quy định về đầu tư ra nước ngoài",
        "SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA NGHỊ ĐỊNH SỐ 135/2015/NĐ-CP",
    )
    (rel,) = [r for r in _relations(text)[0] if r["target"] == "135/2015/NĐ-CP"]
    assert rel["type"] == "sửa đổi, bổ sung" and rel["scope"] == "MỘT SỐ ĐIỀU"


PARTY_PLAN = (
    "TỈNH ỦY QUẢNG TRỊ\n*\nSố 45-KH/TU\nĐẢNG CỘNG SẢN VIỆT NAM\n"
    "Quảng Trị, ngày 02 tháng 12 năm 2022\nKẾ HOẠCH\n"
    "thực hiện Nghị quyết số 21-NQ/TW ngày 16/6/2022 của Ban Chấp hành Trung ương Đảng khóa "
    "XIII về tăng cường củng cố, xây dựng tổ chức cơ sở đảng\n\n"
    "Thực hiện Kết luận số 12-KL/TW ngày 06/4/2022 của Bộ Chính trị; căn cứ tình hình thực tế "
    "của tỉnh, Ban Thường vụ Tỉnh ủy xây dựng Kế hoạch thực hiện như sau:\n"
    "I. MỤC ĐÍCH, YÊU CẦU\n1. Quán triệt sâu sắc nội dung Nghị quyết.\n"
    "III. TỔ CHỨC THỰC HIỆN\nKế hoạch này thay thế Kế hoạch số 30-KH/TU ngày 05/01/2021 của "
    "Ban Thường vụ Tỉnh ủy.\n"
)


def test_party_plan_carries_out_the_resolution_its_title_names() -> None:
    found = _triples(PARTY_PLAN)
    assert ("thực hiện", "45-KH/TU", "21-NQ/TW") in found
    assert ("thực hiện", "45-KH/TU", "12-KL/TW") in found
    assert ("thay thế", "45-KH/TU", "30-KH/TU") in found


def test_news_report_keeps_the_decree_as_subject() -> None:
    text = (
        "Chính phủ ban hành Nghị định số 168/2024/NĐ-CP ngày 26/12/2024 quy định xử phạt vi "
        "phạm hành chính về trật tự, an toàn giao thông. Nghị định này thay thế Nghị định số "
        "100/2019/NĐ-CP."
    )
    relations, me = _relations(text)
    assert me is None
    assert {"type": "thay thế", "source": "168/2024/NĐ-CP", "target": "100/2019/NĐ-CP"} in (
        relations
    )


def test_news_bare_verb_states_nothing_of_the_article() -> None:
    text = "Bãi bỏ Nghị định số 100/2019/NĐ-CP là đề xuất của nhiều đại biểu."
    assert _relations(text)[0] == []


def test_official_document_without_number_is_its_own_subject() -> None:
    text = (
        "ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nQUYẾT ĐỊNH\nVề quản lý chợ\nĐiều 1. Ban hành.\n"
        "Điều 2. Quyết định này thay thế Quyết định số 12/2019/QĐ-UBND.\n"
    )
    assert {"type": "thay thế", "source": None, "target": "12/2019/QĐ-UBND"} in _relations(text)[0]


def test_consolidated_text_speaks_for_its_base_document() -> None:
    text = (
        "BỘ TÀI CHÍNH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 49/2018/NĐ-CP\nHà Nội, ngày 30 tháng 3 năm 2018\nNGHỊ ĐỊNH\n"
        "Quy định về kiểm định\nĐiều 1. Phạm vi\n"
        "Điều 9. Nghị định này thay thế Nghị định số 45/2010/NĐ-CP.\n"
        "XÁC THỰC VĂN BẢN HỢP NHẤT\nBỘ TRƯỞNG\nSố: 12/VBHN-BTC\n"
        "Hà Nội, ngày 20 tháng 5 năm 2021\n"
    )
    relations, me = _relations(text)
    assert (me["id"], me["doc_type"], me["base"]) == (
        "12/VBHN-BTC",
        "văn bản hợp nhất",
        "49/2018/NĐ-CP",
    )
    assert {"type": "thay thế", "source": "49/2018/NĐ-CP", "target": "45/2010/NĐ-CP"} in relations


def test_pairwise_relations_stay() -> None:
    text = "Thông tư số 05/2021/TT-BNV hướng dẫn Nghị định số 30/2020/NĐ-CP về công tác văn thư."
    assert {"type": "hướng dẫn", "source": "05/2021/TT-BNV", "target": "30/2020/NĐ-CP"} in (
        _relations(text)[0]
    )
