"""Finders of bodies with fixed heads: national bodies ("Bộ Chính trị", "Quốc hội khóa XV"),
ministries and departments ("Bộ NN-PTNT", "Sở Nội vụ tỉnh Bình Định"), Party and Youth Union
committees of a place ("Huyện uỷ Hải Lăng, Gio Linh"), local State bodies ("UBND các xã Vũ
Quý, Vũ Trung"), the capitalised issuer of a header, and the National Assembly's committees.
"""

from __future__ import annotations

import re

from vnpolicy.extractors import gazetteer as gz
from vnpolicy.extractors import unit_context_words as W
from vnpolicy.extractors import unit_patterns as P
from vnpolicy.extractors.unit_mention import COMMITTEE_WORD, UnitMention
from vnpolicy.extractors.unit_places import (
    LEVELS,
    attach_locality,
    match_place,
    place_short,
    province_of,
)
from vnpolicy.extractors.unit_regex import (
    KHOA_RE,
    UP,
    alternation,
    compiled_patterns,
    national_forms,
)
from vnpolicy.extractors.unit_text import (
    in_byline,
    in_law_title,
    is_cap,
    is_generic_before,
    next_word,
)


def find_negatives(text: str) -> list[UnitMention]:
    """Foreign organisations: found only so that no unit is read inside them."""
    return [
        UnitMention(m.start(), m.end(), m.group(0), m.group(0), "other", priority=9, negative=True)
        for m in compiled_patterns()["negative"].finditer(text)
    ]


def find_national(text: str) -> list[UnitMention]:
    """Finds "Bộ Chính trị", "BCH Trung ương", "Quốc hội khóa XIV", "MTTQ", "CHÍNH PHỦ"."""
    out = []
    forms = national_forms()
    for m in compiled_patterns()["national"].finditer(text):
        form = m.group(0)
        name, kind = forms[form]
        if (
            form.isupper()
            and len(form) <= 6
            and (in_byline(text, m.start()) or text.startswith("/", m.end()))
        ):
            continue  # "Ảnh: Trọng Đức/TTXVN", "TTXVN/Tin Tức": a credit
        if in_law_title(text, m.start()):
            continue  # "Luật Tổ chức Chính phủ"
        nxt = next_word(text, m.end())
        if kind in ("mass_org", "youth_union"):  # "các Hội Nông dân cơ sở", "cụm Đoàn ... các"
            if nxt in W.GENERIC_AFTER or is_generic_before(text, m.start()):
                continue
            if form == "Mặt trận" and text[m.end() : m.end() + 1] not in " ,.;)":
                continue
        end = m.end()
        k = KHOA_RE.match(text, end)
        if k:
            end = k.end()
        branch = re.match(r" [Cc]hi nhánh (?:(?:tỉnh|thành phố|TP\.?) ?)?", text[end:])
        if branch and kind == "state":
            hit = match_place(text, end + branch.end(), ("province",))
            if hit:  # "Ngân hàng Nhà nước chi nhánh Lâm Đồng": the body's branch there
                name = f"{name} chi nhánh {place_short(hit[1], hit[2])}"
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


def find_ministries(text: str) -> list[UnitMention]:
    """Finds "Bộ Công thương" -> "Bộ Công Thương", "Bộ NN-PTNT", "các Bộ: Công an, Quốc phòng"."""
    pats = compiled_patterns()
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


def find_departments(text: str) -> list[UnitMention]:
    """Finds "Sở Nội vụ tỉnh Bình Định"; a bare "Sở Công thương" takes the nearby province."""
    out = []
    for m in compiled_patterns()["department"].finditer(text):
        written = m.group("name")
        abbreviations = {k.casefold(): v for k, v in P.MINISTRY_ABBREVIATIONS.items()}
        written = abbreviations.get(written.casefold(), written)  # "Sở GD&ĐT"
        canon = next((d for d in P.DEPARTMENTS if d.casefold() == written.casefold()), written)
        canon = P.MINISTRY_CASE.get(canon.casefold(), canon)
        name = f"Sở {canon}"
        um = UnitMention(m.start(), m.end(), m.group(0), name, "state", head=name, priority=3)
        if not attach_locality(text, um, ("tỉnh", "thành phố", "TP.", "TP"), bare_province=True):
            if um.needs_place == "generic" or is_generic_before(text, m.start()):
                continue
            um.needs_place = um.needs_place or "tỉnh"
        out.append(um)
    return out


def find_committees(text: str) -> list[UnitMention]:
    """Finds "Tỉnh ủy Bình Định", "Huyện uỷ Hải Lăng, Gio Linh", "Tỉnh Đoàn Đắk Lắk", "Thành ủy"."""
    out = []
    for m in compiled_patterns()["committee"].finditer(text):
        written = m.group("head")
        key = written.casefold()
        canon = key.capitalize()
        if next_word(text, m.end()) in W.POSITION_AFTER:
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
                hit = match_place(text, start + tp.end(), levels)
            hit = hit or match_place(text, start, levels)
            number = re.match(r"\d{1,2}(?![\w/]|[.,]\d)", text[start:])
            if not hit and number and key.startswith("quận"):
                hit = (start + number.end(), number.group(0), [])  # "Quận đoàn 1"
        if hit:
            end, spelled, units = hit
            short = place_short(spelled, units)
            um.end, um.text = end, text[m.start() : end]
            if short == "Hồ Chí Minh" and key in ("thành ủy", "thành đoàn"):
                um.name = f"{canon} Thành phố Hồ Chí Minh"
            else:
                um.name = f"{canon} {short}"
            um.place = short
            provs = [u for u in units if u.level == "province"]
            um.province = provs[0].short if provs else province_of(units)
            um.siblings = _coordinated_places(text, end, levels, um)
            out.append(um)
            continue
        if not written[0].isupper() or is_generic_before(text, m.start()):
            continue  # "các tỉnh ủy, thành ủy": a category, not one committee
        listed = re.match(r"\s+các\s+(tỉnh|huyện|thành phố)\s+", text[pos:])
        if listed:
            # "UBKT Tỉnh ủy các tỉnh Điện Biên, Yên Bái": one committee per place.
            first = match_place(text, pos + listed.end(), levels)
            if first:
                end, spelled, units = first
                short = place_short(spelled, units)
                um.end, um.text = end, text[m.start() : end]
                um.name, um.place = f"{canon} {short}", short
                um.province = province_of(units)
                um.siblings = _coordinated_places(text, end, levels, um)
                out.append(um)
            continue
        if next_word(text, m.end()).casefold() in W.GENERIC_AFTER:
            continue
        um.needs_place = (
            COMMITTEE_WORD.get(canon)
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
        hit = match_place(text, start, levels)
        if not hit:
            break
        end, spelled, units = hit
        if re.match(r"\s*(ủy|đoàn|Ủy|Đoàn)\b", text[end:]) or is_cap(next_word(text, end)):
            break
        if "province" not in levels and gz.lookup(spelled, level="province"):
            break  # "Huyện ủy Hải Lăng, Quảng Trị": the province, not another district
        short = place_short(spelled, units)
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
                province=provs[0].short if provs else province_of(units),
                priority=4,
            )
        )
        pos = end
    return sibs


def find_local_heads(text: str) -> list[UnitMention]:
    """Finds "UBND tỉnh Bình Định", "TAND Tối cao", "Đoàn Đại biểu Quốc hội tỉnh Đồng Nai",
    "UBND các xã Vũ Quý, Vũ Trung" (one body per place) and "HĐND, UBND huyện Sóc Sơn" (the
    place written once for both)."""
    out = []
    bare: list[UnitMention] = []
    words = list(P.LOCALITY_WORDS)
    pats = compiled_patterns()
    for m in pats["local_head"].finditer(text):
        written = m.group("head")
        canon = P.LOCAL_STATE_HEADS[written]
        kind = P.LOCAL_HEAD_KIND[canon]
        um = UnitMention(m.start(), m.end(), written, canon, kind, head=canon, priority=2)
        if in_law_title(text, m.start()):
            continue
        sup = re.match(rf"\s+(?:{alternation(P.SUPREME_SUFFIXES)})(?![\w])", text[m.end() :])
        high = re.match(
            rf" cấp cao(?: tại (?P<seat>{alternation(P.HIGH_COURT_SEATS)})(?![\w]))?",
            text[m.end() :],
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
        if is_generic_before(text, m.start()):
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
            if attach_locality(text, um, P.HEAD_LEVEL_WORDS[canon]) or (
                um.needs_place and um.needs_place != "generic"
            ):
                out.append(um)
            continue
        if canon in P.BARE_PROVINCE_HEADS and attach_locality(text, um, (), bare_province=True):
            um.priority = 3
            out.append(um)
            continue
        if attach_locality(text, um, words):
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


def find_header_heads(text: str) -> list[UnitMention]:
    """Finds the capitalised issuer of a header: "ỦY BAN NHÂN DÂN\n\nTỈNH LÂM ĐỒNG" gives
    "Ủy ban nhân dân tỉnh Lâm Đồng", which also tells which province "UBND tỉnh" means."""
    out = []
    for m in _HEADER_HEAD_RE.finditer(text):
        canon = _HEADER_HEADS.get(m.group("head")) or m.group("head").capitalize()
        kind = "party" if canon == "Đảng bộ" else P.LOCAL_HEAD_KIND.get(canon, "state")
        spelled = f"{canon} {m.group('word').lower()} {m.group('name').title()}"
        um = UnitMention(0, len(canon), canon, canon, kind, head=canon, priority=3)
        if not attach_locality(spelled, um, P.LOCALITY_WORDS) or um.end != len(spelled):
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
    levels = LEVELS[level]
    start = um.end + listed.end()
    hit = match_place(text, start, levels)
    if not hit:
        return None
    end, spelled, units = hit
    short = place_short(spelled, units)
    head = um.name
    um.end, um.text = end, text[um.start : end]
    um.name, um.place, um.place_word = f"{head} {canon_word} {short}", short, canon_word
    um.province = province_of(units)
    um.priority = 3
    pos = end
    while sep := re.match(r"\s*,\s*|\s+và\s+", text[pos:]):
        s = pos + sep.end()
        word, lv = canon_word, levels
        own = compiled_patterns()["loc_word"].match(text, s)
        if own and own.group("word").casefold() in P.LOCALITY_WORDS:
            word, lv_name = P.LOCALITY_WORDS[own.group("word").casefold()]
            lv = LEVELS[lv_name]
            hit = match_place(text, own.end(), lv)
        else:
            hit = match_place(text, s, lv)
        if not hit:
            break
        e, spelled, units = hit
        if is_cap(next_word(text, e)) and not text[e:].lstrip().startswith(("(", ",")):
            break
        short = place_short(spelled, units)
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
                province=province_of(units),
                priority=4,
            )
        )
        pos = e
    return um


def find_assembly_committees(text: str) -> list[UnitMention]:
    """Finds "Ủy ban Kinh tế của Quốc hội", "Ủy ban Pháp luật", and the lists of the standing
    parts of several ("Thường trực các Ủy ban: Pháp luật, Tài chính - Ngân sách")."""
    pats = compiled_patterns()
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
