"""The registry of documents cited by name (`data/document_titles.json`), matched with spaCy.

Titles are data, as eyecite keeps reporters in reporters-db: each entry has a type, the title
as officially written, and where a named source states them its number, date and issuer.
`find_registered_titles` runs a `PhraseMatcher` over a lowercased syllable-level view of the
`Doc`; the longest registered title starting at a position wins, and a registered title is
found whole whatever follows it.

Why syllables: the pipeline's `Doc` tokens are underthesea words, and underthesea joins
syllables differently by context ("tác hại" is one word in one sentence, two in another, and
"Luật Giá" may come out as "Luật" + "Giá cả"), so a title tokenized on its own does not align
with the same title in running text. Matching over syllables and punctuation is free of that
misalignment; each match is then laid back onto the word `Doc` as a span in
`doc.spans["registered_titles"]` (expanded to whole words).

    >>> from vnpolicy.nlp import analyze
    >>> doc = analyze("Theo Luật Phòng, chống tác hại của rượu, bia, người lái xe").doc
    >>> [(m.text, m.entries[0].number) for m in find_registered_titles(doc)]
    [('Luật Phòng, chống tác hại của rượu, bia', '44/2019/QH14')]
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

_SYLLABLE = re.compile(r"\w+|[^\w\s]")
_YEAR_IN_NUMBER = re.compile(r"/((?:19|20)\d\d)/")
_LAW_TYPES = ("luật", "bộ luật", "pháp lệnh")
#: Windows of the text the matcher reads: from each word a registered title can start with,
#: this many characters on (lists of laws without their type word run on after a law);
#: a match must start this far before a window's cut, longer than any title.
_WINDOW_CHARS = 1200
_LONGEST_TITLE_CHARS = 300


@dataclass(frozen=True)
class RegisteredTitle:
    """One edition of one document in the registry."""

    type: str
    title: str
    number: str | None = None
    date: str | None = None
    issuer: str | None = None
    source: str | None = None

    @property
    def year(self) -> str | None:
        """The year it was passed or signed: its date's, else the one its number states
        ("45/2013/QH13" -> "2013")."""
        if self.date:
            return self.date[:4]
        m = _YEAR_IN_NUMBER.search(self.number or "")
        return m.group(1) if m else None


@dataclass(frozen=True)
class TitleMatch:
    """A registered title found in a text: offsets into `doc.text` and its entries (several
    when the title has several editions)."""

    start: int
    end: int
    text: str
    entries: tuple[RegisteredTitle, ...]
    tail_only: bool = False  # the title without its type word ("Bảo hiểm y tế" in a list)


@lru_cache(maxsize=1)
def load_registry() -> tuple[RegisteredTitle, ...]:
    """Every entry of `data/document_titles.json`."""
    path = resources.files("vnpolicy.extractors") / "data" / "document_titles.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise ValueError(f"{path}: cannot read the title registry ({e})") from e
    return tuple(RegisteredTitle(**entry) for entry in data["entries"])


def syllable_doc(text: str, vocab: Vocab) -> tuple[Doc, list[tuple[int, int]]]:
    """A `Doc` whose tokens are the lowercased syllables and punctuation of `text` (runs of
    whitespace become one space), and each token's offsets in `text`. Lowercased here, as the
    shared vocabulary has no lexical attribute getters for the matcher's LOWER."""
    words: list[str] = []
    spaces: list[bool] = []
    offsets: list[tuple[int, int]] = []
    for m in _SYLLABLE.finditer(text):
        words.append(m.group(0).lower())
        spaces.append(m.end() < len(text) and text[m.end()].isspace())
        offsets.append((m.start(), m.end()))
    return Doc(vocab, words=words, spaces=spaces), offsets


def _variants(title: str) -> set[str]:
    """A title and its spelling without the commas the press often drops."""
    return {title, re.sub(r"\s*,\s*", " ", title)}


def _title_key(text: str) -> str:
    return " ".join(_SYLLABLE.findall(text.lower()))


class TitleMatcher:
    """A `PhraseMatcher` over every registered title, and over each law's title without its
    type word (for lists that drop it: "Luật Ngân sách nhà nước, Bảo hiểm y tế")."""

    def __init__(self, vocab: Vocab, entries: tuple[RegisteredTitle, ...]):
        self.vocab = vocab
        self.matcher = PhraseMatcher(vocab, attr="ORTH")
        self.by_key: dict[str, list[RegisteredTitle]] = {}
        self.tail_key: dict[str, list[RegisteredTitle]] = {}
        for entry in entries:
            for variant in _variants(entry.title):
                self.by_key.setdefault(_title_key(variant), []).append(entry)
                if entry.type in _LAW_TYPES:
                    tail = variant[len(entry.type) :].strip()
                    if len(tail.split()) >= 2 or entry.type != "luật":
                        self.tail_key.setdefault(_title_key(tail), []).append(entry)
        first_words = sorted({k.split()[0] for k in self.by_key}, key=len, reverse=True)
        self.starts = re.compile(
            r"(?<!\w)(?:" + "|".join(map(re.escape, first_words)) + r")(?!\w)", re.IGNORECASE
        )
        self.matcher.add("TITLE", [syllable_doc(k, vocab)[0] for k in self.by_key])
        self.matcher.add("TAIL", [syllable_doc(k, vocab)[0] for k in self.tail_key])

    def windows(self, text: str) -> list[tuple[int, int]]:
        """The parts of `text` a title or a list of titles can be in: from each occurrence
        of a title's first word (`starts`), `_WINDOW_CHARS` on, overlapping ones joined."""
        out: list[tuple[int, int]] = []
        for m in self.starts.finditer(text):
            s, e = m.start(), min(len(text), m.start() + _WINDOW_CHARS)
            if out and s <= out[-1][1]:
                out[-1] = (out[-1][0], e)
            else:
                out.append((s, e))
        return out

    def __call__(self, text: str) -> list[TitleMatch]:
        best: dict[tuple[int, bool], TitleMatch] = {}
        for w_start, w_end in self.windows(text):
            cut = w_end if w_end == len(text) else w_end - _LONGEST_TITLE_CHARS
            self._match(text, w_start, w_end, cut, best)
        return sorted(best.values(), key=lambda m: (m.start, -m.end))

    def _match(
        self,
        text: str,
        w_start: int,
        w_end: int,
        cut: int,
        best: dict[tuple[int, bool], TitleMatch],
    ) -> None:
        """Matches in `text[w_start:w_end]` starting before `cut`, longest per start, into
        `best`."""
        sdoc, offsets = syllable_doc(text[w_start:w_end], self.vocab)
        for match_id, s, e in self.matcher(sdoc):
            tail = self.vocab.strings[match_id] == "TAIL"
            start, end = w_start + offsets[s][0], w_start + offsets[e - 1][1]
            if start >= cut:
                continue
            written = text[start:end]
            entries = (self.tail_key if tail else self.by_key).get(_title_key(written))
            if not entries:
                continue
            found = TitleMatch(start, end, written, tuple(entries), tail)
            old = best.get((found.start, tail))
            if old is None or found.end > old.end:
                best[(found.start, tail)] = found


@lru_cache(maxsize=4)
def _matcher(vocab: Vocab) -> TitleMatcher:
    return TitleMatcher(vocab, load_registry())


def _set_title_spans(doc: Doc, matches: list[TitleMatch]) -> list[TitleMatch]:
    """Set the whole titles among `matches` as `doc.spans["registered_titles"]` (labelled by
    document type); return them."""
    titles = [m for m in matches if not m.tail_only]
    spans = []
    for m in titles:
        span = doc.char_span(m.start, m.end, label=m.entries[0].type, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    doc.spans["registered_titles"] = spans
    return titles


def _doc_text(doc: Doc) -> str:
    """The text of `doc`: its `AnalyzedText`'s when it has one (equal, and `Doc.text` joins
    every token anew on each call)."""
    analyzed = doc._.analyzed if Doc.has_extension("analyzed") else None
    return analyzed.text if analyzed is not None else doc.text


def find_registered_titles(doc: Doc) -> list[TitleMatch]:
    """Registered titles in `doc` (whole titles, the longest at each start), in text order;
    also set as `doc.spans["registered_titles"]` with the document type as label."""
    return _set_title_spans(doc, _matcher(doc.vocab)(_doc_text(doc)))


def registered_titles_in(text: str, doc: Doc | None = None) -> list[TitleMatch]:
    """Registered titles and type-less law titles in `text` (over `doc` when given: its
    `doc.spans["registered_titles"]` is set, from the same single pass when `text` is the
    doc's text)."""
    if doc is None:
        from vnpolicy.nlp.analysis import shared_vocab

        return _matcher(shared_vocab())(text)
    matches = _matcher(doc.vocab)(text)
    doc_text = _doc_text(doc)
    _set_title_spans(doc, matches if text == doc_text else _matcher(doc.vocab)(doc_text))
    return matches


def lookup_title(title: str) -> list[RegisteredTitle]:
    """The registry entries of a title written any case, with or without its commas."""
    return default_registry().entries_for(title)


class TitleRegistry:
    """The registry as a lookup: titles to entries, and a named mention to its document.

    >>> default_registry().resolve("Luật Ngân hàng Nhà nước Việt Nam năm 2010", "luật")
    {'id': '46/2010/QH12', 'date': '2010-06-16', 'by': 'registry'}
    """

    def __init__(self, entries: tuple[RegisteredTitle, ...] | None = None):
        self.entries = load_registry() if entries is None else entries
        self._by_key: dict[str, list[RegisteredTitle]] = {}
        for entry in self.entries:
            for variant in _variants(entry.title):
                bucket = self._by_key.setdefault(_title_key(variant), [])
                if entry not in bucket:
                    bucket.append(entry)

    def entries_for(self, title: str) -> list[RegisteredTitle]:
        """Entries of `title` written any case, with or without its commas."""
        return list(self._by_key.get(_title_key(title), []))

    def resolve(
        self, name: str, doc_type: str | None = None, date: str | None = None
    ) -> dict[str, str | None] | None:
        """`{"id", "date", "by": "registry"}` for a name with an edition year or a date that
        fits exactly one numbered entry ("Luật Đất đai năm 2013" -> 45/2013/QH13); None when
        the name has neither (the title may have editions the registry lacks) or several fit.
        """
        from vnpolicy.extractors.document_ids import split_edition

        base, year = split_edition(name)
        if not year and not date:
            return None
        year = year or (date[:4] if date else None)
        fits = [
            e
            for e in self.entries_for(base) or self.entries_for(name)
            if e.number
            and (doc_type is None or e.type == doc_type)
            and (e.date == date if date and e.date else e.year == year)
        ]
        if len(fits) != 1:
            return None
        return {"id": fits[0].number, "date": fits[0].date, "by": "registry"}


@lru_cache(maxsize=1)
def default_registry() -> TitleRegistry:
    """The package's registry, loaded once."""
    return TitleRegistry()
