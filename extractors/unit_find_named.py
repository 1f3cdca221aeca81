"""Finders of bodies named by an open proper name after a head word: enterprises ("Cty CP
Sữa Việt Nam", "Công ty TNHH Cường Hưng"), schools ("Trường THPT Chu Văn An"), offices and
associations ("Tổng cục Du lịch", "Hội Nhà báo Việt Nam"), newspapers ("báo Quảng Trị"),
steering committees and management boards.
"""

from __future__ import annotations

import re

from vnpolicy.extractors import gazetteer as gz
from vnpolicy.extractors import unit_context_words as W
from vnpolicy.extractors import unit_patterns as P
from vnpolicy.extractors.unit_bounds import STOP_PHRASES, has_stop, opens_head, proper_name_end
from vnpolicy.extractors.unit_mention import UnitMention
from vnpolicy.extractors.unit_places import attach_locality
from vnpolicy.extractors.unit_regex import UP, compiled_patterns
from vnpolicy.extractors.unit_text import in_byline, is_cap, next_word


def find_enterprises(text: str, word_ends: dict[int, int] | None = None) -> list[UnitMention]:
    """Finds "Công ty TNHH Cường Hưng", "Tổng Công ty cổ phần Xây lắp Dầu khí Việt Nam"."""
    out = []
    for m in compiled_patterns()["enterprise"].finditer(text):
        head = P.ENTERPRISE_HEADS[m.group("head")]
        form = m.group("form") or ""
        if (
            form
            and form not in P.ENTERPRISE_FORMS
            and (head not in ("Hợp tác xã", "Công ty") or has_stop(form.split()))
        ):
            continue  # "Hợp tác xã nông nghiệp Phước Chỉ", but not "Công ty này Hòa Phát"
        if head == "Ngân hàng" and text.startswith("Nhà nước", m.end()):
            continue
        end = proper_name_end(text, m.end(), word_ends=word_ends)
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
    for m in compiled_patterns()["back_reference"].finditer(text):
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
    for form in sorted(W.CITY_SHORT_FORMS, key=len, reverse=True):
        if name.endswith(" " + form) and W.CITY_SHORT_FORMS[form] == "Hồ Chí Minh":
            return name[: -len(form)] + "Thành phố Hồ Chí Minh"
    return name


def find_schools(text: str, word_ends: dict[int, int] | None = None) -> list[UnitMention]:
    """Finds "Trường THPT Chu Văn An" -> "Trường Trung học phổ thông Chu Văn An"."""
    out = []
    for m in compiled_patterns()["school"].finditer(text):
        end = proper_name_end(text, m.end(), max_words=6, word_ends=word_ends, to_locality=True)
        if end <= m.end():
            # "Trường Chính trị tỉnh Vĩnh Phúc": a school named by its locality.
            head = P.SCHOOL_HEADS[m.group("head")]
            um = UnitMention(m.start(), m.end() - 1, head, head, "school", head=head, priority=2)
            um.end = m.start() + len(m.group(0).rstrip())
            um.text = text[m.start() : um.end]
            if attach_locality(text, um, list(P.LOCALITY_WORDS)) or um.needs_place not in (
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


def find_open_bodies(text: str, word_ends: dict[int, int] | None = None) -> list[UnitMention]:
    """Finds "Tổng cục Du lịch", "Vụ Chính quyền địa phương", "Trung tâm Con người và Thiên
    nhiên"."""
    out = []
    pats = compiled_patterns()
    for m in pats["newspaper"].finditer(text):
        if (word_ends or {}).get(m.start()) != m.start() + 3 or in_byline(text, m.start()):
            continue  # "thông báo Kết luận": the verb, not a newspaper
        end = proper_name_end(text, m.end(), max_words=5, word_ends=word_ends, to_locality=True)
        if end > m.end():
            written = text[m.start() : end]
            out.append(
                UnitMention(m.start(), end, written, "Báo" + written[3:], "other", head="Báo")
            )
    for m in pats["open"].finditer(text):
        head = m.group("head")
        if head in ("Báo", "Tạp chí", "Đài") and in_byline(text, m.start()):
            continue  # "Nguồn: Báo Quảng Ninh": a credit
        end = proper_name_end(text, m.end(), max_words=8, word_ends=word_ends, to_locality=True)
        if end <= m.end():
            continue
        kind = "other" if head in ("Trung tâm", "Bệnh viện", "Báo", "Tạp chí", "Đài") else "state"
        written = text[m.start() : end]
        if gz.is_place(written):
            continue  # "Dệt Nha Trang", "Hội An": a place whose name starts like a head word
        if head in ("Hội", "Công đoàn", "Hiệp hội", "Liên đoàn"):
            kind = "mass_org"
        if head == "Liên đoàn" and not written.endswith(" Việt Nam"):
            continue  # "Liên đoàn Bóng đá Việt Nam"; not "Liên đoàn Kinh tế Nhật Bản"
        um = UnitMention(m.start(), end, written, written, kind, head=head, priority=1)
        placed = attach_locality(text, um, list(P.LOCALITY_WORDS))  # "Cục Thuế tỉnh X"
        national = written.endswith(" Việt Nam")  # "Hội Nhà báo Việt Nam"
        if head in ("Hội", "Công đoàn") and not (
            placed or national or um.needs_place not in (None, "generic")
        ):
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
    if words[0] == "các" and not (len(words) > 1 and is_cap(words[1])):
        return None  # "Ban Chỉ đạo các cấp", but "Ban Chỉ đạo các Chương trình ..."
    kept = 0
    for j, w in enumerate(words):
        if j and is_cap(w) and opens_head(w, words[j + 1] if j + 1 < len(words) else ""):
            break  # "... công lập| Trưởng đoàn": a post or another body
        if w == ",":
            nxt = words[j + 1] if j + 1 < len(words) else ""
            if not nxt or is_cap(nxt) or has_stop([nxt]):
                break
            continue
        if j >= 1 and w not in ("về", "các", "thực", "hiện") and not is_cap(words[j - 1]):
            if has_stop([w]):
                if w in ("ra", "vào", "lên", "lại", "được"):
                    kept = j - 1  # "đề| ra": the verb before its complement
                break
            if f"{words[j - 1]} {w}".casefold() in STOP_PHRASES and words[j - 1] != "thực":
                kept = j - 1  # "... tỉnh| ban hành": the verb starts at the word before
                break
        kept = j + 1
        if kept >= 16:
            break
    while kept and (words[kept - 1] == "," or has_stop([words[kept - 1]])):
        kept -= 1
    first = words[0] if kept else ""
    if kept < 2 and not (first and (is_cap(first) or first[0].isdigit())):
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
        if not w or is_cap(w.group(1)):
            break
        after = next_word(text, pos + 1 + len(w.group(1)))
        if compiled_patterns()["loc_word"].match(text, pos + 1) and (
            re.match(rf"[{UP}\d]", after[:1] or "x") or not after or has_stop([after])
        ):
            break  # "... huyện Quảng Xương", or a bare "tỉnh" to complete
        if w.group(1) != "các" and has_stop([w.group(1)]):
            return None
        pos += w.end()
        words += 1
    um = UnitMention(m.start(), pos, text[m.start() : pos], "", "state", head="Ban Quản lý")
    um.priority = 2
    placed = attach_locality(text, um, list(P.LOCALITY_WORDS))
    if words and (placed or um.needs_place not in (None, "generic")):
        um.name = "Ban Quản lý" + text[m.end() : um.end]
        return um
    end = proper_name_end(text, pos + 1, max_words=8, word_ends=word_ends)
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
