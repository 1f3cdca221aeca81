"""Sentence boundaries as offsets, from underthesea's sentence splitter.

underthesea returns sentence strings without offsets; we split per line (paragraph) and align
each sentence back onto the text, so a sentence is a `(start, end)` span of the input.
"""

from __future__ import annotations

import re

from underthesea import sent_tokenize

_LINE = re.compile(r"[^\n]+")
_MAX_SENTENCE = 2000  # a "sentence" longer than this (tables, lists) is cut at "; " or spaces


def _align(line: str, base: int, pieces: list[str]) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        found = line.find(piece, pos)
        if found < 0:  # underthesea changed the text: fall back to a whitespace-tolerant search
            pattern = r"\s+".join(re.escape(w) for w in piece.split())
            m = re.compile(pattern).search(line, pos)
            if not m:
                continue
            found, end = m.start(), m.end()
        else:
            end = found + len(piece)
        spans.append((base + found, base + end))
        pos = end
    return spans


def _cut_long(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    while end - start > _MAX_SENTENCE:
        cut = text.rfind("; ", start, start + _MAX_SENTENCE)
        if cut <= start:
            cut = text.rfind(" ", start, start + _MAX_SENTENCE)
        if cut <= start:
            cut = start + _MAX_SENTENCE
        out.append((start, cut + 1))
        start = cut + 1
        while start < end and text[start] == " ":
            start += 1
    if start < end:
        out.append((start, end))
    return out


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of `text`, in order, never crossing a line break.

    >>> split_sentences("Tỉnh ủy họp. Huyện ủy dự.\\nXã làm.")
    [(0, 12), (13, 25), (26, 33)]
    """
    spans: list[tuple[int, int]] = []
    for m in _LINE.finditer(text):
        line = m.group(0)
        if not line.strip():
            continue
        for s, e in _align(line, m.start(), sent_tokenize(line)):
            spans.extend(_cut_long(text, s, e))
    return spans
