"""Documents of any length: analysed in sections, merged as one analysis would merge them.

Most tests lower the section size (`analyze_document(..., section_chars=N)`) so that a text
of a few hundred characters crosses a border; one test runs a real single-line text over
spaCy's 1,000,000-character limit.
"""

from __future__ import annotations

import pytest

import vnpolicy.pipeline as pipeline
from vnpolicy.corpus import Document
from vnpolicy.extractors.annotate import annotate_offsets
from vnpolicy.extractors.components import build_nlp
from vnpolicy.nlp.sections import section_spans
from vnpolicy.outputs.schema import validate_record
from vnpolicy.pipeline import analyze_document

ONE_ANALYSIS = 10**9  # a section size no test text reaches

# --- the text: a reference cited in section 1 and dated in section 2 --------------------------

CITED = (
    "Thực hiện Chỉ thị số 05-CT/TU của Ban Thường vụ Tỉnh ủy về tăng cường công tác phát "
    "triển đảng viên, Huyện ủy Hải Lăng đã kết nạp 186 đảng viên mới, đạt 103,3% kế hoạch."
)
FILLER = (
    "Các cấp ủy, tổ chức đảng tiếp tục quán triệt, triển khai thực hiện nghiêm túc các nhiệm "
    "vụ đã đề ra."
)
# After the border: the old tone mark ("uỷ") and a glued number ("có11.727") make the
# normalized text differ from the text as read, so offsets must be mapped, then shifted.
DATED = (
    "Sau 3 năm thực hiện Chỉ thị số 05-CT/TU ngày 07/5/2021 của Ban Thường vụ Tỉnh ủy, Huyện "
    "uỷ Hải Lăng có11.727 đảng viên, tăng 2,5% so với năm 2020."
)
TEXT = "\n".join([CITED, *[FILLER] * 6, DATED, FILLER])
SECTION = 900  # TEXT is ~1,000 characters: two sections, the border before DATED


def _spans(items: list[dict]) -> list[dict]:
    return [m for item in items for m in item.get("mentions") or [item]]


def _all_spans(record: dict) -> list[dict]:
    own = record["document"]["self"]
    spans = _spans(record["references"]) + _spans(record["units"]) + record["statistics"]
    return spans + (_spans([own]) if own else [])


@pytest.fixture(scope="module")
def sectioned() -> dict:
    return analyze_document(Document(source="dai.txt", format="txt", text=TEXT), SECTION)


@pytest.fixture(scope="module")
def whole() -> dict:
    return analyze_document(Document(source="dai.txt", format="txt", text=TEXT), ONE_ANALYSIS)


def test_the_text_is_cut_between_the_two_paragraphs() -> None:
    spans = section_spans(TEXT, SECTION)
    assert len(spans) == 2
    border = spans[0][1]
    assert TEXT.index(CITED) + len(CITED) < border <= TEXT.index(DATED)
    assert TEXT[border - 1] == "\n"


def test_reference_cited_in_one_section_and_dated_in_the_next_is_one(sectioned) -> None:
    (ref,) = sectioned["references"]
    assert (ref["id"], ref["date"]) == ("05-CT/TU", "2021-05-07")
    border = section_spans(TEXT, SECTION)[0][1]
    starts = [m["start"] for m in ref["mentions"]]
    assert len(starts) == 2 and starts[0] < border <= starts[1]
    assert (ref["start"], ref["text"]) == (starts[0], "Chỉ thị số 05-CT/TU")


def test_units_merge_their_mentions_across_the_border(sectioned) -> None:
    unit = next(u for u in sectioned["units"] if u["name"] == "Huyện ủy Hải Lăng")
    assert [m["text"] for m in unit["mentions"]] == ["Huyện ủy Hải Lăng", "Huyện uỷ Hải Lăng"]
    assert unit["aliases"] == []  # the same spelling once normalized, as in one analysis
    assert len({u["name"] for u in sectioned["units"]}) == len(sectioned["units"])


def test_statistics_on_both_sides_keep_their_order_and_offsets(sectioned) -> None:
    stats = [(s["value"], s["text"]) for s in sectioned["statistics"]]
    assert stats == [
        (186.0, "186 đảng viên"),
        (103.3, "103,3%"),
        (11727.0, "11.727 đảng viên"),
        (2.5, "2,5%"),
    ]


def test_every_offset_points_into_the_text_as_read(sectioned) -> None:
    spans = _all_spans(sectioned)
    assert spans
    for span in spans:
        assert TEXT[span["start"] : span["end"]] == span["text"]
    border = section_spans(TEXT, SECTION)[0][1]
    assert any(span["start"] >= border for span in spans)


def test_sections_give_what_one_analysis_gives(sectioned, whole) -> None:
    def facts(record: dict) -> dict:
        return {
            "references": [
                (r["id"], r["date"], r["issuer"], [(m["start"], m["end"]) for m in r["mentions"]])
                for r in record["references"]
            ],
            "units": [
                (
                    u["name"],
                    u["kind"],
                    u["aliases"],
                    [(m["start"], m["end"]) for m in u["mentions"]],
                )
                for u in record["units"]
            ],
            "statistics": [
                (s["value"], s["unit"], s["start"], s["end"]) for s in record["statistics"]
            ],
            "relations": record["relations"],
        }

    assert facts(sectioned) == facts(whole)


def test_the_sectioned_record_is_schema_valid(sectioned) -> None:
    assert validate_record(sectioned) == []
    assert sectioned["document"]["chars"] == len(TEXT)


# --- an official document: its own number and "Nghị định này" in a later section --------------

HEADER = (
    "CHÍNH PHỦ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "Số: 30/2020/NĐ-CP\nHà Nội, ngày 05 tháng 3 năm 2020\nNGHỊ ĐỊNH\nVề công tác văn thư\n"
    "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;\n"
)
ARTICLE = (
    "Điều {n}. Quy định chung\n"
    "Cơ quan, tổ chức thực hiện công tác văn thư theo quy định tại Điều này.\n"
)
FIRST_ARTICLE = (
    "Điều 1. Phạm vi điều chỉnh\nNghị định này quy định về công tác văn thư và thay thế Nghị "
    "định số 110/2004/NĐ-CP ngày 08 tháng 4 năm 2004 của Chính phủ về công tác văn thư.\n"
)
LAST_ARTICLE = (
    "Điều 9. Hiệu lực thi hành\nNghị định này có hiệu lực từ ngày ký. Nghị định số "
    "30/2020/NĐ-CP thay thế Nghị định số 110/2004/NĐ-CP.\n"
)
DECREE = HEADER + FIRST_ARTICLE + "".join(ARTICLE.format(n=n) for n in range(2, 9)) + LAST_ARTICLE


def test_a_decree_is_cut_at_an_article_heading() -> None:
    spans = section_spans(DECREE, 700)
    assert len(spans) == 2
    assert DECREE[spans[1][0] :].startswith("Điều ")


def test_a_decree_keeps_its_own_number_out_of_references_after_the_border() -> None:
    document = Document(source="nd.txt", format="txt", text=DECREE)
    sectioned, whole = analyze_document(document, 700), analyze_document(document, ONE_ANALYSIS)
    own = sectioned["document"]["self"]
    assert own["id"] == "30/2020/NĐ-CP"
    assert [m["text"] for m in own["mentions"]] == whole_mentions(whole["document"]["self"])
    assert [r["id"] for r in sectioned["references"]] == [r["id"] for r in whole["references"]]
    replaced = next(r for r in sectioned["references"] if r["id"] == "110/2004/NĐ-CP")
    assert [m["text"] for m in replaced["mentions"]] == ["Nghị định số 110/2004/NĐ-CP"] * 2
    assert replaced["date"] == "2004-04-08"
    assert sectioned["relations"] == whole["relations"]
    for span in _all_spans(sectioned):
        assert DECREE[span["start"] : span["end"]] == span["text"]


def whole_mentions(own: dict) -> list[str]:
    return [m["text"] for m in own["mentions"]]


# --- pages ---------------------------------------------------------------------------------------


def test_spans_get_their_page_when_the_pages_are_sections() -> None:
    pages_text = [CITED + "\n" + FILLER + "\n", FILLER + "\n" + DATED + "\n", FILLER + "\n"]
    text, pages = "", []
    for page in pages_text:
        pages.append((len(text), len(text) + len(page)))
        text += page
    document = Document(source="dai.pdf", format="pdf", text=text, pages=pages)
    record = analyze_document(document, 300)
    assert [s for s, _ in section_spans(text, 300, pages=pages)] == [s for s, _ in pages]
    spans = _all_spans(record)
    assert {span["page"] for span in spans} >= {1, 2}
    for span in spans:
        assert span["page"] == document.page_of(span["start"])
        assert text[span["start"] : span["end"]] == span["text"]
    (ref,) = record["references"]
    assert ref["date"] == "2021-05-07" and [m["page"] for m in ref["mentions"]] == [1, 2]
    assert validate_record(record) == []


# --- over spaCy's limit --------------------------------------------------------------------------


def test_a_single_line_over_a_million_characters_extracts() -> None:
    # One line, no paragraph: the sections end at sentence ends. The sentence repeats, so
    # the word segmenter's cache keeps this to a few seconds.
    body = "Cán bộ, đảng viên tích cực rà soát kênh mương nội đồng. " * 18_000
    text = f"{CITED} {body}{DATED}"
    assert len(text) > 1_000_000 and "\n" not in text
    record = analyze_document(Document(source="mot-dong.txt", format="txt", text=text))
    assert validate_record(record) == []
    (ref,) = record["references"]
    assert ref["date"] == "2021-05-07"
    assert [m["start"] for m in ref["mentions"]] == [10, text.index(DATED) + 20]
    values = [s["value"] for s in record["statistics"]]
    assert values == [186.0, 103.3, 11727.0, 2.5]
    for span in _all_spans(record):
        assert text[span["start"] : span["end"]] == span["text"]


# --- short documents take the one-analysis path -------------------------------------------------


def test_a_short_document_is_one_analysis(monkeypatch, seed_text: str) -> None:
    def no_sections(*args, **kwargs):
        raise AssertionError("a short document was analysed in sections")

    monkeypatch.setattr(pipeline, "SectionMerger", no_sections)
    record = analyze_document(Document(source="seed.txt", format="txt", text=seed_text))
    doc = build_nlp()(seed_text)
    at = doc._.analyzed
    assert record["references"] == annotate_offsets(doc._.references, at)
    assert record["units"] == annotate_offsets(doc._.units, at)
    assert record["relations"] == doc._.relations
    assert record["document"]["self"] == annotate_offsets(doc._.self_document, at)


# --- where the borders fall ---------------------------------------------------------------------

BORDERS = [
    # (text, max_chars, expected sections): the preferred border in the last half wins
    ("Ngắn.", 12, ["Ngắn."]),
    ("Một câu. Hai câu. Ba câu.", 12, ["Một câu. ", "Hai câu. ", "Ba câu."]),
    ("Dòng một\nDòng hai. Câu ba", 16, ["Dòng một\n", "Dòng hai. Câu ba"]),
    ("Mở đầu dài dòng\nĐiều 2. Một\nHai\nBa", 30, ["Mở đầu dài dòng\n", "Điều 2. Một\nHai\nBa"]),
    ("chữ chữ chữ chữ chữ chữ", 10, ["chữ chữ ", "chữ chữ ", "chữ chữ"]),
]


@pytest.mark.parametrize(("text", "max_chars", "expected"), BORDERS)
def test_section_borders(text: str, max_chars: int, expected: list[str]) -> None:
    assert [text[s:e] for s, e in section_spans(text, max_chars)] == expected


def test_sections_cover_the_text_and_never_cut_a_word() -> None:
    text = " ".join(f"từ{i}" for i in range(3000))
    spans = section_spans(text, 500)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:], strict=False))
    assert all(e - s <= 500 for s, e in spans)
    assert all(text[s - 1] == " " for s, _ in spans[1:])


def test_a_table_is_not_cut_while_another_border_exists() -> None:
    text = "Câu mở đầu. Câu thứ hai.\n| 1 | 2 |\n| 3 | 4 |\nCâu cuối cùng."
    table = (text.index("| 1"), text.index("4 |") + 3)
    inside = [s for s, _ in section_spans(text, 40)[1:] if table[0] < s < table[1]]
    assert inside  # without the table known, the last line break inside it would be the border
    spans = section_spans(text, 40, keep_together=[table])
    assert not any(table[0] < s < table[1] for s, _ in spans)
    assert text[spans[1][0] :].startswith("| 1")


def test_a_text_without_spaces_keeps_letters_with_their_marks() -> None:
    text = "a\u0300" * 40  # "à" written as a letter and a combining grave accent
    spans = section_spans(text, 15)
    assert all(s % 2 == 0 for s, _ in spans)
    assert "".join(text[s:e] for s, e in spans) == text
