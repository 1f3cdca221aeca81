"""Frames around a figure that say what it counts when its noun alone says too little.

Read on a sentence's words and POS tags (`statistic_measure.SentenceWords`):

- `object_predicate`: a count that is the object of "cho", "tại", "đối với" takes the verb
  phrase before the preposition ("tổ chức 94 lớp bồi dưỡng nhận thức về Đảng cho 5.156 quần
  chúng" -> "quần chúng được bồi dưỡng nhận thức về Đảng"); one owned by "của" takes what it
  owns ("qua báo cáo của 28 bộ" -> "bộ có báo cáo");
- `lead_in_topic`: a short label of a list ("Cụ thể: Tổng số thu: 911.100 tỷ đồng") takes the
  noun phrase its lead-in sentence gives after the label's word ("nhiệm vụ thu, chi ngân sách
  nhà nước" -> "tổng số thu ngân sách nhà nước");
- `antecedent`: a noun taken up with "này" ("số nợ này còn 9.654 tỷ đồng") is the phrase that
  named it before ("nợ đọng xây dựng cơ bản");
- `rate_phrase` ("duy trì mức tăng trưởng 30%"), `ratio_base` (the whole after a percentage:
  "bằng 5,0% GDP", "chiếm 2,88% tổng số xã") and `words_of_figures` (the words other figures
  take, which end a phrase).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from vnpolicy.extractors.statistics_vocab import (
    APPROXIMATE_BEFORE,
    BOUND_BEFORE,
    LINK_VERBS,
    NP_END_WORDS,
    RATE_NOUNS,
    RATIO_BASE_HEADS,
)

if TYPE_CHECKING:
    from vnpolicy.extractors.statistic_measure import SentenceWords

#: Prepositions whose object a count can be: who receives, where, of whom.
_OBJECT_PREPOSITIONS = {"cho", "tại", "đối với", "của"}
#: Words that end a verb phrase walked back from a preposition: auxiliaries and clause marks.
_PREDICATE_STOPS = {
    "đã", "đang", "sẽ", "vừa", "mới", "cũng", "đều", "vẫn", "thì", "mà", "nên", "để", "khi",
    "nhưng", "song", "hoặc", "trong đó", "theo", "do", "vì", "nhờ",
}  # fmt: skip
#: Verbs whose complement is another verb phrase: the figure's predicate is the complement.
_CONTROL_VERBS = {
    "đồng ý", "nhất trí", "cho phép", "quyết định", "tiếp tục", "đề nghị", "cho", "chấp thuận",
    "thống nhất", "gia hạn", "đề xuất", "yêu cầu", "chỉ đạo", "tiến hành",
}  # fmt: skip
#: Nouns that open the title of a programme or a document: a verb after them is the title's.
_TITLE_NOUNS = {
    "chương trình", "đề án", "dự án", "kế hoạch", "nghị quyết", "quyết định", "phong trào",
    "cuộc vận động", "chiến lược", "quy hoạch", "luật", "nghị định", "chỉ thị",
}  # fmt: skip
_MAX_PREDICATE = 7
_PUNCT = set(",;:.!?()[]“”\"'…-–—/")


def _skip_back(sw: SentenceWords, k: int) -> int:
    while k >= 0 and (sw.lows[k] in APPROXIMATE_BEFORE or sw.lows[k] in BOUND_BEFORE):
        k -= 1
    return k


def _is_punct(word: str) -> bool:
    return all(ch in _PUNCT for ch in word)


def _has_digit(word: str) -> bool:
    return any(ch.isdigit() for ch in word)


def _is_mark(word: str) -> bool:
    return _is_punct(word) or _has_digit(word)


def _phrase(sw: SentenceWords, idx: list[int]) -> str:
    """The words `idx` (contiguous) as written."""
    return " ".join(sw.text[sw.spans[idx[0]][0] : sw.spans[idx[-1]][1]].split())


def object_predicate(sw: SentenceWords, i: int, taken: set[int]) -> tuple[str, str] | None:
    """(preposition, phrase) when the count at word `i` is the object of a preposition after
    a verb phrase: "kiểm tra công tác cán bộ tại [5] đơn vị" -> ("tại", "kiểm tra công tác
    cán bộ"). One noun may stand between ("cho công dân [40] thị trường"). `taken` holds the
    indexes of words inside other figures, which end the phrase."""
    k = _skip_back(sw, i - 1)
    if k >= 1 and sw.tags[k] in ("N", "Nc") and sw.lows[k - 1] in _OBJECT_PREPOSITIONS:
        k -= 1  # "cho công dân 40 thị trường": the noun the count specifies
    if k < 1 or sw.lows[k] not in _OBJECT_PREPOSITIONS:
        return None
    prep = sw.lows[k]
    out: list[int] = []
    m = k - 1
    if prep == "cho" and m in taken:  # "hỗ trợ 2 triệu đồng cho 100 hộ": the verb before it
        while m >= 0 and (m in taken or sw.lows[m] in APPROXIMATE_BEFORE):
            m -= 1
    while m >= 0 and len(out) < 12:
        w, low, tag = sw.words[m], sw.lows[m], sw.tags[m]
        if m in taken or _is_mark(w) or low in _PREDICATE_STOPS or low in _OBJECT_PREPOSITIONS:
            break
        if tag in ("R", "L", "CH") or (tag == "E" and low not in ("về", "qua")):
            break
        if tag == "C" and low != "và":
            break
        out.insert(0, m)
        m -= 1
    if prep == "của":
        while out and (sw.tags[out[0]] not in ("N", "Nc") or sw.words[out[0]][:1].isupper()):
            out.pop(0)  # "qua báo cáo của 28 bộ": what the count owns is a noun phrase
        if not out and k >= 1 and sw.lows[k - 1] == "báo cáo":
            out = [k - 1]
    else:
        verbs = [n for n in out if sw.tags[n] == "V"]
        if (
            verbs
            and verbs[0] > 0
            and sw.words[verbs[0] - 1][:1].isupper()
            and (sw.lows[verbs[0] - 1] in _TITLE_NOUNS)
        ):
            return None  # "Chương trình hỗ trợ giảm nghèo ... đối với 61 huyện nghèo": a title
        out = [n for n in out if verbs and n >= verbs[0]]
        while len(out) > 1 and sw.lows[out[0]] in _CONTROL_VERBS:
            out.pop(0)  # "đồng ý tiếp tục gia hạn miễn visa": what is granted, not the consent
    while out and (sw.lows[out[-1]] in ("và", "được", "bị") or sw.tags[out[-1]] == "E"):
        out.pop()
    if not out:
        return None
    out = out[:_MAX_PREDICATE]
    return prep, " ".join(sw.text[sw.spans[out[0]][0] : sw.spans[out[-1]][1]].split())


def lead_in_topic(text: str, sentence_start: int, label: str) -> str | None:
    """The noun phrase a list's lead-in sentence gives after the label's last word: under
    "... nhiệm vụ thu, chi ngân sách nhà nước (NSNN) năm 2015. Cụ thể:", the label "Tổng số
    chi" is "tổng số chi ngân sách nhà nước". Only for a list opened by "Cụ thể:", "như sau:".

    >>> lead_in_topic("Quyết định nhiệm vụ thu, chi ngân sách nhà nước (NSNN) năm 2015. "
    ...               "Cụ thể: Tổng số chi: 1.000 tỷ đồng", 65, "Tổng số chi")
    'ngân sách nhà nước'
    """
    words = label.split()
    if not words or not _LIST_OPENER.match(text, sentence_start):
        return None
    prev_end = text.rfind(".", 0, max(0, sentence_start - 2))
    lead = text[max(0, prev_end + 1, sentence_start - 400) : sentence_start]
    pattern = (
        rf"(?<!\w){re.escape(words[-1])}(?:,\s*[^\W\d_]+)*\s+((?:[^\W\d_]+\s+){{0,5}}[^\W\d_]+)"
    )
    m = re.search(pattern, lead, re.IGNORECASE)
    if not m:
        return None
    topic: list[str] = []
    for w in m.group(1).split():
        if w.lower() in _TOPIC_ENDS:
            break
        topic.append(w)
    return " ".join(topic) if len(topic) >= 2 else None


_LIST_OPENER = re.compile(r"\s*(?:cụ thể|như sau|gồm|bao gồm|theo đó)\s*:", re.IGNORECASE)
_TOPIC_ENDS = {"năm", "giai", "trong", "của", "và", "là", "tại", "theo", "đã", "được", "cho"}


def antecedent(text: str, before: int, head: str, window: int = 600) -> str | None:
    """The phrase that named `head` before a "này" took it up: "nợ đọng xây dựng cơ bản đã
    được ... xử lý. Hiện số nợ này còn" -> "nợ đọng xây dựng cơ bản".

    >>> antecedent("Nợ đọng xây dựng cơ bản đã được xử lý. Hiện số nợ này còn", 44, "nợ")
    'Nợ đọng xây dựng cơ bản'
    """
    span = text[max(0, before - window) : before]
    stops = (
        r"(?:đã|đang|sẽ|được|bị|là|có|của|tại|ở|trong|với|và|này|đó|thì|mà|tới|đến|hơn|so"
        r"|còn|khoảng|gần|trên|dưới|\d)"
    )
    pattern = rf"(?<!\w){re.escape(head)}((?:\s+(?!{stops}\b)[^\W\d_]+){{1,6}})"
    found = [" ".join(m.group(0).split()) for m in re.finditer(pattern, span, re.IGNORECASE)]
    found = [f for f in found if len(f.split()) > len(head.split())]
    return max(reversed(found), key=lambda f: len(f.split())) if found else None


def rate_phrase(sw: SentenceWords, i: int) -> list[int]:
    """A rate written right before its figure: "đà tăng [26%]", "mức tăng trưởng [30%]"."""
    k = i - 1
    while k >= 0 and (sw.lows[k] in APPROXIMATE_BEFORE or sw.lows[k] in BOUND_BEFORE):
        k -= 1
    end = k + 1
    for r in range(k, max(-1, k - 4), -1):
        if _is_punct(sw.words[r]) or sw.lows[r] in LINK_VERBS - {"tăng", "giảm"}:
            return []
        if sw.lows[r] in RATE_NOUNS:
            return list(range(r, end)) if end - r >= 2 else []
    return []


def opens_with_verb(sw: SentenceWords, phrase: str) -> bool:
    """Does `phrase` open with a word the sentence tags as a verb ("kiến nghị thu hồi ...")?"""
    first = phrase.split()[0].lower() if phrase.split() else ""
    return any(low.split()[0] == first and sw.tags[n] == "V" for n, low in enumerate(sw.lows))


def ratio_base(sw: SentenceWords, j: int) -> str | None:
    """The whole a percentage is taken of, written right after it: "5,0% GDP", "32,7% dự toán
    cả năm", "2,88% tổng số xã"."""
    out: list[int] = []
    k = j
    while k < len(sw.words) and len(out) < 6:
        w, low, tag = sw.words[k], sw.lows[k], sw.tags[k]
        if _is_punct(w) or _has_digit(w) or low in NP_END_WORDS or (low == "cả" and out):
            break
        after_total = out and sw.lows[out[-1]] in ("số", "tổng số")  # "tổng số hộ"
        if (
            not after_total
            and tag not in ("N", "Np", "Nc", "Ny", "Z", "A")
            and (low not in RATIO_BASE_HEADS)
        ):
            break
        out.append(k)
        k += 1
    if not out or sw.tags[out[0]] == "A" or sw.lows[out[-1]] in ("số", "tổng số", "tổng"):
        return None
    return _phrase(sw, out)


def words_of_figures(sw: SentenceWords, statistics: list[dict], item: dict) -> set[int]:
    """Indexes of the sentence's words inside the other figures (number and counted noun)."""
    lo, hi = sw.spans[0][0] if sw.spans else 0, sw.spans[-1][1] if sw.spans else 0
    out: set[int] = set()
    for other in statistics:
        if other is item or other["end"] <= lo or other["start"] >= hi:
            continue
        noun_start, noun_end = other.get("_noun") or (other["end"], other["end"])
        end = min(other["end"], noun_start) if noun_end > noun_start else other["end"]
        for n, (a, b) in enumerate(sw.spans):
            if a < end and b > other["start"]:
                out.add(n)
        if noun_end > noun_start:  # the head of its counted noun, not the words that modify it
            out.add(sw.index_at(noun_start))
    return out
