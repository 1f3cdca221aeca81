"""Vietnamese numerals: digits in Vietnamese style, spelled numbers, multipliers, fractions."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vnpolicy.extractors.numbers import parse_digits, parse_number, parse_spelled, scale_of

NUMERALS = [
    # Vietnamese style: "." groups thousands, "," marks decimals
    ("9.757", 9757),
    ("39.199", 39199),
    ("1.147.100", 1147100),
    ("4.480.000", 4480000),
    ("19,9", 19.9),
    ("5,0", 5.0),
    ("0,5", 0.5),
    ("36,66", 36.66),
    ("1.234,5", 1234.5),
    ("2.591,1", 2591.1),
    ("1.999,62", 1999.62),
    ("02", 2),
    ("08", 8),
    ("01", 1),
    ("0", 0),
    ("6000", 6000),
    ("74029355", 74029355),
    # the other style, decided by group length: a "." before exactly three digits groups
    ("1.5", 1.5),
    ("2.5", 2.5),
    ("12.75", 12.75),
    ("1.234", 1234),
    ("1,234,567", 1234567),
    # multipliers
    ("1,2 triệu", 1_200_000),
    ("3.000 tỷ", 3e12),
    ("911.100 tỷ", 9.111e14),
    ("825 nghìn tỷ", 8.25e14),
    ("40 nghìn", 40_000),
    ("40 ngàn", 40_000),
    ("6,7 tỉ", 6.7e9),
    ("12,5 triệu", 12_500_000),
    # fractions
    ("2/3", 0.6667),
    ("1/2", 0.5),
    ("3 / 4", 0.75),
    # spelled numbers
    ("hai", 2),
    ("ba", 3),
    ("bốn", 4),
    ("năm", 5),
    ("mười", 10),
    ("mười lăm", 15),
    ("mười một", 11),
    ("hai mươi", 20),
    ("hai mươi lăm", 25),
    ("hai mươi mốt", 21),
    ("ba mươi tư", 34),
    ("năm mươi tư", 54),
    ("chín mươi chín", 99),
    ("một trăm", 100),
    ("trăm", 100),
    ("một trăm linh năm", 105),
    ("hai trăm lẻ một", 201),
    ("ba trăm mười", 310),
    ("bốn trăm mười lăm", 415),
    ("ba triệu", 3_000_000),
    ("hai nghìn không trăm hai mươi", 2020),
    ("mười hai nghìn", 12_000),
    ("một nửa", 0.5),
    ("Hai", 2),
]

NOT_NUMERALS = [
    "",
    "abc",
    "đảng viên",
    "1.2.3,4,5",
    "hai ba bốn",
    "mươi mươi",
    "linh",
    "1,2 đồng",
    "-",
    "2/0",
    "một trăm linh",
]


@pytest.mark.parametrize(("text", "value"), NUMERALS)
def test_parse_number(text, value):
    assert parse_number(text) == pytest.approx(value, rel=1e-4)


@pytest.mark.parametrize("text", NOT_NUMERALS)
def test_not_a_number(text):
    assert parse_number(text) is None


def test_digits_and_words_are_separate_readers():
    assert parse_digits("hai") is None
    assert parse_spelled("9.757") is None
    assert scale_of(["nghìn", "tỷ"]) == 10**12


def vietnamese_format(value: int, decimals: str) -> str:
    """Format an integer part with "." between groups of three and "," before decimals."""
    groups = f"{value:,}".replace(",", ".")
    return f"{groups},{decimals}" if decimals else groups


@given(
    st.integers(min_value=0, max_value=10**12),
    st.text(alphabet="0123456789", min_size=0, max_size=3),
)
def test_vietnamese_format_round_trips(value, decimals):
    written = vietnamese_format(value, decimals)
    expected = float(f"{value}.{decimals}") if decimals else float(value)
    assert parse_number(written) == pytest.approx(expected)
