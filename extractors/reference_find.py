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
