"""Every candidate unit mention in a text: the finders' results, with sub-bodies joined to
their owners ("Ban Thường vụ" + "Tỉnh ủy"), offices to the local body they belong to
("Phòng Cảnh sát hình sự" + "Công an TP Hà Nội") and an owner written once shared out
("Ban Thường vụ Tỉnh ủy và UBKT Tỉnh ủy các tỉnh Điện Biên, Yên Bái").

>>> [m.name for m in find_unit_mentions("Huyện ủy Hải Lăng, Gio Linh") if not m.negative][:1]
['Huyện ủy Hải Lăng']
"""

from __future__ import annotations

import re
from dataclasses import replace

from vnpolicy.extractors import unit_patterns as P
from vnpolicy.extractors.unit_find_bodies import (
    find_assembly_committees,
    find_committees,
    find_departments,
    find_header_heads,
    find_local_heads,
    find_ministries,
    find_national,
    find_negatives,
)
from vnpolicy.extractors.unit_find_localities import find_localities
from vnpolicy.extractors.unit_find_named import find_enterprises, find_open_bodies, find_schools
from vnpolicy.extractors.unit_mention import LOCAL_COMMITTEES, UnitMention, committee_tail
from vnpolicy.extractors.unit_regex import alternation, compiled_patterns


def _attach_prefixes(text: str, mentions: list[UnitMention]) -> list[UnitMention]:
    """Joins "Ban Thường vụ" + "Tỉnh ủy" -> "Ban Thường vụ Tỉnh ủy", a unit of its own."""
    pats = compiled_patterns()
    out = []
    for um in mentions:
        while um.kind != "locality" and not um.negative and not um.back_reference:
            window = text[max(0, um.start - 40) : um.start]
            m = pats["prefix"].search(window)
            if not m and um.place and committee_tail(um) in LOCAL_COMMITTEES:
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
        find_negatives,
        find_national,
        find_ministries,
        find_departments,
        find_committees,
        find_local_heads,
        find_header_heads,
        find_localities,
        find_assembly_committees,
    ):
        found.extend(finder(text))
    fixed = {um.start for um in found if um.priority >= 3}
    for named in (find_enterprises, find_schools, find_open_bodies):
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


def _distribute_ellipsis(text: str, mentions: list[UnitMention]) -> list[UnitMention]:
    """Shares out an owner written once: in "Ban Thường vụ Tỉnh ủy và UBKT Tỉnh ủy các tỉnh
    Điện Biên, Yên Bái" and "Ban Thường vụ Đảng ủy và UBKT Đảng ủy Khối Doanh nghiệp Trung
    ương" what follows the second body belongs to the first one as well."""
    prefix_re = re.compile(
        rf"(?P<prefix>{alternation(P.SUB_BODY_PREFIXES)}) (?P<body>Đảng ủy) và $"
    )
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
        if um.needs_place is None or committee_tail(um) not in LOCAL_COMMITTEES:
            continue
        gap = re.match(r" và ", text[um.end : um.end + 4])
        other = by_start.get(um.end + 4) if gap else None
        if other is None or committee_tail(other) != committee_tail(um):
            continue
        um.name, um.place, um.needs_place = f"{um.name} {other.place}", other.place, None
        um.parent = f"{um.parent} {other.place}" if um.parent else None
        for sib in other.siblings:
            um.siblings.append(
                replace(
                    sib,
                    name=f"{um.name[: -len(other.place)]}{sib.place}",
                    parent=f"{committee_tail(um)} {sib.place}",
                    head=um.head,
                    elliptical=True,
                    siblings=[],
                )
            )
    return mentions
