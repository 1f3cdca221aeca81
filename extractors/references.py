"""References to official documents: find mentions, resolve them, return plain dicts.

    >>> from vnpolicy.nlp import analyze
    >>> out = extract_references(analyze("Thực hiện Chỉ thị số 05-CT/TU, ngày 07/5/2021 của "
    ...                                  "Ban Thường vụ Tỉnh ủy về đẩy mạnh công tác."))
    >>> out["references"][0]["id"], out["references"][0]["date"]
    ('05-CT/TU', '2021-05-07')

An official document's own number in its header ("Số: 30/2020/NĐ-CP" with "NGHỊ ĐỊNH" and
"Hà Nội, ngày 05 tháng 3 năm 2020") is returned as `self`, not as a reference.
"""

from __future__ import annotations

import re
from typing import Any

from vnpolicy.extractors.dates import find_dates
from vnpolicy.extractors.reference_find import (
    FullMention,
    Mentions,
    ReferenceMention,
    find_full_mentions,
)
from vnpolicy.extractors.reference_named import (
    find_deictic_mentions,
    find_named_mentions,
    find_number_only_mentions,
)
from vnpolicy.extractors.reference_patterns import (
    ID_RE,
    TYPE_WORD_TO_TYPE,
    doc_type_from_symbol,
    issuer_code_from_symbol,
    symbol_tokens,
)
from vnpolicy.extractors.reference_resolve import Reference, id_key, resolve_mentions
from vnpolicy.extractors.reference_types import HEADER_TYPE_WORDS, ISSUER_CODES, RELATION_PHRASES
from vnpolicy.nlp import AnalyzedText

# --- the document's own header ---------------------------------------------------------------

# "Số: 30/2020/NĐ-CP", "Luật số: 109/2025/QH15", "ÁN LỆ SỐ 43/2021/AL", and a court
# paper's "Bản án số: 12/2019/DS-PT" (Nghị quyết 01/2017/NQ-HĐTP, mẫu bản án).
_SELF_NUMBER = re.compile(
    r"(?:(?<=\n)|(?<=^)|(?<=\|)|(?<=_)|(?<=\s\s))[ \t#*]*"
    r"(?:(?P<typed>[A-ZĐÁẠÀẢÃÂẤẦẨẪẬĂẮẰẲẴẶÉÈẺẼẸÊẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢÚÙỦŨỤƯỨỪỬỮỰÝỲỶỸỴ"
    r" ]{2,25}?)\s+SỐ|(?:Luật\s+)?[Ss]ố"
    r"|(?P<titled>"
    + "|".join(re.escape(w[0].upper() + w[1:]) for w in HEADER_TYPE_WORDS)
    + r")\s+số(?=\s*:))\s*:?\s*(?=\d)",
)
_HEADER_TYPE_LINE = re.compile(
    r"(?:^|\n)[ \t#*]*(?P<type>"
    + "|".join(re.escape(w.upper()) for w in HEADER_TYPE_WORDS)
    + r")[ \t*]*(?:\n|$)"
)
# The national motto of every State and court header (Nghị định 30/2020/NĐ-CP, Phụ lục I).
_MOTTO = re.compile(r"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập\s*-\s*Tự do\s*-\s*Hạnh phúc")
_PASSED_ON = re.compile(r"thông qua\s+(?:vào\s+)?ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}")
_PLACE_DATE = re.compile(r"[A-ZĐ][\w .]{1,30},\s*ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}")


def find_self(text: str) -> dict[str, Any] | None:
    """The header of an official document: its own type, number, date, issuer and title."""
    for m in _SELF_NUMBER.finditer(text):
        idm = ID_RE.match(text, m.end())
        if not idm:
            continue
        near = text[max(0, m.start() - 400) : idm.end() + 400]
        typed = m.group("typed") or m.group("titled")
        if m.group("titled") and not _MOTTO.search(near):
            continue  # "Nghị quyết số: 21-NQ/TW" in running text is a citation
        if not typed and not _PLACE_DATE.search(near) and not _HEADER_TYPE_LINE.search(near):
            continue
        if typed and m.start() > 300:
            continue
        tokens = symbol_tokens(idm.group("sym"))
        if tokens and tokens[-1].startswith("AL") and tokens[-1][2:].isdigit():
            tokens[-1] = "AL"  # "43/2021/AL1": the 1 is a footnote marker
        sym = (
            "-".join(tokens)
            if "/" not in idm.group("sym")
            else re.sub(r"\s+", "", idm.group("sym"))
        )
        if tokens == ["AL"]:
            sym = "AL"
        year = idm.group("year")
        party = year is None and "-" in idm.group("sep")
        ident = (
            f"{idm.group('num')}-{sym}"
            if party
            else f"{idm.group('num')}/{year}/{sym}"
            if year
            else f"{idm.group('num')}/{sym}"
        )
        doc_type = None
        title = None
        if typed:
            doc_type = TYPE_WORD_TO_TYPE.get(typed.strip().lower())
        header = _HEADER_TYPE_LINE.search(text, max(0, m.start() - 200), m.end() + 1500)
        if header is None:
            header = _HEADER_TYPE_LINE.search(text, 0, 3000)
        if header is not None:
            doc_type = doc_type or TYPE_WORD_TO_TYPE.get(header.group("type").lower())
            lines = [
                ln.strip(" #*_")
                for ln in text[header.end() : header.end() + 600].split("\n")
                if ln.strip(" #*_-")
            ]
            # "CHỈ THỊ / CỦA BAN THƯỜNG VỤ TỈNH ỦY / Về ...": the issuer line is not the title
            lines = [ln for ln in lines if not ln.lower().startswith("của ")]
            title = lines[0] if lines else None
        doc_type = doc_type or doc_type_from_symbol(tokens)
        dates = find_dates(text[idm.end() : idm.end() + 400])
        pd = _PLACE_DATE.search(near)
        date = find_dates(pd.group(0))[0][2] if pd else (dates[0][2] if dates else None)
        if date is None:
            passed = _PASSED_ON.search(text)
            date = find_dates(passed.group(0))[0][2] if passed else None
        issuer = issuer_code_from_symbol(tokens, party)
        if tokens == ["AL"]:
            issuer = ISSUER_CODES["HĐTP"]  # án lệ are adopted by the Hội đồng Thẩm phán TANDTC
        return {
            "doc_type": doc_type,
            "id": ident,
            "date": date,
            "issuer": issuer,
            "title": title,
            "start": idm.start(),
            "end": idm.end(),
            "text": text[idm.start() : idm.end()],
            "title_end": header.end() + 600 if header is not None else idm.end(),
        }
    return None


# --- relations -------------------------------------------------------------------------------

_RELATION_RE = re.compile(
    r"(?<![\w])(?P<passive>được\s+|bị\s+)?(?P<phrase>"
    + "|".join(re.escape(p) for p in sorted(RELATION_PHRASES, key=len, reverse=True))
    + r")(?![\w])",
    re.IGNORECASE,
)
_CAN_CU_LINE = re.compile(r"(?:^|\n)[ \t]*Căn cứ[^\n]*", re.MULTILINE)


def _label(ref: Reference) -> str:
    return ref.id or ref.name or ""


def find_relations(
    text: str, refs: list[Reference], self_info: dict[str, Any] | None
) -> list[dict[str, str]]:
    """Relations the text states between documents: "48-CTr/TU thực hiện 21-NQ/TW"."""
    spans: list[tuple[int, int, Reference]] = sorted(
        ((m.start, m.end, r) for r in refs for m in r.mentions), key=lambda x: x[0]
    )
    out: list[dict[str, str]] = []
    seen = set()

    def add(kind: str, source: str, target: str) -> None:
        if source and target and source != target and (kind, source, target) not in seen:
            seen.add((kind, source, target))
            out.append({"type": kind, "source": source, "target": target})

    for (_, e1, a), (s2, _, b) in zip(spans, spans[1:], strict=False):
        if a is b:
            continue
        gap = text[e1:s2]
        if len(gap) > 400 or re.search(r"[;\n]|\.\s", gap):
            continue
        phrases = list(_RELATION_RE.finditer(gap))
        if not phrases:
            continue
        last = phrases[-1]
        if len(gap) - last.end() > 40:
            continue
        kind = RELATION_PHRASES[last.group("phrase").lower()]
        if kind == "căn cứ":
            continue
        if last.group("passive") or re.match(r"\s*(?:bởi|tại)\b", gap[last.end() :]):
            add(kind, _label(b), _label(a))
        else:
            add(kind, _label(a), _label(b))
    if self_info is not None:
        me = self_info["id"]
        for line in _CAN_CU_LINE.finditer(text):
            for s, _, r in spans:
                if line.start() <= s < line.end():
                    add("căn cứ", me, _label(r))
        head_end = self_info.get("title_end", 0)
        title = self_info.get("title") or ""
        lead = _RELATION_RE.match(title.strip())
        if lead:
            for s, e, r in spans:
                if self_info["end"] <= s < head_end and e <= head_end:
                    add(RELATION_PHRASES[lead.group("phrase").lower()], me, _label(r))
                    break
    return out


# --- public ----------------------------------------------------------------------------------


def _mention_dict(text: str, m: ReferenceMention) -> dict[str, Any]:
    return {"start": m.start, "end": m.end, "text": text[m.start : m.end]}


def _reference_dict(text: str, ref: Reference) -> dict[str, Any]:
    first = ref.mentions[0]
    return {
        "start": first.start,
        "end": first.end,
        "text": text[first.start : first.end],
        "id": ref.id,
        "doc_type": ref.doc_type,
        "number": ref.number,
        "symbol": ref.symbol,
        "name": ref.name,
        "date": ref.date,
        "issuer": ref.issuer,
        "issuer_code": ref.issuer_code,
        "term": ref.term,
        "plenum": ref.plenum,
        "title": ref.title,
        "mentions": [_mention_dict(text, m) for m in ref.mentions],
    }


def find_mentions(text: str, self_info: dict[str, Any] | None = None) -> Mentions:
    """All candidate mentions in document order, the document's own header left out."""
    full = find_full_mentions(text)
    named = find_named_mentions(text)
    deictic = find_deictic_mentions(text)
    if self_info is not None:
        me = id_key(self_info["id"])
        full = [
            m
            for m in full
            if not self_info["start"] <= m.id_start < self_info["end"]
            and (id_key(m.id) != me or _reprinted(text, m, self_info))
        ]
        deictic = [d for d in deictic if d.doc_type != self_info.get("doc_type")]
        named = [n for n in named if not _names_self(text, n, self_info)]
    return Mentions(
        full=full, named=named, number_only=find_number_only_mentions(text), deictic=deictic
    )


_ANNEX = re.compile(r"kèm theo[^\n]{0,40}$", re.IGNORECASE)


def _reprinted(text: str, m: FullMention, self_info: dict[str, Any]) -> bool:
    """A news text that cites the document before reprinting it with its header references
    it ("... ký ban hành Nghị quyết ... (số 11-NQ/TW). [header] Số 11-NQ/TW"); an annex
    heading "(Kèm theo Quyết định số ...)" does not."""
    if m.id_start >= self_info["start"]:
        return False
    return not _ANNEX.search(text[max(0, m.start - 60) : m.start])


def _names_self(text: str, n: ReferenceMention, self_info: dict[str, Any]) -> bool:
    """ "Chính phủ ban hành Nghị định về công tác văn thư." names the document itself."""
    if n.doc_type != self_info.get("doc_type"):
        return False
    return bool(re.search(r"ban hành\s+$", text[max(0, n.start - 20) : n.start]))


def extract_references(at: AnalyzedText) -> dict[str, Any]:
    """References, relations between documents, and the document's own header (`self`)."""
    text = at.text
    self_info = find_self(text)
    found = find_mentions(text, self_info)
    self_mentions = []
    if self_info is not None:
        self_mentions = [
            m
            for m in find_full_mentions(text)
            if self_info["start"] <= m.id_start < self_info["end"]
            or id_key(m.id) == id_key(self_info["id"])
        ]
    refs = resolve_mentions(text, found)
    relations = find_relations(text, refs, self_info)
    me = None
    if self_info is not None:
        me = {k: self_info[k] for k in ("doc_type", "id", "date", "issuer", "title")}
        me.update(start=self_info["start"], end=self_info["end"], text=self_info["text"])
        me["mentions"] = [_mention_dict(text, m) for m in self_mentions]
    return {
        "references": [_reference_dict(text, r) for r in refs],
        "relations": relations,
        "self": me,
    }


__all__ = ["extract_references", "find_mentions", "find_relations", "find_self"]
