"""The place of each statistic: the locality or organisation whose quantity the figure is.

In "Đảng bộ huyện Gio Linh hiện có 43 tổ chức cơ sở đảng", 43 is Đảng bộ huyện Gio Linh's; in
"Theo Bộ Nội vụ, cả nước có 54.448 đơn vị", the figure is the country's, not the ministry's
that reported it. The owner is looked for in the figure's clause (between semicolons or
colons), nearest first: a unit mention that owns figures (a locality, a Party, Youth Union or
mass organisation, a school or an enterprise; a central State or Party body only as the
possessor "của Bộ X" or as the subject of "có"), never a body that reports, decides or
comments ("cho biết", "trình", "phê duyệt"), a source after "theo", a newspaper, or the
issuer inside a document's name; else a scope word ("cả nước" -> Việt Nam, "toàn tỉnh" ->
the document's province, "toàn Đoàn" -> its Youth Union, "toàn ngành" -> its sector). A
figure with none continues its paragraph's place; else the document's province; else None.
Names are the units extractor's canonical names.

    >>> from vnpolicy.nlp import analyze
    >>> from vnpolicy.extractors.units import extract_units
    >>> from vnpolicy.extractors.statistics import extract_statistics
    >>> at = analyze("Huyện ủy Gio Linh kết nạp 186 đảng viên; cả nước có 9.757 đồng chí.")
    >>> stats = attach_places(extract_statistics(at), extract_units(at), at.text)
    >>> [(s["value"], s["place"]) for s in stats]
    [(186.0, 'Huyện ủy Gio Linh'), (9757.0, 'Việt Nam')]
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from vnpolicy.extractors.document_context import locality_of

_CLAUSE_BREAK = re.compile(r"[;:\n]|\.\s")
_SENTENCE_BREAK = re.compile(r"\n|[.!?]\s")
#: Verbs of reporting, deciding and commenting after a body: it is not the figure's owner.
_REPORTING_AFTER = re.compile(
    r"^\s*(?:đã\s+|cũng\s+|vừa\s+|sẽ\s+)?(?:cho\s+biết|báo\s+cáo|thông\s+tin|công\s+bố|đánh\s+giá"
    r"|nhận\s+định|nhận\s+xét|trình|phát\s+biểu|nhấn\s+mạnh|đề\s+nghị|yêu\s+cầu|quyết\s+định"
    r"|chỉ\s+đạo|giao|phê\s+duyệt|phân\s+bổ|ban\s+hành|cho\s+phép|thông\s+qua|khẳng\s+định"
    r"|dự\s+báo|ước\s+tính|thống\s+kê|cho\s+rằng|kiến\s+nghị|đề\s+xuất|quy\s+định|hỗ\s+trợ"
    r"|tài\s+trợ|trao|tặng|cấp|bố\s+trí|điều\s+hành|chủ\s+trì|tổ\s+chức\s+hội\s+nghị)(?!\w)",
    re.IGNORECASE,
)
#: A body that owns the figure all the same: "Bộ Nội vụ có 500 biên chế", "của Bộ X".
_OWNER_AFTER = re.compile(r"^\s*(?:hiện\s+|đã\s+|vẫn\s+|chỉ\s+)?(?:có|còn|gồm|quản\s+lý)(?!\w)")
_POSSESSIVE_BEFORE = re.compile(r"(?:của|thuộc)\s+$")
_SOURCE_BEFORE = re.compile(r"(?:[Tt]heo|[Nn]guồn:?|[Ảả]nh:?|[Tt]ại\s+cuộc\s+họp\s+của)\s+$")
#: Central bodies that decide and report rather than own figures.
_CENTRAL = re.compile(
    r"^(?:Chính phủ|Thủ tướng|Quốc hội|Ủy ban Thường vụ Quốc hội|Bộ Chính trị|Ban Bí thư"
    r"|Ban Chấp hành Trung ương|Văn phòng|Bộ |Tổng cục|Cục |Ban Chỉ đạo|Thanh tra Chính phủ"
    r"|Kiểm toán Nhà nước|Ngân hàng Nhà nước|Tòa án|Viện kiểm sát|Ủy ban|Hội đồng)"
    r"|Trung ương"
)
_PRESS = re.compile(r"^(?:Báo|Đài|Thông tấn|Tạp chí|Cổng|Truyền hình|Tạp chí|Nhà xuất bản)")
_LOCAL_ADMIN = re.compile(r"^(?:Ủy ban nhân dân|Hội đồng nhân dân|UBND|HĐND)\s+(.+)$")
#: Openings of a sentence that goes on with the one before: its breakdown or its next result.
_CONTINUATION = re.compile(
    r"\s*(?:Trong\s+đó|Trong\s+số\s+đó|Riêng|Cụ\s+thể|Ngoài\s+ra|Qua\s|Đồng\s+thời|Bên\s+cạnh\s+đó"
    r"|Tiếp\s+đó|Sau\s+đó|Như\s+vậy|Còn|Về\s|Tính\s+chung|Tổng\s+cộng|Với\s)"
)
_MEMBER_KINDS = {"party", "youth_union", "mass_org"}
#: Nationwide organisations written as their provincial branch is: "Đoàn TNCS Hồ Chí Minh
#: tỉnh Quảng Trị", "Đảng bộ tỉnh Quảng Trị".
_SHORT_ORG = {
    "Đoàn Thanh niên Cộng sản Hồ Chí Minh": "Đoàn TNCS Hồ Chí Minh",
    "Đảng Cộng sản Việt Nam": "Đảng bộ",
}
_OWNER_KINDS = {"locality", "party", "youth_union", "mass_org", "school", "enterprise"}

#: Scope words and what they stand for ("document" resolves to the document's place).
_SCOPES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"(?<!\w)(?:cả\s+nước|toàn\s+quốc|nước\s+ta|Việt\s+Nam)(?!\w)", re.I), "country"),
    (
        re.compile(
            r"(?<!\w)(?:toàn|trong|của|cả)\s+(?:Đoàn|Tỉnh\s+đoàn)(?!\s+[A-ZĐ])|(?<!\w)Đoàn\s+"
            r"thanh\s+niên(?!\s+[A-ZĐ])|Đoàn\s+TNCS\s+Hồ\s+Chí\s+Minh\s+của\s+tỉnh"
        ),
        "youth",
    ),
    (
        re.compile(
            r"(?<!\w)(?:toàn|cả|trong|của)\s+(?:Đảng\s+bộ|đảng\s+bộ)(?!\s+[A-ZĐ])", re.UNICODE
        ),
        "party",
    ),
    (
        re.compile(
            r"(?<!\w)(?:(?:toàn|cả|trong|của|khắp)\s+(?:tỉnh|thành\s+phố)|trên\s+địa\s+bàn"
            r"(?:\s+tỉnh)?|[Tt]ỉnh\s+(?:ta|nhà))(?![\w ]*[A-ZĐ]\w)",
        ),
        "document",
    ),
    (  # not "bộ, ngành": the ministries and sectors in general
        re.compile(
            r"(?<!\w)(?<!bộ, )(?<!bộ,)(?:toàn\s+ngành|[Nn]gành)(?!\s+[A-ZĐa-zđ]\w*\s+[A-ZĐ])"
        ),
        "sector",
    ),
]


@dataclass
class _Mention:
    start: int
    end: int
    name: str
    kind: str


def _span(text: str, start: int, end: int, breaks: re.Pattern[str]) -> tuple[int, int]:
    """The clause or sentence around [start, end)."""
    left = 0
    for m in breaks.finditer(text, max(0, start - 400), start):
        left = m.end()
    nxt = breaks.search(text, end, end + 400)
    return left, nxt.start() if nxt else min(len(text), end + 400)


def _mentions(units: list[dict], references: list[tuple[int, int]]) -> list[_Mention]:
    out = []
    for unit in units:
        for m in unit.get("mentions") or [unit]:
            if any(s <= m["start"] and m["end"] <= e for s, e in references):
                continue  # the issuer in a document's name: "Nghị quyết số 21-NQ/TW của BCH TW"
            out.append(_Mention(m["start"], m["end"], unit["name"], unit.get("kind") or "other"))
    return sorted(out, key=lambda m: m.start)


def _owner_name(m: _Mention, text: str, fig_start: int) -> str | None:
    """The place a mention gives the figure, or None when it does not own it."""
    before = text[max(0, m.start - 20) : m.start]
    after = text[m.end : m.end + 40]
    if _SOURCE_BEFORE.search(before) or _PRESS.match(m.name):
        return None
    possessive = bool(_POSSESSIVE_BEFORE.search(before)) or bool(_OWNER_AFTER.match(after))
    local = _LOCAL_ADMIN.match(m.name)
    if local and locality_of(m.name):
        return m.name if possessive else _locality_words(local.group(1))
    if _CENTRAL.search(m.name) and not locality_of(m.name):
        # "dư nợ của Chính phủ": only as the possessor right after the figure's words
        return m.name if m.start > fig_start and _POSSESSIVE_BEFORE.search(before) else None
    if m.kind not in _OWNER_KINDS and not possessive:
        return None
    if _REPORTING_AFTER.match(after) and m.kind != "locality" and not locality_of(m.name):
        return None
    return m.name


def _locality_words(rest: str) -> str:
    """ "tỉnh Quảng Trị" from the rest of "Ủy ban nhân dân tỉnh Quảng Trị"."""
    return rest.strip()


def _scope(
    text: str, start: int, end: int, context: dict, mentions: list[_Mention] = ()
) -> tuple[int, str] | None:
    """(position, place) of the scope word in [start, end) nearest to `end`; words
    inside a unit's name ("Mặt trận Tổ quốc Việt Nam") are none."""
    best: tuple[int, str] | None = None
    inside = [(m.start, m.end) for m in mentions if m.end > start and m.start < end]
    for pattern, kind in _SCOPES:
        for m in pattern.finditer(text, start, end):
            if any(s <= m.start() and m.end() <= e for s, e in inside):
                continue
            place = _scope_place(kind, context)
            if place and (best is None or m.start() > best[0]):
                best = (m.start(), place)
    return best


def _scope_place(kind: str, context: dict) -> str | None:
    province = context.get("place") or context.get("near")
    if kind == "country":
        return "Việt Nam"
    if province == "Việt Nam":
        province = None
    if kind == "youth":
        return f"Đoàn TNCS Hồ Chí Minh {province}" if province else "Đoàn TNCS Hồ Chí Minh"
    if kind == "party":
        return f"Đảng bộ {province}" if province else None
    if kind == "document":
        return province
    if kind == "sector":
        return context.get("sector")
    return None


def _branch(org: str, province: str) -> str:
    """The province's branch of an organisation: ("Đoàn TNCS Hồ Chí Minh", "tỉnh Quảng Trị")
    -> "Đoàn TNCS Hồ Chí Minh tỉnh Quảng Trị"; ("Đảng bộ tỉnh", ...) -> "Đảng bộ tỉnh Quảng Trị"."""
    kind, _, name = province.partition(" ")
    if kind == "thành" and name.startswith("phố "):
        kind, name = "thành phố", name[len("phố ") :]
    if org.lower().endswith(" " + kind):
        return f"{org} {name}"
    return f"{org} {province}"


def _nearby_province(
    mentions: list[_Mention], starts: list[int], text: str, pos: int
) -> str | None:
    """The province of the nearest unit mention before `pos` in its paragraph."""
    para_start = text.rfind("\n", 0, pos) + 1
    i = bisect.bisect_left(starts, pos) - 1
    while i >= 0 and mentions[i].start >= para_start:
        found = locality_of(mentions[i].name)
        if found:
            return found[1]
        i -= 1
    return None


def _listed_with(mentions: list[_Mention], i: int, text: str, names: list[str]) -> list[str]:
    """Places listed right before mention `i` ("tỉnh Cà Mau, Cao Bằng, Điện Biên có ...")."""
    out = list(names)
    k = i - 1
    while k >= 0:
        gap = text[mentions[k].end : mentions[k + 1].start]
        if gap.strip() not in (",", "và", "-", "", "với") or mentions[k].kind != "locality":
            break
        out.insert(0, mentions[k].name)
        k -= 1
    return out


def _in_other_brackets(text: str, m: _Mention, fig_start: int) -> bool:
    """Is the mention inside brackets that do not hold the figure ("(chưa có báo cáo của
    Hải Phòng, Hòa Bình)")?"""
    between = text[m.end : fig_start]
    return between.count(")") > between.count("(")


_AFTER_LINK = re.compile(r"^\s*(?:[^\W\d_]+\s+){0,3}?(?:của|tại|ở|thuộc|trên\s+địa\s+bàn)\s+$")
_NOT_OWNER_NOUNS = re.compile(r"đề\s+nghị|ý\s+kiến|báo\s+cáo|chỉ\s+đạo|yêu\s+cầu|quyết\s+định")


def _owner_in(
    mentions: list[_Mention], starts: list[int], text: str, left: int, right: int, stat: dict
) -> tuple[int, str] | None:
    """(position, owner) among the unit mentions of [left, right): the nearest before the
    figure, else the first after it linked by "của", "tại", "thuộc"."""
    i = bisect.bisect_right(starts, stat["start"]) - 1
    while i >= 0 and mentions[i].start >= left:
        if mentions[i].end <= stat["start"] and not _in_other_brackets(
            text, mentions[i], stat["start"]
        ):
            name = _owner_name(mentions[i], text, stat["start"])
            if name:
                if mentions[i].kind == "locality":
                    listed = _listed_with(mentions, i, text, [name])
                    return mentions[i].start, ", ".join(dict.fromkeys(listed))
                return mentions[i].start, name
        i -= 1
    j = bisect.bisect_left(starts, stat["end"])
    while j < len(mentions) and mentions[j].end <= right:
        between = text[stat["end"] : mentions[j].start]
        if _AFTER_LINK.match(between) and not _NOT_OWNER_NOUNS.search(between):
            name = _owner_name(mentions[j], text, stat["start"])
            if name:
                return mentions[j].start, name
        j += 1
    return None


def _nearest(*found: tuple[int, str] | None) -> str | None:
    """The place found nearest before the figure (a place after it counts as farthest)."""
    best = None
    for item in found:
        if item and (best is None or item[0] > best[0]):
            best = item
    return best[1] if best else None


#: Generic categories of bodies as a clause's subject: their figures have no one owner
#: ("Cơ quan hành chính nhà nước các cấp đã tiếp ...", "Nhiều bộ, ngành, địa phương có ...").
_GENERIC_OWNER = re.compile(
    r"(?i)(?<!\w)(?:cơ\s+quan\b[^,;.]{0,40}?các\s+cấp|(?:các|nhiều)\s+(?:bộ,\s*ngành"
    r"|địa\s+phương|cơ\s+quan|đơn\s+vị))(?!\w)"
)


def attach_places(
    statistics: list[dict],
    units: list[dict],
    text: str,
    context: dict | None = None,
    references: list[tuple[int, int]] = (),
) -> list[dict]:
    """Set `place` (a canonical name, several joined by ", ", or None) on every statistic.

    `context` is `document_context(...)` (its `place` and `sector` resolve "toàn tỉnh",
    "toàn ngành" and figures with no place of their own); `references` are the spans of
    document references, whose issuers own no figure."""
    base_context = context or {}
    context = base_context
    mentions = _mentions(units, list(references))
    starts = [m.start for m in mentions]
    last_place: str | None = None
    last_paragraph = last_sentence = -1
    kinds = {unit["name"]: unit.get("kind") for unit in units}
    province = context.get("place") if context.get("place") != "Việt Nam" else None
    for stat in statistics:
        if stat.get("source") == "table" and stat.get("place"):
            continue
        left, right = _span(text, stat["start"], stat["end"], _CLAUSE_BREAK)
        # a bare "tỉnh" with no province of the document's: the one its paragraph names
        context = {**base_context, "near": _nearby_province(mentions, starts, text, stat["start"])}
        s_left, _ = _span(text, stat["start"], stat["end"], _SENTENCE_BREAK)
        paragraph = text.count("\n", 0, stat["start"])
        place = _nearest(
            _owner_in(mentions, starts, text, left, right, stat),
            _scope(text, left, stat["start"], context, mentions),
        ) or _nearest(_scope(text, stat["end"], right, context, mentions))
        if place is None:
            place = _nearest(
                _owner_in(mentions, starts, text, s_left, left, stat),
                _scope(text, s_left, left, context, mentions),
            )
        continues = paragraph == last_paragraph and (
            last_sentence == s_left or _CONTINUATION.match(text, s_left)
        )
        explicit = place is not None
        if place and province and kinds.get(place) in _MEMBER_KINDS and not locality_of(place):
            place = _branch(_SHORT_ORG.get(place, place), province)
        if place is None and continues:
            place = last_place  # the sentence, or a breakdown of the one before, goes on
        if place is None and not context.get("official"):
            doc_place = context.get("place")
            place = doc_place if doc_place and doc_place != "Việt Nam" else None
        stat["place"] = place
        if explicit or paragraph != last_paragraph:
            last_place = place if explicit else None
        elif place is None and _GENERIC_OWNER.search(text, s_left, stat["start"]):
            last_place = None  # "Cơ quan hành chính nhà nước các cấp đã tiếp ...": no owner
        last_paragraph, last_sentence = paragraph, s_left
    return statistics
