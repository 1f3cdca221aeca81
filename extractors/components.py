"""The extractors as spaCy pipeline components: small registered factories over the `Doc`.

Each component reads `doc._.analyzed` (set by `vnpolicy.nlp.spacy_tokenizer.UndertheseaTokenizer`)
and leaves its result on the `Doc`, so components compose the spaCy way:

    >>> from vnpolicy.extractors.components import build_nlp
    >>> nlp = build_nlp()
    >>> doc = nlp("Thực hiện Chỉ thị số 05-CT/TU của Ban Thường vụ Tỉnh ủy, có 9.757 đồng chí.")
    >>> [(s.text, s.label_) for s in doc.spans["references"]]
    [('Chỉ thị số 05-CT/TU', 'chỉ thị')]
    >>> doc._.statistics[0]["value"]
    9757.0

Results are plain dicts in `doc._.references`, `doc._.relations`, `doc._.self_document`,
`doc._.units`, `doc._.statistics` (offsets into `doc.text`, the normalized text), and the
same mentions as `Span`s in `doc.spans[...]` with the dict on `span._.fields`.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from vnpolicy.extractors.dates import find_dates
from vnpolicy.extractors.references import extract_references
from vnpolicy.extractors.statistics import extract_statistics
from vnpolicy.extractors.units import extract_units
from vnpolicy.nlp.spacy_tokenizer import UndertheseaTokenizer

for _name in ("references", "relations", "self_document", "units", "statistics"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)
if not Span.has_extension("fields"):
    Span.set_extension("fields", default=None)

#: Component names in pipeline order: statistics read the references' spans.
COMPONENTS = ("vnpolicy_references", "vnpolicy_units", "vnpolicy_statistics")


def _spans(doc: Doc, items: list[dict], label_key: str) -> list[Span]:
    """Every mention of every item as a `Span` labelled by `item[label_key]`."""
    spans = []
    for item in items:
        for mention in item.get("mentions") or [item]:
            span = doc.char_span(
                mention["start"],
                mention["end"],
                label=item.get(label_key) or "",
                alignment_mode="expand",
            )
            if span is not None:
                span._.fields = item
                spans.append(span)
    return spans


def _analyzed(doc: Doc):
    at = doc._.analyzed
    if at is None:
        raise ValueError("vnpolicy components need a Doc made by UndertheseaTokenizer")
    return at


@Language.factory("vnpolicy_references")
def make_references(nlp: Language, name: str):
    def references(doc: Doc) -> Doc:
        found = extract_references(_analyzed(doc), doc)
        doc._.references = found["references"]
        doc._.relations = found.get("relations", [])
        doc._.self_document = found.get("self")
        doc.spans["references"] = _spans(doc, doc._.references, "doc_type")
        return doc

    return references


@Language.factory("vnpolicy_units")
def make_units(nlp: Language, name: str):
    def units(doc: Doc) -> Doc:
        doc._.units = extract_units(_analyzed(doc))
        doc.spans["units"] = _spans(doc, doc._.units, "kind")
        return doc

    return units


@Language.factory("vnpolicy_statistics")
def make_statistics(nlp: Language, name: str):
    def statistics(doc: Doc) -> Doc:
        at = _analyzed(doc)
        exclude = [(s.start_char, s.end_char) for s in doc.spans.get("references", [])]
        own = doc._.self_document or {}
        exclude += [(m["start"], m["end"]) for m in own.get("mentions") or []]
        exclude += [(s, e) for s, e, _ in find_dates(at.text)]
        doc._.statistics = extract_statistics(at, exclude=exclude)
        doc.spans["statistics"] = _spans(doc, doc._.statistics, "kind")
        return doc

    return statistics


@lru_cache(maxsize=1)
def build_nlp() -> Language:
    """The vnpolicy spaCy pipeline, built once per process."""
    nlp = spacy.blank("xx")
    nlp.tokenizer = UndertheseaTokenizer(nlp.vocab)
    for component in COMPONENTS:
        nlp.add_pipe(component)
    return nlp
