"""Vietnamese numerals as written in Party and State texts, digits or words, to a float.

Vietnamese style groups thousands with `.` and marks decimals with `,` ("9.757" = 9757,
"19,9" = 19.9, "1.234,5" = 1234.5). A text in the other style is read by group length: a `.`
followed by exactly three digits groups thousands, otherwise it is a decimal point ("1.5").
Spelled numbers follow the usual reading rules ("hai mươi lăm" = 25, "một trăm linh năm" =
105, "mốt"/"lăm"/"tư" after "mươi"), and the multipliers nghìn/ngàn, triệu, tỷ/tỉ scale what
precedes them ("1,2 triệu" = 1200000, "911.100 tỷ" = 9.111e14).
"""

from __future__ import annotations

import re

# fmt: off
# Digit words (Từ điển tiếng Việt: số từ). "linh"/"lẻ" join a zero tens place ("một trăm linh
# năm"); "mốt", "lăm"/"nhăm", "tư" are the forms of 1, 5, 4 after "mươi".
DIGIT_WORDS: dict[str, int] = {
    "không": 0, "linh": 0, "lẻ": 0,
    "một": 1, "mốt": 1,
    "hai": 2,
    "ba": 3,
    "bốn": 4, "tư": 4,
    "năm": 5, "lăm": 5, "nhăm": 5,
    "sáu": 6,
    "bảy": 7, "bẩy": 7,
    "tám": 8,
    "chín": 9,
}
#: Words that stand for a tens place on their own ("mười" = 10, "hai mươi" = 2 x 10).
TEN_WORDS = {"mười": 10, "mươi": 10, "chục": 10}
#: Multipliers: "trăm" scales a digit, the others scale the whole number before them.
HUNDRED_WORDS = {"trăm": 100}
SCALE_WORDS: dict[str, int] = {
    "nghìn": 1_000, "ngàn": 1_000,
    "triệu": 1_000_000,
    "tỷ": 1_000_000_000, "tỉ": 1_000_000_000,
}
#: "một nửa" (a half) and friends: whole phrases with a fixed value.
FRACTION_PHRASES = {"một nửa": 0.5, "nửa": 0.5, "một phần tư": 0.25, "một phần ba": 1 / 3}

# fmt: on

NUMBER_WORDS = set(DIGIT_WORDS) | set(TEN_WORDS) | set(HUNDRED_WORDS) | set(SCALE_WORDS)

_VN_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")  # 1.147.100 / 1.234,5
_EN_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")  # 1,147,100 / 1,234.5
_DECIMAL_COMMA = re.compile(r"\d+(?:,\d+)?")  # 19,9 / 02 / 0,5
_DECIMAL_POINT = re.compile(r"\d+\.\d+")  # 1.5 (a dot not followed by a group of three)
_FRACTION = re.compile(r"(\d+)\s*/\s*(\d+)")
_DIGITS_THEN_WORDS = re.compile(r"(\d[\d.,]*)\s+(.+)")


def parse_digits(text: str) -> float | None:
    """A digit string in Vietnamese (or, unambiguously, English) style: "1.234,5" -> 1234.5."""
    text = text.strip()
    if _VN_THOUSANDS.fullmatch(text):
        return float(text.replace(".", "").replace(",", "."))
    if _DECIMAL_COMMA.fullmatch(text):
        return float(text.replace(",", "."))
    if _DECIMAL_POINT.fullmatch(text):
        return float(text)
    if _EN_THOUSANDS.fullmatch(text):
        return float(text.replace(",", ""))
    return None


def _below_thousand(words: list[str]) -> float | None:
    """Value of a spelled group under 1000: "hai mươi lăm" -> 25, "một trăm linh năm" -> 105."""
    if not words:
        return None
    total = 0
    i = 0
    if len(words) >= 2 and words[1] in HUNDRED_WORDS:
        if words[0] not in DIGIT_WORDS:
            return None
        total += DIGIT_WORDS[words[0]] * 100
        i = 2
    elif words[0] in HUNDRED_WORDS:  # "trăm" alone: one hundred
        total, i = 100, 1
    rest = words[i:]
    if not rest:
        return total
    if rest[0] in ("linh", "lẻ"):
        if len(rest) != 2 or rest[1] not in DIGIT_WORDS:
            return None
        return total + DIGIT_WORDS[rest[1]]
    if rest[0] == "mười":
        tens, rest = 10, rest[1:]
    elif len(rest) >= 2 and rest[1] in ("mươi", "chục") and rest[0] in DIGIT_WORDS:
        tens, rest = DIGIT_WORDS[rest[0]] * 10, rest[2:]
    elif len(rest) == 1 and rest[0] in DIGIT_WORDS:
        return total + DIGIT_WORDS[rest[0]]
    else:
        return None
    if not rest:
        return total + tens
    if len(rest) == 1 and rest[0] in DIGIT_WORDS and rest[0] not in ("linh", "lẻ", "không"):
        return total + tens + DIGIT_WORDS[rest[0]]
    return None


def parse_spelled(text: str) -> float | None:
    """A number written in words: "hai mươi lăm" -> 25, "ba triệu" -> 3000000."""
    words = text.lower().split()
    if not words:
        return None
    phrase = " ".join(words)
    if phrase in FRACTION_PHRASES:
        return FRACTION_PHRASES[phrase]
    total = 0.0
    group: list[str] = []
    for word in words:
        if word in SCALE_WORDS:
            value = _below_thousand(group) if group else 1
            if value is None:
                return None
            # "ba trăm nghìn tỷ": a smaller scale after a larger one multiplies the running sum.
            if total and not group:
                total *= SCALE_WORDS[word]
            else:
                total += value * SCALE_WORDS[word]
            group = []
        elif word in NUMBER_WORDS:
            group.append(word)
        else:
            return None
    if group:
        value = _below_thousand(group)
        if value is None:
            return None
        total += value
    return total


def parse_number(text: str) -> float | None:
    """The value of a Vietnamese numeral, or None if `text` is not one.

    >>> parse_number("9.757"), parse_number("19,9"), parse_number("1,2 triệu")
    (9757.0, 19.9, 1200000.0)
    >>> parse_number("hai mươi lăm"), round(parse_number("2/3"), 4)
    (25.0, 0.6667)
    """
    text = " ".join(text.strip().split())
    if not text:
        return None
    value = parse_digits(text)
    if value is not None:
        return value
    m = _FRACTION.fullmatch(text)
    if m:
        den = int(m.group(2))
        return int(m.group(1)) / den if den else None
    m = _DIGITS_THEN_WORDS.fullmatch(text)
    if m:  # "1,2 triệu", "3.000 tỷ", "825 nghìn tỷ"
        base = parse_digits(m.group(1))
        scales = m.group(2).lower().split()
        if base is None or not all(w in SCALE_WORDS for w in scales):
            return None
        for w in scales:
            base *= SCALE_WORDS[w]
        return base
    return parse_spelled(text)


def scale_of(words: list[str]) -> int:
    """The product of the multipliers in `words`: ["nghìn", "tỷ"] -> 10**12."""
    out = 1
    for w in words:
        out *= SCALE_WORDS[w.lower()]
    return out
