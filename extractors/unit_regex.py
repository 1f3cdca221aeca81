"""Regular expressions for unit names, compiled once from the tables in `unit_patterns` and
the place names in `gazetteer`: fixed national bodies in every written form, local heads,
level words, province and city names, enterprise and school heads.

>>> bool(compiled_patterns()["committee"].match("Huyện ủy Hải Lăng"))
True
"""

from __future__ import annotations

import re
from functools import lru_cache

from vnpolicy.extractors import gazetteer as gz
from vnpolicy.extractors import unit_context_words as W
from vnpolicy.extractors import unit_patterns as P
from vnpolicy.extractors.phrase_regex import phrase_alternation

UP = "A-ZÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"


CAPWORD = rf"[{UP}][^\W_]*"


PLACE_WORD_RE = re.compile(rf"{CAPWORD}|\d+(?![\d/.,]\d)")


KHOA_RE = re.compile(r"\s+(?:khóa|Khóa)\s+(?:[IVXLC]+|\d+)\b")


def alternation(forms) -> str:
    return _alt_of(frozenset(forms))


@lru_cache(maxsize=256)
def _alt_of(forms: frozenset[str]) -> str:
    return phrase_alternation(forms)


def _case_variants(form: str) -> set[str]:
    """Ways a fixed name is written: "Ủy ban Kiểm tra Trung ương" also as "Ủy ban kiểm tra
    Trung ương", and in capitals in document headers."""
    words = form.split(" ")
    rest_lower = [words[0]] + [w if w.isupper() and len(w) > 1 else w.lower() for w in words[1:]]
    out = {form, form.upper(), " ".join(rest_lower)}
    return {v for v in out if len(v) > 4 or v == form}


@lru_cache(maxsize=1)
def national_forms() -> dict[str, tuple[str, str]]:
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
def compiled_patterns() -> dict[str, re.Pattern]:
    """Built once, then kept in the disk cache (`vnpolicy.nlp.model_cache`)."""
    from vnpolicy.nlp import model_cache as mc

    sources = mc.module_files(
        __name__, P.__name__, W.__name__, gz.__name__, phrase_alternation.__module__
    )
    key = mc.cache_key("unit-patterns", str(gz._cache_file()), files=sources)
    return mc.load_or_build("unit-patterns", key, _build_patterns)


def _build_patterns() -> dict[str, re.Pattern]:
    ministry_forms = list(P.MINISTRIES) + list(P.MINISTRY_ABBREVIATIONS)
    departments = P.DEPARTMENTS + tuple(P.MINISTRY_ABBREVIATIONS)
    committees = list(P.LOCAL_PARTY_COMMITTEES) + list(P.LOCAL_YOUTH_COMMITTEES)
    committee_forms = set()
    for h in committees:
        committee_forms |= {h, h.capitalize(), h.title(), h.upper()}
    loc_forms = set()
    for w in P.LOCALITY_WORDS:
        loc_forms |= {w, w[0].upper() + w[1:]}
    provinces = [p for p in gz.province_names() if p not in ("Hồ Chí Minh", "Huế")]
    provinces = [p for p in provinces if p not in W.CITY_SHORT_FORMS]
    cities = [
        d for d in gz.district_names() if len(d.split()) >= 2 and not gz.lookup(d, level="province")
    ]
    return {
        "national": re.compile(rf"(?<![\w])(?:{alternation(national_forms())})(?![\w])"),
        "negative": re.compile(
            rf"(?<![\w])(?:{alternation(P.FOREIGN_ORGANISATIONS + tuple(W.REGIONS))}"
            rf"|(?:{alternation(P.FOREIGN_BODY_HEADS)})\s+(?:{alternation(P.FOREIGN_COUNTRIES)}))(?![\w])"
        ),
        "ministry": re.compile(
            rf"(?<![\w])(?:Bộ|BỘ)(?::\s*|\s+)(?P<name>(?i:{alternation(ministry_forms)}))(?![\w])"
        ),
        "ministry_more": re.compile(
            rf"(?:\s*,\s*|\s+và\s+)(?:Bộ\s+)?(?P<name>(?i:{alternation(ministry_forms)}))(?![\w])"
        ),
        "department": re.compile(
            rf"(?<![\w])Sở\s+(?P<name>(?i:{alternation(departments)}))"
            rf"(?![\w])"
        ),
        "committee": re.compile(rf"(?<![\w])(?P<head>{alternation(committee_forms)})(?![\w])"),
        "local_head": re.compile(rf"(?<![\w])(?P<head>{alternation(P.LOCAL_STATE_HEADS)})(?![\w])"),
        "loc_word": re.compile(rf"(?P<word>{alternation(loc_forms)})(?:(?<=\.)|(?![\w]))[ \t]*"),
        "locality": re.compile(rf"(?<![\w.])(?P<word>{alternation(loc_forms)})(?:[ \t]+|(?<=\.))"),
        "city_short": re.compile(rf"(?<![\w])(?:{alternation(W.CITY_SHORT_FORMS)})(?![\w])"),
        "province": re.compile(rf"(?<![\w])(?:{alternation(provinces)})(?![\w])"),
        "city": re.compile(rf"(?<![\w])(?:{alternation(cities)})(?![\w])"),
        "assembly_list": re.compile(
            rf"(?<![\w])(?P<standing>Thường trực )?các Ủy ban: ?"
            rf"(?P<name>{alternation(P.ASSEMBLY_COMMITTEES)})(?![\w])"
        ),
        "assembly_more": re.compile(
            rf"(?:, | và )(?P<name>{alternation(P.ASSEMBLY_COMMITTEES)})(?![\w])"
        ),
        "assembly": re.compile(
            rf"(?<![\w])Ủy ban (?P<name>{alternation(P.ASSEMBLY_COMMITTEES)})"
            rf"(?P<qh> của Quốc hội)?(?![\w])"
        ),
        "enterprise": re.compile(
            rf"(?<![\w])(?P<head>{alternation(P.ENTERPRISE_HEADS)})"
            rf"(?:[ \t]+(?P<form>{alternation(P.ENTERPRISE_FORMS)}"
            rf"|(?:(?![{UP}])[^\W\d_]+ ){{0,3}}(?![{UP}])[^\W\d_]+(?= [{UP}])))?"
            rf"[ \t]+(?=[{UP}A-Z])"
        ),
        "back_reference": re.compile(
            rf"(?<![\w])(?P<prefix>{alternation(P.SUB_BODY_PREFIXES)})(?:\s*\([{UP}A-Z]{{2,}}\))?\s+"
            rf"(?P<head>{alternation(P.OWNER_BACK_REFERENCES)})(?![\w])(?!\s+[{UP}])"
        ),
        "school": re.compile(
            rf"(?<![\w])(?P<head>{alternation(P.SCHOOL_HEADS)})[ \t]+"
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
        "prefix": re.compile(
            rf"(?:{alternation(P.SUB_BODY_PREFIXES)})(?:\s*\([{UP}A-Z]{{2,}}\))?\s+$"
        ),
        "facility_before": re.compile(
            rf"(?<![\w])(?i:{alternation(W.FACILITY_WORDS)})(?: [\d.,]+ ?kV)? $"
        ),
        "prefix_listed": re.compile(rf"(?:{alternation(P.SUB_BODY_PREFIXES)}) các $"),
        "prefix_coordinated": re.compile(
            rf"(?<![\w])(?P<prefix>{alternation(P.SUB_BODY_PREFIXES)})(?:\s*,\s*|\s+và\s+)$"
        ),
    }
