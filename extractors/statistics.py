"""Statistics in Vietnamese text: counts, percentages, money and measures with their context.

Three steps, eyecite-style: `find_figures` finds numeric candidates (digits with their
multipliers, percent signs and ranges, and spelled numbers from "hai" up); `is_statistic`
drops what is not a quantity (dates, years, durations, ages, ordinals, article and document
numbers, page furniture); `resolve_figure` attaches the counted noun or unit, bounds,
approximation, subject, period and base.

>>> from vnpolicy.nlp import analyze
>>> at = analyze("Đảng bộ có 9.757 đồng chí, chiếm 19,9% trong tổng số đảng viên.")
>>> [(s["value"], s["unit"], s["kind"]) for s in extract_statistics(at)]
[(9757.0, 'đồng chí', 'count'), (19.9, '%', 'percent')]
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from vnpolicy.corpus.tables import Table
from vnpolicy.extractors.numbers import (
    DIGIT_WORDS,
    NUMBER_WORDS,
    SCALE_WORDS,
    parse_digits,
    parse_spelled,
)
from vnpolicy.extractors.statistics_vocab import (
    ANAPHORA_AFTER,
    APPROXIMATE_BEFORE,
    BOUND_AFTER,
    BOUND_BEFORE,
    CURRENCY_WORDS,
    FRACTION_TIME_NOUNS,
    FURNITURE_LINE_STARTS,
    FURNITURE_MARKERS,
    FURNITURE_MAX_LINE,
    LEGAL_PART_NOUNS,
    MEASURE_HEADS,
    MEASURE_UNITS,
    NAM_NOT_AFTER,
    NAM_YEAR_FOLLOWERS,
    NON_QUANTITY_BEFORE,
    NOT_TIME_COMPOUNDS,
    NOUN_STOP_WORDS,
    NOUN_VERB_STOPS,
    NOUNS_AFTER_NUMBER,
    PAIR_AGREEMENT,
    PAIR_NOUNS,
    PERIOD_RECURRING,
    RANGE_SEPARATORS,
    SHARED_NOUN_SEPARATORS,
    SPELLED_COUNT_WORDS,
    SPELLED_NOT_AFTER,
    SPELLED_NOT_BEFORE,
    SUBJECT_CUT_WORDS,
    SUBJECT_OPENERS,
    SUBJECT_VERBS,
    TIME_MONEY_FOLLOWERS,
    TIME_SPAN_FOLLOWERS,
    TIME_WORDS,
    TIME_WORDS_COUNTING_EVENTS,
    TITLE_HEADS,
)
from vnpolicy.extractors.table_statistics import INDEX_HEADERS, merge_table_statistics
from vnpolicy.nlp import AnalyzedText, Sentence

# ---------------------------------------------------------------------------- patterns
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
_LIST_HEADS = (
    "điều",
    "khoản",
    "điểm",
    "chương",
    "mục",
    "cột",
    "dòng",
    "phụ lục",
    "mẫu",
    "số",
    "tiêu chí",
    "đoạn",
)
_LIST_AFTER_PART = re.compile(
    r"(?<!\w)(?:" + "|".join(_LIST_HEADS) + r")\s+\d+"
    r"(?:\s*(?:,|và|hoặc|đến|-)\s*\d+)*\s*(?:,|và|hoặc|đến|-)\s*$",
    re.IGNORECASE,
)
#: Units written in several words or with a digit ("95 chỉ vàng", "300 m2", "2 tỷ m3",
#: "5 đô la"), which the word segmenter may split or the noun reader stop at.
_COMPOUND_UNIT = re.compile(
    r"[ \t]?("
    + "|".join(
        re.escape(u)
        for u in sorted(MEASURE_UNITS | CURRENCY_WORDS, key=len, reverse=True)
        if " " in u or any(ch.isdigit() for ch in u)
    )
    + r")(?![\w])",
    re.IGNORECASE,
)
#: A counted noun in quotes, the name of a model or a campaign item: 15 “Công trình thanh
#: niên”, hai mươi lăm "Ngôi nhà khăn quàng đỏ".
_QUOTED_NOUN = re.compile(r"[ \t]?[“\"]([^\W\d_][^“”\"\n]{1,60}?)[”\"]")
_ABBREVIATED_NOUN = re.compile(r"\s?(đ/c|Đ/c|đ/chí)(?!\w)")
_LINE_BREAK_LOWER = re.compile(r"[ \t]*\n[ \t]*(?=[^\W\d_A-ZĐ])")
_SHARE_OF = re.compile(r"\s+((?:tổng\s+)?số)(?=\s)", re.IGNORECASE)
_SPELLED_PERCENT = re.compile(r"\s+phần\s+trăm(?!\w)", re.IGNORECASE)
_YEAR = re.compile(r"(?:19|20)\d\d")
#: An opening quote right before a figure, with at most a word or two between.
_OPEN_QUOTE_BEFORE = re.compile(r"(?:“|(?:^|(?<=[\s(]))\")(?:[^\W\d_]+\s){0,2}$")
_RANK_BEFORE = re.compile(
    r"(?:thứ|hạng|top)\s+\d+\s*(?:/|trong|trên|trong số|trong tổng số)\s*$", re.IGNORECASE
)
#: A capitalized word or acronym right before a number: "iPhone 8", "Trung ương 5".
_WORD_BEFORE = re.compile(r"(?<![\w.])([^\W\d_][\w-]*)[ \t]+$")
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
_PERIOD_RES = [
    re.compile(
        r"(?:giai đoạn|nhiệm kỳ|thời kỳ)\s+(?:từ\s+)?(?:năm\s+)?(?:19|20)\d\d"
        r"(?:\s*[-–]\s*|\s+đến\s+(?:năm\s+)?)(?:19|20)\d\d",
        re.IGNORECASE,
    ),
    re.compile(
        r"(?:(?:từ|trong)\s+)?(?:năm\s+)?(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d", re.IGNORECASE
    ),
    re.compile(
        r"(?:\d+|sáu|ba|chín)\s+tháng\s+(?:đầu|cuối)\s+năm(?:\s+(?:19|20)\d\d)?", re.IGNORECASE
    ),
    re.compile(r"quý\s+[IV1-4]+(?:\s*/\s*|\s+năm\s+)(?:19|20)\d\d", re.IGNORECASE),
    re.compile(r"tháng\s+\d{1,2}(?:\s*/\s*|\s+năm\s+)(?:19|20)\d\d", re.IGNORECASE),
    re.compile(r"(?:cả\s+)?năm\s+(?:19|20)\d\d", re.IGNORECASE),
    re.compile("|".join(PERIOD_RECURRING), re.IGNORECASE),
]
_BASE_RE = re.compile(
    r"\s*(?:(?:trong|trên|của|so với)\s+)?((?:tổng\s+)?số\b[^,;.:()]{0,60}|tổng\s+[^,;.:()]{0,60}"
    r"|dân số\b[^,;.:()]{0,40}|dự toán\b[^,;.:()]{0,40})",
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


# ---------------------------------------------------------------------------- helpers
def _words_of(at: AnalyzedText, sent: Sentence) -> tuple[list[int], list[tuple[int, int]]]:
    return [s for s, _ in sent.words], sent.words


def _is_furniture(text: str, start: int) -> bool:
    """Is the line holding `start` page furniture ("Tổng lượt truy cập: 74029355")?"""
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", start)
    line = text[ls : le if le >= 0 else len(text)].strip()
    low = line.lower()
    if low.startswith(FURNITURE_LINE_STARTS):
        return True
    return len(line) <= FURNITURE_MAX_LINE and any(m in low for m in FURNITURE_MARKERS)


def _merge(spans) -> list[tuple[int, int]]:
    """Sorted, non-overlapping union of spans."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _blocked_spans(text: str) -> list[tuple[int, int]]:
    return _merge(m.span() for pattern in _BLOCKED for m in pattern.finditer(text))


def _overlaps(spans: list[tuple[int, int]], starts: list[int], s: int, e: int) -> bool:
    """Does [s, e) overlap one of the merged `spans` (whose starts are `starts`)?"""
    i = bisect.bisect_left(starts, e) - 1
    return i >= 0 and spans[i][1] > s


def _word_index(starts: list[int], pos: int) -> int:
    """Index of the first word starting at or after `pos`."""
    return bisect.bisect_left(starts, pos)


def _prev_words(text: str, words, starts, pos: int, n: int) -> list[str]:
    i = _word_index(starts, pos)
    return [text[s:e].lower() for s, e in words[max(i - n, 0) : i]]


def _is_wordish(token: str) -> bool:
    return any(ch.isalpha() for ch in token) and not any(ch.isdigit() for ch in token)


# ---------------------------------------------------------------------------- find
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
    blocked = _blocked_spans(text)
    bstarts = [s for s, _ in blocked]
    figures: list[Figure] = []
    for m in FIGURE_RE.finditer(text):
        n1s, n1e = m.span("n1")
        if _overlaps(blocked, bstarts, n1s, n1e):
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
            fig.kind = _kind_of(fig.unit, "")
        fig.end = max(fig.end, m.end("s1"), m.end("glued1") if m.group("glued1") else 0)
        if m.group("n2") and not _overlaps(blocked, bstarts, *m.span("n2")):
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
                    fig.kind = _kind_of(fig.unit, "")
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


# ---------------------------------------------------------------------------- classify


def _is_year_like(fig: Figure, text: str) -> bool:
    s, e = fig.extra["n1span"]
    tok = text[s:e]
    if not _YEAR.fullmatch(tok):
        return False
    if fig.percent or fig.unit or fig.extra.get("scale"):
        return False
    return True


_ORDINAL_BEFORE = re.compile(r"(?<!\w)thứ\s+$", re.IGNORECASE)


def is_statistic(fig: Figure, at: AnalyzedText, sent: Sentence) -> bool:
    """Does `fig` state a quantity, not a date, duration, ordinal, identifier or name?"""
    text = at.text
    starts, words = _words_of(at, sent)
    if _is_furniture(text, fig.start):
        return False
    n1s, _ = fig.extra["n1span"]
    if _is_year_like(fig, text):
        return False
    rng = fig.extra.get("range")
    if rng and "n2span" in fig.extra:
        s2, e2 = fig.extra["n2span"]
        if _YEAR.fullmatch(text[s2:e2]) and not fig.percent:
            return False
    # the word(s) right before the number
    prev = _prev_words(text, words, starts, fig.start, 3)
    last = prev[-1] if prev else ""
    last2 = " ".join(prev[-2:]) if len(prev) >= 2 else last
    if fig.extra.get("fraction"):
        return _fraction_is_share(fig, at, sent, last)
    if fig.spelled:
        if fig.percent:
            return last not in SPELLED_NOT_AFTER and last not in NUMBER_WORDS
        return _spelled_is_count(fig, at, sent, last)
    # an ordinal "thứ 2" the segmenter may join into one word (a weekday "thứ 2")
    if not fig.percent and _ORDINAL_BEFORE.search(text, max(0, fig.start - 8), fig.start):
        return False
    if not fig.percent and (last in NON_QUANTITY_BEFORE or last2 in NON_QUANTITY_BEFORE):
        if last == "số" and len(prev) >= 2 and prev[-2] in ("trong", "tổng", "với", "là"):
            pass  # "trong số 13 chỉ tiêu": a count
        elif _money_follows(fig, text, words, starts):
            pass  # "với mức 40 triệu đồng/hộ", "khoản 2 tỷ đồng": money
        else:
            return False
    # a slogan or a name in quotes: phong trào “3 sẵn sàng”, "5 không, 3 sạch"
    if _OPEN_QUOTE_BEFORE.search(text, max(0, fig.start - 30), fig.start):
        close = re.search(r"[”\"\n]", text[fig.end : fig.end + 16])
        if close and close.group(0) != "\n":
            return False
    # a note or list item: "1 Phiếu thông tin ..." at the start of a line
    line_start = text.rfind("\n", 0, fig.start) + 1
    if not text[line_start : fig.start].strip() and not fig.percent and not fig.unit:
        after = text[fig.end : fig.end + 2].lstrip()
        if after[:1].isupper():
            return False
    # the rest of a list of article numbers: "Điều 438, 440 và 502 Bộ luật Dân sự"
    if _LIST_AFTER_PART.search(text, max(0, fig.start - 80), fig.start):
        return False
    # a rate's denominator: "4,5 tổ chức trên 01 đơn vị hành chính cấp xã"
    if fig.value == 1 and last in ("trên", "mỗi") and not fig.percent and not fig.sign:
        return False
    # a rank's denominator: "xếp thứ 82 trong 189 nền kinh tế", "thứ 58/63"
    if _RANK_BEFORE.search(text, max(0, fig.start - 40), fig.start):
        return False
    # a name or a model number: "iPhone 8", "Hội nghị Trung ương 5", "Chỉ thị 05"
    if not fig.percent and not fig.unit and not fig.extra.get("scale") and not fig.sign:
        m = _WORD_BEFORE.search(text, max(0, fig.start - 40), fig.start)
        word = m.group(1) if m else ""
        if (
            m
            and _looks_like_name(word)
            and (
                not _sentence_initial(text, sent, m.start(1))
                or any(ch.isupper() for ch in word[1:])
            )
            and not _counted_after_object(text, words, starts, fig, word)
        ):
            return False
    # what follows: a time word makes a duration, a period or an age
    if not fig.percent and not fig.unit:
        toks = _tokens_from(text, words, starts, fig.end)
        nxt = text[toks[0][0] : toks[0][1]] if toks and toks[0][0] - fig.end <= 1 else ""
        low = nxt.lower()
        if low in NOT_TIME_COMPOUNDS:
            pass  # "1.024 sáng kiến"
        elif low in TIME_WORDS or (low.split() and low.split()[0] in TIME_WORDS):
            after = " ".join(text[a:b] for a, b in toks[:3]).lower()
            after = after[len(low.split()[0]) :].strip()
            if not any(after.startswith(w) for w in TIME_MONEY_FOLLOWERS) and not _counts_events(
                text, toks, low
            ):
                return False
        if low == "lần" and text[toks[0][1] : toks[0][1] + 1] == "/":
            return False  # "1 lần/năm": a frequency limit
    return True


def _counted_after_object(text: str, words, starts, fig: Figure, word: str) -> bool:
    """ "đưa ra khỏi Đảng 58 đảng viên", "cho ra khỏi Đảng 112 trường hợp": the capitalized
    word ends a verb's object (the Party or the Union after "khỏi"/"vào", or the same noun
    again in lower case) and the number counts the noun after it; "Hội nghị Trung ương 5",
    "iPhone 8 sẽ", "Đoàn 871 tổ chức" stay names."""
    noun, _ = _counted_noun(text, words, starts, fig.end)
    if not noun or not noun[0].islower():
        return False
    if noun.lower().startswith(word.lower() + " "):
        return True
    # "cho ra khỏi Đảng 112 trường hợp", "kết nạp vào Đảng 120 quần chúng"
    return word in ("Đảng", "Đoàn") and bool(
        re.search(r"(?:khỏi|vào)\s+$", text[max(0, fig.start - 30) : fig.start - len(word) - 1])
    )


def _money_follows(fig: Figure, text: str, words, starts) -> bool:
    """Does a currency word, or a multiplier, follow the number ("40 triệu đồng")?"""
    if fig.extra.get("scale"):
        return True
    toks = _tokens_from(text, words, starts, fig.end)
    if not toks or toks[0][0] - fig.end > 1:
        return False
    return text[toks[0][0] : toks[0][1]].lower() in CURRENCY_WORDS


def _counts_events(text: str, toks: list[tuple[int, int]], low: str) -> bool:
    """ "1.250 buổi sinh hoạt chủ điểm", "5 kỳ họp": a session word and the noun of what was
    held count events; "trong 2 buổi", "3 kỳ liên tiếp" are time spans."""
    parts = low.split()
    if not parts or parts[0] not in TIME_WORDS_COUNTING_EVENTS:
        return False
    if len(parts) > 1:  # one token: "buổi sinh hoạt"
        rest = " ".join(parts[1:])
    elif len(toks) > 1 and toks[1][0] - toks[0][1] <= 1:
        rest = text[toks[1][0] : toks[1][1]]
    else:
        return False
    first = rest.split()[0].lower() if rest.split() else ""
    return bool(
        first
        and _is_wordish(rest)
        and rest[0].islower()
        and first not in TIME_WORDS
        and rest.lower() not in TIME_SPAN_FOLLOWERS
        and first not in TIME_SPAN_FOLLOWERS
        and rest.lower() not in NOUN_STOP_WORDS
        and first not in NOUN_STOP_WORDS
        and rest.lower() not in NOUN_VERB_STOPS
    )


def _looks_like_name(word: str) -> bool:
    """ "Ương", "iPhone", "APEC": a capital at the start or inside the word."""
    return word[0].isupper() or any(ch.isupper() for ch in word[1:])


def _sentence_initial(text: str, sent: Sentence, pos: int) -> bool:
    """Is `pos` the first word of its sentence or of a line or clause?"""
    before = text[sent.start : pos].rstrip()
    return not before or before[-1] in '.:;!?\n("“-–•*'


def _fraction_is_share(fig: Figure, at: AnalyzedText, sent: Sentence, last: str) -> bool:
    """ "hai phần ba bệnh viện", "hai phần ba số đại biểu" are shares of a whole; "hai phần
    ba thời gian" (of a prison term) and "lần thứ hai phần ..." are not."""
    text = at.text
    starts, words = _words_of(at, sent)
    if last in SPELLED_NOT_AFTER and last not in ("cả",):
        return False
    toks = _tokens_from(text, words, starts, fig.end)
    if not toks or toks[0][0] - fig.end > 1:
        return False
    nxt = text[toks[0][0] : toks[0][1]]
    two = " ".join(text[a:b] for a, b in toks[:2]).lower()
    low = nxt.lower()
    if not _is_wordish(nxt) or nxt[0].isupper():
        return False
    if low in FRACTION_TIME_NOUNS or two in FRACTION_TIME_NOUNS or low.split()[0] in TIME_WORDS:
        return False
    return low not in NOUN_STOP_WORDS or low in ("số", "tổng số")


def _spelled_is_count(fig: Figure, at: AnalyzedText, sent: Sentence, last: str) -> bool:
    text = at.text
    starts, words = _words_of(at, sent)
    last_syllable = last.split()[-1] if last.split() else ""
    if (
        last in SPELLED_NOT_AFTER
        or (last and last[-1].isdigit())
        or last_syllable in NUMBER_WORDS
        or last_syllable in SPELLED_NOT_AFTER
    ):
        return False
    if text[fig.start : fig.end].lower() == "năm" and last in NAM_NOT_AFTER:
        return False
    k = bisect.bisect_right(starts, fig.start) - 1
    if k >= 0 and words[k][0] < fig.start < words[k][1]:
        return False  # inside a word: "phần ba", "Thứ hai", "Bà Rịa"
    word_is_nam = text[fig.start : fig.end].lower() == "năm"
    quoted = _QUOTED_NOUN.match(text, fig.end)
    if quoted and len(quoted.group(1).split()) <= 8 and not word_is_nam:
        return True  # hai mươi lăm "Ngôi nhà khăn quàng đỏ"; not năm “Thanh niên tình nguyện”
    toks = _tokens_from(text, words, starts, fig.end)
    nxt = text[toks[0][0] : toks[0][1]] if toks else ""
    if not nxt or not _is_wordish(nxt) or nxt[0].isupper():
        return False
    low = nxt.lower()
    first = low.split()[0]
    if low in SPELLED_NOT_BEFORE or first in SPELLED_NOT_BEFORE or low in NOUN_STOP_WORDS:
        return False
    if low in TIME_WORDS or first in TIME_WORDS or low in NOUN_VERB_STOPS:
        return False
    word = text[fig.start : fig.end].lower()
    if word == "hai" and (
        low in PAIR_NOUNS
        or (low == "bên" and PAIR_AGREEMENT.match(text, toks[0][1] + 1 if toks else fig.end))
    ):
        return False  # "hai nước", "hai bên nhất trí": the pair of partners
    if word.startswith("năm"):
        if low in NAM_YEAR_FOLLOWERS or first in NAM_YEAR_FOLLOWERS:
            return False
        if fig.start > 0 and text[fig.start - 1] not in ' \n\t(“"':
            return False
    return True


# ---------------------------------------------------------------------------- resolve
def _tokens_from(text: str, words, starts, pos: int) -> list[tuple[int, int]]:
    """Word spans from `pos` on; a word that straddles `pos` ("3.847 cuộc") keeps its tail."""
    i = bisect.bisect_right(starts, pos) - 1
    out: list[tuple[int, int]] = []
    if i >= 0 and words[i][0] < pos < words[i][1]:
        tail = text[pos : words[i][1]]
        lead = len(tail) - len(tail.lstrip())
        if tail.strip():
            out.append((pos + lead, words[i][1]))
    out.extend(words[_word_index(starts, pos) :])
    return out


def _is_proper_name(tok: str) -> bool:
    """ "Tôn Đản", "Tây Âu", "Hà Nội": every syllable capitalized."""
    parts = tok.split()
    return len(parts) >= 2 and all(p[0].isupper() for p in parts)


def _counted_noun(text: str, words, starts, pos: int) -> tuple[str | None, int]:
    """The noun phrase counted by a number ending at `pos`: "8.034 đoàn viên ưu tú cho ..."."""
    abbr = _ABBREVIATED_NOUN.match(text, pos)
    if abbr:  # "03 đ/c": đồng chí
        return abbr.group(1), abbr.end(1)
    quoted = _QUOTED_NOUN.match(text, pos)
    if quoted and len(quoted.group(1).split()) <= 8:
        return quoted.group(1), quoted.end(1)
    compound = _COMPOUND_UNIT.match(text, pos)
    if compound:  # "300 m2", "95 chỉ vàng"
        return compound.group(1), compound.end(1)
    toks = _tokens_from(text, words, starts, pos)
    picked: list[tuple[int, int]] = []
    first_upper = False
    i = 0
    while i < len(toks) and len(picked) < 4:
        s, e = toks[i]
        if picked and s - picked[-1][1] > 1:
            break
        if not picked and s - pos > 1:
            break
        tok = text[s:e]
        low = tok.lower()
        if (
            tok == "/"
            and picked
            and i + 1 < len(toks)
            and toks[i + 1][0] == e
            and _is_wordish(text[toks[i + 1][0] : toks[i + 1][1]])
        ):
            nxt = text[toks[i + 1][0] : toks[i + 1][1]].lower()
            if nxt not in TIME_WORDS:
                picked.append((s, toks[i + 1][1]))
            break
        if not picked and low == "tháng":  # "04 tháng tiền lương": a salary, counted as money
            rest = ""
            for k in range(i + 1, min(i + 4, len(toks))):
                rest = (rest + " " + text[toks[k][0] : toks[k][1]].lower()).strip()
                if rest in TIME_MONEY_FOLLOWERS:
                    return text[s : toks[k][1]], toks[k][1]
        if not _is_wordish(tok) or low in NOUN_STOP_WORDS:
            break
        if picked and (low in NOUN_VERB_STOPS or low in APPROXIMATE_BEFORE):
            break
        if not tok.replace(" ", "").replace("-", "").isalpha():
            break
        if picked and tok[0].isupper() and not first_upper and low not in ("đoàn", "đảng"):
            break
        if not picked and (
            (low in NOUN_VERB_STOPS and low not in NOUNS_AFTER_NUMBER)
            or (
                tok[0].isupper()
                and not tok.isupper()
                and tok.split()[0] not in TITLE_HEADS
                and low not in MEASURE_UNITS  # "35 Mbps"
            )
        ):
            break  # "05 ban hành kèm", "1 Sở Tư pháp": no counted noun
        if not picked:
            if (_is_proper_name(tok) and not tok.isupper()) or (
                tok.isascii()
                and tok[0].isupper()
                and not tok.isupper()
                and tok.lower() not in MEASURE_UNITS
            ):
                break  # "12 Tôn Đản", "iPhone 7, 7 Plus": a name, not a counted noun
            first_upper = tok[0].isupper()
            picked.append((s, e))
            if (
                low in MEASURE_UNITS
                or tok in MEASURE_UNITS
                or low in CURRENCY_WORDS
                or (tok.isupper() and len(tok) > 1)
            ):
                break  # "ha", "đồng", "DN": a unit or an abbreviation stands alone
        else:
            if _is_proper_name(tok) or (low in MEASURE_UNITS and len(low) <= 3):
                break
            picked.append((s, e))
        i += 1
    if not picked:
        return None, pos
    return text[picked[0][0] : picked[-1][1]], picked[-1][1]


def _kind_of(unit: str, before: str) -> str:
    low = unit.lower()
    if low in CURRENCY_WORDS:
        return "money"
    if low in MEASURE_UNITS or unit in MEASURE_UNITS:
        return "measure"
    if low in MEASURE_HEADS and before in ("gấp", "bằng", "hơn", "tăng", "giảm"):
        return "measure"
    return "count"


def _approx_and_bound(text: str, words, starts, fig: Figure) -> tuple[bool, str | None]:
    prev = _prev_words(text, words, starts, fig.start, 3)
    approximate, bound = False, None
    for n in (3, 2, 1):
        if len(prev) >= n:
            key = " ".join(prev[-n:])
            if key in APPROXIMATE_BEFORE:
                approximate = True
            if key in BOUND_BEFORE and bound is None:
                bound = BOUND_BEFORE[key]
    if fig.sign:
        bound = BOUND_BEFORE.get(fig.sign[0], bound)
    if bound == "min" and prev and prev[-1] == "từ":
        bound = None
        after = text[fig.end : fig.end + 40].lower()
        for word, b in BOUND_AFTER.items():
            if word in after.split(",")[0]:
                bound = b
    if bound is None:
        after = text[fig.end : fig.end + 40].lower()
        for word, b in BOUND_AFTER.items():
            if after.lstrip().startswith(word) or f" {word}" in after.split(",")[0][:25]:
                bound = b
    return approximate, bound


def _period(text: str, sent: Sentence, pos: int) -> str | None:
    """The period a figure belongs to: the nearest one stated before it in its clause
    (";" ends a clause), else the nearest after it, else the nearest earlier in the sentence."""
    s = text[sent.start : sent.end]
    rel = pos - sent.start
    seg_start = s.rfind(";", 0, rel) + 1
    seg_end = s.find(";", rel)
    seg_end = len(s) if seg_end < 0 else seg_end
    found: list[tuple[int, int, str]] = []
    for pattern in _PERIOD_RES:
        for m in pattern.finditer(s):
            if not any(m.start() < e and st < m.end() for st, e, _ in found):
                found.append((m.start(), m.end(), m.group(0)))
    if not found:
        return None
    before = [f for f in found if seg_start <= f[0] and f[1] <= rel]
    after = [f for f in found if f[0] >= rel and f[1] <= seg_end]
    earlier = [f for f in found if f[1] <= seg_start]
    if before:
        best = max(before, key=lambda f: f[1])[2]
    elif after:
        best = min(after, key=lambda f: f[0])[2]
    elif earlier:
        best = max(earlier, key=lambda f: f[1])[2]
    else:
        return None
    if best.lower().startswith(("từ ", "trong ")):
        best = best.split(" ", 1)[1]
    return best


_PERIOD_HEADS = {"giai đoạn", "nhiệm kỳ", "thời kỳ", "năm", "quý", "tháng", "từ", "đến"}
_CLAUSE_PUNCT = {",", ";", ":", "(", ")", "“", "”", '"', ".", "!", "?"}


def _clause_before(text: str, words, i: int) -> tuple[list[str], int]:
    """The words of the clause that ends before word `i`, and the index of its boundary."""
    k = i - 1
    clause: list[str] = []
    while k >= 0:
        tok = text[words[k][0] : words[k][1]]
        if tok in _CLAUSE_PUNCT:
            break
        clause.insert(0, tok)
        k -= 1
    return clause, k


def _is_filler(low: str) -> bool:
    return (
        low in SUBJECT_VERBS
        or low in NOUN_STOP_WORDS
        or low in APPROXIMATE_BEFORE
        or low in BOUND_BEFORE
        or low in NOUN_VERB_STOPS
        or low in ("≥", "≤")
    )


def _subject_tail(toks: list[str]) -> list[str]:
    """The noun phrase right before a figure, after its verb: "Dự án có diện tích 64 ha"."""
    toks = list(toks)
    while toks and (
        toks[-1].lower() in APPROXIMATE_BEFORE
        or toks[-1].lower() in BOUND_BEFORE
        or toks[-1] in ("≥", "≤")
    ):
        toks.pop()
    tail: list[str] = []
    for tok in reversed(toks):
        low = tok.lower()
        if low in SUBJECT_VERBS or low in NOUN_VERB_STOPS:
            return tail
        if low in SUBJECT_CUT_WORDS or low in NOUN_STOP_WORDS or not _is_wordish(tok):
            return []
        tail.insert(0, tok)
    return []


def _subject_head(toks: list[str]) -> list[str]:
    """The head of a clause up to its verb: "Hiện nay đảng viên là đoàn viên Đoàn ... có"."""
    # a period is not a subject: drop "giai đoạn 2019 - 2022", "năm 2023"
    kept: list[str] = []
    in_period = False
    for n, tok in enumerate(toks):
        nxt = toks[n + 1] if n + 1 < len(toks) else ""
        if tok.lower() in _PERIOD_HEADS and _YEAR.fullmatch(nxt):
            in_period = True
            continue
        if in_period and (_YEAR.fullmatch(tok) or tok in ("-", "–", "đến")):
            continue
        in_period = False
        if kept or _is_wordish(tok):
            kept.append(tok)
    toks = kept
    while toks and (toks[0].lower() in SUBJECT_OPENERS or _is_filler(toks[0].lower())):
        toks.pop(0)
    cand: list[str] = []
    for n, tok in enumerate(toks):
        low = tok.lower()
        if not _is_wordish(tok):
            break
        if n > 0 and (low in SUBJECT_CUT_WORDS or (low in SUBJECT_VERBS and low != "là")):
            break
        if low in ("sự", "việc") and n + 1 < len(toks):  # "sự tham gia": a noun
            return [*cand, *toks[n : n + 2]]
        if n > 0 and tok[0].isupper():
            break
        cand.append(tok)
    while cand and (cand[-1].lower() in NOUN_STOP_WORDS or cand[-1].lower() in SUBJECT_VERBS):
        cand.pop()
    return cand


def _subject(text: str, sent: Sentence, words, starts, pos: int) -> str | None:
    """What a figure is about ("Tỷ lệ kết nạp so với ..., chỉ đạt 36,66%" -> "tỷ lệ kết nạp"):
    the noun phrase right before the figure, else the head of its clause, else of the
    clauses before it in the sentence."""
    i = _word_index(starts, pos)
    clause, k = _clause_before(text, words, i)
    cand = _subject_tail(clause) or _subject_head(clause)
    tries = 0
    while not cand and k >= 0 and tries < 3:
        clause, k = _clause_before(text, words, k)
        cand = _subject_head(clause)
        tries += 1
    if not cand or all(_is_filler(t.lower()) for t in cand):
        return None
    phrase = " ".join(cand)
    if len(phrase) > 1 and phrase[0].isupper() and not phrase[1].isupper():
        phrase = phrase[0].lower() + phrase[1:]
    return phrase


def _base(text: str, fig: Figure) -> str | None:
    m = _BASE_RE.match(text, fig.end)
    if not m:
        return None
    return m.group(1).strip() or None


def resolve_figure(fig: Figure, at: AnalyzedText, sent: Sentence) -> list[dict]:
    """Statistic dicts for one figure (two for a part of a whole "241/620 doanh nghiệp")."""
    text = at.text
    starts, words = _words_of(at, sent)
    unit, noun_end = fig.unit, fig.end
    if fig.percent:
        unit, kind = "%", "percent"
    elif unit:
        kind = fig.kind
    else:
        unit, noun_end = _counted_noun(text, words, starts, fig.end)
        brk = _LINE_BREAK_LOWER.match(text, fig.end) if unit is None else None
        if brk and (nxt := at.sentence_at(brk.end())) is not None:
            # a PDF line break between the number and its noun: "10.000.000\nđồng/năm"
            n_starts, n_words = _words_of(at, nxt)
            unit, noun_end = _counted_noun(text, n_words, n_starts, brk.end())
            if unit and unit.split()[0].lower() in TIME_WORDS:
                return []  # "trong 30\nngày": a duration
        share = _SHARE_OF.match(text, fig.end)
        if unit is None and share:  # "2/3 số đại biểu", "70% số xã": the share of a whole
            noun, noun_end = _counted_noun(text, words, starts, share.end())
            unit = text[share.start(1) : noun_end] if noun else None
        prev = _prev_words(text, words, starts, fig.start, 1)
        kind = _kind_of(unit, prev[0] if prev else "") if unit else "count"
    per = None
    if unit and "/" in unit and unit.index("/") > 1:  # "03 người/sở": 3 people per department
        unit, per = unit.split("/", 1)
        if fig.value != int(fig.value):  # "13,47 tiêu chí/xã": an average
            kind = "measure"
    fig.unit, fig.kind, fig.noun_end = unit, kind, noun_end
    approximate, bound = _approx_and_bound(text, words, starts, fig)
    base = _base(text, fig) if fig.percent else None
    common = {
        "unit": unit,
        "kind": kind,
        "approximate": approximate,
        "bound": bound,
        "subject": _subject(text, sent, words, starts, fig.start),
        "period": _period(text, sent, fig.start),
        "sentence": text[sent.start : sent.end],
    }
    if base:
        common["base"] = base
    if per:
        common["per"] = per
    end = max(fig.end, noun_end or fig.end)
    slash = fig.extra.get("slash")
    if slash:
        v1, v2, t1, t2 = slash
        # "2/3 số đại biểu", "1/2 tài sản", "đạt 2/3": a fraction; "15/20 xã": two counts
        is_share = bool(_SHARE_OF.match(text, fig.end)) or not fig.unit or v2 <= 4
        if v1 < v2 and is_share and not fig.extra.get("scale") and "," not in t1 + t2:
            item = {
                "text": text[fig.start : end],
                "start": fig.start,
                "end": end,
                "value": round(v1 / v2, 4),
                "max": None,
                **common,
            }
            return [item]
        s2, e2 = fig.extra["n2span"]
        return [
            {
                "text": text[fig.start : end],
                "start": fig.start,
                "end": end,
                "value": v1,
                "max": None,
                **common,
            },
            {"text": text[s2:end], "start": s2, "end": end, "value": v2, "max": None, **common},
        ]
    rng = fig.extra.get("range")
    low, high = rng if rng else (fig.value, None)
    if high is not None and high < low:
        return [
            {
                "text": text[fig.start : fig.extra["n1span"][1]],
                "start": fig.start,
                "end": fig.extra["n1span"][1],
                "value": low,
                "max": None,
                **common,
            },
            {
                "text": text[fig.extra["n2span"][0] : end],
                "start": fig.extra["n2span"][0],
                "end": end,
                "value": high,
                "max": None,
                **common,
            },
        ]
    return [
        {
            "text": text[fig.start : end],
            "start": fig.start,
            "end": end,
            "value": low,
            "max": high,
            **common,
        }
    ]


def _share_nouns(items: list[dict], text: str) -> None:
    """ "5,7 hoặc 5,8 inch": a figure without a noun borrows the next figure's, across a
    separator ("hoặc", "và", ",", "x")."""
    for a, b in zip(items, items[1:], strict=False):
        if a["unit"] or not b["unit"] or b["unit"] == "%":
            continue
        gap = text[a["end"] : b["start"]].strip().lower()
        if gap in SHARED_NOUN_SEPARATORS or gap in RANGE_SEPARATORS:
            a["unit"], a["kind"] = b["unit"], b["kind"]


def extract_statistics(at: AnalyzedText, exclude: list[tuple[int, int]] = ()) -> list[dict]:
    """Every quantitative fact in `at.text`, in document order, as plain dicts.

    `exclude` holds spans already known to be references or dates: numbers inside them are
    not statistics ("Nghị quyết số 21-NQ/TW, ngày 16/6/2022").
    """
    text = at.text
    exclude = _merge(exclude)
    ex_starts = [s for s, _ in exclude]
    out: list[dict] = []
    for fig in find_figures(at):
        if exclude and _overlaps(exclude, ex_starts, fig.start, fig.end):
            continue
        sent = at.sentence_at(fig.start)
        if sent is None or not is_statistic(fig, at, sent):
            continue
        out.extend(resolve_figure(fig, at, sent))
    _share_nouns(out, text)
    out = _merge_ranges(out, text)
    _shortest_units(out)
    kept = []
    for item in out:
        unit = item["unit"]
        if unit and unit in LEGAL_PART_NOUNS:
            continue  # "khoản 1, 2 và 3 Điều 5"
        if unit in PAIR_NOUNS and _NAMED_MEMBERS.match(text, item["end"]):
            continue  # "thanh niên 3 nước Việt Nam - Lào - Campuchia": the countries named
        if unit and unit != "%" and _refers_back(text, item["end"]):
            continue  # "6 địa phương này": the figure was counted where it was first given
        if unit is None and _implied_dong(text, item):
            item["unit"], item["kind"] = "đồng", "money"  # "doanh thu đạt 12.500 tỷ"
            unit = "đồng"
        if unit is None:
            unit = _row_noun(text, item["start"]) or _noun_before(at, item["start"])
            if unit is None and text[item["start"]] not in "≥≤<>":
                continue  # a bare number ("Trên 120 đến 360" in a rate table) says too little
            item["unit"] = unit
        kept.append(item)
    tables = line_tables(text)
    return merge_table_statistics(kept, tables, at) if tables else kept


# A table read as text, one cell per line (vbpl.vn pages, Word files saved as text):
#     STT / Chỉ tiêu / Đơn vị tính / Kế hoạch năm 2019 / 1 / Tỷ lệ hộ nghèo giảm / % / 2,5 / ...
# The header starts with the index column ("STT", "TT"); each row starts with its number.
_LINE = re.compile(r"[^\n]+")
_MAX_COLUMNS = 8
_MAX_HEADER_CELL = 60
_MAX_CELL = 150


def _row_number(cell: str, expected: int) -> bool:
    """Is `cell` the index of row `expected`: "3", "3.", "III"?"""
    roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
    bare = cell.rstrip(".")
    return bare == str(expected) or (expected <= len(roman) and bare == roman[expected - 1])


def _is_unit_cell(cell: str) -> bool:
    """ "%", "ha", "tỷ USD", "triệu đồng": a unit of measure, not a body's name."""
    words = cell.lower().split()
    while len(words) > 1 and words[0] in SCALE_WORDS:
        words.pop(0)
    rest = " ".join(words)
    return rest in ("%", "phần trăm") or rest in MEASURE_UNITS or rest in CURRENCY_WORDS


def _name_unit_column(rows: list[list[tuple[int, int, str]]]) -> None:
    """A column headed "Đơn vị" whose every cell is a unit ("%", "tỷ USD", "ha") is the unit
    column ("Đơn vị tính"); headed so, a column of bodies' names stays one of names."""
    for col, (s, e, head) in enumerate(rows[0]):
        if head.casefold() == "đơn vị" and all(_is_unit_cell(row[col][2]) for row in rows[1:]):
            rows[0][col] = (s, e, "Đơn vị tính")


def line_tables(text: str) -> list[Table]:
    """Tables written one cell per line after an "STT"/"TT" header, as `vnpolicy.corpus.tables.Table`
    with each cell's span, so their figures are read with their row and column headers.

    >>> line_tables("STT\\nChỉ tiêu\\nĐơn vị tính\\nNăm 2019\\n1\\nSố xã\\nxã\\n12")[0].rows[1]
    ['1', 'Số xã', 'xã', '12']
    """
    lines = []
    for m in _LINE.finditer(text):
        cell = m.group(0).strip()
        if cell:
            start = m.start() + m.group(0).index(cell)
            lines.append((start, start + len(cell), cell))
    tables: list[Table] = []
    i = 0
    while i < len(lines):
        if lines[i][2].casefold() not in INDEX_HEADERS or lines[i][2].casefold() == "số":
            i += 1
            continue
        j = i + 1
        while j < len(lines) and j - i <= _MAX_COLUMNS and not _row_number(lines[j][2], 1):
            j += 1
        width = j - i
        header = lines[i:j]
        if (
            j >= len(lines)
            or not 3 <= width <= _MAX_COLUMNS
            or any(
                len(c) > _MAX_HEADER_CELL or any(ch.isdigit() for ch in c[:1]) for *_, c in header
            )
        ):
            i += 1
            continue
        rows = [header]
        r, expected = j, 1
        while r + width <= len(lines) and _row_number(lines[r][2], expected):
            row = lines[r : r + width]
            if any(len(c) > _MAX_CELL for *_, c in row):
                break
            rows.append(row)
            r += width
            expected += 1
        if len(rows) >= 2:
            _name_unit_column(rows)
            tables.append(
                Table(
                    rows=[[c for *_, c in row] for row in rows],
                    cells=[[(s, e) for s, e, _ in row] for row in rows],
                )
            )
            i = r
        else:
            i += 1
    return tables


#: The members listed by name after the noun: "3 nước Việt Nam - Lào - Campuchia".
_NAMED_MEMBERS = re.compile(r"\s+[A-ZĐ]\w*(?:\s+[A-ZĐ]\w*)*\s*-\s*[A-ZĐ]")
_CLASSIFIER = re.compile(r"^lượt\s+")


_SCALE_AT_END = re.compile(r"(?:nghìn|ngàn|triệu|tỷ|tỉ)$", re.IGNORECASE)


def _implied_dong(text: str, item: dict) -> bool:
    """A sum in tỷ with no currency is in đồng in Vietnamese news ("doanh thu đạt 12.500 tỷ",
    "1,2 nghìn tỷ"), and so is a sum in triệu per head ("65 triệu/người/năm")."""
    written = item["text"].rstrip()
    if not _SCALE_AT_END.search(written):
        return False
    if re.search(r"(?:tỷ|tỉ)$", written, re.IGNORECASE):
        return True
    return bool(re.match(r"/\s*[^\W\d_]", text[item["end"] : item["end"] + 3]))


def _shortest_units(items: list[dict]) -> None:
    """One counted noun per repeated figure: when the same value is counted as "đại biểu"
    and "đại biểu chính thức" (or "lượt khách" and "khách"), both take the shorter form."""
    by_value: dict[tuple[float, str], list[dict]] = {}
    for item in items:
        if item["unit"] and item["kind"] != "percent":
            by_value.setdefault((round(item["value"], 4), item["kind"]), []).append(item)
    for group in by_value.values():
        units = sorted({i["unit"] for i in group}, key=len)
        for item in group:
            for short in units:
                long_ = item["unit"].lower()
                if long_ == short.lower():
                    continue
                # "đại biểu chính thức" = "đại biểu"; "13 triệu lượt khách quốc tế" = "13
                # triệu khách quốc tế": "lượt" (a counting classifier) counts the same visits
                if long_.startswith(short.lower() + " ") or _CLASSIFIER.sub("", long_) == (
                    short.lower()
                ):
                    item["unit"] = short
                    break


def _merge_ranges(items: list[dict], text: str) -> list[dict]:
    """ "từ 500.000 đồng đến 1.000.000 đồng": two figures with one unit make one range."""
    out: list[dict] = []
    for item in items:
        prev = out[-1] if out else None
        if (
            prev
            and prev["max"] is None
            and item["max"] is None
            and prev["unit"]
            and prev["unit"] == item["unit"]
            and prev["value"] < item["value"]
            and text[prev["end"] : item["start"]].strip().lower() in RANGE_SEPARATORS
        ):
            prev["max"] = item["value"]
            prev["end"] = item["end"]
            prev["text"] = text[prev["start"] : item["end"]]
            continue
        out.append(item)
    return out


def _refers_back(text: str, end: int) -> bool:
    after = text[end : end + 12].lower().lstrip()
    return any(
        after.startswith(w) and not after[len(w) : len(w) + 1].isalpha() for w in ANAPHORA_AFTER
    )


_ROW_LABEL = re.compile(r"^\s*\d+(?:\.\d+)*\.?\s+(?:Có\s+)?(.*)$")


def _row_noun(text: str, start: int) -> str | None:
    """The noun of a table row for a figure alone in its cell ("3.7. Có tổ khuyến nông cộng
    đồng hoạt động hiệu quả" ... "≥01" gives "tổ khuyến nông")."""
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", start)
    cell = text[ls : le if le >= 0 else len(text)].strip()
    if not re.fullmatch(r"[≥≤<>]?=?\s*[\d.,]+\s*", cell):
        return None
    pos = ls - 1
    for _ in range(6):  # the row label is a few cells up
        if pos <= 0:
            return None
        prev_start = text.rfind("\n", 0, pos) + 1
        line = text[prev_start:pos]
        m = _ROW_LABEL.match(line)
        if m and line.strip() and not re.fullmatch(r"[\d.\s]+", line):
            return _row_label_noun(m.group(1))
        pos = prev_start - 1
    return None


def _row_label_noun(label: str) -> str | None:
    """The first noun phrase of a row label, up to its verb: "tổ khuyến nông cộng đồng"."""
    from vnpolicy.nlp.segment import segment_words

    spans = segment_words(label)
    if not spans:
        return None
    noun, _ = _counted_noun(label, spans, [a for a, _ in spans], 0)
    return noun


def _noun_before(at: AnalyzedText, start: int) -> str | None:
    """ "(cơ số 01)": a number closing its parenthesis counts the noun written before it."""
    text = at.text
    m = re.search(r"\(([^\W\d_][^\W\d]*(?: [^\W\d_][^\W\d]*)?) $", text[max(0, start - 30) : start])
    if not m:
        return None
    close = re.match(r"[\d.,]+\s*\)", text[start : start + 20])
    return m.group(1) if close else None
