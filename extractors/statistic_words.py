"""Reading the words around a number: the counted noun after it, the words before it.

Shared by finding, classifying and resolving statistics; works on a sentence's word spans
(underthesea's words, `Sentence.words`) in normalized-text offsets.

>>> from vnpolicy.nlp import analyze
>>> at = analyze("Tỉnh giới thiệu 8.034 đoàn viên ưu tú cho Đảng.")
>>> starts, words = words_of(at.sentences[0])
>>> counted_noun(at.text, words, starts, at.text.index(" đoàn"))[0]
'đoàn viên ưu tú'
"""

from __future__ import annotations

import bisect
import re

from vnpolicy.extractors.statistics_vocab import (
    APPROXIMATE_BEFORE,
    CURRENCY_WORDS,
    MEASURE_HEADS,
    MEASURE_UNITS,
    NOUN_STOP_WORDS,
    NOUN_VERB_STOPS,
    NOUNS_AFTER_NUMBER,
    TIME_MONEY_FOLLOWERS,
    TIME_WORDS,
    TITLE_HEADS,
)
from vnpolicy.nlp import Sentence

Words = list[tuple[int, int]]

#: Units written in several words or with a digit ("95 chỉ vàng", "300 m2", "2 tỷ m3",
#: "5 đô la"), which the word segmenter may split or the noun reader stop at.
COMPOUND_UNIT = re.compile(
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
QUOTED_NOUN = re.compile(r"[ \t]?[“\"]([^\W\d_][^“”\"\n]{1,60}?)[”\"]")
ABBREVIATED_NOUN = re.compile(r"\s?(đ/c|Đ/c|đ/chí)(?!\w)")


def words_of(sent: Sentence) -> tuple[list[int], Words]:
    """The start offsets of a sentence's words, and the word spans themselves."""
    return [s for s, _ in sent.words], sent.words


def word_index(starts: list[int], pos: int) -> int:
    """Index of the first word starting at or after `pos`."""
    return bisect.bisect_left(starts, pos)


def prev_words(text: str, words, starts, pos: int, n: int) -> list[str]:
    i = word_index(starts, pos)
    return [text[s:e].lower() for s, e in words[max(i - n, 0) : i]]


def is_wordish(token: str) -> bool:
    return any(ch.isalpha() for ch in token) and not any(ch.isdigit() for ch in token)


def tokens_from(text: str, words, starts, pos: int) -> list[tuple[int, int]]:
    """Word spans from `pos` on; a word that straddles `pos` ("3.847 cuộc") keeps its tail."""
    i = bisect.bisect_right(starts, pos) - 1
    out: list[tuple[int, int]] = []
    if i >= 0 and words[i][0] < pos < words[i][1]:
        tail = text[pos : words[i][1]]
        lead = len(tail) - len(tail.lstrip())
        if tail.strip():
            out.append((pos + lead, words[i][1]))
    out.extend(words[word_index(starts, pos) :])
    return out


def is_proper_name(tok: str) -> bool:
    """ "Tôn Đản", "Tây Âu", "Hà Nội": every syllable capitalized."""
    parts = tok.split()
    return len(parts) >= 2 and all(p[0].isupper() for p in parts)


def counted_noun(text: str, words, starts, pos: int) -> tuple[str | None, int]:
    """The noun phrase counted by a number ending at `pos`: "8.034 đoàn viên ưu tú cho ..."."""
    abbr = ABBREVIATED_NOUN.match(text, pos)
    if abbr:  # "03 đ/c": đồng chí
        return abbr.group(1), abbr.end(1)
    quoted = QUOTED_NOUN.match(text, pos)
    if quoted and len(quoted.group(1).split()) <= 8:
        return quoted.group(1), quoted.end(1)
    compound = COMPOUND_UNIT.match(text, pos)
    if compound:  # "300 m2", "95 chỉ vàng"
        return compound.group(1), compound.end(1)
    toks = tokens_from(text, words, starts, pos)
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
            and is_wordish(text[toks[i + 1][0] : toks[i + 1][1]])
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
        if not is_wordish(tok) or low in NOUN_STOP_WORDS:
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
            if (is_proper_name(tok) and not tok.isupper()) or (
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
            if is_proper_name(tok) or (low in MEASURE_UNITS and len(low) <= 3):
                break
            picked.append((s, e))
        i += 1
    if not picked:
        return None, pos
    return text[picked[0][0] : picked[-1][1]], picked[-1][1]


def kind_of(unit: str, before: str) -> str:
    low = unit.lower()
    if low in CURRENCY_WORDS:
        return "money"
    if low in MEASURE_UNITS or unit in MEASURE_UNITS:
        return "measure"
    if low in MEASURE_HEADS and before in ("gấp", "bằng", "hơn", "tăng", "giảm"):
        return "measure"
    return "count"
