"""Organisations and localities named in a text, with canonical names and kinds.

Two steps, as in eyecite: `find_unit_mentions` reads the text with regular expressions built
from the tables in `unit_patterns` and the place names in `gazetteer`; `resolve_units`
chooses among overlapping candidates, completes bare names from nearby places ("UBND tỉnh"
near "tỉnh Khánh Hòa"), merges mentions of one unit and fills the output fields.

>>> from vnpolicy.nlp import analyze
>>> [u["name"] for u in extract_units(analyze("Ban Thường vụ huyện uỷ Hải Lăng, Gio Linh họp."))]
['Ban Thường vụ Huyện ủy Hải Lăng', 'Ban Thường vụ Huyện ủy Gio Linh']
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache

from vnpolicy.extractors import gazetteer as gz
from vnpolicy.extractors import unit_patterns as P
from vnpolicy.extractors.phrase_regex import phrase_alternation
from vnpolicy.nlp import AnalyzedText

UP = "A-ZÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
CAPWORD = rf"[{UP}][^\W_]*"
_PLACE_WORD_RE = re.compile(rf"{CAPWORD}|\d+(?![\d/.,]\d)")
_KHOA_RE = re.compile(r"\s+(?:khóa|Khóa)\s+(?:[IVXLC]+|\d+)\b")
_LEVELS = {
    "province": ("province",),
    "city": ("province", "district"),
    "district": ("district",),
    "commune": ("commune",),
}
# Words that end an open name ("Vụ Chính quyền địa phương đã ..."): function words, and
# verbs of two syllables, which end it only as a whole ("ban hành", not "Thi hành án").
_NAME_STOPS = frozenset(
    """của thuộc đã đang sẽ là được có về tại trong với cho để và hoặc nhưng thì mà khi nên
    do bị theo từ đến này đó kia các những một ra vào lên nay ngày năm tháng trình gửi cùng
    nhận làm cũng vừa rồi xong lại ngay luôn hơn nhất rất trên dưới""".split()
)
_STOP_PHRASES = frozenset(
    """ban hành|quyết định|chỉ đạo|chỉ thị|phối hợp|tổ chức|thực hiện|báo cáo|đề nghị|yêu cầu
    |cho biết|tham gia|triển khai|chủ trì|hướng dẫn|kiểm tra|tham mưu|tiếp nhận|công bố|thông báo
    |đánh giá|khẳng định|đề xuất|tiếp tục|khởi tố|xét xử|phát hiện|ký kết|trao tặng
    |tiến hành|dự báo|dự kiến|cho rằng|cho hay|nhận định|thông tin|ghi nhận|khuyến cáo|lưu ý
    |phát động|ra mắt|tổng kết|sơ kết|kiến nghị|phê duyệt|chấp thuận|quy định""".replace(
        "\n    ", ""
    ).split("|")
)
# Capitalized syllables that start a new unit or a title, so never continue a name.
_HEAD_WORDS = frozenset("""Bộ Sở UBND HĐND Ban Phó TP TP. Xã Phường Cục Vụ Viện HTX""".split())
# Syllables that start one only with the syllable after them ("Thành ủy", "Công ty", "Hội
# đồng"), so "Xây dựng Thành Đạt", "Phát triển Công nghiệp" and "Du lịch Hội An" stay names.
_HEAD_NEXT: dict[str, frozenset[str]] = {
    first: frozenset(nxt.split())
    for first, nxt in {
        "Tỉnh": "ủy Ủy đoàn Đoàn",
        "Huyện": "ủy Ủy đoàn Đoàn",
        "Thành": "ủy Ủy đoàn Đoàn phố",
        "Quận": "ủy Ủy đoàn Đoàn",
        "Thị": "ủy Ủy đoàn Đoàn xã trấn",
        "Công": "ty an đoàn",
        "Tổng": "công Công cục Liên liên Bí Giám",
        "Tập": "đoàn",
        "Ngân": "hàng",
        "Hợp": "tác",
        "Chi": "bộ cục đoàn hội nhánh",
        "Đảng": "ủy Ủy bộ đoàn",
        "Ủy": "ban",
        "Đoàn": "Thanh thanh TNCS ĐBQH đại Đại kiểm công Khối",
        "Hội": "đồng Nông Liên Cựu Sinh LHPN CCB Chữ Luật Nhà Doanh Người",
        "Trường": "THPT THCS Đại Cao Tiểu Mầm Chính Trung PTDTNT Phổ",
        "Bệnh": "viện",
        "Trung": "tâm",
        "Văn": "phòng",
        "Chủ": "tịch nhiệm",
        "Giám": "đốc",
        "Bí": "thư",
        "Trưởng": "ban Ban phòng đoàn",
    }.items()
}
# Words before a person's name ("anh Nguyễn Minh Triết"), but "Kỳ Anh", "Bà Rịa" are places.
_PERSON_WORDS = frozenset("Ông Bà Anh Chị".split())


def _owns_bodies(word: str, following: str) -> bool:
    """Whether `word` starts a committee or council that owns offices ("Tỉnh ủy", "UBND")."""
    if word in ("UBND", "HĐND") or (word == "Ủy" and following == "ban"):
        return True
    return word in ("Tỉnh", "Huyện", "Thành", "Quận", "Thị", "Đảng") and following in (
        "ủy",
        "Ủy",
        "đoàn",
        "Đoàn",
        "bộ",
    )


def _opens_head(word: str, following: str) -> bool:
    """Whether `word` (then `following`) starts another unit or a title: "Công ty", "Bộ"."""
    if word in _HEAD_NEXT:
        return following in _HEAD_NEXT[word]
    if word in _PERSON_WORDS:
        return following in P.SURNAMES
    return word in _HEAD_WORDS


# Capitalized words that may open a sentence before a bare place name ("Tại Hà Nội").
_SENTENCE_WORDS = frozenset(
    """Ở Tại Và Từ Đến Cho Với Của Như Trong Theo Ngoài Sau Trước Khi Về Năm Ngày Hôm Nay
    Còn Riêng Cả Toàn Đối Nhưng Hiện Đặc Cùng Trên Dưới Gồm Là Ra Vào Nếu Tuy""".split()
)
#: Words after a number that make it a quantity, not part of a name ("Công ty Hạ Long 12 năm
#: tù", "Tổng công ty 28" keeps its number).
_COUNT_AFTER_NAME = frozenset(
    "năm tháng ngày tuần giờ tuổi người tỷ triệu nghìn ngàn đồng lần %".split()
)
_PLACE_DATE_RE = re.compile(r",?\s*ngày\s+\d")

_LOCAL_COMMITTEES = {_h.capitalize() for _h in P.LOCAL_PARTY_COMMITTEES} | {
    _h.capitalize() for _h in P.LOCAL_YOUTH_COMMITTEES
}


@dataclass
class UnitMention:
    """One written mention of a unit and what the finder could tell about it."""

    start: int
    end: int
    text: str
    name: str
    kind: str
    head: str = ""  # the name's base: "Tỉnh ủy", "Ủy ban nhân dân", "locality"
    place: str | None = None  # the place in the name, as the gazetteer spells it
    place_word: str | None = None  # "tỉnh", "huyện" ... when written with the place
    level: str | None = None  # a locality's level: province, district, commune
    code: str | None = None
    new_province: str | None = None
    province: str | None = None  # short name of the province the mention points at
    parent: str | None = None
    needs_place: str | None = None  # bare "UBND tỉnh": the level word to complete
    back_reference: str | None = None  # "Đảng ủy Tập đoàn": the enterprise head meant
    priority: int = 0
    merge_key: str | None = None
    negative: bool = False  # matched only to block others ("Ngân hàng Thế giới")
    elliptical: bool = False  # shares its span with the mention it was copied from
    bare_ok: bool = False  # kept as written when `needs_place` finds no place
    siblings: list[UnitMention] = field(default_factory=list)


# ------------------------------------------------------------------------------ helpers


def _alt(forms) -> str:
    return _alt_of(frozenset(forms))


@lru_cache(maxsize=256)
def _alt_of(forms: frozenset[str]) -> str:
    return phrase_alternation(forms)


def _prev_word(text: str, pos: int) -> str:
    m = re.search(r"([^\W_]+)\s*$", text[max(0, pos - 30) : pos])
    return m.group(1) if m else ""


def _next_word(text: str, pos: int) -> str:
    m = re.match(r"\s*([^\W_]+)", text[pos : pos + 30])
    return m.group(1) if m else ""


def _is_cap(word: str) -> bool:
    return bool(word) and word[0].isupper()


def _is_generic_before(text: str, pos: int) -> bool:
    return _prev_word(text, pos).casefold() in P.GENERIC_BEFORE


def _after_break(text: str, pos: int) -> bool:
    return pos == 0 or bool(re.search(r"[.:;!?\n,(\"“”'-]\s*$", text[max(0, pos - 3) : pos]))


def _in_byline(text: str, pos: int) -> bool:
    """Whether the name at `pos` is a credit ("Ảnh: Doãn Tấn - TTXVN"), not a unit."""
    before = text[max(0, pos - 40) : pos]
    if before.endswith(("/", "(")):
        return True
    m = re.search(rf"(?:{_alt(P.BYLINE_MARKERS)})\s*:[^.!?\n]*$", before)
    if m:
        return True
    # A short line of its own after "Theo"/"Nguồn": "Theo TTXVN", "Nguồn Báo Quảng Ninh".
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    if re.match(rf"\s*(?:{_alt(P.WEB_FURNITURE_MARKERS)})", line):
        return True  # "Bản quyền thuộc về Báo Bình Định"
    if re.search(r"(?:^|[.!?]\s+)(?:Theo|Nguồn:?)\s+$", text[line_start:pos]) and re.match(
        r"[^\W\d_]*[\w./ ]{0,30}\s*$", text[pos : len(text) if line_end < 0 else line_end]
    ):
        return True  # "... bế mạc. Theo TTXVN" closing a paragraph
    return len(line) <= 60 and bool(re.match(rf"\s*(?:{_alt(P.BYLINE_MARKERS)})\b", line))


def _case_variants(form: str) -> set[str]:
    """Ways a fixed name is written: "Ủy ban Kiểm tra Trung ương" also as "Ủy ban kiểm tra
    Trung ương", and in capitals in document headers."""
    words = form.split(" ")
    rest_lower = [words[0]] + [w if w.isupper() and len(w) > 1 else w.lower() for w in words[1:]]
    out = {form, form.upper(), " ".join(rest_lower)}
    return {v for v in out if len(v) > 4 or v == form}


def _match_place(text: str, pos: int, levels: tuple[str, ...], allow_unknown: bool = False):
    """The longest known place name at `pos`: (end, spelling, units) or None.

    With `allow_unknown`, a title-case name of one to three words is accepted even if the
    gazetteer does not know it ("xã Cải Viên" renamed since), with units = [].
    """
    words: list[tuple[int, int]] = []
    i = pos
    limit = gz.max_name_words()
    while len(words) < limit:
        m = _PLACE_WORD_RE.match(text, i)
        if not m:
            break
        words.append((m.start(), m.end()))
        if m.group(0).isdigit():
            break
        j = m.end()
        sep = re.match(r" - | -|- | |-", text[j : j + 3])
        if not sep or j + len(sep.group(0)) >= len(text):
            break
        i = j + len(sep.group(0))
    for n in range(len(words), 0, -1):
        end = words[n - 1][1]
        spelled = text[pos:end]
        units = [u for u in gz.lookup(spelled) if u.level in levels]
        if units:
            return end, spelled, units
    if not allow_unknown or not words:
        return None
    first = text[words[0][0] : words[0][1]]
    if first.isdigit():
        return words[0][1], first, []
    good = []
    for i, (s, e) in enumerate(words[:3]):
        w = text[s:e]
        following = text[words[i + 1][0] : words[i + 1][1]] if i + 1 < len(words) else ""
        if not following:
            following = _next_word(text, e)
        if w.isdigit() or w.isupper() or _opens_head(w, following):
            break  # "NTM", an anonymized "quận P", or another body
        if w in {"Phụ", "Phần", "Điều", "Chương", "Mục", "Khoản", "Ông", "Bà"}:
            break
        good.append((s, e))
    if not good:
        return None
    return good[-1][1], text[pos : good[-1][1]], []


def _place_short(spelled: str, units) -> str:
    """The gazetteer's spelling of a place ("BÌnh Định" -> "Bình Định"), else as written."""
    for u in units:
        if gz.name_key(u.short) == gz.name_key(spelled):
            return u.short
    if units and units[0].level == "province":
        return units[0].short
    return spelled


def _province_of(units) -> str | None:
    provinces = {u.province for u in units}
    return provinces.pop() if len(provinces) == 1 else None


def _city_units(units):
    """The units a "thành phố X" means: "thành phố Cà Mau" the city, "thành phố Đà Nẵng" the
    province."""
    cities = [u for u in units if u.level == "province" and u.type.startswith("thành phố")]
    return cities or [u for u in units if u.level == "district"] or units


def _province_word(short: str) -> str:
    units = gz.lookup(short, level="province")
    return "thành phố" if units and units[0].type.startswith("thành phố") else "tỉnh"


# ------------------------------------------------------------------------------ patterns


@lru_cache(maxsize=1)
def _national_forms() -> dict[str, tuple[str, str]]:
    forms: dict[str, tuple[str, str]] = {}
    for form, value in P.NATIONAL_BODIES.items():
        written = {form}
        for short, expansion in P.ABBREVIATIONS.items():
            if expansion in form and short[0].isupper():
                written.add(form.replace(expansion, short))
        for each in written:
            for variant in _case_variants(each):
                forms.setdefault(variant, value)
    for form, value in P.NATIONAL_BODIES.items():
        forms[form] = value
    return forms


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    ministry_forms = list(P.MINISTRIES) + list(P.MINISTRY_ABBREVIATIONS)
    committees = list(P.LOCAL_PARTY_COMMITTEES) + list(P.LOCAL_YOUTH_COMMITTEES)
    committee_forms = set()
    for h in committees:
        committee_forms |= {h, h.capitalize(), h.title(), h.upper()}
    loc_forms = set()
    for w in P.LOCALITY_WORDS:
        loc_forms |= {w, w[0].upper() + w[1:]}
    provinces = [p for p in gz.province_names() if p not in ("Hồ Chí Minh", "Huế")]
    provinces = [p for p in provinces if p not in P.CITY_SHORT_FORMS]
    cities = [
        d for d in gz.district_names() if len(d.split()) >= 2 and not gz.lookup(d, level="province")
    ]
    return {
        "national": re.compile(rf"(?<![\w])(?:{_alt(_national_forms())})(?![\w])"),
        "negative": re.compile(
            rf"(?<![\w])(?:{_alt(P.FOREIGN_ORGANISATIONS + tuple(P.REGIONS))}"
            rf"|(?:{_alt(P.FOREIGN_BODY_HEADS)})\s+(?:{_alt(P.FOREIGN_COUNTRIES)}))(?![\w])"
        ),
        "ministry": re.compile(
            rf"(?<![\w])(?:Bộ|BỘ)(?::\s*|\s+)(?P<name>(?i:{_alt(ministry_forms)}))(?![\w])"
        ),
        "ministry_more": re.compile(
            rf"(?:\s*,\s*|\s+và\s+)(?:Bộ\s+)?(?P<name>(?i:{_alt(ministry_forms)}))(?![\w])"
        ),
        "department": re.compile(
            rf"(?<![\w])Sở\s+(?P<name>(?i:{_alt(P.DEPARTMENTS + tuple(P.MINISTRY_ABBREVIATIONS))}))"
            rf"(?![\w])"
        ),
        "committee": re.compile(rf"(?<![\w])(?P<head>{_alt(committee_forms)})(?![\w])"),
        "local_head": re.compile(rf"(?<![\w])(?P<head>{_alt(P.LOCAL_STATE_HEADS)})(?![\w])"),
        "loc_word": re.compile(rf"(?P<word>{_alt(loc_forms)})(?:(?<=\.)|(?![\w]))[ \t]*"),
        "locality": re.compile(rf"(?<![\w.])(?P<word>{_alt(loc_forms)})(?:[ \t]+|(?<=\.))"),
        "city_short": re.compile(rf"(?<![\w])(?:{_alt(P.CITY_SHORT_FORMS)})(?![\w])"),
        "province": re.compile(rf"(?<![\w])(?:{_alt(provinces)})(?![\w])"),
        "city": re.compile(rf"(?<![\w])(?:{_alt(cities)})(?![\w])"),
        "assembly_list": re.compile(
            rf"(?<![\w])(?P<standing>Thường trực )?các Ủy ban: ?"
            rf"(?P<name>{_alt(P.ASSEMBLY_COMMITTEES)})(?![\w])"
        ),
        "assembly_more": re.compile(rf"(?:, | và )(?P<name>{_alt(P.ASSEMBLY_COMMITTEES)})(?![\w])"),
        "assembly": re.compile(
            rf"(?<![\w])Ủy ban (?P<name>{_alt(P.ASSEMBLY_COMMITTEES)})"
            rf"(?P<qh> của Quốc hội)?(?![\w])"
        ),
        "enterprise": re.compile(
            rf"(?<![\w])(?P<head>{_alt(P.ENTERPRISE_HEADS)})"
            rf"(?:[ \t]+(?P<form>{_alt(P.ENTERPRISE_FORMS)}"
            rf"|(?:(?![{UP}])[^\W\d_]+ ){{0,3}}(?![{UP}])[^\W\d_]+(?= [{UP}])))?"
            rf"[ \t]+(?=[{UP}A-Z])"
        ),
        "back_reference": re.compile(
            rf"(?<![\w])(?P<prefix>{_alt(P.SUB_BODY_PREFIXES)})(?:\s*\([{UP}A-Z]{{2,}}\))?\s+"
            rf"(?P<head>{_alt(P.OWNER_BACK_REFERENCES)})(?![\w])(?!\s+[{UP}])"
        ),
        "school": re.compile(
            rf"(?<![\w])(?P<head>{_alt(P.SCHOOL_HEADS)})[ \t]+"
            rf"(?=[{UP}]|(?:tỉnh|thành phố|huyện|quận|thị xã) )"
        ),
        "open": re.compile(
            rf"(?<![\w])(?P<head>Tổng cục|Chi cục|Cục|Vụ|Viện|Trung tâm|Nha|Bệnh viện|Báo|Tạp chí"
            rf"|Văn phòng|Phòng|Đồn Biên phòng|Hội|Công đoàn|Hiệp hội|Liên đoàn"
            rf"|Đài(?= (?:Phát thanh|Truyền hình|PT)))[ \t]+(?=[{UP}])"
        ),
        "newspaper": re.compile(rf"(?<![\w])báo (?=[{UP}])"),
        "steering_committee": re.compile(r"(?<![\w])Ban [Cc]hỉ đạo(?= )"),
        "management_board": re.compile(r"(?<![\w])Ban (?:Quản lý|QL)(?= [\w])"),
        "military": re.compile(
            r"(?<![\w])(?:Bộ Tư lệnh )?(?:(?:Quân khu|Quân đoàn|Sư đoàn|Lữ đoàn|Binh đoàn)"
            r" \d{1,3}(?![\w/])|Vùng \d Hải quân|Vùng Cảnh sát biển \d)"
        ),
        "prefix": re.compile(rf"(?:{_alt(P.SUB_BODY_PREFIXES)})(?:\s*\([{UP}A-Z]{{2,}}\))?\s+$"),
        "facility_before": re.compile(
            rf"(?<![\w])(?i:{_alt(P.FACILITY_WORDS)})(?: [\d.,]+ ?kV)? $"
        ),
        "prefix_listed": re.compile(rf"(?:{_alt(P.SUB_BODY_PREFIXES)}) các $"),
        "prefix_coordinated": re.compile(
            rf"(?<![\w])(?P<prefix>{_alt(P.SUB_BODY_PREFIXES)})(?:\s*,\s*|\s+và\s+)$"
        ),
    }


# ------------------------------------------------------------------------------ finders


def _find_negatives(text: str) -> list[UnitMention]:
    """Foreign organisations: found only so that no unit is read inside them."""
    return [
        UnitMention(m.start(), m.end(), m.group(0), m.group(0), "other", priority=9, negative=True)
        for m in _patterns()["negative"].finditer(text)
    ]


def _find_national(text: str) -> list[UnitMention]:
    """Finds "Bộ Chính trị", "BCH Trung ương", "Quốc hội khóa XIV", "MTTQ", "CHÍNH PHỦ"."""
    out = []
    forms = _national_forms()
    for m in _patterns()["national"].finditer(text):
        form = m.group(0)
        name, kind = forms[form]
        if (
            form.isupper()
            and len(form) <= 6
            and (_in_byline(text, m.start()) or text.startswith("/", m.end()))
        ):
            continue  # "Ảnh: Trọng Đức/TTXVN", "TTXVN/Tin Tức": a credit
        if _in_law_title(text, m.start()):
            continue  # "Luật Tổ chức Chính phủ"
        nxt = _next_word(text, m.end())
        if kind in ("mass_org", "youth_union"):  # "các Hội Nông dân cơ sở", "cụm Đoàn ... các"
            if nxt in P.GENERIC_AFTER or _is_generic_before(text, m.start()):
                continue
            if form == "Mặt trận" and text[m.end() : m.end() + 1] not in " ,.;)":
                continue
        end = m.end()
        k = _KHOA_RE.match(text, end)
        if k:
            end = k.end()
        branch = re.match(r" [Cc]hi nhánh (?:(?:tỉnh|thành phố|TP\.?) ?)?", text[end:])
        if branch and kind == "state":
            hit = _match_place(text, end + branch.end(), ("province",))
            if hit:  # "Ngân hàng Nhà nước chi nhánh Lâm Đồng": the body's branch there
                name = f"{name} chi nhánh {_place_short(hit[1], hit[2])}"
                end = hit[0]
        out.append(
            UnitMention(m.start(), end, text[m.start() : end], name, kind, head=name, priority=3)
        )
    return out


def _ministry_name(written: str) -> str:
    abbreviations = {k.casefold(): v for k, v in P.MINISTRY_ABBREVIATIONS.items()}
    if written.casefold() in abbreviations:
        return "Bộ " + abbreviations[written.casefold()]
    for canon in P.MINISTRIES:
        if canon.casefold() == written.casefold():
            return "Bộ " + P.MINISTRY_CASE.get(canon.casefold(), canon)
    return "Bộ " + written


def _find_ministries(text: str) -> list[UnitMention]:
    """Finds "Bộ Công thương" -> "Bộ Công Thương", "Bộ NN-PTNT", "các Bộ: Công an, Quốc phòng"."""
    pats = _patterns()
    out = []
    for m in pats["ministry"].finditer(text):
        name = _ministry_name(m.group("name"))
        um = UnitMention(m.start(), m.end(), m.group(0), name, "state", head=name, priority=3)
        pos = m.end()
        while more := pats["ministry_more"].match(text, pos):
            s = more.start("name")
            written = more.group("name")
            um.siblings.append(
                UnitMention(
                    s, more.end(), written, _ministry_name(written), "state", head="Bộ", priority=3
                )
            )
            pos = more.end()
        out.append(um)
    return out


def _find_departments(text: str) -> list[UnitMention]:
    """Finds "Sở Nội vụ tỉnh Bình Định"; a bare "Sở Công thương" takes the nearby province."""
    out = []
    for m in _patterns()["department"].finditer(text):
        written = m.group("name")
        abbreviations = {k.casefold(): v for k, v in P.MINISTRY_ABBREVIATIONS.items()}
        written = abbreviations.get(written.casefold(), written)  # "Sở GD&ĐT"
        canon = next((d for d in P.DEPARTMENTS if d.casefold() == written.casefold()), written)
        canon = P.MINISTRY_CASE.get(canon.casefold(), canon)
        name = f"Sở {canon}"
        um = UnitMention(m.start(), m.end(), m.group(0), name, "state", head=name, priority=3)
        if not _attach_locality(text, um, ("tỉnh", "thành phố", "TP.", "TP"), bare_province=True):
            if um.needs_place == "generic" or _is_generic_before(text, m.start()):
                continue
            um.needs_place = um.needs_place or "tỉnh"
        out.append(um)
    return out


def _attach_locality(text: str, um: UnitMention, words, bare_province: bool = False) -> bool:
    """Extend `um` with a following "tỉnh X" / "huyện Y" (or a bare province name).

    A level word with no name ("UBND tỉnh") sets `needs_place`; "UBND các tỉnh" and
    "UBND tỉnh, thành phố" set it to "generic".
    """
    pats = _patterns()
    m = re.match(r"[ \t]+", text[um.end :])
    pos = um.end + (m.end() if m else 0)
    lw = pats["loc_word"].match(text, pos)
    allowed = {w.casefold() for w in words}
    if lw and lw.group("word").casefold() in allowed:
        written = lw.group("word")
        canon_word, level = P.LOCALITY_WORDS.get(written) or P.LOCALITY_WORDS[written.casefold()]
        hit = _match_place(
            text, lw.end(), _LEVELS[level], allow_unknown=level in ("district", "commune")
        )
        if hit:
            end, spelled, units = hit
            if level == "city":
                units = _city_units(units)
            short = _place_short(spelled, units)
            um.end, um.text = end, text[um.start : end]
            um.name = f"{um.name} {canon_word} {short}"
            um.place, um.place_word = short, canon_word
            provs = [u for u in units if u.level == "province"]
            um.province = provs[0].short if provs else _province_of(units)
            return True
        rest = text[lw.start() + len(written) :]
        if _next_word(text, lw.end()).casefold() in P.GENERIC_AFTER or re.match(
            r"\s*,\s*(thành phố|huyện|quận|thị xã|xã|phường)", rest
        ):
            um.needs_place = "generic"
            return False
        um.end = lw.start() + len(written)
        um.text = text[um.start : um.end]
        um.name = f"{um.name} {canon_word}"
        um.needs_place = canon_word
        return False
    if bare_province:
        hit = _match_place(text, pos, ("province",))
        if hit:
            end, spelled, units = hit
            short = _place_short(spelled, units)
            word = _province_word(short)
            um.end, um.text = end, text[um.start : end]
            um.name = f"{um.name} {word} {short}"
            um.place, um.place_word, um.province = short, word, short
            return True
    return False


def _find_committees(text: str) -> list[UnitMention]:
    """Finds "Tỉnh ủy Bình Định", "Huyện uỷ Hải Lăng, Gio Linh", "Tỉnh Đoàn Đắk Lắk", "Thành ủy"."""
    out = []
    for m in _patterns()["committee"].finditer(text):
        written = m.group("head")
        key = written.casefold()
        canon = key.capitalize()
        if _next_word(text, m.end()) in P.POSITION_AFTER:
            continue  # "Tỉnh ủy viên" is a position
        level = P.LOCAL_PARTY_COMMITTEES.get(key) or P.LOCAL_YOUTH_COMMITTEES[key]
        kind = "party" if key in P.LOCAL_PARTY_COMMITTEES else "youth_union"
        levels = {
            "province": ("province",),
            "district": ("district",),
            "province_or_district": ("province", "district"),
        }[level]
        um = UnitMention(m.start(), m.end(), written, canon, kind, head=canon, priority=3)
        pos = m.end()
        space = re.match(r"[ \t]+", text[pos:])
        hit = None
        if space:
            start = pos + space.end()
            tp = re.match(r"(?:TP\.?|Tp\.?|thành phố|Thành phố)\s*", text[start:])
            if tp:
                hit = _match_place(text, start + tp.end(), levels)
            hit = hit or _match_place(text, start, levels)
            number = re.match(r"\d{1,2}(?![\w/]|[.,]\d)", text[start:])
            if not hit and number and key.startswith("quận"):
                hit = (start + number.end(), number.group(0), [])  # "Quận đoàn 1"
        if hit:
            end, spelled, units = hit
            short = _place_short(spelled, units)
            um.end, um.text = end, text[m.start() : end]
            if short == "Hồ Chí Minh" and key in ("thành ủy", "thành đoàn"):
                um.name = f"{canon} Thành phố Hồ Chí Minh"
            else:
                um.name = f"{canon} {short}"
            um.place = short
            provs = [u for u in units if u.level == "province"]
            um.province = provs[0].short if provs else _province_of(units)
            um.siblings = _coordinated_places(text, end, levels, um)
            out.append(um)
            continue
        if not written[0].isupper() or _is_generic_before(text, m.start()):
            continue  # "các tỉnh ủy, thành ủy": a category, not one committee
        listed = re.match(r"\s+các\s+(tỉnh|huyện|thành phố)\s+", text[pos:])
        if listed:
            # "UBKT Tỉnh ủy các tỉnh Điện Biên, Yên Bái": one committee per place.
            first = _match_place(text, pos + listed.end(), levels)
            if first:
                end, spelled, units = first
                short = _place_short(spelled, units)
                um.end, um.text = end, text[m.start() : end]
                um.name, um.place = f"{canon} {short}", short
                um.province = _province_of(units)
                um.siblings = _coordinated_places(text, end, levels, um)
                out.append(um)
            continue
        if _next_word(text, m.end()).casefold() in P.GENERIC_AFTER:
            continue
        um.needs_place = (
            _COMMITTEE_WORD.get(canon)
            or {
                "province": "tỉnh",
                "district": "huyện",
                "province_or_district": "thành phố",
            }[level]
        )
        out.append(um)
    return out


def _coordinated_places(text: str, pos: int, levels, first: UnitMention) -> list[UnitMention]:
    """Reads ", Gio Linh, Cam Lộ" after "Huyện uỷ Hải Lăng": the same body of each place."""
    sibs = []
    head = first.name[: len(first.name) - len(first.place or "")].rstrip()
    while m := re.match(r"\s*,\s*|\s+và\s+", text[pos:]):
        start = pos + m.end()
        hit = _match_place(text, start, levels)
        if not hit:
            break
        end, spelled, units = hit
        if re.match(r"\s*(ủy|đoàn|Ủy|Đoàn)\b", text[end:]) or _is_cap(_next_word(text, end)):
            break
        if "province" not in levels and gz.lookup(spelled, level="province"):
            break  # "Huyện ủy Hải Lăng, Quảng Trị": the province, not another district
        short = _place_short(spelled, units)
        provs = [u for u in units if u.level == "province"]
        sibs.append(
            UnitMention(
                start,
                end,
                text[start:end],
                f"{head} {short}",
                first.kind,
                head=first.head,
                place=short,
                province=provs[0].short if provs else _province_of(units),
                priority=4,
            )
        )
        pos = end
    return sibs


def _find_local_heads(text: str) -> list[UnitMention]:
    """Finds "UBND tỉnh Bình Định", "TAND Tối cao", "Đoàn Đại biểu Quốc hội tỉnh Đồng Nai",
    "UBND các xã Vũ Quý, Vũ Trung" (one body per place) and "HĐND, UBND huyện Sóc Sơn" (the
    place written once for both)."""
    out = []
    bare: list[UnitMention] = []
    words = list(P.LOCALITY_WORDS)
    pats = _patterns()
    for m in pats["local_head"].finditer(text):
        written = m.group("head")
        canon = P.LOCAL_STATE_HEADS[written]
        kind = P.LOCAL_HEAD_KIND[canon]
        um = UnitMention(m.start(), m.end(), written, canon, kind, head=canon, priority=2)
        if _in_law_title(text, m.start()):
            continue
        sup = re.match(rf"\s+(?:{_alt(P.SUPREME_SUFFIXES)})(?![\w])", text[m.end() :])
        high = re.match(
            rf" cấp cao(?: tại (?P<seat>{_alt(P.HIGH_COURT_SEATS)})(?![\w]))?", text[m.end() :]
        )
        if canon in ("Tòa án nhân dân", "Viện kiểm sát nhân dân") and (sup or high):
            um.end = m.end() + (sup or high).end()
            um.text = text[m.start() : um.end]
            if sup:
                um.name = f"{canon} tối cao"
            else:  # "TAND cấp cao tại Hà Nội" (Luật Tổ chức Tòa án nhân dân 2024, Điều 4)
                seat = high.group("seat")
                um.name = f"{canon} cấp cao" + (f" tại {P.HIGH_COURT_SEATS[seat]}" if seat else "")
            um.priority = 3
            out.append(um)
            continue
        if _is_generic_before(text, m.start()):
            continue
        vn = re.match(
            r" Việt Nam(?= (?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|TP)(?![\w])| TP\.)",
            text[m.end() :],
        )
        if vn and kind in ("mass_org", "youth_union"):
            # "Ủy ban MTTQ Việt Nam tỉnh Hà Tĩnh", "Hội Sinh viên Việt Nam TP.HCM": the chapter
            um.end, um.name = m.end() + vn.end(), f"{canon} Việt Nam"
            um.text = text[m.start() : um.end]
        if canon in P.HEAD_LEVEL_WORDS:  # "Đoàn xã Thanh": a base Youth Union only
            if _attach_locality(text, um, P.HEAD_LEVEL_WORDS[canon]) or (
                um.needs_place and um.needs_place != "generic"
            ):
                out.append(um)
            continue
        if canon in P.BARE_PROVINCE_HEADS and _attach_locality(text, um, (), bare_province=True):
            um.priority = 3
            out.append(um)
            continue
        if _attach_locality(text, um, words):
            um.priority = 3
            out.append(um)
        elif um.needs_place and um.needs_place != "generic":
            out.append(um)
        elif not um.needs_place:
            listed = _listed_places(text, um)
            if listed:
                out.append(listed)
            else:
                bare.append(um)
    by_start = {um.start: um for um in out}
    for um in sorted(bare, key=lambda u: -u.start):
        gap = re.match(r"\s*,\s*|\s+và\s+", text[um.end : um.end + 6])
        other = by_start.get(um.end + gap.end()) if gap else None
        if other is None or other.head not in P.LOCAL_HEAD_KIND:
            continue
        # "HĐND, UBND huyện Sóc Sơn": the first body belongs to the same place.
        um.place, um.place_word, um.province = other.place, other.place_word, other.province
        um.needs_place = other.needs_place
        if other.place:
            um.name = f"{um.name} {other.place_word} {other.place}"
        elif other.needs_place:
            um.name = f"{um.name} {other.needs_place}"
        else:
            continue
        out.append(um)
        by_start[um.start] = um
    return out


# The issuer block of a State document header is set in capitals, often one cell per line
# ("ỦY BAN NHÂN DÂN" / "TỈNH QUẢNG NGÃI"; Nghị định 30/2020/NĐ-CP, Phụ lục I: "tên cơ quan
# ban hành" under "tên cơ quan chủ quản"); read as "Ủy ban nhân dân tỉnh Quảng Ngãi".
_HEADER_HEAD_RE = re.compile(
    r"(?m)^[ \t]*(?P<head>ỦY BAN NHÂN DÂN|UBND|HỘI ĐỒNG NHÂN DÂN|HĐND|TÒA ÁN NHÂN DÂN"
    r"|VIỆN KIỂM SÁT NHÂN DÂN|ĐẢNG BỘ)(?:[ \t]*\n\s*|[ \t]+)"
    r"(?P<word>TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG)[ \t]+"
    rf"(?P<name>[{UP}]+(?:[ \t]*-?[ \t]*[{UP}]+)*)[ \t]*$"
    # the department under its People's Committee: "UBND TỈNH QUẢNG NGÃI" / "SỞ TÀI CHÍNH"
    rf"(?:\s*\n\s*(?P<dept>SỞ[ \t]+[{UP}]+(?:[ \t]*[-,]?[ \t]*[{UP}]+)*)[ \t]*$)?"
)
_HEADER_HEADS = {"UBND": "Ủy ban nhân dân", "HĐND": "Hội đồng nhân dân", "ĐẢNG BỘ": "Đảng bộ"}


def _cased_department(caps: str) -> str:
    """ "SỞ KẾ HOẠCH VÀ ĐẦU TƯ" -> "Sở Kế hoạch và Đầu tư": each coordinated part capitalised."""
    words = caps.lower().split()
    out = []
    for k, w in enumerate(words):
        lead = k <= 1 or words[k - 1] in ("và", "-") or words[k - 1].endswith(",")
        out.append(w.capitalize() if lead and w not in ("và", "-") else w)
    return " ".join(out)


def _find_header_heads(text: str) -> list[UnitMention]:
    """Finds the capitalised issuer of a header: "ỦY BAN NHÂN DÂN\n\nTỈNH LÂM ĐỒNG" gives
    "Ủy ban nhân dân tỉnh Lâm Đồng", which also tells which province "UBND tỉnh" means."""
    out = []
    for m in _HEADER_HEAD_RE.finditer(text):
        canon = _HEADER_HEADS.get(m.group("head")) or m.group("head").capitalize()
        kind = "party" if canon == "Đảng bộ" else P.LOCAL_HEAD_KIND.get(canon, "state")
        spelled = f"{canon} {m.group('word').lower()} {m.group('name').title()}"
        um = UnitMention(0, len(canon), canon, canon, kind, head=canon, priority=3)
        if not _attach_locality(spelled, um, P.LOCALITY_WORDS) or um.end != len(spelled):
            continue
        um.start, um.end = m.start("head"), m.end("name")
        um.text = text[um.start : um.end]
        out.append(um)
        if m.group("dept") and canon == "Ủy ban nhân dân":
            dept = _cased_department(m.group("dept"))
            name = f"{dept} {um.place_word} {um.place}"
            d = UnitMention(m.start("dept"), m.end("dept"), m.group("dept"), name, "state")
            d.head, d.priority = dept, 3
            d.place, d.place_word, d.province = um.place, um.place_word, um.province
            out.append(d)
    return out


def _listed_places(text: str, um: UnitMention) -> UnitMention | None:
    """ "UBND các xã Vũ Quý, Vũ Trung và Quang Trung": the body of each place, the first one
    extended over "các xã Vũ Quý" and the others (siblings) over their place names."""
    listed = re.match(
        r" các (?P<word>thành phố|thị xã|thị trấn|huyện|quận|xã|phường|tỉnh) ", text[um.end :]
    )
    if not listed:
        return None
    canon_word, level = P.LOCALITY_WORDS[listed.group("word")]
    levels = _LEVELS[level]
    start = um.end + listed.end()
    hit = _match_place(text, start, levels)
    if not hit:
        return None
    end, spelled, units = hit
    short = _place_short(spelled, units)
    head = um.name
    um.end, um.text = end, text[um.start : end]
    um.name, um.place, um.place_word = f"{head} {canon_word} {short}", short, canon_word
    um.province = _province_of(units)
    um.priority = 3
    pos = end
    while sep := re.match(r"\s*,\s*|\s+và\s+", text[pos:]):
        s = pos + sep.end()
        word, lv = canon_word, levels
        own = _patterns()["loc_word"].match(text, s)
        if own and own.group("word").casefold() in P.LOCALITY_WORDS:
            word, lv_name = P.LOCALITY_WORDS[own.group("word").casefold()]
            lv = _LEVELS[lv_name]
            hit = _match_place(text, own.end(), lv)
        else:
            hit = _match_place(text, s, lv)
        if not hit:
            break
        e, spelled, units = hit
        if _is_cap(_next_word(text, e)) and not text[e:].lstrip().startswith(("(", ",")):
            break
        short = _place_short(spelled, units)
        um.siblings.append(
            UnitMention(
                s,
                e,
                text[s:e],
                f"{head} {word} {short}",
                um.kind,
                head=um.head,
                place=short,
                place_word=word,
                province=_province_of(units),
                priority=4,
            )
        )
        pos = e
    return um


def _in_law_title(text: str, pos: int) -> bool:
    """Whether a body at `pos` is a word of a law's title ("Luật Tổ chức Chính phủ", "Luật
    Công an nhân dân", "Điều lệ Hội Nông dân Việt Nam"), not a mention of the body."""
    return bool(
        re.search(r"(?:Luật|Pháp lệnh|Điều lệ)(?: [Tt]ổ chức)? $", text[max(0, pos - 20) : pos])
    )


def _locality(start, end, text, word, short, units, priority) -> UnitMention:
    u = units[0] if units else None
    prov = None
    if u is not None:
        prov = u.short if u.level == "province" else _province_of(units)
    return UnitMention(
        start,
        end,
        text[start:end],
        f"{word} {short}",
        "locality",
        head="locality",
        place=short,
        place_word=word,
        level=u.level if u else P.LOCALITY_WORDS.get(word, ("", None))[1],
        code=u.code if u else None,
        new_province=gz.new_province_of(short, level=u.level) if u else None,
        province=prov,
        priority=priority,
    )


def _find_localities(text: str) -> list[UnitMention]:
    """Finds "tỉnh Quảng Trị", "huyện đảo Phú Quý", "TP.HCM", "xã Phước Tân", a bare "Hà Nội"."""
    pats = _patterns()
    out = []
    for m in pats["city_short"].finditer(text):
        prev = _prev_word(text, m.start())
        if _is_cap(prev) and prev not in _SENTENCE_WORDS and not _after_break(text, m.start()):
            continue  # "báo Pháp Luật TP.HCM": part of another name
        units = gz.lookup(P.CITY_SHORT_FORMS[m.group(0)], level="province")
        if units:
            word = _province_word(units[0].short)
            out.append(_locality(m.start(), m.end(), text, word, units[0].short, units, 3))
    for m in pats["locality"].finditer(text):
        written = m.group("word")
        canon_word, level = P.LOCALITY_WORDS.get(written) or P.LOCALITY_WORDS[written.casefold()]
        prev = _prev_word(text, m.start())
        if written.isupper() and _is_cap(prev) and prev not in _SENTENCE_WORDS:
            if not _after_break(text, m.start()):
                continue  # "báo Pháp Luật TP.HCM": part of another name
        allow_unknown = level in ("district", "commune") and written[0].islower()
        hit = _match_place(text, m.end(), _LEVELS[level], allow_unknown=allow_unknown)
        if not hit:
            continue
        end, spelled, units = hit
        if not units and spelled.isdigit() and canon_word not in ("phường", "quận"):
            continue
        if level == "city":
            units = _city_units(units)
        short = _place_short(spelled, units)
        if units and units[0].level == "province":
            canon_word = _province_word(short)  # "tỉnh Thừa Thiên Huế" is "thành phố Huế"
        um = _locality(m.start(), end, text, canon_word, short, units, priority=2)
        um.siblings = _coordinated_localities(text, end, _LEVELS[level], canon_word)
        out.append(um)
        # "xã Cải Viên - Hà Quảng - tỉnh Cao Bằng": the bigger places written after it.
        out.extend(_enclosing_places(text, end, units[0].level if units else "commune"))
    for pat in (pats["province"], pats["city"]):
        for m in pat.finditer(text):
            prev, nxt = _prev_word(text, m.start()), _next_word(text, m.end())
            if _is_cap(prev) and prev not in _SENTENCE_WORDS and not _after_break(text, m.start()):
                continue  # inside a longer name: "Đại học Quốc gia Hà Nội", a person
            if _is_cap(nxt) and text[m.end() : m.end() + 1] not in ",.;:)":
                continue
            if nxt.casefold() in ("ủy", "đoàn"):
                continue
            if pats["facility_before"].search(text[max(0, m.start() - 40) : m.start()]):
                continue  # "Khu công nghiệp Yên Bình", "Trạm biến áp 220 kV Phú Bình": a site
            level = "province" if pat is pats["province"] else "district"
            units = gz.lookup(m.group(0), level=level)
            if not units:
                continue
            u = units[0]
            word = _province_word(u.short) if level == "province" else u.type
            out.append(_locality(m.start(), m.end(), text, word, u.short, units, priority=1))
    return out


def _coordinated_localities(text, pos, levels, word) -> list[UnitMention]:
    """Reads "huyện Cần Giờ, Bình Chánh": each place with the level word written once."""
    sibs = []
    while m := re.match(r"\s*,\s*|\s+và\s+", text[pos:]):
        start = pos + m.end()
        hit = _match_place(text, start, levels)
        if not hit:
            break
        end, spelled, units = hit
        if _is_cap(_next_word(text, end)):
            break
        if "province" not in levels and gz.lookup(spelled, level="province"):
            break
        if "district" in levels:
            units = _city_units(units)
        short = _place_short(spelled, units)
        sib_word = _province_word(short) if units[0].level == "province" else word
        sibs.append(_locality(start, end, text, sib_word, short, units, 2))
        pos = end
    return sibs


def _enclosing_places(text, pos, level) -> list[UnitMention]:
    """After "xã Cải Viên": "- Hà Quảng - tỉnh Cao Bằng" names the district and province."""
    out = []
    order = ["commune", "district", "province"]
    if level not in order:
        return out
    rank = order.index(level)
    while rank < 2:
        m = re.match(r"\s*(?:,|-)\s*", text[pos:])
        if not m or _patterns()["loc_word"].match(text, pos + m.end()):
            break
        start = pos + m.end()
        hit = _match_place(text, start, tuple(order[rank + 1 :]))
        if not hit:
            break
        end, spelled, units = hit
        u = units[0]
        word = u.type if u.level == "district" else _province_word(u.short)
        out.append(_locality(start, end, text, word, _place_short(spelled, units), units, 2))
        rank = order.index(u.level)
        pos = end
    return out


def _find_assembly_committees(text: str) -> list[UnitMention]:
    """Finds "Ủy ban Kinh tế của Quốc hội", "Ủy ban Pháp luật", and the lists of the standing
    parts of several ("Thường trực các Ủy ban: Pháp luật, Tài chính - Ngân sách")."""
    pats = _patterns()
    out = []
    for m in pats["assembly"].finditer(text):
        name = f"Ủy ban {m.group('name')} của Quốc hội"
        out.append(
            UnitMention(m.start(), m.end(), m.group(0), name, "state", head=name, priority=3)
        )
    for m in pats["assembly_list"].finditer(text):
        standing = "Thường trực " if m.group("standing") else ""
        first = UnitMention(
            m.start(),
            m.end(),
            m.group(0),
            f"{standing}Ủy ban {m.group('name')} của Quốc hội",
            "state",
            head="Ủy ban",
            priority=4,
        )
        pos = m.end()
        while more := pats["assembly_more"].match(text, pos):
            s = more.start("name")
            first.siblings.append(
                UnitMention(
                    s,
                    more.end(),
                    more.group("name"),
                    f"{standing}Ủy ban {more.group('name')} của Quốc hội",
                    "state",
                    head="Ủy ban",
                    priority=4,
                )
            )
            pos = more.end()
        out.append(first)
    return out


def _has_stop(words: list[str]) -> bool:
    """Whether a lower-case run holds a function word or a two-syllable verb ("ban hành")."""
    if _stop_index(words) < len(words):
        return True
    return any(
        f"{a} {b}".casefold() in _STOP_PHRASES for a, b in zip(words, words[1:], strict=False)
    )


def _stop_index(words: list[str]) -> int:
    """Index of the first stop word or two-syllable verb in `words` (their length if none)."""
    for j, w in enumerate(words):
        if w.casefold() in _NAME_STOPS and w not in ("và", "&"):
            if j and words[j - 1] == "và":
                continue  # "nhỏ và vừa": coordinated words of the name
            return j
        if j + 1 < len(words) and f"{w} {words[j + 1]}".casefold() in _STOP_PHRASES:
            return j
    return len(words)


def _proper_name_end(
    text: str,
    pos: int,
    max_words: int = 7,
    word_ends: dict[int, int] | None = None,
    to_locality: bool = False,
) -> int:
    """End of a proper name starting at `pos`.

    Vietnamese names capitalize the first syllable of each word ("Đầu tư và Thương mại Điện
    Quang"), so lower-case syllables are taken when a capitalized one follows; "và"/"&" and a
    spaced dash join capitalized words ("Vụ Kế hoạch - Tài chính"). With the segmenter's words
    (`word_ends`, start -> end), a capitalized syllable takes the rest of its word ("Du lịch").
    With `to_locality`, lower-case words up to a level word and its place are taken too ("Cục
    Thi hành án dân sự| tỉnh Nghệ An"); a trailing "TP.HCM" belongs to the name.
    """
    tokens: list[tuple[int, int, str, bool]] = []  # start, end, syllable, after a dash
    for m in re.finditer(r"[^\W_][\w&'-]*|&", text[pos : pos + 200]):
        dash = False
        if tokens:
            sep = text[pos + tokens[-1][1] : pos + m.start()]
            if sep != " ":
                if not re.fullmatch(r" [-–] ", sep):
                    break
                dash = True
        tokens.append((m.start(), m.end(), m.group(0), dash))
        if len(tokens) >= max_words * 2:
            break
    end = pos
    n_caps = 0
    loc_word = _patterns()["loc_word"]
    resume = 0
    for i, (s, e, w, dash) in enumerate(tokens):
        if pos + s < end or i < resume:
            continue  # inside a word or a lower-case run already taken
        capital = _is_cap(w) or w[0].isdigit()
        if dash and not (n_caps and capital):
            break
        if w[0].isdigit() and n_caps:
            after = tokens[i + 1][2] if i + 1 < len(tokens) else _next_word(text, pos + e)
            if after.casefold() in _COUNT_AFTER_NAME:
                break  # "Công ty ... Hạ Long| 12 năm tù": a quantity after the name
        if capital:
            following = tokens[i + 1][2] if i + 1 < len(tokens) else _next_word(text, pos + e)
            if n_caps and _opens_head(w, following):
                break
            if not n_caps and _owns_bodies(w, following):
                break  # "Văn phòng| Tỉnh ủy": the owner of this body, not its name
            nxt2 = [t[2] for t in tokens[i + 1 : i + 3]]
            person = len(nxt2) == 2 and all(map(_is_cap, nxt2))
            if n_caps and w in P.SURNAMES and person:
                if not gz.lookup(" ".join([w, *nxt2]), level="province"):
                    break  # "Tổng cục Du lịch Nguyễn Văn Tuấn": a person follows the name
            end = pos + e
            word_end = (word_ends or {}).get(pos + s, 0)
            after_capital = i > 0 and _is_cap(tokens[i - 1][2]) and not dash
            if (
                word_end > end
                and not after_capital  # "Mỹ Khánh| nhận": a name of capitals ends at a verb
                and re.fullmatch(r"(?: [^\W\d_]+)+", text[end:word_end])
                and not any(map(_is_cap, text[end:word_end].split()))
            ):
                end = word_end  # "Du lịch" is one word: the name does not stop inside it
            n_caps += 1
            if n_caps >= max_words:
                break
            continue
        if n_caps == 0:
            break
        run: list[str] = []
        at_locality = False
        for t in tokens[i : i + 5]:
            if _is_cap(t[2]) or t[2][0].isdigit() or t[3]:
                break
            lw = loc_word.match(text, pos + t[0])
            if lw and t[2] in ("tỉnh", "huyện", "quận", "xã", "phường", "thị", "thành", "đặc"):
                if re.match(rf"[{UP}\d]|[,.;:)]|và |$", text[lw.end() : lw.end() + 3]):
                    at_locality = True  # "tỉnh Nghệ An", or a bare "huyện" to complete
                    break
            run.append(t[2])
        if i > 1 and _is_cap(tokens[i - 1][2]) and _is_cap(tokens[i - 2][2]):
            to_locality = False  # "Gia Lai| mở chuyên trang": after a proper name, a verb
        if _has_stop(run):
            k = _stop_index(run)
            while k and run[k - 1] in ("và", "&"):
                k -= 1
            if to_locality and 0 < k <= 3:
                end = pos + tokens[i + k - 1][1]  # "Cục Thủy lợi| hướng dẫn", "quốc gia| đã"
            break
        if at_locality:
            if to_locality and run and len(run) <= 4:
                end = pos + tokens[i + len(run) - 1][1]  # "Cục Thi hành án dân sự| tỉnh ..."
            break
        if len(run) == 5 and run[-2:] != ["chi", "nhánh"]:
            break
        tail = i + len(run) == len(tokens) and re.match(
            r"\s*[;,.()\n]", text[pos + tokens[-1][1] : pos + tokens[-1][1] + 3]
        )
        if to_locality and run and len(run) <= 3 and tail:
            end = pos + tokens[-1][1]  # "Vụ Chính quyền địa phương;", "Vụ Tổ chức cán bộ,"
            break
        nxt = tokens[i + len(run)] if i + len(run) < len(tokens) else None
        branch = run[-2:] == ["chi", "nhánh"]  # "Văn phòng Đăng ký đất đai chi nhánh Phú Quốc"
        if nxt and _is_cap(nxt[2]) and (len(run) <= 3 or branch):
            after = tokens[i + len(run) + 1][2] if i + len(run) + 1 < len(tokens) else ""
            if run[0] in ("và", "&") and _opens_head(nxt[2], after):
                break  # "Công ty X và Hợp tác xã Y", "Bệnh viện X và Bệnh viện Y": two names
            if run[0] in ("và", "&") and (
                f"{nxt[2]} {after}" in P.POSTS_AFTER_AND or nxt[2] in P.POSTS_AFTER_AND
            ):
                break  # "Cục Trồng trọt| và Thủ trưởng các đơn vị": a post, not the name
            if to_locality and (_opens_head(nxt[2], after) or _owns_bodies(nxt[2], after)):
                end = pos + tokens[i + len(run) - 1][1]  # "Phòng Cảnh sát hình sự| Công an"
                break
            resume = i + len(run)
            continue  # "Dầu khí quốc gia Việt Nam": the capital word ahead ends the run
        break
    if end > pos and to_locality:
        city = re.match(r" (?:TP\. ?|Tp\. ?|TP |Tp )?(?:HCM|Hồ Chí Minh)(?![\w])", text[end:])
        if city and not re.match(r" (?:Hồ Chí Minh)", text[end:]):
            end += city.end()  # "Trường Đại học Sư phạm TP.HCM"
    if end > pos and text.endswith("Trung", pos, end) and text.startswith(" ương", end):
        end += len(" ương")  # "Bệnh viện Nhi Trung ương": one word, its second syllable lower
    return end


def _find_enterprises(text: str, word_ends: dict[int, int] | None = None) -> list[UnitMention]:
    """Finds "Công ty TNHH Cường Hưng", "Tổng Công ty cổ phần Xây lắp Dầu khí Việt Nam"."""
    out = []
    for m in _patterns()["enterprise"].finditer(text):
        head = P.ENTERPRISE_HEADS[m.group("head")]
        form = m.group("form") or ""
        if (
            form
            and form not in P.ENTERPRISE_FORMS
            and (head not in ("Hợp tác xã", "Công ty") or _has_stop(form.split()))
        ):
            continue  # "Hợp tác xã nông nghiệp Phước Chỉ", but not "Công ty này Hòa Phát"
        if head == "Ngân hàng" and text.startswith("Nhà nước", m.end()):
            continue
        end = _proper_name_end(text, m.end(), word_ends=word_ends)
        if end <= m.end():
            continue
        suffix = re.match(
            r" ?[-–] ?(?:CTCP|Công ty CP|Công ty cổ phần|Công ty TNHH)(?![\w])", text[end:]
        )
        if suffix:
            end += suffix.end()  # "Tập đoàn Vingroup - Công ty CP" (Luật Doanh nghiệp, Điều 38)
        distinct = text[m.end() : end]
        if distinct.casefold() in P.ENTERPRISE_GENERIC_NEXT or len(distinct.split()[0]) < 2:
            continue
        name = " ".join(x for x in (head, m.group("form"), distinct) if x)
        out.append(
            UnitMention(
                m.start(),
                end,
                text[m.start() : end],
                name,
                "enterprise",
                head=head,
                priority=2,
                merge_key=f"{head.casefold()}|{gz.name_key(distinct)}",
            )
        )
    for m in _patterns()["back_reference"].finditer(text):
        canon, kind = P.SUB_BODY_PREFIXES[m.group("prefix")]
        head = m.group("head")
        out.append(
            UnitMention(
                m.start(),
                m.end(),
                m.group(0),
                f"{canon} {head}",
                kind or "enterprise",
                head=head,
                priority=2,
                back_reference=head.casefold(),
            )
        )
    return out


def _expand_city(name: str) -> str:
    """ "Sư phạm TP.HCM" -> "Sư phạm Thành phố Hồ Chí Minh": the city's short form expanded."""
    for form in sorted(P.CITY_SHORT_FORMS, key=len, reverse=True):
        if name.endswith(" " + form) and P.CITY_SHORT_FORMS[form] == "Hồ Chí Minh":
            return name[: -len(form)] + "Thành phố Hồ Chí Minh"
    return name


def _find_schools(text: str, word_ends: dict[int, int] | None = None) -> list[UnitMention]:
    """Finds "Trường THPT Chu Văn An" -> "Trường Trung học phổ thông Chu Văn An"."""
    out = []
    for m in _patterns()["school"].finditer(text):
        end = _proper_name_end(text, m.end(), max_words=6, word_ends=word_ends, to_locality=True)
        if end <= m.end():
            # "Trường Chính trị tỉnh Vĩnh Phúc": a school named by its locality.
            head = P.SCHOOL_HEADS[m.group("head")]
            um = UnitMention(m.start(), m.end() - 1, head, head, "school", head=head, priority=2)
            um.end = m.start() + len(m.group(0).rstrip())
            um.text = text[m.start() : um.end]
            if _attach_locality(text, um, list(P.LOCALITY_WORDS)) or um.needs_place not in (
                None,
                "generic",
            ):
                out.append(um)
            continue
        name = f"{P.SCHOOL_HEADS[m.group('head')]} {_expand_city(text[m.end() : end])}"
        out.append(
            UnitMention(
                m.start(),
                end,
                text[m.start() : end],
                name,
                "school",
                head=m.group("head"),
                priority=2,
            )
        )
    return out


def _find_open_bodies(text: str, word_ends: dict[int, int] | None = None) -> list[UnitMention]:
    """Finds "Tổng cục Du lịch", "Vụ Chính quyền địa phương", "Trung tâm Con người và Thiên
    nhiên"."""
    out = []
    pats = _patterns()
    for m in pats["newspaper"].finditer(text):
        if (word_ends or {}).get(m.start()) != m.start() + 3 or _in_byline(text, m.start()):
            continue  # "thông báo Kết luận": the verb, not a newspaper
        end = _proper_name_end(text, m.end(), max_words=5, word_ends=word_ends, to_locality=True)
        if end > m.end():
            written = text[m.start() : end]
            out.append(
                UnitMention(m.start(), end, written, "Báo" + written[3:], "other", head="Báo")
            )
    for m in pats["open"].finditer(text):
        head = m.group("head")
        if head in ("Báo", "Tạp chí", "Đài") and _in_byline(text, m.start()):
            continue  # "Nguồn: Báo Quảng Ninh": a credit
        end = _proper_name_end(text, m.end(), max_words=8, word_ends=word_ends, to_locality=True)
        if end <= m.end():
            continue
        kind = "other" if head in ("Trung tâm", "Bệnh viện", "Báo", "Tạp chí", "Đài") else "state"
        written = text[m.start() : end]
        if head in ("Hội", "Công đoàn", "Hiệp hội", "Liên đoàn"):
            kind = "mass_org"
        if head == "Liên đoàn" and not written.endswith(" Việt Nam"):
            continue  # "Liên đoàn Bóng đá Việt Nam"; not "Liên đoàn Kinh tế Nhật Bản"
        um = UnitMention(m.start(), end, written, written, kind, head=head, priority=1)
        placed = _attach_locality(text, um, list(P.LOCALITY_WORDS))  # "Cục Thuế tỉnh X"
        if head in ("Hội", "Công đoàn") and not (placed or um.needs_place not in (None, "generic")):
            continue  # an association of a place ("Hội Khuyến học huyện"), else not a name
        um.bare_ok = head not in ("Hội", "Công đoàn")
        out.append(um)
    for m in pats["steering_committee"].finditer(text):
        um = _steering_committee(text, m)
        if um is not None:
            out.append(um)
    for m in pats["management_board"].finditer(text):
        um = _management_board(text, m, word_ends)
        if um is not None:
            out.append(um)
    for m in pats["military"].finditer(text):
        out.append(
            UnitMention(
                m.start(), m.end(), m.group(0), m.group(0), "state", head="military", priority=2
            )
        )
    return out


def _steering_committee(text: str, m: re.Match) -> UnitMention | None:
    """Finds "Ban Chỉ đạo Trung ương về phòng, chống tham nhũng, tiêu cực", "Ban Chỉ đạo thực
    hiện Kết luận 80-KL/TW": a steering committee is named by its task, up to the end of the
    clause; "Ban Chỉ đạo các cấp" is a category."""
    clause = re.match(r"[^.;:()\n]{0,160}", text[m.end() :]).group(0)
    clause = re.split(rf" và | - |, (?=[^\W\d_]+ [{UP}])", clause)[0]
    tokens = [(t.group(0), t.end()) for t in re.finditer(r",|[^\W_][\w/&-]*", clause)]
    words = [w for w, _ in tokens]
    if not words or words[0] in ("này", "đó", "của", "và"):
        return None
    if words[0] == "các" and not (len(words) > 1 and _is_cap(words[1])):
        return None  # "Ban Chỉ đạo các cấp", but "Ban Chỉ đạo các Chương trình ..."
    kept = 0
    for j, w in enumerate(words):
        if j and _is_cap(w) and _opens_head(w, words[j + 1] if j + 1 < len(words) else ""):
            break  # "... công lập| Trưởng đoàn": a post or another body
        if w == ",":
            nxt = words[j + 1] if j + 1 < len(words) else ""
            if not nxt or _is_cap(nxt) or _has_stop([nxt]):
                break
            continue
        if j >= 1 and w not in ("về", "các", "thực", "hiện") and not _is_cap(words[j - 1]):
            if _has_stop([w]):
                if w in ("ra", "vào", "lên", "lại", "được"):
                    kept = j - 1  # "đề| ra": the verb before its complement
                break
            if f"{words[j - 1]} {w}".casefold() in _STOP_PHRASES and words[j - 1] != "thực":
                kept = j - 1  # "... tỉnh| ban hành": the verb starts at the word before
                break
        kept = j + 1
        if kept >= 16:
            break
    while kept and (words[kept - 1] == "," or _has_stop([words[kept - 1]])):
        kept -= 1
    first = words[0] if kept else ""
    if kept < 2 and not (first and (_is_cap(first) or first[0].isdigit())):
        return None
    end = m.end() + tokens[kept - 1][1]
    written = text[m.start() : end]
    name = "Ban Chỉ đạo" + written[len("Ban Chỉ đạo") :]
    return UnitMention(m.start(), end, written, name, "state", head="Ban Chỉ đạo", priority=2)


def _management_board(text: str, m: re.Match, word_ends) -> UnitMention | None:
    """Finds "Ban Quản lý dự án đầu tư xây dựng huyện Quảng Xương", "Ban Quản lý các khu công
    nghiệp Bình Dương" (Nghị định 15/2021/NĐ-CP, 35/2022/NĐ-CP): a board's task in lower case,
    then the place or proper name that makes it one board; "Ban Quản lý dự án" alone is none."""
    pos = m.end()
    words = 0
    while words < 8:
        w = re.match(r" ([^\W\d_]+)", text[pos:])
        if not w or _is_cap(w.group(1)):
            break
        after = _next_word(text, pos + 1 + len(w.group(1)))
        if _patterns()["loc_word"].match(text, pos + 1) and (
            re.match(rf"[{UP}\d]", after[:1] or "x") or not after or _has_stop([after])
        ):
            break  # "... huyện Quảng Xương", or a bare "tỉnh" to complete
        if w.group(1) != "các" and _has_stop([w.group(1)]):
            return None
        pos += w.end()
        words += 1
    um = UnitMention(m.start(), pos, text[m.start() : pos], "", "state", head="Ban Quản lý")
    um.priority = 2
    placed = _attach_locality(text, um, list(P.LOCALITY_WORDS))
    if words and (placed or um.needs_place not in (None, "generic")):
        um.name = "Ban Quản lý" + text[m.end() : um.end]
        return um
    end = _proper_name_end(text, pos + 1, max_words=8, word_ends=word_ends)
    if end <= pos + 1 or text[pos : pos + 1] != " ":
        return None
    written = text[m.start() : end]
    return UnitMention(
        m.start(),
        end,
        written,
        "Ban Quản lý" + written[len(m.group(0)) :],
        "state",
        head="Ban Quản lý",
        priority=2,
    )


def _attach_prefixes(text: str, mentions: list[UnitMention]) -> list[UnitMention]:
    """Joins "Ban Thường vụ" + "Tỉnh ủy" -> "Ban Thường vụ Tỉnh ủy", a unit of its own."""
    pats = _patterns()
    out = []
    for um in mentions:
        while um.kind != "locality" and not um.negative and not um.back_reference:
            window = text[max(0, um.start - 40) : um.start]
            m = pats["prefix"].search(window)
            if not m and um.place and _committee_tail(um) in _LOCAL_COMMITTEES:
                m = pats["prefix_listed"].search(window)  # "Ban Thường vụ các huyện ủy X, Y"
            if not m:
                break
            written = re.sub(r"\s*\(.*$| các $", "", m.group(0)).strip()
            canon, kind = P.SUB_BODY_PREFIXES[written]
            if um.name.startswith(canon + " ") or um.head.startswith(canon + " "):
                break
            start = um.start - (len(window) - m.start())
            if canon == "Thường trực" and (
                not um.head.startswith(P.STANDING_OWNERS)
                or text[:start].rstrip().endswith(P.STANDING_TITLE_BEFORE)
            ):
                break  # "Phó Bí thư Thường trực Tỉnh ủy": a post in the Tỉnh ủy
            owners = P.PREFIX_OWNERS.get(canon)
            if owners and not um.head.startswith(owners):
                break
            um = _prefixed(um, canon, kind, start, text)
            out.extend(_coordinated_prefixes(text, um, pats["prefix_coordinated"]))
        out.append(um)
    return out


def _coordinated_prefixes(text: str, um: UnitMention, pat: re.Pattern) -> list[UnitMention]:
    """ "Ban Tổ chức, Ban Tuyên giáo Tỉnh ủy": the first board is the Tỉnh ủy's as well."""
    out = []
    start = um.start
    while m := pat.search(text[max(0, start - 40) : start]):
        s = start - (len(text[max(0, start - 40) : start]) - m.start())
        canon, kind = P.SUB_BODY_PREFIXES[m.group("prefix")]
        if canon == "Thường trực" and not (um.parent or "").startswith(P.STANDING_OWNERS):
            break
        if kind != P.SUB_BODY_PREFIXES.get(um.name[: -len(um.parent or "")].strip(), (0, kind))[1]:
            break  # "Ban Thường vụ Đảng ủy, Hội đồng Thành viên Tập đoàn": two owners
        e = s + len(m.group("prefix"))
        out.append(
            UnitMention(
                s,
                e,
                text[s:e],
                f"{canon} {um.parent}",
                kind or um.kind,
                head=f"{canon} {um.head.split(' ', len(canon.split()))[-1]}",
                parent=um.parent,
                needs_place=um.needs_place,
                priority=um.priority,
            )
        )
        start = s
    return out


def _prefixed(um: UnitMention, canon: str, kind: str | None, start: int, text: str) -> UnitMention:
    new = replace(
        um,
        start=start,
        text=text[start : um.end],
        name=f"{canon} {um.name}",
        kind=kind or um.kind,
        parent=um.name,
        priority=um.priority + 1,
        head=f"{canon} {um.head}",
        merge_key=None,
    )
    new.siblings = [
        replace(
            s,
            name=f"{canon} {s.name}",
            kind=kind or s.kind,
            parent=s.name,
            head=f"{canon} {s.head}",
        )
        for s in um.siblings
    ]
    return new


def find_unit_mentions(text: str, word_ends: dict[int, int] | None = None) -> list[UnitMention]:
    """Every candidate mention in `text`, overlapping ones included, sub-bodies attached.

    `word_ends` (word start -> end, from the segmenter) lets open names end on a word boundary.
    """
    found: list[UnitMention] = []
    for finder in (
        _find_negatives,
        _find_national,
        _find_ministries,
        _find_departments,
        _find_committees,
        _find_local_heads,
        _find_header_heads,
        _find_localities,
        _find_assembly_committees,
    ):
        found.extend(finder(text))
    fixed = {um.start for um in found if um.priority >= 3}
    for named in (_find_enterprises, _find_schools, _find_open_bodies):
        # A fixed name where an open one starts wins ("Văn phòng Trung ương| và ...").
        found.extend(um for um in named(text, word_ends) if um.start not in fixed)
    return _distribute_ellipsis(text, _attach_prefixes(text, _join_offices(text, found)))


def _join_offices(text: str, mentions: list[UnitMention]) -> list[UnitMention]:
    """ "Phòng Cảnh sát hình sự Công an TP Hà Nội": an office written with the local body it
    belongs to is one unit (Nghị định 37/2014/NĐ-CP: phòng, chi cục of a local body)."""
    owners = {
        um.start: um
        for um in mentions
        if um.head in P.LOCAL_HEAD_KIND and um.kind == "state" and (um.place or um.needs_place)
    }
    out = list(mentions)
    for um in mentions:
        if um.head not in P.OFFICE_HEADS or um.place or um.needs_place:
            continue
        owner = owners.get(um.end + 1)
        if owner is None or text[um.end] != " ":
            continue
        out.append(
            replace(
                owner,
                start=um.start,
                text=text[um.start : owner.end],
                name=f"{um.name} {owner.name}",
                head=f"{um.name} {owner.head}",
                parent=owner.name,
                priority=owner.priority + 1,
                siblings=[],
            )
        )
    return out


def _committee_tail(um: UnitMention) -> str:
    return " ".join(um.head.split()[-2:])


def _distribute_ellipsis(text: str, mentions: list[UnitMention]) -> list[UnitMention]:
    """Shares out an owner written once: in "Ban Thường vụ Tỉnh ủy và UBKT Tỉnh ủy các tỉnh
    Điện Biên, Yên Bái" and "Ban Thường vụ Đảng ủy và UBKT Đảng ủy Khối Doanh nghiệp Trung
    ương" what follows the second body belongs to the first one as well."""
    prefix_re = re.compile(rf"(?P<prefix>{_alt(P.SUB_BODY_PREFIXES)}) (?P<body>Đảng ủy) và $")
    starts = {um.start for um in mentions}
    for other in list(mentions):
        if other.parent is None or not other.parent.startswith("Đảng ủy "):
            continue
        m = prefix_re.search(text[max(0, other.start - 40) : other.start])
        if not m:
            continue
        start = other.start - len(m.group(0))
        if start in starts:
            continue
        canon, kind = P.SUB_BODY_PREFIXES[m.group("prefix")]
        end = start + len(m.group("prefix")) + 1 + len(m.group("body"))
        mentions.append(
            UnitMention(
                start,
                end,
                text[start:end],
                f"{canon} {other.parent}",
                kind or other.kind,
                head=f"{canon} {m.group('body')}",
                parent=other.parent,
                priority=other.priority,
            )
        )
    by_start = {um.start: um for um in mentions if um.place and um.siblings}
    for um in mentions:
        if um.needs_place is None or _committee_tail(um) not in _LOCAL_COMMITTEES:
            continue
        gap = re.match(r" và ", text[um.end : um.end + 4])
        other = by_start.get(um.end + 4) if gap else None
        if other is None or _committee_tail(other) != _committee_tail(um):
            continue
        um.name, um.place, um.needs_place = f"{um.name} {other.place}", other.place, None
        um.parent = f"{um.parent} {other.place}" if um.parent else None
        for sib in other.siblings:
            um.siblings.append(
                replace(
                    sib,
                    name=f"{um.name[: -len(other.place)]}{sib.place}",
                    parent=f"{_committee_tail(um)} {sib.place}",
                    head=um.head,
                    elliptical=True,
                    siblings=[],
                )
            )
    return mentions


# ------------------------------------------------------------------------------ resolve


def _select(mentions: list[UnitMention]) -> list[UnitMention]:
    """Keep the longest, then highest-priority, mention where mentions overlap."""
    flat: list[UnitMention] = []
    for um in mentions:
        flat.append(um)
        flat.extend(um.siblings)
    flat.sort(key=lambda u: (-(u.end - u.start), -u.priority, u.start))
    taken: list[tuple[int, int]] = []
    chosen = []
    for um in flat:
        if um.elliptical:
            chosen.append(um)
            continue
        if any(um.start < e and s < um.end for s, e in taken):
            continue
        taken.append((um.start, um.end))
        if not um.negative:
            chosen.append(um)
    chosen.sort(key=lambda u: u.start)
    return chosen


_COMMITTEE_WORD = {
    "Tỉnh ủy": "tỉnh",
    "Tỉnh đoàn": "tỉnh",
    "Huyện ủy": "huyện",
    "Huyện đoàn": "huyện",
    "Quận ủy": "quận",
    "Quận đoàn": "quận",
    "Thị ủy": "thị xã",
    "Thị đoàn": "thị xã",
}


def _nearest(pool: list[tuple[int, str]], pos: int, window: int) -> str | None:
    near = [(abs(s - pos), -s, p) for s, p in pool if abs(s - pos) <= window]
    return min(near)[2] if near else None


def _complete_from_context(
    text: str, mentions: list[UnitMention], window: int = 2500
) -> list[UnitMention]:
    """Completes "UBND tỉnh" -> "Ủy ban nhân dân tỉnh Khánh Hòa" from the nearest place of that
    level, or the document's main province; bare names that stay generic are dropped."""
    # Only places written as such ("tỉnh Đồng Nai", "UBND tỉnh Khánh Hòa") count: a bare name
    # may sit inside another ("Bộ Tư lệnh Thủ đô Hà Nội"), and a place-date line ("Hà Nội,
    # ngày ...") says where a paper was signed, not whose bodies it names.
    provinces = [
        (u.start, u.province)
        for u in mentions
        if u.province
        and not (u.head == "locality" and u.priority <= 1)
        and not _PLACE_DATE_RE.match(text, u.end)
    ]
    counts = Counter(p for _, p in provinces).most_common(2)
    main_province = None
    if counts and (len(counts) == 1 or counts[0][1] > counts[1][1]):
        main_province = counts[0][0]
    by_word: dict[str, list[tuple[int, str]]] = {}
    for u in mentions:
        word = u.place_word or _COMMITTEE_WORD.get(_committee_tail(u))
        if u.place and word:
            by_word.setdefault(word, []).append((u.start, u.place))
    enterprises = [(u.start, u.name) for u in mentions if u.kind == "enterprise" and u.merge_key]
    enterprises += [
        (u.start, m.group(0))
        for u in mentions
        if u.head == "military" and (m := re.search(r"(?:Quân khu|Quân đoàn|Sư đoàn) \d+", u.name))
    ]
    enterprises += [
        (u.start, m.group(0))
        for u in mentions
        if u.kind == "party" and (m := re.search(r"Đảng ủy Khối .+", u.name))
    ]
    kept = []
    for um in mentions:
        if um.back_reference:
            same = [(s, n) for s, n in enterprises if n.casefold().startswith(um.back_reference)]
            owner = _nearest([(s, n) for s, n in same if s < um.start], um.start, 10**9)
            if owner:
                prefix = um.name[: len(um.name) - len(um.head)].rstrip()
                um.name, um.parent = f"{prefix} {owner}", owner
                kept.append(um)
            continue
        if not um.needs_place:
            kept.append(um)
            continue
        word = um.needs_place
        if word == "tỉnh":
            place = _nearest(provinces, um.start, window) or main_province
        elif word == "thành phố":
            cities = [(s, p) for s, p in provinces if _province_word(p) == "thành phố"]
            place = _nearest(by_word.get("thành phố", []) + cities, um.start, window)
        else:
            place = _nearest(by_word.get(word, []), um.start, window)
        if place is None:
            if (_committee_tail(um) in _LOCAL_COMMITTEES and um.kind != "state") or (
                um.kind == "party" and um.head == "Đảng bộ"
            ):
                kept.append(um)  # "Tỉnh ủy", "Đảng bộ tỉnh" with no province named: as written
            elif um.bare_ok:
                um.name, um.needs_place = um.text, None
                kept.append(um)
            continue
        if _committee_tail(um) in ("Thành ủy", "Thành đoàn") and place == "Hồ Chí Minh":
            um.name = f"{um.name} Thành phố Hồ Chí Minh"  # the city named after a person
        elif um.name.endswith(" " + word) or _committee_tail(um) in _LOCAL_COMMITTEES:
            um.name = f"{um.name} {place}"
        else:
            um.name = f"{um.name} {_province_word(place)} {place}"
        if um.parent:
            um.parent = f"{um.parent} {place}"
        kept.append(um)
    return kept


def _merge_target(um: UnitMention, by_merge: dict[str, str]) -> str | None:
    """The unit a short name belongs to: "Công ty Cường Hưng" is "Công ty TNHH Cường Hưng"."""
    if not um.merge_key:
        return None
    if um.merge_key in by_merge:
        return by_merge[um.merge_key]
    head, core = um.merge_key.split("|", 1)
    for key, target in by_merge.items():
        other_head, other = key.split("|", 1)
        if other_head == head and other.endswith(" " + core):
            return target  # only a shorter name joins a longer one, never the reverse
    return None


def resolve_units(text: str, mentions: list[UnitMention]) -> list[dict]:
    """Choose among overlapping mentions, complete bare names, merge, and build the dicts."""
    chosen = _complete_from_context(text, _select(mentions))
    units: dict[str, dict] = {}
    by_merge: dict[str, str] = {}
    for um in chosen:
        target = _merge_target(um, by_merge)
        key = target or gz.name_key(um.name)
        mention = {"start": um.start, "end": um.end, "text": um.text}
        if key not in units:
            unit = {
                "name": um.name,
                "text": um.text,
                "kind": um.kind,
                "aliases": [],
                "parent": um.parent,
                "start": um.start,
                "end": um.end,
                "mentions": [],
            }
            if um.kind == "locality":
                unit.update(level=um.level, code=um.code, new_province=um.new_province)
            units[key] = unit
        unit = units[key]
        unit["mentions"].append(mention)
        if um.text != unit["text"] and um.text not in unit["aliases"]:
            unit["aliases"].append(um.text)
        if um.kind == "enterprise" and len(um.name) > len(unit["name"]):
            unit["name"] = um.name
        if um.merge_key and (target is None or um.merge_key not in by_merge):
            if target is None:
                by_merge.setdefault(um.merge_key, key)
    return list(units.values())


def extract_units(at: AnalyzedText) -> list[dict]:
    """Organisations and localities in `at.text`, one dict per unit, in order of first mention.

    Each has `name` (canonical), `text` (first mention as written), `kind`, `aliases`,
    `parent`, `mentions`, `start`/`end`; localities also `level`, `code`, `new_province`.
    """
    word_ends = {s: e for sentence in at.sentences for s, e in sentence.words}
    return resolve_units(at.text, find_unit_mentions(at.text, word_ends))
