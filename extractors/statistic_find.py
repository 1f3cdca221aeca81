"""Numeric candidates in Vietnamese text, before any judgement of what they mean.

Digits with their multipliers, percent signs, glued units and ranges ("≥90%", "12,5-13 triệu",
"241/620"), spelled numbers from "hai" up and spelled fractions ("hai phần ba"). Spans that
hold digits but no quantity (document numbers, dates, clock times, section numbers) are
skipped here already.

>>> from vnpolicy.nlp import analyze
>>> [(f.value, f.percent) for f in find_figures(analyze("Có 9.757 đồng chí, chiếm 19,9%."))]
[(9757.0, False), (19.9, True)]
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from vnpolicy.extractors.numbers import DIGIT_WORDS, SCALE_WORDS, parse_digits, parse_spelled
from vnpolicy.extractors.statistic_words import kind_of
from vnpolicy.extractors.statistics_vocab import (
    CURRENCY_WORDS,
    MEASURE_UNITS,
    SPELLED_COUNT_WORDS,
)
from vnpolicy.nlp import AnalyzedText

_NUM = r"\d+(?:[.,]\d+)*"
_SCALE = r"(?:\s*(?:" + "|".join(sorted(SCALE_WORDS, key=len, reverse=True)) + r")(?!\w))*"
_PCT = r"(?:\s*(?:%|phần\s+trăm(?!\w)))?"
#: Units written glued to the number ("1.056ha", "300MWh", "25km2", "5USD"): the ASCII ones.
_GLUED_UNITS = sorted(
    (u for u in MEASURE_UNITS | CURRENCY_WORDS if u.isascii() and u.isalnum()),
    key=len,
    reverse=True,
)
# One-letter units only in lower case: "5g" is grams, "mạng 5G" a network generation.
_GLUED = (
    r"(?:(?i:"
    + "|".join(re.escape(u) for u in _GLUED_UNITS if len(u) > 1)
    + r")|(?-i:"
    + "|".join(re.escape(u) for u in _GLUED_UNITS if len(u) == 1)
    + r"))"
)

#: A figure: optional sign, number, multipliers, percent, and an optional second number after
#: a range or part-of-whole separator ("≥90%", "12,5-13 triệu", "12% - 15%", "241/620").
FIGURE_RE = re.compile(
    r"(?P<sign>[≥≤]|[<>]=?)?\s*"
    r"(?<![\w.,/])(?P<n1>" + _NUM + r")(?![.,]?\d)"
    r"(?P<glued1>" + _GLUED + r"(?![\w]))?"
    r"(?P<s1>" + _SCALE + r")(?P<p1>" + _PCT + r")"
    r"(?:(?P<sep>\s*[-–~]\s*|\s+(?:đến|tới)\s+|/)(?P<sign2>[≥≤])?"
    r"(?P<n2>" + _NUM + r")(?![.,]?\d)(?P<glued2>" + _GLUED + r"(?![\w]))?"
    r"(?P<s2>" + _SCALE + r")(?P<p2>" + _PCT + r"))?",
    re.IGNORECASE,
)

#: Spans that hold digits but no quantity: document numbers and codes ("21-NQ/TW",
#: "30/2020/NĐ-CP", "QH13", "Covid-19", "19h30", "2b"), dates ("16/6/2022", "7-2014", "02/9"),
#: section numbers at a line start ("1.1.", "2)"), footnote marks ("[1]") and lone table indices.
_BLOCKED = [
    re.compile(r"\d[\w.]*(?:[/-][\w.&]*[^\W\d_][\w.&-]*)+"),
    re.compile(r"(?<![^\W\d_])[^\W\d_][\w.]*-?\d[\w./-]*"),  # from a word's first letter
    re.compile(r"(?<![\w.,])\d+(?:[,.]\d+)?(?!" + _GLUED + r"(?!\w))[^\W\d_]+\w*"),
    re.compile(r"(?<![\w.,])\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}(?!\w)"),
    re.compile(r"(?<![\w.,/])\d{1,2}[/-](?:19|20)\d{2}(?![\w/])"),
    re.compile(
        r"(?:ngày|hôm|sáng|chiều|tối|đêm|mùng|mồng|trưa)\s+\d{1,2}[/-]\d{1,2}(?!\d)", re.IGNORECASE
    ),
    re.compile(r"(?m)^[ \t]*(?:\d+\.)+\d*(?=\s|$)|^[ \t]*\d+\)"),
    re.compile(r"\[\d+\]|\(\d{1,2}\)"),
    re.compile(r"\d+\s*\+\s*\d+"),  # a road marker "Km 15+200"
    re.compile(r"(?m)^[ \t]*\d+[ \t]*$"),
    # clock times "14h30", "8 giờ 30 phút", "09:15" (a colon and a space start a value:
    # "Xã loại 1: 1,5 lần")
    re.compile(r"\d{1,2}(?:\s*(?:giờ|h|g)\s*|:)\d{1,2}(?:\s*phút)?(?![\d,])"),
]
#: Numbers continuing a list opened by an article or form word: "Điều 438, 440 và 502".
_SPELLED_PERCENT = re.compile(r"\s+phần\s+trăm(?!\w)", re.IGNORECASE)
_SPELLED_RE = re.compile(
    # "một" counts only with a multiplier: "một trăm hai mươi hộ", "một nghìn đoàn viên"
    r"(?<!\w)(?:"
    + "|".join(sorted(SPELLED_COUNT_WORDS, key=len, reverse=True))
    + r"|một(?=\s+(?:trăm|nghìn|ngàn|triệu|tỷ|tỉ)(?!\w)))"
    r"(?:\s+(?:mươi|mười|trăm|linh|lẻ|mốt|lăm|tư|một|hai|ba|bốn|năm|sáu|bảy|tám|chín"
    r"|nghìn|ngàn|triệu|tỷ|tỉ))*"
    r"(?!\w)",
    re.IGNORECASE,
)
_FRACTION_DIGITS = {**DIGIT_WORDS, "mười": 10}
#: A spelled fraction: "hai phần ba số đại biểu" (2/3), "một phần tư diện tích" (1/4).
_SPELLED_FRACTION_RE = re.compile(
    r"(?<!\w)(?P<num>một|hai|ba|bốn|năm|sáu|bảy|tám|chín)\s+phần\s+"
    r"(?P<den>hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|mười)(?!\w)",
    re.IGNORECASE,
)


@dataclass
class Figure:
    """A numeric candidate in `at.text`: its span, value(s) and what follows it."""

    start: int
    end: int
    value: float
    max: float | None = None
    percent: bool = False
    sign: str | None = None
    unit: str | None = None
    kind: str = "count"
    spelled: bool = False
    noun_end: int | None = None
    extra: dict = field(default_factory=dict)


def merge_spans(spans) -> list[tuple[int, int]]:
    """Sorted, non-overlapping union of spans."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def blocked_spans(text: str) -> list[tuple[int, int]]:
    return merge_spans(m.span() for pattern in _BLOCKED for m in pattern.finditer(text))


def overlaps(spans: list[tuple[int, int]], starts: list[int], s: int, e: int) -> bool:
    """Does [s, e) overlap one of the merged `spans` (whose starts are `starts`)?"""
    i = bisect.bisect_left(starts, e) - 1
    return i >= 0 and spans[i][1] > s


def _scaled(num: str, scales: str) -> float | None:
    value = parse_digits(num)
    if value is None:
        return None
    for w in scales.lower().split():
        value *= SCALE_WORDS[w]
    return value


def find_figures(at: AnalyzedText) -> list[Figure]:
    """Numeric candidates in document order, before any filtering of what they mean."""
    text = at.text
    blocked = blocked_spans(text)
    bstarts = [s for s, _ in blocked]
    figures: list[Figure] = []
    for m in FIGURE_RE.finditer(text):
        n1s, n1e = m.span("n1")
        if overlaps(blocked, bstarts, n1s, n1e):
            continue
        s1, p1 = m.group("s1") or "", bool((m.group("p1") or "").strip())
        v1 = _scaled(m.group("n1"), s1)
        if v1 is None:
            continue
        fig = Figure(start=m.start("n1"), end=m.end("p1"), value=v1, percent=p1)
        fig.sign = m.group("sign")
        if fig.sign:
            fig.start = m.start("sign")
        if m.group("glued1"):
            fig.unit = m.group("glued1")
            fig.kind = kind_of(fig.unit, "")
        fig.end = max(fig.end, m.end("s1"), m.end("glued1") if m.group("glued1") else 0)
        if m.group("n2") and not overlaps(blocked, bstarts, *m.span("n2")):
            s2, p2 = m.group("s2") or "", bool((m.group("p2") or "").strip())
            sep = m.group("sep").strip()
            v2 = _scaled(m.group("n2"), s2)
            if s2 and not s1:  # "12,5-13 triệu": the multiplier covers both ends
                v1 = _scaled(m.group("n1"), s2)
            if v2 is not None and v1 is not None:
                if sep == "/":
                    fig.extra["slash"] = (v1, v2, m.group("n1"), m.group("n2"))
                else:
                    fig.extra["range"] = (v1, v2)
                fig.value = v1
                fig.percent = p1 or p2
                fig.end = max(m.end("p2"), m.end("s2"), m.end("n2"))
                if m.group("glued2"):
                    fig.unit = m.group("glued2")
                    fig.kind = kind_of(fig.unit, "")
                    fig.end = m.end("glued2")
                fig.extra["n2span"] = m.span("n2")
        fig.extra["n1span"] = (n1s, n1e)
        fig.extra["scale"] = bool(s1 or m.group("s2"))
        figures.append(fig)
    for m in _SPELLED_RE.finditer(text):
        value = parse_spelled(m.group(0))
        if value is None:
            continue
        fig = Figure(start=m.start(), end=m.end(), value=value, spelled=True)
        pct = _SPELLED_PERCENT.match(text, m.end())
        if pct:  # "năm phần trăm"
            fig.percent, fig.end = True, pct.end()
        fig.extra["n1span"] = m.span()
        figures.append(fig)
    for m in _SPELLED_FRACTION_RE.finditer(text):
        num = _FRACTION_DIGITS[m.group("num").lower()]
        den = _FRACTION_DIGITS[m.group("den").lower()]
        if num >= den:
            continue
        fig = Figure(start=m.start(), end=m.end(), value=round(num / den, 4), spelled=True)
        fig.extra["n1span"] = m.span()
        fig.extra["fraction"] = True
        figures.append(fig)
    figures.sort(key=lambda f: f.start)
    return figures
