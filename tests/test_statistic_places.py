"""Each statistic names the unit or place of its clause (`place`)."""

from __future__ import annotations

import pytest

from vnpolicy.extractors.statistic_places import attach_places
from vnpolicy.extractors.statistics import extract_statistics
from vnpolicy.extractors.units import extract_units
from vnpolicy.nlp import analyze

CASES = [
    # sentence, {value: place}
    (
        "Đảng bộ huyện Gio Linh hiện có 43 tổ chức cơ sở đảng với 4.812 đảng viên.",
        {43: "Đảng bộ huyện Gio Linh", 4812: "Đảng bộ huyện Gio Linh"},
    ),
    (
        "Năm 2022, Huyện ủy Gio Linh kết nạp 186 đảng viên; toàn tỉnh có 9.757 đồng chí.",
        # the semicolon ends the clause; "toàn tỉnh" is the province Gio Linh belongs to
        {186: "Huyện ủy Gio Linh", 9757: "tỉnh Quảng Trị"},
    ),
    (
        "Có 45 cán bộ của UBND quận Ninh Kiều được bố trí ở các phường.",
        {45: "Ủy ban nhân dân quận Ninh Kiều"},  # no unit before: the owner after "của"
    ),
    (
        "Tỉnh đoàn Quảng Trị có 333 tổ chức cơ sở Đoàn, Huyện đoàn Cam Lộ có 12 chi đoàn.",
        {333: "Tỉnh đoàn Quảng Trị", 12: "Huyện đoàn Cam Lộ"},  # the nearest before wins
    ),
    ("Tỷ lệ hộ nghèo giảm còn 2,5%.", {2.5: None}),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_place_of_each_figure(text: str, expected: dict) -> None:
    at = analyze(text)
    stats = attach_places(extract_statistics(at), extract_units(at), at.text)
    assert {s["value"]: s["place"] for s in stats} == expected
