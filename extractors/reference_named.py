"""Find documents named without a number: laws by title, Party congress and plenum
resolutions, charters, and typed documents with their subject ("Đề án ...", "Chỉ thị về ...").

Titles in the registry (`data/document_titles.json`, matched with spaCy by `title_registry`)
are found whole; other law titles end where the grammar of `title_grammar` ends them. The other
finders read the words after a capitalised type word and stop at a word that cannot belong to a
name; generic mentions ("các nghị quyết của Trung ương", "Nghị định này") are never matched
because the type word must be capitalised and followed by a specific name.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from vnpolicy.extractors.reference_find import DeicticMention, NamedMention, NumberOnlyMention
from vnpolicy.extractors.title_grammar import (
    CLAUSE_VERB_PAIRS,
    TITLE_STOPS,
    edition_end,
    title_words_end,
)
from vnpolicy.extractors.title_grammar import words_after as _words_after
from vnpolicy.extractors.title_registry import TitleMatch, registered_titles_in

_WORD = re.compile(r"\w+|[^\w\s]")
_ROMAN = re.compile(r"^[IVXLC]+$")

# Words that end a title (the title never contains them as words of its own).
LAW_TITLE_STOPS = TITLE_STOPS
# Words after "Luật" that make another word ("Luật sư", "luật pháp") or a deixis.
LAW_FALSE_STARTS = frozenset("sư gia pháp này đó trên số định lệ hóa và".split())
# Words a Party congress/plenum name is made of besides capitalised ones and numerals.
CONGRESS_WORDS = frozenset(
    """lần thứ khóa nhiệm kỳ đại biểu toàn quốc bộ tỉnh thành phố huyện quận xã của chấp
    hành hội nghị ương ban đảng đoàn nhất hai ba tư năm sáu bảy tám chín mười""".split()
)
ORDINAL_WORDS = frozenset("nhất hai ba tư năm sáu bảy tám chín mười".split())

_LAW_TYPES = {"Luật": "luật", "Bộ luật": "bộ luật", "Pháp lệnh": "pháp lệnh"}
_LAW_RE = re.compile(r"(?<![\w])(?:Bộ luật|Luật|Pháp lệnh|Bộ Luật)(?![\w])")
_CONSTITUTION_RE = re.compile(
    r"(?<![\w])Hiến pháp(?:\s+nước\s+Cộng\s+hòa\s+xã\s+hội\s+chủ\s+nghĩa\s+Việt\s+Nam)?"
    r"(?:\s*(?:\(\s*)?năm\s+(?:19|20)\d\d\)?)?(?![\w])"
)
_CHARTER_RE = re.compile(
    r"(?<![\w])(?:Điều lệ\s+(?:Đảng(?:\s+Cộng\s+sản\s+Việt\s+Nam)?"
    r"|Đoàn(?:\s+TNCS\s+Hồ\s+Chí\s+Minh)?"
    r"|Hội\s+[A-ZĐ][\w ]{2,40}?(?=[,.;)]))"
    r"|Cương lĩnh(?:\s+chính\s+trị)?(?:\s+của\s+Đảng)?)(?![\w])"
)
# The rules issued with a charter, known by that name: "Quy định thi hành Điều lệ Đảng",
# "Hướng dẫn một số vấn đề cụ thể thi hành Điều lệ Đảng" (the Party's Quy định/Hướng dẫn of each
# term), "Hướng dẫn thực hiện Điều lệ Đoàn".
_CHARTER_RULES_RE = re.compile(
    r"(?<![\w])(?P<type>Quy định|Hướng dẫn)(?:\s+một\s+số\s+vấn\s+đề\s+cụ\s+thể)?"
    r"\s+(?:thi\s+hành|thực\s+hiện)\s+Điều\s+lệ\s+(?:Đảng|Đoàn(?:\s+TNCS\s+Hồ\s+Chí\s+Minh)?)"
    r"(?![\w])"
)
_CONGRESS_RE = re.compile(
    r"(?<![\w])(?P<type>Nghị quyết|Chỉ thị|Kết luận)\s+(?:của\s+)?"
    r"(?=(?:Đại hội|Hội nghị|Trung ương|TW|TƯ|BCH|Ban Chấp hành)(?![\w]))"
)
_SUBJECT_TYPES = {
    "Nghị quyết": "nghị quyết",
    "Chỉ thị": "chỉ thị",
    "Kết luận": "kết luận",
    "Đề án": "đề án",
    "Quy chế": "quy chế",
    "Chương trình hành động": "chương trình hành động",
    "Chương trình công tác": "chương trình",
}
_SUBJECT_RE = re.compile(
    r"(?<![\w])(?P<type>Chương trình hành động|Chương trình công tác|Nghị quyết|Chỉ thị"
    r"|Kết luận|Đề án|Quy chế)(?![\w])"
)
# An issuer written right after the type: "Nghị quyết Bộ Chính trị về", "Kết luận của Thành ủy".
_ISSUER_THEN_VE = re.compile(
    r"\s+(?:của\s+)?(?!Đại hội|Hội nghị|Trung ương|TW|BCH)(?P<issuer>[A-ZĐ][^,;.()\n“”]{1,50}?)"
    r"\s+(?=về\s)"
)
_NUMBER_ONLY_RE = re.compile(
    r"(?<![\w])(?P<type>Nghị quyết|Chỉ thị|Kết luận|Quyết định|Nghị định|Thông tư|Quy định"
    r"|Hướng dẫn|Kế hoạch|Thông báo|Tờ trình|Công điện|Đề án)\s+(?P<so>số\s+)?"
    r"(?P<num>\d{1,4}[a-zđ]?)(?![\w/]|\s*[-/]\s*[\wĐ]|[.,]\d)"
)
# Capitalised types, and the few whose lowercase form is never a common noun ("quy định
# này" is "this provision", not a document).
_DEICTIC_RE = re.compile(
    r"(?<![\w])(?P<type>Nghị quyết|Chỉ thị|Kết luận|Quyết định|Nghị định|Thông tư(?: liên tịch)?"
    r"|Quy định|Hướng dẫn|Kế hoạch|Chương trình hành động|Luật|Bộ luật|Pháp lệnh|Đề án|Án lệ"
    r"|Thông báo|Quy chế|nghị quyết|chỉ thị|nghị định|thông tư)\s+(?P<words>này|nói trên|trên)"
    r"(?![\w])"
)
_NUMBER_TYPES = {
    "nghị quyết": "nghị quyết",
    "chỉ thị": "chỉ thị",
    "kết luận": "kết luận",
    "quyết định": "quyết định",
    "nghị định": "nghị định",
    "thông tư": "thông tư",
    "quy định": "quy định",
    "hướng dẫn": "hướng dẫn",
    "kế hoạch": "kế hoạch",
    "thông báo": "thông báo",
    "công văn": "công văn",
    "văn bản": "công văn",
    "tờ trình": "tờ trình",
    "công điện": "công điện",
    "đề án": "đề án",
}


def _is_stop(words: list[re.Match[str]], i: int) -> bool:
    low = words[i].group(0).lower()
    nxt = words[i + 1].group(0).lower() if i + 1 < len(words) else ""
    return low in LAW_TITLE_STOPS or (low, nxt) in CLAUSE_VERB_PAIRS


_AMEND_LEAD = ("sửa", "đổi", ",", "bổ", "sung")
_LAW_TYPE_NAMES = ("luật", "bộ luật", "pháp lệnh")


def _law_title_end(text: str, pos: int, titles: dict[int, TitleMatch]) -> int | None:
    """End offset of a law title whose type word ends at `pos`; None when there is no title.

    A registered title starting at the type word is taken whole; an amending law keeps its
    object: "Luật sửa đổi, bổ sung một số điều của Luật Cán bộ, công chức và Luật Viên chức"
    runs to "Viên chức".
    """
    words = _words_after(text, pos)
    if not words:
        return None
    first = words[0].group(0)
    if first.lower() in LAW_FALSE_STARTS or not first[0].isalpha():
        return None
    if first.islower() and first in TITLE_STOPS:
        return None  # "Luật có hiệu lực từ ...": the law of the sentence before
    if [w.group(0).lower() for w in words[:5]] == list(_AMEND_LEAD):
        k = next(
            (j for j in range(5, min(len(words), 14)) if words[j].group(0) in ("Luật", "Bộ")), None
        )
        if k is None:
            return words[4].end()
        inner = words[k]
        if inner.group(0) == "Bộ":
            k += 1
        end = _law_end_at(text, inner.start(), words[k].end(), titles)
        if end is None:
            return None
        return _amended_list_end(text, words, k, end, titles)
    n = title_words_end(words)
    return words[n - 1].end() if n else None


def _amended_list_end(
    text: str, words: list[re.Match[str]], k: int, end: int, titles: dict[int, TitleMatch]
) -> int:
    """End of the list of laws an amending law names, the first ending at `end`: "... của
    Luật Đầu tư công, Luật Đầu tư và Luật Đấu thầu". Items follow "," or "và" and are laws
    ("Luật ...", "Bộ luật ..."); a list with commas must close with "và Luật ...", else the
    commas separate the laws of an outer list ("thông qua Luật A, Luật sửa đổi ... của Luật
    B, Luật C và hai nghị quyết")."""
    first_end = end
    items: list[tuple[str, int]] = []  # (the word before the item, the item's end)
    while True:
        j = next((j for j in range(k, len(words)) if words[j].end() == end), None)
        if j is None or j + 2 >= len(words) or words[j + 1].group(0) not in (",", "và"):
            break
        sep, k = words[j + 1].group(0), j + 2
        if sep == "," and words[k].group(0) == "và" and k + 1 < len(words):  # ", và Luật"
            sep, k = "và", k + 1
        first = words[k]
        if first.group(0) == "Bộ" and k + 1 < len(words) and words[k + 1].group(0) == "luật":
            k += 1
        elif first.group(0) != "Luật":
            break
        nxt = _law_end_at(text, first.start(), words[k].end(), titles)
        if nxt is None or nxt <= end:
            break
        items.append((sep, nxt))
        end = nxt
    if any(sep == "," for sep, _ in items) and items[-1][0] != "và":
        for sep, item_end in items:  # only the items joined by "và" before the first comma
            if sep != "và":
                break
            first_end = item_end
        return first_end
    return items[-1][1] if items else first_end


def _law_end_at(text: str, type_start: int, pos: int, titles: dict[int, TitleMatch]) -> int | None:
    """End of the law title whose type word spans `type_start`..`pos`: the registered title
    there when there is one, else the grammar's."""
    registered = titles.get(type_start)
    if registered is not None and registered.end > pos:
        return registered.end
    return _law_title_end(text, pos, titles)


def _congress_name_end(words: list[re.Match[str]]) -> int | None:
    """End of "Đại hội Đảng bộ tỉnh lần thứ XVII" / "Trung ương 4 khóa XII" after the type."""
    end = None
    specific = False
    i = 0
    while i < len(words):
        w = words[i].group(0)
        low = w.lower()
        if w == "(" and i + 2 < len(words) and words[i + 1].group(0).lower() == "khóa":
            close = next(
                (k for k in range(i, min(i + 5, len(words))) if words[k].group(0) == ")"), None
            )
            if close is None:
                break
            end = words[close].end()
            specific = True
            i = close + 1
            continue
        if w == "," and i + 1 < len(words) and _ROMAN.match(words[i + 1].group(0)):
            i += 1
            continue
        if w == "-" and end is not None and i + 1 < len(words) and words[i + 1].group(0).isdigit():
            i += 1
            continue
        if low == "của":
            nxt = words[i + 1].group(0) if i + 1 < len(words) else ""
            if nxt != "Đảng":
                break
            i += 1
            continue
        if _ROMAN.match(w) or w.isdigit():
            specific = True
        elif low in ORDINAL_WORDS and i and words[i - 1].group(0).lower() == "thứ":
            specific = True
        elif low in ("khóa", "nhiệm", "lần"):
            pass
        elif w[0].isupper() or low in CONGRESS_WORDS:
            pass
        else:
            break
        if low not in ("của", "lần", "thứ", "khóa", "nhiệm", "kỳ"):
            end = words[i].end()
        i += 1
    return end if specific else None


_TYPE_PAIRS = frozenset(
    "nghị quyết|chỉ thị|kết luận|đề án|quy chế|quyết định|chương trình|kế hoạch|quy định"
    "|hướng dẫn|thông báo|nghị định|thông tư|bộ luật|pháp lệnh|hiến pháp".split("|")
)
# Words after a comma that open a new clause rather than continue a subject.
_CLAUSE_STARTS = frozenset("đồng ông bà anh chị trong theo nhằm góp đáp tạo giúp qua".split())
# Verbs that head a coordinated aim of one subject ("đổi mới phương thức lãnh đạo của Đảng,
# xây dựng tổ chức bộ máy ..."): after a comma they continue the subject.
_AIM_HEADS = frozenset(
    {
        ("xây", "dựng"),
        ("nâng", "cao"),
        ("đổi", "mới"),
        ("tăng", "cường"),
        ("phát", "triển"),
        ("hoàn", "thiện"),
        ("đẩy", "mạnh"),
        ("sắp", "xếp"),
        ("kiện", "toàn"),
        ("củng", "cố"),
    }
)


# Words that end a subject phrase: verbs and prepositions of the main clause ("Đề án ... đã
# được", "Đề án ... theo Quyết định ...").
_SUBJECT_STOPS = frozenset("đã được nhằm đồng thì là cho với tại trong đáp theo do để".split())


def _subject_end(words: list[re.Match[str]], start_index: int) -> int | None:
    """End of a subject phrase ("về tăng cường ..."): a clause break, or a comma after six words."""
    end = None
    segment = 0
    total = 0
    for k in range(start_index, len(words)):
        w = words[k].group(0)
        if w in (";", ".", "(", ")", ":", "“", "”", '"', "!", "?"):
            break
        if w == "," or w == "và":
            nxt = words[k + 1].group(0) if k + 1 < len(words) else ""
            nxt2 = words[k + 2].group(0).lower() if k + 2 < len(words) else ""
            if nxt[:1].isupper() and (f"{nxt.lower()} {nxt2}" in _TYPE_PAIRS or nxt == "Luật"):
                break  # "Đề án A, Đề án B": the next document starts
            if w == "và":
                end = words[k].end()
                segment += 1
                total += 1
                continue
            aim = (nxt.lower(), nxt2) in _AIM_HEADS
            if (
                segment >= 7 and not nxt[:1].isupper() and not aim
            ) or nxt.lower() in _CLAUSE_STARTS:
                break
            segment = 0
            continue
        nxt = words[k + 1].group(0).lower() if k + 1 < len(words) else ""
        if total >= 2 and w[:1].isupper() and (f"{w.lower()} {nxt}" in _TYPE_PAIRS or w == "Luật"):
            break  # "Đề án tái canh cà phê ... Quyết định số 2530/QĐ-UBND": another document
        if w.lower() in _SUBJECT_STOPS and total >= 2:
            if w.lower() != "đồng" or (k + 1 < len(words) and words[k + 1].group(0) == "thời"):
                break
        end = words[k].end()
        segment += 1
        total += 1
        if total > 30:
            break
    return end


_GENERIC_BEFORE = re.compile(r"(?:các|những|một số|mọi|nhiều|từng)\s+$", re.IGNORECASE)
_LOWER_TYPE_BEFORE = re.compile(
    r"(?<![\w])(?:thông báo|báo cáo|tờ trình|dự án|văn bản|quyết định|hướng dẫn)\s+$"
)
_ISSUED_BEFORE = re.compile(r"(?:ra|ban hành|thông qua|ký|ký ban hành)\s+(?:\w+\s+){0,2}$")
_UNIT_WORD = (
    r"(?:[A-ZĐ][\w]*|tỉnh|huyện|thành\s+phố|xã|phường|đảng|ủy|cán\s+sự|nhân\s+dân|đồng|quản"
    r"|trị|thành\s+viên|thường\s+vụ|chấp\s+hành|\([A-ZĐ]+\))"
)
_WORKING_RULES = re.compile(
    rf"(?<![\w])[Qq]uy chế làm việc(?:\s+của)?\s+(?P<issuer>[A-ZĐ][\w]*(?:\s+{_UNIT_WORD})*)"
)
_ACTION_PROGRAMME = re.compile(
    r"(?<![\w])Chương trình hành động(?:\s+của\s+[A-ZĐ][^,;.()\n]{1,50}?)?"
    r"\s+(?=thực hiện\s|về\s)"
)
_ISSUING_DECISION = re.compile(r"(?<![\w])Quyết định ban hành\s+(?=[A-ZĐ])")
_STRATEGY = re.compile(
    r"(?<![\w])Chiến lược(?: phát triển)? kinh tế\s*-\s*xã hội(?:\s+(?:giai đoạn\s+)?\d{4}"
    r"\s*-\s*\d{4})?"
)
# A strategy named by its subject and horizon: "Chiến lược phát triển thanh niên Việt Nam giai
# đoạn 2021 - 2030", "Chiến lược quốc gia phòng, chống tham nhũng đến năm 2030" (the horizon
# makes it one document, as the title of the Thủ tướng's decision approving it states).
_STRATEGY_HORIZON = re.compile(
    r"(?<![\w])Chiến lược\s+(?:(?:[^\W\d_][\w]*|-),?\s+){1,12}?"
    r"(?:giai đoạn\s+(?:19|20)\d\d\s*-\s*(?:19|20)\d\d"
    r"|đến năm\s+(?:19|20)\d\d(?:\s*,\s*tầm nhìn(?: đến)? năm\s+(?:19|20)\d\d)?)"
)


_SCHOOL_BEFORE = re.compile(
    r"(?<![\w])(?:[Pp]háp|[Bb]áo|[Hh]ọc|[Vv]iện|[Kk]hoa|[Nn]gành|[Nn]hân|[Ss]ĩ|[Cc]hí|[Tt]rường)"
    r"\s+$"
)
_TREATY_BEFORE = re.compile(r"(?:Công ước|Hiệp định|Điều ước)[^;.\n]*$")


def _named(text: str, start: int, end: int, typ: str) -> NamedMention:
    return NamedMention(start, end, typ, name=_clean(text[start:end]))


def find_named_mentions(text: str, doc: Doc | None = None) -> list[NamedMention]:
    """Documents named without number, in document order (overlaps not yet removed).

    `doc`: the pipeline's `Doc` of `text`; the registry is matched over it (its
    `doc.spans["registered_titles"]` is set). Without it the registry is matched over `text`.
    """
    found: list[NamedMention] = []
    registered = registered_titles_in(text, doc)
    titles = {t.start: t for t in registered if not t.tail_only}

    for m in _LAW_RE.finditer(text):
        end = _law_end_at(text, m.start(), m.end(), titles)
        if end is None:
            continue
        typ = "bộ luật" if m.group(0).lower().startswith("bộ") else _LAW_TYPES[m.group(0)]
        start = m.start()
        if _SCHOOL_BEFORE.search(text[max(0, start - 12) : start]):
            continue  # "báo Pháp Luật", "Đại học Luật", "Thạc sĩ Luật": not a law
        if _TREATY_BEFORE.search(text[max(0, start - 80) : start]):
            continue
        end = edition_end(text, end)
        found.append(NamedMention(start, end, typ, name=_law_name(text[start:end])))
    found += _type_less_list_items(text, registered, found)

    for m in _CONSTITUTION_RE.finditer(text):
        found.append(_named(text, m.start(), m.end(), "hiến pháp"))

    for m in _CHARTER_RE.finditer(text):
        typ = "điều lệ" if m.group(0).startswith("Điều") else "cương lĩnh"
        if m.group(0) == "Cương lĩnh":
            continue
        found.append(_named(text, m.start(), m.end(), typ))

    for m in _CHARTER_RULES_RE.finditer(text):
        found.append(_named(text, m.start(), m.end(), m.group("type").lower()))

    for m in [*_STRATEGY.finditer(text), *_STRATEGY_HORIZON.finditer(text)]:
        subject = re.split(r"\s(?:giai đoạn|đến năm)\s", m.group(0))[0].split()[2:]
        if any(w.strip(",").lower() in LAW_TITLE_STOPS for w in subject):
            continue  # "Chiến lược này đã thực hiện đến năm 2025": a clause, not a title
        found.append(_named(text, m.start(), m.end(), "chiến lược"))

    for m in _CONGRESS_RE.finditer(text):
        words = _words_after(text, m.end())
        end = _congress_name_end(words)
        if end is None:
            continue
        found.append(_named(text, m.start(), end, m.group("type").lower()))

    for m in _WORKING_RULES.finditer(text):
        issuer = m.group("issuer")
        if not issuer[0].isupper() or re.search(r"\bcấp\b", issuer):
            continue
        found.append(_named(text, m.start(), m.end(), "quy chế"))

    for m in _ACTION_PROGRAMME.finditer(text):
        words = _words_after(text, m.end())
        end = _subject_end(words, 1)
        if end is not None:
            found.append(_named(text, m.start(), end, "chương trình hành động"))

    for m in _ISSUING_DECISION.finditer(text):
        words = _words_after(text, m.end())
        end = _subject_end(words, 0)
        if end is not None:
            found.append(_named(text, m.start(), end, "quyết định"))

    for m in _SUBJECT_RE.finditer(text):
        typ = _SUBJECT_TYPES[m.group("type")]
        before = text[max(0, m.start() - 30) : m.start()]
        if _GENERIC_BEFORE.search(before) or _LOWER_TYPE_BEFORE.search(before):
            continue
        after = text[m.end() : m.end() + 200]
        words = _words_after(text, m.end())
        if not words:
            continue
        first = words[0].group(0)
        quote = next(
            (k for k in range(min(3, len(words))) if words[k].group(0) in ("“", '"')), None
        )
        if quote is not None:
            if quote == 0 and not _ISSUED_BEFORE.search(before):
                continue
            q = words[quote]
            close = text.find("”" if q.group(0) == "“" else '"', q.end(), q.end() + 200)
            if close > 0:
                found.append(_named(text, m.start(), close + 1, typ))
            continue
        iss = _ISSUER_THEN_VE.match(after)
        if first == "về" or iss:
            offset = m.end() + (iss.end() if iss else 0)
            words = _words_after(text, offset)
            end = _subject_end(words, 1)
            if end is not None and len(words) > 2:
                found.append(_named(text, m.start(), end, typ))
            continue
        if typ in ("đề án", "quy chế", "chương trình") and first[0].isalpha():
            if first.lower() in LAW_TITLE_STOPS or first.lower() in (
                "này",
                "đó",
                "trên",
                "và",
                "làm",
                "riêng",
                "chung",
            ):
                continue
            end = _subject_end(words, 0)
            if end is not None and len(text[m.end() : end].split()) >= 2:
                found.append(_named(text, m.start(), end, typ))
    found += _registered_other(text, registered, found)
    found = [
        n
        for n in found
        if n.doc_type in ("luật", "bộ luật", "pháp lệnh")
        or not _GENERIC_BEFORE.search(text[max(0, n.start - 12) : n.start])
    ]
    found = _distribute_law_lists(text, found)
    found.sort(key=lambda x: (x.start, -x.end))
    return found


_LIST_GAP = re.compile(r"(?:\s*,\s*(?:và\s+)?|\s+và\s+)$")


def _type_less_list_items(
    text: str, registered: list[TitleMatch], found: list[NamedMention]
) -> list[NamedMention]:
    """Registered laws listed without their type word after a law: "Luật Ngân sách nhà nước,
    Bảo hiểm y tế, Luật Đất đai" names "Luật Bảo hiểm y tế"; "Luật giá, phí và lệ phí" names
    "Luật Phí và lệ phí"."""
    ends = {n.end for n in found if n.doc_type in _LAW_TYPE_NAMES}
    out: list[NamedMention] = []
    for t in registered:
        if not t.tail_only:
            continue
        before = text[max(0, t.start - 12) : t.start]
        gap = _LIST_GAP.search(before)
        if gap is None or (t.start - len(before) + gap.start()) not in ends:
            continue
        entry = t.entries[0]
        end = edition_end(text, t.end)
        type_word = entry.type[0].upper() + entry.type[1:]
        out.append(
            NamedMention(
                t.start, end, entry.type, name=f"{type_word} {_clean(text[t.start : end])}"
            )
        )
        ends.add(end)
    return out


# Types the registry's own matches stand for (laws go through the law finder above, which also
# applies the grammar and the editions; the Constitution through its own pattern).
_REGISTRY_OWN_TYPES = frozenset({"nghị quyết", "quy định", "điều lệ", "cương lĩnh", "kết luận"})


def _registered_other(
    text: str, registered: list[TitleMatch], found: list[NamedMention]
) -> list[NamedMention]:
    """Registered Party documents and charters found whole: "Cương lĩnh xây dựng đất nước
    trong thời kỳ quá độ lên chủ nghĩa xã hội (bổ sung, phát triển năm 2011)". A title in
    lower case counts only when it is long enough to be a name ("vi phạm quy định về những
    điều đảng viên không được làm")."""
    spans = {(n.start, n.end) for n in found}
    out = []
    for t in registered:
        entry = t.entries[0]
        if t.tail_only or entry.type not in _REGISTRY_OWN_TYPES:
            continue
        if not t.text[:1].isupper() and len(t.text.split()) < 9:
            continue
        end = edition_end(text, t.end)
        if (t.start, end) not in spans:
            out.append(_named(text, t.start, end, entry.type))
    return out


# "các Luật: Đất đai, Nhà ở và Kinh doanh bất động sản", "các Luật công chức, viên chức": one
# plural type word before a list of titles names one law per title.
_LAW_LIST_RE = re.compile(r"(?<![\w])các\s+(?P<type>[Ll]uật|[Bb]ộ luật)\s*:?\s+")
_LIST_ITEM_MAX_WORDS = 6


def _law_list_items(text: str, pos: int) -> list[tuple[int, int]]:
    """Spans of the titles listed from `pos`: "Đất đai, Nhà ở và Kinh doanh bất động sản"."""
    words = _words_after(text, pos)
    items: list[tuple[int, int]] = []
    start = None
    end = None
    n = 0
    last_was_and = False
    for k, w in enumerate(words):
        t = w.group(0)
        if t in (",", "và"):
            if start is None:
                break
            items.append((start, end))
            if last_was_and:
                return items
            last_was_and = t == "và" or (k + 1 < len(words) and words[k + 1].group(0) == "và")
            start, end, n = None, None, 0
            continue
        if not t[0].isalpha() or _is_stop(words, k) or (n and t == "Luật"):
            break
        if t.lower() in ("luật", "bộ") and start is None:
            break  # "các Luật công chức, viên chức và Luật Giáo dục": the list has ended
        start = w.start() if start is None else start
        end = w.end()
        n += 1
        if n > _LIST_ITEM_MAX_WORDS:
            return []
    if start is not None:
        items.append((start, end))
    return items


def _distribute_law_lists(text: str, found: list[NamedMention]) -> list[NamedMention]:
    out = list(found)
    for m in _LAW_LIST_RE.finditer(text):
        items = _law_list_items(text, m.end())
        if len(items) < 2:
            continue
        typ = "bộ luật" if m.group("type").lower().startswith("bộ") else "luật"
        type_start = m.start("type")
        out = [n for n in out if n.start != type_start]  # the undistributed "Luật A, B"
        for s, e in items:
            name = f"{m.group('type')[0].upper()}{m.group('type')[1:]} {_clean(text[s:e])}"
            out.append(NamedMention(s, e, typ, name=name))
    return out


# Abbreviations written inside law names in the press: "Luật NSNN" = "Luật Ngân sách nhà nước".
LAW_NAME_ABBREVIATIONS = {
    "NSNN": "Ngân sách nhà nước",
    "TCTD": "các tổ chức tín dụng",
    "BHXH": "Bảo hiểm xã hội",
    "BHYT": "Bảo hiểm y tế",
    "PCTN": "Phòng, chống tham nhũng",
    "GTĐB": "Giao thông đường bộ",
    "BVMT": "Bảo vệ môi trường",
    "KTNN": "Kiểm toán nhà nước",
}


def _law_name(written: str) -> str:
    """A law's name with press abbreviations expanded: "Luật NSNN" -> "Luật Ngân sách nhà nước"."""
    name = _clean(written)
    for abbr, full in LAW_NAME_ABBREVIATIONS.items():
        name = re.sub(rf"(?<![\w]){abbr}(?![\w])", full, name)
    return name


def find_number_only_mentions(text: str) -> list[NumberOnlyMention]:
    """ "Chỉ thị 05", "Kết luận số 24": a type and a bare number, no symbol."""
    out = []
    for m in _NUMBER_ONLY_RE.finditer(text):
        num = m.group("num")
        if len(num) == 4 and num.isdigit() and 1900 <= int(num) <= 2100:
            continue
        typ = _NUMBER_TYPES[m.group("type").lower()]
        out.append(NumberOnlyMention(m.start(), m.end(), typ, number=num, name=_clean(m.group(0))))
    return out


def find_deictic_mentions(text: str) -> list[DeicticMention]:
    """ "Chỉ thị này", "Nghị quyết trên": resolved to an earlier document or dropped."""
    out = []
    for m in _DEICTIC_RE.finditer(text):
        typ = m.group("type").lower()
        out.append(DeicticMention(m.start(), m.end(), typ, words=m.group("words")))
    return out


def _clean(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip(" ,;:")
