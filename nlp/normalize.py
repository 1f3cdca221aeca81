"""Normalize Vietnamese text for matching while keeping a map back to the text as read.

Extractors match on the normalized text; every span they report is mapped back through
`NormalizedText.to_raw` so offsets always point into the text as read. Steps:

- Unicode NFC per grapheme ("Đa\u0300ng" -> "Đàng"), which may shrink the text;
- new-style tone placement ("Huyện uỷ" -> "Huyện ủy"), same length;
- look-alike letters from other scripts (Cyrillic "С" in "TT-BTС") and dash look-alikes,
  same length; no-break and other exotic spaces become plain spaces;
- missing spaces repaired ("có11.727" -> "có 11.727", "đó,phát" -> "đó, phát"), which grows it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from vnpolicy.nlp.tones import modernize_tones

# Cyrillic and Greek letters that typists and OCR put in Latin symbols (TT-BTС, ХD), each
# above the Latin letter it stands for; dash look-alikes; exotic and zero-width spaces.
_LOOKALIKE_LETTERS = "АВСЕНІКМОРТХасеорхΑΒΕΗΙΚΜΝΟΡΤΧ"
_LATIN_LETTERS = "ABCEHIKMOPTXaceopxABEHIKMNOPTX"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_SPACES = "\u00a0\u2002\u2003\u2005\u2006\u2007\u2009\u200a\u202f\u3000\ufeff\u200b"
LOOKALIKES = str.maketrans(
    _LOOKALIKE_LETTERS + _DASHES + _SPACES,
    _LATIN_LETTERS + "-" * len(_DASHES) + " " * len(_SPACES),
)

# Words that legitimately end in a letter glued to a digit: squared/cubed measures.
_GLUED_UNITS = {"m", "km", "cm", "mm", "dm", "ha"}
_LOWER_THEN_DIGIT = re.compile(r"(?<=[^\W\d_])(?=\d)")
_DIGIT_THEN_WORD = re.compile(r"(?<=\d)[^\W\d_]+")
_COMMA_THEN_LETTER = re.compile(r"(?<=[^\W\d_][,;])(?=[^\W\d_])|(?<=\d[,;])(?=[^\W\d_])")
_STOP_THEN_CAPITAL = re.compile(
    r"(?<=[a-zà-ỹđ)”\"]\.)(?=[A-ZÀ-ỸĐ][a-zà-ỹđ])|(?<=\.\.\.)(?=[A-ZÀ-ỸĐ])"
)


@dataclass(frozen=True)
class NormalizedText:
    """Normalized text with, for each of its characters, the raw span it came from."""

    raw: str
    text: str
    raw_starts: tuple[int, ...]
    raw_ends: tuple[int, ...]

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the normalized text to the span of the raw text it came from."""
        if end <= start:
            pos = self.raw_starts[start] if start < len(self.raw_starts) else len(self.raw)
            return pos, pos
        return self.raw_starts[start], self.raw_ends[end - 1]

    def raw_slice(self, start: int, end: int) -> str:
        """The text as read behind a span of the normalized text."""
        rs, re_ = self.to_raw(start, end)
        return self.raw[rs:re_]


def _nfc_with_map(raw: str) -> tuple[str, list[int], list[int]]:
    """NFC cluster by cluster so each output character knows its raw span."""
    if unicodedata.is_normalized("NFC", raw):
        n = len(raw)
        return raw, list(range(n)), list(range(1, n + 1))
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i, n = 0, len(raw)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(raw[j]):
            j += 1
        piece = unicodedata.normalize("NFC", raw[i:j])
        for ch in piece:
            out.append(ch)
            starts.append(i)
            ends.append(j)
        i = j
    return "".join(out), starts, ends


def _insertion_points(text: str) -> list[int]:
    """Positions where a missing space is restored."""
    points = set()
    for m in _LOWER_THEN_DIGIT.finditer(text):
        pos = m.start()
        k = pos
        while k > 0 and text[k - 1].isalpha():
            k -= 1
        word = text[k:pos]
        # Only glued lowercase words ("có11.727"); symbols like "QH13" and "m2" stay.
        if word.islower() and word not in _GLUED_UNITS and len(word) >= 2:
            points.add(pos)
    for m in _DIGIT_THEN_WORD.finditer(text):
        # "2022của" -> "2022 của"; "10ha", "3G", "19h30" stay as written.
        word = m.group(0)
        if word.islower() and not word.isascii():
            points.add(m.start())
    for pattern in (_COMMA_THEN_LETTER, _STOP_THEN_CAPITAL):
        points.update(m.start() for m in pattern.finditer(text))
    return sorted(points)


def normalize(raw: str) -> NormalizedText:
    """Normalize `raw` for matching; see the module docstring for the steps.

    >>> normalize("Huyện uỷ có11.727 đoàn viên").text
    'Huyện ủy có 11.727 đoàn viên'
    """
    text, starts, ends = _nfc_with_map(raw)
    text = modernize_tones(text.translate(LOOKALIKES))
    points = _insertion_points(text)
    if points:
        pieces: list[str] = []
        new_starts: list[int] = []
        new_ends: list[int] = []
        prev = 0
        for p in points:
            pieces.append(text[prev:p])
            new_starts.extend(starts[prev:p])
            new_ends.extend(ends[prev:p])
            anchor = starts[p] if p < len(starts) else len(raw)
            pieces.append(" ")
            new_starts.append(anchor)
            new_ends.append(anchor)
            prev = p
        pieces.append(text[prev:])
        new_starts.extend(starts[prev:])
        new_ends.extend(ends[prev:])
        text, starts, ends = "".join(pieces), new_starts, new_ends
    return NormalizedText(raw=raw, text=text, raw_starts=tuple(starts), raw_ends=tuple(ends))


def fold_for_matching(text: str) -> str:
    """NFC, new tone placement, look-alikes replaced: the key two spellings of a name share."""
    return modernize_tones(unicodedata.normalize("NFC", text).translate(LOOKALIKES))
