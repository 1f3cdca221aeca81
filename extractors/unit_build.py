"""Units as the output gives them: overlapping mentions chosen, mentions of one unit merged,
one dict per unit with its canonical name as the document wrote it (its province or district
of the time) and, when the 2025 reform merged or renamed it, its `successor`.
"""

from __future__ import annotations

from vnpolicy.extractors import gazetteer as gz
from vnpolicy.extractors.document_context import document_date
from vnpolicy.extractors.unit_context import complete_from_context
from vnpolicy.extractors.unit_mention import (
    COMMITTEE_WORD,
    LOCAL_COMMITTEES,
    UnitMention,
    committee_tail,
)

#: The day the two-level local government of the 2025 reform began (Nghị quyết 202/2025/QH15).
REFORM_DAY = "2025-07-01"
_WORD_LEVEL = {
    "tỉnh": "province",
    "huyện": "district",
    "huyện đảo": "district",
    "quận": "district",
    "thị xã": "district",
    "xã": "commune",
    "phường": "commune",
    "thị trấn": "commune",
    "đặc khu": "commune",
}


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


def _place_unit(um: UnitMention) -> gz.AdminUnit | None:
    """The pre-reform province or commune whose name ends the unit's name, when only one is
    meant ("Đảng ủy xã Phước Tân" needs its province to tell which)."""
    word = um.place_word or COMMITTEE_WORD.get(committee_tail(um))
    if not um.place or not word:
        if committee_tail(um) in ("Thành ủy", "Thành đoàn") and um.place:
            word = "thành phố"
        else:
            return None
    level = _WORD_LEVEL.get(word)
    if word == "thành phố":
        city = gz.lookup(um.place, level="province", era=gz.LEGACY)
        level = "province" if city and um.province in (None, city[0].short) else "district"
    if level not in ("province", "commune"):
        return None  # districts were abolished, not merged: they have no successor
    units = gz.lookup(um.place, level=level, era=gz.LEGACY)
    if level == "commune":  # "thị trấn V" is not "Phường V" of another province
        units = [u for u in units if u.province == um.province and u.type == word]
    return units[0] if len(units) == 1 else None


def successor_name(um: UnitMention, date: str | None = None) -> str | None:
    """The unit's name after the 2025 reform when its province or commune was merged or
    renamed ("Tỉnh ủy Thừa Thiên Huế" -> "Thành ủy Huế", "tỉnh Hà Nam" -> "tỉnh Ninh Bình");
    None when it kept its name, and for a post-reform text naming a post-reform unit."""
    unit = _place_unit(um)
    new = gz.successor_of(unit) if unit else None
    if new is None:
        return None
    if date and date >= REFORM_DAY and gz.lookup(um.place, level=unit.level, era=gz.REFORM_2025):
        return None  # "tỉnh Gia Lai" in 2026 is the new province already
    new_word = "thành phố" if new.type.startswith("thành phố") else new.type
    tail = committee_tail(um)
    if um.place_word and um.name.endswith(f" {um.place_word} {um.place}"):
        cut = len(um.place_word) + 1 + len(um.place)
        return f"{um.name[:-cut]}{new_word} {new.short}"
    if um.name == f"{um.place_word} {um.place}":
        return f"{new_word} {new.short}"
    if tail in LOCAL_COMMITTEES and um.name.endswith(f"{tail} {um.place}"):
        new_tail = tail
        if unit.level == "province":  # "Tỉnh ủy" of a tỉnh, "Thành ủy" of a city
            new_tail = ("Thành " if new_word == "thành phố" else "Tỉnh ") + tail.split()[1]
        short = new.short
        if new_tail in ("Thành ủy", "Thành đoàn") and short == "Hồ Chí Minh":
            short = "Thành phố Hồ Chí Minh"  # the city named after a person, as elsewhere
        return f"{um.name[: -len(tail) - 1 - len(um.place)]}{new_tail} {short}"
    return None


def resolve_units(text: str, mentions: list[UnitMention]) -> list[dict]:
    """Choose among overlapping mentions, complete bare names, merge, and build the dicts.

    Names stay as the document wrote them; a unit the 2025 reform merged or renamed gets its
    post-reform name in `successor`.
    """
    date = document_date(text)
    chosen = complete_from_context(text, _select(mentions), date=date)
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
            successor = successor_name(um, date)
            if successor:
                unit["successor"] = successor
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
