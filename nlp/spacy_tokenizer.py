"""A spaCy tokenizer that runs the whole language layer (normalize, sentences, underthesea).

spaCy's own Vietnamese tokenizer needs pyvi; this one gives a `Doc` whose tokens are
underthesea's words ("đảng viên" is one token), with sentence starts set and
`doc._.analyzed` holding the `AnalyzedText` (raw text and the offset map).
"""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from vnpolicy.nlp.analysis import analyze


class UndertheseaTokenizer:
    """`nlp.tokenizer = UndertheseaTokenizer(nlp.vocab)`; `nlp("Huyện uỷ họp.")` then works."""

    def __init__(self, vocab: Vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        return analyze(text).to_doc(self.vocab)

    # spaCy calls these when saving a pipeline; the tokenizer has no state of its own.
    def to_bytes(self, **_) -> bytes:
        return b""

    def from_bytes(self, _data: bytes, **_) -> UndertheseaTokenizer:
        return self

    def to_disk(self, _path, **_) -> None:
        return None

    def from_disk(self, _path, **_) -> UndertheseaTokenizer:
        return self
