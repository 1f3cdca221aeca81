"""Relations whose subject is the document itself (see `relations`).

Where the document speaks for itself:

- its preamble: "Căn cứ Luật ...; Luật ...;" (căn cứ), "Thực hiện Nghị quyết số ..." (thực
  hiện); only the documents the clause names, not those inside their descriptions ("Căn cứ
  Nghị định số 15/2018/NĐ-CP ... quy định chi tiết Luật An toàn thực phẩm": not the Luật);
- its title: "NGHỊ ĐỊNH / Sửa đổi, bổ sung một số điều của Nghị định số 135/2015/NĐ-CP";
- its body, outside quoted new wording and the form templates of its appendices: a clause
  whose subject is "X này" ("Nghị định này thay thế cho Nghị định số 101/2012/NĐ-CP ... và
  Nghị định số 80/2016/NĐ-CP"), an article heading or a bare clause that begins with a verb
  acting on a text ("Điều 14. Thay thế một số Phụ lục kèm theo Thông tư số ...", "2. Bãi bỏ
  Điều 16, Điều 17 Thông tư số ..."), and a clause whose subject is the document acted on
  ("Thông tư số 39/2014/TT-NHNN ... hết hiệu lực kể từ ngày Thông tư này có hiệu lực").

A verb list acts at once ("Sửa đổi, bổ sung, bãi bỏ một số điều của ..."); after a first
target, "và"/"," joins more targets of the same verb, and "và bãi bỏ" starts another one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from vnpolicy.extractors.reference_patterns import TYPE_WORD_TO_TYPE, TYPE_WORDS_ALT
from vnpolicy.extractors.relations_layout import (
    appendix_start,
    clauses,
    inside,
    preamble_end,
    quoted_spans,
    scope_before,
    split_scope,
    stated_date,
)
from vnpolicy.extractors.relations_words import ACTS_ON_TEXT, ATTACHED_TYPES, RELATION_VERBS
from vnpolicy.extractors.self_number import find_effective

_MOTTO = re.compile(r"CỘNG\s+HÒA\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|Độc\s+lập\s*-\s*Tự\s+do")
_THIS = re.compile(rf"(?<![\w])(?P<type>{TYPE_WORDS_ALT})\s+này(?![\w])", re.IGNORECASE)
_PREAMBLE_KINDS = (
    (re.compile(r"căn\s+cứ(?![\w])", re.IGNORECASE), "căn cứ"),
    (re.compile(r"(?:triển\s+khai\s+)?thực\s+hiện(?![\w])", re.IGNORECASE), "thực hiện"),
    (re.compile(r"triển\s+khai(?![\w])", re.IGNORECASE), "triển khai"),
)
# Words that may stand before a clause's verb: "Về việc", "Kể từ ngày ..., ", "Đồng thời".
_TITLE_LEAD = re.compile(r"(?:về\s+việc|v/v|về)\s+", re.IGNORECASE)
_ADVERBIAL = re.compile(
    r"(?:(?:kể\s+)?từ\s+ngày[^,;]{0,80},\s*|đồng\s+thời,?\s*|nay\s+|chính\s+thức\s+)",
    re.IGNORECASE,
)
# Between a verb and its first target: a scope, "cho", "việc thi hành", "toàn bộ".
_TO_TARGET = re.compile(
    r"^\s*(?:cho\s+|việc\s+|thi\s+hành\s+|toàn\s+(?:bộ\s+)?|hiệu\s+lực\s+(?:thi\s+hành\s+)?"
    r"(?:của\s+)?)*$",
    re.IGNORECASE,
)
_FREE_SCOPE = re.compile(
    r"^\s*(?:cho\s+|việc\s+)?(?P<scope>\S.{1,118}?)\s*,?\s+(?:của|tại|thuộc|trong|(?:được\s+)?"
    r"(?:ban\s+hành\s+)?kèm\s+theo|quy\s+định\s+tại)\s*$",
    re.IGNORECASE | re.DOTALL,
)
_JOIN = re.compile(r"(?:,|;|\bvà|\bhoặc|\bcùng|\bvà\s+các|\bđồng\s+thời)\s*$", re.IGNORECASE)
_VERB_JOIN = re.compile(r"^\s*(?:,|và|,\s*và)\s*$")
_BOUNDARY = re.compile(r"(?:,|;|\bvà|\bđồng\s+thời|\bđồng\s+thời\s+|\bsau\s+đó)\s*$", re.I)
_AMENDED_BY = re.compile(
    r"(?:đã\s+)?được\s+sửa\s+đổi(?:,?\s*bổ\s+sung)?(?:\s+một\s+số\s+điều)?"
    r"(?:\s+(?:bởi|tại|theo))?(?:\s+(?:các|những))?$",
    re.IGNORECASE,
)
_PAST = re.compile(r"\bđã\s+(?:được\s+|bị\s+)?$|\bđã\s+$", re.IGNORECASE)
_AGENT = re.compile(r"\s*(?:bởi|bằng|tại|theo)\s*$", re.IGNORECASE)
_MAX_FIRST_GAP = 160
# What follows a title: the preamble, the first article, or a new paragraph.
_TITLE_END = re.compile(
    r"\n\s*(?:Căn\s+cứ|Theo\s+đề\s+nghị|Thực\s+hiện|Xét|Điều\s+1|Chương|[IVX]+\.|\d\.)"
    r"|\n\s*\n\s*[A-ZĐ][a-zđàáảãạ]"
)


@dataclass
class Span:
    """A mention in the text: where it is and how relations name its document."""

    start: int
    end: int
    label: str
    own: bool = False  # the document's own number ("Nghị định số 30/2020/NĐ-CP" in its body)


@dataclass
class _Verb:
    start: int
    end: int
    kinds: list[str]
    passive: bool


def _verbs(text: str, start: int, end: int, verb_re: re.Pattern, spans: list[Span]) -> list[_Verb]:
    """Verb groups of a clause, outside mentions: "Sửa đổi, bổ sung, bãi bỏ" is one group."""
    out: list[_Verb] = []
    for m in verb_re.finditer(text, start, end):
        if any(s.start <= m.start("phrase") < s.end for s in spans):
            continue  # "Luật sửa đổi, bổ sung ..." is a name
        kind = RELATION_VERBS[m.group("phrase").lower()]
        if out and _VERB_JOIN.match(text[out[-1].end : m.start()]):
            if kind not in out[-1].kinds:
                out[-1].kinds.append(kind)
            out[-1].end = m.end()
            continue
        out.append(_Verb(m.start("phrase"), m.end(), [kind], bool(m.group("passive"))))
    return out


def _heads(text: str, spans: list[Span], amendments: bool = False) -> list[Span]:
    """The mentions a clause names itself: the first, and those joined to it by "và"/","; a
    mention in another's description ("... quy định chi tiết Luật X") is not one. With
    `amendments`, the texts that amended a named one are named too ("Căn cứ Bộ luật Tố tụng
    hình sự số 101/2015/QH13 được sửa đổi, bổ sung bởi Luật số 02/2021/QH15")."""
    heads: list[Span] = []
    prev: Span | None = None
    prev_head = True
    for span in spans:
        if prev is not None:
            lead, _ = split_scope(text[prev.end : span.start])
            joined = prev_head and bool(_JOIN.search(lead.rstrip()))
            prev_head = joined or (amendments and bool(_AMENDED_BY.search(lead.rstrip())))
        if prev_head:
            heads.append(span)
        prev = span
    return heads


def _scope(gap: str) -> str | None:
    scope = scope_before(gap)
    if scope:
        return scope
    m = _FREE_SCOPE.match(gap)
    return " ".join(m.group("scope").split()) if m else None


class _Document:
    """What the document is and where it speaks, for one text."""

    def __init__(self, text: str, spans: list[Span], self_info: dict[str, Any] | None) -> None:
        self.text = text
        self.spans = spans
        self.self_info = self_info or {}
        self.own_type = self.self_info.get("doc_type")
        if self.own_type == "văn bản hợp nhất":
            self.own_type = None  # "Nghị định này" is the base document
        self.quotes = quoted_spans(text)
        head_end = self.self_info.get("end", 0)
        self.title = self._title()
        body_from = self.title[1] if self.title else head_end
        self.preamble_end = preamble_end(text, body_from)
        self.appendix = appendix_start(text, self.preamble_end)
        self.preamble_start = body_from
        date = self.self_info.get("date")
        self.effective = find_effective(text[: self.appendix], date) if self_info else None

    def _title(self) -> tuple[int, int] | None:
        """The title block under the header's type line ("NGHỊ ĐỊNH / Sửa đổi, bổ sung ...")."""
        start = self.self_info.get("title_start")
        if start is None:
            return None
        while start < len(self.text) and self.text[start] in " \t\n#*_":
            start += 1
        end = _TITLE_END.search(self.text, start + 1, start + 800)
        return (start, end.start() if end else min(len(self.text), start + 400))

    def in_spans(self, start: int, end: int) -> list[Span]:
        return [
            s
            for s in self.spans
            if start <= s.start and s.end <= end and not inside(self.quotes, s.start)
        ]

    def names_self(self, m: re.Match) -> bool:
        """Whether "X này" at `m` is this document (not a mention resolved to another)."""
        if any(s.start <= m.start() < s.end and not s.own for s in self.spans):
            return False
        kind = TYPE_WORD_TO_TYPE.get(m.group("type").lower())
        if self.own_type is None:
            return True
        return kind == self.own_type or kind in ATTACHED_TYPES or kind is None


def _preamble(doc: _Document) -> Iterator[tuple[str, str, None, None, None]]:
    """Grounds and tasks the preamble states: "Căn cứ ...; ...;", "Thực hiện ..."."""
    kind = None
    text = doc.text
    for s, e in clauses(text, doc.preamble_start, doc.preamble_end):
        continued = text[s - 3 : s].strip().endswith(";") if s >= 3 else False
        lead_kind = None
        for pattern, k in _PREAMBLE_KINDS:
            lead = pattern.match(text, s, e)
            if lead:
                lead_kind, s = k, lead.end()
                break
        spans = [x for x in doc.in_spans(s, e) if not x.own]
        if lead_kind is not None:
            kind = lead_kind
        elif not continued or not spans or spans[0].start != s:
            kind = None  # "Theo đề nghị ...", "Chính phủ ban hành Nghị định ..."
        if kind is None:
            continue
        for span in _heads(text, spans, amendments=True):
            yield kind, span.label, None, None, None


def _acts(
    doc: _Document, s: int, e: int, verbs: list[_Verb], first: int, date: str | None
) -> Iterator[tuple[str, str, str | None, str | None, int]]:
    """Targets of the document's verbs from `verbs[first]` on, in the clause [s, e): a later
    verb acts for the document too when "và"/"," opens it ("... và bãi bỏ Điều 3 của ...")."""
    text = doc.text
    spans = [x for x in doc.in_spans(s, e) if not x.own]

    def opens(v: _Verb) -> bool:
        return bool(_BOUNDARY.search(text[s : v.start].rstrip()))

    for i in range(first, len(verbs)):
        verb = verbs[i]
        if i > first and not opens(verb):
            continue  # a verb of a cited document's description
        if verb.passive or "hết hiệu lực" in verb.kinds or "căn cứ" in verb.kinds:
            continue
        nxt = next((v for v in verbs[i + 1 :] if opens(v)), None)
        targets = [x for x in spans if verb.end <= x.start < (nxt.start if nxt else e)]
        if not targets:
            continue
        gap = text[verb.end : targets[0].start]
        scope = _scope(gap)
        if (scope is None and not _TO_TARGET.match(gap)) or len(gap) > _MAX_FIRST_GAP:
            continue
        prev: Span | None = None
        head = True
        for span in targets:
            if prev is not None:
                lead, scope = split_scope(text[prev.end : span.start])
                head = head and bool(_JOIN.search(lead.rstrip()))
            if head:
                for kind in verb.kinds:
                    yield kind, span.label, scope, date, verb.start
            prev = span


def _subject_acted_on(
    doc: _Document, s: int, e: int, verbs: list[_Verb], date: str | None
) -> Iterator[tuple[str, str, str | None, str | None, int]]:
    """ "Thông tư số 39/2014/TT-NHNN ... hết hiệu lực kể từ ...", "Quyết định số ... bị bãi
    bỏ": the mentions before the verb are what the document acts on."""
    text = doc.text
    for verb in verbs:
        if not (verb.passive or "hết hiệu lực" in verb.kinds):
            continue
        if not set(verb.kinds) & ACTS_ON_TEXT:
            continue
        before = text[max(s, verb.start - 12) : verb.start]
        if _PAST.search(before) or re.search(r"\bđã\s+(?:được|bị)\s+$", before):
            continue
        after = text[verb.end : e]
        agent = re.match(r"\s*(?:bởi|bằng)\s+", after)
        if agent:
            own = _THIS.match(after, agent.end())
            if not (own and doc.names_self(own)):
                continue
        spans = [x for x in doc.in_spans(s, verb.start) if not x.own]
        if not spans:
            continue
        lead = text[s : spans[0].start]
        if any(v.start < spans[0].start for v in verbs) or len(_ADVERBIAL.sub("", lead)) > 40:
            continue
        for span in _heads(text, spans):
            for kind in verb.kinds:
                yield kind, span.label, None, date, verb.start


def _opens_with_self(doc: _Document, s: int, e: int) -> int | None:
    """Where "X này" that is the clause's subject ends, if the clause opens with it."""
    pos = s
    adv = _ADVERBIAL.match(doc.text, pos, e)
    if adv:
        pos = adv.end()
    m = _THIS.match(doc.text, pos, e)
    if m and doc.names_self(m):
        return m.end()
    return None


def _opens_with_verb(doc: _Document, s: int, e: int, verbs: list[_Verb]) -> bool:
    pos = s
    adv = _ADVERBIAL.match(doc.text, pos, e)
    if adv:
        pos = adv.end()
    return bool(verbs) and verbs[0].start == pos and not verbs[0].passive


def self_relations(
    text: str, spans: list[Span], self_info: dict[str, Any] | None, verb_re: re.Pattern
) -> Iterator[tuple[str, str, str | None, str | None, int | None]]:
    """(type, target, scope, effective, verb position) of every relation the document states
    of itself; nothing for a text that is no official document (a news article)."""
    if self_info is None and not _MOTTO.search(text[:1000]):
        return
    doc = _Document(text, spans, self_info)
    yield from _preamble(doc)
    own_date = doc.self_info.get("date")
    if doc.title:
        s, e = doc.title
        lead = _TITLE_LEAD.match(text, s, e)
        start = lead.end() if lead else s
        verbs = _verbs(text, start, e, verb_re, spans)
        if verbs and verbs[0].start == start and "căn cứ" not in verbs[0].kinds:
            yield from _acts(doc, s, e, verbs, 0, None)
    for s, e in clauses(text, doc.preamble_end, doc.appendix):
        if inside(doc.quotes, s):
            continue
        verbs = [v for v in _verbs(text, s, e, verb_re, spans) if not inside(doc.quotes, v.start)]
        if not verbs:
            continue
        date = stated_date(text[s:e], own_date, doc.effective)
        subject_end = _opens_with_self(doc, s, e)
        heading = re.search(r"Điều\s+\d{1,3}[a-zđ]?\s*[.:]\s*$", text[max(0, s - 14) : s])
        if subject_end is not None:
            first = next(
                (i for i, v in enumerate(verbs) if v.start >= subject_end and not v.passive),
                None,
            )
            between = text[subject_end : verbs[first].start] if first is not None else ""
            if first is not None and not doc.in_spans(subject_end, verbs[first].start):
                if "căn cứ" not in verbs[first].kinds and len(between) < 200:
                    yield from _acts(doc, s, e, verbs, first, date)
        elif _opens_with_verb(doc, s, e, verbs):
            kinds = set(verbs[0].kinds)
            if heading or kinds & ACTS_ON_TEXT:
                yield from _acts(doc, s, e, verbs, 0, date)
        yield from _subject_acted_on(doc, s, e, verbs, date)


__all__ = ["Span", "self_relations"]
