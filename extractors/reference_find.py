"""Find candidate mentions of official documents, in document order (the eyecite "find" step).

Four kinds, each a dataclass: a full mention with number and symbol ("Nghị quyết số
21-NQ/TW"), a named document ("Luật Đất đai", "Nghị quyết Trung ương 4 khóa XII"), a number
without its symbol ("Chỉ thị 05") and a deictic short form ("Chỉ thị này"). Resolution is a
separate step (`reference_resolve`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from vnpolicy.extractors.reference_patterns import (
    ID_RE,
    TYPE_WORD_RE,
    TYPE_WORD_TO_TYPE,
    TYPE_WORDS_ALT,
    canonical_id,
    doc_type_from_symbol,
    looks_like_codes,
    symbol_is_document,
    symbol_tokens,
)
from vnpolicy.extractors.reference_types import NON_DOCUMENT_HEADS


@dataclass
class ReferenceMention:
    """A span of `at.text` that mentions one document."""

    start: int
    end: int
    doc_type: str | None


@dataclass
class FullMention(ReferenceMention):
    """Number and symbol: "Chỉ thị số 05-CT/TU" -> id "05-CT/TU"."""

    id: str = ""
    number: str = ""
    year: str | None = None
    symbol: str = ""
    party_form: bool = False
    id_start: int = 0
    name: str | None = None  # "Luật Đất đai" in "Luật Đất đai số 31/2024/QH15"
    in_parens: bool = False  # "(số 11-NQ/TW)" after a named mention


@dataclass
class NamedMention(ReferenceMention):
    """A document by its conventional name: "Nghị quyết Trung ương 4 khóa XII"."""

    name: str = ""


@dataclass
class NumberOnlyMention(ReferenceMention):
    """A number written without its symbol: "Chỉ thị 05", "Kết luận số 24"."""

    number: str = ""
    name: str = ""


@dataclass
class DeicticMention(ReferenceMention):
    """A short form pointing back: "Chỉ thị này", "Nghị quyết trên"."""

    words: str = ""


@dataclass
class Mentions:
    """Everything the find step returns, each list in document order."""

    full: list[FullMention] = field(default_factory=list)
    named: list[NamedMention] = field(default_factory=list)
    number_only: list[NumberOnlyMention] = field(default_factory=list)
    deictic: list[DeicticMention] = field(default_factory=list)


# --- full mentions -------------------------------------------------------------------------

_CLAUSE_BREAK = re.compile(r"[;\n|]|\.\s")
LIST_GAP = re.compile(r"\s*(?:,|;|và|hoặc|,\s*và)\s*(?:(?:[Ss]ố|SỐ)\s*:?\s*)?", re.IGNORECASE)
_SO_TAIL = re.compile(r"(?:^|\s)(?:số|SỐ|Số)\s*:?\s*$")
# "(số 11-NQ/TW)" or "(Nghị quyết số 21-NQ/TW)" right after a named mention gives its number.
_OPEN_PAREN_SO = re.compile(r"\(\s*(?:(?:" + TYPE_WORDS_ALT + r")\s+)?(?:số\s*)?$", re.IGNORECASE)
_CLOSE_PAREN = re.compile(r"[^()\n;]{0,40}?\)")
_DIRECT = re.compile(r"\s*(?:(?:số|SỐ|Số)\s*:?\s*)?")


def _window_before(text: str, start: int, floor: int) -> tuple[int, str]:
    lo = max(floor, start - 160)
    window = text[lo:start]
    cut = 0
    for m in _CLAUSE_BREAK.finditer(window):
        cut = m.end()
    return lo + cut, window[cut:]


def _is_non_document(window_lower: str, type_end: int) -> bool:
    """A private paper, form or standard named after the last type word ("hợp đồng số")."""
    for head in NON_DOCUMENT_HEADS:
        pos = window_lower.rfind(head)
        if pos >= 0 and pos >= type_end and (pos == 0 or not window_lower[pos - 1].isalpha()):
            tail = window_lower[pos + len(head) :]
            if not tail[:1].isalpha():
                return True
    return False


def find_full_mentions(text: str) -> list[FullMention]:
    """Numbered mentions: "các Nghị định số 30/2020/NĐ-CP, 15/2021/NĐ-CP" gives two."""
    found: list[FullMention] = []
    prev_end = 0
    for m in ID_RE.finditer(text):
        sym = m.group("sym")
        tokens = symbol_tokens(sym)
        party_form = (
            m.group("year") is None
            and "-" in m.group("sep")
            and "/" in sym
            and "-" not in sym.split("/")[0].strip()
        )
        floor = prev_end if found else 0
        wstart, window = _window_before(text, m.start(), floor)
        lower = window.lower()
        type_match = None
        for tm in TYPE_WORD_RE.finditer(window):
            type_match = tm
        type_end = type_match.end() if type_match else 0
        if _is_non_document(lower, type_end):
            continue
        doc_type = None
        start = m.start()
        name = None
        direct = False
        if type_match is not None:
            between = window[type_match.end() :]
            direct = _DIRECT.fullmatch(between) is not None
            if direct or (_SO_TAIL.search(" " + between.strip()) and len(between) <= 110):
                word = type_match.group(0).lower()
                doc_type = TYPE_WORD_TO_TYPE.get(word)
                start = wstart + type_match.start()
                inner = _SO_TAIL.sub("", between).strip()
                if inner:
                    name = f"{type_match.group(0)} {inner}"
        # Codes not in the tables pass when a type word stands right before the number
        # ("Công văn số 123/STNMT-QLĐĐ"): any agency may issue a letter.
        if not symbol_is_document(tokens, party_form) and not (direct and looks_like_codes(tokens)):
            continue
        if doc_type is None and found:
            gap = text[found[-1].end : m.start()]
            if LIST_GAP.fullmatch(gap):
                doc_type = found[-1].doc_type
        if start == m.start():
            so = _SO_TAIL.search(window)
            if so:
                start = wstart + so.start() + (1 if window[so.start()].isspace() else 0)
        if doc_type is None:
            doc_type = doc_type_from_symbol(tokens)
        in_parens = bool(
            _OPEN_PAREN_SO.search(text[max(0, m.start() - 40) : m.start()])
            and (close := _CLOSE_PAREN.match(text, m.end())) is not None
            and not ID_RE.search(close.group(0))  # "(Nghị quyết 18-NQ/TW, 19-NQ/TW)": a list
        )
        number = m.group("num")
        year = m.group("year")
        mention = FullMention(
            start=start,
            end=m.end(),
            doc_type=doc_type,
            id=canonical_id(number, year, sym, party_form),
            number=number,
            year=year,
            symbol=re.sub(r"\s+", "", sym),
            party_form=party_form,
            id_start=m.start(),
            name=name,
            in_parens=in_parens,
        )
        found.append(mention)
        prev_end = m.end()
    return found


# --- named mentions: pinpoints and coordinated plenums -------------------------------------

# "Nghị quyết Trung ương 4 Điều 4": an article, clause or chapter cited inside the document is
# not part of its name.
#: An amending law's name: "Luật sửa đổi, bổ sung ...", "Bộ luật sửa đổi ...".
AMENDING_LAW = re.compile(r"(?:Bộ\s+luật|Luật|Pháp\s+lệnh)\s+sửa\s+đổi", re.IGNORECASE)
_PINPOINT = re.compile(r"\s+(?:Điều|Khoản|khoản|Mục|Chương|Phần|Điểm|điểm)\s+\d+\w*(?:\s.*)?$")


def without_pinpoint(text: str, mention: NamedMention) -> NamedMention:
    """The mention without a trailing pinpoint: "Nghị quyết Trung ương 4 Điều 4" ->
    "Nghị quyết Trung ương 4". The articles an amending law names are its title: "Luật sửa
    đổi, bổ sung Điều 126 của Luật Nhà ở" keeps them."""
    m = _PINPOINT.search(text, mention.start, mention.end)
    if not m or m.start() == mention.start or not _PINPOINT.search(mention.name):
        return mention
    if AMENDING_LAW.match(mention.name):
        return mention
    name = _PINPOINT.sub("", mention.name)
    return NamedMention(mention.start, m.start(), mention.doc_type, name=name)


_PLENUM_TYPES = ("nghị quyết", "kết luận", "chỉ thị")
_PLENUM_HEAD = re.compile(
    r"(?P<head>(?:Hội nghị\s+)?(?:(?:Ban Chấp hành|BCH)\s+)?(?:Trung ương|TW|TƯ)\s+)"
    r"(?P<n>\d{1,2})(?![\w])"
)
_AND = r"\s*(?:,\s*và|,|và)\s*"
_MORE_PLENUM = re.compile(
    _AND + r"(?P<head>(?:Hội nghị\s+)?(?:Trung ương|TW|TƯ)\s+)?(?P<n>\d{1,2})(?![\w]|[.,/]\d)"
)
_ROMAN_TERM = r"[IVXLC]+(?![\w])"
_TERMS = re.compile(
    rf"\s*(?P<open>\(\s*)?khóa\s+(?P<first>{_ROMAN_TERM})"
    rf"(?P<more>(?:{_AND}(?:khóa\s+)?{_ROMAN_TERM})*)(?(open)\s*\))"
)


def _plenum_list(text: str, pos: int) -> tuple[list[tuple[int, int, str]], list[str], int]:
    """The plenums listed from `pos` (each with its span), the terms after them, and the end:
    "Trung ương 4 và Trung ương 5 khóa XII" -> [4, 5], ["XII"]."""
    first = _PLENUM_HEAD.match(text, pos)
    if first is None:
        return [], [], pos
    plenums = [(first.start(), first.end(), first.group("n"))]
    end = first.end()
    pending: list[tuple[int, int, str]] = []
    while (more := _MORE_PLENUM.match(text, end)) is not None:
        item = (more.start("n") if not more.group("head") else more.start("head"), more.end())
        entry = (item[0], item[1], more.group("n"))
        if more.group("head"):
            plenums.extend(pending)
            plenums.append(entry)
            pending = []
        else:
            pending.append(entry)  # a bare number counts only when a term follows
        end = more.end()
    terms_match = _TERMS.match(text, end)
    if terms_match is None:
        end = plenums[-1][1]
        return plenums, [], end
    plenums.extend(pending)
    terms = [terms_match.group("first"), *re.findall(_ROMAN_TERM, terms_match.group("more"))]
    return plenums, terms, terms_match.end()


def coordinated_plenums(text: str, named: list[NamedMention]) -> list[NamedMention]:
    """Plenum resolutions named together become one mention each, sharing the term:
    "Nghị quyết Trung ương 4 và Trung ương 5 khóa XII" -> "Nghị quyết Trung ương 4 khóa XII",
    "Nghị quyết Trung ương 5 khóa XII"; "Nghị quyết Trung ương 4 (khóa XI, XII)" -> one for
    each term. Other mentions pass unchanged."""
    out: list[NamedMention] = []
    for n in named:
        heads = (
            list(_PLENUM_HEAD.finditer(text, n.start, n.end)) if n.doc_type in _PLENUM_TYPES else []
        )
        plenums, terms, end = _plenum_list(text, heads[0].start()) if heads else ([], [], 0)
        if len(plenums) < 2 and len(terms) < 2:
            out.append(n)
            continue
        lead = re.sub(r"\s+", " ", text[n.start : heads[0].start()]).strip()
        head = re.sub(r"\s+", " ", heads[0].group("head")).strip()
        for i, (start, stop, number) in enumerate(plenums):
            span_start = n.start if i == 0 else start
            span_end = max(stop, n.end) if len(plenums) == 1 else stop
            if i == len(plenums) - 1:
                span_end = end
            for term in terms or [None]:
                name = f"{lead} {head} {number}" + (f" khóa {term}" if term else "")
                out.append(NamedMention(span_start, span_end, n.doc_type, name=name))
    return out
