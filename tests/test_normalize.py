"""Normalization keeps a map back to the text as read, exactly."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vnpolicy.nlp.normalize import fold_for_matching, normalize
from vnpolicy.nlp.tones import modernize_tones

CASES = [
    # raw text, normalized text
    ("Huyện uỷ Hải Lăng", "Huyện ủy Hải Lăng"),
    ("Thị uỷ Quảng Trị", "Thị ủy Quảng Trị"),
    ("hoà bình, khoẻ mạnh, thuỷ lợi", "hòa bình, khỏe mạnh, thủy lợi"),
    ("HUYỆN UỶ", "HUYỆN ỦY"),
    ("Đoàn viên đoàn kết", "Đoàn viên đoàn kết"),  # "đoàn" is closed: never moved
    ("quý, hoàng, toàn", "quý, hoàng, toàn"),
    ("khối địa bàn dân cư có11.727 đoàn viên", "khối địa bàn dân cư có 11.727 đoàn viên"),
    ("Trong đó,phát triển đảng viên", "Trong đó, phát triển đảng viên"),
    ("ở cơ sở.Trên cơ sở kết quả", "ở cơ sở. Trên cơ sở kết quả"),
    ("học sinh...Nhằm nâng cao", "học sinh... Nhằm nâng cao"),
    ("năm2020", "năm 2020"),
    ("ngày 16/6/2022của Ban", "ngày 16/6/2022 của Ban"),
    ("19,9% và 9.757", "19,9% và 9.757"),  # Vietnamese numbers untouched
    ("Luật số 80/2015/QH13", "Luật số 80/2015/QH13"),  # symbols untouched
    ("diện tích 100m2", "diện tích 100m2"),
    ("TP.HCM", "TP.HCM"),
    ("Thông tư 01/2011/TT-BTС", "Thông tư 01/2011/TT-BTC"),  # Cyrillic Es
    ("Nghị quyết 21–NQ/TW", "Nghị quyết 21-NQ/TW"),  # en dash
    ("Chỉ\u00a0thị", "Chỉ thị"),  # no-break space
    (unicodedata.normalize("NFD", "Đảng ủy"), "Đảng ủy"),
]


@pytest.mark.parametrize("raw, expected", CASES)
def test_normalized_text(raw: str, expected: str) -> None:
    assert normalize(raw).text == expected


@pytest.mark.parametrize("raw, _", CASES)
def test_every_word_maps_back_to_the_same_word_as_read(raw: str, _: str) -> None:
    norm = normalize(raw)
    for m in re.finditer(r"\S+", norm.text):
        as_read = norm.raw_slice(*m.span())
        assert fold_for_matching(as_read).replace(" ", "") == m.group(0).rstrip()


def test_decomposed_text_maps_to_whole_clusters() -> None:
    raw = "Ban Thường vụ " + unicodedata.normalize("NFD", "Tỉnh ủy") + " họp"
    norm = normalize(raw)
    start = norm.text.index("Tỉnh ủy")
    rs, re_ = norm.to_raw(start, start + len("Tỉnh ủy"))
    assert unicodedata.normalize("NFC", raw[rs:re_]) == "Tỉnh ủy"
    assert raw[re_:] == " họp"


def test_inserted_space_has_no_width_in_the_raw_text() -> None:
    norm = normalize("có11.727 đoàn viên")
    start = norm.text.index("11.727")
    assert norm.raw_slice(start, start + 6) == "11.727"
    assert norm.to_raw(0, 3) == (0, 2)  # "có " covers only "có" as read


def test_tone_moves_keep_length() -> None:
    text = "Huyện uỷ, Thị uỷ, hoà, loà xoà"
    assert len(modernize_tones(text)) == len(text)


@given(
    st.text(
        alphabet=st.sampled_from(list("aăâeêioôơuưyđ àáảãạòóỏõọùúủũụỳýỷỹỵ0123456789.,;%\n-/ABCĐ")),
        max_size=80,
    )
)
def test_offsets_are_monotonic_and_in_bounds(raw: str) -> None:
    norm = normalize(raw)
    assert len(norm.raw_starts) == len(norm.text)
    previous = 0
    for start, end in zip(norm.raw_starts, norm.raw_ends, strict=True):
        assert 0 <= start <= end <= len(raw)
        assert start >= previous
        previous = start
