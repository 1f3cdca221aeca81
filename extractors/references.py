"""References to official documents: find mentions, resolve them, return plain dicts.

    >>> from vnpolicy.nlp import analyze
    >>> out = extract_references(analyze("Thực hiện Chỉ thị số 05-CT/TU, ngày 07/5/2021 của "
    ...                                  "Ban Thường vụ Tỉnh ủy về đẩy mạnh công tác."))
    >>> out["references"][0]["id"], out["references"][0]["date"]
    ('05-CT/TU', '2021-05-07')

An official document's own number in its header ("Số: 30/2020/NĐ-CP" with "NGHỊ ĐỊNH" and
"Hà Nội, ngày 05 tháng 3 năm 2020") is returned as `self`, not as a reference
(`self_number`); relations between documents, the document's own among them, come from
`relations`.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc

from vnpolicy.extractors.document_ids import document_id_key
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
from vnpolicy.extractors.reference_resolve import Reference, resolve_mentions
from vnpolicy.extractors.relations import find_relations
from vnpolicy.extractors.self_number import find_effective, find_self
from vnpolicy.nlp import AnalyzedText

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
        "resolved": ref.resolved,
        "mentions": [_mention_dict(text, m) for m in ref.mentions],
    }


def find_mentions(
    text: str, self_info: dict[str, Any] | None = None, doc: Doc | None = None
) -> Mentions:
    """All candidate mentions in document order, the document's own header left out (`doc`:
    the pipeline's `Doc` of `text`, over which the title registry is matched)."""
    full = find_full_mentions(text)
    named = find_named_mentions(text, doc)
    deictic = find_deictic_mentions(text)
    if self_info is not None:
        me = document_id_key(self_info["id"])
        full = [
            m
            for m in full
            if not self_info["start"] <= m.id_start < self_info["end"]
            and (document_id_key(m.id) != me or _reprinted(text, m, self_info))
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


def extract_references(at: AnalyzedText, doc: Doc | None = None) -> dict[str, Any]:
    """References, relations between documents, and the document's own header (`self`)."""
    text = at.text
    self_info = find_self(text)
    found = find_mentions(text, self_info, doc)
    self_mentions = []
    if self_info is not None:
        self_mentions = [
            m
            for m in find_full_mentions(text)
            if self_info["start"] <= m.id_start < self_info["end"]
            or document_id_key(m.id) == document_id_key(self_info["id"])
        ]
    refs = resolve_mentions(text, found)
    relations = find_relations(text, refs, self_info, self_mentions)
    me = None
    if self_info is not None:
        me = {k: self_info[k] for k in ("doc_type", "id", "date", "issuer", "title")}
        effective = find_effective(text, self_info["date"])
        if effective:
            me["effective"] = effective
        if self_info.get("base"):
            me["base"] = self_info["base"]
        me.update(start=self_info["start"], end=self_info["end"], text=self_info["text"])
        me["mentions"] = [_mention_dict(text, m) for m in self_mentions]
    return {
        "references": [_reference_dict(text, r) for r in refs],
        "relations": relations,
        "self": me,
    }


__all__ = ["extract_references", "find_mentions", "find_relations", "find_self"]
