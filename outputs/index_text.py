"""Text keys for the search index: diacritic folding, reference id keys, query parsing, snippets.

Searching Vietnamese without diacritics is the norm ("nghi quyet" for "nghị quyết"), and
SQLite's `remove_diacritics 2` leaves `đ` alone, so the index folds text itself before the
full-text tokenizer sees it. The fold keeps one character per character, so an offset in the
folded text is the same offset in the text as read, and snippets can show the original.

>>> fold("Huyện uỷ Đông Hà")
'huyen uy dong ha'
>>> reference_key("01/2014/NQ-HĐTP")
'1/2014nqhdtp'
>>> reference_key("21-NQ/TƯ") == reference_key("21-NQ/TW") != reference_key("21-NQ/TU")
True
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from vnpolicy.extractors.document_ids import document_id_key
from vnpolicy.extractors.reference_types import DOC_TYPE_WORDS, SYMBOL_DOC_TYPES

# Longest accepted query; the rest is cut (a pasted page is searched by its beginning).
MAX_QUERY_CHARS = 1000
# Most words one full-text query is built from: more only slows the query without
# narrowing it further.
MAX_QUERY_TERMS = 32


def _fold_char(char: str) -> str:
    if char in "đĐ":
        return "d"
    if unicodedata.combining(char):
        return char  # a stray combining mark stays; the tokenizer drops it
    base = unicodedata.normalize("NFD", char)[0]
    lower = base.lower()
    return lower if len(lower) == 1 else base


# Latin letters with and without marks (Basic Latin capitals, Latin-1, Extended-A/B and
# Latin Extended Additional, where the Vietnamese letters with two marks live).
_LATIN = [*range(0x41, 0x5B), *range(0xC0, 0x250), *range(0x1E00, 0x1F00)]
_FOLD_TABLE = {code: folded for code in _LATIN if (folded := _fold_char(chr(code))) != chr(code)}


def fold(text: str) -> str:
    """Lowercase without tone or vowel marks, `đ` -> `d`, one character out per character in.

    Old and new tone placement fold alike: `fold("uỷ") == fold("ủy") == "uy"`.
    """
    return text.translate(_FOLD_TABLE)


def fold_query(text: str) -> str:
    """`fold` after NFC, for what a user types (a query may arrive decomposed)."""
    return fold(unicodedata.normalize("NFC", text))


# A syllable ending in a lone "y" after a consonant: both spellings are in print ("tỷ lệ"
# and "tỉ lệ", "kỹ thuật" and "kĩ thuật"), so the key reads it as "i".
_FINAL_Y = re.compile(r"\b([b-df-hj-np-tv-xz]+)y\b")


def measure_key(text: str | None) -> str | None:
    """A statistic's measure as the index matches it: folded words, one space apart, a
    final "y" after a consonant read as "i". `measure_key("Tỷ lệ hộ nghèo:")` and
    `measure_key("ti le ho ngheo")` are both "ti le ho ngheo"; None when no word is left.

    >>> measure_key("Tỉ lệ hộ nghèo (đa chiều)")
    'ti le ho ngheo da chieu'
    """
    if not text:
        return None
    words = re.findall(r"[^\W_]+", fold_query(text).lower())
    return _FINAL_Y.sub(r"\1i", " ".join(words)) or None


_ID_PIECE = re.compile(r"[^\W_]+")


def id_tokens(text: str) -> list[str]:
    """The letter and digit groups of an id as `document_id_key` reads them (leading zeros
    dropped, "TƯ" = "TW", Đ = D), each separate group kept apart: "05-CT/TU" -> ["5", "ct",
    "tu"], "21-NQ/TƯ" -> ["21", "nq", "tw"]."""
    tokens = [
        group
        for piece in _ID_PIECE.findall(unicodedata.normalize("NFC", text))
        for group in re.findall(r"\d+|[a-z]+", document_id_key(piece))
    ]
    whole = re.findall(r"\d+|[a-z]+", document_id_key(text))
    # "T.Ư" spans two pieces; the whole key is the authority when the pieces disagree
    return tokens if "".join(tokens) == "".join(whole) else whole


def reference_key(ref_id: str | None) -> str | None:
    """The index's key of a document number: `document_id_key`, the one key the extractor
    and the web page use too (`21-NQ/TW`, `21 NQ TƯ`, `21-nq/tw` -> "21nqtw"); None for an
    id without a digit."""
    if not ref_id or not any(c.isdigit() for c in ref_id):
        return None
    return document_id_key(ref_id) or None


def name_key(name: str | None) -> str | None:
    """The key of an unnumbered document's name: folded words joined by single spaces."""
    if not name:
        return None
    words = re.findall(r"[^\W_]+", fold_query(name))
    return " ".join(words) or None


# Doc-type words as typed in a query, folded, longest first ("nghi quyet lien tich" before
# "nghi quyet"); and each type's symbol abbreviations ("nghị quyết" -> {"nq"}).
_TYPE_WORDS: list[tuple[str, str]] = sorted(
    ((fold(word), doc_type) for doc_type, words in DOC_TYPE_WORDS.items() for word in words),
    key=lambda pair: -len(pair[0]),
)
TYPE_ABBREVIATIONS: dict[str, set[str]] = {}
for _abbr, _type in SYMBOL_DOC_TYPES.items():
    TYPE_ABBREVIATIONS.setdefault(_type, set()).add(fold(_abbr))


def canonical_doc_type(text: str | None) -> str | None:
    """A doc type as typed ("chi thi", "Chỉ thị", "CT") -> its canonical form ("chỉ thị")."""
    if not text or not text.strip():
        return None
    folded = " ".join(fold_query(text).split())
    for word, doc_type in _TYPE_WORDS:
        if folded == word:
            return doc_type
    for abbr, doc_type in SYMBOL_DOC_TYPES.items():
        if folded == fold(abbr):
            return doc_type
    return text.strip().lower()


def is_doc_type_word(text: str) -> bool:
    """Whether `text` is only a document type's word ("Nghị quyết", "luat"), no title."""
    folded = " ".join(fold_query(text).split())
    return any(folded == word for word, _ in _TYPE_WORDS)


@dataclass(frozen=True)
class ReferenceQuery:
    """A query read as a document number: "Nghị quyết 21" -> numbers ("21",), doc type
    "nghị quyết"; "nq 21/tw" -> numbers ("21",), letters ("nq", "tw")."""

    numbers: tuple[str, ...]
    letters: tuple[str, ...]
    doc_type: str | None = None

    def matches_id(self, numbers: list[str], letters: list[str]) -> bool:
        """Whether a stored id (its digit and letter groups) agrees with the query's."""
        if not numbers or numbers[0] != self.numbers[0]:
            return False
        if not _is_subsequence(self.numbers, numbers):
            return False
        # each letter group typed is a stored group or several run together ("nqtw")
        runs = {
            "".join(letters[i:j])
            for i in range(len(letters))
            for j in range(i + 1, len(letters) + 1)
        }
        return set(self.letters) <= runs

    def needs_type(self, letters: list[str]) -> bool:
        """Whether a matching id must also have the query's type: "Nghị quyết 21" takes
        "21-NQ/TW" (NQ says it), but "21/TU" only where it was read as a nghị quyết."""
        if not self.doc_type or self.letters:
            return False
        return not TYPE_ABBREVIATIONS.get(self.doc_type, set()) & set(letters)

    @property
    def type_key(self) -> str | None:
        return name_key(self.doc_type)

    def matches(self, numbers: list[str], letters: list[str], type_key: str | None) -> bool:
        """Whether a stored reference is meant: its id's groups and its type (`name_key`)."""
        if not self.matches_id(numbers, letters):
            return False
        return not self.needs_type(letters) or type_key == self.type_key


def _is_subsequence(needle: tuple[str, ...], haystack: list[str]) -> bool:
    items = iter(haystack)
    return all(any(x == y for y in items) for x in needle)


_ID_QUERY_CHARS = re.compile(r"[a-z0-9\s\-/.,:_]*")


def parse_reference_query(query: str) -> ReferenceQuery | None:
    """Read `query` as a document number if it looks like one, else None.

    `21-NQ/TW`, `21 NQ TW`, `nq 21/tw`, `Nghị quyết 21`, `nghi quyet so 21` all give numbers
    ("21",); "kết nạp 500 đảng viên" gives None (words that are no symbol). The id's groups
    are read from the query as typed, so "21-NQ/TƯ" gives ("nq", "tw"), not "tu".
    """
    typed = " ".join(unicodedata.normalize("NFC", query[:200]).split())
    folded = fold(typed)  # one character per character: offsets in `folded` are in `typed`
    start, doc_type = 0, None
    for word, canonical in _TYPE_WORDS:
        if folded.startswith(word) and not folded[len(word) : len(word) + 1].isalpha():
            doc_type, start = canonical, len(word)
            break
    so = re.match(r"\s*(?:so\b\.?)?\s*", folded[start:])
    start += so.end() if so else 0
    date = re.search(r"\bngay\b", folded[start:])  # "21-NQ/TW ngày 16/6/2022": not the id
    end = start + date.start() if date else len(folded)
    if not _ID_QUERY_CHARS.fullmatch(folded[start:end]):
        return None
    tokens = id_tokens(typed[start:end])
    numbers = tuple(t for t in tokens if t.isdigit())
    letters = tuple(t for t in tokens if not t.isdigit())
    if not numbers or len(tokens) > 16 or any(len(t) > 10 for t in letters):
        return None
    if not letters and not doc_type and len(numbers) < 2:
        return None  # a bare number is text, not an id
    return ReferenceQuery(numbers, letters, doc_type)


# --- full-text queries -----------------------------------------------------------------

_QUERY_PART = re.compile(r'"([^"]*)"?|([^\W_]+)(\*?)')


@dataclass(frozen=True)
class QueryTerm:
    """One word or quoted phrase of a free-text query, folded."""

    words: tuple[str, ...]
    prefix: bool = False

    def fts(self) -> str:
        """The term as FTS5 syntax; every word quoted so `AND`, `NEAR(` or `*` are plain words."""
        return '"' + " ".join(self.words) + '"' + ("*" if self.prefix else "")


def query_terms(query: str) -> list[QueryTerm]:
    """The words and "quoted phrases" of a query, folded: `"Tỉnh ủy" nghị*` ->
    [("tinh", "uy"), ("nghi", prefix)]. Punctuation and FTS operators are ignored as syntax."""
    terms: list[QueryTerm] = []
    for match in _QUERY_PART.finditer(fold_query(query[:MAX_QUERY_CHARS])):
        phrase, word, star = match.groups()
        if phrase is not None:
            words = tuple(re.findall(r"[^\W_]+", phrase))
            if words:
                terms.append(QueryTerm(words))
        elif word:
            terms.append(QueryTerm((word,), prefix=bool(star)))
        if len(terms) >= MAX_QUERY_TERMS:
            break
    return terms


def fts_expression(terms: list[QueryTerm]) -> str:
    """All terms required (FTS5's implicit AND); plain words are also tried as one phrase,
    so bm25 ranks "nghị quyết" written together above "nghị" and "quyết" apart."""
    required = " ".join(term.fts() for term in terms)
    plain = [t for t in terms if len(t.words) == 1 and not t.prefix]
    if len(plain) == len(terms) > 1:
        return f'({required}) OR "{" ".join(t.words[0] for t in terms)}"'
    return required


def phrase_expression(text: str) -> str | None:
    """The whole of `text` as one FTS5 phrase ("Tỉnh ủy Quảng Trị" -> `"tinh uy quang tri"`)."""
    words = re.findall(r"[^\W_]+", fold_query(text[:MAX_QUERY_CHARS]))[:MAX_QUERY_TERMS]
    return '"' + " ".join(words) + '"' if words else None


# --- snippets ---------------------------------------------------------------------------

Segment = tuple[str, bool]  # (text, highlighted)


def term_pattern(terms: list[QueryTerm]) -> re.Pattern[str] | None:
    """A regex of the terms as whole words in a folded text. Each starts with its first
    word, the word's start checked behind it, so the regex engine looks for the literal
    (some 30 times faster than a pattern that starts with the check)."""
    parts = []
    for term in terms:
        first, *rest = (re.escape(w) for w in term.words)
        body = first + rf"(?<![^\W_]{first})" + "".join(r"[\W_]+" + w for w in rest)
        tail = "" if term.prefix else r"(?![^\W_])"
        parts.append(body + tail)
    if not parts:
        return None
    return re.compile("|".join(sorted(parts, key=len, reverse=True)))


def find_terms(folded: str, terms: list[QueryTerm], limit: int = 500) -> list[tuple[int, int]]:
    """Where the terms occur in a folded text, as (start, end) spans."""
    pattern = term_pattern(terms)
    if pattern is None:
        return []
    spans = []
    for match in pattern.finditer(folded):
        spans.append(match.span())
        if len(spans) >= limit:
            break
    return spans


def _merge_adjacent(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans with only spaces between them as one ("Huyện ủy" highlighted whole)."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and merged[-1][1] <= start and not text[merged[-1][1] : start].strip(" "):
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        elif not merged or start >= merged[-1][1]:
            merged.append((start, end))
    return merged


def snippet(text: str, spans: list[tuple[int, int]], width: int = 240) -> list[Segment]:
    """A window of `text` of about `width` characters around the densest group of `spans`,
    as segments with the spans highlighted; the text's beginning when there is no span."""
    spans = _merge_adjacent(text, sorted((s, e) for s, e in spans if 0 <= s < e <= len(text)))
    if not spans:
        head = " ".join(text[: width + 1].split())
        if len(head) > width:
            cut = head.rfind(" ", 0, width)
            head = head[: cut if cut > 0 else width] + "…"
        return [(head, False)]
    best, best_count = 0, 0
    for i, (start, _) in enumerate(spans):
        count = len({text[s:e].lower() for s, e in spans[i:] if e <= start + width})
        if count > best_count:
            best, best_count = i, count
    first_start = spans[best][0]
    start = max(0, first_start - width // 4)
    if start > 0:
        space = text.rfind(" ", 0, start + 1)
        start = space + 1 if space >= 0 and first_start - space < width // 2 else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > spans[best][1] else end
    segments: list[Segment] = []
    cursor = start
    for s, e in spans:
        if s < cursor or e > end:
            continue
        if s > cursor:
            segments.append((text[cursor:s], False))
        segments.append((text[s:e], True))
        cursor = e
    if cursor < end:
        segments.append((text[cursor:end], False))
    segments = [(re.sub(r"\s+", " ", part), mark) for part, mark in segments]
    if start > 0:
        segments.insert(0, ("…", False))
    if end < len(text):
        segments.append(("…", False))
    return segments
