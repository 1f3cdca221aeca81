"""Relations the text states between documents, the document itself included.

Two kinds of statement:

- between two cited documents, a verb between their mentions: "Kế hoạch số 48-CTr/TU thực
  hiện Nghị quyết số 21-NQ/TW" (passive: "được sửa đổi, bổ sung bởi");
- by the document itself (`relations_self`): its grounds ("Căn cứ ..."), its title's verb,
  "Thông tư này thay thế ...", an article heading "Điều 1. Sửa đổi, bổ sung ... của Nghị định
  số ...", a bare clause "2. Bãi bỏ Điều 16 ...", "Thông tư số ... hết hiệu lực kể từ ngày
  Thông tư này có hiệu lực". Its source is `self`'s id (the base document's for a văn bản hợp
  nhất), or None for a document whose number is unknown.

Each relation is `{"type", "source", "target"}`, with `scope` (the articles or appendices it
acts on; absent for the whole document) and `effective` (the date stated for it) when known.

>>> from vnpolicy.nlp import analyze
>>> from vnpolicy.extractors.references import extract_references
>>> out = extract_references(analyze(
...     "BỘ NỘI VỤ\\nSố: 27/2025/TT-BNV\\nHà Nội, ngày 30 tháng 12 năm 2025\\nTHÔNG TƯ\\nQuy "
...     "định về hồ sơ\\nĐiều 1. Phạm vi\\nĐiều 2. Hiệu lực\\nThông tư này có hiệu lực từ ngày "
...     "01/02/2026 và thay thế Thông tư số 11/2024/TT-BNV."))
>>> out["relations"]
[{'type': 'thay thế', 'source': '27/2025/TT-BNV', 'target': '11/2024/TT-BNV', \
'effective': '2026-02-01'}]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from vnpolicy.extractors.reference_find import ReferenceMention
from vnpolicy.extractors.reference_resolve import Reference
from vnpolicy.extractors.relations_self import Span, self_relations
from vnpolicy.extractors.relations_words import RELATION_VERBS

VERB_RE = re.compile(
    r"(?<![\w])(?P<passive>được\s+|bị\s+)?(?P<phrase>"
    + "|".join(re.escape(p) for p in sorted(RELATION_VERBS, key=len, reverse=True))
    + r")(?![\w])",
    re.IGNORECASE,
)
# Pairwise verbs: "bổ sung" alone and "hết hiệu lực" state nothing between two mentions.
_PAIRWISE_SKIP = {"bổ sung", "hết hiệu lực", "căn cứ", "tạm đình chỉ"}


def label(ref: Reference) -> str:
    """How a relation names a cited document: its id, the numbered document it is known to
    be ("Luật Đất đai" resolved to "31/2024/QH15"), else its name."""
    resolved = (ref.resolved or {}).get("id") if ref.resolved else None
    return ref.id or resolved or ref.name or ""


@dataclass
class _Relations:
    """Relations in order, one per (type, source, target); a later statement fills the scope
    or date an earlier one left out."""

    items: list[dict[str, Any]]

    def add(
        self,
        kind: str,
        source: str | None,
        target: str,
        scope: str | None = None,
        effective: str | None = None,
    ) -> None:
        if not target or source == target:
            return
        for item in self.items:
            if (item["type"], item["source"], item["target"]) == (kind, source, target):
                known = [x.casefold() for x in item.get("scope", "").split("; ")]
                if scope and item.get("scope") and scope.casefold() not in known:
                    item["scope"] = f"{item['scope']}; {scope}"
                elif scope and "scope" not in item:
                    item["scope"] = scope
                if effective and "effective" not in item:
                    item["effective"] = effective
                return
        item: dict[str, Any] = {"type": kind, "source": source, "target": target}
        if scope:
            item["scope"] = scope
        if effective:
            item["effective"] = effective
        self.items.append(item)


def _spans(
    refs: Sequence[Reference], own: Sequence[ReferenceMention], subject: str | None
) -> list[Span]:
    """Mentions in document order, the document's own among them; a mention inside another
    one's span ("Luật Viên chức" inside "Luật sửa đổi ... Luật Viên chức") left out."""
    found = [Span(m.start, m.end, label(r)) for r in refs for m in r.mentions]
    found += [Span(m.start, m.end, subject or "", own=True) for m in own]
    found.sort(key=lambda s: (s.start, -s.end))
    out: list[Span] = []
    for span in found:
        if out and span.start < out[-1].end:
            continue
        out.append(span)
    return out


def _pairwise(text: str, spans: list[Span], taken: set[int], out: _Relations) -> None:
    for a, b in zip(spans, spans[1:], strict=False):
        if a.label == b.label or not a.label or not b.label:
            continue
        gap = text[a.end : b.start]
        if len(gap) > 400 or re.search(r"[;\n]|\.\s", gap):
            continue
        phrases = [p for p in VERB_RE.finditer(gap) if p.group("phrase").lower() not in {"căn cứ"}]
        if not phrases:
            continue
        last = phrases[-1]
        if a.end + last.start("phrase") in taken or len(gap) - last.end() > 40:
            continue
        phrase = last.group("phrase").lower()
        if phrase in _PAIRWISE_SKIP:
            continue
        kind = RELATION_VERBS[phrase]
        if last.group("passive") or re.match(r"\s*(?:bởi|tại)\b", gap[last.end() :]):
            out.add(kind, b.label, a.label)
        else:
            out.add(kind, a.label, b.label)


def find_relations(
    text: str,
    refs: Sequence[Reference],
    self_info: dict[str, Any] | None,
    own_mentions: Sequence[ReferenceMention] = (),
) -> list[dict[str, Any]]:
    """Relations the text states: "48-CTr/TU thực hiện 21-NQ/TW", and the document's own
    ("27/2025/TT-BNV thay thế 11/2024/TT-BNV")."""
    subject = None
    if self_info is not None:
        subject = self_info.get("base") or self_info["id"]
    spans = _spans(refs, own_mentions, subject)
    out = _Relations([])
    taken: set[int] = set()
    for kind, target, scope, effective, verb_at in self_relations(text, spans, self_info, VERB_RE):
        if verb_at is not None:
            taken.add(verb_at)
        out.add(kind, subject, target, scope, effective)
    _pairwise(text, spans, taken, out)
    # the document's own first, then what it says of others, as before
    return out.items


__all__ = ["VERB_RE", "find_relations", "label"]
