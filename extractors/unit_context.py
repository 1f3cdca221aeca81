"""Bare names completed from where they are written: "UBND tỉnh" is the People's Committee of
the province its paragraph is about, else of the province the document is about; a generic
post ("Phó Bí thư Tỉnh ủy ... các tỉnh, thành phố") names no body and is dropped.
"""

from __future__ import annotations

import re
from collections import Counter

from vnpolicy.extractors import gazetteer as gz
from vnpolicy.extractors.unit_mention import (
    COMMITTEE_WORD,
    LOCAL_COMMITTEES,
    UnitMention,
    committee_tail,
)
from vnpolicy.extractors.unit_places import province_word

_PLACE_DATE_RE = re.compile(r",?\s*ngày\s+\d")
#: Posts before a bare body ("Phó Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh"): a person's office.
_POST_BEFORE = re.compile(
    r"(?:Bí thư|Chủ tịch|Giám đốc|Ủy viên|Trưởng ban|Chánh Văn phòng|Chủ nhiệm|lãnh đạo)"
    r"(?: [Tt]hường trực)?\s+$"
)
#: A list of posts that ends on many places ("Phó Bí thư Tỉnh ủy, Chủ tịch UBND các tỉnh,
#: thành phố"): each post is held in every one of them, so no single body is named.
_MANY_PLACES_AFTER = re.compile(
    r"(?:\s*(?:,|và)\s*[^.;:!?\n]{0,80}?)?\s+(?:của\s+)?(?:các|những|nhiều|mọi|\d+)\s+"
    r"(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|địa phương|đơn vị)(?!\w)"
)


def _nearest(pool: list[tuple[int, str]], pos: int, window: int) -> str | None:
    near = [(abs(s - pos), -s, p) for s, p in pool if abs(s - pos) <= window]
    return min(near)[2] if near else None


def _paragraph(text: str, pos: int) -> tuple[int, int]:
    """The line (a news paragraph, a document's clause) around `pos`."""
    end = text.find("\n", pos)
    return text.rfind("\n", 0, pos) + 1, len(text) if end < 0 else end


def _in_paragraph(pool: list[tuple[int, str]], text: str, pos: int) -> str | None:
    """The place of the paragraph at `pos`: the one written nearest to `pos` inside it."""
    start, end = _paragraph(text, pos)
    return _nearest([(s, p) for s, p in pool if start <= s < end], pos, end - start)


def is_generic_post(text: str, um: UnitMention) -> bool:
    """Whether a bare body is a post's office in a list over many places: "Phó Bí thư Tỉnh
    ủy, Chủ tịch UBND các tỉnh, thành phố" names no particular Tỉnh ủy."""
    return bool(
        _POST_BEFORE.search(text[max(0, um.start - 40) : um.start])
        and _MANY_PLACES_AFTER.match(text, um.end)
    )


def _title_end(text: str) -> int:
    """End of the title line (a first line short and without a closing full stop), else 0."""
    end = text.find("\n")
    first = text if end < 0 else text[:end]
    if first.strip() and len(first) < 200 and not first.rstrip().endswith("."):
        return len(first)
    return 0


def complete_from_context(
    text: str, mentions: list[UnitMention], window: int = 2500, date: str | None = None
) -> list[UnitMention]:
    """Completes "UBND tỉnh" -> "Ủy ban nhân dân tỉnh Khánh Hòa" from the place of its
    paragraph, else the document's (its title's, else its dominant province), else the nearest
    place of that level; a "tỉnh" is never a centrally-governed city ("Tỉnh ủy" of Hồ Chí
    Minh does not exist). Bare names that stay generic are dropped; `date` (the document's)
    names a province as it was then ("Thừa Thiên Huế" before 2025)."""
    # Places written as such ("tỉnh Đồng Nai", "UBND tỉnh Khánh Hòa") count everywhere; a bare
    # name only in its own paragraph ("Tại Hà Tĩnh, ... UBND tỉnh"), as one far away may sit
    # inside another name; a place-date line ("Hà Nội, ngày ...") says where a paper was
    # signed, not whose bodies it names.
    provinces, bare = [], []
    for u in mentions:
        if not u.province or _PLACE_DATE_RE.match(text, u.end):
            continue
        name = u.province if u.place == u.province else gz.province_name_at(u.province, date)
        (bare if u.head == "locality" and u.priority <= 1 else provinces).append((u.start, name))
    counts = Counter(p for _, p in provinces).most_common(2)
    main_province = None
    if counts and (len(counts) == 1 or counts[0][1] > counts[1][1]):
        main_province = counts[0][0]
    title_end = _title_end(text)
    in_title = [p for s, p in provinces + bare if s < title_end]
    document_province = Counter(in_title).most_common(1)[0][0] if in_title else main_province
    by_word: dict[str, list[tuple[int, str]]] = {}
    for u in mentions:
        word = u.place_word or COMMITTEE_WORD.get(committee_tail(u))
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
        if is_generic_post(text, um):
            continue
        word = um.needs_place
        if word == "tỉnh":
            pool = [(s, p) for s, p in provinces if province_word(p) == "tỉnh"]
            bare_pool = [(s, p) for s, p in bare if province_word(p) == "tỉnh"]
            place = (
                _in_paragraph(pool, text, um.start)
                or _in_paragraph(bare_pool, text, um.start)
                or (document_province if province_word(document_province or "") == "tỉnh" else None)
                or _nearest(pool, um.start, window)
            )
        elif word == "thành phố":
            cities = [(s, p) for s, p in provinces if province_word(p) == "thành phố"]
            pool = by_word.get("thành phố", []) + cities
            place = _in_paragraph(pool, text, um.start) or _nearest(pool, um.start, window)
        else:
            pool = by_word.get(word, [])
            place = _in_paragraph(pool, text, um.start) or _nearest(pool, um.start, window)
        if place is None:
            if (committee_tail(um) in LOCAL_COMMITTEES and um.kind != "state") or (
                um.kind == "party" and um.head == "Đảng bộ"
            ):
                kept.append(um)  # "Tỉnh ủy", "Đảng bộ tỉnh" with no province named: as written
            elif um.bare_ok:
                um.name, um.needs_place = um.text, None
                kept.append(um)
            continue
        if committee_tail(um) in ("Thành ủy", "Thành đoàn") and place == "Hồ Chí Minh":
            um.name = f"{um.name} Thành phố Hồ Chí Minh"  # the city named after a person
        elif um.name.endswith(" " + word) or committee_tail(um) in LOCAL_COMMITTEES:
            um.name = f"{um.name} {place}"
        else:
            um.name = f"{um.name} {province_word(place)} {place}"
            word = province_word(place)
        um.place, um.place_word = place, word
        if word in ("tỉnh", "thành phố") and gz.lookup(place, level="province"):
            um.province = place
        if um.parent:
            um.parent = f"{um.parent} {place}"
        kept.append(um)
    return kept
