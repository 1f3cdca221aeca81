"""What a figure measures: the noun phrase that says what is counted or measured (`subject`).

Read on the sentence's words and their part-of-speech tags (underthesea's POS model, run on
the segmented words of sentences that hold figures only):

- a count measures its counted noun with the words that modify it, and, when that phrase is
  short, the verb that governs the number: "kết nạp 1.234 đảng viên mới" -> "đảng viên mới";
  "đã tiếp 197.700 lượt công dân" -> "lượt công dân được tiếp";
- a figure right after another one in its clause shares that one's measure ("11.727 đoàn
  viên, chiếm 29,9%"), a change of it says so ("tăng 8% so với cùng kỳ" -> "mức tăng ...");
- a rate, a sum or a measure without a noun after it measures the subject of its clause,
  up to the verb before it: "tỷ lệ hộ nghèo giảm còn 3,5%" -> "tỷ lệ hộ nghèo"; a label before
  a colon ("Tổng số thu: 911.100 tỷ đồng") names it; items of a list named by place ("tỉ lệ
  nữ lãnh đạo cấp tỉnh: Lạng Sơn 24,4%, Lào Cai 19,1%") share the list's head.

Abbreviations the document defines ("ngân sách nhà nước (NSNN)") are written out; proper
names keep their case; numbers, approximations, periods and places are left out.

>>> from vnpolicy.nlp import analyze
>>> from vnpolicy.extractors.statistics import extract_statistics
>>> [s["subject"] for s in extract_statistics(analyze("Tỷ lệ hộ nghèo giảm còn 3,5%."))]
['tỷ lệ hộ nghèo']
"""

from __future__ import annotations

import re

from vnpolicy.extractors.statistic_frames import (
    antecedent,
    lead_in_topic,
    object_predicate,
    opens_with_verb,
    rate_phrase,
    ratio_base,
    words_of_figures,
)
from vnpolicy.extractors.statistics_vocab import (
    ACTOR_NOUNS,
    APPROXIMATE_BEFORE,
    BOUND_BEFORE,
    CURRENCY_WORDS,
    GENERIC_COUNTED_NOUNS,
    LINK_VERBS,
    LOCALITY_KINDS,
    MEASURE_UNITS,
    NP_END_WORDS,
    POST_TITLES,
    SUBJECT_CUTS,
    SUBJECT_OPENERS,
    TITLE_HEADS,
)
from vnpolicy.nlp import AnalyzedText, Sentence
from vnpolicy.nlp import pos as _pos

_GOVERNING_SKIP = APPROXIMATE_BEFORE | set(BOUND_BEFORE) | {
    "đối với", "được", "bị", "đã", "từ", "tổng cộng", "tổng số",
    "lên", "xuống", "còn", "đến", "tới", "thêm", "mới", "trên", "dưới", "gần", "hơn",
}  # fmt: skip
_NOT_GOVERNING = LINK_VERBS | {"phấn đấu", "đạt được", "bình quân", "trung bình", "mỗi", "chỉ"}
_PUNCT = set(",;:.!?()[]“”\"'…-–—/")
_PERIOD_WORDS = re.compile(
    r"(?:giai đoạn|nhiệm kỳ|thời kỳ|năm|tháng|quý|từ|đến|trong)\s+(?:năm\s+)?(?:19|20)\d\d"
    r"(?:\s*[-–]\s*(?:19|20)\d\d)?|\b(?:19|20)\d\d\b",
    re.IGNORECASE,
)
#: "(NSNN)" after a space, then the words before it ("ngân sách nhà nước"), read backwards
#: from the bracket: a search for the words first would retry them at every letter.
_ABBREVIATION_SHORT = re.compile(r" \((?P<short>[A-ZĐ][A-ZĐa-z&-]{1,9})\)")
_LONG_BEFORE = re.compile(r"(?:[^\W\d_][^\W\d_ ]*)(?: [^\W\d_][^\W\d_ ]*){1,7}$")
_LONG_CHARS = 160  # eight words of a long form fit in this many characters
_MAX_WORDS = 12
_PER_UNIT = re.compile(r"^(?:\s*/\s*[^\W\d_]+)+")  # "/năm", "/người/tháng"


def abbreviations(text: str) -> dict[str, str]:
    """Abbreviations a document defines, with their long form: "ngân sách nhà nước (NSNN)"
    -> {"NSNN": "ngân sách nhà nước"}. The long form is the last words whose initials
    spell the abbreviation.

    >>> abbreviations("quyết toán ngân sách nhà nước (NSNN) năm 2015")
    {'NSNN': 'ngân sách nhà nước'}
    """
    out: dict[str, str] = {}
    for m in _ABBREVIATION_SHORT.finditer(text):
        long = _LONG_BEFORE.search(text, max(0, m.start() - _LONG_CHARS), m.start())
        if long is None:
            continue
        short = m.group("short")
        letters = [ch for ch in short.lower() if ch.isalpha()]
        words = long.group(0).split()
        for n in range(min(len(words), 8), 0, -1):
            cand = words[-n:]
            if [w[0].lower() for w in cand] == letters:
                out.setdefault(short, " ".join(cand))
                break
    return out


class SentenceWords:
    """A sentence's words with their tags, read once for all of its figures."""

    def __init__(self, text: str, sent: Sentence, abbr: dict[str, str] | None = None):
        self.text = text
        self.abbr = abbr or {}
        self.spans = [(s, e) for s, e in sent.words]
        self.words = [text[s:e] for s, e in self.spans]
        self.lows = [w.lower() for w in self.words]
        self._tags: list[str] | None = None

    @property
    def tags(self) -> list[str]:
        if self._tags is None:
            self._tags = _pos.pos_tags(self.words)  # underthesea's tags, features built once
        return self._tags

    def index_at(self, pos: int) -> int:
        """Index of the first word ending after `pos`."""
        for i, (_, e) in enumerate(self.spans):
            if e > pos:
                return i
        return len(self.spans)


def _is_punct(word: str) -> bool:
    return all(ch in _PUNCT for ch in word)


def _has_digit(word: str) -> bool:
    return any(ch.isdigit() for ch in word)


def _capitalized_name(sw: SentenceWords, i: int) -> bool:
    """A proper name inside a phrase: "Quảng Trị", "Hà Nội" (not "Đảng", "Đoàn", titles)."""
    w = sw.words[i]
    if not w[:1].isupper() or w.split()[0] in TITLE_HEADS or w in ("Đảng", "Đoàn", "Nhà nước"):
        return False
    if w in sw.abbr:
        return False  # "NSNN": an abbreviation the document defines
    return sw.tags[i] == "Np" or (len(w.split()) > 1 and all(p[:1].isupper() for p in w.split()))


def _starts_name(sw: SentenceWords, k: int) -> bool:
    """Does a body's or place's name start at word `k` ("Đoàn TNCS Hồ Chí Minh", "Hà Nội")?"""
    nxt = sw.words[k + 1] if k + 1 < len(sw.words) else ""
    if (
        sw.words[k] in sw.abbr
        or sw.words[k] in POST_TITLES
        or sw.words[k].split()[0] in POST_TITLES
    ):
        return False  # "số lượng Phó Giám đốc sở": a post is what is counted, not a name
    return _capitalized_name(sw, k) or (sw.words[k][:1].isupper() and nxt[:1].isupper())


def _modifiers_after(sw: SentenceWords, j: int, limit: int = 6) -> list[int]:
    """Indexes of the words that modify a noun phrase from word `j` on: adjectives, nouns and
    participles ("ưu tú", "được tiếp", "đạt chuẩn nông thôn mới", "có hành vi tham nhũng")."""
    out: list[int] = []
    while j < len(sw.words) and len(out) < limit:
        w, low, tag = sw.words[j], sw.lows[j], sw.tags[j]
        if w == "(" and not out:
            close = next(
                (n for n in range(j + 1, min(j + 18, len(sw.words))) if sw.words[n] == ")"), None
            )
            if close is not None:  # "2.358 xã (26,43%) đạt chuẩn": an aside
                j = close + 1
                continue
        nxt = sw.words[j + 1] if j + 1 < len(sw.words) else ""
        if tag == "V" and (_has_digit(nxt) or nxt.lower() in APPROXIMATE_BEFORE):
            break  # "đoàn viên, chiếm 29,9%": the verb of the next figure
        if low == "và" and out == [] and j + 1 < len(sw.words) and sw.tags[j + 1] in ("N", "A"):
            if not any(_has_digit(x) for x in sw.words[j + 1 : j + 3]):
                out.extend([j, j + 1])  # "03 phòng và tương đương": a pair naming one thing
                j += 2
                continue
        if low == "trên" and j + 2 < len(sw.words) and sw.lows[j + 1] in ("01", "1", "một"):
            per = _modifiers_after(sw, j + 2, limit)
            if per:  # "4,5 tổ chức trên 01 đơn vị hành chính cấp xã": a rate per unit
                out.extend([j, *per])
                break
        if (
            w == ","
            and len(out) <= 1
            and j + 2 < len(sw.words)
            and sw.tags[j + 1] == "N"
            and sw.words[j + 1][:1].islower()
            and sw.lows[j + 1] not in NP_END_WORDS
            and not any(_has_digit(x) for x in sw.words[j + 2 : j + 5])
            and sw.tags[j + 2] != "CH"
        ):  # "100% các tỉnh, thành phố trực thuộc Trung ương": a pair naming one set
            out.extend([j, j + 1])
            j += 2
            continue
        if (
            low in ("dưới", "trên")
            and j + 2 < len(sw.words)
            and _has_digit(sw.words[j + 1])
            and sw.tags[j + 2] == "N"
        ):  # "257 xã dưới 5 tiêu chí": the class the count is of
            out.extend([j, j + 1, j + 2])
            break
        if _is_punct(w) or _has_digit(w) or low in NP_END_WORDS or tag in ("CH",):
            break
        if low in ("có",) and not out:
            break
        if tag in ("E", "C", "P") and low not in ("về",):
            break
        if tag == "R" and low not in ("được", "bị", "mới"):
            break
        if _capitalized_name(sw, j):
            break
        out.append(j)
        j += 1
    while out and (sw.lows[out[-1]] in ("được", "bị", "có", "về") or sw.tags[out[-1]] == "E"):
        out.pop()
    return out


def _governing_verb(sw: SentenceWords, i: int) -> list[int]:
    """The verb phrase that governs the number at word `i`: "đã giới thiệu [8.034]",
    "kiến nghị xử lý kỷ luật hành chính đối với [724]": a verb within a few words before
    the number, with only its own words (no name, preposition or clause mark) between."""
    k = i - 1
    while k >= 0 and sw.lows[k] in _GOVERNING_SKIP:
        k -= 1
    out: list[int] = []
    verb_at = None
    while k >= 0 and len(out) < 6:
        w, low, tag = sw.words[k], sw.lows[k], sw.tags[k]
        joined = low == "và" and verb_at is not None and k > 0 and sw.tags[k - 1] == "V"
        if not joined and (
            _is_punct(w)
            or _has_digit(w)
            or tag in ("E", "C", "P", "L", "Np")
            or low in SUBJECT_OPENERS
        ):
            break
        if tag == "R":
            break
        out.insert(0, k)
        if tag == "V":
            verb_at = k
            if (
                k >= 2
                and sw.tags[k - 1] == "N"
                and sw.tags[k - 2] == "V"
                and (sw.lows[k - 2] not in _NOT_GOVERNING and sw.words[k - 1][:1].islower())
            ):  # "chuyển cơ quan điều tra 11 vụ": a verb, its object, a verb
                out[:0] = [k - 2, k - 1]
                verb_at = k - 2
                break
            if k == 0 or (sw.tags[k - 1] != "V" and sw.lows[k - 1] != "và"):
                break
        k -= 1
    if verb_at is None or any(sw.lows[n] in _NOT_GOVERNING for n in out if sw.tags[n] == "V"):
        return []
    out = [n for n in out if n >= verb_at]
    if sw.lows[out[0]] in _NOT_GOVERNING:
        return []
    return out


def _clause_start(sw: SentenceWords, i: int, stops: str = ",;:") -> int:
    k = i - 1
    while k >= 0 and not (sw.words[k] in stops or sw.words[k] in '(“”"…'):
        if sw.words[k] == ")":  # "Chỉ số giá tiêu dùng (CPI) tháng 4 tăng": an aside
            opening = next((n for n in range(k - 1, max(-1, k - 10), -1) if sw.words[n] == "("), -1)
            if opening < 0:
                break
            k = opening
        k -= 1
    return k + 1


def _subject_before(sw: SentenceWords, i: int, min_words: int = 1) -> list[int]:
    """The subject of the clause that ends at word `i`, up to its verb: "Tỷ lệ hộ nghèo
    [giảm còn] 3,5%", "khối địa bàn dân cư [có] 11.727"."""
    # the verb before the figure
    k = i - 1
    while k >= 0 and (sw.lows[k] in APPROXIMATE_BEFORE or sw.lows[k] in BOUND_BEFORE):
        k -= 1
    while k >= 0 and (sw.lows[k] in LINK_VERBS or sw.tags[k] == "R"):
        k -= 1
    end = k + 1
    for start_stops in (",;:", ";:"):
        start = _clause_start(sw, end, start_stops)
        words = _subject_words(sw, start, end)
        if len(words) >= min_words:
            return words
    return []


def _subject_words(sw: SentenceWords, start: int, end: int) -> list[int]:
    idx = list(range(start, end))
    # a period or a date is no subject: "Năm 2023, ...", "giai đoạn 2019 - 2022 các cấp ..."
    idx = [k for k in idx if not _has_digit(sw.words[k])]
    while idx and (
        sw.lows[idx[0]] in SUBJECT_OPENERS
        or sw.tags[idx[0]] in ("E", "C", "R", "P", "L", "CH")
        or sw.lows[idx[0]] in ("giai đoạn", "nhiệm kỳ", "năm", "tháng", "quý", "kỳ")
    ):
        if sw.tags[idx[0]] == "E" and sw.lows[idx[0]] not in ("trong", "với", "về", "qua"):
            # "Theo số liệu thống kê, ...", "Tại hội nghị, ...": a frame, not the subject
            pass
        idx.pop(0)
    out: list[int] = []
    cut: int | None = None  # where a name, a preposition or a mark ended the subject
    cut_by_word = False
    for k in idx:
        low, tag = sw.lows[k], sw.tags[k]
        nouns = any(sw.tags[n] in ("N", "Nc", "Np", "Ny") for n in out)
        if low == "thì" or (out and not nouns and low in SUBJECT_CUTS and cut is None):
            # "Theo Quyết định này thì diện tích rừng ...", "chủ yếu do lĩnh vực khai khoáng
            # giảm": the clause's own subject comes after
            out, cut, cut_by_word = [], None, False
            continue
        if low in ("gồm", "bao gồm") and not out:
            continue  # "(không bao gồm kết dư NSĐP 52.288 tỷ đồng)"
        if low in ("đã", "đang") and out and sw.lows[out[0]] in ("số", "tổng số", "số lượng"):
            out.append(k)  # "số người đã kê khai": a relative clause of the counted noun
            continue
        if low in ("có", "đạt", "với", "gồm", "bao gồm") and out and not cut_by_word:
            # "Dự án có diện tích 64 ha", "Công ty X đạt doanh thu ...": the phrase after it
            out, cut = [], None
            continue
        if cut is not None:
            continue
        domestic = low in ("trong", "ngoài") and k + 1 < len(sw.lows) and sw.lows[k + 1] == "nước"
        if (
            out
            and not domestic
            and (low in SUBJECT_CUTS or (tag == "E" and low not in ("về", "từ")))
        ):  # ("vay trong nước": domestic, not a place)
            cut, cut_by_word = len(out), True
            continue
        if _is_punct(sw.words[k]) and sw.words[k] not in ("-",):
            cut, cut_by_word = len(out), True
            continue
        if out and _starts_name(sw, k):
            cut = len(out)
            continue
        out.append(k)
    if cut is not None:
        out = out[:cut]
    while out and (
        sw.tags[out[-1]] in ("R", "E", "C", "P", "L") or sw.lows[out[-1]] in SUBJECT_OPENERS
    ):
        out.pop()
    # a place that ends the subject is its owner: "tỷ lệ hộ nghèo huyện Gio Linh"
    named = cut is not None and cut < len(idx) and out and out[-1] + 1 < len(sw.words)
    if named and len(out) > 1 and sw.lows[out[-1]] in LOCALITY_KINDS:
        if _starts_name(sw, out[-1] + 1):
            out.pop()
    while len(out) > 1 and _capitalized_name(sw, out[-1]):
        out.pop()
        if out and sw.lows[out[-1]] in ("tỉnh", "huyện", "xã", "thành phố", "quận", "phường"):
            out.pop()
    return out


def _phrase(sw: SentenceWords, idx: list[int]) -> str:
    """The words as written (with the commas between them when they are contiguous)."""
    if not idx:
        return ""
    if idx == list(range(idx[0], idx[-1] + 1)):
        return " ".join(sw.text[sw.spans[idx[0]][0] : sw.spans[idx[-1]][1]].split())
    return " ".join(sw.words[k] for k in idx)


def _list_head(sw: SentenceWords, i: int) -> str | None:
    """The head of a list whose items are named by place or body: "tỉ lệ nữ lãnh đạo, quản lý
    cấp tỉnh: Lạng Sơn 24,4%, Lào Cai 19,1%" -> "tỉ lệ nữ lãnh đạo, quản lý cấp tỉnh"."""
    k = i - 1
    item: list[int] = []
    while k >= 0 and sw.words[k] not in (",", ";", ":") and sw.lows[k] not in ("và",):
        item.insert(0, k)
        k -= 1
    if not item or not all(
        _capitalized_name(sw, n) or sw.lows[n] in ("tỉnh", "huyện", "thành phố") for n in item
    ):
        return None
    # back to the colon that opened the list, over the other items
    while k >= 0 and sw.words[k] != ":":
        if sw.words[k] in (";", ".") or _is_punct(sw.words[k]) and sw.words[k] not in (",",):
            return None
        k -= 1
    if k < 0:
        return None
    head = _subject_before(sw, k + 0, min_words=1)
    start = _clause_start(sw, k, ";:")
    words = [n for n in range(start, k) if not _has_digit(sw.words[n])]
    words = _subject_words(sw, start, k) if not words else words
    while words and sw.lows[words[0]] in SUBJECT_OPENERS:
        words.pop(0)
    return _phrase(sw, words) if words else (_phrase(sw, head) if head else None)


def _label_before(sw: SentenceWords, i: int) -> str | None:
    """ "Tổng số thu: 911.100 tỷ đồng": the label before the colon names the figure."""
    k = i - 1
    while k >= 0 and (sw.lows[k] in APPROXIMATE_BEFORE or sw.lows[k] in BOUND_BEFORE):
        k -= 1
    if k < 0 or sw.words[k] != ":":
        return None
    start = _clause_start(sw, k, ",;:.")
    words = _subject_words(sw, start, k)
    if words and words[-1] == k - 2 and sw.tags[k - 1] == "P" and sw.lows[k - 1].isalpha():
        words.append(k - 1)  # "Tổng số chi:": a label's last word tagged as a pronoun
    if not words:
        return None
    label = _phrase(sw, words)
    topic = lead_in_topic(sw.text, sw.spans[0][0], label) if sw.spans else None
    if topic and topic.lower() not in label.lower():
        return f"{label} {topic}"  # "Cụ thể: Tổng số thu: ..." under "thu, chi ngân sách"
    return label


_CHANGE = re.compile(r"(?:^|[\s(,;])(tăng|giảm|gấp)(?:\s|$)|(?:^|[\s(,;])(vượt)\s*$")
_SHARE_GAP = re.compile(
    r"^[\s,()]*(?:(?:hiện nay|hiện tại|hiện|nay)\s+)?"
    r"(?:(?:và|hay|tức là|tương ứng|chiếm|bằng|tương đương|đạt|là|với|trong đó)"
    r"(?:\s+(?:tỷ lệ|tỉ lệ|khoảng|gần|hơn|trên|xấp xỉ|mức))*\s*)?$"
    r"|^[\s,()]*(?:tăng|giảm|gấp|vượt)(?:\s+(?:khoảng|gần|hơn|trên|xấp xỉ))?\s*$",
    re.IGNORECASE,
)


def _change_word(text: str) -> str | None:
    m = _CHANGE.search(text.lower())
    if not m:
        return None
    word = m.group(1) or m.group(2)
    return "tăng" if word == "gấp" else word


def _clean(phrase: str | None, abbr: dict[str, str], sentence_initial: bool) -> str | None:
    if not phrase:
        return None
    phrase = _PERIOD_WORDS.sub(" ", phrase)
    words = [w for w in phrase.split() if not _has_digit(w)]
    while words and (words[-1].lower() in NP_END_WORDS or _is_punct(words[-1])):
        words.pop()
    while words and _is_punct(words[0]):
        words.pop(0)
    if not words:
        return None
    words = [abbr.get(w.strip(",;"), w) for w in words][:_MAX_WORDS]
    phrase = " ".join(words).strip(" ,;:-")
    if not phrase or not any(ch.isalpha() for ch in phrase):
        return None
    first = phrase.split()[0]
    if (
        sentence_initial
        and first[:1].isupper()
        and not first[1:].isupper()
        and (len(phrase.split()) < 2 or not phrase.split()[1][:1].isupper())
    ):
        phrase = phrase[0].lower() + phrase[1:]
    return phrase


def _is_sentence_initial(sw: SentenceWords, k: int) -> bool:
    return k == 0 or _is_punct(sw.words[k - 1]) or sw.words[k - 1] in ("-", "–", "•")


def _is_actor(sw: SentenceWords, idx: list[int]) -> bool:
    """A subject that names who acts, not what is measured: a body or a person by name or
    title ("Thủ tướng Chính phủ", "Ủy ban Thường vụ Quốc hội", "bán đảo Sơn Trà")."""
    words = [sw.words[k] for k in idx]
    first = words[0].lower() if words else ""
    if any(first == a or first.startswith(a + " ") for a in ACTOR_NOUNS):
        return True  # "tỉnh phấn đấu ...", "cơ quan chức năng"
    capitals = [
        w
        for w in words
        if w[:1].isupper()
        and w not in ("Đảng", "Đoàn")
        and not w.isupper()
        and w.split()[0] not in POST_TITLES
    ]  # acronyms ("GDP", "NSNN") name what is measured
    if not capitals:
        return False
    if (
        _is_sentence_initial(sw, idx[0])
        and len(words) > 1
        and words[1][:1].islower()
        and not _capitalized_name(sw, idx[0])
    ):
        return False  # "Số vốn trái phiếu Chính phủ ...": a common noun heads it, a name owns
    if words[0][:1].islower():
        return False  # "diện tích rừng đặc dụng Sơn Trà": the name is the owner
    return (
        len(capitals) >= 2
        or any(_capitalized_name(sw, k) for k in idx)
        or (words[0][:1].isupper() and not _is_sentence_initial(sw, idx[0]))
    )


def _breakdown(sw: SentenceWords, i: int) -> list[int]:
    """The part a breakdown names before its verb: "Trong đó, khối địa bàn dân cư có
    11.727 đoàn viên" -> "khối địa bàn dân cư"."""
    start = _clause_start(sw, i, ";:")
    opening = " ".join(sw.lows[start : start + 3])
    if not opening.startswith(("trong đó", "trong số đó")) and "trong đó" not in " ".join(
        sw.lows[max(0, start - 4) : start]
    ):
        return []
    k = i - 1
    while k >= 0 and (sw.lows[k] in APPROXIMATE_BEFORE or sw.lows[k] in BOUND_BEFORE):
        k -= 1
    if k < 0 or sw.lows[k] not in ("có", "là", "gồm", "chiếm", "đạt", "với"):
        return []
    subject = _subject_words(sw, _clause_start(sw, k), k)
    return [] if _is_actor(sw, subject) else subject


def _earlier_measure(head: str, earlier: list[tuple[str, str]], loose: bool = False) -> str | None:
    """A bare counted noun that heads a longer measure given before in its sentence ("giảm
    534 đơn vị" after "54.448 đơn vị sự nghiệp công lập") counts the same thing."""
    for first, measure in reversed(earlier):
        plain = re.sub(r"^mức (?:tăng|giảm) ", "", measure)
        low = plain.lower()
        if (loose and low.startswith(head.lower() + " ")) or (
            first.lower() == head.lower() and low != head.lower()
        ):
            return plain  # "lượt khách nội địa" does not take "lượt khách quốc tế được đón"
    return None


def _has_verb(sw: SentenceWords, idx: list[int]) -> bool:
    return any(sw.tags[k] == "V" for k in idx)


def _with_change(change: str | None, phrase: str) -> str:
    if change and not phrase.lower().startswith(("mức", "tỷ lệ", "tỉ lệ", "tốc độ")):
        return f"mức {change} {phrase}"
    return phrase


def measure_of(
    item: dict,
    sw: SentenceWords,
    previous: dict | None,
    abbr: dict[str, str],
    earlier: list[tuple[str, str]] = (),
) -> str | None:
    """The measure of one statistic (see the module docstring). `previous` is the statistic
    before it in the same sentence, whose measure a share or a change of it takes; `earlier`
    the measures given before in the sentence."""
    text = sw.text
    noun_start, noun_end = item.get("_noun") or (item["end"], item["end"])
    i = sw.index_at(item["start"])  # the number's word
    j = sw.index_at(noun_end)  # the first word after the counted noun
    unit = item.get("unit")
    written = text[noun_start:noun_end].strip()
    is_unit = (
        not written
        or unit == "%"
        or (unit or "").lower() in CURRENCY_WORDS
        or (unit or "").lower() in MEASURE_UNITS
        or item.get("kind") in ("money", "measure")
    )
    before = " ".join(sw.lows[max(0, i - 3) : i])
    if unit == "lần" and (
        (i > 0 and sw.lows[i - 1] == "gấp") or item["text"].lower().startswith("gấp")
    ):
        is_unit = True  # "gấp 2 lần": a change of the figure before, not a count of times
        before = "gấp"
    change = _change_word(before)
    # a share or a change of the figure just before it in the clause
    if previous is not None and previous.get("subject"):
        # "56,2 triệu đồng/năm, tăng 9,8 triệu đồng": a rate's "/năm" belongs to the figure
        gap = _PER_UNIT.sub("", text[previous["end"] : item["start"]])
        known = {w.lower() for w in previous["subject"].split()} | {"số", "tổng", "cả", "năm"}
        m = re.match(r"\s*(?:([^\W\d_]+)\s*)*", gap)
        lead = 0
        for w in re.finditer(r"[^\W\d_]+", gap):  # "262 ha đất (đạt tỷ lệ 28%)": its words
            if w.group(0).lower() not in known or gap[lead : w.start()].strip(" ()"):
                break
            lead = w.end()
        gap = gap[lead:] if m else gap
        gap_ok = ";" not in gap or bool(re.fullmatch(r"\s*;\s*(?:tăng|giảm)\s*", gap))
        if (
            gap_ok
            and _SHARE_GAP.match(gap.replace(";", ","))
            and (is_unit or unit == previous.get("unit"))
            and not (written and unit != "%" and _noun_follows_unit(sw, j))  # "262 ha đất"
        ):
            base = previous["subject"]
            whole = _clean(ratio_base(sw, j), abbr, False) if unit == "%" else None
            if whole and whole.lower() not in base.lower():  # "bằng 5,0% GDP", "chiếm 30% tổng"
                joint = "trong" if whole.lower().startswith(("tổng", "số")) else "so với"
                base = f"{base} {joint} {whole}"
            item["_verb"] = previous.get("_verb") or []
            if re.search(r"(?:tỷ|tỉ)\s+lệ\s*$", gap, re.I) and not base.lower().startswith("tỷ lệ"):
                return f"tỷ lệ {base}"
            return _with_change(_change_word(gap) or _change_word(before), base)
    # a label before a colon, or the head of a list named by place
    label = _label_before(sw, i) or _list_head(sw, i)
    if label:
        return _clean(label, abbr, True)
    k = i - 1
    while k >= 0 and (sw.lows[k] in APPROXIMATE_BEFORE or sw.lows[k] in BOUND_BEFORE):
        k -= 1
    linked = k >= 0 and sw.lows[k] in LINK_VERBS and sw.lows[k] not in ("có", "với", "gồm")
    if (
        unit == "%"
        and j < len(sw.words)
        and (not linked or (sw.lows[j] == "số" and sw.lows[k] == "đạt"))
    ):
        # "100% các tỉnh đã có xã đạt chuẩn", "70% số xã": the share of the phrase after it
        k = j
        while k < len(sw.words) and sw.lows[k] in ("số", "tổng số", "các", "những"):
            k += 1
        if k < len(sw.words) and sw.tags[k] in ("N", "Nc") and not _has_digit(sw.words[k]):
            mods = _modifiers_after(sw, k, limit=8)
            if mods:
                return _clean(_phrase(sw, mods), abbr, False)
    if not is_unit or (written and j < len(sw.words) and _noun_follows_unit(sw, j)):
        return _count_measure(item, sw, previous, abbr, earlier, written, is_unit, i, j, change)
    rate = rate_phrase(sw, i)
    if rate:  # "Tiếp nối đà tăng 26%", "duy trì mức tăng trưởng 30%"
        return _phrase(sw, rate).lower()
    named = _named_after(sw, j) if item.get("kind") == "money" else None
    if named:  # "Riêng 21,316 tỷ đồng là kinh phí tiết kiệm của 6 tỉnh"
        return _clean(named, abbr, False)
    subject = _subject_before(sw, i)
    verb = _governing_verb(sw, i)
    item["_verb"] = verb
    if item.get("kind") == "money" and verb and (not subject or _is_actor(sw, subject)):
        # "các cơ quan chức năng đã thu hồi 237 tỷ đồng": the money the verb moved
        return _clean(f"tiền {_phrase(sw, verb)}", abbr, False)
    if subject and _is_actor(sw, subject):
        # "tỉnh phấn đấu giảm tỷ lệ hộ nghèo 1,5%": what the actor's verb acts on
        verbs = [n for n, k in enumerate(subject) if sw.tags[k] == "V"]
        if verbs and sw.lows[subject[verbs[-1]]] in ("tăng", "giảm") and not change:
            change = sw.lows[subject[verbs[-1]]]  # "tỉnh kéo giảm tai nạn giao thông 15%"
        subject = subject[verbs[-1] + 1 :] if verbs else []
    if not subject or _is_actor(sw, subject):
        return None
    phrase = _phrase(sw, subject)
    after = subject[-1] + 1
    if after < len(sw.words) and sw.lows[after] == "này":  # "số nợ này": named before
        head = [sw.words[n] for n in subject if sw.lows[n] not in ("số", "tổng số", "lượng")]
        named = antecedent(sw.text, sw.spans[0][0], " ".join(head)) if head else None
        phrase = named.lower() if named and named[:1].isupper() else named or phrase
    acted = [n for n in subject[:2] if sw.lows[n] in ("tăng", "giảm")]
    if acted and acted[0] == subject[1] and len(subject) > 2 and sw.tags[subject[0]] == "V":
        # "kéo giảm nợ tới 36,8%": the change of what the verb acts on
        rest = [n for n in subject if n > acted[0]]
        phrase, change = f"mức {sw.lows[acted[0]]} {_phrase(sw, rest)}", None
    if unit == "%":
        whole = _clean(ratio_base(sw, j), abbr, False)
        if whole and whole.lower() not in phrase.lower():  # "đạt 32,7% dự toán cả năm"
            joint = "trong" if whole.lower().startswith(("tổng", "số")) else "so với"
            phrase = f"{phrase} {joint} {whole}"
    return _clean(_with_change(change, phrase), abbr, _is_sentence_initial(sw, subject[0]))


def _named_after(sw: SentenceWords, j: int) -> str | None:
    """ "21,316 tỷ đồng là kinh phí tiết kiệm": a sum the sentence then names."""
    if j + 1 >= len(sw.words) or sw.lows[j] != "là" or sw.tags[j + 1] not in ("N", "Nc"):
        return None
    mods = _modifiers_after(sw, j + 1)
    return _phrase(sw, mods) if mods and mods[0] == j + 1 else None


def _count_measure(
    item: dict,
    sw: SentenceWords,
    previous: dict | None,
    abbr: dict[str, str],
    earlier: list[tuple[str, str]],
    written: str,
    is_unit: bool,
    i: int,
    j: int,
    change: str | None,
) -> str | None:
    """A count's measure: its noun and modifiers, the part a breakdown names, the verb that
    governs a short one."""
    text = sw.text
    noun_start = (item.get("_noun") or (item["end"],))[0]
    mods = _modifiers_after(sw, j)
    if is_unit and written:
        phrase, first = _phrase(sw, mods), j
    else:
        phrase = " ".join([written] + [sw.words[k] for k in mods]).replace(" , ", ", ")
        first = sw.index_at(noun_start)
    taken = item.get("_taken", set())
    specific = any(sw.tags[k] == "A" for k in mods) or len(phrase.split()) > 3
    framed = None if specific else object_predicate(sw, i, taken)
    if framed:  # "tổ chức lớp bồi dưỡng cho 5.156 quần chúng": who received it
        item["_framed"] = framed
        link = "có" if framed[0] == "của" else "được"
        return _clean(f"{phrase} {link} {framed[1]}", abbr, _is_sentence_initial(sw, first))
    if written.lower() in GENERIC_COUNTED_NOUNS and not mods:
        passive = _passive_subject(sw, i, abbr)
        if passive:  # "số lượng Phó Giám đốc sở được tăng thêm 01 người"
            return passive
    part = _breakdown(sw, i)
    if part:
        return _clean(f"{phrase} {_phrase(sw, part)}", abbr, _is_sentence_initial(sw, first))
    k = i - 1
    while k >= 0 and (sw.lows[k] in APPROXIMATE_BEFORE or sw.lows[k] in BOUND_BEFORE):
        k -= 1
    if not mods:  # "giảm 534 đơn vị, còn 53.914 đơn vị": the same thing as before
        loose = bool(change) or (k >= 0 and sw.lows[k] == "còn")
        again = _earlier_measure(written or sw.words[sw.index_at(noun_start)], earlier, loose)
        if again:
            return _with_change(change, again)
    linked = k >= 0 and sw.lows[k] in ("có", "là", "gồm", "với")
    if written.lower() in GENERIC_COUNTED_NOUNS and not mods and linked:
        subject = _subject_before(sw, i, min_words=1)
        if subject and not _is_actor(sw, subject):
            return _clean(_phrase(sw, subject), abbr, _is_sentence_initial(sw, subject[0]))
    verb = _governing_verb(sw, i)
    shared = previous is not None and _SHARE_GAP.match(text[previous["end"] : item["start"]] or " ")
    if not verb and shared:
        verb = previous.get("_verb") or []
        if not verb and previous.get("_framed") and not specific:
            item["_framed"] = framed = previous["_framed"]
            link = "có" if framed[0] == "của" else "được"
            return _clean(f"{phrase} {link} {framed[1]}", abbr, _is_sentence_initial(sw, first))
        acts = re.sub(r"^tiền ", "", previous.get("subject") or "")
        if not verb and previous.get("kind") == "money" and opens_with_verb(sw, acts):
            # "kiến nghị thu hồi về ngân sách 3.000 tỷ đồng, 20 ha đất": the same action
            return _clean(f"{phrase} {acts}", abbr, _is_sentence_initial(sw, first))
    item["_verb"] = verb
    if change and not verb:
        phrase = _with_change(change, phrase)
    elif verb and len(phrase.split()) <= 5:
        phrase = f"{phrase} được {_phrase(sw, verb)}"
    return _clean(phrase, abbr, _is_sentence_initial(sw, first))


def _passive_subject(sw: SentenceWords, i: int, abbr: dict[str, str]) -> str | None:
    """The subject and passive verb chain before the number at word `i`: "thì số lượng Phó
    Giám đốc sở [được tăng thêm] 01 người" -> "số lượng Phó Giám đốc sở được tăng thêm"."""
    end = i
    while end > 0 and (sw.lows[end - 1] in APPROXIMATE_BEFORE or sw.lows[end - 1] in BOUND_BEFORE):
        end -= 1
    k = end - 1
    while k >= 0 and (sw.tags[k] == "V" or sw.lows[k] in ("thêm", "mới")):
        k -= 1
    chain = list(range(k + 1, end))
    if not chain or sw.lows[chain[0]] not in ("được", "bị"):
        return None
    start = _clause_start(sw, k + 1)
    for n in range(start, k + 1):
        if sw.lows[n] in ("thì", "nên", "mà", "khi"):
            start = n + 1  # "khi sáp nhập 02 đơn vị thì số lượng ...": the main clause
    subject = _subject_words(sw, start, k + 1)
    if not subject or _is_actor(sw, subject):
        return None
    head = _clean(_phrase(sw, subject), abbr, _is_sentence_initial(sw, subject[0]))
    return f"{head} {_phrase(sw, chain)}" if head else None


def _noun_follows_unit(sw: SentenceWords, j: int) -> bool:
    """ "4.978 ha đất", "30.000 tỷ đồng vốn ODA": a noun after a unit of measure or money."""
    return (
        j < len(sw.words)
        and sw.tags[j] in ("N", "Nc")
        and not _has_digit(sw.words[j])
        and not _is_punct(sw.words[j])
        and sw.lows[j] not in NP_END_WORDS
    )


def attach_measures(statistics: list[dict], at: AnalyzedText) -> None:
    """Set `subject` on every statistic read from running text (table statistics keep the
    row and column headers their reader gave them)."""
    text = at.text
    abbr = abbreviations(text)
    cache: dict[int, SentenceWords] = {}
    previous: dict | None = None
    earlier: list[tuple[str, str]] = []
    last_sentence = -1
    for item in statistics:
        if item.get("source") == "table":
            continue
        sent = at.sentence_at(item["start"])
        if sent is None:
            item["subject"] = None
            continue
        sw = cache.get(sent.start)
        if sw is None:
            sw = cache[sent.start] = SentenceWords(text, sent, abbr)
        prev = previous if previous is not None and previous["start"] >= sent.start else None
        if sent.start != last_sentence:  # a bare noun takes a measure of its own sentence
            earlier, last_sentence = [], sent.start
        item["_taken"] = words_of_figures(sw, statistics, item)
        item["subject"] = measure_of(item, sw, prev, abbr, earlier)
        noun_start = (item.get("_noun") or (item["end"],))[0]
        head = sw.index_at(noun_start)
        if item["subject"] and head < len(sw.words):
            earlier.append((sw.words[head], item["subject"]))
        previous = item
    for item in statistics:
        item.pop("_verb", None)
        item.pop("_taken", None)
        item.pop("_framed", None)
