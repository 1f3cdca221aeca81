"""Sections of a long text: cut at natural borders so each part can be analysed on its own.

A 300-page Nghị định or a 3.8 MB text read as one line does not fit in one spaCy `Doc`
(spaCy refuses over 1,000,000 characters, and the offset maps of one analysis cost about
200 bytes a character). `section_spans` cuts such a text into consecutive spans of at most
`max_chars`, each ending at the best border in its last half, in this order of preference:
a page break, a heading of the legal structure ("Phần", "Chương", "Mục", "Điều N." at the
start of a line; Nghị định 30/2020/NĐ-CP, Phụ lục I), a line break, a sentence end, a space.
A word is never cut unless a run of `max_chars / 2` characters holds no space at all.

    >>> text = "Điều 1. Phạm vi điều chỉnh.\\nĐiều 2. Đối tượng áp dụng.\\nĐiều 3. Hiệu lực."
    >>> [text[s:e] for s, e in section_spans(text, max_chars=60)]
    ['Điều 1. Phạm vi điều chỉnh.\\nĐiều 2. Đối tượng áp dụng.\\n', 'Điều 3. Hiệu lực.']

A text of at most `max_chars` is one section, so short documents are analysed as before.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable, Sequence

Span = tuple[int, int]

#: Largest section, in characters. Time per character is flat from 100k to 800k characters
#: and an analysis holds ~180 bytes a character (measured on `benchmarks/corpus_templates`
#: text), so 200k keeps a section's peak near +40 MB while the context an extractor looks at
#: (a date 220 characters before a number, a place within 2,500) is cut at few borders.
SECTION_CHARS = 200_000

# Headings of the parts of a legal document (Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II):
# "Phần thứ nhất", "Chương II", "Mục 1", "Điều 5." at the start of a line (maybe in Markdown).
_HEADING = re.compile(
    r"(?m)^[ \t#*_]*(?:(?:PHẦN|Phần|CHƯƠNG|Chương|MỤC|Mục)\s+(?:thứ\s+\w+|[IVXLCDM]+|\d+)\b"
    r"|(?:ĐIỀU|Điều)\s+\d+[a-zđ]?\s*[.:])"
)
_LINE_START = re.compile(r"(?<=\n)(?=[^\n])")
# After a sentence's full stop (maybe closed by a quote or a bracket) and its spaces, where
# the next sentence starts with a capital, a digit, a quote or a bracket.
_SENTENCE_START = re.compile(r"(?<=[.!?…;:])[\"”’)\]]*[ \t]+(?=[\w\"“(\[])")
_WORD_START = re.compile(r"(?<=\s)(?=\S)")


def _last_border(
    pattern: re.Pattern[str], text: str, lo: int, hi: int, use_end: bool = False
) -> list[int]:
    """Border offsets in (lo, hi] found by `pattern`, last first."""
    found = [m.end() if use_end else m.start() for m in pattern.finditer(text, lo, hi + 1)]
    return [p for p in reversed(found) if lo < p <= hi]


def _hard_cut(text: str, at: int) -> int:
    """`at` moved back so a letter keeps its combining marks (no space to cut at)."""
    while at > 1 and unicodedata.combining(text[at]):
        at -= 1
    return at


def _best_border(
    text: str, lo: int, hi: int, page_starts: list[int], allowed: Callable[[int], bool]
) -> int:
    """The last allowed border in (lo, hi] of the most preferred kind that has one."""
    kinds = (
        lambda: [p for p in reversed(page_starts) if lo < p <= hi],
        lambda: _last_border(_HEADING, text, lo, hi),
        lambda: _last_border(_LINE_START, text, lo, hi),
        lambda: _last_border(_SENTENCE_START, text, lo, hi, use_end=True),
        lambda: _last_border(_WORD_START, text, lo, hi),
    )
    for candidates in kinds:
        cut = next((p for p in candidates() if allowed(p)), None)
        if cut is not None:
            return cut
    for candidates in kinds:  # a table longer than half a section: cut it, but not a word
        cut = next(iter(candidates()), None)
        if cut is not None:
            return cut
    return _hard_cut(text, hi)


def section_spans(
    text: str,
    max_chars: int = SECTION_CHARS,
    pages: Sequence[Span] = (),
    keep_together: Sequence[Span] = (),
) -> list[Span]:
    """Consecutive `(start, end)` spans covering `text`, each at most `max_chars` long.

    `pages` (a `Document.pages`) are the preferred borders; no border falls strictly inside
    a span of `keep_together` (a table) while another border is available.

    >>> section_spans("Một câu. Hai câu. Ba câu.", max_chars=12)
    [(0, 9), (9, 18), (18, 25)]
    >>> section_spans("Ngắn.", max_chars=12)
    [(0, 5)]
    """
    if max_chars < 2:
        raise ValueError(f"max_chars must be at least 2, not {max_chars}")
    n = len(text)
    if n <= max_chars:
        return [(0, n)]
    page_starts = sorted(s for s, _ in pages)
    kept = sorted(keep_together)

    def allowed(pos: int) -> bool:
        i = bisect.bisect_left(kept, (pos, pos)) - 1
        return not any(s < pos < e for s, e in kept[max(0, i - 1) : i + 2])

    spans: list[Span] = []
    start = 0
    while n - start > max_chars:
        cut = _best_border(text, start + max_chars // 2, start + max_chars, page_starts, allowed)
        spans.append((start, cut))
        start = cut
    spans.append((start, n))
    return spans


__all__ = ["SECTION_CHARS", "section_spans"]
