"""Which numeric candidates are statistics: not dates, years, durations, ages, ordinals,
identifiers, names, slogans or page furniture (the gold rules of ../shared/eval/README.md).

>>> from vnpolicy.nlp import analyze
>>> from vnpolicy.extractors.statistic_find import find_figures
>>> at = analyze("Điều 5 quy định trong 30 ngày, tỉnh có 9.757 đồng chí.")
>>> [at.text[f.start : f.end] for f in find_figures(at) if is_statistic(f, at, at.sentences[0])]
['9.757']
"""

from __future__ import annotations

import bisect
import re

from vnpolicy.extractors.numbers import NUMBER_WORDS
from vnpolicy.extractors.statistic_find import Figure
from vnpolicy.extractors.statistic_words import (
    QUOTED_NOUN,
    counted_noun,
    is_wordish,
    prev_words,
    tokens_from,
    words_of,
)
from vnpolicy.extractors.statistics_vocab import (
    CURRENCY_WORDS,
    FRACTION_TIME_NOUNS,
    FURNITURE_LINE_STARTS,
    FURNITURE_MARKERS,
    FURNITURE_MAX_LINE,
    GROWTH_VERBS,
    LEVEL_MODEL_NOUNS,
    NAM_NOT_AFTER,
    NAM_YEAR_FOLLOWERS,
    NON_QUANTITY_BEFORE,
    NOT_TIME_COMPOUNDS,
    NOUN_STOP_WORDS,
    NOUN_VERB_STOPS,
    NUMBER_IDIOMS,
    PAIR_AGREEMENT,
    PAIR_NOUNS,
    SIDES_COUNTED_AFTER,
    SPELLED_NOT_AFTER,
    SPELLED_NOT_BEFORE,
    TIME_MONEY_FOLLOWERS,
    TIME_SPAN_FOLLOWERS,
    TIME_WORDS,
    TIME_WORDS_COUNTING_EVENTS,
)
from vnpolicy.nlp import AnalyzedText, Sentence

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
_YEAR = re.compile(r"(?:19|20)\d\d")
#: An opening quote right before a figure, with at most a word or two between.
_OPEN_QUOTE_BEFORE = re.compile(r"(?:“|(?:^|(?<=[\s(]))\")(?:[^\W\d_]+\s){0,2}$")
_RANK_BEFORE = re.compile(
    r"(?:thứ|hạng|top)\s+\d+\s*(?:/|trong|trên|trong số|trong tổng số)\s*$", re.IGNORECASE
)
#: A capitalized word or acronym right before a number: "iPhone 8", "Trung ương 5".
_WORD_BEFORE = re.compile(r"(?<![\w.])([^\W\d_][\w-]*)[ \t]+$")


def _is_furniture(text: str, start: int) -> bool:
    """Is the line holding `start` page furniture ("Tổng lượt truy cập: 74029355")?"""
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", start)
    line = text[ls : le if le >= 0 else len(text)].strip()
    low = line.lower()
    if low.startswith(FURNITURE_LINE_STARTS):
        return True
    return len(line) <= FURNITURE_MAX_LINE and any(m in low for m in FURNITURE_MARKERS)


def _is_year_like(fig: Figure, text: str) -> bool:
    s, e = fig.extra["n1span"]
    tok = text[s:e]
    if not _YEAR.fullmatch(tok):
        return False
    if fig.percent or fig.unit or fig.extra.get("scale"):
        return False
    return True


_ORDINAL_BEFORE = re.compile(r"(?<!\w)thứ\s+$", re.IGNORECASE)


_IDIOM_RE = re.compile(
    r"(?<!\w)(?:"
    + "|".join(re.escape(i) for i in sorted(NUMBER_IDIOMS, key=len, reverse=True))
    + r")(?!\w)",
    re.IGNORECASE,
)
_LEVELS_AFTER = re.compile(
    r"\s+cấp(?!\s+(?:xã|huyện|tỉnh|cơ sở|trung ương|ủy|phó|trưởng|bộ|phòng|sở|ngành)\b)(?!\w)", re.I
)
_LEVEL_MODEL_BEFORE = re.compile(
    r"(?:" + "|".join(sorted(LEVEL_MODEL_NOUNS, key=len, reverse=True)) + r")\s+$", re.IGNORECASE
)
_SIDES = re.compile(r"hai\s+bên(?!\w)", re.IGNORECASE)
_GROWTH_START = re.compile(r"(?:^|[.;:\n]\s*|,\s*)[Tt]ừ\s+$")


def is_figure_of_speech(fig: Figure, text: str) -> bool:
    """A number in an idiom or a fixed name: "con dao hai lưỡi", "năm châu", "hai bên" (both
    sides, unless they dispute), "chính quyền địa phương 2 cấp", "Từ 1 nhà máy hình thành ...".

    >>> from vnpolicy.nlp import analyze
    >>> from vnpolicy.extractors.statistic_find import find_figures
    >>> t = "Mạng xã hội là con dao hai lưỡi; mô hình chính quyền 2 cấp vận hành."
    >>> [is_figure_of_speech(f, t) for f in find_figures(analyze(t))]
    [True, True]
    """
    line_start = max(0, fig.start - 40)
    for m in _IDIOM_RE.finditer(text, line_start, min(len(text), fig.end + 40)):
        if m.start() <= fig.start and fig.end <= m.end():
            return True
    if _LEVELS_AFTER.match(text, fig.end) and _LEVEL_MODEL_BEFORE.search(
        text, max(0, fig.start - 40), fig.start
    ):
        return True
    sides = _SIDES.match(text, fig.start)
    if sides:
        after = text[sides.end() : sides.end() + 30].lower().lstrip()
        return not after.startswith(SIDES_COUNTED_AFTER)
    if fig.value == 1 and _GROWTH_START.search(text, max(0, fig.start - 10), fig.start):
        clause_end = re.search(r"[.;\n]", text[fig.end :])
        clause = text[fig.end : fig.end + (clause_end.start() if clause_end else 120)].lower()
        return any(verb in clause for verb in GROWTH_VERBS)
    return False


def is_statistic(fig: Figure, at: AnalyzedText, sent: Sentence) -> bool:
    """Does `fig` state a quantity, not a date, duration, ordinal, identifier or name?"""
    text = at.text
    starts, words = words_of(sent)
    if _is_furniture(text, fig.start) or is_figure_of_speech(fig, text):
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
    prev = prev_words(text, words, starts, fig.start, 3)
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
            and not _listed_place(text, fig)
        ):
            return False
    # what follows: a time word makes a duration, a period or an age
    if not fig.percent and not fig.unit:
        toks = tokens_from(text, words, starts, fig.end)
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


_PLACE_ITEM = re.compile(
    r"(?:^|[:;,]\s*)(?:(?:tỉnh|huyện|thành phố|quận|thị xã|xã|phường)\s+)?"
    r"((?:[A-ZĐ][\w-]*\s+){1,4})$"
)


def _listed_place(text: str, fig: Figure) -> bool:
    """ "Số hộ nghèo: huyện Gio Linh 1.250 hộ, Vĩnh Linh 980 hộ": an item of a list named by
    a place, not a model number."""
    m = _PLACE_ITEM.search(text, max(0, fig.start - 50), fig.start)
    if not m:
        return False
    from vnpolicy.extractors.gazetteer import is_place

    return is_place(m.group(1).strip())


def _counted_after_object(text: str, words, starts, fig: Figure, word: str) -> bool:
    """ "đưa ra khỏi Đảng 58 đảng viên", "cho ra khỏi Đảng 112 trường hợp": the capitalized
    word ends a verb's object (the Party or the Union after "khỏi"/"vào", or the same noun
    again in lower case) and the number counts the noun after it; "Hội nghị Trung ương 5",
    "iPhone 8 sẽ", "Đoàn 871 tổ chức" stay names."""
    noun, _ = counted_noun(text, words, starts, fig.end)
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
    toks = tokens_from(text, words, starts, fig.end)
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
        and is_wordish(rest)
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
    starts, words = words_of(sent)
    if last in SPELLED_NOT_AFTER and last not in ("cả",):
        return False
    toks = tokens_from(text, words, starts, fig.end)
    if not toks or toks[0][0] - fig.end > 1:
        return False
    nxt = text[toks[0][0] : toks[0][1]]
    two = " ".join(text[a:b] for a, b in toks[:2]).lower()
    low = nxt.lower()
    if not is_wordish(nxt) or nxt[0].isupper():
        return False
    if low in FRACTION_TIME_NOUNS or two in FRACTION_TIME_NOUNS or low.split()[0] in TIME_WORDS:
        return False
    return low not in NOUN_STOP_WORDS or low in ("số", "tổng số")


def _spelled_is_count(fig: Figure, at: AnalyzedText, sent: Sentence, last: str) -> bool:
    text = at.text
    starts, words = words_of(sent)
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
    quoted = QUOTED_NOUN.match(text, fig.end)
    if quoted and len(quoted.group(1).split()) <= 8 and not word_is_nam:
        return True  # hai mươi lăm "Ngôi nhà khăn quàng đỏ"; not năm “Thanh niên tình nguyện”
    toks = tokens_from(text, words, starts, fig.end)
    nxt = text[toks[0][0] : toks[0][1]] if toks else ""
    if not nxt or not is_wordish(nxt) or nxt[0].isupper():
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
