"""The language layer: sentences, underthesea words and the spaCy Doc keep exact offsets."""

from __future__ import annotations

import pytest

from vnpolicy.nlp import analyze
from vnpolicy.nlp.segment import segment_words
from vnpolicy.nlp.sentences import split_sentences

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


# -- vnpolicy.nlp.crf: underthesea's segmenter without its wrappers gives the very same words ----

CRF_CASES = [
    "Huyện ủy Hải Lăng có 9.757 đảng viên",
    "Hà",  # one syllable: every window is BOS or EOS
    "Hà Nội",
    "UBND tỉnh 2025 Tp.HCM ĐẢNG Đảng-Bộ ½ ٣ ³ a_b Ủy",  # odd casing, digits, symbols
    "Theo Nghị định số 123/2025/NĐ-CP ngày 01/7/2025, TP. Hồ Chí Minh có 168 xã, phường.",
    "",
]


@pytest.fixture(scope="module")
def crf_words():
    """The fast segmenter itself (not `segment`, which may fall back to `word_tokenize`)."""
    from vnpolicy.nlp.crf import Segmenter

    return Segmenter().words


def _dev_and_sample_sentences() -> list[str]:
    from tests.conftest import DEV_DOCS, SAMPLES
    from vnpolicy.nlp.normalize import normalize

    sentences = []
    for folder in (DEV_DOCS, SAMPLES):
        for path in sorted(folder.glob("*.txt")) if folder.exists() else []:
            text = normalize(path.read_text(encoding="utf-8")).text
            sentences.extend(text[s:e] for s, e in split_sentences(text))
    return sentences


@pytest.mark.parametrize("sentence", CRF_CASES)
def test_crf_words_equal_word_tokenize(crf_words, sentence: str) -> None:
    from underthesea import word_tokenize

    assert crf_words(sentence) == word_tokenize(sentence, use_token_normalize=False)


def test_crf_words_equal_word_tokenize_on_every_dev_sentence(crf_words) -> None:
    from underthesea import word_tokenize

    sentences = _dev_and_sample_sentences()
    if len(sentences) < 1000:
        pytest.skip("../shared/eval/dev is not present")
    differing = [
        s for s in sentences if crf_words(s) != word_tokenize(s, use_token_normalize=False)
    ]
    assert differing == []


def test_crf_model_is_read_whole() -> None:
    from underthesea_core import CRFModel

    from vnpolicy.nlp.crf import _model_dir, read_crfsuite

    path = _model_dir() / "models.bin"
    model = CRFModel.load(str(path))
    labels, state, trans = read_crfsuite(path)
    assert labels == ["B-W", "I-W"]
    assert len(state) == model.num_attributes
    assert sum(w != 0.0 for ws in state.values() for w in ws) == model.num_state_features()
    assert sum(w != 0.0 for row in trans for w in row) == model.num_transition_features() == 4
    assert state["T[-1]=BOS"][0] > 0 > state["T[-1]=BOS"][1]  # a sentence starts a word
