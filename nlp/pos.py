"""underthesea's part-of-speech tags for segmented words, with its feature strings built fast.

`underthesea.pipeline.pos_tag.model_crf.CRFPOSTagPredictor.predict(words)` builds 22 feature
strings per word in Python, re-reading the whole sentence and re-parsing each template for
every feature (quadratic in the sentence: ~90% of its time), then tags them with its Rust
`CRFTagger`. `PosTagger` builds the very same strings once per word from the same templates
and hands them to the same tagger, so the tags are the same; `pos_tags` uses it only after its
features equal underthesea's on `vnpolicy.nlp.segment.CHECK_SENTENCES` (else underthesea's
own `predict`, after one warning).

>>> pos_tags(["Huyện ủy", "có", "9.757", "đảng viên"])
['N', 'V', 'N', 'N']
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable

log = logging.getLogger(__name__)

# underthesea's template syntax (`tagged_feature.template2features`): T[i] or T[i,j], a
# column ([1]: the tag column, "X" when predicting) and a function (.lower, .istitle, ...).
_TEMPLATE = re.compile(
    r"T\[(?P<index1>\-?\d+)(\,(?P<index2>\-?\d+))?\](\[(?P<column>.*)\])?(\.(?P<function>.*))?"
)
_PLACEHOLDER_TAG = "X"  # the tag column underthesea fills in before predicting


def _istitle(word: str) -> bool:
    """underthesea's `text_istitle`: every space-separated part starts with a capital."""
    if not word:
        return False
    try:
        return all(part[0].istitle() for part in word.split(" "))
    except IndexError:  # an empty part (two spaces): underthesea's except clause
        return False


def _isallcap(word: str) -> bool:
    return all(letter.istitle() for letter in word)


class PosTagger:
    """underthesea's POS model (`CRFPOSTagPredictor`) with its features built once per word."""

    def __init__(self, predictor=None):
        if predictor is None:
            from underthesea.pipeline.pos_tag.model_crf import CRFPOSTagPredictor

            predictor = CRFPOSTagPredictor.Instance()
        self._predictor = predictor
        self._model = predictor.model
        self._templates = []
        for name in predictor.transformer.template:
            m = _TEMPLATE.match(name)
            if m is None:
                raise ValueError(f"unknown POS feature template {name!r}")
            lo = int(m["index1"])
            hi = int(m["index2"]) if m["index2"] else None
            column = int(m["column"]) if m["column"] else 0
            self._templates.append((f"{name}=", lo, hi, column, m["function"]))
        functions = {t[4] for t in self._templates}
        if not functions <= {None, "lower", "istitle", "isallcap", "isdigit", "is_in_dict"}:
            raise ValueError(f"unknown POS feature functions {sorted(functions - {None})}")
        self._lower_words: set[str] | None = None
        if "is_in_dict" in functions:
            from underthesea.pipeline.pos_tag.tagged_feature import lower_words

            self._lower_words = lower_words

    def _apply(self, function: str | None, word: str) -> str:
        if function is None:
            return word
        if function == "lower":
            return word.lower()
        if function == "istitle":
            return str(_istitle(word))
        if function == "isallcap":
            return str(_isallcap(word))
        if function == "isdigit":
            return str(word.isdigit())
        return str(word.lower() in self._lower_words)  # is_in_dict

    def features(self, words: list[str]) -> list[list[str]]:
        """The feature strings of each word, as underthesea's `TaggedTransformer` builds them."""
        n = len(words)
        columns = (words, [_PLACEHOLDER_TAG] * n)
        out: list[list[str]] = [[] for _ in range(n)]
        for prefix, lo, hi, column, function in self._templates:
            values = columns[column]
            memo: dict[str, str] = {}
            for i in range(n):
                if i + lo < 0:
                    out[i].append(prefix + "BOS")
                    continue
                if i + lo >= n or (hi is not None and i + hi >= n):
                    out[i].append(prefix + "EOS")
                    continue
                word = values[i + lo] if hi is None else " ".join(values[i + lo : i + hi + 1])
                value = memo.get(word)
                if value is None:
                    value = memo[word] = self._apply(function, word)
                out[i].append(prefix + value)
        return out

    def tags(self, words: list[str]) -> list[str]:
        """One tag per word ("N", "Np", "V", "A", "M", "CH", ...)."""
        if not words:
            return []
        return list(self._model.tag(self.features(words)))


_lock = threading.Lock()
_tags: Callable[[list[str]], list[str]] | None = None


def _underthesea_tags(words: list[str]) -> list[str]:
    from underthesea.pipeline.pos_tag.model_crf import CRFPOSTagPredictor

    return [tag for _, tag in CRFPOSTagPredictor.Instance().predict(words)]


def first_difference(tagger: PosTagger, sentences: list[list[str]]) -> str | None:
    """How `tagger`'s features first differ from underthesea's on `sentences` (None if never)."""
    transformer = tagger._predictor.transformer
    for words in sentences:
        expected = transformer.sentence2features([(w, _PLACEHOLDER_TAG) for w in words])
        if tagger.features(words) != expected:
            return f"{' '.join(words)!r}"
    return None


def choose_tagger() -> Callable[[list[str]], list[str]]:
    """`PosTagger.tags` if its features equal underthesea's on the check sentences (segmented
    by `vnpolicy.nlp.segment`), else underthesea's own `predict` after one warning."""
    from vnpolicy.nlp import model_cache  # a passed check is remembered on disk
    from vnpolicy.nlp.segment import CHECK_SENTENCES, segment

    try:
        tagger = PosTagger()

        def check() -> str | None:
            sentences = [segment(s) for s in CHECK_SENTENCES] + [["Hà"], ["a  b", "Hà Nội"]]
            return first_difference(tagger, sentences)

        difference = model_cache.verified("pos-check", None, check, modules=[__name__])
    except Exception as exc:  # noqa: BLE001 (the fast path is only an optimisation)
        difference = f"{type(exc).__name__}: {exc}"
    if difference is None:
        return tagger.tags
    log.warning("vnpolicy.nlp.pos differs from underthesea on %s; using underthesea", difference)
    return _underthesea_tags


def pos_tags(words: list[str]) -> list[str]:
    """underthesea's POS tags of already segmented words, one per word.

    >>> pos_tags(["Tỉnh ủy", "Quảng Trị", "ban hành", "Nghị quyết"])
    ['N', 'Np', 'V', 'N']
    """
    global _tags
    if _tags is None:
        with _lock:
            if _tags is None:
                _tags = choose_tagger()
    return _tags(words)
