"""One written mention of a unit (`UnitMention`), as the finders make it and the resolver
completes it, and the committee heads whose place may be left unwritten ("Tỉnh ủy" -> "tỉnh").

>>> committee_tail(UnitMention(0, 22, "", "", "party", head="Ban Thường vụ Tỉnh ủy"))
'Tỉnh ủy'
"""

from __future__ import annotations

from dataclasses import dataclass, field

from vnpolicy.extractors import unit_patterns as P

LOCAL_COMMITTEES = {_h.capitalize() for _h in P.LOCAL_PARTY_COMMITTEES} | {
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


def committee_tail(um: UnitMention) -> str:
    return " ".join(um.head.split()[-2:])


COMMITTEE_WORD = {
    "Tỉnh ủy": "tỉnh",
    "Tỉnh đoàn": "tỉnh",
    "Huyện ủy": "huyện",
    "Huyện đoàn": "huyện",
    "Quận ủy": "quận",
    "Quận đoàn": "quận",
    "Thị ủy": "thị xã",
    "Thị đoàn": "thị xã",
}
