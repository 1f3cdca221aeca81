"""Merge the results of a long document's sections into one result, as one analysis gives.

A text too long for one analysis is analysed in sections (`vnpolicy.nlp.sections`); each
section's result is added here in document order with its offset in the text as read:

- every span moves to the whole text's coordinates (`annotate_offsets` with a
  `SectionText`), and gets its page;
- references of one document merge: the same id (`document_id_key`), or the same name
  (`document_name_key`) when one side has no id, or a bare number ("Chỉ thị 05") and the
  numbered document of that type ("Chỉ thị số 05-CT/TU"); all mentions are kept in order
  and the fullest fields win (a date stated only in section 2 dates the reference first
  cited in section 1);
- units of one canonical name merge their mentions and spellings;
- statistics are concatenated (table indexes point into the whole document's tables);
  relations are deduplicated;
- the document's own header (`self`) comes from the first section that has one; later
  mentions of its number, and "Nghị định này" for its type, are its own, not references.

    >>> from vnpolicy.nlp import analyze
    >>> from vnpolicy.extractors.references import extract_references
    >>> first, second = "Thực hiện Chỉ thị số 05-CT/TU. ", "Chỉ thị số 05-CT/TU ngày 07/5/2021."
    >>> merged = SectionMerger(first + second)
    >>> for offset, part in ((0, first), (len(first), second)):
    ...     at = analyze(part)
    ...     merged.add({**extract_references(at), "units": [], "statistics": []}, at, offset)
    >>> [(r["id"], r["date"], [m["start"] for m in r["mentions"]])
    ...  for r in merged.result()["references"]]
    [('05-CT/TU', '2021-05-07', [10, 31])]
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from vnpolicy.corpus.tables import Table
from vnpolicy.extractors.annotate import annotate_offsets
from vnpolicy.extractors.document_ids import document_id_key as id_key
from vnpolicy.extractors.document_ids import document_name_key as name_key
from vnpolicy.extractors.gazetteer import name_key as unit_key
from vnpolicy.extractors.reference_find import find_full_mentions
from vnpolicy.extractors.reference_named import (
    find_deictic_mentions,
    find_number_only_mentions,
)
from vnpolicy.nlp import AnalyzedText

Span = tuple[int, int]

#: Fields a later mention may fill when the first ones left them empty.
_REFERENCE_FIELDS = ("doc_type", "name", "date", "term", "plenum", "title")
#: Fields that come with a document's number: taken together from the side that has an id.
_ID_FIELDS = ("id", "number", "symbol", "issuer_code")


@dataclass
class SectionText:
    """An analysed section seen from the whole text: `to_raw` and `raw` as `AnalyzedText`
    gives them, in the coordinates of the whole text as read (for `annotate_offsets`)."""

    at: AnalyzedText
    offset: int
    raw: str

    def to_raw(self, start: int, end: int) -> Span:
        raw_start, raw_end = self.at.to_raw(start, end)
        return raw_start + self.offset, raw_end + self.offset


def page_finder(pages: Sequence[Span]) -> Callable[[int], int | None] | None:
    """`Document.page_of` by bisection, for the many spans of a long document.

    >>> page_finder([(0, 10), (12, 20)])(15), page_finder([(0, 10), (12, 20)])(11)
    (2, None)
    """
    if not pages:
        return None
    starts = [s for s, _ in pages]

    def page_of(offset: int) -> int | None:
        i = bisect.bisect_right(starts, offset) - 1
        return i + 1 if i >= 0 and pages[i][0] <= offset < pages[i][1] else None

    return page_of


def _shifted(cell: Span | None, start: int, end: int) -> Span | None:
    if cell is None or cell[0] < start or cell[1] > end:
        return None
    return cell[0] - start, cell[1] - start


def section_tables(tables: Sequence[Table], start: int, end: int) -> tuple[list[Table], list[int]]:
    """The tables that begin in `[start, end)`, with cell offsets relative to `start` (cells
    outside the section dropped), and each one's index among `tables`."""
    out, indexes = [], []
    for index, table in enumerate(tables):
        span = table.span
        if span is None or not start <= span[0] < end:
            continue
        cells = [[_shifted(cell, start, end) for cell in row] for row in table.cells]
        out.append(Table(rows=table.rows, page=table.page, bbox=table.bbox, cells=cells))
        indexes.append(index)
    return out, indexes


def _number_of(name: str | None, doc_type: str | None) -> tuple[str | None, str] | None:
    """(type, number) when a name is a bare number of a document: "Chỉ thị 05"."""
    if not name:
        return None
    found = find_number_only_mentions(name)
    if len(found) != 1 or found[0].end - found[0].start < len(name.strip()):
        return None
    return (found[0].doc_type or doc_type, found[0].number.lstrip("0"))


def _header_as_reference(own: dict[str, Any], keys: Sequence[str] = ()) -> dict[str, Any]:
    """A section's own header ("Số: 40-KH/TU ... KẾ HOẠCH") when the document already has
    one: one analysis of the whole text reads it as a reference to that paper. `keys`: the
    fields (in order) of the other references, so the header's has them all."""
    span_keys = ("start", "end", "text", "page")
    mentions = own.get("mentions") or [{k: own[k] for k in span_keys if k in own}]
    full = find_full_mentions(own.get("text") or "")
    number = full[0] if full else None
    first = mentions[0]
    fields = {
        "id": own.get("id"),
        "doc_type": own.get("doc_type") or (number.doc_type if number else None),
        "number": number.number if number else None,
        "symbol": number.symbol if number else None,
        "date": own.get("date"),
        "issuer_code": own.get("issuer"),
        "title": own.get("title"),
    }
    ref = {k: first[k] for k in span_keys[:3]}
    for key in [*keys, *_ID_FIELDS, *_REFERENCE_FIELDS, "issuer"]:
        if key not in ref and key not in span_keys and key != "mentions":
            ref[key] = fields.get(key)
    ref["mentions"] = mentions
    if "page" in first:
        ref["page"] = first["page"]
    return ref


def _more_words(a: str | None, b: str | None) -> str | None:
    """The issuer stated most fully ("Ban Chấp hành Trung ương Đảng khóa XIII" over "BCH
    Trung ương"), the earlier on a tie, as one analysis keeps it."""
    if not a or (b and len(b.split()) > len(a.split())):
        return b or a
    return a


class SectionMerger:
    """Collects the sections' results of one text (`raw`, the text as read) in order."""

    def __init__(self, raw: str, pages: Sequence[Span] = ()) -> None:
        self.raw = raw
        self.page_of = page_finder(pages)
        self.self_document: dict[str, Any] | None = None
        self.references: list[dict] = []
        self.relations: list[dict] = []
        self.units: list[dict] = []
        self.statistics: list[dict] = []
        self._by_id: dict[str, dict] = {}
        self._by_name: dict[str, dict] = {}
        self._by_number: dict[tuple[str | None, str], list[dict]] = {}
        self._bare_numbers: dict[tuple[str | None, str], dict] = {}
        self._units: dict[str, dict] = {}
        self._spellings: dict[str, str] = {}
        self._relations: set[tuple] = set()
        self.context: dict[str, Any] = {}

    # -- adding one section --------------------------------------------------------------------

    def add(
        self,
        part: dict[str, Any],
        at: AnalyzedText,
        offset: int,
        table_indexes: Sequence[int] = (),
    ) -> None:
        """Add one section's result: `part` has `self`, `references`, `relations`, `units`
        and `statistics` in the coordinates of `at.text` (`at` analysed the section
        `raw[offset:offset + len(at.raw)]`); `table_indexes[i]` is the whole document's index
        of the section's table `i`."""
        where = SectionText(at, offset, self.raw)
        # units keep their spellings as the normalized text writes them ("Huyện ủy")
        spellings = [unit["text"] for unit in part.get("units") or []]
        for key in ("references", "units", "statistics"):
            annotate_offsets(part.get(key) or [], where, self.page_of)
        own = part.get("self")
        if own is not None:
            annotate_offsets(own, where, self.page_of)
        references = part.get("references") or []
        if own is not None and self.self_document is None:
            self.self_document = own
        elif self.self_document is not None:
            deictic = [
                (where.to_raw(d.start, d.end), d.doc_type) for d in find_deictic_mentions(at.text)
            ]
            if own is not None:  # another paper's header further on cites that paper
                header = _header_as_reference(own, list(references[0]) if references else ())
                references = [*references, header]
                self._attach_deictic(references, [s for s, t in deictic if t == header["doc_type"]])
            references = self._own_mentions(references, deictic)
        for ref in references:
            self._add_reference(ref)
        later = self.self_document is not None and self.self_document is not own
        for relation in part.get("relations") or []:
            key = (relation.get("type"), relation.get("source"), relation.get("target"))
            if later and self._names_self(relation):
                continue  # its number was read as a reference: one analysis reads none there
            if key not in self._relations:
                self._relations.add(key)
                self.relations.append(relation)
        for unit, spelling in zip(part.get("units") or [], spellings, strict=True):
            self._add_unit(unit, spelling)
        for key, value in (part.get("context") or {}).items():
            if self.context.get(key) is None:
                self.context[key] = value  # the header's date and place, else a later one
        for stat in part.get("statistics") or []:
            if "table" in stat and table_indexes:
                stat["table"] = table_indexes[stat["table"]]
            self.statistics.append(stat)

    def _attach_deictic(self, references: list[dict], deictic: list[Span]) -> None:
        """ "Kế hoạch này" after a header that its section read as its own (so left out)
        joins the last document of its type mentioned before it, as one analysis does;
        `references[-1]` is that header's reference."""
        doc_type = references[-1]["doc_type"]
        taken = [(m["start"], m["end"]) for ref in references for m in ref["mentions"]]
        hosts = sorted(
            (m["start"], i)
            for i, ref in enumerate(references)
            if ref["doc_type"] == doc_type
            for m in ref["mentions"]
        )
        for start, end in deictic:
            before = [i for s, i in hosts if s < start]
            if not before or any(s < end and start < e for s, e in taken):
                continue
            mention = {"start": start, "end": end, "text": self.raw[start:end]}
            page = self.page_of(start) if self.page_of else None
            if page is not None:
                mention["page"] = page
            host = references[before[-1]]
            host["mentions"].append(mention)
            host["mentions"].sort(key=lambda m: m["start"])

    def _names_self(self, relation: dict) -> bool:
        own = (self.self_document or {}).get("id")
        return bool(own) and any(
            label and id_key(label) == id_key(own)
            for label in (relation.get("source"), relation.get("target"))
        )

    def _own_mentions(
        self, references: list[dict], deictic: list[tuple[Span, str | None]]
    ) -> list[dict]:
        """Take the document's own number and its "Nghị định này" out of a later section's
        references, as one analysis leaves them out: the number's mentions join `self`."""
        own = self.self_document or {}
        own_key = id_key(own["id"]) if own.get("id") else None
        own_type = own.get("doc_type")
        deictic = {span for span, doc_type in deictic if own_type and doc_type == own_type}
        kept = []
        for ref in references:
            if own_key and ref.get("id") and id_key(ref["id"]) == own_key:
                own.setdefault("mentions", []).extend(ref["mentions"])
                continue
            mentions = [m for m in ref["mentions"] if (m["start"], m["end"]) not in deictic]
            if not mentions:
                continue
            if len(mentions) < len(ref["mentions"]):
                ref["mentions"] = mentions
                ref.update(start=mentions[0]["start"], end=mentions[0]["end"])
                ref["text"] = mentions[0]["text"]
            kept.append(ref)
        return kept

    def _add_reference(self, ref: dict) -> None:
        key = id_key(ref["id"]) if ref.get("id") else None
        name = name_key(ref["name"]) if ref.get("name") else None
        number = _number_of(ref.get("name"), ref.get("doc_type")) if key is None else None
        host = None
        if key is not None:
            host = self._by_id.get(key)
        elif name is not None:
            host = self._by_name.get(name)
        if host is None and number is not None:
            earlier = self._by_number.get(number) or []
            host = earlier[-1] if earlier else self._bare_numbers.get(number)
        if host is None and key is not None:
            # the same document cited earlier by its name or bare number only
            host = (self._by_name.get(name) if name else None) or self._bare_numbers.get(
                (ref.get("doc_type"), (ref.get("number") or "").lstrip("0"))
            )
            if host is not None and host.get("id"):
                host = None
        if host is None:
            self.references.append(ref)
            host = ref
        else:
            self._merge_reference(host, ref)
        self._index_reference(host, number)

    def _merge_reference(self, host: dict, other: dict) -> None:
        if not host.get("id") and other.get("id"):
            for field in _ID_FIELDS:
                host[field] = other.get(field)
            if host.get("resolved"):
                host["resolved"] = None  # numbered now: nothing left to resolve
        for field in (*_REFERENCE_FIELDS, "resolved"):
            if (
                not host.get(field)
                and other.get(field)
                and not (field == "resolved" and host.get("id"))
            ):
                host[field] = other[field]
        host["issuer"] = _more_words(host.get("issuer"), other.get("issuer"))
        mentions = sorted(host["mentions"] + other["mentions"], key=lambda m: m["start"])
        host["mentions"] = mentions
        first = mentions[0]
        host.update(start=first["start"], end=first["end"], text=first["text"])
        if "page" in first:
            host["page"] = first["page"]

    def _index_reference(self, ref: dict, number: tuple[str | None, str] | None) -> None:
        if ref.get("id"):
            self._by_id.setdefault(id_key(ref["id"]), ref)
            doc_number = (ref.get("doc_type"), (ref.get("number") or "").lstrip("0"))
            known = self._by_number.setdefault(doc_number, [])
            if all(other is not ref for other in known):
                known.append(ref)
        elif number is not None:
            self._bare_numbers.setdefault(number, ref)
        if ref.get("name"):
            self._by_name.setdefault(name_key(ref["name"]), ref)

    def _add_unit(self, unit: dict, spelling: str) -> None:
        key = unit_key(unit["name"])
        host = self._units.get(key)
        if host is None:
            self._units[key] = unit
            self._spellings[key] = spelling
            self.units.append(unit)
            return
        host["mentions"].extend(unit["mentions"])
        for alias in [spelling, *(unit.get("aliases") or [])]:
            if alias != self._spellings[key] and alias not in host["aliases"]:
                host["aliases"].append(alias)
        if unit["kind"] == "enterprise" and len(unit["name"]) > len(host["name"]):
            host["name"] = unit["name"]
        for field in ("parent", "level", "code", "new_province", "successor"):
            if field in unit and host.get(field) is None:
                host[field] = unit[field]

    # -- the whole document --------------------------------------------------------------------

    def result(self) -> dict[str, Any]:
        """`self`, `references`, `relations`, `units`, `statistics` and the document's
        `context` (date, place ...: the first section's, gaps filled from later ones) of the
        whole text, references in order of first mention, as one analysis orders them."""
        self.references.sort(key=lambda r: r["mentions"][0]["start"] if r["mentions"] else 0)
        if self.self_document is not None and self.self_document.get("mentions"):
            self.self_document["mentions"].sort(key=lambda m: m["start"])
        return {
            "self": self.self_document,
            "references": self.references,
            "relations": self.relations,
            "units": self.units,
            "statistics": self.statistics,
            "context": self.context,
        }


__all__ = ["SectionMerger", "SectionText", "page_finder", "section_tables"]
