"""Merging named mentions into one document each, and `resolved`: which numbered document an
unnumbered reference is, from the same text or from the title registry.

The registry here is a small fixture, so these tests do not move when the shipped data file
(`extractors/data/document_titles.json`) grows.
"""

from __future__ import annotations

from typing import Any

import pytest

from vnpolicy.extractors.reference_registry import TitleIndex, title_key
from vnpolicy.extractors.reference_resolve import resolve_mentions
from vnpolicy.extractors.references import extract_references, find_mentions
from vnpolicy.extractors.title_registry import RegisteredTitle
from vnpolicy.nlp import analyze

REGISTRY = TitleIndex(
    [
        RegisteredTitle("luật", "Luật Đất đai", "13/2003/QH11", "2003-11-26", "Quốc hội", "t"),
        RegisteredTitle("luật", "Luật Đất đai", "45/2013/QH13", None, "Quốc hội", "t"),
        RegisteredTitle("luật", "Luật Đất đai", "31/2024/QH15", "2024-01-18", "Quốc hội", "t"),
        RegisteredTitle(
            "luật", "Luật Ngân hàng Nhà nước Việt Nam", "46/2010/QH12", None, "Quốc hội", "t"
        ),
        RegisteredTitle("luật", "Luật Thủy lợi", "08/2017/QH14", "2017-06-19", "Quốc hội", "t"),
        RegisteredTitle("bộ luật", "Bộ luật Dân sự", "33/2005/QH11", "2005-06-14", "QH", "t"),
        RegisteredTitle("bộ luật", "Bộ luật Dân sự", "91/2015/QH13", "2015-11-24", "QH", "t"),
        RegisteredTitle(
            "hiến pháp",
            "Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam",
            None,
            "2013-11-28",
            "Quốc hội",
            "t",
        ),
        RegisteredTitle(
            "nghị quyết",
            "Nghị quyết Trung ương 4 khóa XII",
            "04-NQ/TW",
            "2016-10-30",
            "Ban Chấp hành Trung ương",
            "t",
        ),
        RegisteredTitle(
            "nghị quyết",
            "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng",
            None,
            "2021-02-01",
            "Đại hội XIII",
            "t",
        ),
    ]
)


def refs(text: str, registry: TitleIndex = REGISTRY) -> list[dict[str, Any]]:
    """References of `text` as `extract_references` returns them, resolved by `registry`."""
    found = find_mentions(text)
    return [
        {
            "id": r.id,
            "name": r.name,
            "term": r.term,
            "resolved": r.resolved,
            "mentions": [text[m.start : m.end] for m in r.mentions],
        }
        for r in resolve_mentions(text, found, registry)
    ]


def named(text: str) -> list[str]:
    return [r["name"] for r in refs(text) if not r["id"]]


# --- merging --------------------------------------------------------------------------------

MERGE_CASES = [
    # a bare title after the qualified one it shortens
    (
        "Theo Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam, mọi công dân bình đẳng. "
        "Hiến pháp cũng bảo đảm quyền tự do kinh doanh.",
        ["Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam"],
    ),
    (
        "Hiến pháp năm 1992 được sửa đổi nhiều lần. Tinh thần của Hiến pháp được giữ vững.",
        ["Hiến pháp năm 1992"],
    ),
    (
        "Bộ luật Dân sự năm 2015 có nhiều điểm mới; Bộ luật Dân sự quy định rõ về hợp đồng.",
        ["Bộ luật Dân sự năm 2015"],
    ),
    # two editions named: the bare title could be either, it stays apart
    (
        "So với Hiến pháp năm 1992, Hiến pháp năm 2013 mở rộng quyền con người. Hiến pháp là "
        "luật cơ bản.",
        ["Hiến pháp năm 1992", "Hiến pháp năm 2013", "Hiến pháp"],
    ),
    # a plenum without its term, with it, and with a pinpoint: one resolution
    (
        "Thực hiện Nghị quyết Trung ương 4 về xây dựng Đảng. Nghị quyết Trung ương 4 (khóa XII) "
        "của Đảng nêu rõ các biểu hiện suy thoái. Tham khảo Nghị quyết Trung ương 4 Điều 4.",
        ["Nghị quyết Trung ương 4 (khóa XII) của Đảng"],
    ),
    # two spellings of one plenum's name, neither with a subject: one
    (
        "Quán triệt Nghị quyết Trung ương 7 khóa XII. Các chi bộ học tập Nghị quyết Hội nghị "
        "Trung ương 7 (khóa XII) của Đảng.",
        ["Nghị quyết Trung ương 7 khóa XII"],
    ),
    # one plenum, two resolutions told apart by subject: two
    (
        "Nghị quyết Trung ương 5 khóa XII về hoàn thiện thể chế kinh tế thị trường. Nghị quyết "
        "Trung ương 5 khóa XII về phát triển kinh tế tư nhân.",
        ["Nghị quyết Trung ương 5 khóa XII", "Nghị quyết Trung ương 5 khóa XII"],
    ),
    # a plenum without its term when two terms are named: unknown, it stays apart
    (
        "So sánh Nghị quyết Trung ương 4 khóa XI và Nghị quyết Trung ương 4 khóa XII. Nghị quyết "
        "Trung ương 4 có ý nghĩa lớn.",
        [
            "Nghị quyết Trung ương 4 khóa XI",
            "Nghị quyết Trung ương 4 khóa XII",
            "Nghị quyết Trung ương 4",
        ],
    ),
]


@pytest.mark.parametrize(("text", "names"), MERGE_CASES)
def test_named_mentions_merge_into_one_document(text: str, names: list[str]) -> None:
    assert named(text) == names


def test_pinpoint_is_not_part_of_the_name() -> None:
    text = "Căn cứ Nghị quyết Trung ương 6 khóa XI Điều 3, các cấp ủy triển khai thực hiện."
    (ref,) = refs(text)
    assert ref["name"] == "Nghị quyết Trung ương 6 khóa XI"
    assert ref["mentions"] == ["Nghị quyết Trung ương 6 khóa XI"]


# --- coordinated plenums --------------------------------------------------------------------

COORDINATED_CASES = [
    (
        "Quán triệt Nghị quyết Trung ương 4 và Trung ương 5 khóa XII của Đảng.",
        [
            ("Nghị quyết Trung ương 4 khóa XII", "khóa XII"),
            ("Nghị quyết Trung ương 5 khóa XII", "khóa XII"),
        ],
    ),
    (
        "Thực hiện Nghị quyết Trung ương 4 (khóa XI, XII) về xây dựng, chỉnh đốn Đảng.",
        [
            ("Nghị quyết Trung ương 4 khóa XI", "khóa XI"),
            ("Nghị quyết Trung ương 4 khóa XII", "khóa XII"),
        ],
    ),
    (
        "Gắn với Nghị quyết Trung ương 4 khóa XI, XII và Chỉ thị 05 của Bộ Chính trị.",
        [
            ("Nghị quyết Trung ương 4 khóa XI", "khóa XI"),
            ("Nghị quyết Trung ương 4 khóa XII", "khóa XII"),
        ],
    ),
    (
        "Sơ kết Nghị quyết Trung ương 7, Trung ương 8 và Trung ương 9 (khóa XII).",
        [
            ("Nghị quyết Trung ương 7 khóa XII", "khóa XII"),
            ("Nghị quyết Trung ương 8 khóa XII", "khóa XII"),
            ("Nghị quyết Trung ương 9 khóa XII", "khóa XII"),
        ],
    ),
    (
        "Học tập Nghị quyết Hội nghị Trung ương 6, 7 khóa XIII tại các chi bộ.",
        [
            ("Nghị quyết Hội nghị Trung ương 6 khóa XIII", "khóa XIII"),
            ("Nghị quyết Hội nghị Trung ương 7 khóa XIII", "khóa XIII"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), COORDINATED_CASES)
def test_coordinated_plenums_are_documents_sharing_the_term(
    text: str, expected: list[tuple[str, str]]
) -> None:
    got = [(r["name"], r["term"]) for r in refs(text) if not r["id"]]
    assert [g for g in got if g[0].startswith("Nghị quyết")] == expected


def test_coordinated_plenum_mentions_point_into_the_text() -> None:
    text = "Quán triệt Nghị quyết Trung ương 4 và Trung ương 5 khóa XII của Đảng."
    out = extract_references(analyze(text))["references"]
    assert [r["text"] for r in out] == ["Nghị quyết Trung ương 4", "Trung ương 5 khóa XII"]
    for r in out:
        assert text[r["start"] : r["end"]] == r["text"]


def test_a_bare_number_after_a_plenum_without_a_term_is_not_another_plenum() -> None:
    text = "Sau Nghị quyết Trung ương 5, 10 năm qua tỉnh đã có nhiều đổi mới."
    assert named(text) == ["Nghị quyết Trung ương 5"]


# --- resolved -------------------------------------------------------------------------------


def resolved_of(text: str, name: str) -> dict[str, Any] | None:
    matches = [r for r in refs(text) if r["name"] == name and not r["id"]]
    assert len(matches) == 1, [r["name"] for r in refs(text)]
    return matches[0]["resolved"]


RESOLVED_CASES = [
    # by text: the numbered mention of the same title and edition
    (
        "Luật Đất đai số 45/2013/QH13 quy định bốn hình thức giao đất. Theo Luật Đất đai năm "
        "2013, người sử dụng đất có quyền chuyển nhượng.",
        "Luật Đất đai năm 2013",
        {"id": "45/2013/QH13", "date": None, "by": "text"},
    ),
    (
        "Bộ luật Dân sự số 91/2015/QH13 ngày 24/11/2015 có hiệu lực từ năm 2017. Bộ luật Dân sự "
        "2015 quy định về năng lực hành vi.",
        "Bộ luật Dân sự 2015",
        {"id": "91/2015/QH13", "date": "2015-11-24", "by": "text"},
    ),
    # the numbered mention is another edition: the registry answers
    (
        "Luật Đất đai số 45/2013/QH13 hết hiệu lực khi Luật Đất đai năm 2024 có hiệu lực.",
        "Luật Đất đai năm 2024",
        {"id": "31/2024/QH15", "date": "2024-01-18", "by": "registry"},
    ),
    # by the registry: name and year
    (
        "Theo Luật Đất đai năm 2013, đất đai thuộc sở hữu toàn dân.",
        "Luật Đất đai năm 2013",
        {"id": "45/2013/QH13", "date": None, "by": "registry"},
    ),
    (
        "Người dân vẫn quen với Luật Đất đai 2003 hơn.",
        "Luật Đất đai 2003",
        {"id": "13/2003/QH11", "date": "2003-11-26", "by": "registry"},
    ),
    (
        "Hợp đồng ký năm 2010 áp dụng Bộ luật Dân sự năm 2005.",
        "Bộ luật Dân sự năm 2005",
        {"id": "33/2005/QH11", "date": "2005-06-14", "by": "registry"},
    ),
    # by the registry: name and date
    (
        "Căn cứ Luật Ngân hàng Nhà nước Việt Nam ngày 16 tháng 6 năm 2010;",
        "Luật Ngân hàng Nhà nước Việt Nam",
        {"id": "46/2010/QH12", "date": "2010-06-16", "by": "registry"},
    ),
    (
        "Căn cứ Luật Thủy lợi ngày 19 tháng 6 năm 2017;",
        "Luật Thủy lợi",
        {"id": "08/2017/QH14", "date": "2017-06-19", "by": "registry"},
    ),
    # a Party plenum: its term names the edition
    (
        "Các chi bộ tiếp tục học tập Nghị quyết Trung ương 4 khóa XII.",
        "Nghị quyết Trung ương 4 khóa XII",
        {"id": "04-NQ/TW", "date": "2016-10-30", "by": "registry"},
    ),
]


@pytest.mark.parametrize(("text", "name", "expected"), RESOLVED_CASES)
def test_resolved(text: str, name: str, expected: dict[str, Any]) -> None:
    assert resolved_of(text, name) == expected


UNRESOLVED_CASES = [
    # two laws of one title and no year: which one?
    ("Luật Đất đai đã đi vào cuộc sống.", "Luật Đất đai"),
    # one registered edition, but no year or date: the registry may not hold every edition
    ("Luật Thủy lợi đã đi vào cuộc sống.", "Luật Thủy lợi"),
    # the date stated is not the registered law's
    (
        "Căn cứ Luật Ngân hàng Nhà nước Việt Nam ngày 12 tháng 12 năm 1997;",
        "Luật Ngân hàng Nhà nước Việt Nam",
    ),
    # a year no registered edition has
    ("Luật Đất đai năm 1993 lần đầu công nhận quyền sử dụng đất.", "Luật Đất đai năm 1993"),
    # a draft is not yet the law
    ("Quốc hội thảo luận dự thảo Luật Đất đai (sửa đổi).", "Luật Đất đai (sửa đổi)"),
    # registered without a confirmed number
    ("Hiến pháp năm 2013 khẳng định quyền con người.", "Hiến pháp năm 2013"),
    # a plenum's other resolution: the subject is not the registered one's
    (
        "Nghị quyết Trung ương 4 khóa XII về hội nhập kinh tế quốc tế được triển khai.",
        "Nghị quyết Trung ương 4 khóa XII",
    ),
    # not in the registry
    ("Luật Thư viện năm 2019 có hiệu lực.", "Luật Thư viện năm 2019"),
]


@pytest.mark.parametrize(("text", "name"), UNRESOLVED_CASES)
def test_unresolved(text: str, name: str) -> None:
    assert resolved_of(text, name) is None


def test_numbered_references_are_not_resolved() -> None:
    text = "Luật Đất đai số 31/2024/QH15 ngày 18/01/2024 có hiệu lực từ ngày 01/8/2024."
    assert [(r["id"], r["resolved"]) for r in refs(text)] == [("31/2024/QH15", None)]


def test_resolved_is_in_the_json_and_valid() -> None:
    from vnpolicy.api import extract
    from vnpolicy.outputs.schema import validate_record

    result = extract("Luật Đất đai số 45/2013/QH13 và Luật Đất đai năm 2013.", source="x.txt")
    (named_ref,) = [r for r in result["references"] if not r["id"]]
    assert named_ref["resolved"] == {"id": "45/2013/QH13", "date": None, "by": "text"}
    assert validate_record(result) == []
    named_ref["resolved"]["by"] = "guess"
    assert validate_record(result) != []


# --- the registry index ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "doc_type", "date", "number"),
    [
        ("Luật Đất đai năm 2013", "luật", None, "45/2013/QH13"),
        ("Luật đất đai năm 2013", "luật", None, "45/2013/QH13"),
        ("Luật Đất đai (năm 2024)", "luật", None, "31/2024/QH15"),
        ("Luật Đất đai", "luật", "2024-01-18", "31/2024/QH15"),
        ("Luật Đất đai", "luật", "2013-11-29", "45/2013/QH13"),  # same year, no date listed
        ("Luật Đất đai", "luật", None, None),
        ("Luật Đất đai năm 2013", "bộ luật", None, None),  # another type
        (
            "Nghị quyết Hội nghị lần thứ tư Ban Chấp hành Trung ương khóa XII",
            None,
            None,
            "04-NQ/TW",
        ),
        ("Nghị quyết Trung ương 4 khóa XI", "nghị quyết", None, None),
    ],
)
def test_registry_lookup(
    name: str, doc_type: str | None, date: str | None, number: str | None
) -> None:
    entry = REGISTRY.lookup(name, doc_type, date)
    assert (entry.number if entry else None) == number


def test_title_key_drops_edition_and_country() -> None:
    assert title_key("Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam năm 2013") == "hiến pháp"
    assert title_key("Nghị quyết Trung ương 4 (khóa XII) của Đảng") == "plenum:4:XII"


AMENDING_WITH_DATES = [
    (
        "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Thủy sản và Luật Lâm nghiệp ngày "
        "10 tháng 12 năm 2021;",
        "Luật Lâm nghiệp",
    ),
    (
        "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Đầu tư công, Luật Đầu tư và Luật "
        "Đấu thầu ngày 11/01/2022;",
        "Luật Đấu thầu",
    ),
    (
        "Thực hiện Luật sửa đổi, bổ sung một số điều của Luật Quy hoạch đô thị ngày 20 tháng 11 "
        "năm 2018, UBND tỉnh ban hành kế hoạch.",
        "Luật Quy hoạch đô thị",
    ),
    (
        "Căn cứ Luật sửa đổi, bổ sung một số điều của Bộ luật Hình sự năm 2015 ngày 20 tháng 6 "
        "năm 2017;",
        "Bộ luật Hình sự năm 2015",
    ),
]


@pytest.mark.parametrize(("text", "inner"), AMENDING_WITH_DATES)
def test_the_date_after_an_amending_law_is_not_its_objects(text: str, inner: str) -> None:
    """The date after "Luật sửa đổi, bổ sung một số điều của Luật X và Luật Y" is the amending
    law's; the laws it amends, found inside its title, do not take it."""
    refs = extract_references(analyze(text))["references"]
    outer = next(r for r in refs if (r["name"] or "").startswith("Luật sửa đổi"))
    assert outer["date"] is not None and inner in outer["name"]
    assert [r["name"] for r in refs if r is not outer and r["date"] == outer["date"]] == []


AMENDING_LISTS = [
    (
        "Quốc hội biểu quyết thông qua Luật sửa đổi, bổ sung một số điều của Luật Quy hoạch, "
        "Luật Đầu tư, Luật Đầu tư theo phương thức đối tác công tư và Luật Đấu thầu.",
        "Luật sửa đổi, bổ sung một số điều của Luật Quy hoạch, Luật Đầu tư, Luật Đầu tư theo "
        "phương thức đối tác công tư và Luật Đấu thầu",
    ),
    (
        "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Dầu khí và Bộ luật Hàng hải Việt Nam "
        "ngày 25 tháng 6 năm 2025;",
        "Luật sửa đổi, bổ sung một số điều của Luật Dầu khí và Bộ luật Hàng hải Việt Nam",
    ),
    (
        "Kỳ họp đã thông qua Luật Thủ đô, Luật sửa đổi, bổ sung một số điều của Luật Giáo dục, "
        "Luật Nhà giáo và ba nghị quyết.",
        "Luật sửa đổi, bổ sung một số điều của Luật Giáo dục",
    ),
    (
        "Luật sửa đổi, bổ sung một số điều của Luật Cán bộ, công chức, và Luật Viên chức có hiệu "
        "lực từ ngày 01/7/2020.",
        "Luật sửa đổi, bổ sung một số điều của Luật Cán bộ, công chức, và Luật Viên chức",
    ),
]


@pytest.mark.parametrize(("text", "title"), AMENDING_LISTS)
def test_an_amending_law_keeps_every_law_it_amends(text: str, title: str) -> None:
    """The objects of an amending law run over commas when the list closes with "và Luật ...";
    in an outer list of laws passed, the commas are the outer list's."""
    names = [r["name"] for r in extract_references(analyze(text))["references"]]
    assert title in names, names


@pytest.mark.parametrize(
    "text",
    [
        "Luật Đất đai năm 2024 được Quốc hội thông qua. Luật có hiệu lực từ ngày 01/8/2024.",
        "Luật Nhà giáo vừa được thông qua; luật này có nhiều điểm mới và Luật sẽ có hiệu lực sớm.",
    ],
)
def test_luat_followed_by_a_verb_is_no_title(text: str) -> None:
    """ "Luật có hiệu lực": the law of the sentence before, not a law named "có hiệu lực"."""
    names = [r["name"] for r in extract_references(analyze(text))["references"]]
    assert not any(n and n.split()[1:2] in (["có"], ["sẽ"]) for n in names), names


@pytest.mark.parametrize(
    "text",
    [
        "Bộ luật Lao động năm 2019 quy định tuổi nghỉ hưu của người lao động.",
        "Luật Đất đai số 31/2024/QH15 quy định về quyền của người sử dụng đất.",
        "Pháp lệnh Ưu đãi người có công với cách mạng hướng dẫn chế độ trợ cấp.",
        "Hiến pháp năm 2013 quy định quyền con người, quyền công dân.",
    ],
)
def test_a_law_named_by_title_takes_no_title_from_the_sentence(text: str) -> None:
    """The name of a law is its title; the verb after it belongs to the sentence."""
    (ref,) = extract_references(analyze(text))["references"]
    assert ref["name"] and ref["title"] is None, ref


def test_each_law_an_amending_law_names_is_cited_too() -> None:
    text = (
        "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Quy hoạch, Luật Đầu tư, Luật Đầu tư "
        "theo phương thức đối tác công tư và Luật Đấu thầu ngày 29 tháng 11 năm 2024;"
    )
    names = [r["name"] for r in extract_references(analyze(text))["references"]]
    assert names[1:] == [
        "Luật Quy hoạch",
        "Luật Đầu tư",
        "Luật Đầu tư theo phương thức đối tác công tư",
        "Luật Đấu thầu",
    ], names


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Căn cứ Luật sửa đổi, bổ sung Điều 6 của Luật Đầu tư công ngày 12 tháng 5 năm 2024;",
            "Luật sửa đổi, bổ sung Điều 6 của Luật Đầu tư công",
        ),
        (
            "Luật sửa đổi, bổ sung Điều 126 của Luật Nhà ở và Điều 121 của Luật Đất đai hết hiệu "
            "lực kể từ ngày Luật này có hiệu lực thi hành.",
            "Luật sửa đổi, bổ sung Điều 126 của Luật Nhà ở",
        ),
    ],
)
def test_the_articles_an_amending_law_names_are_its_title(text: str, title: str) -> None:
    """ "Điều 6" after "Luật sửa đổi, bổ sung" is what the law amends, not a pinpoint."""
    names = [r["name"] for r in extract_references(analyze(text))["references"]]
    assert title in names, names
