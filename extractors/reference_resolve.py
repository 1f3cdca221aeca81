"""Resolve mentions to documents and fill their fields (the eyecite "resolve" step).

Every mention of one document merges into one `Reference`: spellings of the same id
("05- CT/TW", "05-CT/TW"), a named mention followed by "(số 11-NQ/TW)", a bare number
("Chỉ thị 20" -> "20/CT-TTg"), a deictic short form ("Chỉ thị này" -> the last chỉ thị).
A date, issuer, term or title stated at any mention fills the merged entry. Named mentions
merge too ("Hiến pháp" after "Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam"), and an
unnumbered document gets `resolved` when the same text or the title registry tells its number.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from vnpolicy.extractors.dates import find_dates
from vnpolicy.extractors.document_ids import (
    congress_key,
    document_id_key,
    document_name_key,
    plenum_number,
    split_edition,
)
from vnpolicy.extractors.reference_find import (
    AMENDING_LAW,
    LIST_GAP,
    DeicticMention,
    FullMention,
    Mentions,
    NamedMention,
    NumberOnlyMention,
    ReferenceMention,
    coordinated_plenums,
    without_pinpoint,
)
from vnpolicy.extractors.reference_patterns import ID_RE, issuer_code_from_symbol, symbol_tokens
from vnpolicy.extractors.reference_registry import TitleIndex, default_index


@dataclass
class Reference:
    """One cited document with all its mentions, in order of first mention."""

    key: str
    doc_type: str | None
    id: str | None = None
    number: str | None = None
    symbol: str | None = None
    name: str | None = None
    date: str | None = None
    issuer: str | None = None
    issuer_code: str | None = None
    term: str | None = None
    plenum: str | None = None
    title: str | None = None
    # The numbered document an unnumbered one is known to be: {"id", "date", "by": "text" |
    # "registry"}, from a numbered mention in the same text or from the title registry.
    resolved: dict[str, str | None] | None = None
    mentions: list[ReferenceMention] = field(default_factory=list)


name_key = document_name_key


# --- fields read around a mention ----------------------------------------------------------

_BEFORE_DATE = re.compile(
    r"\s*[,(]?\s*(?:(?:được\s+)?(?:ký\s+)?(?:ban\s+hành|thông\s+qua)\s+|ký\s+)?", re.IGNORECASE
)
# "của Bộ Chính trị", "do UBND tỉnh ban hành", "được Ban Chấp hành Trung ương ban hành".
_ISSUER_LEAD = re.compile(r"\s*,?\s*(?:của|do|được)\s+(?=[A-ZĐÂƯỦ])")
# An issuer ends where the sentence goes on: a preposition, a verb, a clause of purpose or
# consequence ("để", "nên"), the signer ("do Phó Thủ tướng ... ký"; "Tự do" is a name's).
_ISSUER_STOPS = re.compile(
    r"\s(?:về|quy định|ban hành|hướng dẫn|phê duyệt|sửa đổi|thực hiện|đã|thì|là|và|để|nhằm|"
    r"với|theo|trong|đến|có|được|cho|gồm|tại|ngày|năm|số|một số|thông qua|công bố|đối với|"
    r"ký|nên|mà|khi|nếu|vì|bởi|sẽ|đang|vừa|cũng|vẫn|đều|yêu cầu|nêu|nhấn mạnh|khẳng định|"
    r"chỉ rõ)(?![\w])"
    r"|(?<![Tt]ự)\sdo(?![\w])"
    r"|[,;:(\n.\"“”]"
)
_TITLED_BY_NAME = frozenset({"luật", "bộ luật", "pháp lệnh", "hiến pháp"})
_TITLE_LEAD = re.compile(r"\s*,?\s*(?:về|quy định|hướng dẫn|ban hành)\s+")
# A title ends at a clause break, or at a comma before a capitalised word that starts the
# main clause ("về thi hành Điều lệ Đảng, Ban Thường vụ Tỉnh ủy yêu cầu ...").
_TITLE_END = re.compile(r"[;\n()]|\.\s|\.$|”(?=\s*[,;.)])|,\s+(?=[A-ZĐ])")
# Where a title runs on into the sentence: a clause of consequence or condition ("nên",
# "thì"), the signer ("do Phó Thủ tướng Vũ Đức Đam ký"), a second verb phrase ("đã", "là",
# "yêu cầu", "có hiệu lực"); "để"/"nhằm" are handled by `_purpose_starts_clause`.
_TITLE_RUN_ON = re.compile(
    r",?\s(?:(?<!trở\s)nên|thì|đã|đang|sẽ|vẫn|cũng|đều|vừa|là|yêu cầu|nêu rõ|chỉ rõ|"
    r"nhấn mạnh|khẳng định|quy định rõ|có hiệu lực|được ban hành|được ký|trong đó)(?![\w])"
    r"|,?\s(?:để|nhằm)(?=\s)"
    r"|,?\sdo\s+(?:đồng chí\s+|ông\s+|bà\s+)?[A-ZĐ][^,;.\n]{0,80}?\s(?:ký|ban hành)(?![\w])"
)
# The signer after the issuer: "do Phó Thủ tướng Vũ Đức Đam ký" (the date follows "ký").
_SIGNER = re.compile(r"\s*,?\s*do\s+(?:đồng chí\s+|ông\s+|bà\s+)?[A-ZĐ][^,;.\n]{0,80}?\ský(?![\w])")
# "giải pháp nhằm ...", "biện pháp để ...": a purpose after a noun of means belongs to it.
_MEANS_NOUNS = re.compile(
    r"(?:giải pháp|biện pháp|cơ chế|chính sách|điều kiện|nhiệm vụ|chương trình|kế hoạch|"
    r"hành động|nguồn lực|phương án|định hướng|chủ trương|kinh phí|vốn|quỹ)$"
)
_QUOTED = re.compile(r"“([^”]{3,300})”")
_TERM_IN_PARENS = re.compile(r"\s*\(\s*khóa\s+([IVXLC]+|\d{1,2})\s*\)")
_TERM = re.compile(r"khóa\s+([IVXLC]+|\d{1,2})(?![\w])")
# "của Hội nghị lần thứ 5, BCH Trung ương khóa XIII": the plenum, then the body that held it.
_PLENUM_LEAD = re.compile(
    r"\s*,?\s*của\s+(?P<plenum>Hội nghị\s+(?:lần\s+thứ\s+\w+|Trung ương\s+\w+))"
    r"(?:\s+(?:Ban Chấp hành|BCH)\s+Trung ương[^,;.\n]*?khóa\s+[IVXLC]+)?\s*,\s*(?=[A-ZĐ])"
)
_DATE_BEFORE_TAIL = re.compile(
    r"^[\s,]*[^;.\n]{0,120}?(?<![\w])(?:ra|ban\s+hành|ký|thông\s+qua|công\s+bố)\s*$",
    re.IGNORECASE,
)


def _date_after(text: str, pos: int) -> tuple[str | None, int]:
    lead = _BEFORE_DATE.match(text, pos)
    at = lead.end() if lead else pos
    window = text[at : at + 40]
    if not re.match(r"(?:[Nn]gày\s+)?\d", window):
        return None, pos
    dates = find_dates(window)
    if dates and dates[0][0] == 0:
        return dates[0][2], at + dates[0][1]
    return None, pos


def _date_before(text: str, start: int) -> str | None:
    lo = max(0, start - 220)
    window = text[lo:start]
    dates = find_dates(window)
    if not dates:
        return None
    ds, de, iso = dates[-1]
    if ID_RE.search(window[max(0, ds - 40) :]):
        return None  # the date of another document cited in between or just before
    return iso if _DATE_BEFORE_TAIL.match(window[de:]) else None


def _plenum_after(text: str, pos: int) -> tuple[str | None, int]:
    """The plenum named before the issuer ("của Hội nghị lần thứ 5, BCH Trung ương"), and
    where the issuer then starts (as if written "của BCH Trung ương")."""
    m = _PLENUM_LEAD.match(text, pos)
    if not m:
        return None, pos
    return m.group("plenum"), m.end()


def _issuer_after(text: str, pos: int) -> tuple[str | None, int]:
    plenum, after = _plenum_after(text, pos)
    if plenum:
        stop = _ISSUER_STOPS.search(text, after, after + 160)
        end = stop.start() if stop else min(len(text), after + 160)
        issuer = text[after:end].strip()
        return (issuer, end) if issuer and len(issuer.split()) <= 16 else (None, pos)
    lead = _ISSUER_LEAD.match(text, pos)
    if not lead:
        return None, pos
    stop = _ISSUER_STOPS.search(text, lead.end(), lead.end() + 160)
    end = stop.start() if stop else min(len(text), lead.end() + 160)
    issuer = text[lead.end() : end].strip()
    if not issuer or len(issuer.split()) > 16:
        return None, pos
    return issuer, end


def _title_after(text: str, pos: int) -> str | None:
    lead = _TITLE_LEAD.match(text, pos)
    if not lead:
        return None
    stop = _TITLE_END.search(text, lead.end(), lead.end() + 400)
    end = stop.start() if stop else min(len(text), lead.end() + 400)
    if stop and stop.group(0) == "”":
        end += 1
    if "“" not in text[lead.end() : lead.end() + 30]:
        end = _run_on_end(text, lead.end(), end)
    title = text[lead.end() : end].strip(" ,")
    quoted = _QUOTED.search(title)
    if quoted and quoted.start() < 30:
        return quoted.group(1).strip()
    return re.sub(r"\s+", " ", title) or None


def _run_on_end(text: str, start: int, end: int) -> int:
    """Where a title between `start` and `end` stops running on into the sentence: "về chuyển
    DN 100% vốn nhà nước thành công ty cổ phần để các đơn vị thực hiện" ends before "để"."""
    for stop in _TITLE_RUN_ON.finditer(text, start, end):
        if stop.start() - start < 6:
            continue  # "về đề án để ...": the title cannot be empty
        word = stop.group(0).lstrip(", \t\n")
        if word in ("để", "nhằm") and not stop.group(0).startswith(","):
            if _MEANS_NOUNS.search(text[max(start, stop.start() - 20) : stop.start()]):
                continue
        return stop.start()
    return end


def _fill(ref: Reference, text: str, mention: ReferenceMention) -> None:
    """Read date, issuer, term and title stated at one mention into `ref` (first one wins)."""
    date, pos = _date_after(text, mention.end)
    issuer, pos2 = _issuer_after(text, pos)
    term_paren = _TERM_IN_PARENS.match(text, pos2) if issuer else None
    if term_paren:  # "của Bộ Chính trị (khóa XII) ngày 15/5/2016"
        issuer, pos2 = f"{issuer} khóa {term_paren.group(1)}", term_paren.end()
    signer = _SIGNER.match(text, pos2) if issuer else None
    if signer:  # "của Thủ tướng Chính phủ do Phó Thủ tướng Vũ Đức Đam ký ngày ..."
        pos2 = signer.end()
    if issuer is None and date is None:
        date2, pos3 = None, pos2
    else:
        date2, pos3 = _date_after(text, pos2)
    # A law, code, ordinance or constitution cited by name states its title in the name:
    # "Bộ luật Lao động năm 2019 quy định tuổi nghỉ hưu ..." goes on with the sentence's verb.
    named_law = getattr(mention, "name", None) and mention.doc_type in _TITLED_BY_NAME
    title = None if named_law else _title_after(text, pos3 if date2 else pos2)
    date = date or date2 or _date_before(text, mention.start)
    ref.date = ref.date or date
    if issuer:
        issuer = re.sub(r"\s+", " ", issuer)
        # The fullest form stated wins: "Ban Chấp hành Trung ương Đảng khóa XIII" over "BCH
        # Trung ương" at another mention of the same document.
        if not ref.issuer or len(issuer.split()) > len(ref.issuer.split()):
            ref.issuer = issuer
    plenum, _ = _plenum_after(text, pos)
    if plenum and not ref.plenum:
        ref.plenum = plenum
    term = _TERM.search(issuer) if issuer else None
    if term and not ref.term:
        ref.term = f"khóa {term.group(1)}"
    if title and not ref.title:
        ref.title = title


# --- resolution ------------------------------------------------------------------------------


def resolve_mentions(
    text: str, found: Mentions, registry: TitleIndex | None = None
) -> list[Reference]:
    """Merge the mentions of each document, fill its fields from every mention, and tell
    which numbered document an unnumbered one is (`resolved`, from the same text or from
    `registry`, the package's title registry by default)."""
    refs: dict[str, Reference] = {}
    order: list[str] = []

    def add(key: str, make) -> Reference:
        if key not in refs:
            refs[key] = make()
            order.append(key)
        return refs[key]

    full_index = _SpanIndex([(m.start, m.end) for m in found.full])
    named = _non_overlapping(
        [
            without_pinpoint(text, n)
            for n in found.named
            if not full_index.overlaps(n.start, n.end)
            and not _is_attached_title(text, n, found.full, full_index)
        ],
        text,
    )
    named = coordinated_plenums(text, named)
    named_ends = [n.end for n in named]
    consumed: set[int] = set()
    by_name: dict[str, Reference] = {}
    laws_by_word: dict[str, list[Reference]] = {}

    for m in found.full:
        key = document_id_key(m.id)
        ref = add(
            key,
            lambda m=m, key=key: Reference(
                key=key,
                doc_type=m.doc_type,
                id=m.id,
                number=m.number,
                symbol=m.symbol,
                issuer_code=issuer_code_from_symbol(symbol_tokens(m.symbol), m.party_form),
            ),
        )
        if ref.doc_type is None:
            ref.doc_type = m.doc_type
        if m.in_parens:
            i = bisect.bisect_right(named_ends, m.start) - 1
            if i >= 0 and i not in consumed and m.start - named[i].end <= 300:
                consumed.add(i)
                host = named[i]
                ref.mentions.append(host)
                ref.name = ref.name or host.name
                _fill(ref, text, host)
        ref.mentions.append(m)
        if m.name and not ref.name:
            ref.name = m.name
        _fill(ref, text, m)
        if ref.name and name_key(ref.name) not in by_name:
            by_name[name_key(ref.name)] = ref
            laws_by_word.setdefault(_first_word(ref.name), []).append(ref)

    inner = _inside_other_names(named)
    for i, n in enumerate(named):
        if i in consumed:
            continue
        key = name_key(n.name)
        host = by_name.get(key) or _similar_name(laws_by_word, n)
        if host is not None and _other_subject(text, n, host):
            # "Nghị quyết Trung ương 5 khóa XII về A ... Nghị quyết Trung ương 5 khóa XII về
            # B": one plenum, two resolutions
            key = f"{key} về {name_key(_subject_at(text, n) or '')}"
            host = by_name.get(key)
        if host is None:
            host = add(
                "name:" + key,
                lambda n=n, key=key: Reference(key="name:" + key, doc_type=n.doc_type, name=n.name),
            )
            by_name[key] = host
        host.mentions.append(n)
        if i not in inner:  # what follows a law inside an amending law's title is the title's
            _fill(host, text, n)
        term = _TERM.search(n.name) if not host.term else None
        if term:  # "Nghị quyết Trung ương 4 khóa XII" states its term
            host.term = f"khóa {term.group(1)}"

    by_number: dict[tuple[str | None, str], list[Reference]] = {}
    for k in order:
        if refs[k].id:
            by_number.setdefault((refs[k].doc_type, (refs[k].number or "").lstrip("0")), []).append(
                refs[k]
            )
    for s in found.number_only:
        if full_index.overlaps(s.start, s.end):
            continue
        host = _by_number(by_number, s)
        if host is None:
            key = "name:" + name_key(s.name)
            host = add(
                key, lambda s=s, key=key: Reference(key=key, doc_type=s.doc_type, name=s.name)
            )
        host.mentions.append(s)
        _fill(host, text, s)

    _share_list_dates(text, found.full, refs)
    order = _merge_editions_and_congresses(refs, order)
    order = _merge_subject_into_titled(refs, order)
    _attach_deictic(found.deictic, [refs[k] for k in order], full_index)
    for ref in refs.values():
        ref.mentions.sort(key=lambda x: x.start)
    _resolve_named(
        [refs[k] for k in order], found.full, default_index() if registry is None else registry
    )
    return sorted((refs[k] for k in order), key=lambda r: r.mentions[0].start)


def _inside_other_names(named: list[NamedMention]) -> set[int]:
    """Indexes of the named mentions that lie inside a longer one: "Luật Viên chức" in "Luật
    sửa đổi, bổ sung một số điều của Luật Cán bộ, công chức và Luật Viên chức"."""
    inside: set[int] = set()
    furthest: tuple[int, int] | None = None  # the span reaching furthest among those before
    for i in sorted(range(len(named)), key=lambda k: (named[k].start, -named[k].end)):
        span = (named[i].start, named[i].end)
        if furthest is not None and furthest[1] >= span[1] and furthest != span:
            inside.add(i)
        elif furthest is None or span[1] > furthest[1]:
            furthest = span
    return inside


def _share_list_dates(text: str, full: list[FullMention], refs: dict[str, Reference]) -> None:
    """One date after a list of numbers under one type dates them all: "các Nghị quyết số
    15-NQ/TU, 16-NQ/TU và 17-NQ/TU ngày 20 tháng 5 năm 2024". A number whose year differs
    from the date's ("30/2020/NĐ-CP, 45/2022/NĐ-CP ngày ... 2022") keeps none."""
    group: list[FullMention] = []
    for m in [*full, None]:
        if m is not None and group and LIST_GAP.fullmatch(text[group[-1].end : m.start]):
            group.append(m)
            continue
        if len(group) > 1:
            date, _ = _date_after(text, group[-1].end)
            if date is not None:
                for g in group[:-1]:
                    ref = refs.get(document_id_key(g.id))
                    if ref is not None and ref.date is None and (g.year or date[:4]) == date[:4]:
                        ref.date = date
        group = [m] if m is not None else []


class _SpanIndex:
    """Sorted, non-overlapping spans (the full mentions) for overlap and nearest look-ups."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, end) - 1
        return any(self.spans[k][1] > start for k in range(max(0, i - 1), i + 1) if k >= 0)

    def last_before(self, pos: int) -> tuple[int, int] | None:
        i = bisect.bisect_right(self.starts, pos) - 1
        while i >= 0 and self.spans[i][1] > pos:
            i -= 1
        return self.spans[i] if i >= 0 else None


def _subject_at(text: str, n: NamedMention) -> str | None:
    """The subject stated right after a named mention ("... khóa XII về A" -> "A")."""
    probe = Reference(key="", doc_type=n.doc_type)
    _fill(probe, text, n)
    return probe.title


def _other_subject(text: str, n: NamedMention, host: Reference) -> bool:
    """Whether a plenum resolution named like `host` is given another subject than it."""
    ck = congress_key(n.name)
    if not host.title or not ck or not ck.startswith("plenum:"):
        return False
    subject = _subject_at(text, n)
    if not subject:
        return False
    a, b = _tokens(subject), _tokens(host.title)
    return not (a <= b or b <= a)


def _merge_into(host: Reference, other: Reference) -> None:
    host.mentions.extend(other.mentions)
    host.date = host.date or other.date
    host.issuer = host.issuer or other.issuer
    host.term = host.term or other.term
    host.plenum = host.plenum or other.plenum
    host.title = host.title or other.title


def _edition_base(name: str) -> str | None:
    """The title a qualified name names an edition of ("Hiến pháp năm 1992", "Hiến pháp nước
    Cộng hòa xã hội chủ nghĩa Việt Nam" -> "hiến pháp"); None for a bare name."""
    base, year = split_edition(name)
    key = name_key(base)
    return key if year or key != name_key(name) else None


def _subject(ref: Reference) -> str:
    """The subject a named document is given: after "về" in its name, or its title read
    after the mention ("" when none)."""
    name = ref.name or ""
    if " về " in name:
        return name_key(name.split(" về ", 1)[1])
    return name_key(ref.title) if ref.title else ""


def _plenum_candidates(refs: dict[str, Reference], order: list[str], key: str) -> list[str]:
    """The plenum resolutions a name without a term ("Nghị quyết Trung ương 4") may be: those
    of the same plenum number with a term, whose subject does not differ from its own."""
    ref = refs[key]
    if not ref.name or any(w in ref.name for w in ("Đảng bộ", "Đoàn", "tỉnh")):
        return []
    number = plenum_number(ref.name)
    if number is None:
        return []
    mine = _subject(ref)
    out = []
    for k in order:
        other = refs[k]
        if k == key or not other.name or other.doc_type != ref.doc_type:
            continue
        ck = congress_key(other.name)
        theirs = _subject(other)
        if ck and ck.startswith(f"plenum:{number}:") and not (mine and theirs and mine != theirs):
            out.append(k)
    return out


def _merge_editions_and_congresses(refs: dict[str, Reference], order: list[str]) -> list[str]:
    """Second pass over named documents: a bare "Hiến pháp" joins the one qualified edition
    the text names ("Hiến pháp năm 1992", "Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt
    Nam"); two names of one congress or plenum resolution join, and a plenum named without
    its term ("Nghị quyết Trung ương 4") joins the one plenum of that number the text names
    with a term. A named plenum with a subject joins a numbered one only, as one plenum
    issues several resolutions. Returns the order without the merged keys."""
    editions: dict[tuple[str | None, str], set[str]] = {}
    congresses: dict[str, list[str]] = {}
    for k in order:
        r = refs[k]
        base = _edition_base(r.name) if r.name else None
        if base:
            words = base.split()
            for j in range(1, len(words) + 1):
                editions.setdefault((r.doc_type, " ".join(words[:j])), set()).add(k)
        ck = congress_key(r.name) if r.name else None
        if ck:
            congresses.setdefault(ck, []).append(k)
    position = {k: i for i, k in enumerate(order)}
    removed: set[str] = set()
    for key in order:
        ref = refs[key]
        if ref.id or not ref.name:
            continue
        host = None
        if _edition_base(ref.name) is None:
            dated = editions.get((ref.doc_type, name_key(ref.name)), set()) - {key} - removed
            if len(dated) == 1:
                host = refs[next(iter(dated))]
        ck = congress_key(ref.name)
        if host is None and ck:
            same = [k for k in congresses.get(ck, []) if k != key and k not in removed]
            if ck.startswith("plenum:"):
                numbered = [k for k in same if refs[k].id]
                # two spellings of one plenum's name, neither with a subject: the later joins
                same = numbered or [
                    k
                    for k in same
                    if position[k] < position[key] and not _subject(refs[k]) and not _subject(ref)
                ]
            if len(same) == 1:
                host = refs[same[0]]
        elif host is None:
            same = [k for k in _plenum_candidates(refs, order, key) if k not in removed]
            numbered = [k for k in same if refs[k].id]
            # one plenum (one term) named, perhaps in two spellings: the numbered one first
            if len({congress_key(refs[k].name or "") for k in same}) == 1 and len(numbered) <= 1:
                host = refs[(numbered or same)[0]]
        if host is not None and host is not ref:
            _merge_into(host, ref)
            removed.add(key)
    for key in removed:
        del refs[key]
    return [k for k in order if k not in removed]


_SUBJECT_AFTER_VE = re.compile(r"^\S+(?:\s+\S+)?\s+về\s+(?P<subject>.+)$")


def _merge_subject_into_titled(refs: dict[str, Reference], order: list[str]) -> list[str]:
    """An unnumbered "Kết luận về tiếp tục sắp xếp tổ chức bộ máy" (a headline) is the one
    numbered document of its type whose title holds every word of that subject ("Kết luận số
    74-KL/TW ... về tiếp tục thực hiện ..., sắp xếp tổ chức bộ máy ..."). Returns the order
    without the merged keys."""
    removed: set[str] = set()
    for key in order:
        ref = refs[key]
        if ref.id or not ref.name or not ref.doc_type:
            continue
        m = _SUBJECT_AFTER_VE.match(ref.name)
        if not m or name_key(ref.name.split(" về ")[0]) != name_key(ref.doc_type):
            continue  # only "TYPE về SUBJECT", not "Nghị quyết Đại hội ... về ..."
        words = _tokens(m.group("subject"))
        if len(words) < 3:
            continue
        hosts = [
            refs[k]
            for k in order
            if k not in removed
            and refs[k].id
            and refs[k].doc_type == ref.doc_type
            and refs[k].title
            and words <= _tokens(refs[k].title)
        ]
        if len(hosts) == 1:
            _merge_into(hosts[0], ref)
            removed.add(key)
    for key in removed:
        del refs[key]
    return [k for k in order if k not in removed]


def _non_overlapping(named: list[NamedMention], text: str) -> list[NamedMention]:
    """Longest first among overlapping named mentions; a document named inside another's
    name after "thực hiện" ("Chương trình hành động ... thực hiện Nghị quyết ...") stays."""
    kept: list[NamedMention] = []
    cluster: list[NamedMention] = []
    cluster_end = -1
    for n in sorted(named, key=lambda x: (x.start, -x.end)) + [None]:
        if n is not None and n.start < cluster_end:
            cluster.append(n)
            cluster_end = max(cluster_end, n.end)
            continue
        chosen: list[NamedMention] = []
        for c in sorted(cluster, key=lambda x: (-(x.end - x.start), x.start)):
            nested = _NESTED_AFTER.search(text, max(0, c.start - 12), c.start) or (
                _AND_BEFORE.search(text, max(0, c.start - 5), c.start)
                and any(AMENDING_LAW.match(k.name) and k.start < c.start < k.end for k in chosen)
            )
            if nested or not any(c.start < k.end and k.start < c.end for k in chosen):
                chosen.append(c)
        kept.extend(chosen)
        if n is not None:
            cluster, cluster_end = [n], n.end
    return sorted(kept, key=lambda x: x.start)


_NESTED_AFTER = re.compile(r"(?:thực hiện|triển khai|điều của|Điều \d+\w* của)\s+$")
# "Luật sửa đổi, bổ sung một số điều của Luật Cán bộ, công chức và Luật Viên chức", "... của
# Luật Đầu tư công, Luật Đầu tư và Luật Đấu thầu": each law an amending law names is cited too.
_AND_BEFORE = re.compile(r"(?:\svà|,)\s+$")


_ISSUED_WITH = re.compile(r"\s*,?\s*(?:được\s+)?ban hành kèm theo")


def _is_attached_title(
    text: str, n: NamedMention, full: list[FullMention], index: _SpanIndex
) -> bool:
    """The named document is the subject of a numbered one ("Quyết định số 399-QĐ/TU ...
    ban hành Đề án “...”") or issued with it ("Quy chế ..., ban hành kèm theo Quyết định")."""
    if _ISSUED_WITH.match(text, n.end):
        return True
    if re.search(r"(?<![\w])về\s+$", text[max(0, n.start - 6) : n.start]):
        # "Nghị quyết số 36-NQ/TW ngày 22/10/2018 của Ban Chấp hành Trung ương về Chiến lược
        # ...": the strategy is the resolution's own title
        before = index.last_before(n.start)
        return before is not None and _only_date_and_issuer(text[before[1] : n.start])
    if not re.search(r"ban hành\s+$", text[max(0, n.start - 12) : n.start]):
        return False
    before = index.last_before(n.start)
    if before is None or n.start - before[1] > 150:
        return False
    return not re.search(r"[;\n]|\.\s|(?<![\w])đã(?![\w])", text[before[1] : n.start])


_DATE_ISSUER_GAP = re.compile(
    r"\s*,?\s*(?:\(?\s*(?:ngày\s+)?\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{4}\s*\)?"
    r"|(?:ngày\s+)?\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})?"
    r"\s*,?\s*(?:(?:của|do)\s+[^,;.()\n]{2,80}?)?\s*,?\s*về\s+$"
)


def _only_date_and_issuer(gap: str) -> bool:
    """Is `gap` (between a numbered mention and a named one) only a date, an issuer and
    "về": "ngày 22/10/2018 của Ban Chấp hành Trung ương Đảng khóa XII về "?"""
    return len(gap) <= 160 and _DATE_ISSUER_GAP.fullmatch(gap) is not None


@lru_cache(maxsize=4096)
def _tokens(name: str) -> frozenset[str]:
    return frozenset(name_key(name).split())


def _first_word(name: str) -> str:
    """First and last words of a title after its type, the key of near-identical spellings:
    "Luật Phòng, chống mua bán người" -> "phòng người"."""
    words = name_key(name).split()
    skip = 2 if words[:2] in (["bộ", "luật"], ["pháp", "lệnh"]) else 1
    return f"{words[skip]} {words[-1]}" if len(words) > skip else ""


def _similar_name(laws_by_word: dict[str, list[Reference]], n: NamedMention) -> Reference | None:
    """A numbered law whose name is spelled a little differently ("Luật Phòng chống, chống
    mua bán người" = "Luật Phòng, chống mua bán người")."""
    if n.doc_type not in ("luật", "bộ luật", "pháp lệnh"):
        return None
    a = _tokens(n.name)
    for ref in laws_by_word.get(_first_word(n.name), []):
        if not ref.id or not ref.name or ref.doc_type != n.doc_type:
            continue
        b = _tokens(ref.name)
        if any(t.isdigit() for t in a ^ b):
            continue
        if a and b and 2 * len(a & b) / (len(a) + len(b)) >= 0.85:
            return ref
    return None


def _by_number(
    by_number: dict[tuple[str | None, str], list[Reference]], s: NumberOnlyMention
) -> Reference | None:
    """The fully cited document a bare number points to, preferring an earlier one."""
    cands = by_number.get((s.doc_type, s.number.lstrip("0")), [])
    before = [r for r in cands if r.mentions[0].start < s.start]
    if before:
        return before[-1]
    return cands[0] if cands else None


def _attach_deictic(
    deictic: list[DeicticMention], refs: list[Reference], index: _SpanIndex
) -> None:
    """ "Chỉ thị này" joins the document of that type mentioned last before it, if any."""
    mentions = sorted((m.start, i) for i, r in enumerate(refs) for m in r.mentions)
    last_of_type: dict[str | None, Reference] = {}
    j = 0
    for d in sorted(deictic, key=lambda x: x.start):
        while j < len(mentions) and mentions[j][0] < d.start:
            ref = refs[mentions[j][1]]
            last_of_type[ref.doc_type] = ref
            j += 1
        if index.overlaps(d.start, d.end):
            continue
        host = last_of_type.get(d.doc_type)
        if host is not None:
            host.mentions.append(d)


# --- resolved: the numbered document an unnumbered one is ------------------------------------


def _year_of(ref: Reference, full: dict[str, FullMention]) -> str | None:
    """The year a numbered document was issued: from its number ("45/2013/QH13") or date."""
    mention = full.get(ref.key)
    return (mention.year if mention else None) or (ref.date[:4] if ref.date else None)


def _resolve_named(refs: list[Reference], full: list[FullMention], registry: TitleIndex) -> None:
    """Set `resolved` on each unnumbered reference whose document is known: a numbered
    reference of the text with the same title and a compatible edition ("Luật Đất đai số
    45/2013/QH13 ... Luật Đất đai năm 2013" -> by text), else the registry ("Luật Ngân hàng
    Nhà nước Việt Nam ngày 16 tháng 6 năm 2010" -> 46/2010/QH12). Several fits resolve
    nothing."""
    first_full = {}
    for m in full:
        first_full.setdefault(document_id_key(m.id), m)
    numbered: dict[tuple[str | None, str], list[Reference]] = {}
    for ref in refs:
        if ref.id and ref.name:
            base = name_key(split_edition(ref.name)[0])
            numbered.setdefault((ref.doc_type, base), []).append(ref)
    for ref in refs:
        if ref.id or not ref.name:
            continue
        base, year = split_edition(ref.name)
        fits = [
            r
            for r in numbered.get((ref.doc_type, name_key(base)), [])
            if (not year or _year_of(r, first_full) == year)
            and (not ref.date or not r.date or r.date == ref.date)
        ]
        if len(fits) == 1:
            ref.resolved = {"id": fits[0].id, "date": fits[0].date, "by": "text"}
        elif not fits:
            ref.resolved = registry.resolve(ref.name, ref.doc_type, ref.date, ref.title)
