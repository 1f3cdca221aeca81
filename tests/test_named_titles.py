"""Titles of documents cited by name: the registry (data), its spaCy matcher, and the title
grammar, as tables of text -> exact title. Each title is tried with the continuations a
sentence gives it; negatives sit beside the positives."""

from __future__ import annotations

import json
import re
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vnpolicy.extractors.reference_named import find_named_mentions
from vnpolicy.extractors.title_registry import (
    default_registry,
    find_registered_titles,
    load_registry,
)
from vnpolicy.nlp import analyze

DATA = json.loads(
    (resources.files("vnpolicy.extractors") / "data" / "document_titles.json").read_text("utf-8")
)


def title_at(text: str, start: int) -> str | None:
    """The name of the longest named mention that starts at `start`."""
    found = [n for n in find_named_mentions(text) if n.start == start]
    return max(found, key=lambda n: n.end).name if found else None


def names(text: str) -> list[str]:
    """Names of the named mentions, longest first at each start, nested ones left out."""
    out, last_end = [], -1
    for n in sorted(find_named_mentions(text), key=lambda n: (n.start, -n.end)):
        if n.start >= last_end:
            out.append(n.name)
            last_end = n.end
    return out


# --- the registry as data ---------------------------------------------------------------------

QH_NUMBER = re.compile(r"^\d{1,3}/(?P<year>(?:19|20)\d\d)/QH(?P<term>\d{1,2})$")
PARTY_NUMBER = re.compile(r"^\d{1,4}-(?:NQ|QĐ|QĐi|KL|CT)/TW$")
# Years each Quốc hội sat (a law of the first months of an election year has the old term).
TERMS = {10: (1997, 2002), 11: (2002, 2007), 12: (2007, 2011), 13: (2011, 2016)}
TERMS |= {14: (2016, 2021), 15: (2021, 2026)}


def test_registry_has_version_fields_and_sources() -> None:
    assert DATA["version"] and set(DATA["fields"]) >= {"type", "title", "number", "date"}
    assert len(DATA["entries"]) >= 250


@pytest.mark.parametrize("entry", [e for e in DATA["entries"] if e["number"]], ids=str)
def test_every_numbered_entry_names_its_source_and_fits_the_official_pattern(entry) -> None:
    assert entry["source"], entry
    assert all(key in DATA["sources"] for key in entry["source"].split()), entry
    m = QH_NUMBER.match(entry["number"])
    if entry["issuer"] in ("Quốc hội", "Ủy ban Thường vụ Quốc hội"):
        assert m, entry
        low, high = TERMS[int(m.group("term"))]
        assert low <= int(m.group("year")) <= high, entry
        if entry["date"]:
            assert entry["date"][:4] == m.group("year"), entry
    else:
        assert PARTY_NUMBER.match(entry["number"]), entry


def test_registry_titles_are_written_without_their_edition() -> None:
    for entry in load_registry():
        assert not re.search(r"\s(?:19|20)\d\d$", entry.title), entry
        assert entry.date is None or re.fullmatch(r"\d{4}-\d\d-\d\d", entry.date), entry


def test_registry_resolves_a_title_with_its_year_only() -> None:
    reg = default_registry()
    assert reg.resolve("Luật Đất đai năm 2013", "luật")["id"] == "45/2013/QH13"
    assert reg.resolve("Luật Đất đai năm 2024", "luật")["id"] == "31/2024/QH15"
    assert reg.resolve("Luật Đất đai", "luật") is None  # two editions, no year
    assert reg.resolve("Luật Đất đai năm 2003", "luật") is None  # not registered


def test_matcher_sets_spans_on_the_doc() -> None:
    doc = analyze("Căn cứ Luật Phòng, chống tác hại của rượu, bia; Luật Thủy lợi.").doc
    found = find_registered_titles(doc)
    assert [m.text for m in found][:1] == ["Luật Phòng, chống tác hại của rượu, bia"]
    assert [s.text for s in doc.spans["registered_titles"]][0].startswith("Luật Phòng")


# --- titles in many contexts -------------------------------------------------------------------

# Registered titles and titles the grammar alone must bound (marked *), none from the dev set.
TITLES = [
    "Luật Phòng, chống tác hại của rượu, bia",
    "Luật Cán bộ, công chức",
    "Luật Trách nhiệm bồi thường của Nhà nước",
    "Luật Nhập cảnh, xuất cảnh, quá cảnh, cư trú của người nước ngoài tại Việt Nam",
    "Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân",
    "Luật Người lao động Việt Nam đi làm việc ở nước ngoài theo hợp đồng",
    "Luật Quản lý, sử dụng vũ khí, vật liệu nổ và công cụ hỗ trợ",
    "Luật Thuế xuất khẩu, thuế nhập khẩu",
    "Luật Khám bệnh, chữa bệnh",
    "Luật Hòa giải, đối thoại tại Tòa án",
    "Luật Đầu tư theo phương thức đối tác công tư",
    "Luật Đường sắt",
    "Luật Thủy lợi",
    "Luật Việc làm",
    "Luật Kế toán",
    "Luật Hôn nhân và gia đình",
    "Luật Thực hiện dân chủ ở cơ sở",
    "Luật Sĩ quan Quân đội nhân dân Việt Nam",
    "Bộ luật Tố tụng hình sự",
    "Bộ luật Hàng hải Việt Nam",
    "Pháp lệnh Ưu đãi người có công với cách mạng",
    "Luật sửa đổi, bổ sung một số điều của Luật Phòng, chống tham nhũng",
    "Luật sửa đổi, bổ sung một số điều của Bộ luật Hình sự",
    # not in the registry: the grammar ends them
    "Luật Bảo vệ, chăm sóc sức khỏe nhân dân",  # *
    "Luật Phòng, chống nhiễm vi rút gây ra hội chứng suy giảm miễn dịch mắc phải ở người",  # *
    "Luật Tổ chức Kiểm toán nhà nước",  # *
    "Luật Giao thông đường thủy nội địa",
    "Pháp lệnh Bảo hộ lao động",  # *
    "Pháp lệnh Chống tham nhũng",
    "Luật Khuyến khích đầu tư trong nước",  # *
]
# (before, after, edition the name keeps)
CONTEXTS = [
    ("Căn cứ ", ";", ""),
    ("Theo ", ", luật này có nhiều điểm mới.", ""),
    ("Theo ", " năm 2013 thì người dân có quyền khiếu nại.", " năm 2013"),
    ("Khi ", " áp dụng trong lĩnh vực này, cần lưu ý.", ""),
    ("thực hiện ", " và các văn bản hướng dẫn thi hành.", ""),
    ("Điều 5 ", " quy định rõ trách nhiệm.", ""),
    ("Quốc hội đã thông qua Luật Thủ đô, ", ", Luật Thanh niên và hai nghị quyết.", ""),
    ("Hôm nay ", " có hiệu lực thi hành.", ""),
    ("vi phạm ", ".", ""),
]


@pytest.mark.parametrize("title", TITLES)
@pytest.mark.parametrize(("before", "after", "edition"), CONTEXTS)
def test_title_found_whole(title: str, before: str, after: str, edition: str) -> None:
    text = before + title + after
    assert title_at(text, len(before)) == title + edition, text


PARTY_CASES = [
    (
        "Quán triệt Nghị quyết Trung ương 4 khóa XII về xây dựng Đảng.",
        "Nghị quyết Trung ương 4 khóa XII",
    ),
    ("Đảng viên phải chấp hành Điều lệ Đảng Cộng sản Việt Nam.", "Điều lệ Đảng Cộng sản Việt Nam"),
    (
        "theo Cương lĩnh xây dựng đất nước trong thời kỳ quá độ lên chủ nghĩa xã hội (bổ sung, "
        "phát triển năm 2011), Đảng",
        "Cương lĩnh xây dựng đất nước trong thời kỳ quá độ lên chủ nghĩa xã hội (bổ sung, phát "
        "triển năm 2011)",
    ),
    (
        "bị kỷ luật vì vi phạm quy định về những điều đảng viên không được làm và quy chế",
        "quy định về những điều đảng viên không được làm",
    ),
    ("Theo Quy định thi hành Điều lệ Đảng, chi bộ họp.", "Quy định thi hành Điều lệ Đảng"),
]


@pytest.mark.parametrize(("text", "name"), PARTY_CASES)
def test_party_document_by_name(text: str, name: str) -> None:
    assert name in names(text), text


EDITION_CASES = [
    ("Theo Luật Việc làm năm 2013, người lao động", "Luật Việc làm năm 2013"),
    ("Bộ luật Lao động 2019 quy định", "Bộ luật Lao động 2019"),
    ("Pháp lệnh Công an xã (năm 2008) quy định", "Pháp lệnh Công an xã (năm 2008)"),
    ("Luật Đất đai (sửa đổi) đang được lấy ý kiến", "Luật Đất đai (sửa đổi)"),
    (
        "Bộ luật Dân sự nước Cộng hòa xã hội chủ nghĩa Việt Nam năm 2005 quy định",
        "Bộ luật Dân sự nước Cộng hòa xã hội chủ nghĩa Việt Nam năm 2005",
    ),
]


@pytest.mark.parametrize(("text", "name"), EDITION_CASES)
def test_edition_stays_with_the_title(text: str, name: str) -> None:
    assert names(text)[0] == name


LIST_CASES = [
    (
        "Kỳ họp đã thông qua Luật Đường sắt, Luật Quản lý ngoại thương, Luật Du lịch, Luật Thủy "
        "lợi và ba nghị quyết.",
        ["Luật Đường sắt", "Luật Quản lý ngoại thương", "Luật Du lịch", "Luật Thủy lợi"],
    ),
    (
        "sửa đổi Luật Doanh nghiệp, Luật Đầu tư công, Luật Kinh doanh bảo hiểm.",
        ["Luật Doanh nghiệp", "Luật Đầu tư công", "Luật Kinh doanh bảo hiểm"],
    ),
    (  # a registered law listed without its type word
        "rà soát Luật Giáo dục, Khám bệnh, chữa bệnh và Luật Dược.",
        ["Luật Giáo dục", "Luật Khám bệnh, chữa bệnh", "Luật Dược"],
    ),
    (
        "Căn cứ Luật Cán bộ, công chức và Luật Viên chức;",
        ["Luật Cán bộ, công chức", "Luật Viên chức"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), LIST_CASES)
def test_each_law_of_a_list(text: str, expected: list[str]) -> None:
    assert names(text) == expected


NEGATIVE_CASES = [
    "Luật sư Trần Văn B tham gia bào chữa.",
    "theo quy định của pháp luật về đất đai",
    "bài viết đăng trên báo Pháp Luật TP.HCM.",
    "Công ước của Liên hợp quốc về Luật biển năm 1982",
    "Luật này có hiệu lực từ ngày 01/7/2025.",
    "sinh viên Đại học Luật Hà Nội",
    "quy trình quy định thi hành các điều lệ",
]


@pytest.mark.parametrize("text", NEGATIVE_CASES)
def test_not_a_title(text: str) -> None:
    assert names(text) == [], text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Luật Kế toán áp dụng trong lĩnh vực kế toán nhà nước", "Luật Kế toán"),
        ("Theo Luật Đường sắt, người dân được bồi thường", "Luật Đường sắt"),
        ("Luật Du lịch sửa đổi có hiệu lực", "Luật Du lịch sửa đổi"),
        ("Pháp lệnh quy định chế độ cấp bậc của sĩ quan (năm 1962); Luật", None),
    ],
)
def test_title_ends_at_the_clause(text: str, name: str | None) -> None:
    expected = name or "Pháp lệnh quy định chế độ cấp bậc của sĩ quan (năm 1962)"
    assert names(text)[0] == expected


# --- property: a registered title is found whole in any such context ----------------------------

REGISTERED_LAWS = sorted(
    {e.title for e in load_registry() if e.type in ("luật", "bộ luật", "pháp lệnh")}
)
FOLLOWERS = [", luật", " năm 2013", " áp dụng", " và các văn bản", ", ", ";", ".", " quy định", ""]
FOLLOWERS += [" được sửa đổi", " có hiệu lực", " (sửa đổi)", " số 12/2020/QH14", " hiện hành"]


@settings(max_examples=150, deadline=None)
@given(
    title=st.sampled_from(REGISTERED_LAWS),
    lead=st.sampled_from(["", "Theo ", "căn cứ ", "vi phạm "]),
    follow=st.sampled_from(FOLLOWERS),
    words=st.lists(st.sampled_from("người dân cán bộ đất nước tỉnh huyện".split()), max_size=4),
)
def test_registered_title_is_found_whole(
    title: str, lead: str, follow: str, words: list[str]
) -> None:
    text = f"{lead}{title}{follow} {' '.join(words)}".rstrip()
    name = title_at(text, len(lead))
    assert name is not None and name.startswith(title), (text, name)
    assert name == title or re.fullmatch(
        r"(?: năm \d{4}| \(sửa đổi\)| sửa đổi)", name[len(title) :]
    )


# --- preamble phrases resolved through the registry (issue 13) -----------------------------------

# Written for these tests in the styles of real preambles ("Căn cứ ..."): a full date, a short
# date, an edition year, and the number given in the text ("số ..."), which needs no registry.
PREAMBLE_CASES = [
    ("Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;", "76/2015/QH13"),
    ("Căn cứ Luật Tổ chức Chính phủ ngày 19/6/2015;", "76/2015/QH13"),
    ("Căn cứ Luật Tổ chức Chính phủ năm 2015;", "76/2015/QH13"),
    ("Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;", "63/2025/QH15"),
    ("Căn cứ Luật Tổ chức Chính phủ năm 2025;", "63/2025/QH15"),
    (
        "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức "
        "chính quyền địa phương ngày 22 tháng 11 năm 2019;",
        "47/2019/QH14",
    ),
    ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;", "77/2015/QH13"),
    ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;", "77/2015/QH13"),
    ("Căn cứ Luật Ban hành văn bản quy phạm pháp luật ngày 22 tháng 6 năm 2015;", "80/2015/QH13"),
    ("Căn cứ Luật Ban hành văn bản quy phạm pháp luật năm 2015;", "80/2015/QH13"),
    (
        "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật "
        "ngày 18 tháng 6 năm 2020;",
        "63/2020/QH14",
    ),
    ("Căn cứ Luật Ban hành văn bản quy phạm pháp luật ngày 19 tháng 02 năm 2025;", "64/2025/QH15"),
    ("Căn cứ Luật Ban hành văn bản quy phạm pháp luật ngày 19/02/2025;", "64/2025/QH15"),
    ("Căn cứ Luật Cán bộ, công chức ngày 13 tháng 11 năm 2008;", "22/2008/QH12"),
    ("Căn cứ Luật Cán bộ, công chức năm 2008;", "22/2008/QH12"),
    ("Căn cứ Luật Cán bộ, công chức ngày 24 tháng 6 năm 2025;", "80/2025/QH15"),
    (
        "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Cán bộ, công chức và Luật Viên chức "
        "ngày 25 tháng 11 năm 2019;",
        "52/2019/QH14",
    ),
    ("Căn cứ Luật Viên chức ngày 10 tháng 12 năm 2025;", "129/2025/QH15"),
    ("Căn cứ Luật Các tổ chức tín dụng ngày 16 tháng 6 năm 2010;", "47/2010/QH12"),
    ("Căn cứ Luật Các tổ chức tín dụng ngày 16/6/2010;", "47/2010/QH12"),
    (
        "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Các tổ chức tín dụng ngày 27 tháng 6 "
        "năm 2025;",
        "96/2025/QH15",
    ),
    ("Căn cứ Luật Phí và lệ phí ngày 25 tháng 11 năm 2015;", "97/2015/QH13"),
    ("Căn cứ Luật Phí và lệ phí ngày 25/11/2015;", "97/2015/QH13"),
    ("Căn cứ Luật Quy hoạch ngày 24 tháng 11 năm 2017;", "21/2017/QH14"),
    ("Căn cứ Luật Thống kê ngày 23 tháng 11 năm 2015;", "89/2015/QH13"),
    ("Căn cứ Luật Thống kê năm 2015;", "89/2015/QH13"),
    ("Căn cứ Luật Đầu tư ngày 26 tháng 11 năm 2014;", "67/2014/QH13"),
    ("Căn cứ Luật Đấu thầu ngày 26 tháng 11 năm 2013;", "43/2013/QH13"),
    ("Căn cứ Luật Bảo hiểm xã hội ngày 20 tháng 11 năm 2014;", "58/2014/QH13"),
    ("Căn cứ Luật Bảo hiểm xã hội năm 2014;", "58/2014/QH13"),
    ("Căn cứ Bộ luật Lao động ngày 18 tháng 6 năm 2012;", "10/2012/QH13"),
    ("Căn cứ Bộ luật Lao động năm 2012;", "10/2012/QH13"),
    ("Căn cứ Luật Khám bệnh, chữa bệnh ngày 09 tháng 01 năm 2023;", "15/2023/QH15"),
    ("Căn cứ Luật Viên chức ngày 15 tháng 11 năm 2010;", "58/2010/QH12"),
    ("Căn cứ Luật Viên chức năm 2010;", "58/2010/QH12"),
    ("Căn cứ Luật Dược ngày 06 tháng 4 năm 2016;", "105/2016/QH13"),
    ("Căn cứ Luật Nhà ở ngày 25 tháng 11 năm 2014;", "65/2014/QH13"),
    ("Căn cứ Luật Bảo vệ môi trường ngày 23 tháng 6 năm 2014;", "55/2014/QH13"),
    ("Căn cứ Luật Đầu tư công ngày 18 tháng 6 năm 2014;", "49/2014/QH13"),
    ("Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;", "06/2022/QH15"),
    ("Căn cứ Luật Thực hiện dân chủ ở cơ sở ngày 10 tháng 11 năm 2022;", "10/2022/QH15"),
    # the number in the text: the reference carries it as its id, the registry is not asked
    ("Căn cứ Luật Tổ chức Chính phủ số 76/2015/QH13 ngày 19 tháng 6 năm 2015;", "76/2015/QH13"),
    ("Căn cứ Luật Khám bệnh, chữa bệnh số 15/2023/QH15;", "15/2023/QH15"),
]


@pytest.mark.parametrize(("text", "number"), PREAMBLE_CASES)
def test_preamble_law_resolves_to_its_number(text: str, number: str) -> None:
    import vnpolicy

    refs = [r for r in vnpolicy.extract(text)["references"] if r["name"]]
    assert refs, text
    first = min(refs, key=lambda r: r["start"])  # the law the phrase cites, not one nested in it
    if re.search(r"\ssố \d", text):  # not the "số" of "một số điều"
        assert first["id"] == number, (text, first)
    else:
        assert first["resolved"] and first["resolved"]["id"] == number, (text, first)


@pytest.mark.parametrize(
    "text",
    [
        # editions the registry has no confirmed number for must not resolve to another edition
        "Căn cứ Luật Doanh nghiệp ngày 26 tháng 11 năm 2014;",
        "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Các tổ chức tín dụng ngày 20 tháng 11 "
        "năm 2017;",
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
    ],
)
def test_preamble_law_without_a_confirmed_number_stays_unresolved(text: str) -> None:
    import vnpolicy

    refs = [r for r in vnpolicy.extract(text)["references"] if r["name"]]
    assert refs and all(r["resolved"] is None for r in refs), (text, refs)
