"""Finders of localities: "tỉnh Quảng Trị", "huyện đảo Phú Quý", "TP.HCM", "xã Cải Viên -
Hà Quảng - tỉnh Cao Bằng" and bare province names ("Phú Yên và Bình Phước"), but not a place
inside a facility's or a product's name ("Xi măng Hà Tiên", "cao tốc Long Thành") nor a
reporter's byline at the end of an article ("... lên cao. Hà Nam").
"""

from __future__ import annotations

import re

from vnpolicy.extractors import gazetteer as gz
from vnpolicy.extractors import unit_context_words as W
from vnpolicy.extractors import unit_patterns as P
from vnpolicy.extractors.unit_mention import UnitMention
from vnpolicy.extractors.unit_places import (
    LEVELS,
    city_units,
    locality_mention,
    match_place,
    place_short,
    province_word,
)
from vnpolicy.extractors.unit_regex import UP, compiled_patterns
from vnpolicy.extractors.unit_text import (
    SENTENCE_WORDS,
    after_break,
    in_closing_byline,
    is_cap,
    next_word,
    prev_word,
)

#: The first end of a route written before its second ("cao tốc Long Thành - Dầu Giây").
_ROUTE_START = re.compile(rf"[{UP}][^\W_]*(?: [{UP}][^\W_]*){{0,3}} ?[-–] ?$")


def find_localities(text: str) -> list[UnitMention]:
    """Finds "tỉnh Quảng Trị", "huyện đảo Phú Quý", "TP.HCM", "xã Phước Tân", a bare "Hà Nội"."""
    pats = compiled_patterns()
    out = []
    for m in pats["city_short"].finditer(text):
        prev = prev_word(text, m.start())
        if is_cap(prev) and prev not in SENTENCE_WORDS and not after_break(text, m.start()):
            continue  # "báo Pháp Luật TP.HCM": part of another name
        if in_closing_byline(text, m.start()):
            continue  # "Minh Anh - TP.HCM" closing the article: the reporter's byline
        units = gz.lookup(W.CITY_SHORT_FORMS[m.group(0)], level="province")
        if units:
            word = province_word(units[0].short)
            out.append(locality_mention(m.start(), m.end(), text, word, units[0].short, units, 3))
    for m in pats["locality"].finditer(text):
        written = m.group("word")
        canon_word, level = P.LOCALITY_WORDS.get(written) or P.LOCALITY_WORDS[written.casefold()]
        prev = prev_word(text, m.start())
        if written.isupper() and is_cap(prev) and prev not in SENTENCE_WORDS:
            if not after_break(text, m.start()):
                continue  # "báo Pháp Luật TP.HCM": part of another name
        if written[0].isupper() and in_closing_byline(text, m.start()):
            continue  # "Ngọc Lan (TP.HCM)" closing the article
        allow_unknown = level in ("district", "commune") and written[0].islower()
        hit = match_place(text, m.end(), LEVELS[level], allow_unknown=allow_unknown)
        if not hit:
            continue
        end, spelled, units = hit
        if not units and spelled.isdigit() and canon_word not in ("phường", "quận"):
            continue
        if level == "city":
            units = city_units(units)
        short = place_short(spelled, units)
        if units and units[0].level == "province":
            canon_word = province_word(short)  # "tỉnh Thừa Thiên Huế" is "thành phố Huế"
        um = locality_mention(m.start(), end, text, canon_word, short, units, priority=2)
        um.siblings = _coordinated_localities(text, end, LEVELS[level], canon_word)
        out.append(um)
        # "xã Cải Viên - Hà Quảng - tỉnh Cao Bằng": the bigger places written after it.
        out.extend(_enclosing_places(text, end, units[0].level if units else "commune"))
    for pat in (pats["province"], pats["city"]):
        for m in pat.finditer(text):
            prev, nxt = prev_word(text, m.start()), next_word(text, m.end())
            if is_cap(prev) and prev not in SENTENCE_WORDS and not after_break(text, m.start()):
                continue  # inside a longer name: "Đại học Quốc gia Hà Nội", a person
            if is_cap(nxt) and text[m.end() : m.end() + 1] not in ",.;:)":
                continue
            if nxt.casefold() in ("ủy", "đoàn"):
                continue
            before = text[max(0, m.start() - 60) : m.start()]
            before = _ROUTE_START.sub("", before)  # "quốc lộ Hà Nội - |Hải Phòng"
            if pats["facility_before"].search(before):
                continue  # "Khu công nghiệp Yên Bình", "Xi măng Hà Tiên": a site, a product
            if in_closing_byline(text, m.start()):
                continue  # "... lên cao. Hà Nam": the reporter's byline, not a place named
            level = "province" if pat is pats["province"] else "district"
            units = gz.lookup(m.group(0), level=level)
            if not units:
                continue
            u = units[0]
            word = province_word(u.short) if level == "province" else u.type
            out.append(locality_mention(m.start(), m.end(), text, word, u.short, units, priority=1))
    return out


def _coordinated_localities(text, pos, levels, word) -> list[UnitMention]:
    """Reads "huyện Cần Giờ, Bình Chánh": each place with the level word written once."""
    sibs = []
    while m := re.match(r"\s*,\s*|\s+và\s+", text[pos:]):
        start = pos + m.end()
        hit = match_place(text, start, levels)
        if not hit:
            break
        end, spelled, units = hit
        if is_cap(next_word(text, end)):
            break
        if "province" not in levels and gz.lookup(spelled, level="province"):
            break
        if "district" in levels:
            units = city_units(units)
        short = place_short(spelled, units)
        sib_word = province_word(short) if units[0].level == "province" else word
        sibs.append(locality_mention(start, end, text, sib_word, short, units, 2))
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
        if not m or compiled_patterns()["loc_word"].match(text, pos + m.end()):
            break
        start = pos + m.end()
        hit = match_place(text, start, tuple(order[rank + 1 :]))
        if not hit:
            break
        end, spelled, units = hit
        u = units[0]
        word = u.type if u.level == "district" else province_word(u.short)
        out.append(locality_mention(start, end, text, word, place_short(spelled, units), units, 2))
        rank = order.index(u.level)
        pos = end
    return out
