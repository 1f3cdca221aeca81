"""The Vietnamese language layer in one call: normalize, split sentences, segment words, Doc.

`analyze(raw)` returns an `AnalyzedText` that every extractor reads. Extractors work in the
coordinates of the normalized text (`.text`) and map spans back with `.to_raw`.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from spacy.tokens import Doc
from spacy.vocab import Vocab

from vnpolicy.nlp.normalize import NormalizedText, normalize
from vnpolicy.nlp.segment import segment_words
from vnpolicy.nlp.sentences import split_sentences

if not Doc.has_extension("analyzed"):
    Doc.set_extension("analyzed", default=None)


@dataclass
class Sentence:
    """One sentence: its span and its word spans, in normalized-text offsets."""

    start: int
    end: int
    words: list[tuple[int, int]] = field(default_factory=list)


@lru_cache(maxsize=1)
def shared_vocab() -> Vocab:
    """One spaCy vocabulary per process (spaCy's own Vietnamese tokenizer needs pyvi: unused)."""
    return Vocab()


@dataclass
class AnalyzedText:
    """A document's text as read, its normalized form, sentences and words."""

    norm: NormalizedText
    sentences: list[Sentence]

    @property
    def raw(self) -> str:
        return self.norm.raw

    @property
    def text(self) -> str:
        return self.norm.text

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        return self.norm.to_raw(start, end)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence that contains `offset`, if any."""
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and self.sentences[i].start <= offset < self.sentences[i].end:
            return self.sentences[i]
        return None

    @cached_property
    def doc(self) -> Doc:
        """A spaCy `Doc` over the normalized text whose tokens are underthesea's words.

        `doc.text == self.text`; extra whitespace becomes whitespace tokens as spaCy does;
        `doc._.analyzed` is this object, so components can map spans back to the raw text.
        """
        return self.to_doc(shared_vocab())

    def to_doc(self, vocab: Vocab) -> Doc:
        """Build the spaCy `Doc` (see `doc`) with a given vocabulary."""
        text = self.text
        words: list[str] = []
        spaces: list[bool] = []
        sent_starts: list[bool] = []
        pos = 0
        starts = {s.start for s in self.sentences}

        def add_gap(gap: str) -> None:
            if not gap:
                return
            if words and not spaces[-1] and gap[0] == " ":
                spaces[-1] = True
                gap = gap[1:]
            if gap:
                words.append(gap)
                spaces.append(False)
                sent_starts.append(False)

        for sent in self.sentences:
            for s, e in sent.words:
                add_gap(text[pos:s])
                words.append(text[s:e])
                spaces.append(False)
                sent_starts.append(s in starts)
                pos = e
        add_gap(text[pos:])
        if sent_starts:
            sent_starts[0] = True
        # Sentence starts go in with the words: setting `token.is_sent_start` one by one is
        # quadratic in spaCy (each set re-checks the whole Doc's annotation).
        doc = Doc(vocab, words=words, spaces=spaces, sent_starts=sent_starts)
        doc._.analyzed = self
        return doc


def analyze(raw: str) -> AnalyzedText:
    """Normalize `raw`, split it into sentences and segment each into words.

    >>> at = analyze("Huyện uỷ Hải Lăng có11.727 đoàn viên.")
    >>> at.text
    'Huyện ủy Hải Lăng có 11.727 đoàn viên.'
    >>> at.raw[slice(*at.to_raw(21, 27))]
    '11.727'
    """
    norm = normalize(raw)
    sentences = [
        Sentence(s, e, segment_words(norm.text, s, e)) for s, e in split_sentences(norm.text)
    ]
    return AnalyzedText(norm=norm, sentences=sentences)
