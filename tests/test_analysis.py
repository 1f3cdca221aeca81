"""The language layer: sentences, underthesea words and the spaCy Doc keep exact offsets."""

from __future__ import annotations

import pytest

from nlp import analyze
from nlp.segment import segment_words
from nlp.sentences import split_sentences

SENTENCE_CASES = [
    ("Tỉnh ủy họp. Huyện ủy dự.", ["Tỉnh ủy họp.", "Huyện ủy dự."]),
    ("Dòng một\nDòng hai", ["Dòng một", "Dòng hai"]),
    (
        "Có 9.757 đồng chí, chiếm 19,9%. Đoàn thanh niên có 10 đơn vị.",
        ["Có 9.757 đồng chí, chiếm 19,9%.", "Đoàn thanh niên có 10 đơn vị."],
    ),
    (
        "Nghị quyết số 21-NQ/TW, ngày 16/6/2022 của Ban Chấp hành Trung ương.",
        ["Nghị quyết số 21-NQ/TW, ngày 16/6/2022 của Ban Chấp hành Trung ương."],
    ),
    ("\n\n  \n", []),
]


@pytest.mark.parametrize("text, expected", SENTENCE_CASES)
def test_sentences_are_spans_of_the_text(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in split_sentences(text)] == expected


def test_overlong_sentence_is_cut_without_losing_text() -> None:
    text = "; ".join(["Ban Thường vụ Tỉnh ủy chỉ đạo các cấp ủy thực hiện"] * 100)
    spans = split_sentences(text)
    assert len(spans) > 1
    assert all(e - s <= 2000 for s, e in spans)
    assert "".join(text[s:e] for s, e in spans).replace(" ", "") == text.replace(" ", "")


WORD_CASES = [
    (
        "Huyện ủy Hải Lăng có 9.757 đảng viên",
        ["Huyện", "ủy", "Hải Lăng", "có", "9.757", "đảng viên"],
    ),
    ("chiếm 19,9% trong tổng số", ["chiếm", "19,9", "%", "trong", "tổng số"]),
    ("Huyện uỷ Triệu Phong", ["Huyện uỷ", "Triệu Phong"]),  # tone kept as written
]


@pytest.mark.parametrize("text, expected", WORD_CASES)
def test_words_are_spans_of_the_text(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in segment_words(text)] == expected


def test_doc_text_and_token_offsets_are_exact(seed_text: str) -> None:
    at = analyze(seed_text)
    assert at.doc.text == at.text
    for token in at.doc:
        assert at.text[token.idx : token.idx + len(token.text)] == token.text
    starts = [t.idx for t in at.doc if t.is_sent_start]
    assert starts[:3] == [s.start for s in at.sentences[:3]]


def test_sentence_at_finds_the_sentence_of_an_offset(seed_text: str) -> None:
    at = analyze(seed_text)
    offset = at.text.index("9.757 đồng chí")
    sentence = at.sentence_at(offset)
    assert sentence is not None
    assert "chiếm 19,9%" in at.text[sentence.start : sentence.end]


def test_raw_offsets_survive_missing_space(seed_text: str) -> None:
    at = analyze(seed_text)
    start = at.text.index("11.727")
    rs, re_ = at.to_raw(start, start + 6)
    assert seed_text[rs:re_] == "11.727"
    assert seed_text[rs - 2 : rs] == "có"
