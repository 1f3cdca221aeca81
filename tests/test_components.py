"""The extractors as spaCy components: results live on the Doc and its spans."""

from __future__ import annotations

import pytest
import spacy

from vnpolicy.extractors.components import COMPONENTS, build_nlp

TEXT = (
    "Thực hiện Nghị quyết số 21-NQ/TW, ngày 16/6/2022 của Ban Chấp hành Trung ương Đảng, "
    "Huyện uỷ Hải Lăng kết nạp 186 đảng viên, đạt 103,3% kế hoạch năm 2022."
)


@pytest.fixture(scope="module")
def doc():
    return build_nlp()(TEXT)


def test_pipeline_has_the_components_in_order() -> None:
    assert tuple(build_nlp().pipe_names) == COMPONENTS


def test_tokens_are_underthesea_words_over_normalized_text(doc) -> None:
    assert doc.text == TEXT.replace("Huyện uỷ", "Huyện ủy")
    assert "đảng viên" in [t.text for t in doc]
    assert doc._.analyzed.raw == TEXT


def test_reference_spans_carry_their_fields(doc) -> None:
    (span,) = doc.spans["references"]
    assert span.text == "Nghị quyết số 21-NQ/TW"
    assert span.label_ == "nghị quyết"
    assert span._.fields["date"] == "2022-06-16"


def test_units_and_statistics_are_spans_too(doc) -> None:
    assert "Huyện ủy Hải Lăng" in {s._.fields["name"] for s in doc.spans["units"]}
    values = {s._.fields["value"] for s in doc.spans["statistics"]}
    assert values == {186, 103.3}  # the year and the document number are not statistics


def test_a_doc_from_another_tokenizer_is_refused() -> None:
    other = spacy.blank("xx")
    other.add_pipe("vnpolicy_references")
    with pytest.raises(ValueError, match="UndertheseaTokenizer"):
        other("Chỉ thị số 05-CT/TU")
