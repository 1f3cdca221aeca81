"""Word segmentation with underthesea, aligned back to character offsets.

underthesea joins the syllables of a word with spaces ("đảng viên") and returns strings only;
`segment_words` finds each word in the sentence so every word is a span of the text.
Tone placement is left as written (`use_token_normalize=False`). The words are those of
`underthesea.word_tokenize`, computed by `vnpolicy.nlp.crf` from the same model without its overhead.
The spans of a sentence depend on its text only, so they are cached per process: boilerplate
lines that recur across an archive ("Chia sẻ | In bài", "Nơi nhận:") are segmented once.
"""

from __future__ import annotations

import re
from functools import lru_cache

from vnpolicy.nlp.crf import segment

_NON_SPACE = re.compile(r"\S+")


def segment_words(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Word spans of `text[start:end]` as absolute offsets.

    >>> t = "Huyện ủy Hải Lăng có 9.757 đảng viên"
    >>> [t[s:e] for s, e in segment_words(t)]
    ['Huyện', 'ủy', 'Hải Lăng', 'có', '9.757', 'đảng viên']
    """
    end = len(text) if end is None else end
    return [(start + s, start + e) for s, e in _sentence_spans(text[start:end])]


@lru_cache(maxsize=4096)
def _sentence_spans(sentence: str) -> tuple[tuple[int, int], ...]:
    """Word spans of one sentence, relative to its start."""
    words = segment(sentence)
    spans, pos = [], 0
    for word in words:
        found = sentence.find(word, pos)
        if found < 0 or sentence[pos:found].strip():
            pattern = r"\s*".join(re.escape(ch) for ch in word if not ch.isspace())
            m = re.compile(pattern).search(sentence, pos) if pattern else None
            if not m:
                continue
            found, stop = m.start(), m.end()
        else:
            stop = found + len(word)
        spans.append((found, stop))
        pos = stop
    # Anything underthesea dropped still becomes a token, so no character is lost.
    return tuple(_fill_gaps(sentence, 0, len(sentence), spans))


def _fill_gaps(text: str, start: int, end: int, spans: list[tuple[int, int]]):
    out, pos = [], start
    for s, e in spans + [(end, end)]:
        if s > pos and not text[pos:s].isspace():
            out.extend((pos + m.start(), pos + m.end()) for m in _NON_SPACE.finditer(text[pos:s]))
        if e > s:
            out.append((s, e))
        pos = e
    return out
