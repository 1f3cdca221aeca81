"""Vietnamese language layer: normalization with offset maps, sentences, words, spaCy Doc."""

if __name__ != "vnpolicy.nlp":  # pragma: no cover - a guard, not behaviour
    # This folder is installed as `vnpolicy.nlp`; importing it as `nlp` would shadow (or be
    # shadowed by) PyPI's package of that name and register the spaCy components twice.
    raise ImportError("`nlp` is part of vnpolicy: import `vnpolicy.nlp`")


from vnpolicy.nlp.analysis import AnalyzedText, Sentence, analyze
from vnpolicy.nlp.normalize import NormalizedText, fold_for_matching, normalize

__all__ = [
    "AnalyzedText",
    "NormalizedText",
    "Sentence",
    "analyze",
    "fold_for_matching",
    "normalize",
]
